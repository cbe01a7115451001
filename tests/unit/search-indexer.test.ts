/**
 * src/lib/search-indexer.ts: the build hands its search indexer to the
 * page code through a global; a copy of the module loaded apart (as the
 * bundled page code loads it) finds the same indexer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentIndexer, setIndexer, type SearchIndexer } from '../../src/lib/search-indexer.ts';

afterEach(() => setIndexer(undefined));

describe('the search indexer of the running build', () => {
  it('is none outside a build', () => {
    expect(currentIndexer()).toBeUndefined();
  });
  it('is the one the build set, also for a separately loaded copy of the module', async () => {
    const pages: [string, string][] = [];
    const indexer: SearchIndexer = { addPage: (url, html) => void pages.push([url, html]) };
    setIndexer(indexer);
    expect(currentIndexer()).toBe(indexer);
    vi.resetModules();
    const copy = await import('../../src/lib/search-indexer.ts');
    expect(copy.currentIndexer).not.toBe(currentIndexer); // a fresh instance of the module
    copy.currentIndexer()!.addPage('/waters/qingxi-he/', '<h1>清溪河</h1>');
    expect(pages).toEqual([['/waters/qingxi-he/', '<h1>清溪河</h1>']]);
  });
  it('is none again once the build clears it', () => {
    setIndexer({ addPage: () => {} });
    setIndexer(undefined);
    expect(currentIndexer()).toBeUndefined();
  });
});
