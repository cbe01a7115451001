/**
 * A value the running build hands to the bundled page code. The build
 * (astro.config.mjs, the integration) and the page code share one process
 * but not one module graph: each loads its own copy of a module, so they
 * meet through a global symbol instead of a module variable. Used for the
 * search indexer (search-indexer.ts) and the data-file sink
 * (data-file-sink.ts). No dependencies, so importing it pulls nothing into
 * the page bundle.
 */
export interface BuildSlot<T> {
  /** The value the build set; none in `astro dev` or outside a build. */
  get(): T | undefined;
  /** Set it, or clear it with undefined. */
  set(value: T | undefined): void;
}

export function buildSlot<T>(name: string): BuildSlot<T> {
  const key = Symbol.for(`river.${name}`);
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => g[key],
    set(value) {
      if (value) g[key] = value;
      else delete g[key];
    },
  };
}
