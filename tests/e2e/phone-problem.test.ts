/**
 * A dead number is one tap away: beside each chief's phone on a water's
 * sign block and on a chief's page, "号码打不通或信息有误？" opens the report
 * form with that water and the category 公示牌信息有误 chosen; the ledger
 * counts those cases per township, the same as the open data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const waters = JSON.parse(readFileSync(join(dist, 'data/waters.json'), 'utf8')) as {
  id: string;
  name: string;
  current_chiefs: string[];
}[];
const cases = JSON.parse(readFileSync(join(dist, 'data/cases.json'), 'utf8')) as {
  id: string;
  category: string;
  region: string;
  status: string;
}[];
const regions = JSON.parse(readFileSync(join(dist, 'data/regions.json'), 'utf8')) as {
  code: string;
  name: string;
  level: string;
  parent: string | null;
}[];
const water = waters.find((w) => w.current_chiefs.length > 0)!;

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

describe('号码打不通或信息有误？', () => {
  it('sits beside every public phone of a water page sign block', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/waters/${water.id}/`));
    const phones = await page.locator('.sign .chief .phone').all();
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) {
      if ((await p.locator('a[href^="tel:"]').count()) === 0) continue;
      const href = await p.locator('a.phone-problem').getAttribute('href');
      expect(href).toBe(`/report/?water=${water.id}&category=sign_outdated`);
    }
  });

  it('opens the form on a phone with the water and the category chosen', async () => {
    const page = await (
      await s.context({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage();
    await page.goto(s.url(`/waters/${water.id}/`));
    await page.locator('.sign a.phone-problem').first().tap();
    await page.waitForURL(/\/report\//);
    await expect.poll(() => page.locator('input[name=water]').inputValue()).toBe(water.id);
    await expect.poll(() => page.locator('#r-water').inputValue()).toContain(water.name);
    expect(await page.locator('input[name=category][value=sign_outdated]').isChecked()).toBe(true);
  });

  it("a chief's page links to it beside a public phone, and a former chief's page does not", async () => {
    const chiefs = JSON.parse(readFileSync(join(dist, 'data/chiefs.json'), 'utf8')) as {
      id: string;
      phone: string | null;
      current: string[];
    }[];
    const current = chiefs.find((c) => c.phone && c.current.length > 0)!;
    const former = chiefs.find((c) => c.current.length === 0)!;
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/chiefs/${current.id}/`));
    expect(await page.locator('a.phone-problem').getAttribute('href')).toMatch(
      /^\/report\/\?(water=[a-z0-9-]+&)?category=sign_outdated$/,
    );
    await page.goto(s.url(`/chiefs/${former.id}/`));
    expect(await page.locator('a.phone-problem').count()).toBe(0);
  });
});

describe('the ledger counts them per township', () => {
  it('/cases/#signs gives each township the number of sign_outdated cases in cases.json', async () => {
    const township = (code: string): string => {
      const r = regions.find((x) => x.code === code);
      return !r || r.level === 'township' || !r.parent ? (r?.name ?? code) : township(r.parent);
    };
    const expected = new Map<string, number>();
    for (const c of cases.filter((x) => x.category === 'sign_outdated'))
      expected.set(township(c.region), (expected.get(township(c.region)) ?? 0) + 1);
    const page = await (await s.context()).newPage();
    await page.goto(s.url('/cases/'));
    const section = page.locator('section[aria-labelledby=signs]');
    const rows = await section
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()]),
      );
    expect(new Map(rows.map(([n, v]) => [n, Number(v!.replace(/\D.*$/, ''))]))).toEqual(expected);
  });
});
