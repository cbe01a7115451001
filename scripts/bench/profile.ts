/**
 * Sum a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) by source file
 * and by function, and attribute the render to page types.
 *
 *   npx node scripts/bench/profile.ts <file.cpuprofile> [--chunks <dir>] [--cpu <s> --pages <n>] [--top 40] [--page-types] [--json]
 *
 * Self time: the samples whose innermost frame is in that file or function.
 * Total time: the samples with that file or function anywhere on the stack
 * (each sample counted once per file or function, however deep the
 * recursion). Files are shown relative to the project folder, with
 * node_modules packages collapsed to their name (astro, zod, …).
 *
 * --chunks: a copy of the build's bundled server chunks (Astro deletes
 * <outDir>/.prerender/ when the build ends: copy it while the pages render).
 * The bundler starts each source module in a chunk with a `// src/<path>`
 * comment line; with them every frame in a chunk is attributed to its source
 * file (src/pages/waters/[id].astro, src/data/query.ts, …) instead of the
 * chunk.
 *
 * --page-types: each sample goes to the page on its stack (a source file
 * under src/pages/, so --chunks is needed); the outermost one decides (a
 * page that renders another page's component counts it as its own).
 * Samples with no page on the stack are start-up, bundling, Astro's own
 * per-page work outside the page's code (writing files, the response),
 * or garbage collection, and are listed by their first project or package
 * frame.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Per chunk file name: the source module of each line (from the bundler's `// src/…` comment lines). */
export type ChunkMap = Map<string, (string | undefined)[]>;

export function readChunks(dir: string): ChunkMap {
  const map: ChunkMap = new Map();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.mjs')) {
        const lines: (string | undefined)[] = [];
        let current: string | undefined;
        for (const line of readFileSync(p, 'utf8').split('\n')) {
          const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
          if (m) current = m[1]!;
          lines.push(current);
        }
        map.set(e.name, lines);
      }
    }
  };
  walk(dir);
  return map;
}

/** A readable name of a script URL: package name, or the path inside the project or build output. */
export function sourceOf(url: string, line = 0, chunks?: ChunkMap): string {
  const mapped = chunks?.get(url.slice(url.lastIndexOf('/') + 1))?.[line];
  if (mapped) return mapped.startsWith('node_modules/') ? sourceOf(`/${mapped}`) : mapped;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url;
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  for (const marker of ['/src/', '/scripts/', '/dist/', '/.prerender/', '/chunks/', '/pages/']) {
    const i = path.lastIndexOf(marker);
    if (i >= 0 && marker !== '/dist/') return path.slice(i + 1);
    if (i >= 0) return path.slice(i + '/dist/'.length);
  }
  return path;
}

/** The page of a source path (src/pages/waters/[id].astro → waters/[id]), or undefined. */
export function pageOf(source: string): string | undefined {
  return /^src\/pages\/(.+)\.(astro|ts)$/.exec(source)?.[1];
}

/**
 * What a sample was doing, from the functions on its stack: the first rule
 * of this list that any frame matches. Start-up work runs once per build,
 * the rest once per page.
 */
const CATEGORIES: [string, (fn: string, src: string) => boolean][] = [
  ['start-up: reading and validating the data folder', (fn) => fn === 'loadDataFolder'],
  ['start-up: saving the content store (devalue)', (fn) => fn === 'serializeDataStore' || fn === 'writeToDisk'],
  [
    'start-up: bundling (vite, rolldown)',
    (_fn, src) => src === 'vite' || src === 'rolldown' || src === '@astrojs/compiler-rs',
  ],
  [
    'start-up: loading the content store and the bundled modules',
    (fn, src) =>
      fn === 'importModuleDynamicallyCallback' ||
      fn === 'getCollection' ||
      fn === 'fromModule' ||
      src.includes('data-layer-content'),
  ],
  ['start-up: query module indexes (getDb)', (fn, src) => fn === 'build' && src === 'src/data/query.ts'],
  ['start-up: feature indexes (memo.ts)', (_fn, src) => src === 'src/data/memo.ts'],
  [
    'per page: writing files (mkdir, open, write, close)',
    (fn, src) =>
      fn === 'writeFile' ||
      fn === 'mkdir' ||
      (src === '(native)' && ['close', 'writeBuffer', 'openFileHandle', 'open', 'write'].includes(fn)),
  ],
  ['per page: search entries (indexDocument, pinyin)', (fn) => fn === 'indexDocument'],
  ['per page: QR codes of the signs', (fn) => fn === 'qrSvg'],
  ['per page: project code (pages, components, src/lib, src/data)', (_fn, src) => src.startsWith('src/')],
  // Chunks without --chunks (or a bare site's, whose only code is Astro's runtime) count as Astro's.
  [
    'per page: Astro rendering and the response',
    (_fn, src) =>
      src === 'astro' ||
      src.startsWith('runtime/') ||
      src.startsWith('core/') ||
      src.startsWith('.prerender/') ||
      src.startsWith('node:internal/deps/undici') ||
      src === 'p-limit',
  ],
];

export interface Totals {
  totalMs: number;
  byCategory: Map<string, number>;
  bySelfFile: Map<string, number>;
  byTotalFile: Map<string, number>;
  bySelfFunction: Map<string, number>;
  byTotalFunction: Map<string, number>;
  byPage: Map<string, number>;
}

