/**
 * Render time per page: the project's routes against the floor's page.
 *
 *   npx node scripts/bench/render-times.ts                 # county size
 *   npx node scripts/bench/render-times.ts --size 0.3      # 3,000 waters
 *
 * Generates the size's data folder (./generate.ts), builds the project with
 * RIVER_TIME_ROUTES=1 (src/loader/route-timing.ts: one page rendered at a
 * time, each route's render summed), then the floor (./floor.ts) with as
 * many pages and the same diagnostic, and prints both tables and the ratio
 * of their render time per page. What `npm run bench` measures is the whole
 * build; this isolates the part that grows with the pages, without the
 * start-up, the file writes and the search index (docs/performance.md,
 * "Render time per page").
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { projectConcurrency, writeFloorSite } from './floor.ts';
import { generate } from './generate.ts';
import { countPages } from './timed.ts';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'county' },
    out: { type: 'string', default: join(root, '.bench', 'render-times') },
  },
});
const size = values.size;
const base = values.out;
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });

/** Run `astro build`; return the diagnostic's table from its output. */
function timedBuild(args: string[], env: Record<string, string>, cwd: string): string {
  const r = spawnSync('npx', ['astro', 'build', ...args], {
    cwd,
    env: { ...process.env, ...env, RIVER_TIME_ROUTES: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`astro build failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  const at = r.stdout.indexOf('render time by route:');
  if (at < 0) throw new Error(`no render times in the output of astro build in ${cwd}`);
  const [head, ...rest] = r.stdout.slice(at).split('\n');
  const end = rest.findIndex((l) => !l.startsWith('|'));
  const rows = end < 0 ? rest : rest.slice(0, end);
  return [head, ...rows].join('\n');
}

const perPage = (table: string) => Number(/, ([\d.]+) ms a page/.exec(table)?.[1]);

console.log(`## ${size}: generating data`);
const data = join(base, 'data');
generate({ size: /^\d/.test(size) ? Number(size) : size, out: data });
console.log(`## ${size}: the project, one page at a time`);
const dist = join(base, 'dist');
const project = timedBuild(['--outDir', dist], { RIVER_DATA_DIR: data, RIVER_CACHE_DIR: join(base, 'cache') }, root);
const pages = countPages(dist);
console.log(`## ${size}: the floor, ${pages} pages`);
const floorDir = join(base, 'floor');
writeFloorSite(
  floorDir,
  pages,
  projectConcurrency(root),
  pathToFileURL(join(root, 'src', 'loader', 'route-timing.ts')).href,
);
const floor = timedBuild(['--root', floorDir, '--outDir', join(base, 'floor-dist')], {}, root);
console.log(`\n### The project (${size})\n\n${project}\n\n### The floor\n\n${floor}\n`);
console.log(
  `render per page: project ${perPage(project).toFixed(3)} ms, floor ${perPage(floor).toFixed(3)} ms, ratio ${(perPage(project) / perPage(floor)).toFixed(2)}×`,
);
