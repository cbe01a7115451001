/**
 * The content loaders of src/content.config.ts, light to load.
 *
 * Astro loads content.config.ts through a Vite server of its own, separate
 * from the one that loaded astro.config.mjs: every module it imports is
 * resolved, transformed and evaluated a second time. The reader and the
 * validator behind ./astro.ts are 15 modules and a JavaScript parser; in a
 * build they have already run (the integration validates the folder before
 * anything is built and keeps the result on globalThis, see ./astro.ts), so
 * a build's loaders only copy that result into the store, and this module
 * imports nothing of them. The full loader, which reads and validates the
 * folder itself and watches it under `astro dev`, is imported only when
 * that is needed: no validated folder in the process, or a watcher.
 * (Most of the time the content sync saves comes from content.config.ts
 * importing defineCollection without Astro's runtime: docs/performance.md.)
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { dataDir } from './data-dir.ts';
import type { LoadResult } from './index.ts';
import type { RawFolder } from './read.ts';

/** Where ./astro.ts keeps the process's validated folder. */
export const LOADED = Symbol.for('river-data:loaded');
export type Loaded = { dir: string; result: LoadResult } | undefined;

/** The folder this process validated already without a problem, if any. */
function validatedAlready(dir: string): RawFolder | undefined {
  const loaded = (globalThis as unknown as Record<symbol, Loaded>)[LOADED];
  return loaded && loaded.dir === dir && loaded.result.problems.length === 0 ? loaded.result.folder : undefined;
}

/** How a collection's entries are made from the folder. */
export type Entries<T extends Record<string, unknown>> = (f: RawFolder) => Iterable<{ id: string; data: T }>;

/**
 * Replace a collection's entries with those `entries` makes of `folder`.
 * Rows were validated with the same zod schemas the collection declares, so
 * they are stored as they are; the store is cleared first so a build never
 * serves stale cached entries.
 */
export function fillStore<T extends Record<string, unknown>>(
  store: LoaderContext['store'],
  entries: Entries<T>,
  folder: RawFolder,
): void {
  store.clear();
  for (const { id, data } of entries(folder)) store.set({ id, data });
}

/** A content loader for one part of the folder. */
export function folderLoader<T extends Record<string, unknown>>(name: string, entries: Entries<T>): Loader {
  return {
    name: `river-data:${name}`,
    load: async (context) => {
      const folder = context.watcher ? undefined : validatedAlready(dataDir());
      if (folder) return fillStore(context.store, entries, folder);
      const { loadAndWatch } = await import('./astro.ts');
      loadAndWatch(name, entries, context);
    },
  };
}
