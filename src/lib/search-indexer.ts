/**
 * Where the page code finds the search indexer of the running build. The
 * build (src/loader/search-index.ts, which starts Pagefind) and the bundled
 * page code share one process but not one module graph, so they meet
 * through a global symbol. This module has no dependencies, so the
 * middleware that imports it does not pull Pagefind into the page bundle.
 */
export interface SearchIndexer {
  /** Index `html`, a page's entry (see indexDocument in search.ts), as the result `url`. */
  addPage(url: string, html: string): void;
}

const KEY = Symbol.for('river.searchIndexer');

interface Holder {
  [KEY]?: SearchIndexer;
}

/** The indexer of the running build; none in `astro dev` or outside a build. */
export function currentIndexer(): SearchIndexer | undefined {
  return (globalThis as Holder)[KEY];
}

export function setIndexer(indexer: SearchIndexer | undefined): void {
  if (indexer) (globalThis as Holder)[KEY] = indexer;
  else delete (globalThis as Holder)[KEY];
}
