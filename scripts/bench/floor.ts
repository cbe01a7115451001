/**
 * The floor of the benchmark: a bare Astro site with a given number of
 * pages, built with the project's astro (same node_modules, same Node) and
 * indexed with the project's Pagefind CLI. What a build of that many pages
 * costs before any of this project's code runs; `npm run bench` builds it
 * right after the project at each size and reports the ratio.
 *
 * Every page: a layout with a header of 10 links, an h1, a paragraph and a
 * 20-row table. The site is written under the bench folder, so Node resolves
 * astro from the project's node_modules.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `build.concurrency` of the project's astro.config.mjs (1, Astro's default, when it sets none). */
export function projectConcurrency(root: string): number {
  const config = readFileSync(join(root, 'astro.config.mjs'), 'utf8');
  const m = /^\s*concurrency:\s*(\d+)/m.exec(config);
  return m ? Number(m[1]) : 1;
}

/** The floor's astro.config.mjs: the project's build options, and the timing diagnostic when asked for. */
function floorConfig(concurrency: number, timeRoutes?: string): string {
  const timing = timeRoutes ? `import { routeTiming } from ${JSON.stringify(timeRoutes)};\n` : '';
  return [
    `import { defineConfig } from 'astro/config';`,
    timing,
    'export default defineConfig({',
    "  trailingSlash: 'always',",
    `  build: { format: 'directory', inlineStylesheets: 'never', concurrency: ${concurrency} },`,
    '  devToolbar: { enabled: false },',
    ...(timeRoutes ? ['  integrations: [routeTiming()],'] : []),
    '});',
    '',
  ].join('\n');
}

/**
 * Write the floor site of `pages` pages into `dir` (emptied first).
 * `timeRoutes`: a file: URL of src/loader/route-timing.ts, whose diagnostic
 * the floor then runs too (scripts/bench/render-times.ts).
 */
export function writeFloorSite(dir: string, pages: number, concurrency: number, timeRoutes?: string): void {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`floor: a positive number of pages, not ${pages}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'layouts'), { recursive: true });
  mkdirSync(join(dir, 'src', 'pages', 'p'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }, null, 2) + '\n',
  );
  writeFileSync(join(dir, 'astro.config.mjs'), floorConfig(concurrency, timeRoutes));
  writeFileSync(
    join(dir, 'src', 'layouts', 'Layout.astro'),
    `---
interface Props {
  title: string;
}
const { title } = Astro.props;
const links = Array.from({ length: 10 }, (_, i) => ({ href: \`/p/\${i + 1}/\`, label: \`栏目\${i + 1}\` }));
---
<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <header>
      <nav>
        <ul>{links.map((l) => <li><a href={l.href}>{l.label}</a></li>)}</ul>
      </nav>
    </header>
    <main><slot /></main>
  </body>
</html>
<style>
  header ul { display: flex; gap: 1rem; list-style: none; }
  table { border-collapse: collapse; }
  td, th { border: 1px solid #ccc; padding: 0.25rem; }
</style>
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'p', '[n].astro'),
    `---
import Layout from '../../layouts/Layout.astro';

export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const n = Number(Astro.params.n);
const rows = Array.from({ length: 20 }, (_, i) => ({ month: \`2026-\${String((i % 12) + 1).padStart(2, '0')}\`, value: ((n * 31 + i * 17) % 1000) / 10 }));
---
<Layout title={\`示例页面 \${n}\`}>
  <h1>示例页面 {n}</h1>
  <p>这是第 {n} 个示例页面，用来衡量一个只有布局、标题、段落和表格的 Astro 网站的构建成本。</p>
  <table>
    <thead><tr><th>月份</th><th>数值</th></tr></thead>
    <tbody>{rows.map((r) => <tr><td>{r.month}</td><td>{r.value}</td></tr>)}</tbody>
  </table>
</Layout>
`,
  );
}
