/**
 * Someone at a segment's sign, on a phone (360×740, touch): the sign page
 * prints one sign per segment plus the water's; a segment's QR code opens
 * the water's page on that segment's chief, with a call button and the
 * report link in the first screen and a bar of actions that stays on
 * screen; without JavaScript the page still has its jump links; the sign
 * page's phone numbers are readable on the phone.
 *
 * Expected values come from the site's open data (dist/data/*.json): the
 * segments, and each chief's current posts and public phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Session } from '../helpers/browser.ts';
import { decodeQr, pdfPageCount } from '../helpers/qr.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const json = <T>(name: string) => JSON.parse(readFileSync(join(dist, 'data', name), 'utf8')) as T;
const index = json<{ url: string }>('index.json');
const segments = json<{ id: string; water: string; name: string }[]>('segments.json');
const chiefs = json<{ id: string; name: string; phone: string | null; current: string[] }[]>('chiefs.json');
// The water with the most segments, and each segment's current 河段长 (a post `water/segment/segment_chief`).
const counts = new Map<string, number>();
for (const g of segments) counts.set(g.water, (counts.get(g.water) ?? 0) + 1);
const water = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
const ofWater = segments.filter((g) => g.water === water);
const chiefOf = (g: { id: string; water: string }) =>
  chiefs.find((c) => c.current.includes(`${g.water}/${g.id}/segment_chief`));

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

/** Whether the element lies wholly inside the 360×740 screen (and is shown), to within a pixel's rounding. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const el = page.locator(selector).first();
  if (!(await el.isVisible())) return false;
  const box = await el.boundingBox();
  return box !== null && box.y >= -1 && box.y + box.height <= 741 && box.x >= -1 && box.x + box.width <= 361;
}

describe("a segment's sign", () => {
  it('the sample water with the most segments has several, each with a current 河段长 and a public phone', () => {
    expect(ofWater.length).toBeGreaterThan(1);
    for (const g of ofWater) expect(chiefOf(g)?.phone, g.id).toBeTruthy();
  });

  it('prints one page per segment plus one for the water, one sign on each', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/waters/${water}/sign/`));
    expect(await page.locator('.sheet').count()).toBe(ofWater.length + 1);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(ofWater.length + 1);
  });

  for (const g of ofWater) {
    it(`${g.id}: its QR code opens the water page on ${g.name}'s chief, with a call button and the report link in the first screen`, async () => {
      const chief = chiefOf(g)!;
      const context = await s.context(PHONE);
      const sign = await context.newPage();
      await sign.goto(s.url(`/waters/${water}/sign/`));
      const sheet = sign.locator(`#sign-${g.id}`);
      expect(await sheet.innerText()).toContain(chief.name);
      const decoded = await decodeQr(sheet.locator('.qr'));
      expect(decoded).toBe(`${new URL(`waters/${water}/`, index.url).href}?seg=${g.id}`);

      // The phone's camera opens that address; here it is served locally.
      const { pathname, search } = new URL(decoded!);
      const page = await context.newPage();
      await page.goto(s.url(pathname + search));
      const landing = `.landing[data-seg="${g.id}"]`;
      expect(await page.locator(`${landing} h2`).innerText()).toContain(chief.name);
      expect(await onScreen(page, `${landing} h2`)).toBe(true);
      const tel = `${landing} a[href="tel:${chief.phone!.replace(/[^\d+]/g, '')}"]`;
      expect(await onScreen(page, tel)).toBe(true);
      expect(await onScreen(page, `${landing} a[href="/report/?water=${water}"]`)).toBe(true);
      // Only the named segment's block is shown.
      expect(await page.locator('.landing:visible').count()).toBe(1);
      expect(await page.title()).toContain(g.name);
    });
  }

  it('keeps the bar of 拨打 / 反映问题 / 水质 on screen while the page scrolls, 拨打 calling the segment chief', async () => {
    const g = ofWater[0]!;
    const page = await (await s.context(PHONE)).newPage();
    await page.goto(s.url(`/waters/${water}/?seg=${g.id}`));
    const bar = page.locator('#segment-bar');
    for (const target of ['#cases-title', '#stations-title', '#report-title']) {
      await page.evaluate((t) => document.querySelector(t)!.scrollIntoView({ block: 'start' }), target);
      expect(await onScreen(page, '#segment-bar'), target).toBe(true);
    }
    expect(await bar.getByRole('link', { name: '拨打' }).getAttribute('href')).toBe(
      `tel:${chiefOf(g)!.phone!.replace(/[^\d+]/g, '')}`,
    );
    expect(await bar.getByRole('link', { name: '反映问题' }).getAttribute('href')).toBe(`/report/?water=${water}`);
    await bar.getByRole('link', { name: '水质' }).tap();
    await expect.poll(() => onScreen(page, '#stations-title')).toBe(true);
  });

  it('an unknown segment shows no landing and no bar: the page as usual', async () => {
    const page = await (await s.context(PHONE)).newPage();
    await page.goto(s.url(`/waters/${water}/?seg=no-such-segment`));
    expect(await page.locator('.landing:visible').count()).toBe(0);
    expect(await page.locator('#segment-bar').isVisible()).toBe(false);
  });

  it('without JavaScript, the page opened from the QR code keeps its jump links at the top, and #seg- anchors reach each segment', async () => {
    const g = ofWater.at(-1)!;
    const page = await (await s.context({ ...PHONE, javaScriptEnabled: false })).newPage();
    await page.goto(s.url(`/waters/${water}/?seg=${g.id}`));
    expect(await page.locator('.landing:visible').count()).toBe(0);
    for (const href of ['#sign-title', '#report-title', '#stations-title'])
      expect(await onScreen(page, `nav.jump a[href="${href}"]`), href).toBe(true);
    await page.goto(s.url(`/waters/${water}/?seg=${g.id}#seg-${g.id}`));
    expect(await page.locator(`#seg-${g.id}`).innerText()).toContain(chiefOf(g)!.name);
    const box = await page.locator(`#seg-${g.id}`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(740);
  });
});

describe('a water page without a segment', () => {
  it('has jump links to the chiefs, the report section and the quality in the first screen, and they reach them', async () => {
    const page = await (await s.context(PHONE)).newPage();
    await page.goto(s.url(`/waters/${water}/`));
    expect(await page.locator('.landing:visible').count()).toBe(0);
    expect(await page.locator('#segment-bar').isVisible()).toBe(false);
    for (const [name, target] of [
      ['拨打河长', '#sign-title'],
      ['反映问题', '#report-title'],
      ['水质', '#stations-title'],
    ] as const) {
      const link = page.locator('nav.jump').getByRole('link', { name, exact: true });
      expect(await onScreen(page, `nav.jump a[href="${target}"]`), name).toBe(true);
      await link.tap();
      await expect.poll(() => onScreen(page, target), { message: name }).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  });
});

describe('the sign page on a phone', () => {
  it('shows every phone number whole at 360 px: none cut off at the screen edge or inside a scrolling box', async () => {
    const page = await (await s.context(PHONE)).newPage();
    await page.goto(s.url(`/waters/${water}/sign/`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const cells = await page.locator('td.tel').evaluateAll((tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const text = range.getBoundingClientRect();
        // The nearest box that clips its content sideways.
        let clip: Element | null = td.parentElement;
        while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
        const box = clip?.getBoundingClientRect();
        return {
          text: td.textContent!.trim(),
          left: text.left,
          right: text.right,
          clipLeft: box?.left ?? 0,
          clipRight: box?.right ?? innerWidth,
        };
      }),
    );
    expect(cells.length).toBeGreaterThan(ofWater.length);
    for (const c of cells) {
      expect(c.text, 'a phone number').toMatch(/^0000-\d+$|^—$/);
      expect(c.left, c.text).toBeGreaterThanOrEqual(Math.max(0, c.clipLeft));
      expect(c.right, c.text).toBeLessThanOrEqual(Math.min(360, c.clipRight));
    }
  });
});
