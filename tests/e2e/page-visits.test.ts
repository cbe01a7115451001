/**
 * One visit to one page of every type of the built site
 * (tests/helpers/site.ts), in a fresh Chromium context: the page is left
 * until the network is idle, scrolled to the end in steps (charts load
 * Chart.js when they come into view), and used where it loads more on use
 * (the search runs Pagefind; the report form loads its list of waters, a
 * photo is resized and previewed through a blob: URL, and the form is
 * submitted empty). One visit checks what the page loads and runs:
 *
 * - no request to another host: every request goes to the local server
 *   (data: and blob: URLs allowed), and every local request succeeds (no
 *   4xx/5xx except the 404 page's own status);
 * - the Content-Security-Policy in the page is the site's
 *   (src/lib/csp.ts), and nothing the page does raises a
 *   securitypolicyviolation event or logs a CSP error. The static checks
 *   of the policy and its enforcement are in csp.test.ts;
 * - the visit asks for reduced motion (prefers-reduced-motion: reduce), as
 *   some people's phones do: at its end (and with something focused, since
 *   some transitions exist only on :focus) no element has a CSS transition
 *   or animation longer than ~0, and the page does not scroll smoothly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cspViolations, openSite, recordCspViolations, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { pagesOfEveryType } from '../helpers/pages.ts';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';

const dist = siteDist();
const pages = pagesOfEveryType(dist);
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The policy the build wrote, for the report endpoint it wrote into the form (none in the sample). */
const expected = (() => {
  const f = join(dist, 'report', 'index.html');
  const m = existsSync(f) ? /<report-form[^>]*\sdata-endpoint="([^"]*)"/.exec(readFileSync(f, 'utf8')) : null;
  return contentSecurityPolicy(m ? m[1]!.replace(/&amp;/g, '&') : null);
})();

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

/** Elements (and ::before, ::after) with a transition or animation longer than ~0, and smooth scrolling. */
const motion = (page: Page) =>
  page.evaluate(() => {
    const secs = (v: string) =>
      v.split(',').map((x) => (x.trim().endsWith('ms') ? parseFloat(x) / 1000 : parseFloat(x)));
    const out: string[] = [];
    for (const el of [document.documentElement, ...document.querySelectorAll('*')]) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        const t = Math.max(...secs(cs.transitionDuration)) + Math.max(0, ...secs(cs.transitionDelay));
        const a = cs.animationName === 'none' ? 0 : Math.max(...secs(cs.animationDuration));
        if (t > 0.001 || a > 0.001)
          out.push(
            `${el.tagName.toLowerCase()}${pseudo ?? ''}.${(el as HTMLElement).className}: transition ${cs.transitionDuration}, animation ${cs.animationName} ${cs.animationDuration}`,
          );
      }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth')
      out.push('html: scroll-behavior smooth');
    return out;
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

describe('one visit to each page type', () => {
  it.each(pages.map((p) => [p.type, p] as const))(
    'the %s page requests only its own origin, runs without a CSP violation and keeps still under reduced motion',
    async (_type, p) => {
      const context = await s.context({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
      const cspLogged = await recordCspViolations(context);
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
        await page.setInputFiles('#r-photos', [{ name: 'river.png', mimeType: 'image/png', buffer: PNG }]);
        await expect.poll(() => page.locator('[data-photo-list] li').count(), { timeout: 10_000 }).toBe(1);
        await page.locator('report-form button[type=submit]').click();
        await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
      }
      await page.keyboard.press('Tab');
      const moving = await motion(page);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      const violations = await cspViolations(page);
      await context.close();

      expect(moving).toEqual([]);
      expect(policy).toBe(expected);
      expect([...violations, ...cspLogged]).toEqual([]);

      const origin = new URL(s.url('/')).origin;
      const outside = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
      expect(requests.length).toBeGreaterThan(0);
      expect(outside).toEqual([]);
      expect(failed).toEqual([]);
    },
  );
});
