/**
 * The service worker (src/sw/worker.ts) in Chromium: after one online visit
 * the report form opens with no signal and keeps its draft; a report sent
 * offline is queued and sent once the connection is back, reaching a real
 * receiver (scripts/receiver.ts) exactly once, and the form or /track/
 * shows the receiver's 受理编号.
 *
 * The built sample site has no endpoint; a small proxy in front of it
 * serves the report pages as an endpoint build writes them
 * (helpers/report.ts withEndpoint, endpoint /api/reports on the same
 * origin, as the site's CSP allows) and passes /api/reports to the
 * receiver. The service worker fetches through the proxy too, so its
 * precache holds the same pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../helpers/browser.ts';
import { serveDir, type StaticServer } from '../helpers/server.ts';
import { siteDist } from '../helpers/site.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { listReports, startReceiver, type RunningReceiver } from '../helpers/receiver.ts';
import { draftValues, fillReport, REF, submit, withEndpoint, type Water } from '../helpers/report.ts';

let files: StaticServer;
let proxy: Server;
let origin: string;
let receiver: RunningReceiver;
let browser: Browser;
let water: Water;
const data = tempDir('river-sw-');
/** The reference of every report POSTed through the proxy: each send that left the browser. */
const posted: string[] = [];
/** [old, new]: serve /sw.js with its version replaced, as the next deploy's worker. */
let nextDeploy: [string, string] | null = null;

beforeAll(async () => {
  files = await serveDir(siteDist());
  proxy = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const toReceiver = path.startsWith('/api/reports');
    if (toReceiver && req.method === 'POST')
      posted.push(String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ref?: unknown }).ref));
    const target = toReceiver ? `${receiver.endpoint}${path.slice('/api/reports'.length)}` : `${files.origin}${path}`;
    const headers: Record<string, string> = {};
    for (const k of ['content-type', 'origin', 'accept'])
      if (typeof req.headers[k] === 'string') headers[k] = req.headers[k];
    const upstream = await fetch(target, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    let body = Buffer.from(await upstream.arrayBuffer());
    if (path === '/sw.js' && nextDeploy)
      body = Buffer.from(body.toString('utf8').replaceAll(nextDeploy[0], nextDeploy[1]));
    if (/^\/report\/(named\/)?(\?.*)?$/.test(path))
      body = Buffer.from(withEndpoint(body.toString('utf8'), `${origin}/api/reports`));
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection')
        out[k] = v;
    });
    res.writeHead(upstream.status, out);
    res.end(body);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  receiver = await startReceiver({ data, origins: [origin] });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const list = (await (await fetch(`${origin}/report/waters.json`)).json()) as { waters: string[][] };
  water = { id: list.waters[0]![0]!, name: list.waters[0]![1]! };
});

afterAll(async () => {
  await browser?.close();
  await receiver?.stop();
  await new Promise((r) => proxy?.close(r));
  await files?.close();
});

/** A fresh browser profile that visited one page online, now controlled by the service worker with its precache complete. */
async function visitedOnce(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${origin}/waters/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  return { context, page };
}

const formReady = (page: Page) =>
  page.waitForFunction(
    () =>
      customElements.get('report-form') !== undefined &&
      !document.querySelector('report-form form')?.hasAttribute('hidden'),
  );

const outbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ ref: string; state: string }[]>((resolve) => {
        const req = indexedDB.open('hz-report-outbox', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('reports', { keyPath: 'ref' });
        req.onsuccess = () => {
          const all = req.result.transaction('reports').objectStore('reports').getAll();
          all.onsuccess = () => resolve(all.result as { ref: string; state: string }[]);
        };
      }),
  );

async function stored(ref: string): Promise<number> {
  return (await listReports(data)).filter((r) => r.ref === ref).length;
}

const sends = (ref: string) => posted.filter((r) => r === ref).length;

