/**
 * Build a city's or province's portal over member sites (docs/deploy.md):
 *
 *   npm run build:portal -- <portal.yaml> <out-dir>
 *
 * Reads portal.yaml (src/schemas/portal.ts), then each member's built site
 * (scripts/portal/members.ts: /data/index.json, the open data, the Pagefind
 * bundle), and builds the portal (the Astro project in portal/) with its
 * open data: /data/members.json, /data/members.csv and /data/index.json,
 * which says `kind: portal` and lists the county sites whose search bundles
 * it merges, so a higher portal can take this one as a member.
 *
 * The portal's pages are a real Astro build, run in this process with
 * Astro's programmatic build() (docs.astro.build, "Programmatic Astro API";
 * marked experimental there, so an Astro upgrade should rerun
 * tests/build/portal.test.ts): the county site's styles and components,
 * bundled scripts and CSS files under the same Content-Security-Policy.
 *
 * The portal is built in a folder beside out-dir and moved into place only
 * when everything succeeded: a failed build leaves out-dir as it was.
 * Exit 1 with every problem (each naming its member) on failure.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseYamlFile } from '../../src/loader/read.ts';
import { formatProblem, type Problem } from '../../src/loader/problems.ts';
import { decodeText } from '../../src/lib/csv.ts';
import { portalSchema } from '../../src/schemas/portal.ts';
import { readMembers } from './members.ts';
import { portalModel, portalIndex, membersCsv, headersFile, type PortalModel } from './model.ts';

const root = join(import.meta.dirname, '..', '..');

function fail(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}

const [yamlArg, outArg] = process.argv.slice(2);
if (!yamlArg || !outArg)
  fail([
    '用法 / usage: npm run build:portal -- <portal.yaml> <out-dir>',
    '  portal.yaml: name, url, members: [{ name, url, dist }]（见 docs/deploy.md）',
  ]);

const yamlPath = resolve(yamlArg);
const out = resolve(outArg);
const file = basename(yamlPath);
if (!existsSync(yamlPath)) fail([`找不到 ${yamlPath} / ${yamlPath} not found`]);

const problems: Problem[] = [];
const { text, invalid } = decodeText(readFileSync(yamlPath));
for (const b of invalid)
  problems.push({ file, line: b.line, column: b.column, zh: '不是有效的 UTF-8', en: 'not valid UTF-8' });
const config = invalid.length ? null : parseYamlFile(portalSchema, text, file, problems);
if (!config)
  fail([
    `${file} 有 ${problems.length} 处错误 / ${problems.length} problem(s) in ${file}:`,
    ...problems.map(formatProblem),
  ]);

// out-dir is replaced as a whole: refuse one that holds anything a portal build does not write
// (a county's folder published beside the portal would be deleted with it).
const PORTAL_FILES = new Set(['index.html', '_astro', 'data', '_headers']);
if (existsSync(out)) {
  const foreign = readdirSync(out)
    .filter((e) => !PORTAL_FILES.has(e))
    .sort();
  if (foreign.length)
    fail([
      `${out} 中有门户构建不会写入的内容（${foreign.join('、')}）：门户构建会整体替换输出文件夹，请输出到单独的文件夹，再与各成员网站一起发布`,
      `${out} holds what a portal build does not write (${foreign.join(', ')}): the build replaces its out-dir as a whole; expected a folder of its own, published beside the members`,
    ]);
}

const started = Date.now();
const { members, errors } = readMembers(
  config.members.map((m) => ({ name: m.name, url: m.url, dist: resolve(dirname(yamlPath), m.dist) })),
);
if (errors.length)
  fail([
    `门户未构建：${errors.length} 个成员有问题 / portal not built: ${errors.length} member problem(s):`,
    ...errors.map((e) => e.message),
  ]);

const model: PortalModel = portalModel(config, members);

// Build beside out-dir (same file system: the final move is a rename).
mkdirSync(dirname(out), { recursive: true });
const tmp = join(dirname(out), `.${basename(out)}.building-${process.pid}`);
const modelFile = join(dirname(out), `.${basename(out)}.model-${process.pid}.json`);
rmSync(tmp, { recursive: true, force: true });
let failure: unknown = null;
try {
  writeFileSync(modelFile, JSON.stringify(model));
  process.env.PORTAL_MODEL = modelFile;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const u = new URL(config.url);
  await build({
    root: join(root, 'portal'),
    configFile: 'astro.config.mjs',
    outDir: tmp,
    site: u.origin,
    base: u.pathname,
    cacheDir: join(dirname(out), `.${basename(out)}.cache`),
    logLevel: 'warn',
  });
  const data = join(tmp, 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'members.json'), JSON.stringify(model.rows));
  writeFileSync(join(data, 'members.csv'), membersCsv(model.rows));
  writeFileSync(join(data, 'index.json'), JSON.stringify(portalIndex(model), null, 2));
  writeFileSync(join(tmp, '_headers'), headersFile(model.csp));
  // Into place: the old portal moves aside first, so out-dir is never half written.
  const old = `${tmp}.old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
} catch (e) {
  failure = e;
  rmSync(tmp, { recursive: true, force: true });
} finally {
  rmSync(modelFile, { force: true });
  rmSync(join(dirname(out), `.${basename(out)}.cache`), { recursive: true, force: true });
}
if (failure)
  fail([
    `门户构建失败 / portal build failed: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`,
  ]);
console.log(
  `portal: ${members.length} members, ${model.leaves.length} sites searched, in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}` +
    ` / 门户：${members.length} 个成员，合并搜索 ${model.leaves.length} 个网站`,
);
