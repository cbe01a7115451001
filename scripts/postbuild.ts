/**
 * After `astro build`: the search index. Pagefind reads only the parts of
 * pages marked data-pagefind-body (see src/components/search), so headers
 * and footers are not indexed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = process.argv[2] ?? join(root, 'dist');
const r = spawnSync('npx', ['pagefind', '--site', dist, '--quiet'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('pagefind failed / 搜索索引生成失败');
  process.exit(r.status ?? 1);
}
