/**
 * Search in Chinese (Pagefind): a water is found by a two-character word
 * inside its name, by its full pinyin and by its initials, and comes first
 * for its exact name; every station and every chief is found by name; a
 * policy document by words of its text; excerpts are visible text, never
 * the hidden pinyin terms; a common word does not match inside people's
 * names; the township filter is a compact select; the header box leads to
 * the results, on a phone too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fullPinyin, initials } from '../../src/lib/pinyin.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const read = <T>(file: string) => JSON.parse(readFileSync(join(dist, 'data', file), 'utf8')) as T;
const waters = read<{ id: string; name: string }[]>('waters.json');
const stations = read<{ id: string; name: string; water: string }[]>('stations.json');
const chiefs = read<{ id: string; name: string; position: string }[]>('chiefs.json');
const cases = read<{ id: string; title: string }[]>('cases.json');
const regions = read<{ code: string; name: string; level: string }[]>('regions.json');
// A water whose name has at least three characters, so a two-character word is inside it.
const target = waters.find((w) => [...w.name].length >= 3)!;

/** The pinyin terms of every name in the data: what the index holds but no excerpt may show. */
const pinyinTokens = new Set(
  [...waters, ...stations, ...chiefs, ...regions]
    .flatMap((x) => [fullPinyin(x.name), initials(x.name)])
    .filter((t) => t.length >= 2),
);

/** A policy document of the sample and a four-character phrase from its body text (not its title). */
function documentPhrase(): { id: string; phrase: string } {
  const dir = join(import.meta.dirname, '..', '..', 'src', 'content', 'documents');
  for (const file of readdirSync(dir).sort()) {
    const [, front = '', body = ''] = readFileSync(join(dir, file), 'utf8').split(/^---$/m);
    const title = /^title:\s*(.+)$/m.exec(front)?.[1] ?? '';
    for (const line of body.split('\n')) {
      const run = /[\u4e00-\u9fff]{8,}/.exec(line.startsWith('#') || line.startsWith('<') ? '' : line)?.[0];
      const phrase = run && [...run].slice(2, 6).join('');
      if (phrase && !title.includes(phrase)) return { id: file.replace(/\.mdx?$/, ''), phrase };
    }
  }
  throw new Error('no document with body text in the sample');
}

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => /找到|没有找到/.test(document.querySelector('[data-status]')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  );
}

/**
 * The results' addresses for `q` (and the filters in `query`). On a search
 * page without filters the next query is typed into its box, as a person
 * does, which saves reloading Pagefind for each of the many queries below.
 */
