/**
 * A journalist checks the printed sign against the roster (the built
 * bundled sample, and the data folder it was built from: RIVER_DATA_DIR,
 * default src/content):
 *
 * - 河长职责 on a water's sign are its current 河长's duties, not the
 *   总河长's or 副河长's listed above them;
 * - each person printed shows their own verification date, and the sign's
 *   "信息核实于" is the oldest of them;
 * - a segment's sign prints its 河段长's duties and its own people.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../../src/loader/read.ts';
import { formatDateZh } from '../../src/lib/format.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const data = readFolder(process.env.RIVER_DATA_DIR || resolve(import.meta.dirname, '../../src/content'), []);
const assignments = data.assignments.map((r) => r.data);
const chiefs = new Map(data.chiefs.map((r) => [r.data.id, r.data]));
const duties = (chief: string, water: string, role: string) => {
  const a = assignments.find((x) => x.chief === chief && x.water === water && x.role === role && !x.segment);
  expect(a?.duties, `${chief} holds ${role} of ${water} with duties`).toBeTruthy();
  return a!.duties!;
};

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

/** The water's own sign (the first of its sign page, before one per segment). */
async function openSign(water: string) {
  const page = await (await s.context()).newPage();
  await page.goto(s.url(`/waters/${water}/sign/`));
  return page.locator(`#sign-${water}`);
}

describe('河长职责 on the printed sign', () => {
  it("清溪河 prints 陈立新's duties as its 河长, not the 总河长 林国栋's or the former 河长's", async () => {
    const sign = await openSign('qingxi-he');
    const text = (await sign.locator('.chief-duties').innerText()).replace(/\s+/g, '');
    expect(text).toBe(`河长职责：${duties('chen-lixin', 'qingxi-he', 'chief')}`);
    expect(text).not.toContain(duties('lin-guodong', 'qingxi-he', 'general_chief'));
    expect(text).not.toContain(duties('wang-jianjun', 'qingxi-he', 'chief'));
  });

  it("东门沟 prints its 河长 马志远's duties, not the 副河长's listed first", async () => {
    const sign = await openSign('dongmen-gou');
    const rows = await sign.locator('tbody tr').allInnerTexts();
    // The 副河长 comes first in sign order: the old sign took the first duties it met.
    expect(rows.findIndex((r) => r.includes(chiefs.get('cai-minghui')!.name))).toBeLessThan(
      rows.findIndex((r) => r.includes(chiefs.get('ma-zhiyuan')!.name)),
    );
    const text = (await sign.locator('.chief-duties').innerText()).replace(/\s+/g, '');
    expect(text).toBe(`河长职责：${duties('ma-zhiyuan', 'dongmen-gou', 'chief')}`);
    expect(text).not.toContain(duties('cai-minghui', 'dongmen-gou', 'deputy_chief'));
  });
});

describe("a segment's sign", () => {
  it('清溪河白沙镇段 prints its 河段长 高建华 with his duties, and the people of that segment only', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url('/waters/qingxi-he/sign/'));
    const sign = page.locator('#sign-qingxi-he-baisha');
    expect(await sign.locator('h2').innerText()).toBe('清溪河白沙镇段河段长公示牌');
    const text = (await sign.locator('.chief-duties').innerText()).replace(/\s+/g, '');
    expect(text).toBe(
      `河段长职责：${assignments.find((a) => a.chief === 'gao-jianhua' && a.segment === 'qingxi-he-baisha')!.duties}`,
    );
    const names = await sign.locator('tbody th').allInnerTexts();
    const onSegment = assignments.filter(
      (a) => a.segment === 'qingxi-he-baisha' && a.start <= data.site!.as_of && (!a.end || a.end > data.site!.as_of),
    );
    expect(names.sort()).toEqual(onSegment.map((a) => chiefs.get(a.chief)!.name).sort());
    expect(names).toContain(chiefs.get('gao-jianhua')!.name);
    expect(await sign.locator('tbody').innerText()).toContain(chiefs.get('gao-jianhua')!.phone!);
  });
});

describe('verification dates on the printed sign', () => {
  for (const water of ['qingxi-he', 'dongmen-gou']) {
    it(`${water}: every person shows their own date, and the sign states the oldest`, async () => {
      const sign = await openSign(water);
      const rows = await sign.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('th')!.textContent!.trim(),
          datetime: tr.querySelector('td.verified time')?.getAttribute('datetime') ?? null,
          text: tr.textContent!,
        })),
      );
      expect(rows.length).toBeGreaterThan(1);
      const current = assignments.filter(
        (a) => a.water === water && a.start <= data.site!.as_of && (!a.end || a.end > data.site!.as_of),
      );
      for (const row of rows) {
        // The person's own row in chiefs.csv (by name among the water's current people).
        const person = current.map((a) => chiefs.get(a.chief)!).find((c) => c.name === row.name);
        expect(person, row.name).toBeDefined();
        expect(row.datetime).toBe(person!.verified);
        expect(row.text).toContain(formatDateZh(person!.verified));
      }
      const dates = rows.map((r) => r.datetime!).sort();
      const overall = sign.locator('.verified-all');
      expect(await overall.locator('time').getAttribute('datetime')).toBe(dates[0]);
      expect((await overall.innerText()).replace(/\s+/g, ' ')).toBe(`信息核实于 ${formatDateZh(dates[0]!)}`);
    });
  }

  it('the sample sign of 清溪河 has people checked on different dates (so the oldest is not the newest)', async () => {
    const sign = await openSign('qingxi-he');
    const dates = new Set(
      await sign.locator('tbody td.verified time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))),
    );
    expect(dates.size).toBeGreaterThan(1);
    expect(await sign.locator('.verified-all time').getAttribute('datetime')).toBe([...dates].sort()[0]);
  });
});

describe('the water page', () => {
  it("shows each person's own verification date on its sign block", async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url('/waters/qingxi-he/'));
    const chen = page.locator('.sign .chief', { hasText: chiefs.get('chen-lixin')!.name });
    expect(await chen.locator('.verified time').getAttribute('datetime')).toBe(chiefs.get('chen-lixin')!.verified);
    expect(await chen.innerText()).toContain(duties('chen-lixin', 'qingxi-he', 'chief'));
  });
});
