/**
 * Smoke test of the built sample site in Chromium: the frame every page
 * shares, and the citizen's first journey (find my river, see its chief,
 * call them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let s: Session;
const dist = siteDist();
const waters = JSON.parse(readFileSync(join(dist, 'data/waters.json'), 'utf8')) as {
  id: string;
  name: string;
  current_chiefs: string[];
}[];

beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

describe('the site frame', () => {
  it('home page is Chinese, names the office and the as_of date', async () => {
    const page = await (await s.context()).newPage();
    const res = await page.goto(s.url('/'));
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const index = JSON.parse(readFileSync(join(dist, 'data/index.json'), 'utf8')) as { as_of: string };
    const [y, m, d] = index.as_of.split('-').map(Number);
    await expect(page.locator('footer').textContent()).resolves.toContain(`${y}年${m}月${d}日`);
    expect(await page.locator('footer a[href^="tel:"]').count()).toBeGreaterThan(0);
  });

  it('an unknown address gets the 404 page with a way back', async () => {
    const page = await (await s.context()).newPage();
    const res = await page.goto(s.url('/no-such-page/'));
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('页面不存在');
    expect(await page.locator('main a[href="/"]').count()).toBe(1);
  });
});

describe('find my river and call its chief', () => {
  it('the home page search box filters the directory to the river, whose page has a working tel: link', async () => {
    const target = waters.find((w) => w.current_chiefs.length > 0)!;
    const page = await (await s.context()).newPage();
    await page.goto(s.url('/'));
    await page.getByLabel('河湖名称（可输入拼音或首字母）').fill(target.name);
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.waitForURL(/\/waters\/\?q=/);
    const visible = page.locator('tbody tr:not([hidden]) th a');
    await expect(visible.first().textContent()).resolves.toBe(target.name);
    await visible.first().click();
    await page.waitForURL(new RegExp(`/waters/${target.id}/$`));
    await expect(page.locator('h1').textContent()).resolves.toBe(target.name);
    const tel = page.locator('.sign a[href^="tel:"]').first();
    await expect(tel.isVisible()).resolves.toBe(true);
    expect(await tel.getAttribute('href')).toMatch(/^tel:[\d+]+$/);
  });
});
