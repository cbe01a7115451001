/**
 * Fixture data folders for the loader and build tests (see
 * tests/fixtures/README.md): `valid/` is a small complete data folder; each
 * `defects/<kind>/` holds only the files that differ from it. A test copies
 * valid/ into a temporary folder and lays a defect folder over it.
 *
 * Also runs `check-data` and `astro build` as child processes, each build
 * with its own outDir and RIVER_CACHE_DIR so builds never share a cache.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { TABLES, type TableName } from '../../src/schemas/tables.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const VALID = join(FIXTURES, 'valid');
export const DEFECTS = join(FIXTURES, 'defects');

/** Every defect kind: the folder names under tests/fixtures/defects/. */
export function defectKinds(): string[] {
  return readdirSync(DEFECTS)
    .filter((k) => statSync(join(DEFECTS, k)).isDirectory())
    .sort();
}

const temps: string[] = [];

/** A new empty temporary folder (in the system's temp folder, or under `parent`), removed by cleanupTemp(). */
export function tempDir(prefix = 'river-test-', parent = tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const d = mkdtempSync(join(parent, prefix));
  temps.push(d);
  return d;
}

/**
 * Where build outputs go: a temporary folder INSIDE the project (.test-output/
 * is git-ignored). Astro writes a static build's prerender chunks to
 * `<outDir>/.prerender/` only when outDir is inside the working directory;
 * for an outDir elsewhere (e.g. /tmp) it uses the shared `<project>/.astro/.prerender/`,
 * and builds running at the same time then overwrite and delete each other's chunks.
 */
export const BUILD_OUTPUT = join(ROOT, '.test-output');

/** Remove every temporary folder made by this module. */
export function cleanupTemp(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Lay the files of defects/<kind>/ over an existing data folder (replacing files of the same path). */
export function overlay(dir: string, kind: string): void {
  const src = join(DEFECTS, kind);
  if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`no defect fixture ${kind}`);
  cpSync(src, dir, { recursive: true });
}

/** A temporary copy of valid/, with the defect folder `kind` laid over it when given. */
export function makeFixture(kind?: string): string {
  const dir = tempDir(kind ? `river-${kind}-` : 'river-valid-');
  cpSync(VALID, dir, { recursive: true });
  if (kind) overlay(dir, kind);
  return dir;
}

/** Every file under dir, as sorted paths relative to dir with `/` separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The latest modification time and the number of the project's build inputs
 * (src/ but the sample data, public/, astro.config.mjs, package files). Other work in the same tree may edit sources while a
 * test builds twice; a test comparing two builds checks this did not happen.
 */
export function sourceStamp(): string {
  let max = 0;
  let count = 0;
  for (const f of ['astro.config.mjs', 'package.json', 'package-lock.json']) {
    const st = statSync(join(ROOT, f), { throwIfNoEntry: false });
    if (st) max = Math.max(max, st.mtimeMs);
  }
  for (const d of ['src', 'public']) {
    const base = join(ROOT, d);
    if (!statSync(base, { throwIfNoEntry: false })) continue;
    for (const f of listFiles(base)) {
      if (d === 'src' && f.startsWith('content/')) continue; // the bundled sample data, not built here
      max = Math.max(max, statSync(join(base, f)).mtimeMs);
      count++;
    }
  }
  return `${max}:${count}`;
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** The table of a CSV file of a data folder (`readings/*.csv` → readings), or undefined. */
export function tableOfFile(file: string): TableName | undefined {
  if (/^readings\/[^/]+\.csv$/i.test(file)) return 'readings';
  return (Object.keys(TABLES) as TableName[]).find((t) => TABLES[t].file === file);
}

/**
 * The CSV text with its English header names replaced by their first Chinese
 * alias (TABLES[table].columns[name].zh[0]), as a Chinese office template has them.
 */
export function withChineseHeaders(text: string, table: TableName): string {
  const body = text.replace(/^\uFEFF/, '');
  const nl = body.search(/\r?\n/);
  const header = nl < 0 ? body : body.slice(0, nl);
  const columns = TABLES[table].columns as Record<string, { zh: readonly string[] }>;
  const zh = header.split(',').map((h) => {
    const col = columns[h.trim()];
    if (!col) throw new Error(`${table}: unknown header ${h}`);
    return col.zh[0];
  });
  return zh.join(',') + (nl < 0 ? '' : body.slice(nl));
}

/**
 * Rewrite every CSV file of `dir` in place as Chinese Excel saves it:
 * Chinese header names, GB18030 bytes. Other files are left alone.
 */
export function toChineseGb18030(dir: string): string[] {
  const done: string[] = [];
  for (const file of listFiles(dir)) {
    const table = tableOfFile(file);
    if (!table) continue;
    const text = withChineseHeaders(readFileSync(join(dir, file), 'utf8'), table);
    writeFileSync(join(dir, file), iconv.encode(text, 'gb18030'));
    done.push(file);
  }
  return done;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
  ms: number;
}

/** The environment of a child process: ours without vitest's markers, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'TEST' || k === 'NODE_ENV') delete env[k];
  // Vite's import.meta.env as vitest mirrors it into process.env (DEV=1,
  // MODE=test…): a build started from a test must not inherit it.
  for (const k of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[k];
  delete env.RIVER_DATA_DIR;
  delete env.RIVER_CACHE_DIR;
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Run `npx <args>` in the project root. */
export function runNpx(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', args, { cwd: ROOT, env: childEnv(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code, stdout, stderr, output: `${stdout}\n${stderr}`, ms: Date.now() - started }),
    );
  });
}

/** `npx node scripts/check-data.ts <dir>`, or with RIVER_DATA_DIR=<dir> and no argument. */
export function checkData(dataDir: string, opts: { viaEnv?: boolean } = {}): Promise<RunResult> {
  return opts.viaEnv
    ? runNpx(['node', 'scripts/check-data.ts'], { RIVER_DATA_DIR: dataDir })
    : runNpx(['node', 'scripts/check-data.ts', dataDir]);
}

export interface BuildResult extends RunResult {
  outDir: string;
  cacheDir: string;
}

/**
 * `npx astro build --outDir <tmp>` of the data folder `dataDir`: its own
 * outDir (under BUILD_OUTPUT, see there why) and its own RIVER_CACHE_DIR
 * unless `cacheDir` is given (to test a reused cache).
 */
export async function astroBuild(
  dataDir: string,
  opts: { outDir?: string; cacheDir?: string; env?: Record<string, string> } = {},
): Promise<BuildResult> {
  const outDir = opts.outDir ?? tempDir('dist-', BUILD_OUTPUT);
  const cacheDir = opts.cacheDir ?? tempDir('river-cache-');
  const r = await runNpx(['astro', 'build', '--outDir', outDir], {
    ...opts.env,
    RIVER_DATA_DIR: dataDir,
    RIVER_CACHE_DIR: cacheDir,
  });
  return { ...r, outDir, cacheDir };
}

/** Run `fn` over `items` with at most `limit` running at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
