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
}

export function serveDir(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const file = resolvePath(root, req.url ?? '/');
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