export function summarise(profile: CpuProfile, chunks?: ChunkMap): Totals {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const fnName = (f: CallFrame) =>
    `${f.functionName || '(anonymous)'} ${sourceOf(f.url, f.lineNumber, chunks)}${chunks?.has(f.url.slice(f.url.lastIndexOf('/') + 1)) ? '' : `:${f.lineNumber + 1}`}`;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const t: Totals = {
    totalMs: 0,
    byCategory: new Map(),
    bySelfFile: new Map(),
    byTotalFile: new Map(),
    bySelfFunction: new Map(),
    byTotalFunction: new Map(),
    byPage: new Map(),
  };
  // Stacks repeat: cache each leaf's files, functions and page.
  const cache = new Map<number, { files: string[]; fns: string[]; page: string; category: string }>();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = profile.samples[i]!;
    t.totalMs += ms;
    let c = cache.get(leaf);
    if (!c) {
      const files = new Set<string>();
      const fns = new Set<string>();
      let page: string | undefined;
      let firstOwn: string | undefined;
      let best = -1;
      for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
        const f = byId.get(id)!.callFrame;
        const src = sourceOf(f.url, f.lineNumber, chunks);
        const rule = CATEGORIES.findIndex(([, test]) => test(f.functionName, src));
        if (rule >= 0 && (best < 0 || rule < best)) best = rule;
        // (root), (program), (garbage collector): only where they are the leaf
        if (f.url || id === leaf) files.add(src);
        fns.add(fnName(f));
        page = pageOf(src) ?? page;
        if (!firstOwn && f.url && !f.url.startsWith('node:')) firstOwn = src;
      }
      const leafName = byId.get(leaf)!.callFrame.functionName;
      let category = best >= 0 ? CATEGORIES[best]![0] : undefined;
      if (leafName === '(garbage collector)' || leafName === '(idle)' || leafName === '(program)') category = leafName;
      c = {
        files: [...files],
        fns: [...fns],
        page: page ? `page ${page}` : `outside pages: ${firstOwn ?? leafName}`,
        category: category ?? `other: ${firstOwn ?? leafName}`,
      };
      cache.set(leaf, c);
    }
    const leafFrame = byId.get(leaf)!.callFrame;
    add(t.bySelfFile, sourceOf(leafFrame.url, leafFrame.lineNumber, chunks), ms);
    add(t.bySelfFunction, fnName(leafFrame), ms);
    for (const f of c.files) add(t.byTotalFile, f, ms);
    for (const f of c.fns) add(t.byTotalFunction, f, ms);
    add(t.byPage, c.page, ms);
    add(t.byCategory, c.category, ms);
  }
  return t;
}

/**
 * Samples are taken on the wall clock, so a process waiting for a core
 * (other work on the machine) stretches every share alike. With the
 * process's measured CPU time (user + system, e.g. from /usr/bin/time) and
 * its page count, each row also gets CPU ms per page: its share of the
 * samples that were not idle, times the CPU time, over the pages.
 */
interface Scale {
  cpuSeconds: number;
  pages: number;
  busyMs: number;
}

function table(title: string, m: Map<string, number>, totalMs: number, top: number, scale?: Scale): string {
  const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  const perPage = (v: number) =>
    scale ? ` ${((v / scale.busyMs) * ((scale.cpuSeconds * 1000) / scale.pages)).toFixed(3)} |` : '';
  return [
    `\n${title}`,
    `| | ms | % |${scale ? ' CPU ms/page |' : ''}`,
    `|---|---|---|${scale ? '---|' : ''}`,
    ...rows.map(
      ([k, v]) =>
        `| ${k} | ${v.toFixed(0)} | ${((100 * v) / totalMs).toFixed(1)} |${k === '(idle)' ? (scale ? ' |' : '') : perPage(v)}`,
    ),
  ].join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      chunks: { type: 'string' },
      cpu: { type: 'string' },
      pages: { type: 'string' },
      top: { type: 'string', default: '40' },
      'page-types': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    console.error(
      'usage: node scripts/bench/profile.ts <file.cpuprofile> [--chunks <dir>] [--top 40] [--page-types] [--json]',
    );
    process.exit(2);
  }
  const t = summarise(
    JSON.parse(readFileSync(positionals[0]!, 'utf8')) as CpuProfile,
    values.chunks ? readChunks(values.chunks) : undefined,
  );
  const top = Number(values.top);
  if (values.json) {
    console.log(
      JSON.stringify(
        Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v instanceof Map ? Object.fromEntries(v) : v])),
        null,
        1,
      ),
    );
  } else {
    const scale =
      values.cpu && values.pages
        ? {
            cpuSeconds: Number(values.cpu),
            pages: Number(values.pages),
            busyMs: t.totalMs - (t.byCategory.get('(idle)') ?? 0),
          }
        : undefined;
    console.log(`sampled ${(t.totalMs / 1000).toFixed(1)} s`);
    console.log(table('by what the build was doing', t.byCategory, t.totalMs, top, scale));
    if (values['page-types'])
      console.log(table('by page (outermost page on the stack)', t.byPage, t.totalMs, top, scale));
    console.log(table('self time by file', t.bySelfFile, t.totalMs, top, scale));
    console.log(table('total time by file', t.byTotalFile, t.totalMs, top, scale));
    console.log(table('self time by function', t.bySelfFunction, t.totalMs, top, scale));
    console.log(table('total time by function', t.byTotalFunction, t.totalMs, top, scale));
  }
}