describe('offline: the report form after one online visit', () => {
  it('opens with no signal, keeps a draft typed offline across a reload, queues the report and sends it once when back online', async () => {
    const { context, page } = await visitedOnce();
    await context.setOffline(true);
    await page.goto(`${origin}/report/`);
    await formReady(page);
    await fillReport(page, water);
    await page.reload();
    await formReady(page);
    expect(await page.inputValue('#r-place')).toBe('青石桥下游约100米左岸');
    expect((await draftValues(page)).description).toBe('水面有一层油污，闻起来有柴油味，已经两天了');

    await submit(page);
    const panel = page.locator('[data-fallback]');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.locator('h2').textContent()).toBe('还没有发送，网络恢复后自动发送');
    expect(await panel.locator('[data-fallback-reason]').textContent()).toContain('我们还没有收到这份反映');
    expect(await panel.locator('[data-ref-label]').textContent()).toBe('草稿编号');
    const draftRef = (await panel.locator('[data-ref]').first().textContent())!;
    expect(draftRef).toMatch(REF);
    expect(await outbox(page)).toEqual([expect.objectContaining({ ref: draftRef, state: 'queued' })]);
    expect(await stored(draftRef)).toBe(0);

    await context.setOffline(false);
    const success = page.locator('[data-success]');
    await success.waitFor({ timeout: 20_000 });
    const ref = await success.locator('[data-ref]').first().textContent();
    expect(ref).toBe(draftRef); // the receiver stores the reference the form sent
    expect(await stored(ref!)).toBe(1);
    expect(sends(ref!)).toBe(1); // the page's online event and Background Sync did not both send it
    expect(await outbox(page)).toEqual([]);
    // Opening the form again: a new, empty report, nothing sent a second time.
    await page.goto(`${origin}/report/`);
    await formReady(page);
    expect(await page.inputValue('#r-place')).toBe('');
    expect(await stored(ref!)).toBe(1);
    await context.close();
  });

  it('sends a report queued in a closed tab when back online, and /track/ then the form show its 受理编号', async () => {
    const { context, page } = await visitedOnce();
    await context.setOffline(true);
    await page.goto(`${origin}/report/named/`);
    await formReady(page);
    await fillReport(page, water, true);
    await submit(page);
    await page.locator('[data-fallback]').waitFor({ timeout: 10_000 });
    const draftRef = (await page.locator('[data-fallback] [data-ref]').first().textContent())!;
    await page.close();

    await context.setOffline(false);
    const track = await context.newPage();
    await track.goto(`${origin}/track/`);
    const notice = track.locator('[data-outbox]');
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toContain(`受理编号：${draftRef}`);
    expect(await stored(draftRef)).toBe(1);

    const form = await context.newPage();
    await form.goto(`${origin}/report/named/`);
    const success = form.locator('[data-success]');
    await success.waitFor({ timeout: 10_000 });
    expect(await success.locator('[data-ref]').first().textContent()).toBe(draftRef);
    expect(await draftValues(form)).toEqual({});
    expect(await stored(draftRef)).toBe(1);
    expect(sends(draftRef)).toBe(1);
    await context.close();
  });

  it('shows a page never visited offline as a plain notice that points to the form', async () => {
    const { context, page } = await visitedOnce();
    await context.setOffline(true);
    await page.goto(`${origin}/documents/`);
    expect(await page.locator('h1').textContent()).toBe('没有网络');
    expect(await page.locator('a[href="/report/"]').count()).toBe(1);
    // The page visited online (before the worker was installed) opens from the cache, styled.
    await page.goto(`${origin}/waters/`);
    expect(await page.locator('h1').textContent()).not.toBe('没有网络');
    expect(
      await page.evaluate(
        () => [...document.styleSheets].filter((s) => s.href?.includes('/_astro/') && s.cssRules.length > 0).length,
      ),
    ).toBeGreaterThan(0);
    await context.close();
  });

  it(
    'a new deploy’s worker waits while a report form is open, then takes over and deletes the old caches',
    { timeout: 150_000 },
    async () => {
      const { context, page } = await visitedOnce();
      const cacheNames = () => page.evaluate(() => caches.keys());
      const version = (await cacheNames()).find((n) => n.startsWith('hz-precache-'))!.slice('hz-precache-'.length);
      const form = await context.newPage();
      await form.goto(`${origin}/report/`);
      await formReady(form);
      nextDeploy = [version, 'feedfacecafe'];
      try {
        const waiting = await form.evaluate(async () => {
          const reg = (await navigator.serviceWorker.getRegistration())!;
          await reg.update();
          const w = reg.installing ?? reg.waiting;
          if (w && w.state === 'installing')
            await new Promise((r) => w.addEventListener('statechange', r, { once: true }));
          return reg.waiting !== null;
        });
        expect(waiting).toBe(true);
        expect(await cacheNames()).toEqual(
          expect.arrayContaining([`hz-precache-${version}`, 'hz-precache-feedfacecafe']),
        );

        await form.close();
        // Each page without the form that opens asks the waiting worker in. A
        // closed tab can stay a client of the worker for a moment, so, as a
        // person browsing on would, open pages until the new worker has taken
        // over. Each page is read for a moment (until the old caches are
        // gone, at most 8 s) before the next opens: Chromium can send a
        // navigation that starts at the very moment of the swap to the old
        // worker as it is being stopped, and that navigation then never ends.
        await expect
          .poll(
            async () => {
              await page.reload();
              for (const until = Date.now() + 8000; Date.now() < until; await sleep(250))
                if (!(await cacheNames()).includes(`hz-precache-${version}`)) break;
              return cacheNames();
            },
            { timeout: 90_000, interval: 500 },
          )
          .not.toContain(`hz-precache-${version}`);
        expect((await cacheNames()).every((n) => n.endsWith('-feedfacecafe'))).toBe(true);
        expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
      } finally {
        nextDeploy = null;
      }
      await context.close();
    },
  );
});
