/**
 * The accountability ledger when an office's record lacks an action the rule
 * required. One build of a copy of the sample data folder with:
 *
 * 1. the 2025-09-10 通报批评 of 郑志强 (白沙河河口, 2025-06…08) deleted from
 *    actions.csv, and only a milder 约谈 of him recorded in its window: that
 *    row becomes 未见记录 everywhere (the ledger, the station page,
 *    accountability.json) and a /feed.xml entry links to it. A village
 *    segment of 白沙河 inside 白沙镇 gets a 河段长, who does not answer for
 *    the township's station (the segment's region must be the station's or
 *    contain it, not lie inside it);
 * 2. 青山水库取水口 missing its target in 2025-10, 11 and 12 (a second
 *    readings file), with posts and actions on the boundaries of the rule:
 *    a 河长 whose post ended on the run's first day and one whose post began
 *    on the last day of the 3-month run (responsible), one who left the day
 *    before (not responsible); a 约谈 one day before its window, a 通报批评
 *    (more severe than the 约谈 required) on the window's first day, a
 *    通报批评 on the last day of its window;
 * 3. 清溪河出境 with a second sample in 2024-03 and 2024-04 that misses
 *    class III while each month's mean still meets it: by the contract a
 *    month's class is the worst of its results, so a 约谈 was required.
 *
 * Every published row is also compared with the rule as the contract states
 * it (tests/helpers/accountability-model.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { astroBuild, cleanupTemp, ROOT, tempDir, type BuildResult } from '../helpers/fixtures.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import {
  dateZh,
  differences,
  expectedRows,
  htmlRows,
  publishedId,
  readFolder,
  readPublished,
  readReadings,
  text,
  type PublishedRow,
} from '../helpers/accountability-model.ts';

afterAll(cleanupTemp);

const DELETED = '2025-09-10,zheng-zhiqiang,通报批评,';
const MISSING = 'acc-baisha-hekou-m-2025-06-3';

/** A copy of the sample data folder with the three changes above. */
function dataFolder(): string {
  const dir = tempDir('river-acc-missing-');
  cpSync(join(ROOT, 'src', 'content'), dir, { recursive: true });

  const actions = readFileSync(join(dir, 'actions.csv'), 'utf8').split('\n');
  const kept = actions.filter((l) => !l.startsWith(DELETED));
  if (kept.length !== actions.length - 1) throw new Error(`expected one row ${DELETED}… in the sample's actions.csv`);
  kept.push(
    '2025-09-15,zheng-zhiqiang,约谈,白沙河河口断面2025年6—8月连续3个月未达标（只有约谈，轻于规定的通报批评）。,',
    '2025-11-30,liu-haitao,约谈,青山水库取水口连续未达标（早于记录期限一天）。,',
    '2025-12-01,peng-xiaoyan,通报批评,青山水库取水口2025年10月、11月连续2个月未达标。,',
    '2026-06-29,jiang-desheng,通报批评,青山水库取水口2025年10—12月连续3个月未达标。,',
  );
  writeFileSync(join(dir, 'actions.csv'), `${kept.filter((l) => l.trim() !== '').join('\n')}\n`);

  /** Append rows to a CSV file of the copy. */
  const append = (file: string, rows: string[]) => {
    const before = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), `${before.replace(/\n?$/, '\n')}${rows.join('\n')}\n`);
  };
  append('assignments.csv', [
    'peng-xiaoyan,qingshan-shuiku,,chief,2024-01-01,2025-10-01,测试：任期止于连续未达标首日。',
    'jiang-desheng,qingshan-shuiku,,chief,2025-12-31,,测试：任期始于连续3个月未达标的最后一天。',
    'han-yulan,qingshan-shuiku,,chief,2023-01-01,2025-09-30,测试：连续未达标前一天离任。',
    'sun-deming,baisha-he,baisha-he-baishacun,segment_chief,2021-07-01,,测试：白沙镇内的村级河段长。',
  ]);
  append('segments.csv', ['baisha-he-baishacun,baisha-he,白沙河白沙村段,990102001000,白沙村上游,白沙河口,2.0']);

  const header = readFileSync(join(dir, 'readings', '2025.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0]!;
  const columns = header.split(',');
  const row = (station: string, date: string, cod: string) =>
    columns.map((c) => (c === 'station' ? station : c === 'date' ? date : c === 'cod' ? cod : '')).join(',');
  writeFileSync(
    join(dir, 'readings', 'added.csv'),
    [
      header,
      row('shuiku-qushuikou', '2025-10-28', '60'), // 劣V, and the month's mean is V: misses II either way
      row('shuiku-qushuikou', '2025-11-26', '60'),
      row('shuiku-qushuikou', '2025-12-20', '60'),
      row('qingxi-chujing', '2024-03-25', '26'), // IV; mean with the 2024-03-11 sample (COD 9) is 17.5: III
      row('qingxi-chujing', '2024-04-24', '28'), // IV; mean with 2024-04-11 (COD 6) is 17: III
    ].join('\n') + '\n',
  );
  return dir;
}

describe('an accountability action missing from the record', () => {
  const dir = dataFolder();
  const folder = readFolder(dir);
  const siteUrl = (parseYaml(readFileSync(join(dir, 'site.yaml'), 'utf8')) as { url: string }).url;
  let build: BuildResult;
  let published: PublishedRow[];
  const row = (id: string) => published.find((r) => publishedId(r) === id);
  const html = (path: string) => readFileSync(join(build.outDir, path, 'index.html'), 'utf8');

  beforeAll(async () => {
    build = await astroBuild(dir);
    if (build.code === 0) published = readPublished(build.outDir);
  });

  it('builds (exit 0)', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('accountability.json: the 通报批评 is missing (a 约谈 does not record it), the 约谈 before it is still recorded', () => {
    expect(row(MISSING)).toMatchObject({
      required: '通报批评',
      status: 'missing',
      window_opens: '2025-09-01',
      window_closes: '2026-02-27',
      recorded_date: null,
      recorded_chief: null,
      recorded_kind: null,
    });
    // Not the 河段长 of the village segment inside 白沙镇.
    expect([...row(MISSING)!.responsible].sort()).toEqual(['zhao-min', 'zheng-zhiqiang']);
    expect(row('acc-baisha-hekou-m-2025-06-2')).toMatchObject({
      status: 'recorded',
      recorded_date: '2025-08-08',
      recorded_chief: 'zheng-zhiqiang',
    });
  });

  it('/accountability/ shows the row as 未见记录, with links to the rule and to the record searched', () => {
    const page = html('accountability');
    const r = htmlRows(page).get(MISSING);
    expect(r).toBeDefined();
    expect(r!.status).toBe('未见记录');
    expect(r!.className).toBe('acc-missing');
    expect(r!.cells[1]).toBe('通报批评');
    expect(r!.recordLinks).toContain('/accountability/#rules');
    expect(r!.recordLinks).toContain('/accountability/#actions');
    expect(r!.cells.at(-1)).toContain(`${dateZh('2025-09-01')}至${dateZh('2026-02-27')}`);
    expect(r!.cells.at(-1)).not.toContain('对郑志强通报批评');
    // The anchors the links point to exist, and the deleted action is no longer listed.
    expect(page).toContain('<h2 id="rules"');
    expect(page).toContain('<h2 id="actions"');
    expect(page).not.toContain('id="action-2025-09-10-zheng-zhiqiang"');
    const missing = published.filter((p) => p.status === 'missing').length;
    expect(missing).toBeGreaterThan(0);
    expect(text(page)).toContain(`未见记录 ${missing} 项`);
  });

  it('the station page of 白沙河河口 says 未见记录 for the 通报批评', () => {
    const r = htmlRows(html('stations/baisha-hekou')).get(MISSING);
    expect(r).toBeDefined();
    expect(r!.cells[1]).toBe('通报批评');
    expect(r!.status).toBe('未见记录');
    expect(r!.recordLinks).toEqual(expect.arrayContaining(['/accountability/#rules', '/accountability/#actions']));
    expect([...r!.responsible].sort()).toEqual(['zhao-min', 'zheng-zhiqiang']);
    expect(htmlRows(html('chiefs/zheng-zhiqiang')).get(MISSING)?.status).toBe('未见记录');
  });

  it('publishes the rows the contract requires, on boundaries too', () => {
    const expected = expectedRows(folder, readReadings(build.outDir));
    expect(differences(expected, published)).toEqual([]);
  });

  it('青山水库取水口: a post ending on the first or starting on the last day of a run overlaps it; an action counts on both ends of its window', () => {
    // 2025-10…11 (约谈): the 河长 in post, and the one whose post ended on 2025-10-01; not the one who left on 2025-09-30,
    // nor the one who began on 2025-12-31. The 约谈 of 2025-11-30 is a day early; the 通报批评 of 2025-12-01 counts.
    const two = row('acc-shuiku-qushuikou-m-2025-10-2');
    expect(two).toMatchObject({
      required: '约谈',
      window_opens: '2025-12-01',
      window_closes: '2026-05-29',
      status: 'recorded',
      recorded_date: '2025-12-01',
      recorded_chief: 'peng-xiaoyan',
      recorded_kind: '通报批评',
    });
    expect([...two!.responsible].sort()).toEqual(['liu-haitao', 'peng-xiaoyan']);
    // 2025-10…12 (通报批评): also the 河长 who began on its last day; the 通报批评 on the window's last day counts.
    const three = row('acc-shuiku-qushuikou-m-2025-10-3');
    expect(three).toMatchObject({
      required: '通报批评',
      window_opens: '2026-01-01',
      window_closes: '2026-06-29',
      status: 'recorded',
      recorded_date: '2026-06-29',
      recorded_chief: 'jiang-desheng',
    });
    expect([...three!.responsible].sort()).toEqual(['jiang-desheng', 'liu-haitao', 'peng-xiaoyan']);
    // The keeper and the patroller of the reservoir are never listed.
    const rows = htmlRows(html('stations/shuiku-qushuikou'));
    expect(rows.get('acc-shuiku-qushuikou-m-2025-10-3')?.responsible.sort()).toEqual([
      'jiang-desheng',
      'liu-haitao',
      'peng-xiaoyan',
    ]);
    expect(rows.get('acc-shuiku-qushuikou-m-2025-10-3')?.roles).toEqual(['河长', '河长', '河长']);
    expect(rows.get('acc-shuiku-qushuikou-m-2025-10-2')?.cells.at(-1)).toContain(
      `${dateZh('2025-12-01')}对${folder.chiefs.get('peng-xiaoyan')}通报批评`,
    );
  });

  it("清溪河出境: a month with one result worse than the target misses it, whatever the month's mean", () => {
    // The contract: a month's class "is the worst class of that month's results" (and the site's own rule
    // text says 当月最差一次结果); a month's mean may meet the target while one of its results does not.
    const r = row('acc-qingxi-chujing-m-2024-03-2');
    expect(r, 'a 约谈 was required for 2024-03…04').toMatchObject({
      required: '约谈',
      to: '2024-04',
      status: 'missing',
    });
    // The 河长 of the time (who has left since) and the 河段长 of the station's township; not 总河长, 副河长, 专管员 or 巡河员.
    expect([...r!.responsible].sort()).toEqual(['huang-weidong', 'wang-jianjun']);
  });

  describe('/feed.xml', () => {
    let session: Session;
    interface Entry {
      id: string | null;
      updated: string | null;
      title: string | null;
      links: (string | null)[];
    }
    let feed: { errors: number; id: string | null; updated: string | null; title: string | null; entries: Entry[] };

    beforeAll(async () => {
      if (build.code !== 0) return;
      session = await openSite(build.outDir);
      const page = await (await session.context()).newPage();
      const xml = await (await page.request.get(session.url('/feed.xml'))).text();
      feed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        const NS = 'http://www.w3.org/2005/Atom';
        const child = (el: Element, name: string) =>
          [...el.children].find((c) => c.namespaceURI === NS && c.localName === name);
        const root = doc.documentElement;
        return {
          errors:
            doc.getElementsByTagName('parsererror').length +
            (root.namespaceURI === NS && root.localName === 'feed' ? 0 : 1),
          id: child(root, 'id')?.textContent ?? null,
          updated: child(root, 'updated')?.textContent ?? null,
          title: child(root, 'title')?.textContent ?? null,
          entries: [...doc.getElementsByTagNameNS(NS, 'entry')].map((e) => ({
            id: child(e, 'id')?.textContent ?? null,
            updated: child(e, 'updated')?.textContent ?? null,
            title: child(e, 'title')?.textContent ?? null,
            links: [...e.children]
              .filter((c) => c.namespaceURI === NS && c.localName === 'link')
              .map((l) => l.getAttribute('href')),
          })),
        };
      }, xml);
    });

    afterAll(async () => {
      await session?.close();
    });

    it('has an entry for the missing action, linking to its row and naming the station', () => {
      const link = new URL(`/accountability/#${MISSING}`, siteUrl).href;
      const entry = feed.entries.find((e) => e.links.includes(link));
      expect(entry, `no entry links to ${link}`).toBeDefined();
      expect(entry!.title).toContain('白沙河河口');
      expect(entry!.title).toContain('通报批评');
      // News on the day after the window closed.
      expect(entry!.updated?.slice(0, 10)).toBe('2026-02-28');
    });

    it('is still a well-formed Atom feed: id, updated, title and a link on the feed and every entry', () => {
      expect(feed.errors).toBe(0);
      expect(feed.id).toBeTruthy();
      expect(feed.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(feed.updated ?? ''))).toBe(false);
      expect(feed.entries.length).toBeGreaterThan(0);
      const ids = new Set<string>();
      for (const e of feed.entries) {
        expect(e.id, JSON.stringify(e)).toBeTruthy();
        expect(e.title, JSON.stringify(e)).toBeTruthy();
        expect(Number.isNaN(Date.parse(e.updated ?? '')), JSON.stringify(e)).toBe(false);
        expect(e.links.length, JSON.stringify(e)).toBeGreaterThan(0);
        for (const l of e.links) expect(() => new URL(l ?? ''), JSON.stringify(e)).not.toThrow();
        expect(ids.has(e.id!), `duplicate id ${e.id}`).toBe(false);
        ids.add(e.id!);
        expect(e.updated! <= feed.updated!, e.id!).toBe(true);
      }
    });
  });
});
