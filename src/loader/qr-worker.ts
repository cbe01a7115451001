/**
 * The thread of ./qr-ahead.ts: makes the QR code of each text it was
 * started with and sends them back a batch at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeQrSvg } from '../lib/qr.ts';

const BATCH = 50;
const texts = workerData as string[];
for (let i = 0; i < texts.length; i += BATCH) {
  const batch: [string, string][] = [];
  for (const text of texts.slice(i, i + BATCH)) batch.push([text, await makeQrSvg(text)]);
  parentPort!.postMessage(batch);
}
