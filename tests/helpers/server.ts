/**
 * A minimal static file server for built sites, as a static host serves
 * them: /path/ → /path/index.html, 404.html for anything missing.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export function resolvePath(root: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (!file.startsWith(root)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

const COMPRESSIBLE = /\.(html|js|mjs|css|json|csv|svg|xml|txt)$/;

export interface ServeOptions {
  /**
   * Gzip text responses and mark hashed assets immutable, as a production
   * host does. Off for the tests (they read raw bytes); on for Lighthouse,
   * which would otherwise score the test server rather than the site.
   */
  production?: boolean;
  /**
   * The base path the site is published under (`/hzz/`): the built folder
   * is served there and nothing is served outside it (a plain 404, not the
   * site's 404 page), as on a host where the site is one folder of many.
   */
  base?: string;
}

/** One block of a _headers file: a path pattern (`*` matches anything) and its headers. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parse a Netlify/Cloudflare-style _headers file. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
      if (m && rules.length) rules.at(-1)!.headers.push([m[1]!.trim(), m[2]!.trim()]);
    }
  }
  return rules;
}

/** The headers of every rule matching a URL path; a header named by several rules is sent once for each. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rules) if (r.pattern.test(path)) for (const [k, v] of r.headers) (out[k] ??= []).push(v);
  return out;
}

/**
 * Serve a built site as a static host does: /path/ → /path/index.html,
 * 404.html for anything missing, and the site's own _headers applied (the
 * Content-Security-Policy of every page, the sandbox of /cases/media/*), so
 * the browser tests run under the policy the site ships.
 */
export function serveDir(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const headerFile = join(root, '_headers');
  const rules = existsSync(headerFile) ? parseHeaders(readFileSync(headerFile, 'utf8')) : [];
  const base = options.base ?? '/';
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('outside the site');
      return;
    }
    for (const [k, v] of Object.entries(headersFor(rules, url.split('?')[0]!))) res.setHeader(k, v);
    const file = resolvePath(root, `/${url.slice(base.length)}`);
    if (!file) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    let body = readFileSync(file);
    if (options.production) {
      if (file.includes('/_astro/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
      if (COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
