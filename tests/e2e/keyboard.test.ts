/**
 * Keyboard use, visible focus and reduced motion on the built site
 * (tests/helpers/site.ts) in Chromium. Every interaction here
 * goes through page.keyboard only (Tab, typing, arrows, Enter, Space): no
 * clicks, no fill().
 *
 * - The header search box is reached with Tab; typing and Enter land on
 *   /search/ with results.
 * - The directory filter on /waters/, the station table (filter and sort)
 *   and the month selector on /quality/, and the report form work from the
 *   keyboard.
 * - Focus is visible: every Tab stop of the main page types has an outline
 *   or a box-shadow ring.
 * - With prefers-reduced-motion: reduce, charts are drawn at once, without
 *   animation. (That no page type has a CSS transition or animation then is
 *   checked on the one visit per page type of page-visits.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { pagesOfEveryType } from '../helpers/pages.ts';

const dist = siteDist();
const pages = pagesOfEveryType(dist);
/** A page of a type the sample has; a missing type fails the test that needs it rather than skipping it. */
const path = (type: string): string => {
  const found = pages.find((p) => p.type === type)?.path;
  if (!found) throw new Error(`the built site has no page of type ${type}`);
  return found;
};

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

async function open(url: string, options: Parameters<Session['context']>[0] = {}): Promise<Page> {
  const context = await s.context({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(s.url(url));
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  return page;
}

/** What has the focus, as a short description. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}`;
  });

/** Press Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector} (last focus: ${await focused(page)})`);
}

describe('search from the keyboard', () => {
  it('Tab reaches the header search box; typing and Enter land on /search/ with results', async () => {
    const page = await open('/');
    await tabTo(page, '#header-q', 6);
    await page.keyboard.type('清溪');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('q') ?? '')).toBe('清溪');
    const results = page.locator('[data-results] li a');
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.count()).toBeGreaterThan(0);
    expect((await results.allTextContents()).some((t) => t.includes('清溪'))).toBe(true);
    // The results are links in the Tab order after the form.
    await tabTo(page, '[data-results] li a');
  });

  it('the search page filters by type and township from the keyboard', async () => {
    const page = await open('/search/?q=清溪');
    await page.locator('[data-results] li a').first().waitFor({ timeout: 15_000 });
    const before = await page.locator('[data-results] li').count();
    await tabTo(page, '#search-township');
    await page.keyboard.press('ArrowDown'); // the first township
    await expect
      .poll(() => page.evaluate(() => new URL(location.href).searchParams.get('township')), { timeout: 10_000 })
      .toBeTruthy();
    await expect.poll(() => page.locator('[data-status]').textContent(), { timeout: 10_000 }).toMatch(/找到|没有找到/);
    expect(await page.locator('[data-results] li').count()).toBeLessThanOrEqual(before);
  });
});

describe('filters from the keyboard', () => {
  it('the directory filter on /waters/ works from the keyboard', async () => {
    const waters = JSON.parse(readFileSync(join(dist, 'data/waters.json'), 'utf8')) as { name: string }[];
    const page = await open('/waters/');
    const rows = page.locator('tbody tr:not([hidden])');
    const all = await rows.count();
    await tabTo(page, '#wf-q');
    const name = waters[0]!.name;
    await page.keyboard.type(name);
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await rows.first().locator('th').textContent()).toContain(name);
    expect(await page.locator('[data-filter-count]').textContent()).toMatch(/共 \d+ 个河湖/);
    // Clear the name, then pick the first kind with the arrow keys.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => rows.count()).toBe(all);
    await tabTo(page, '#wf-k', 4);
    await page.keyboard.press('ArrowDown');
    const kind = await page.locator('#wf-k').inputValue();
    expect(kind).not.toBe('');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    const kinds = await page
      .locator('tbody tr:not([hidden])')
      .evaluateAll((trs) => [...new Set(trs.map((tr) => (tr as HTMLElement).dataset.filterKind))]);
    expect(kinds).toEqual([kind]);
    // Submitting with Enter on the button keeps the choice in the address.
    await tabTo(page, 'row-filter button[type=submit]', 6);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe(kind);
  });

  it('the station table on /quality/ filters and sorts from the keyboard', async () => {
    const page = await open('/quality/');
    const rows = page.locator('table[data-station-table] tbody tr:not([hidden])');
    const all = await rows.count();
    await tabTo(page, '#st-m');
    await page.keyboard.press('ArrowDown'); // 达标
    await page.keyboard.press('Tab'); // change is applied on input
    await expect.poll(() => rows.count()).toBeLessThanOrEqual(all);
    await expect.poll(() => page.locator('station-table [data-filter-count]').textContent()).toMatch(/断面/);
    await tabTo(page, 'station-table button.hz-sort');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table[data-station-table] th[aria-sort]').count()).toBe(1);
    expect(await page.locator('table[data-station-table] th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
  });

  it('the month selector goes to the chosen month from the keyboard', async () => {
    const page = await open('/quality/');
    await tabTo(page, '#month-select');
    const from = await page.locator('#month-select').inputValue();
    await page.keyboard.press('ArrowDown'); // the month before (newest first)
    const to = await page.locator('#month-select').inputValue();
    expect(to).not.toBe(from);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/quality/${to}/$`));
  });
});

/**
 * The digits to type into an <input type=date> for `iso`: the order of its
 * fields follows the browser's own locale (not the page's), so find it on
 * a scratch input in a blank page first.
 */
async function dateKeys(page: Page, iso: string): Promise<string> {
  const [y, m, d] = iso.split('-');
  const scratch = await page.context().newPage();
  try {
    for (const keys of [`${y}${m}${d}`, `${m}${d}${y}`, `${d}${m}${y}`]) {
      await scratch.setContent('<input type="date" id="d">');
      await scratch.focus('#d');
      await scratch.keyboard.type(keys);
      if ((await scratch.inputValue('#d')) === iso) return keys;
    }
  } finally {
    await scratch.close();
  }
  throw new Error('could not type a date into <input type=date>');
}

describe('the report form from the keyboard', () => {
  it('shows the errors on an empty submit, then takes a whole report typed in', async () => {
    const list = JSON.parse(readFileSync(join(dist, 'report/waters.json'), 'utf8')) as { waters: string[][] };
    const [, waterName] = list.waters[0]!;
    const page = await open('/report/');
    await page.waitForFunction(
      () =>
        customElements.get('report-form') !== undefined &&
        !document.querySelector('report-form form')?.hasAttribute('hidden'),
    );

    // Empty submit: Tab to the button, Enter; the error summary takes the focus.
    await tabTo(page, 'report-form button[type=submit]', 120);
    await page.keyboard.press('Enter');
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.closest('[data-error-summary]') !== null)).toBe(true);
    // The first error link moves the focus to its field.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest('[data-error-summary]') !== null && document.activeElement?.tagName === 'A',
      ),
    ).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).not.toBe('body');

    // The water: a combobox, type, arrow, Enter.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '#r-water');
    await page.keyboard.type(waterName!.slice(0, 1));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, '#r-place');
    await page.keyboard.type('青石桥下游约100米左岸');
    await tabTo(page, 'input[name=category]');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name=category]:checked').count()).toBe(1);
    await tabTo(page, '#r-description');
    await page.keyboard.type('水面有一层油污，闻起来有柴油味，已经两天了');
    await tabTo(page, '#r-seen-date');
    await page.keyboard.type(await dateKeys(page, '2026-10-30'));
    expect(await page.locator('#r-seen-date').inputValue()).toBe('2026-10-30');
    await tabTo(page, 'input[name=contact]');
    await page.keyboard.press('Space'); // the first: anonymous
    await tabTo(page, 'report-form button[type=submit]');
    await page.keyboard.press('Enter');
    // No endpoint in the sample: the result offers email, phone and copy.
    await expect.poll(() => page.locator('[data-error-summary]').isVisible()).toBe(false);
    await expect
      .poll(() => page.locator('[data-text]').inputValue(), { timeout: 10_000 })
      .toContain('青石桥下游约100米左岸');
  });
});

