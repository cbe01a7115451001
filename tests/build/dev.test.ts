/**
 * `npm run dev` with a data folder outside the project: an edited CSV shows
 * on the next page load without restarting the server; an edit that breaks
 * the folder is reported with file, line and column while the pages keep the
 * last valid data; mending it shows the new data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, cleanupTemp, makeFixture, ROOT, tempDir } from '../helpers/fixtures.ts';

const PORT = 4400 + Math.floor(Math.random() * 500);
const origin = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let log = '';
const data = makeFixture();
const waters = join(data, 'waters.csv');
const original = readFileSync(waters, 'utf8');

/** The text of a page, or '' while the server answers with an error. */
async function page(path: string): Promise<string> {
  const r = await fetch(origin + path).catch(() => null);
  return r?.ok ? r.text() : '';
}

/** Poll until `ok` holds for the page (the watcher needs a moment). */
async function until(path: string, ok: (html: string) => boolean, ms = 30_000): Promise<string> {
  const end = Date.now() + ms;
  let html = '';
  while (Date.now() < end) {
    html = await page(path);
    if (ok(html)) return html;
    await new Promise((r) => setTimeout(r, 300));
  }
  return html;
}

beforeAll(async () => {
  server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: ROOT,
    env: childEnv({ RIVER_DATA_DIR: data, RIVER_CACHE_DIR: tempDir('river-dev-cache-') }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.setEncoding('utf8').on('data', (s: string) => (log += s));
  server.stderr!.setEncoding('utf8').on('data', (s: string) => (log += s));
  const html = await until('/waters/heyuan-he/', (h) => h.includes('禾源河'), 90_000);
  if (!html) throw new Error(`the dev server did not serve the page:\n${log.slice(-3000)}`);
}, 120_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  cleanupTemp();
});

describe('astro dev with a data folder', () => {
  // A build writes these files after the pages, outside Astro's page
  // machinery (src/lib/data-file-sink.ts); the dev server must still serve them.
  it('serves the data files a build writes after the pages', async () => {
    const feed = await fetch(`${origin}/waters/heyuan-he/feed.xml`);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(await feed.text()).toContain('<title>禾源河：问题整改');
    const station = await fetch(`${origin}/stations/heyuan-chujing.csv`);
    expect(station.headers.get('content-type')).toContain('text/csv');
    expect((await station.text()).split('\n').length).toBeGreaterThan(2);
    const cases = await page('/waters/heyuan-he/cases-2026.csv');
    expect(cases).toContain('qh-2026-001');
    const shards = await Promise.all(
      '0123456789abcdef'.split('').map((k) => fetch(`${origin}/track/${k}.json`).then((r) => r.json())),
    );
    expect(shards.flatMap((s: { cases: { id: string }[] }) => s.cases.map((c) => c.id))).toContain('qh-2026-001');
  });

  it('shows an edited CSV on the next page load', async () => {
    writeFileSync(waters, original.replace('heyuan-he,禾源河,', 'heyuan-he,禾源大河,'));
    const html = await until('/waters/heyuan-he/', (h) => h.includes('禾源大河'));
    expect(html).toContain('禾源大河');
  });

  it('reports a broken edit with file, line and column, and keeps serving the last valid data', async () => {
    const before = log.length;
    writeFileSync(
      waters,
      original
        .replace('heyuan-he,禾源河,', 'heyuan-he,禾源大河,')
        .replace(',III,yhyc-heyuan-he,', ',VI,yhyc-heyuan-he,'),
    );
    const end = Date.now() + 30_000;
    while (!/waters\.csv:2:\d+/.test(log.slice(before)) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 300));
    expect(log.slice(before)).toMatch(/waters\.csv:2:\d+ \[target_class\]/);
    expect(await page('/waters/heyuan-he/')).toContain('禾源大河');
  });

  it('shows the data again once the file is mended', async () => {
    writeFileSync(waters, original.replace('heyuan-he,禾源河,', 'heyuan-he,禾源新河,'));
    const html = await until('/waters/heyuan-he/', (h) => h.includes('禾源新河'));
    expect(html).toContain('禾源新河');
  });
});
