/**
 * The data folder: where it is, and loading it with every problem listed.
 *
 * `RIVER_DATA_DIR` points every command (build, preview, data check, import)
 * at another folder with the same layout; the default is the bundled sample
 * in src/content/.
 */
import { readFolder, type RawFolder } from './read.ts';
import { validateFolder } from './validate.ts';
import type { Problem } from './problems.ts';

export type { Problem } from './problems.ts';
export type { RawFolder, Row, DocumentFile, GeoFeature } from './read.ts';
export { dataDir } from './data-dir.ts';

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
