/**
 * What the report form keeps on the device and sends about the person, in
 * Chromium against the built sample site: the draft keeps no name, phone,
 * consent or coordinates for an anonymous report, is deleted 30 days after
 * its last change, after a confirmed submission and when the person says
 * they sent it another way (and kept after a failed one); without
 * JavaScript the anonymous form sends no name or phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import {
  DRAFT_KEY,
  draft,
  draftValues,
  fillReport,
  firstWater,
  openReport,
  PNG,
  routeEndpointPages,
  storedPhotos,
  submit,
  type Water,
} from '../helpers/report.ts';

const DAY = 24 * 3600 * 1000;
const PERSONAL = ['name', 'phone', 'consent', 'lat', 'lon'];

let site: Session;
let water: Water;
let endpoint: string;

beforeAll(async () => {
  site = await openSite(siteDist());
  endpoint = site.url('/api/reports');
  water = await firstWater(site);
});

afterAll(async () => {
  await site?.close();
});

async function addPhoto(page: Page) {
  await page.setInputFiles('#r-photos', [{ name: 'river.png', mimeType: 'image/png', buffer: PNG }]);
  await expect.poll(() => storedPhotos(page)).toBe(1);
}

/** Make the stored draft look last saved `days` ago (from a page that does not save it again on leaving). */
const ageDraft = (page: Page, days: number) =>
  page.evaluate(
    ([key, ms]) => {
      const d = JSON.parse(localStorage.getItem(key)!) as { saved: string };
      d.saved = new Date(Date.now() - ms).toISOString();
      localStorage.setItem(key, JSON.stringify(d));
    },
    [DRAFT_KEY, days * DAY] as const,
  );

describe('the draft of an anonymous report', () => {
  it('loses the name, phone, consent and position when "anonymous" is chosen, and keeps none of them afterwards', async () => {
    const context = await site.context({
      permissions: ['geolocation'],
      geolocation: { latitude: 30.123456, longitude: 120.654321, accuracy: 15 },
    });
    const { page } = await openReport(site, { context });
    await fillReport(page, water, true);
    await page.click('[data-geo]');
    await expect.poll(async () => (await draftValues(page)).lat).toBe('30.123456');
    expect(await draftValues(page)).toMatchObject({
      name: '张三',
      phone: '138 0013 8000',
      consent: 'on',
      lon: '120.654321',
    });

    await page.check('#r-contact-anonymous');
    await expect.poll(async () => Object.keys(await draftValues(page))).not.toContain('phone');
    const kept = await draftValues(page);
    for (const k of PERSONAL) expect(kept, k).not.toHaveProperty(k);
    expect(kept).toMatchObject({ contact: 'anonymous', place: '青石桥下游约100米左岸' }); // the place typed describes the problem: kept

    // Typing on and locating again while anonymous stores none of it either.
    await page.fill('#r-description', '水面有一层油污，闻起来有柴油味，已经三天了');
    await page.click('[data-geo]');
    await expect.poll(async () => (await draftValues(page)).description).toContain('三天');
    const raw = (await draft(page))!;
    for (const s of ['张三', '0013', '30.12', '120.65']) expect(raw).not.toContain(s);
    // ... while the report itself still carries the position the person attached
    expect(await page.inputValue('input[name=lat]')).toBe('30.123456');

    await page.reload();
    await page.waitForSelector('[data-draft-notice]:not([hidden])');
    expect(await page.isChecked('#r-contact-anonymous')).toBe(true);
    expect(await page.inputValue('#r-phone')).toBe('');
    expect(await page.inputValue('input[name=lat]')).toBe('');
    await context.close();
  });

  it('says under the form what is kept on the device and for how long', async () => {
    const { page, context } = await openReport(site);
    const note = await page.locator('report-form form > p.hz-hint').last().textContent();
    expect(note).toContain('只保存在这个浏览器中');
    expect(note).toContain('30 天后自动删除');
    expect(note).toContain('不保存姓名、电话和手机定位坐标');
    await context.close();
  });
});

