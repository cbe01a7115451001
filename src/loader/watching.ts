/**
 * Whether the data folder is being watched (`astro dev`). A flag on
 * globalThis, because the loaders and the pages run in different module
 * graphs; and not import.meta.env.DEV, which a build started by a test
 * runner can inherit from its environment (DEV=1).
 */
const WATCHING = Symbol.for('river-data:watching');

/** Called by the loaders when the dev server gives them a watcher. */
export function markWatching(): void {
  (globalThis as unknown as Record<symbol, boolean>)[WATCHING] = true;
}

/** True once the loaders watch the data folder: the collections may then change while the process runs. */
export function dataMayChange(): boolean {
  return (globalThis as unknown as Record<symbol, boolean | undefined>)[WATCHING] === true;
}