/** Does the focused element show a focus indicator (outline or box-shadow)? */
const ring = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', visible: true };
    const cs = getComputedStyle(el);
    const outline =
      cs.outlineStyle !== 'none' &&
      parseFloat(cs.outlineWidth) > 0 &&
      !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(cs.outlineColor);
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    return { what, visible: outline || shadow };
  });

describe('visible focus', () => {
  const types = ['home', 'directory', 'water', 'quality', 'station', 'ledger', 'search', 'report', 'document', 'track'];
  it.each(pages.filter((p) => types.includes(p.type)).map((p) => [p.type, p.path] as const))(
    'every Tab stop on the %s page shows a focus ring',
    async (_t, url) => {
      const page = await open(url);
      if (url.startsWith('/report/')) await page.waitForFunction(() => customElements.get('report-form') !== undefined);
      const missing: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const r = await ring(page);
        if (r.what === 'body' || seen.has(r.what)) continue;
        seen.add(r.what);
        if (!r.visible) missing.push(r.what);
      }
      expect(seen.size).toBeGreaterThan(5);
      expect(missing).toEqual([]);
    },
  );
});

describe('prefers-reduced-motion', () => {
  it('charts are drawn at once, without animation', async () => {
    const page = await open(path('station'), { reducedMotion: 'reduce' });
    const canvas = page.locator('hz-chart canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    await page.locator('hz-chart [data-chart-box]:not([hidden])').first().waitFor({ timeout: 15_000 });
    const snap = () => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const blank = await page.evaluate(() => {
      const c = document.createElement('canvas');
      const real = document.querySelector('hz-chart canvas') as HTMLCanvasElement;
      c.width = real.width;
      c.height = real.height;
      return c.toDataURL();
    });
    await expect.poll(snap, { timeout: 10_000 }).not.toBe(blank);
    const first = await snap();
    await page.waitForTimeout(600); // longer than the 400 ms animation
    expect(await snap()).toBe(first);
  });
});
