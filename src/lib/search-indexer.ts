/**
 * Where the page code finds the search indexer of the running build
 * (src/loader/search-index.ts, which starts Pagefind), through a build slot
 * (build-slot.ts), so the layout that imports this does not pull Pagefind
 * into the page bundle.
 */
import { buildSlot } from './build-slot.ts';

export interface SearchIndexer {
  /** Index `html`, a page's entry (see indexDocument in search.ts), as the result `url`. */
  addPage(url: string, html: string): void;
}

const slot = buildSlot<SearchIndexer>('searchIndexer');

/** The indexer of the running build; none in `astro dev` or outside a build. */
export const currentIndexer = slot.get;
export const setIndexer = slot.set;
