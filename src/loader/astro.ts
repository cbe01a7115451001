/**
 * Glue between the data folder and Astro: one validated load per process,
 * shared by every collection's loader and by the build-failing integration.
 */
import { statSync } from 'node:fs';
import { sep } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { DataFolderError, dataDir, loadDataFolder, type LoadResult } from './index.ts';
import { formatReport } from './problems.ts';
import { WATCH } from './watching.ts';
import type { RawFolder } from './read.ts';
import { LOADED, fillStore, type Entries, type Loaded } from './folder-loader.ts';

/**
 * Astro loads astro.config.mjs (and so the integration) and content.config.ts
 * through different module graphs, so a module-level cache would read and
 * validate a city's folder twice. The process-wide cache lives on globalThis.
 */

/** Load the data folder once per process (per directory). */
export function loadOnce(dir = dataDir()): LoadResult {
  const g = globalThis as unknown as Record<symbol, Loaded>;
  const loaded = g[LOADED];
  if (loaded && loaded.dir === dir) return loaded.result;
  return reload(dir);
}

/**
 * Drop the process-wide copy of the folder. A build calls this once the
 * content store holds the data (the pages read the store, not the folder):
 * the parsed rows would otherwise stay alive beside the store and the pages'
 * indexes for the whole render, which the garbage collector walks again and
 * again. Whoever asks after this reads the folder again.
 */
export function releaseFolder(): void {
  delete (globalThis as unknown as Record<symbol, Loaded>)[LOADED];
}

/** Read the folder again and replace the process-wide copy. */
function reload(dir: string): LoadResult {
  const g = globalThis as unknown as Record<symbol, Loaded>;
  g[LOADED] = { dir, result: loadDataFolder(dir) };
  return g[LOADED].result;
}

/** The folder, or a thrown DataFolderError listing every problem. */
export function validFolder(dir = dataDir()): RawFolder {
  const { folder, problems } = loadOnce(dir);
  if (problems.length) throw new DataFolderError(formatReport(problems, dir), problems);
  return folder;
}

/** How long the folder must be quiet after a change before it is read again. */
const SETTLE_MS = 100;

type Subscriber = { fill: (folder: RawFolder) => void; logger: { error(message: string): void } };
interface Watch {
  dir: string;
  /** One per collection, by name: a collection loaded again replaces its entry. */
  subscribers: Map<string, Subscriber>;
  /** Watchers already listened to (the dev server may hand out a new one after a restart). */
  watchers: WeakSet<object>;
  changed: Set<string>;
  timer?: ReturnType<typeof setTimeout>;
}

/** Size and modification time of each path, to tell whether a file changed while it was read. */
function fingerprint(paths: Iterable<string>): string {
  return [...paths]
    .sort()
    .map((p) => {
      try {
        const st = statSync(p);
        return `${p}:${st.size}:${st.mtimeMs}`;
      } catch {
        return `${p}:-`;
      }
    })
    .join('|');
}

/**
 * Read the folder again once its files have settled, and hand the result to
 * every collection; or, when it is broken, log every problem once and leave
 * the collections as they are. One reload per burst of changes, for the
 * whole folder: an editor's save is often two events (truncate, then write)
 * and the file system's clock is coarser than the process's, so a reload
 * keyed on modification times could read the empty file and then take the
 * write for old news. Instead: wait until no event came for SETTLE_MS, read,
 * and read again if a changed file's size or time moved during the read.
 */
function settle(w: Watch): void {
  const paths = [...w.changed];
  w.changed.clear();
  const log = (message: string) => (w.subscribers.get('site') ?? [...w.subscribers.values()][0])?.logger.error(message);
  try {
    let result: LoadResult;
    for (let attempt = 0; ; attempt++) {
      const before = fingerprint(paths);
      result = reload(w.dir);
      if (fingerprint(paths) === before || attempt === 4) break;
    }
    if (result.problems.length) return log(formatReport(result.problems, w.dir));
    for (const s of w.subscribers.values()) s.fill(result.folder);
  } catch (e) {
    // Runs on a timer: an unexpected error is logged, not thrown into the dev server.
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
}

function watchFolder(
  dir: string,
  watcher: { add(path: string): unknown; on(event: 'all', listener: (event: string, path: string) => void): unknown },
  name: string,
  subscriber: Subscriber,
): void {
  const g = globalThis as unknown as Record<symbol, Watch | undefined>;
  let w = g[WATCH];
  if (!w || w.dir !== dir) g[WATCH] = w = { dir, subscribers: new Map(), watchers: new WeakSet(), changed: new Set() };
  w.subscribers.set(name, subscriber);
  if (w.watchers.has(watcher)) return;
  w.watchers.add(watcher);
  const watch = w;
  watcher.add(dir);
  watcher.on('all', (_event, path) => {
    if (path !== dir && !path.startsWith(dir + sep)) return;
    watch.changed.add(path);
    clearTimeout(watch.timer);
    watch.timer = setTimeout(() => settle(watch), SETTLE_MS);
  });
}

/**
 * The full load of one collection (see ./folder-loader.ts for when it is
 * needed): read and validate the folder unless this process already has,
 * and fill the store. Under `astro dev` the data folder (which may lie
 * outside the project) is watched, and every collection is refilled when a
 * file there changes, so an edited CSV shows on the next page load. A
 * change that breaks the folder is logged with every problem, and the pages
 * keep the last valid data.
 */
export function loadAndWatch<T extends Record<string, unknown>>(
  name: string,
  entries: Entries<T>,
  { store, watcher, logger }: LoaderContext,
): void {
  const dir = dataDir();
  const fill = (folder: RawFolder) => fillStore(store, entries, folder);
  fill(validFolder(dir));
  if (watcher) watchFolder(dir, watcher, name, { fill, logger });
}
