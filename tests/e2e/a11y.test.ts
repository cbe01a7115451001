/**
 * Accessibility of the built site (tests/helpers/site.ts) in
 * Chromium: axe-core with the WCAG 2.0/2.1/2.2 A and AA rules on one page
 * of every page type (tests/helpers/pages.ts), at 1280 px and at 320 px
 * wide, with zero violations; and reflow: at 320 px, and at 1280 px with
 * the browser's text size at 200 % (the user's default font size 32 px,
 * as in the browser's settings; the site sizes text in rem), nothing
 * sticks out of the page sideways except inside .hz-table-wrap, whose
 * wide tables scroll within their own box (WCAG 1.4.10 allows 2-D
 * scrolling for data tables) — and such a box, when it does scroll, must
 * be reachable by keyboard (focusable itself, or holding a link or
 * control). For reflow every <details> is opened: what a disclosure holds
 * must fit too. The text-size check runs on the page axe has just checked
 * at 1280 px, with the font size changed in place (the page re-lays out
 * its rem-sized text), so each page type is opened twice, not three times.
 *
 * Charts are drawn when they scroll into view, so each page is scrolled to
 * the end before it is checked. The report form is also checked in its
 * error state (submitted empty).
 *
 * Exceptions: none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { pagesOfEveryType, type PageOfType } from '../helpers/pages.ts';

const dist = siteDist();
const pages = pagesOfEveryType(dist);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let s: Session;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

/** One context per viewport width (and text size), reused by the tests. */
async function contextFor(width: number): Promise<BrowserContext> {
  const key = String(width);
  let c = contexts.get(key);
  if (!c) {
    c = await s.context({ viewport: { width, height: width < 600 ? 640 : 900 } });
    contexts.set(key, c);
  }
  return c;
}

/** Open a page, let its scripts run and its lazy charts draw. */
async function open(context: BrowserContext, p: PageOfType): Promise<Page> {
  const page = await context.newPage();
  await page.goto(s.url(p.path), { waitUntil: 'load' });
  await settle(page);
  if (p.heavy === 'search') await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
  if (p.heavy === 'report') await page.waitForFunction(() => customElements.get('report-form') !== undefined);
  return page;
}

/** Set the browser's default font size (Settings → Appearance → Font size) on an open page; its text re-lays out. */
async function setTextSize(page: Page, size: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send(
    'Page.setFontSizes' as never,
    { fontSizes: { standard: size, fixed: Math.round(size * 0.8125) } } as never,
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Scroll to the end in steps (lazy charts draw on intersection), then back
 * to the top, and wait until the network has been idle for 500 ms (what
 * the scroll made the page load). The page has loaded already (goto waits
 * for `load`), so there is no need to wait for idle before the scroll too.
 */
async function settle(page: Page) {
  await page.evaluate(async () => {
    const step = Math.max(200, innerHeight / 2);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    }
    scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
}

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join(' | ')}${v.nodes.length > 5 ? ` …+${v.nodes.length - 5}` : ''}`,
  );
}

/**
 * Elements that stick out of the viewport sideways, outside .hz-table-wrap
 * (outermost only), and table boxes that scroll but cannot be reached by
 * keyboard. Every <details> is opened first: what is behind a disclosure
 * (e.g. a chart's data table) must reflow too.
 */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    const name = (el: Element) => {
      const cls = [...el.classList]
        .filter((c) => !c.startsWith('astro-'))
        .slice(0, 2)
        .join('.');
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}`;
    };
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement)
        parts.unshift(name(e));
      return parts.join(' > ');
    };
    if (document.documentElement.scrollWidth > vw + 1)
      out.push(`the page scrolls sideways: scrollWidth ${document.documentElement.scrollWidth} > ${vw}`);
    const sticks = (el: Element) => {
      if (el.closest('.hz-table-wrap')) return false;
      if (!el.checkVisibility({ visibilityProperty: true })) return false;
      const cs = getComputedStyle(el);
      if (cs.clipPath === 'inset(50%)') return false; // .visually-hidden
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      return r.right > vw + 1 || r.left < -1;
    };
    // A table box that scrolls must be reachable by keyboard (WCAG 2.1.1): focusable itself or holding a link or control.
    for (const wrap of document.querySelectorAll<HTMLElement>('.hz-table-wrap')) {
      if (wrap.scrollWidth <= wrap.clientWidth + 1 || !wrap.checkVisibility()) continue;
      if (
        wrap.tabIndex >= 0 ||
        wrap.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')
      )
        continue;
      out.push(
        `${path(wrap)}: scrolls sideways but cannot be reached by keyboard (make it <section class="hz-table-wrap" tabindex="0" aria-labelledby="<caption id>">)`,
      );
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!sticks(el)) continue;
      if (el.parentElement && el.parentElement !== document.body && sticks(el.parentElement)) continue;
      const r = el.getBoundingClientRect();
      out.push(`${path(el)}: ${Math.round(r.left)}…${Math.round(r.right)} px (viewport ${vw})`);
      if (out.length > 15) break;
    }
    return out;
  });
}

describe.each([1280, 320])('axe WCAG 2.2 A/AA at %i px', (width) => {
  it.each(pages.map((p) => [p.type, p] as const))(
    `%s page has no violations${width < 600 ? ' and fits without sideways scrolling' : ', and with text at double size it still fits'}`,
    async (_type, p) => {
      const page = await open(await contextFor(width), p);
      try {
        expect(await axe(page), p.path).toEqual([]);
        // Reflow at 320 px (after axe: it opens every <details>).
        if (width < 600) expect(await overflow(page), `${p.path} at ${width} px`).toEqual([]);
        else {
          // Text at 200 % (WCAG 1.4.4), on the same page: the user's default font size 32 px.
          await setTextSize(page, 32);
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
          expect(await overflow(page), `${p.path} with text at 200 %`).toEqual([]);
        }
      } finally {
        await page.close();
      }
    },
  );

  it('the report form in its error state has no violations', async () => {
    expect(
      pages.map((p) => p.type),
      'the built site has a report page',
    ).toContain('report');
    const page = await open(
      await contextFor(width),
      pages.find((p) => p.type === 'report')!,
    );
    try {
      await page.waitForFunction(() => !document.querySelector('report-form form')?.hasAttribute('hidden'));
      await page.click('report-form button[type=submit]');
      await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
      expect(await axe(page)).toEqual([]);
      if (width < 600) expect(await overflow(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
