/**
 * Bytes per page type of a built site: HTML gzipped (mean and largest over
 * a sample of pages) and the CSS and JS a page of that type loads, gzipped.
 * Used by the benchmark and by the budget check of the built site.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageTypeBytes {
  type: string;
  pages: number;
  htmlMean: number;
  htmlMax: number;
  css: number;
  js: number;
}

/** Page types by the first path segment (and the root pages by name). */
export const PAGE_TYPES: { type: string; dir: string; index?: boolean }[] = [
  { type: 'home', dir: '', index: true },
  { type: 'directory', dir: 'waters', index: true },
  { type: 'water', dir: 'waters' },
  { type: 'chief', dir: 'chiefs' },
  { type: 'township', dir: 'regions' },
  { type: 'quality', dir: 'quality', index: true },
  { type: 'station', dir: 'stations' },
  { type: 'ledger', dir: 'cases', index: true },
  { type: 'case', dir: 'cases' },
  { type: 'inspections', dir: 'inspections', index: true },
  { type: 'document', dir: 'documents' },
  { type: 'search', dir: 'search', index: true },
  { type: 'report', dir: 'report', index: true },
  { type: 'open data', dir: 'data', index: true },
];

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/** The gzipped bytes of the CSS and JS an HTML page loads (module scripts and their static imports). */
export function assetBytes(dist: string, html: string): { css: number; js: number } {
  let css = 0;
  let js = 0;
  const seen = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const f = join(dist, m[1]!);
    if (existsSync(f) && !seen.has(f)) {
      seen.add(f);
      css += gz(readFileSync(f));
    }
  }
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  for (const m of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    js += gz(m[1]!);
    for (const i of m[1]!.matchAll(/import\s*(?:[^'"]*from\s*)?["']([^"']+)["']/g)) queue.push(i[1]!);
  }
  while (queue.length) {
    const src = queue.shift()!;
    if (!src.startsWith('/')) continue;
    const f = join(dist, src);
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const code = readFileSync(f, 'utf8');
    js += gz(code);
    // static imports only: dynamic import() is loaded on demand (charts, search)
    for (const i of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const p = i[1]!;
      queue.push(p.startsWith('.') ? join(src, '..', p) : p);
    }
  }
  return { css, js };
}

export function pageTypeReport(dist: string, sample = 50): PageTypeBytes[] {
  const out: PageTypeBytes[] = [];
  for (const t of PAGE_TYPES) {
    let files: string[] = [];
    if (t.index) {
      const f = join(dist, t.dir, 'index.html');
      if (existsSync(f)) files = [f];
    } else if (existsSync(join(dist, t.dir))) {
      files = readdirSync(join(dist, t.dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(dist, t.dir, e.name, 'index.html'))
        .filter((f) => existsSync(f))
        .sort();
      const step = Math.max(1, Math.floor(files.length / sample));
      files = files.filter((_, i) => i % step === 0).slice(0, sample);
    }
    if (files.length === 0) continue;
    let sum = 0;
    let max = 0;
    let css = 0;
    let js = 0;
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const n = gz(html);
      sum += n;
      max = Math.max(max, n);
      const a = assetBytes(dist, html);
      css = Math.max(css, a.css);
      js = Math.max(js, a.js);
    }
    out.push({ type: t.type, pages: files.length, htmlMean: Math.round(sum / files.length), htmlMax: max, css, js });
  }
  return out;
}

/**
 * The service worker's gzipped bytes (dist/sw.js, src/sw/worker.ts), or null
 * when the build has none. Not part of any page type's JS: a browser fetches
 * it once per visit in the background (and again only when it changes), and
 * it never blocks a page; the budget table lists it on a line of its own.
 */
export function serviceWorkerBytes(dist: string): number | null {
  const file = join(dist, 'sw.js');
  return existsSync(file) ? gz(readFileSync(file)) : null;
}
