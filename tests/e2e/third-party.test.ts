/**
 * No page of the built site (tests/helpers/site.ts) requests
 * anything from another host: one page of every type is opened in a fresh
 * Chromium context, left until the network is idle, scrolled to the end in
 * steps (charts load Chart.js when they come into view), and used where it
 * loads more on use (the search runs Pagefind; the report form loads its
 * list of waters and is submitted empty). Every request the page makes is
 * recorded: all must go to the local server; data: and blob: URLs are
 * allowed. Every local request must also succeed (no 4xx/5xx except the
 * 404 page's own status).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { pagesOfEveryType } from '../helpers/pages.ts';

const dist = siteDist();
const pages = pagesOfEveryType(dist);

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    const step = Math.max(200, innerHeight / 2);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
    }
  });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
}

describe('no third-party requests', () => {
  it.each(pages.map((p) => [p.type, p] as const))('the %s page requests only its own origin', async (_type, p) => {
    const context = await s.context({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    const failed: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    context.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    context.on('response', (r) => {
      if (r.status() >= 400 && !(p.type === '404' && r.request().isNavigationRequest()))
        failed.push(`${r.url()}: HTTP ${r.status()}`);
    });
    const page = await context.newPage();
    await page.goto(s.url(p.path));
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await scrollThrough(page);
    if (p.heavy === 'search') await page.locator('[data-results] li a').first().waitFor({ timeout: 15_000 });
    if (p.heavy === 'report') {
      await page.waitForFunction(
        () =>
          customElements.get('report-form') !== undefined &&
          !document.querySelector('report-form form')?.hasAttribute('hidden'),
      );
      await page.locator('#r-water').focus();
      await page.keyboard.type('河');
      await page.locator('report-form button[type=submit]').click();
      await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    }
    await context.close();

    const origin = new URL(s.url('/')).origin;
    const outside = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
  });
});
