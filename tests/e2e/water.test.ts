/**
 * A citizen at the riverbank: a water page on a phone shows the water, its
 * chiefs and a working tel: link in the first screen; the printable signs
 * fit one page each and the water's QR code leads back to the water's page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Session } from '../helpers/browser.ts';
import { decodeQr, pdfPageCount } from '../helpers/qr.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const index = JSON.parse(readFileSync(join(dist, 'data/index.json'), 'utf8')) as { url: string };
const waters = JSON.parse(readFileSync(join(dist, 'data/waters.json'), 'utf8')) as {
  id: string;
  name: string;
  current_chiefs: string[];
}[];
const segments = JSON.parse(readFileSync(join(dist, 'data/segments.json'), 'utf8')) as { id: string; water: string }[];
// The water with the most chiefs makes the fullest sign.
const busiest = [...waters].sort((a, b) => b.current_chiefs.length - a.current_chiefs.length)[0]!;

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

describe('water page on a phone', () => {
  it('shows the name, a chief and a tel: link within the first 360×740 screen', async () => {
    const page = await (
      await s.context({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage();
    await page.goto(s.url(`/waters/${busiest.id}/`));
    const inFirstScreen = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 740 && box.x >= 0 && box.x + box.width <= 360;
    };
    expect(await page.locator('h1').textContent()).toBe(busiest.name);
    expect(await inFirstScreen('h1')).toBe(true);
    expect(await inFirstScreen('.sign .chief .name')).toBe(true);
    expect(await inFirstScreen('.sign a[href^="tel:"]')).toBe(true);
    const chiefName = await page.locator('.sign .chief .name').first().textContent();
    expect(busiest.current_chiefs.some((c) => c.startsWith(chiefName!))).toBe(true);
    // The page is no wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('lists every current chief of the water and its segments, and no one else as current', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/waters/${busiest.id}/`));
    const names = await page.locator('.sign .chief .name').allTextContents();
    expect(names.length).toBe(busiest.current_chiefs.length);
    for (const c of busiest.current_chiefs) expect(names).toContain(c.replace(/（.*$/, ''));
  });
});

describe('printable public sign', () => {
  it("fits the water's sign on one printed page, and each segment's on one more", async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/waters/${busiest.id}/sign/`));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1 + segments.filter((g) => g.water === busiest.id).length);
  });

  it("has a QR code that decodes to the water page's public URL", async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/waters/${busiest.id}/sign/`));
    expect(await decodeQr(page.locator(`#sign-${busiest.id} .qr`))).toBe(
      new URL(`waters/${busiest.id}/`, index.url).href,
    );
  });
});
