/**
 * The data folder: where it is, and loading it with every problem listed.
 *
 * `RIVER_DATA_DIR` points every command (build, preview, data check, import)
 * at another folder with the same layout; the default is the bundled sample
 * in src/content/.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFolder, type RawFolder } from './read.ts';
import { validateFolder } from './validate.ts';
import type { Problem } from './problems.ts';

export type { Problem } from './problems.ts';
export type { RawFolder, Row, DocumentFile, GeoFeature } from './read.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * The data folder in effect: RIVER_DATA_DIR, or the bundled sample. (In
 * the bundled page code this module's URL is no longer in the project; the
 * integration pins RIVER_DATA_DIR before the build, and the working
 * directory is the fallback.)
 */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  const d = env.RIVER_DATA_DIR;
  if (d && d.trim()) return resolve(d.trim());
  const sample = resolve(PROJECT_ROOT, 'src/content');
  return existsSync(sample) ? sample : resolve(process.cwd(), 'src/content');
}

export interface LoadResult {
  folder: RawFolder;
  problems: Problem[];
}

/** Read, validate and cross-check a data folder. */
export function loadDataFolder(dir: string): LoadResult {
  const problems: Problem[] = [];
  const folder = readFolder(dir, problems);
  validateFolder(folder, problems);
  return { folder, problems };
}

/** The thrown error when a build meets broken data. */
export class DataFolderError extends Error {
  problems: Problem[];
  constructor(message: string, problems: Problem[]) {
    super(message);
    this.name = 'DataFolderError';
    this.problems = problems;
  }
}
