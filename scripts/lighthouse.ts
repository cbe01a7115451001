/**
 * `npm run lighthouse`: Lighthouse (mobile, its default simulated slow 4G and
 * 4× CPU slowdown) on one page of every page type of a built site.
 * Thresholds: performance at least 95; accessibility, best practices and
 * SEO 100. Exits 1 naming each page and the audits that cost it points.
 *
 *   npm run build && npm run lighthouse             # the sample build in dist/
 *   npm run lighthouse -- --dist .bench/city/dist   # another build
 *   npm run lighthouse -- --only water,station      # some page types
 *
 * Pages are served by the test server in production mode (gzip, immutable
 * hashed assets), as a static host serves them; otherwise Lighthouse would
 * score the test server instead of the site. It is a script of its own and
 * not part of `npm test`: about 10 s a page, and its scores move a few
 * points with the machine's load, which a test must not.
 *
 * Reports (JSON and HTML) go to .lighthouse/.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../tests/helpers/browser.ts';
import { pagesOfEveryType } from '../tests/helpers/pages.ts';
import { serveDir } from '../tests/helpers/server.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { dist: { type: 'string', default: join(root, 'dist') }, only: { type: 'string' } },
});
const dist = resolve(values.dist!);
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(2);
}

const MIN: Record<string, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const only = values.only?.split(',').map((s) => s.trim());
// The 404 page answers with status 404 by design, which Lighthouse's SEO
// audit (http-status-code) always fails; it is checked by axe and
// html-validate in `npm test` instead.
const pages = pagesOfEveryType(dist).filter((p) => p.type !== '404' && (!only || only.includes(p.type)));

const outDir = join(root, '.lighthouse');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const server = await serveDir(dist, { production: true });
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: CHROMIUM_ARGS,
  logLevel: 'silent',
});
const rows: string[] = [];
const failures: string[] = [];
try {
  for (const page of pages) {
    const url = new URL(page.path, server.origin).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: Object.keys(MIN),
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr, report } = result;
    const slug = page.type.replace(/\W+/g, '-');
    const [json, html] = report as string[];
    writeFileSync(join(outDir, `${slug}.json`), json!);
    writeFileSync(join(outDir, `${slug}.html`), html!);
    if (lhr.runtimeError)
      failures.push(`${page.type} ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.keys(MIN).map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
    rows.push(`| ${page.type} | ${page.path} | ${scores.join(' | ')} |`);
    console.log(`${page.type.padEnd(20)} ${scores.map((s) => String(s).padStart(4)).join('')}  ${page.path}`);
    Object.keys(MIN).forEach((id, i) => {
      if (scores[i]! >= MIN[id]!) return;
      // The audits that weigh in this category and did not pass.
      const lost = (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`);
      failures.push(`${page.type} ${page.path}: ${id} ${scores[i]} < ${MIN[id]}: ${lost.join(', ')}`);
    });
  }
} finally {
  chrome.kill();
  await server.close();
}

const table = [
  '| page type | path | performance | accessibility | best practices | SEO |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n');
writeFileSync(join(outDir, 'summary.md'), `${table}\n`);
console.log(`\n${table}\n\nReports in ${outDir}`);
if (failures.length) {
  console.error(
    `\n${failures.length} below the thresholds (performance ≥ ${MIN.performance}, others 100):\n- ${failures.join('\n- ')}`,
  );
  process.exit(1);
}
console.log(`All ${pages.length} page types meet the thresholds.`);
