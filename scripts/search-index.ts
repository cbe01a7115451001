/**
 * After `astro build`: the search index (see src/loader/search-index.ts).
 * Reads the entries the build saved in its cache folder (RIVER_CACHE_DIR, or
 * .astro) and writes the Pagefind index into <dist>/pagefind.
 *
 *   node scripts/search-index.ts [dist]
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { entryFileIn, writeSearchIndex } from '../src/loader/search-index.ts';

const root = join(import.meta.dirname, '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const entries = entryFileIn(resolve(root, process.env.RIVER_CACHE_DIR || '.astro'));
if (!existsSync(entries)) {
  console.error(
    `没有找到搜索条目 ${entries}：请先运行 astro build / no search entries at ${entries}: run astro build first (with the same RIVER_CACHE_DIR)`,
  );
  process.exit(1);
}
try {
  const pages = await writeSearchIndex(entries, join(dist, 'pagefind'));
  rmSync(entries);
  console.log(`search index: ${pages} pages / 搜索索引：${pages} 个页面`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
