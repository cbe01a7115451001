/**
 * `npm run bench -- --sizes province`: a province as the River Chief System
 * builds one — every county builds its own site on its own machine or CI job,
 * and the province's portal is built from their output (docs/deploy.md).
 * Simulated here: N generated counties (default 100 at county size, each
 * its own seed) built by a pool of `--jobs` workers (each job: astro build,
 * then the search index), then the portal over all of
 * them, then its search in Chromium. The counties' data folders are generated
 * first, untimed.
 *
 * Reported: total CPU time of the county builds (what a CI matrix pays),
 * wall time with `--jobs` workers on this machine, the slowest county (the
 * matrix's wall time when every county has its own job), the portal's build
 * time and size, and the search: bytes downloaded for a first query on the
 * portal (the first county's Pagefind script and WebAssembly, every county's
 * entry and metadata, the index chunks and fragments the query needs) and
 * the time from pressing Enter to the results.
 *
 * Each county's dist is trimmed to what a portal reads (data/, pagefind/,
 * index.html) once it is built, so a hundred counties fit on one disk.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openSite } from '../../tests/helpers/browser.ts';
import { dirBytes, spawnSyncQuiet, timed, type Step } from './timed.ts';

const root = join(import.meta.dirname, '..', '..');
const HOST = 'https://sheng.example.gov.cn';

export interface ProvinceOptions {
  counties: number;
  /** A size of scripts/bench/generate.ts: county, city or a factor of city. */
  countySize: string;
  jobs: number;
  write: boolean;
}

interface County {
  key: string;
  name: string;
  build: Step;
  index: Step;
}

const pad = (i: number) => String(i).padStart(3, '0');

/** Write county `i`'s data folder (not timed: a county's office keeps its folder, it does not generate it). */
async function generateCounty(base: string, i: number, size: string): Promise<void> {
  const key = `c${pad(i)}`;
  const dir = join(base, key);
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  const gen = await timed(
    ['npx', 'node', 'scripts/bench/generate.ts', '--size', size, '--seed', String(i), '--out', data],
    {},
    join(dir, 'generate.log'),
  );
  if (!gen.ok) throw new Error(`county ${i}: generator failed, see ${join(dir, 'generate.log')}`);
  const site = join(data, 'site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8')
      .replace(/^url: .*$/m, `url: ${HOST}/${key}/`)
      .replace(/^name: .*$/m, `name: 第${pad(i)}县河长制信息公开`),
  );
}

/** Build county `i` as its own CI job would: astro build, then the search index. */
async function buildCounty(base: string, i: number): Promise<County> {
  const key = `c${pad(i)}`;
  const name = `第${pad(i)}县`;
  const dir = join(base, key);
  const data = join(dir, 'data');
  const dist = join(dir, 'dist');
  const env = { ASTRO_TELEMETRY_DISABLED: '1', RIVER_DATA_DIR: data, RIVER_CACHE_DIR: join(dir, 'cache') };
  const build = await timed(['npx', 'astro', 'build', '--outDir', dist], env, join(dir, 'build.log'));
  if (!build.ok) throw new Error(`${name}: build failed, see ${join(dir, 'build.log')}`);
  const index = await timed(['npx', 'node', 'scripts/search-index.ts', dist], env, join(dir, 'index.log'));
  if (!index.ok) throw new Error(`${name}: search index failed, see ${join(dir, 'index.log')}`);
  // Keep what the portal reads; the rest of a county's pages are its own host's business.
  for (const e of readdirSync(dist))
    if (!['data', 'pagefind', 'index.html'].includes(e)) rmSync(join(dist, e), { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
  rmSync(join(dir, 'cache'), { recursive: true, force: true });
  console.log(`${name}: build ${build.seconds.toFixed(1)} s + index ${index.seconds.toFixed(1)} s`);
  return { key, name, build, index };
}

/** Run `fn(1…n)` on a pool of `jobs` workers; results in order. */
async function pool<T>(n: number, jobs: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i + 1);
      }
    }),
  );
  return out;
}

