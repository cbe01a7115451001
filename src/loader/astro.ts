/**
 * Glue between the data folder and Astro: one validated load per process,
 * shared by every collection's loader and by the build-failing integration.
 */
import type { Loader } from 'astro/loaders';
import { DataFolderError, dataDir, loadDataFolder, type LoadResult } from './index.ts';
import { formatReport } from './problems.ts';
import type { RawFolder } from './read.ts';

/**
 * Astro loads astro.config.mjs (and so the integration) and content.config.ts
 * through different module graphs, so a module-level cache would read and
 * validate a city's folder twice. The process-wide cache lives on globalThis.
 */
const CACHE = Symbol.for('river-data:loaded');
type Cache = { dir: string; result: LoadResult } | undefined;

/** Load the data folder once per process (per directory). */
export function loadOnce(dir = dataDir()): LoadResult {
  const g = globalThis as unknown as Record<symbol, Cache>;
  let loaded = g[CACHE];
  if (!loaded || loaded.dir !== dir) g[CACHE] = loaded = { dir, result: loadDataFolder(dir) };
  return loaded.result;
}

/** The folder, or a thrown DataFolderError listing every problem. */
export function validFolder(dir = dataDir()): RawFolder {
  const { folder, problems } = loadOnce(dir);
  if (problems.length) throw new DataFolderError(formatReport(problems, dir), problems);
  return folder;
}

/**
 * A content loader for one part of the folder. Rows were validated with the
 * same zod schemas the collection declares, so they are stored as they are;
 * the store is cleared first so a build never serves stale cached entries.
 */
export function folderLoader<T extends Record<string, unknown>>(name: string, entries: (f: RawFolder) => Iterable<{ id: string; data: T }>): Loader {
  return {
    name: `river-data:${name}`,
    load: async ({ store }) => {
      const folder = validFolder();
      store.clear();
      for (const { id, data } of entries(folder)) store.set({ id, data });
    },
  };
}
