/**
 * Whether the data folder is being watched (`astro dev`): the loaders keep
 * their shared watch (src/loader/astro.ts) on globalThis under WATCH, because
 * the loaders and the pages run in different module graphs. Not
 * import.meta.env.DEV, which a build started by a test runner can inherit
 * from its environment (DEV=1). This module imports nothing, so the pages
 * can ask without loading the loader.
 */
export const WATCH = Symbol.for('river-data:watch');

/** True once the loaders watch the data folder: the collections may then change while the process runs. */
export function dataMayChange(): boolean {
  return (globalThis as unknown as Record<symbol, unknown>)[WATCH] !== undefined;
}
