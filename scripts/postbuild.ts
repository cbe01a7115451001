/**
 * After `astro build`: the search index.
 *
 * Each page that belongs in search carries a short hidden summary marked
 * data-pagefind-body (src/components/search/SearchIndexed.astro); policy
 * documents mark their whole text. Pagefind's memory grows with the bytes of
 * HTML it reads (about 36 KB of memory per 15 KB page at city scale, 3.9 GB
 * for a city's 56,000 searchable pages), so it is not pointed at the site:
 * this script copies just the indexed parts of each page into small files of
 * a staging folder with the same paths, indexes those, and writes the index
 * into dist/pagefind. The result is the same index, read from a few hundred
 * bytes per page instead of the whole page.
 *
 *   node scripts/postbuild.ts [dist]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { extractIndexed } from '../src/lib/search-extract.ts';

const root = join(import.meta.dirname, '..');
const dist = process.argv[2] ?? join(root, 'dist');
const staging = join(dist, '..', `.pagefind-staging-${process.pid}`);

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name !== 'pagefind' && e.name !== '_astro') yield* htmlFiles(join(dir, e.name));
    } else if (e.name.endsWith('.html')) yield join(dir, e.name);
  }
}

rmSync(staging, { recursive: true, force: true });
let pages = 0;
for (const file of htmlFiles(dist)) {
  const indexed = extractIndexed(readFileSync(file, 'utf8'));
  if (!indexed) continue;
  const out = join(staging, relative(dist, file));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, indexed);
  pages++;
}

const r = spawnSync('npx', ['pagefind', '--site', staging, '--output-path', join(dist, 'pagefind'), '--quiet'], { cwd: root, stdio: 'inherit' });
rmSync(staging, { recursive: true, force: true });
if (r.status !== 0) {
  console.error('pagefind failed / 搜索索引生成失败');
  process.exit(r.status ?? 1);
}
console.log(`search index: ${pages} pages`);

// public/_headers carries the Content-Security-Policy as an HTTP header for
// hosts that read it. The pages' meta policy includes the report endpoint's
// origin from site.yaml; the header must say the same, or a host applying
// both would block the endpoint.
const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1]?.replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const headers = join(dist, '_headers');
if (meta && existsSync(headers)) writeFileSync(headers, readFileSync(headers, 'utf8').replace(/^(\s+Content-Security-Policy:).*$/m, `$1 ${meta}`));
