/**
 * The report form in Chromium, against the built sample site
 * (tests/helpers/site.ts), whose site.yaml has report.endpoint: null.
 * The cases with an endpoint serve the same page with the endpoint the
 * build would have written into <report-form data-endpoint> (a same-origin
 * URL that page.route answers), so no second build is needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import {
  draft,
  fillReport,
  firstWater,
  openReport,
  PNG,
  REF,
  storedPhotos,
  submit,
  type Water,
} from '../helpers/report.ts';

const DIST = siteDist();

let site: Session;
let water: Water;
let endpoint: string;

beforeAll(async () => {
  site = await openSite(DIST);
  endpoint = site.url('/api/reports');
  water = await firstWater(site);
});

afterAll(async () => {
  await site?.close();
});

const open = (
  opts: { endpoint?: boolean; path?: string; context?: BrowserContext } = {},
): Promise<{ page: Page; context: BrowserContext }> =>
  openReport(site, { ...opts, endpoint: opts.endpoint ? endpoint : undefined });
const fill = (page: Page, named = false) => fillReport(page, water, named);

describe('report form: errors (GOV.UK pattern)', () => {
  it('on an empty submit shows the summary, focuses it, links each field and prefixes the title', async () => {
    const { page, context } = await open();
    await submit(page);
    const summary = page.locator('[data-error-summary]');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^错误：反映河湖问题/);
    const links = await summary.locator('a').allTextContents();
    expect(links[0]).toContain('请选择问题所在的河湖');
    expect(links).toHaveLength(6);

    // the same message inline, linked to the control
    const inline = page.locator('#r-place-error');
    expect(await inline.isVisible()).toBe(true);
    expect(await page.getAttribute('#r-place', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#r-place', 'aria-describedby')).toContain('r-place-error');
    expect(await page.locator('[data-field=category] fieldset').getAttribute('aria-describedby')).toContain(
      'r-category-error',
    );

    // a summary link moves focus to its field
    await summary.locator('a', { hasText: '位置' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('r-place');
    await summary.locator('a', { hasText: '类别' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('r-category-pollution');

    // answers kept, errors recomputed on the next submit
    await page.fill('#r-place', '青石桥');
    await submit(page);
    expect(await page.inputValue('#r-place')).toBe('青石桥');
    expect(await summary.locator('a').count()).toBe(5);
    expect(await page.locator('#r-place-error').isVisible()).toBe(false);
    expect(await page.locator('#r-water-error').isVisible()).toBe(true);
    await context.close();
  });

  it('clears an inline error as soon as its field is put right, and the summary with the last one', async () => {
    const { page, context } = await open();
    await submit(page);
    const summary = page.locator('[data-error-summary]');
    await expect.poll(() => summary.isVisible()).toBe(true);
    const linked = (field: string) => summary.locator(`a[data-for=${field}]`).count();
    const shown = (field: string) => page.locator(`[data-field=${field}] [data-error]`).isVisible();

    // The water: an error until a water is chosen from the list, then none.
    expect(await shown('water')).toBe(true);
    await page.fill('#r-water', water.name.slice(0, 1));
    expect(await shown('water')).toBe(true);
    await page.click(`#r-water-list li:has-text("${water.name}")`);
    await expect.poll(() => shown('water')).toBe(false);
    expect(await page.getAttribute('#r-water', 'aria-invalid')).toBeNull();
    expect(await page.getAttribute('#r-water', 'aria-describedby')).not.toContain('r-water-error');
    expect(await linked('water')).toBe(0);
    // Typing again does not bring an error back before the next submit.
    await page.fill('#r-water', '不存在的河');
    expect(await shown('water')).toBe(false);
    await page.click('#r-water-list li.unknown');

    // The category: gone once one is picked, from the message, the fieldset's description and the summary.
    await page.check('#r-category-pollution');
    await expect.poll(() => shown('category')).toBe(false);
    expect(await page.locator('[data-field=category]').getAttribute('class')).not.toContain('hz-form-group--error');
    expect(await page.locator('[data-field=category] fieldset').getAttribute('aria-describedby')).toBe(
      'r-category-hint',
    );
    expect(await linked('category')).toBe(0);

    // A text stays in error while it is still not enough, and focus stays where the person types.
    await page.fill('#r-description', '油污');
    expect(await shown('description')).toBe(true);
    await page.fill('#r-description', '水面有一层油污，闻起来有柴油味，已经两天了');
    await expect.poll(() => shown('description')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('r-description');

    // With the last one put right, the summary and the title's "错误：" go too.
    await page.fill('#r-place', '青石桥下游约100米左岸');
    await page.fill('#r-seen-date', '2026-10-30');
    await page.check('#r-contact-anonymous');
    await expect.poll(() => summary.isVisible()).toBe(false);
    expect(await page.locator('[data-error]:visible').count()).toBe(0);
    expect(await page.title()).toMatch(/^反映河湖问题/);
    await context.close();
  });

  it('clears the errors of the contact details when the person chooses to stay anonymous', async () => {
    const { page, context } = await open();
    await fill(page);
    await page.check('#r-contact-named');
    await submit(page);
    await expect.poll(() => page.locator('#r-phone-error').isVisible()).toBe(true);
    expect(await page.locator('#r-consent-error').isVisible()).toBe(true);
    await page.check('#r-contact-anonymous');
    await expect.poll(() => page.locator('[data-error-summary]').isVisible()).toBe(false);
    expect(await page.locator('#r-phone-error').isVisible()).toBe(false);
    expect(await page.locator('#r-consent-error').isVisible()).toBe(false);
    await context.close();
  });

  it('asks for phone and consent only when the person leaves contact details', async () => {
    const { page, context } = await open();
    expect(await page.locator('#r-phone').isVisible()).toBe(false);
    await fill(page);
    await page.check('#r-contact-named');
    expect(await page.locator('#r-phone').isVisible()).toBe(true);
    expect(await page.getAttribute('#r-phone', 'autocomplete')).toBe('tel');
    expect(await page.getAttribute('#r-name', 'autocomplete')).toBe('name');
    await submit(page);
    const links = await page.locator('[data-error-summary] a').allTextContents();
    expect(links).toHaveLength(2);
    expect(links[0]).toContain('请填写联系电话');
    expect(links[1]).toContain('请勾选同意');
    await context.close();
  });
});

describe('report form: the water field', () => {
  it('is a combobox searchable by pinyin initials and usable from the keyboard', async () => {
    const { page, context } = await open();
    const input = page.locator('#r-water');
    expect(await input.getAttribute('role')).toBe('combobox');
    const list = (await (await fetch(site.url('/report/waters.json'))).json()) as { waters: string[][] };
    const [id, name, , keys] = list.waters.find((w) => w[3]!.split(' ')[1]!.length >= 2)!;
    await input.focus();
    await page.keyboard.type(keys!.split(' ')[1]!);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('r-water-list-0');
    await page.keyboard.press('Enter');
    expect(await page.inputValue('input[name=water]')).toBe(id);
    expect(await input.inputValue()).toContain(name);
    expect(new URL(page.url()).searchParams.get('water')).toBe(id);
    // "I don't know its name" is always offered
    await input.fill('不存在的河');
    await page.click('#r-water-list li.unknown');
    expect(await page.inputValue('input[name=water]')).toBe('_unknown');
    await context.close();
  });

  it('preselects the water of ?water=<id> (the link from a water page)', async () => {
    const { page, context } = await open({ path: `/report/?water=${water.id}` });
    await expect.poll(() => page.inputValue('input[name=water]')).toBe(water.id);
    expect(await page.inputValue('#r-water')).toContain(water.name);
    await context.close();
  });
});

describe('report form: location', () => {
  it('asks the browser for the position only when the button is pressed, and puts it in the report', async () => {
    const context = await site.context({
      permissions: ['geolocation'],
      geolocation: { latitude: 30.123456, longitude: 120.654321, accuracy: 15 },
    });
    const { page } = await open({ context });
    expect(await page.inputValue('input[name=lat]')).toBe('');
    expect(await page.locator('[data-geo-clear]').isVisible()).toBe(false); // nothing to remove yet
    await fill(page);
    await page.click('[data-geo]');
    await expect.poll(() => page.textContent('[data-geo-text]')).toContain('北纬 30.12346°');
    expect(await page.inputValue('input[name=lat]')).toBe('30.123456');
    await submit(page);
    await page.locator('[data-fallback]').waitFor();
    expect(await page.locator('[data-text]').inputValue()).toContain('坐标：北纬30.12346°，东经120.65432°');
    await page.click('[data-geo-clear]');
    expect(await page.inputValue('input[name=lon]')).toBe('');
    expect(await page.locator('[data-geo-clear]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('report form: nothing is lost', () => {
  it('keeps the answers and the photos across a reload', async () => {
    const { page, context } = await open();
    await fill(page, true);
    await page.setInputFiles('#r-photos', [{ name: 'river.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => page.locator('[data-photo-list] li').count()).toBe(1);
    // a file that is not a photo is refused with a message, the others kept (size and number limits: unit tests)
    await page.setInputFiles('#r-photos', [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') }]);
    await expect.poll(() => page.locator('#r-photos-error').textContent()).toContain('只能添加照片');
    expect(await page.locator('[data-photo-list] li').count()).toBe(1);
    await expect.poll(() => storedPhotos(page)).toBe(1);

    await page.reload();
    await page.waitForSelector('[data-draft-notice]:not([hidden])');
    expect(await page.inputValue('input[name=water]')).toBe(water.id);
    expect(await page.inputValue('#r-water')).toContain(water.name);
    expect(await page.inputValue('#r-place')).toBe('青石桥下游约100米左岸');
    expect(await page.isChecked('#r-category-pollution')).toBe(true);
    expect(await page.inputValue('#r-description')).toContain('柴油味');
    expect(await page.inputValue('#r-seen-date')).toBe('2026-10-30');
    expect(await page.isChecked('#r-contact-named')).toBe(true);
    expect(await page.inputValue('#r-phone')).toBe('138 0013 8000');
    expect(await page.isChecked('#r-consent')).toBe(true);
    await expect.poll(() => page.locator('[data-photo-list] li').count()).toBe(1);

    // "clear and start again" forgets all of it
    await page.click('[data-draft-clear]');
    await expect.poll(() => page.inputValue('#r-place')).toBe('');
    expect(await draft(page)).toBeNull();
    expect(await page.inputValue('input[name=water]')).toBe('');
    await expect.poll(() => page.locator('[data-photo-list] li').count()).toBe(0);
    await context.close();
  });

  it('without an endpoint, prepares email, phone and copy with the reference, and keeps the draft', async () => {
    const { page, context } = await open();
    await fill(page);
    await submit(page);
    const panel = page.locator('[data-fallback]');
    await panel.waitFor();
    const ref = (await panel.locator('[data-ref]').first().textContent())!;
    expect(ref).toMatch(REF);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-fallback]') !== null)).toBe(true);

    const mailto = (await panel.locator('[data-mail] a').getAttribute('href'))!;
    expect(mailto).toMatch(/^mailto:[^?]+@/);
    const body = new URL(mailto).searchParams.get('body')!;
    expect(body).toContain(`编号：${ref}`);
    expect(body).toContain(water.name);
    expect(body).toContain(`/track/?ref=${ref}`);

    // pollution: 12369 first, never 12314
    const tels = await panel.locator('[data-tels] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(tels[0]).toBe('tel:12369');
    expect(tels).toContain('tel:12345');
    expect(tels).not.toContain('tel:12314');

    expect(await panel.locator('[data-text]').inputValue()).toContain(ref);
    await panel.locator('[data-copy]').click();
    await expect.poll(() => panel.locator('[data-fallback-status]').textContent()).toMatch(/已复制|已选中/);

    // the draft stays, with the same reference for every channel and retry
    expect(JSON.parse((await draft(page))!).ref).toBe(ref);
    await page.reload();
    await page.waitForSelector('[data-draft-notice]:not([hidden])');
    await submit(page);
    expect(await page.locator('[data-fallback] [data-ref]').first().textContent()).toBe(ref);
    await context.close();
  });
});

describe('report form: sending to an endpoint', () => {
  it('keeps the draft and offers retry, email, phone and copy when the network fails', async () => {
    const { page, context } = await open({ endpoint: true });
    let attempts = 0;
    await page.route(endpoint, (route) => {
      attempts++;
      return route.abort('failed');
    });
    await fill(page);
    await submit(page);
    const panel = page.locator('[data-fallback]');
    await panel.waitFor({ timeout: 15_000 });
    expect(attempts).toBe(3); // first try and two retries with backoff
    expect(await panel.locator('[data-fallback-reason]').textContent()).toContain('网络');
    expect(await panel.locator('[data-retry]').isVisible()).toBe(true);
    // Not confirmed by the endpoint: the browser's number is called a draft number.
    expect(await panel.locator('[data-ref-label]').textContent()).toBe('草稿编号');
    expect(await panel.locator('[data-draft-ref-note]').isVisible()).toBe(true);
    const ref = (await panel.locator('[data-ref]').first().textContent())!;
    expect(ref).toMatch(REF);
    expect(await panel.locator('[data-mail] a').getAttribute('href')).toContain(encodeURIComponent(ref));
    expect(await panel.locator('[data-tels] a').count()).toBeGreaterThan(0);
    expect(JSON.parse((await draft(page))!).values.place).toBe('青石桥下游约100米左岸');
    await context.close();
  });

  it('fails at once while offline, and the draft survives', async () => {
    const { page, context } = await open({ endpoint: true });
    await fill(page);
    await context.setOffline(true);
    await submit(page);
    await page.locator('[data-fallback]').waitFor({ timeout: 5_000 });
    expect(await draft(page)).not.toBeNull();
    await context.setOffline(false);
    await context.close();
  });

  it('retries a server error, then shows the reference and clears the draft once the endpoint confirms', async () => {
    const { page, context } = await open({ endpoint: true });
    const posts: Request[] = [];
    await page.route(endpoint, (route) => {
      posts.push(route.request());
      return posts.length === 1
        ? route.fulfill({ status: 503, body: 'busy' })
        : route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}' });
    });
    await fill(page, true);
    await page.setInputFiles('#r-photos', [{ name: 'river.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => page.locator('[data-photo-list] li').count()).toBe(1);
    await submit(page);
    const panel = page.locator('[data-success]');
    await panel.waitFor({ timeout: 10_000 });
    expect(posts).toHaveLength(2);

    const sent = posts[1]!.postDataJSON() as Record<string, unknown> & { photos: { type: string; data: string }[] };
    expect(posts[1]!.headers()['content-type']).toBe('application/json');
    expect(sent).toMatchObject({
      water: water.id,
      category: 'pollution',
      contact: 'named',
      phone: '13800138000',
      consent: true,
    });
    expect(sent.ref).toMatch(REF);
    expect(posts[0]!.postDataJSON().ref).toBe(sent.ref); // the retry carries the same reference
    expect(sent.photos).toHaveLength(1);
    expect(sent.photos[0]!.type).toBe('image/jpeg');
    expect(Buffer.from(sent.photos[0]!.data, 'base64').subarray(0, 2).toString('hex')).toBe('ffd8'); // resized to JPEG

    const ref = await panel.locator('[data-ref]').textContent();
    expect(ref).toBe(sent.ref);
    expect(await panel.locator('[data-track]').getAttribute('href')).toBe(`/track/?ref=${ref}`);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-success]') !== null)).toBe(true);
    expect(await draft(page)).toBeNull();
    expect(await storedPhotos(page)).toBe(0);
    await context.close();
  });
});

describe('report form: what the endpoint answers', () => {
  it('shows the reference the endpoint confirmed (受理编号), which replaces the draft number', async () => {
    const { page, context } = await open({ endpoint: true });
    const posts: Request[] = [];
    await page.route(endpoint, (route) => {
      posts.push(route.request());
      return route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({ ref: 'JB-20261206-K7Q2MZ', received: '2026-12-06T07:44:00.000Z' }),
      });
    });
    await fill(page);
    await submit(page);
    const panel = page.locator('[data-success]');
    await panel.waitFor({ timeout: 10_000 });
    expect(posts[0]!.postDataJSON().ref).not.toBe('JB-20261206-K7Q2MZ');
    expect(await panel.textContent()).toContain('您的受理编号是');
    expect(await panel.locator('[data-ref]').textContent()).toBe('JB-20261206-K7Q2MZ');
    expect(await panel.locator('[data-track]').getAttribute('href')).toBe('/track/?ref=JB-20261206-K7Q2MZ');
    expect(await panel.locator('[data-received]').isVisible()).toBe(true);
    await context.close();
  });

  it('sends the report again under a new reference when its reference already holds another report (409)', async () => {
    const { page, context } = await open({ endpoint: true });
    const refs: string[] = [];
    await page.route(endpoint, (route) => {
      const ref = route.request().postDataJSON().ref as string;
      refs.push(ref);
      return refs.length === 1
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({ error: '编号已被使用', ref }),
          })
        : route.fulfill({
            status: 201,
            contentType: 'application/json',
            body: JSON.stringify({ ref, received: new Date().toISOString() }),
          });
    });
    await fill(page);
    await submit(page);
    const panel = page.locator('[data-success]');
    await panel.waitFor({ timeout: 10_000 });
    expect(refs).toHaveLength(2);
    expect(refs[1]).toMatch(REF);
    expect(refs[1]).not.toBe(refs[0]);
    expect(await panel.locator('[data-ref]').textContent()).toBe(refs[1]);
    await context.close();
  });

  it('shows the field errors of a 400 at their fields and keeps the draft', async () => {
    const { page, context } = await open({ endpoint: true });
    await page.route(endpoint, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ path: 'place', message: '位置写得不够具体，请写出附近的桥或村庄' }] }),
      }),
    );
    await fill(page);
    await submit(page);
    const summary = page.locator('[data-error-summary]');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.locator('a').allTextContents()).toEqual(['位置写得不够具体，请写出附近的桥或村庄']);
    expect(await page.locator('#r-place-error').textContent()).toContain('位置写得不够具体');
    expect(await page.locator('[data-fallback]').isVisible()).toBe(false);
    expect(await draft(page)).not.toBeNull();
    await context.close();
  });

  it('has a honeypot field people neither see nor reach, sent only when something fills it', async () => {
    const { page, context } = await open({ endpoint: true });
    const trap = page.locator('#r-website');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');
    expect(await page.locator('[aria-hidden=true]:has(#r-website)').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: '网址（请留空）' }).count()).toBe(0);
    // Clipped to a 1 px box: nothing of it can be seen or clicked.
    expect((await page.locator('[aria-hidden=true]:has(#r-website)').boundingBox())!.width).toBeLessThanOrEqual(1);
    const box = (await trap.boundingBox())!;
    expect(
      await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id ?? null, {
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
      }),
    ).not.toBe('r-website');
    const bodies: Record<string, unknown>[] = [];
    await page.route(endpoint, (route) => {
      bodies.push(route.request().postDataJSON());
      return route.fulfill({ status: 201, contentType: 'application/json', body: '{}' });
    });
    await fill(page);
    await submit(page);
    await page.locator('[data-success]').waitFor({ timeout: 10_000 });
    expect(bodies[0]).not.toHaveProperty('website');
    await context.close();

    const second = await open({ endpoint: true });
    await second.page.route(endpoint, (route) => {
      bodies.push(route.request().postDataJSON());
      return route.fulfill({ status: 201, contentType: 'application/json', body: '{}' });
    });
    await fill(second.page);
    await second.page.locator('#r-website').fill('http://spam.example', { force: true });
    await submit(second.page);
    await second.page.locator('[data-success]').waitFor({ timeout: 10_000 });
    expect(bodies[1]).toMatchObject({ website: 'http://spam.example' });
    await second.context.close();
  });
});

describe('report form: without JavaScript and on small screens', () => {
  it('without an endpoint and without JS shows the phones and email first, and says the form cannot be sent online', async () => {
    const context = await site.context({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/report/'));
    const channels = page.locator('section.channels');
    expect(await channels.isVisible()).toBe(true);
    expect(await channels.locator('a[href^="tel:"]').count()).toBeGreaterThanOrEqual(3);
    expect(await channels.locator('a[href^="mailto:"]').count()).toBe(1);
    expect(await page.locator('report-form form').isVisible()).toBe(false);
    expect(await page.locator('report-form').textContent()).toContain('暂未开通在线提交');
    await context.close();
  });

  it('has no axe violations in the states the script creates (errors, open list, channels)', async () => {
    const { page, context } = await open();
    const check = async (state: string) => {
      const { violations } = await new AxeBuilder({ page }).include('main').analyze();
      expect(violations.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    };
    await submit(page);
    await check('errors');
    await page.fill('#r-water', water.name.slice(0, 1));
    await page.waitForSelector('#r-water-list:not([hidden])');
    await check('list open');
    await fill(page, true);
    await submit(page);
    await page.locator('[data-fallback]').waitFor();
    await check('channels');
    await context.close();
  });

  it('fits a 320 px screen without sideways scrolling', async () => {
    const context = await site.context({ viewport: { width: 320, height: 640 } });
    const { page } = await open({ context });
    await submit(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
