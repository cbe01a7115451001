/**
 * Writes the service worker, <outDir>/sw.js, after the pages are built
 * (the integration's astro:build:done): the precache list is computed from
 * the built report pages (src/lib/sw-precache.ts), so it names this build's
 * hashed files, and src/sw/worker.ts is bundled around it with Vite (one
 * classic script: module workers are still missing from some browsers).
 * The worker's VERSION is a hash of the precached files' content: a deploy
 * that changes any of them changes sw.js, and the browser updates it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { precachePaths } from '../lib/sw-precache.ts';
import { joinBase, stripBase } from '../lib/base.ts';

/** The pages that must open with no signal after one visit to any page. */
export const OFFLINE_PAGES = ['/report/', '/report/named/', '/report/channels/'];

/**
 * The built file of a URL path (`/x/` → x/index.html), or null. The build
 * writes the site at the root of outDir whatever its base path, so the
 * base (`/hzz/x/`) is taken off first.
 */
function fileOf(outDir: string, base: string, urlPath: string): string | null {
  const path = stripBase(base, urlPath);
  if (path === null) return null;
  const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
  return file.startsWith(outDir) && existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * The paths in the precache list are URL paths, under the base path (the
 * built HTML names its assets so); the worker gets the base as __SW_BASE__
 * and its scope is the base.
 */
export async function writeServiceWorker(outDir: string, base = '/'): Promise<{ paths: string[]; version: string }> {
  const read = (path: string) => {
    const file = fileOf(outDir, base, path);
    return file ? readFileSync(file, 'utf8') : null;
  };
  const paths = precachePaths(
    OFFLINE_PAGES.map((p) => joinBase(base, p)),
    read,
  );
  const hash = createHash('sha256');
  for (const p of paths)
    hash
      .update(`${p}\0`)
      .update(readFileSync(fileOf(outDir, base, p)!))
      .update('\0');
  const version = hash.digest('hex').slice(0, 12);
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: {
      __SW_PRECACHE__: JSON.stringify(paths),
      __SW_VERSION__: JSON.stringify(version),
      __SW_BASE__: JSON.stringify(base),
    },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2020',
      lib: {
        entry: fileURLToPath(new URL('../sw/worker.ts', import.meta.url)),
        formats: ['iife'],
        name: 'hzServiceWorker',
        fileName: () => 'sw.js',
      },
    },
  });
  return { paths, version };
}
