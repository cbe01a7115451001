/**
 * The search index of a build, in two steps.
 *
 * 1. While the pages render, the page layout (src/layouts/Base.astro) hands
 *    each searchable page's entry to the collector installed here: a short
 *    summary (src/lib/search.ts indexDocument), plus the whole text for
 *    policy documents. No page is read back from disk, and Pagefind's memory
 *    and time grow with the number of pages, not their length. When the
 *    build is done, the entries are saved, sorted by URL, into the cache
 *    folder: pages render several at a time (build.concurrency), so their
 *    order varies from build to build, and the index must not.
 * 2. `scripts/search-index.ts` (run by `npm run build` after `astro build`)
 *    gives the saved entries to Pagefind through its Node API and writes
 *    dist/pagefind/.
 *
 * Why not index inside the build: feeding Pagefind page by page while the
 * pages render slowed the render by more than the indexing it overlapped,
 * and indexing at the end of the build process kept the build's whole heap
 * alive beside Pagefind's (4.9 GB together at city scale, over the 4 GB
 * target; one after the other, each stays under 3 GB). See
 * docs/performance.md.
 */
import * as pagefind from 'pagefind';
import { readFileSync, writeFileSync } from 'node:fs';
import { setIndexer } from '../lib/search-indexer.ts';

export interface SearchEntryFile {
  /** [url, the document Pagefind reads] pairs, sorted by url. */
  entries: [string, string][];
}

/** Install the collector the page layout feeds; `save` writes what it collected. */
export function collectSearchEntries(): { save(file: string): number } {
  const entries = new Map<string, string>();
  setIndexer({
    addPage(url, html) {
      entries.set(url, html);
    },
  });
  return {
    save(file) {
      setIndexer(undefined);
      const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      writeFileSync(file, JSON.stringify({ entries: sorted } satisfies SearchEntryFile));
      return sorted.length;
    },
  };
}

/** Index the saved entries with Pagefind and write the index to `outputPath`. Returns the number of pages indexed. */
export async function writeSearchIndex(entryFile: string, outputPath: string): Promise<number> {
  const { entries } = JSON.parse(readFileSync(entryFile, 'utf8')) as SearchEntryFile;
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(`Pagefind did not start / 搜索索引服务未能启动: ${created.errors.join('; ')}`);
  const index = created.index;
  try {
    // Sent without waiting for each answer: Pagefind reads its input in
    // order and answers each page with its errors.
    const results = await Promise.all(
      entries.map(([url, content]) => index.addHTMLFile({ url, content }).then((r) => ({ url, errors: r.errors }))),
    );
    const failed = results.filter((r) => r.errors.length);
    if (failed.length)
      throw new Error(
        `搜索索引出错 / Pagefind could not index ${failed.length} page(s):\n${failed
          .slice(0, 20)
          .map((r) => `${r.url}: ${r.errors.join('; ')}`)
          .join('\n')}`,
      );
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length)
      throw new Error(`搜索索引写入失败 / Pagefind could not write the index: ${written.errors.join('; ')}`);
    return entries.length;
  } finally {
    await pagefind.close();
  }
}

/** Where a build saves its entries: in its cache folder (astro.config.mjs cacheDir). */
export function entryFileIn(cacheDir: string): string {
  return `${cacheDir.replace(/\/$/, '')}/search-entries.json`;
}
