/**
 * The signs' QR codes, made on a second thread while the build starts.
 *
 * `astro build` renders on one thread, and a QR code is the largest single
 * cost of a sign page (about 0.3 ms a code, two codes a sign on average,
 * tens of thousands at city size: docs/performance.md). The codes depend
 * only on the site's URL and the waters' and segments' ids, all known once
 * the data folder is validated, long before the first page renders. So the
 * integration starts a worker thread then (./qr-worker.ts), which makes
 * every sign's code with the same function the sign page would use
 * (src/lib/qr.ts makeQrSvg) and hands them to the pages through a build
 * slot; the build's own thread meanwhile reads the content, bundles and
 * renders the other pages. A sign whose code has not arrived yet makes it
 * itself, so the output never depends on the timing. This shortens the
 * build's wall time; the CPU time is the same, on another core.
 */
import { Worker } from 'node:worker_threads';
import { qrMadeAhead, segmentUrl, waterUrl } from '../lib/qr.ts';
import type { RawFolder } from './read.ts';

/** The texts of every sign's QR code (src/pages/waters/[id]/sign.astro): each water's page, and each segment's. */
export function signQrTexts(folder: RawFolder): string[] {
  const url = folder.site?.url;
  if (!url) return [];
  return [
    ...folder.waters.map((w) => waterUrl(url, w.data.id)),
    ...folder.segments.map((s) => segmentUrl(url, s.data.water, s.data.id)),
  ];
}

export interface QrAhead {
  /** Stop the thread and forget what was not used: how many codes it made, and how many of them the pages took. */
  stop(): Promise<{ made: number; used: number }>;
}

/** Start making the codes of `texts` on a worker thread; the pages take them through src/lib/qr.ts. */
export function startQrAhead(texts: readonly string[]): QrAhead {
  const ahead = new Map<string, string>();
  qrMadeAhead.set(ahead);
  let made = 0;
  const worker = new Worker(new URL('./qr-worker.ts', import.meta.url), { workerData: [...new Set(texts)] });
  // A build that stops early (broken data, a failed page) does not wait for it.
  worker.unref();
  worker.on('message', (batch: [string, string][]) => {
    for (const [text, svg] of batch) ahead.set(text, svg);
    made += batch.length;
  });
  // A thread that fails leaves the codes to the pages, which make them themselves.
  worker.on('error', () => {});
  return {
    async stop() {
      qrMadeAhead.set(undefined);
      await worker.terminate();
      return { made, used: made - ahead.size };
    },
  };
}
