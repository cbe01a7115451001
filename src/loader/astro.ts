/**
 * Glue between the data folder and Astro: one validated load per process,
 * shared by every collection's loader and by the build-failing integration.
 */
import { statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { DataFolderError, dataDir, loadDataFolder, type LoadResult } from './index.ts';
import { formatReport } from './problems.ts';
import { markWatching } from './watching.ts';
import type { RawFolder } from './read.ts';

/**
 * Astro loads astro.config.mjs (and so the integration) and content.config.ts
 * through different module graphs, so a module-level cache would read and
 * validate a city's folder twice. The process-wide cache lives on globalThis.
 */
const CACHE = Symbol.for('river-data:loaded');
type Cache = { dir: string; result: LoadResult; startedAt: number } | undefined;

/**
 * Load the data folder once per process (per directory). `changedAt` (a
 * file's modification time, from the dev server's watcher) reloads it if
 * the loaded copy was read before that change: every collection's loader
 * hears the same change, and only the first one reads the folder again.
 */
export function loadOnce(dir = dataDir(), changedAt?: number): LoadResult {
  const g = globalThis as unknown as Record<symbol, Cache>;
  let loaded = g[CACHE];
  if (!loaded || loaded.dir !== dir || (changedAt !== undefined && changedAt >= loaded.startedAt)) {
    const startedAt = Date.now();
    g[CACHE] = loaded = { dir, result: loadDataFolder(dir), startedAt };
  }
  return loaded.result;
}

/** The folder, or a thrown DataFolderError listing every problem. */
export function validFolder(dir = dataDir(), changedAt?: number): RawFolder {
  const { folder, problems } = loadOnce(dir, changedAt);
  if (problems.length) throw new DataFolderError(formatReport(problems, dir), problems);
  return folder;
}

/**
 * When a file of the data folder changes, was added or removed: the time of
 * the change (the file's, or for a removal its folder's, modification time).
 */
function changeTime(event: string, path: string): number {
  try {
    return statSync(event === 'unlink' || event === 'unlinkDir' ? dirname(path) : path).mtimeMs;
  } catch {
    return Date.now();
  }
}

/**
 * A content loader for one part of the folder. Rows were validated with the
 * same zod schemas the collection declares, so they are stored as they are;
 * the store is cleared first so a build never serves stale cached entries.
 * Under `astro dev` it also watches the data folder (which may lie outside
 * the project) and reloads its part when a file there changes, so an edited
 * CSV shows on the next page load. A change that breaks the folder is
 * logged with every problem, and the pages keep the last valid data.
 */
export function folderLoader<T extends Record<string, unknown>>(name: string, entries: (f: RawFolder) => Iterable<{ id: string; data: T }>): Loader {
  return {
    name: `river-data:${name}`,
    load: async ({ store, watcher, logger }) => {
      const dir = dataDir();
      const fill = (folder: RawFolder) => {
        store.clear();
        for (const { id, data } of entries(folder)) store.set({ id, data });
      };
      fill(validFolder(dir));
      if (!watcher) return;
      markWatching();
      watcher.add(dir);
      watcher.on('all', (event, path) => {
        if (path !== dir && !path.startsWith(dir + sep)) return;
        try {
          fill(validFolder(dir, changeTime(event, path)));
        } catch (e) {
          // Logged once per change, by the first collection that hears it.
          if (name === 'site') logger.error(e instanceof Error ? e.message : String(e));
        }
      });
    },
  };
}
