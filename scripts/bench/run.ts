/**
 * `npm run bench`: build the site from generated data folders at two sizes
 * and report wall time, peak memory, pages per second, the search index size
 * and bytes per page type, so growth with size is visible.
 *
 *   npm run bench                      # county and city
 *   npm run bench -- --sizes county    # one size; also a factor, e.g. 0.5
 *   npm run bench -- --write           # also record the results in docs/performance.md
 *
 * Targets (docs/performance.md): the city size builds in under 5 minutes on
 * 2 cores with peak memory under 4 GB, and 10× the data takes at most 11×
 * the time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, sizes } from './generate.ts';
import { pageTypeReport, type PageTypeBytes } from './measure.ts';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: 'county,city' }, write: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });

interface Step {
  seconds: number;
  peakMB: number;
  ok: boolean;
}

/** Run a command under GNU time: wall seconds and the peak RSS of its largest process. */
function timed(cmd: string[], env: Record<string, string>, log: string): Step {
  const timeFile = `${log}.time`;
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, ...cmd], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(log, `${r.stdout}\n${r.stderr}`);
  const time = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)?.[1] ?? 0);
  return { seconds, peakMB: Math.round(kb / 1024), ok: r.status === 0 };
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += e.name === 'pagefind' || e.name === '_astro' ? 0 : countPages(join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}

interface Result {
  size: string;
  data: Record<string, number>;
  build: Step;
  index: Step;
  pages: number;
  pagesPerSecond: number;
  indexMB: number;
  distMB: number;
  types: PageTypeBytes[];
}

const results: Result[] = [];
for (const size of values.sizes!.split(',').map((s) => s.trim()).filter(Boolean)) {
  const base = join(root, '.bench', size);
  const data = join(base, 'data');
  const dist = join(base, 'dist');
  mkdirSync(base, { recursive: true });
  console.log(`\n## ${size}: generating data`);
  const gen = generate({ size: /^\d/.test(size) ? Number(size) : size, out: data });
  const counts = gen.counts;
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(base, 'cache'), { recursive: true, force: true });
  const env = { RIVER_DATA_DIR: data, RIVER_CACHE_DIR: join(base, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  console.log(`## ${size}: astro build`);
  const build = timed(['npx', 'astro', 'build', '--outDir', dist], env, join(base, 'build.log'));
  if (!build.ok) {
    console.error(`build failed, see ${join(base, 'build.log')}`);
    process.exit(1);
  }
  console.log(`## ${size}: search index`);
  const index = timed(['npx', 'node', 'scripts/postbuild.ts', dist], env, join(base, 'index.log'));
  if (!index.ok) {
    console.error(`indexing failed, see ${join(base, 'index.log')}`);
    process.exit(1);
  }
  const pages = countPages(dist);
  const result: Result = {
    size,
    data: counts,
    build,
    index,
    pages,
    pagesPerSecond: Math.round(pages / build.seconds),
    indexMB: Math.round((dirBytes(join(dist, 'pagefind')) / 1048576) * 10) / 10,
    distMB: Math.round(dirBytes(dist) / 1048576),
    types: pageTypeReport(dist),
  };
  results.push(result);
  console.log(JSON.stringify({ ...result, types: undefined }, null, 2));
  if (!values.keep) rmSync(join(base, 'cache'), { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
const md = renderMarkdown(results, machine);
console.log(`\n${md}`);
writeFileSync(join(root, '.bench', 'results.json'), JSON.stringify({ machine, results }, null, 2));
if (values.write) {
  const file = join(root, 'docs', 'performance.md');
  const doc = readFileSync(file, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  writeFileSync(file, doc.slice(0, doc.indexOf(start) + start.length) + `\n${md}\n` + doc.slice(doc.indexOf(end)));
  console.log(`recorded in ${file}`);
}

function renderMarkdown(rs: Result[], machine: string): string {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const lines = [`Machine: ${machine}.`, '', '| size | pages | build (s) | build peak (MB) | pages/s | index (s) | index peak (MB) | index (MB) | dist (MB) |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of rs) {
    lines.push(`| ${r.size} | ${r.pages} | ${r.build.seconds.toFixed(1)} | ${r.build.peakMB} | ${r.pagesPerSecond} | ${r.index.seconds.toFixed(1)} | ${r.index.peakMB} | ${r.indexMB} | ${r.distMB} |`);
  }
  if (rs.length >= 2) {
    const [a, b] = [rs[0]!, rs[rs.length - 1]!];
    const t = (b.build.seconds + b.index.seconds) / (a.build.seconds + a.index.seconds);
    lines.push('', `${b.size} has ${(b.pages / a.pages).toFixed(1)}× the pages of ${a.size} and took ${t.toFixed(1)}× the time (build + index).`);
  }
  for (const r of rs) {
    lines.push('', `Bytes per page type at ${r.size} size (gzipped; mean and largest of the pages measured; JS and CSS are what one page loads):`, '', '| type | pages | HTML mean (KB) | HTML max (KB) | CSS (KB) | JS (KB) |', '|---|---|---|---|---|---|');
    for (const t of r.types) lines.push(`| ${t.type} | ${t.pages} | ${kb(t.htmlMean)} | ${kb(t.htmlMax)} | ${kb(t.css)} | ${kb(t.js)} |`);
  }
  return lines.join('\n');
}