describe('how long the draft is kept', () => {
  it('restores a draft changed 29 days ago, and deletes one of 31 days, text and photos, without restoring it', async () => {
    const { page, context } = await openReport(site);
    await fillReport(page, water, true);
    await addPhoto(page);
    // Leave for another page of the site: the report page saves the draft as it goes, then no longer touches it.
    await page.goto(site.url('/report/channels/'));
    await ageDraft(page, 29);
    await page.goto(site.url('/report/'));
    await page.waitForSelector('[data-draft-notice]:not([hidden])');
    expect(await page.inputValue('#r-place')).toBe('青石桥下游约100米左岸');
    await expect.poll(() => page.locator('[data-photo-list] li').count()).toBe(1);

    await page.goto(site.url('/report/channels/'));
    await ageDraft(page, 31);
    await page.goto(site.url('/report/'));
    await page.waitForSelector('[data-draft-expired]:not([hidden])');
    expect(await page.textContent('[data-draft-expired]')).toContain('已超过 30 天');
    expect(await page.locator('[data-draft-notice]').isHidden()).toBe(true);
    expect(await page.inputValue('#r-place')).toBe('');
    expect(await page.isChecked('#r-contact-named')).toBe(false);
    await expect.poll(() => draft(page)).toBeNull();
    await expect.poll(() => storedPhotos(page)).toBe(0);
    expect(await page.locator('[data-photo-list] li').count()).toBe(0);
    await context.close();
  });
});

describe('when the draft is cleared', () => {
  it('keeps it after a failed submission, and deletes it once the endpoint confirms the retry', async () => {
    const { page, context } = await openReport(site, { endpoint });
    let fail = true;
    await page.route(endpoint, (route) =>
      fail
        ? route.fulfill({ status: 500, body: 'error' })
        : route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}' }),
    );
    await fillReport(page, water, true);
    await addPhoto(page);
    await submit(page);
    await page.locator('[data-fallback] [data-retry]').waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-fallback-reason]')).toContain('500');
    expect(JSON.parse((await draft(page))!).values).toMatchObject({
      place: '青石桥下游约100米左岸',
      phone: '138 0013 8000',
    });
    expect(await storedPhotos(page)).toBe(1);

    fail = false;
    await page.click('[data-retry-button]');
    await page.locator('[data-success]').waitFor({ timeout: 10_000 });
    expect(await draft(page)).toBeNull();
    expect(await storedPhotos(page)).toBe(0);
    await context.close();
  });

  it('deletes it, text and photos, when the person says they sent it by phone or email', async () => {
    const { page, context } = await openReport(site);
    await fillReport(page, water, true);
    await addPhoto(page);
    await submit(page);
    const panel = page.locator('[data-fallback]');
    await panel.waitFor();
    expect(await draft(page)).not.toBeNull(); // still needed while the person sends it
    const forget = panel.locator('[data-forget]');
    expect(await forget.textContent()).toContain('清除本机草稿');
    await forget.click();
    await expect.poll(() => page.textContent('[data-form-status]')).toContain('已清除这个浏览器中保存的草稿');
    expect(await panel.isHidden()).toBe(true);
    expect(await draft(page)).toBeNull();
    await expect.poll(() => storedPhotos(page)).toBe(0);
    expect(await page.inputValue('#r-phone')).toBe('');

    await page.reload();
    await page.waitForFunction(() => customElements.get('report-form') !== undefined);
    expect(await page.locator('[data-draft-notice]').isHidden()).toBe(true);
    expect(await page.inputValue('#r-place')).toBe('');
    await context.close();
  });
});

