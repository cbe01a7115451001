/**
 * The main navigation on a phone and on a desktop, with and without
 * JavaScript (tests/helpers/site.ts, in Chromium). On a 320 px
 * phone the entries are behind the 菜单 toggle, so the header stays two
 * short lines (it was 215 px, three lines of links, before); the toggle is
 * reached with Tab and opened with Enter or Space, and then every entry is
 * reached with Tab, with and without JavaScript. On a desktop every entry
 * is shown. Interactions go through page.keyboard only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const waters = JSON.parse(readFileSync(join(dist, 'data/waters.json'), 'utf8')) as { id: string }[];
/** Every entry of the navigation, in order. */
const ENTRIES = [
  '/',
  '/waters/',
  '/chiefs/',
  '/quality/',
  '/cases/',
  '/inspections/',
  '/documents/',
  '/targets/',
  '/report/',
  '/track/',
  '/data/',
];
/** Two lines (the name; the search box and 菜单) and the padding. */
const MAX_HEADER_PX = 120;

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

async function open(url: string, width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await s.context({ viewport: { width, height: width < 600 ? 640 : 800 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(s.url(url));
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  return page;
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const toggle = (page: Page) => nav(page).locator('summary');
const focusedHref = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest('nav')?.getAttribute('aria-label') === '主导航' &&
      document.activeElement.getAttribute('href'),
  );
const headerHeight = (page: Page) =>
  page.locator('header.site-header').evaluate((e) => e.getBoundingClientRect().height);

/** Press Tab until the focus is on `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max: number): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The visible entries of the navigation, by href. */
const visibleEntries = (page: Page) =>
  nav(page)
    .locator('a')
    .evaluateAll((as) => as.filter((a) => (a as HTMLElement).checkVisibility()).map((a) => a.getAttribute('href')));

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('on a 320 px phone %s', (_name, js) => {
  it.each([
    ['home', '/'],
    ['water', `/waters/${waters[0]!.id}/`],
    ['ledger', '/cases/'],
  ])(`the %s page's header is at most ${MAX_HEADER_PX} px tall with the menu closed`, async (_type, url) => {
    const page = await open(url, 320, js);
    expect(await visibleEntries(page)).toEqual([]);
    expect(await toggle(page).isVisible()).toBe(true);
    expect(await headerHeight(page)).toBeLessThanOrEqual(MAX_HEADER_PX);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('the menu opens from the keyboard and Tab then reaches every entry, in order', async () => {
    const page = await open('/cases/', 320, js);
    // Skip link, name, search box, search button, then the toggle.
    await tabTo(page, 'nav summary', 6);
    await page.keyboard.press('Enter');
    expect(await visibleEntries(page)).toEqual(ENTRIES);
    const reached: string[] = [];
    for (let i = 0; i < ENTRIES.length; i++) {
      await page.keyboard.press('Tab');
      reached.push(String(await focusedHref(page)));
    }
    expect(reached).toEqual(ENTRIES);
    // The current section is marked, not by colour alone.
    const current = nav(page).locator('a[aria-current="page"]');
    expect(await current.getAttribute('href')).toBe('/cases/');
    expect(await current.evaluate((a) => getComputedStyle(a).fontWeight)).toBe('700');
    // Back to the toggle; Space closes the menu again.
    for (let i = 0; i < ENTRIES.length; i++) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Space');
    expect(await visibleEntries(page)).toEqual([]);
    await page.keyboard.press('Space');
    expect(await visibleEntries(page)).toEqual(ENTRIES);
  });
});

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('on a 1280 px screen %s', (_name, js) => {
  it('every entry is shown, with no toggle, and Tab goes from the search box through them', async () => {
    const page = await open('/targets/', 1280, js);
    expect(await toggle(page).isVisible()).toBe(false);
    expect(await visibleEntries(page)).toEqual(ENTRIES);
    expect(await nav(page).locator('a[aria-current="page"]').getAttribute('href')).toBe('/targets/');
    await tabTo(page, 'header button[type=submit]', 6);
    await page.keyboard.press('Tab');
    expect(await focusedHref(page)).toBe('/');
  });

  it("patrol pages mark 河长 as their section (patrols are the chiefs' duty)", async () => {
    const page = await open('/patrols/', 1280, js);
    expect(await nav(page).locator('a[aria-current="page"]').getAttribute('href')).toBe('/chiefs/');
  });
});

describe('printing', () => {
  it('leaves the navigation out', async () => {
    const page = await open('/cases/', 1280);
    await page.emulateMedia({ media: 'print' });
    expect(await nav(page).isVisible()).toBe(false);
  });
});
