/**
 * Wiring only: every file of the data contract becomes a content collection.
 * Schemas live in src/schemas, reading and validation in src/loader.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { dataDir } from './loader/index.ts';
import { folderLoader } from './loader/astro.ts';
import { TABLES } from './schemas/tables.ts';
import { siteSchema } from './schemas/site.ts';
import { documentSchema } from './schemas/document.ts';

/** Entries keyed by their own id column. */
const byId = <K extends 'regions' | 'waters' | 'segments' | 'chiefs' | 'stations' | 'cases' | 'inspections' | 'targets'>(name: K, key: string) =>
  defineCollection({
    loader: folderLoader(name, (f) => f[name].map((r) => ({ id: String((r.data as Record<string, unknown>)[key]), data: r.data as Record<string, unknown> }))),
    schema: TABLES[name].row,
  });

/** Entries of tables without an id column, keyed by file and line (stable for a given folder). */
const byLine = <K extends 'assignments' | 'readings' | 'caseEvents' | 'patrols' | 'actions'>(name: K) =>
  defineCollection({
    loader: folderLoader(name, (f) => f[name].map((r) => ({ id: `${r.file}:${r.line}`, data: r.data as Record<string, unknown> }))),
    schema: TABLES[name].row,
  });

export const collections = {
  site: defineCollection({
    loader: folderLoader('site', (f) => (f.site ? [{ id: 'site', data: f.site as Record<string, unknown> }] : [])),
    schema: siteSchema,
  }),
  regions: byId('regions', 'code'),
  waters: byId('waters', 'id'),
  segments: byId('segments', 'id'),
  chiefs: byId('chiefs', 'id'),
  assignments: byLine('assignments'),
  stations: byId('stations', 'id'),
  readings: byLine('readings'),
  cases: byId('cases', 'id'),
  caseEvents: byLine('caseEvents'),
  inspections: byId('inspections', 'id'),
  patrols: byLine('patrols'),
  actions: byLine('actions'),
  targets: byId('targets', 'id'),
  geo: defineCollection({
    loader: folderLoader('geo', (f) => f.geo.map((g) => ({ id: g.id, data: { ...g } as Record<string, unknown> }))),
    schema: z.object({ id: z.string(), name: z.string().optional(), geometry: z.object({ type: z.string(), coordinates: z.unknown() }) }),
  }),
  documents: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: join(dataDir(), 'documents') }),
    schema: documentSchema,
  }),
};