describe('without JavaScript', () => {
  /** Open `path` without JS as an endpoint build serves it, fill the report's fields, submit, and return the fields the POST carried. */
  async function postWithoutJs(path: string, named: boolean): Promise<Map<string, string>> {
    const context = await site.context({ javaScriptEnabled: false });
    await routeEndpointPages(context, endpoint);
    const posts: Request[] = [];
    await context.route(endpoint, (route) => {
      posts.push(route.request());
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>ok</title><p>已收到</p>',
      });
    });
    const page = await context.newPage();
    await page.goto(site.url(path));
    await page.selectOption('select[name=water]', water.id);
    await page.fill('#r-place', '青石桥下游约100米左岸');
    await page.check('#r-category-pollution');
    await page.fill('#r-description', '水面有一层油污，闻起来有柴油味，已经两天了');
    await page.fill('#r-seen-date', '2026-10-30');
    if (named) {
      await page.fill('#r-name', '张三');
      await page.fill('#r-phone', '13800138000');
      await page.check('#r-consent');
    } else {
      // The page's name and phone fields (there for the script) are hidden and disabled; even a value put in them, as
      // a browser's autofill or an extension might, must not be sent.
      await page.evaluate(() => {
        document.querySelector<HTMLInputElement>('#r-name')!.value = '张三';
        document.querySelector<HTMLInputElement>('#r-phone')!.value = '13800138000';
        document.querySelector<HTMLInputElement>('#r-consent')!.checked = true;
      });
    }
    await submit(page);
    await expect.poll(() => posts.length).toBe(1);
    await page.waitForSelector('text=已收到');
    const body = posts[0]!.postDataBuffer()!.toString('utf8');
    await context.close();
    // multipart/form-data: each part starts with Content-Disposition: form-data; name="..."
    const fields = new Map<string, string>();
    for (const m of body.matchAll(
      /Content-Disposition: form-data; name="([^"]+)"(?:; filename="[^"]*")?\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g,
    ))
      fields.set(m[1]!, m[2]!);
    return fields;
  }

  it('the anonymous form (/report/) sends no name, phone or consent, even with the fields of the page filled', async () => {
    const fields = await postWithoutJs('/report/', false);
    expect(fields.get('contact')).toBe('anonymous');
    expect(fields.get('place')).toBe('青石桥下游约100米左岸');
    expect(fields.get('water')).toBe(water.id);
    for (const k of ['name', 'phone', 'consent']) expect(fields.has(k), k).toBe(false);
  });

  it('says so at its top and links to the named form, which sends the name and phone', async () => {
    const context = await site.context({ javaScriptEnabled: false });
    await routeEndpointPages(context, endpoint);
    const page = await context.newPage();
    await page.goto(site.url('/report/'));
    expect(await page.locator('report-form form').isVisible()).toBe(true);
    expect(await page.locator('#r-phone').isVisible()).toBe(false);
    const link = page.locator('report-form form .notice a');
    expect(await page.textContent('report-form form .notice')).toContain('不会发送您的姓名和电话');
    await link.click();
    await page.waitForURL(/\/report\/named\/$/);
    expect(await page.locator('#r-phone').isVisible()).toBe(true);
    await context.close();

    const fields = await postWithoutJs('/report/named/', true);
    expect(fields.get('contact')).toBe('named');
    expect(fields.get('name')).toBe('张三');
    expect(fields.get('phone')).toBe('13800138000');
    expect(fields.get('consent')).toBe('on');
  });
});

describe('the named form page with JavaScript', () => {
  it('is the same form, with "named" chosen until the person answers otherwise', async () => {
    const { page, context } = await openReport(site, { path: '/report/named/' });
    expect(await page.isChecked('#r-contact-named')).toBe(true);
    expect(await page.locator('#r-phone').isVisible()).toBe(true);
    expect(await page.locator('input[type=hidden][name=contact]').count()).toBe(0);
    await page.check('#r-contact-anonymous');
    expect(await page.locator('#r-phone').isVisible()).toBe(false);
    await context.close();
  });
});
