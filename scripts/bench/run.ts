/**
 * `npm run bench`: build the site from generated data folders at several
 * sizes and report wall time, peak memory, pages per second, the search index
 * size and bytes per page type, so growth with size is visible. Right after
 * each size, the same run builds the floor (./floor.ts): a bare Astro site
 * with as many pages, indexed by Pagefind, and reports the project's time and
 * peak memory per page against the floor's. The ratio, measured in one run,
 * does not move with the machine as absolute times do.
 *
 *   npm run bench                          # county, 3,000 waters (0.3) and city
 *   npm run bench -- --sizes county        # some sizes; also a factor of city, e.g. 0.5
 *   npm run bench -- --sizes county,0.3    # several, comma-separated
 *   npm run bench -- --no-floor            # the project only
 *   npm run bench -- --write               # also record the results in docs/performance.md
 *   npm run bench -- --keep                # keep each size's cache (the content store)
 *   npm run bench -- --sizes province      # a province: 100 counties built by 2 jobs, then the portal
 *   npm run bench -- --sizes province --counties 20 --county-size 0.01 --jobs 2
 *
 * Targets (docs/performance.md): the project costs at most 2× the floor per
 * page; the city size builds in under 5 minutes on 2 cores with peak memory
 * under 4 GB, and 10× the data takes at most 11× the time.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectConcurrency, writeFloorSite } from './floor.ts';
import { generate } from './generate.ts';
import { pageTypeReport, serviceWorkerBytes, type PageTypeBytes } from './measure.ts';
import { countPages, dirBytes, spawnSyncQuiet, timed, type Step } from './timed.ts';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  allowNegative: true,
  options: {
    sizes: { type: 'string', default: 'county,0.3,city' },
    write: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: true },
    // --sizes province: N generated counties, a worker pool, then the portal (./province.ts).
    counties: { type: 'string', default: '100' },
    'county-size': { type: 'string', default: 'county' },
    jobs: { type: 'string', default: '2' },
  },
});

const sizeList = values
  .sizes!.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
if (sizeList.includes('province')) {
  const { runProvince } = await import('./province.ts');
  await runProvince({
    counties: Number(values.counties),
    countySize: values['county-size']!,
    jobs: Number(values.jobs),
    write: values.write!,
  });
  if (sizeList.every((s) => s === 'province')) process.exit(0);
}

/** The bare Astro site of the same number of pages, built right after the project. */
interface Floor {
  pages: number;
  build: Step;
  index: Step;
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
  floor?: Floor;
  /** The machine's 1-minute load average when this size started and when its floor was built: other work on the cores. */
  load: [number, number];
  /** dist/sw.js gzipped, or null without one. */
  serviceWorker: number | null;
}

/** Build the floor site of `pages` pages in `dir` and index it with the Pagefind CLI. */
async function buildFloor(dir: string, pages: number): Promise<Floor> {
  writeFloorSite(join(dir, 'site'), pages, projectConcurrency(root));
  const dist = join(dir, 'dist');
  spawnSyncQuiet('sync');
  const env = { ASTRO_TELEMETRY_DISABLED: '1' };
  const build = await timed(
    ['npx', 'astro', 'build', '--root', join(dir, 'site'), '--outDir', dist],
    env,
    join(dir, 'build.log'),
  );
  if (!build.ok) throw new Error(`floor build failed, see ${join(dir, 'build.log')}`);
  const index = await timed(['npx', 'pagefind', '--site', dist], env, join(dir, 'index.log'));
  if (!index.ok) throw new Error(`floor indexing failed, see ${join(dir, 'index.log')}`);
  const built = countPages(dist);
  if (built !== pages) throw new Error(`the floor has ${built} pages, not ${pages}`);
  return { pages, build, index };
}

const results: Result[] = [];
for (const size of sizeList.filter((s) => s !== 'province')) {
  const base = join(root, '.bench', size);
  const data = join(base, 'data');
  const dist = join(base, 'dist');
  mkdirSync(base, { recursive: true });
  const loadAtStart = loadavg()[0]!;
  console.log(`\n## ${size}: generating data`);
  const gen = generate({ size: /^\d/.test(size) ? Number(size) : size, out: data });
  const counts = gen.counts;
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(base, 'cache'), { recursive: true, force: true });
  const env = { RIVER_DATA_DIR: data, RIVER_CACHE_DIR: join(base, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  console.log(`## ${size}: astro build`);
  // Start from a quiet disk: pages of an earlier run still being written
  // back would slow this one's writes.
  spawnSyncQuiet('sync');
  const build = await timed(['npx', 'astro', 'build', '--outDir', dist], env, join(base, 'build.log'));
  if (!build.ok) {
    console.error(`build failed, see ${join(base, 'build.log')}`);
    process.exit(1);
  }
  console.log(`## ${size}: search index`);
  const index = await timed(['npx', 'node', 'scripts/search-index.ts', dist], env, join(base, 'index.log'));
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
    pagesPerSecond: Math.round(pages / (build.seconds + index.seconds)),
    indexMB: Math.round((dirBytes(join(dist, 'pagefind')) / 1048576) * 10) / 10,
    distMB: Math.round(dirBytes(dist) / 1048576),
    types: pageTypeReport(dist),
    load: [loadAtStart, loadAtStart],
    serviceWorker: serviceWorkerBytes(dist),
  };
  if (!values.keep) rmSync(join(base, 'cache'), { recursive: true, force: true });
  if (values.floor) {
    console.log(`## ${size}: floor, ${pages} pages`);
    result.floor = await buildFloor(join(base, 'floor'), pages);
    rmSync(join(base, 'floor'), { recursive: true, force: true });
  }
  result.load[1] = loadavg()[0]!;
  results.push(result);
  console.log(JSON.stringify({ ...result, types: undefined }, null, 2));
}

