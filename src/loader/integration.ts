/**
 * The Astro integration of the data folder:
 * - it makes broken data fail the build. Astro itself only logs content
 *   errors and exits 0 (see docs/architecture.md), so the data folder is
 *   validated before anything is built, with the same report
 *   `npm run check:data` prints;
 * - it collects the search entries the pages give while they render and
 *   saves them for scripts/search-index.ts (see ./search-index.ts);
 * - it writes the pages' Content-Security-Policy into <outDir>/_headers;
 * - it writes the service worker, <outDir>/sw.js (./service-worker.ts);
 * - it has the signs' QR codes made on a second thread (./qr-ahead.ts).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { dataDir } from './index.ts';
import { loadOnce, releaseFolder } from './astro.ts';
import { formatReport } from './problems.ts';
import { collectSearchEntries, entryFileIn } from './search-index.ts';
import { collectDataFiles } from './data-files.ts';
import { writeServiceWorker } from './service-worker.ts';
import { signQrTexts, startQrAhead, type QrAhead } from './qr-ahead.ts';
import { joinBase } from '../lib/base.ts';

/** site.yaml `url`, for Astro's `site` (canonical URLs, QR codes, feeds). */
export function siteUrl(): string | undefined {
  const path = join(dataDir(), 'site.yaml');
  if (!existsSync(path)) return undefined;
  try {
    const url = (parse(readFileSync(path, 'utf8')) as { url?: unknown })?.url;
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
  } catch {
    return undefined; // the validation reports it
  }
}

/**
 * public/_headers carries the Content-Security-Policy as an HTTP header for
 * hosts that read it. The pages' meta policy includes the report endpoint's
 * origin from site.yaml; the header must say the same, or a host applying
 * both would block the endpoint.
 */
/** Appended to the pages' policy in _headers: no other site may frame the pages (clickjacking). */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

export function syncHeaders(outDir: string, base = '/'): void {
  const headers = join(outDir, '_headers');
  const home = join(outDir, 'index.html');
  if (!existsSync(headers) || !existsSync(home)) return;
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/
    .exec(readFileSync(home, 'utf8'))?.[1]
    ?.replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
  // The first policy line is the one of /*; frame-ancestors works only in a header.
  let text = readFileSync(headers, 'utf8');
  if (meta) text = text.replace(/^(\s+Content-Security-Policy:).*$/m, `$1 ${meta}; ${FRAME_ANCESTORS}`);
  // Each rule's path (a line that starts with /) is a site path: under the base path.
  text = text.replace(/^\/.*$/gm, (path) => joinBase(base, path));
  writeFileSync(headers, text);
}

export default function riverData(): AstroIntegration {
  let search: ReturnType<typeof collectSearchEntries> | undefined;
  let dataFiles: ReturnType<typeof collectDataFiles> | undefined;
  let qrAhead: QrAhead | undefined;
  let cacheDir = '';
  let base = '/';
  return {
    name: 'river-data',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const dir = dataDir();
        // Pin the folder for the bundled page code, whose own module URL no
        // longer points into the project.
        process.env.RIVER_DATA_DIR = dir;
        const { folder, problems } = loadOnce(dir);
        if (problems.length === 0) {
          logger.info(`data folder ${dir}: valid`);
          // The signs' QR codes, on a second thread while the build starts (./qr-ahead.ts).
          if (command === 'build' && !qrAhead) qrAhead = startQrAhead(signQrTexts(folder));
          return;
        }
        const report = formatReport(problems, dir);
        if (command === 'build' || command === 'sync') {
          // Print the whole list first: Astro may shorten a thrown message.
          console.error(report);
          const err = new Error(
            `数据检查未通过，共 ${problems.length} 个问题 / the data folder has ${problems.length} problem(s); see the list above.`,
          );
          // The list above says where each problem is; a stack trace of this
          // hook would only bury it (and read as a crash of the program).
          err.stack = undefined;
          throw err;
        }
        logger.error(report);
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        base = config.base;
      },
      'astro:build:start': () => {
        // Astro has filled the content store (its sync runs before this hook).
        releaseFolder();
        search = collectSearchEntries();
        dataFiles = collectDataFiles();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (qrAhead) {
          const qr = await qrAhead.stop();
          qrAhead = undefined;
          logger.info(
            `QR codes: ${qr.used} of ${qr.made} made ahead on a second thread / 二维码：预先生成 ${qr.made} 个，用到 ${qr.used} 个`,
          );
        }
        const files = dataFiles!.write(fileURLToPath(dir));
        dataFiles = undefined;
        logger.info(`data files: ${files} / 数据文件：${files} 个 (per water, station, township and tracking shard)`);
        const pages = search!.save(entryFileIn(cacheDir));
        search = undefined;
        logger.info(
          `search entries: ${pages} pages / 搜索条目：${pages} 个页面 (scripts/search-index.ts indexes them)`,
        );
        syncHeaders(fileURLToPath(dir), base);
        const sw = await writeServiceWorker(fileURLToPath(dir), base);
        logger.info(`service worker: sw.js ${sw.version}, ${sw.paths.length} files precached`);
      },
    },
  };
}