/** Bytes and time of a first query on the portal in Chromium, for a water of the first county. */
async function firstQuery(serve: string, query: string): Promise<{ bytes: number; requests: number; ms: number }> {
  const s = await openSite(serve);
  try {
    const page = await (await s.context()).newPage();
    await page.goto(s.url('/'), { waitUntil: 'load' });
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', (r) => {
      requests++;
      void r.sizes().then((x) => (bytes += x.responseBodySize + x.responseHeadersSize));
    });
    const box = page.locator('input[type="search"]');
    await box.fill(query);
    const t0 = performance.now();
    await box.press('Enter');
    await page
      .locator('[data-status]')
      .filter({ hasText: /找到|没有找到|无法使用/ })
      .waitFor({ timeout: 300_000 });
    const ms = performance.now() - t0;
    await page.waitForLoadState('networkidle');
    return { bytes, requests, ms };
  } finally {
    await s.close();
  }
}

export async function runProvince(o: ProvinceOptions): Promise<void> {
  const base = join(root, '.bench', 'province');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  const load0 = loadavg()[0]!;
  console.log(`\n## province: ${o.counties} counties at size ${o.countySize}, ${o.jobs} jobs`);
  spawnSyncQuiet('sync');

  await pool(o.counties, o.jobs, (i) => generateCounty(base, i, o.countySize));
  spawnSyncQuiet('sync');
  const t0 = performance.now();
  const counties = await pool(o.counties, o.jobs, (i) => buildCounty(base, i));
  const wall = (performance.now() - t0) / 1000;

  console.log('## province: portal');
  const yaml = join(base, 'portal.yaml');
  writeFileSync(
    yaml,
    [
      'name: 示例省河长制信息公开',
      `url: ${HOST}/`,
      'members:',
      ...counties.flatMap((c) => [`  - name: ${c.name}`, `    url: ${HOST}/${c.key}/`, `    dist: ${c.key}/dist`]),
      '',
    ].join('\n'),
  );
  const out = join(base, 'portal');
  const portal = await timed(['npx', 'node', 'scripts/portal/build.ts', yaml, out], {}, join(base, 'portal.log'));
  if (!portal.ok) throw new Error(`portal build failed, see ${join(base, 'portal.log')}`);
  const portalBytes = dirBytes(out);
  for (const c of counties) symlinkSync(join(base, c.key, 'dist'), join(out, c.key));
  const water = (
    JSON.parse(readFileSync(join(base, counties[0]!.key, 'dist', 'data', 'waters.json'), 'utf8')) as {
      name: string;
    }[]
  )[0]!.name;
  console.log(`## province: first query "${water}" in Chromium`);
  const search = await firstQuery(out, water);

  const total = (c: County) => c.build.seconds + c.index.seconds;
  const cpu = counties.reduce((n, c) => n + c.build.cpuSeconds + c.index.cpuSeconds, 0);
  const slowest = counties.reduce((a, b) => (total(b) > total(a) ? b : a));
  const peak = Math.max(...counties.flatMap((c) => [c.build.peakMB, c.index.peakMB]));
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const md = [
    `Run: commit ${commit}, ${new Date().toISOString().slice(0, 10)}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}; load ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}.`,
    '',
    '| counties | county size | jobs | county builds CPU (s) | wall with jobs (s) | slowest county (s) | county peak (MB) | portal build (s) | portal size (KB) | first query download (KB) | requests | first query latency (ms) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${o.counties} | ${o.countySize} | ${o.jobs} | ${cpu.toFixed(0)} | ${wall.toFixed(0)} | ${total(slowest).toFixed(1)} (${slowest.name}) | ${peak} | ${portal.seconds.toFixed(1)} | ${(portalBytes / 1024).toFixed(0)} | ${(search.bytes / 1024).toFixed(0)} | ${search.requests} | ${search.ms.toFixed(0)} |`,
  ].join('\n');
  console.log(`\n${md}`);
  writeFileSync(
    join(base, 'results.json'),
    JSON.stringify({ o, wall, cpu, portal, portalBytes, search, counties }, null, 2),
  );
  if (o.write) {
    const file = join(root, 'docs', 'performance.md');
    const doc = readFileSync(file, 'utf8');
    const start = '<!-- bench-province:start -->';
    const end = '<!-- bench-province:end -->';
    if (!doc.includes(start)) throw new Error(`${file} has no ${start} … ${end} block`);
    writeFileSync(file, doc.slice(0, doc.indexOf(start) + start.length) + `\n${md}\n` + doc.slice(doc.indexOf(end)));
    console.log(`recorded in ${file}`);
  }
}