// Results are keyed by commit and date, so docs/performance.md reads as a record, not a diary.
const commit =
  spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown';
const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim()
  ? ' (with uncommitted changes)'
  : '';
const machine = `commit ${commit}${dirty}, ${new Date().toISOString().slice(0, 10)}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
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
  const total = (r: { build: Step; index: Step }) => r.build.seconds + r.index.seconds;
  const msPerPage = (r: { build: Step; index: Step }, pages: number) => (total(r) * 1000) / pages;
  const cpuPerPage = (r: { build: Step; index: Step }, pages: number) =>
    ((r.build.cpuSeconds + r.index.cpuSeconds) * 1000) / pages;
  const peak = (r: { build: Step; index: Step }) => Math.max(r.build.peakMB, r.index.peakMB);
  const lines = [`Run: ${machine}.`, ''];
  const floored = rs.filter((r) => r.floor);
  if (floored.length) {
    lines.push(
      "Against the floor: a bare Astro site with as many pages (a layout with a header of 10 links, an h1, a paragraph and a 20-row table; the same astro, Node and `build.concurrency`), then the Pagefind CLI over it, built right after the project in the same run (scripts/bench/floor.ts). Time is build + index per page, wall clock; CPU is user + system time of every process of both steps, per page, which moves less than wall time when other work shares the cores; peak memory is the larger of the two steps' peaks, each the summed resident memory of the step's process tree. Load: the machine's 1-minute load average when the size started and when its floor ended (2 cores: above 2, other work shared them).",
      '',
      '| size | pages | project (ms/page) | floor (ms/page) | **ratio** | project CPU (ms/page) | floor CPU (ms/page) | CPU ratio | project peak (MB) | floor peak (MB) | **memory ratio** | floor build + index (s) | load |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of floored) {
      const f = r.floor!;
      const [p, q] = [msPerPage(r, r.pages), msPerPage(f, f.pages)];
      const [pc, qc] = [cpuPerPage(r, r.pages), cpuPerPage(f, f.pages)];
      lines.push(
        `| ${r.size} | ${r.pages} | ${p.toFixed(2)} | ${q.toFixed(2)} | **${(p / q).toFixed(2)}×** | ${pc.toFixed(2)} | ${qc.toFixed(2)} | ${(pc / qc).toFixed(2)}× | ${peak(r)} | ${peak(f)} | **${(peak(r) / peak(f)).toFixed(2)}×** | ${f.build.seconds.toFixed(1)} + ${f.index.seconds.toFixed(1)} | ${r.load.map((l) => l.toFixed(1)).join(' → ')} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    '`npm run build` is the two steps: `astro build`, then the search index. Peak memory is the sum over all processes of a step; CPU is user + system time of all of them.',
    '',
    '| size | pages | build + index (s) | build (s) | index (s) | CPU (s) | build peak (MB) | index peak (MB) | pages/s | index (MB) | dist (MB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of rs) {
    lines.push(
      `| ${r.size} | ${r.pages} | ${total(r).toFixed(1)} | ${r.build.seconds.toFixed(1)} | ${r.index.seconds.toFixed(1)} | ${(r.build.cpuSeconds + r.index.cpuSeconds).toFixed(0)} | ${r.build.peakMB} | ${r.index.peakMB} | ${r.pagesPerSecond} | ${r.indexMB} | ${r.distMB} |`,
    );
  }
  if (rs.length >= 2) {
    const [a, b] = [rs[0]!, rs[rs.length - 1]!];
    lines.push(
      '',
      `${b.size} has ${(b.pages / a.pages).toFixed(1)}× the pages of ${a.size} and took ${(total(b) / total(a)).toFixed(1)}× the time (build + index).`,
    );
  }
  for (const r of rs) {
    lines.push(
      '',
      `Bytes per page type at ${r.size} size (gzipped; mean and largest of the pages measured; JS and CSS are what one page loads):`,
      '',
      '| type | pages | HTML mean (KB) | HTML max (KB) | CSS (KB) | JS (KB) |',
      '|---|---|---|---|---|---|',
    );
    for (const t of r.types)
      lines.push(`| ${t.type} | ${t.pages} | ${kb(t.htmlMean)} | ${kb(t.htmlMax)} | ${kb(t.css)} | ${kb(t.js)} |`);
    // Excepted from the pages' JS budget (fetched in the background, once per visit), and counted here.
    if (r.serviceWorker !== null)
      lines.push(`| service worker (/sw.js, not loaded by pages) | – | – | – | – | ${kb(r.serviceWorker)} |`);
  }
  return lines.join('\n');
}
