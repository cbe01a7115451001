/**
 * Wiring only: every file of the data contract becomes a content collection.
 * Schemas live in src/schemas, reading and validation in src/loader.
 */
// defineCollection from astro/content/config, the module the virtual module
// 'astro:content' re-exports it from (Astro's own typings of 'astro:content'
// do the same): importing the virtual module made Astro's content sync load
// its whole page-rendering runtime, about a hundred modules, through a Vite
// server before reading any data (docs/performance.md).
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { dataDir } from './loader/data-dir.ts';
import { folderLoader } from './loader/folder-loader.ts';
import { encodeEvents, encodePatrols, encodeReadings } from './loader/compact.ts';
import { TABLES } from './schemas/tables.ts';
import { siteSchema } from './schemas/site.ts';
import { documentSchema } from './schemas/document.ts';
import { push } from './lib/collections.ts';

/** Entries keyed by their own id column. */
const byId = <
  K extends 'regions' | 'waters' | 'segments' | 'chiefs' | 'stations' | 'cases' | 'inspections' | 'targets' | 'outlets',
>(
  name: K,
  key: string,
) =>
  defineCollection({
    loader: folderLoader(name, (f) =>
      f[name].map((r) => ({
        id: String((r.data as Record<string, unknown>)[key]),
        data: r.data as Record<string, unknown>,
      })),
    ),
    schema: TABLES[name].row,
  });

/** Entries of tables without an id column, keyed by file and line (stable for a given folder). */
const byLine = <K extends 'assignments' | 'actions' | 'blackOdorous'>(name: K) =>
  defineCollection({
    loader: folderLoader(name, (f) =>
      f[name].map((r) => ({ id: `${r.file}:${r.line}`, data: r.data as Record<string, unknown> })),
    ),
    schema: TABLES[name].row,
  });

/**
 * The long tables (60 months of readings per station, a patrol row per chief
 * per month, every status change of every case) are stored one entry per
 * station, chief or case, holding its validated rows in the compact cell form
 * of src/loader/compact.ts: a city has hundreds of thousands of such rows.
 */
function groupBy<T>(rows: { data: T }[], key: (d: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) push(groups, key(r.data), r.data);
  return groups;
}
const cell = z.union([z.string(), z.number(), z.null()]);
const compactRows = z.object({ key: z.string(), rows: z.array(z.array(cell)) });

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
  readings: defineCollection({
    loader: folderLoader('readings', (f) =>
      [...groupBy(f.readings, (r) => r.station)].map(([key, rows]) => ({
        id: key,
        data: { key, rows: encodeReadings(rows) },
      })),
    ),
    schema: compactRows,
  }),
  cases: byId('cases', 'id'),
  caseEvents: defineCollection({
    loader: folderLoader('caseEvents', (f) =>
      [...groupBy(f.caseEvents, (e) => e.case)].map(([key, rows]) => ({
        id: key,
        data: { key, rows: encodeEvents(rows) },
      })),
    ),
    schema: compactRows,
  }),
  inspections: byId('inspections', 'id'),
  patrols: defineCollection({
    loader: folderLoader('patrols', (f) =>
      [...groupBy(f.patrols, (p) => p.chief)].map(([key, rows]) => ({
        id: key,
        data: { key, rows: encodePatrols(rows) },
      })),
    ),
    schema: compactRows,
  }),
  actions: byLine('actions'),
  targets: byId('targets', 'id'),
  outlets: byId('outlets', 'id'),
  blackOdorous: byLine('blackOdorous'),
  geo: defineCollection({
    loader: folderLoader('geo', (f) => f.geo.map((g) => ({ id: g.id, data: { ...g } as Record<string, unknown> }))),
    schema: z.object({
      id: z.string(),
      name: z.string().optional(),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
    }),
  }),
  documents: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: join(dataDir(), 'documents') }),
    schema: documentSchema,
  }),
};
