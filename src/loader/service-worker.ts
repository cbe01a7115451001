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

/** The pages that must open with no signal after one visit to any page. */
export const OFFLINE_PAGES = ['/report/', '/report/named/', '/report/channels/'];

/** The built file of a site path (`/x/` → x/index.html), or null. */
function fileOf(outDir: string, path: string): string | null {
  const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
  return file.startsWith(outDir) && existsSync(file) && statSync(file).isFile() ? file : null;
}

export async function writeServiceWorker(outDir: string): Promise<{ paths: string[]; version: string }> {
  const read = (path: string) => {
    const file = fileOf(outDir, path);
    return file ? readFileSync(file, 'utf8') : null;
  };
  const paths = precachePaths(OFFLINE_PAGES, read);
  const hash = createHash('sha256');
  for (const p of paths)
    hash
      .update(`${p}\0`)
      .update(readFileSync(fileOf(outDir, p)!))
      .update('\0');
  const version = hash.digest('hex').slice(0, 12);
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { __SW_PRECACHE__: JSON.stringify(paths), __SW_VERSION__: JSON.stringify(version) },
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