async function results(page: Page, q: string, query = ''): Promise<string[]> {
  const here = new URL(page.url());
  if (!query && here.pathname === '/search/' && !/[?&](type|township)=/.test(here.search)) {
    await page.locator('#search-q').fill(q);
    await page.locator('#search-q').press('Enter');
  } else {
    await page.goto(s.url(`/search/?q=${encodeURIComponent(q)}${query}`));
  }
  await settled(page);
  return page.locator('[data-results] li a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

/** Each result as shown: its address, title, metadata line and excerpt. */
async function shown(page: Page, q: string): Promise<{ path: string; title: string; meta: string; excerpt: string }[]> {
  await results(page, q);
  return page.locator('[data-results] li').evaluateAll((lis) =>
    lis.map((li) => ({
      path: li.querySelector('a')!.pathname,
      title: li.querySelector('a')!.textContent ?? '',
      meta: li.querySelector('.meta')?.textContent ?? '',
      excerpt: li.querySelector('.excerpt')?.textContent ?? '',
    })),
  );
}

describe('search', () => {
  it('finds a water by a two-character word inside its name', async () => {
    const page = await (await s.context()).newPage();
    const word = [...target.name].slice(0, 2).join('');
    expect(await results(page, word)).toContain(`/waters/${target.id}/`);
  });

  it('finds a water by its full pinyin and by its initials', async () => {
    const page = await (await s.context()).newPage();
    expect(await results(page, fullPinyin(target.name))).toContain(`/waters/${target.id}/`);
    expect(await results(page, initials(target.name))).toContain(`/waters/${target.id}/`);
  });

  it('puts every water first for its exact name', async () => {
    const page = await (await s.context()).newPage();
    for (const w of waters) expect((await results(page, w.name))[0], w.name).toBe(`/waters/${w.id}/`);
  });

  it("finds every monitoring station by its name, and by its name without the water's", async () => {
    const page = await (await s.context()).newPage();
    expect(stations.length).toBeGreaterThan(0);
    for (const st of stations) {
      const water = waters.find((w) => w.id === st.water)!.name;
      const names = [
        st.name,
        ...(st.name.startsWith(water) && [...st.name].length - [...water].length >= 2
          ? [st.name.slice(water.length)]
          : []),
      ];
      for (const name of names) expect(await results(page, name), name).toContain(`/stations/${st.id}/`);
    }
    // 清溪河石门桥 by 石门桥, 石桥河石桥闸 by 石桥闸.
    expect(stations.some((st) => /^.+河石门桥$/.test(st.name))).toBe(true);
  });

  it("offers the station filter with results: a station's name under 监测断面 finds it, and only stations", async () => {
    const page = await (await s.context()).newPage();
    const st = stations[0]!;
    const found = await results(page, st.name, `&type=${encodeURIComponent('监测断面')}`);
    expect(found).toContain(`/stations/${st.id}/`);
    for (const p of found) expect(p).toMatch(/^\/stations\//);
  });

  it('finds every chief by their whole name, first', async () => {
    const page = await (await s.context()).newPage();
    for (const c of chiefs) expect((await results(page, c.name))[0], c.name).toBe(`/chiefs/${c.id}/`);
  });

  it('shows excerpts of visible text, never the pinyin terms of names', async () => {
    const page = await (await s.context()).newPage();
    const queries = [
      ...waters.flatMap((w) => [w.name, fullPinyin(w.name), initials(w.name)]),
      ...stations.map((st) => fullPinyin(st.name)),
      ...chiefs.slice(0, 6).flatMap((c) => [c.name, fullPinyin(c.name)]),
    ];
    let excerpts = 0;
    for (const q of queries) {
      for (const r of await shown(page, q)) {
        excerpts += r.excerpt ? 1 : 0;
        const leaked = r.excerpt.split(/[^a-z]+/).filter((w) => pinyinTokens.has(w));
        expect(leaked, `${q} → ${r.path}: ${r.excerpt}`).toEqual([]);
      }
    }
    expect(excerpts).toBeGreaterThan(queries.length);
  });

  it("does not match a common word inside people's names", async () => {
    const page = await (await s.context()).newPage();
    // Chiefs whose names hold 志, as 志愿者 does.
    expect(chiefs.filter((c) => c.name.includes('志')).length).toBeGreaterThan(1);
    for (const q of ['志愿者', '志愿']) {
      for (const r of await shown(page, q)) {
        // A person is found only as a volunteer (by position), never by the 志 of a name.
        if (r.path.startsWith('/chiefs/'))
          expect(chiefs.find((c) => r.path === `/chiefs/${c.id}/`)?.position, `${q} → ${r.path}`).toContain('志愿');
        expect(r.title + r.excerpt, `${q} → ${r.path}`).toContain('志愿');
      }
    }
    // The characters of a name still find the person.
    const zhi = chiefs.find((c) => c.name.includes('志'))!;
    expect(await results(page, zhi.name)).toContain(`/chiefs/${zhi.id}/`);
  });

  it('finds every case by the last word of its title', async () => {
    const page = await (await s.context()).newPage();
    for (const c of cases) {
      const word = [...c.title].slice(-2).join('');
      expect(await results(page, word), `${c.title}: ${word}`).toContain(`/cases/${c.id}/`);
    }
  });

  it('finds a policy document by words of its text', async () => {
    const page = await (await s.context()).newPage();
    const { id, phrase } = documentPhrase();
    expect(await results(page, phrase), phrase).toContain(`/documents/${id}/`);
  });

  it('narrows results by type', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/search/?q=${encodeURIComponent(target.name)}&type=${encodeURIComponent('河湖')}`));
    await page.waitForFunction(
      () => /找到|没有找到/.test(document.querySelector('[data-status]')?.textContent ?? ''),
      null,
      { timeout: 20_000 },
    );
    const metas = await page.locator('[data-results] li .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m.startsWith('河湖')).toBe(true);
  });

  it('filters by township with a compact, labelled select', async () => {
    const page = await (await s.context()).newPage();
    await results(page, target.name);
    const select = page.getByRole('combobox', { name: '乡镇（街道）' });
    await expect(select.evaluate((el) => el.tagName)).resolves.toBe('SELECT');
    const box = (await select.boundingBox())!;
    expect(box.height).toBeLessThan(60);
    const before = await page.locator('[data-results] li .meta').allTextContents();
    const options = await select.locator('option').allTextContents();
    // A township some of the results are in, but not all.
    const town = options.find((o) => before.some((m) => m.includes(o)) && !before.every((m) => m.includes(o)))!;
    expect(town).toBeTruthy();
    // By keyboard: the arrow keys move the choice down the list to the township.
    await select.focus();
    for (let i = 0; i < options.indexOf(town); i++) await page.keyboard.press('ArrowDown');
    await expect(select.inputValue()).resolves.toBe(town);
    await page.waitForURL((u) => u.searchParams.get('township') === town);
    await settled(page);
    const after = await page.locator('[data-results] li .meta').allTextContents();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    for (const m of after) expect(m).toContain(town);
  });

  it('takes the header search to /search/ with the query kept, on a phone', async () => {
    const page = await (
      await s.context({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage();
    await page.goto(s.url(`/waters/${target.id}/`));
    const box = page.getByRole('search').getByRole('searchbox');
    await box.tap();
    await box.fill(target.name);
    await page.getByRole('search').getByRole('button', { name: '搜索' }).tap();
    await page.waitForURL((u) => u.pathname === '/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe(target.name);
    await settled(page);
    await expect(page.locator('#search-q').inputValue()).resolves.toBe(target.name);
    const found = await page
      .locator('[data-results] li a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(found[0]).toBe(`/waters/${target.id}/`);
  });

  it('says so plainly when nothing matches', async () => {
    const page = await (await s.context()).newPage();
    expect(await results(page, 'qxzvkjw')).toEqual([]);
    await expect(page.locator('[data-status]').textContent()).resolves.toContain('没有找到');
  });
});
