/**
 * The accountability ledger (问责对照) of the built sample site, read as an
 * independent reader of the data contract would check it: the rule "Who
 * answers for a monitoring station, and when an action counts" is applied
 * here a second time (tests/helpers/accountability-model.ts, which shares no
 * code with src/) to the data folder and the published readings, and what
 * the site publishes — /data/accountability.json and .csv, /accountability/,
 * every station page (问责情况) and every chief page (断面水质问责对照) —
 * must say the same.
 *
 * The yearly rule needs each year's class from the annual means; the model
 * computes it from the raw values in readings.json with the contract's GB 3838
 * table, and one test checks that the station pages' 历年水质 tables give the
 * same classes, so the two agree on what the yearly rule reads.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteDist } from '../helpers/site.ts';
import { ROLE, type Role } from '../../src/lib/enums.ts';
import {
  STATUS_WORD,
  accountablePosts,
  dateZh,
  differences,
  expectedRows,
  htmlRows,
  overlaps,
  pagesUnder,
  publishedId,
  readCsv,
  readFolder,
  readPublished,
  readReadings,
  text,
  townshipOf,
  yearlyClasses,
  type ExpectedRow,
  type PublishedRow,
} from '../helpers/accountability-model.ts';

const dist = siteDist();
const DATA = process.env.RIVER_DATA_DIR ?? join(import.meta.dirname, '..', '..', 'src', 'content');
const sample = !process.env.RIVER_DATA_DIR;

const folder = readFolder(DATA);
const readings = readReadings(dist);
const expected = expectedRows(folder, readings);
const published = readPublished(dist);
const byId = new Map(published.map((r) => [publishedId(r), r]));
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const ledger = page('accountability');
const ledgerRows = htmlRows(ledger);
const stationPages = pagesUnder(dist, 'stations');
const chiefPages = pagesUnder(dist, 'chiefs');
const chiefName = (id: string) => folder.chiefs.get(id) ?? id;

const accountableLabels = new Set<string>(folder.accountableRoles.map((r) => ROLE.labels[r as Role] ?? r));

/** The counts sentence of the ledger and of a station page. */
const countsSentence = (rows: readonly PublishedRow[]) => {
  const n = (s: PublishedRow['status']) => rows.filter((r) => r.status === s).length;
  return `规则共要求 ${rows.length} 项措施：已记录 ${n('recorded')} 项，未见记录 ${n('missing')} 项，尚在期限内 ${n('pending')} 项。`;
};

/** A published row as it must appear in any accountability table: status word, chiefs, recorded action. */
function expectShown(where: string, html: string, r: PublishedRow) {
  const id = publishedId(r);
  const row = htmlRows(html).get(id);
  expect(row, `${where}: row ${id}`).toBeDefined();
  expect(row!.status, `${where}: ${id}`).toBe(STATUS_WORD[r.status]);
  expect(row!.className, `${where}: ${id}`).toBe(`acc-${r.status}`);
  expect(row!.cells[1], `${where}: ${id}`).toBe(r.required);
  expect([...row!.responsible].sort(), `${where}: ${id} responsible`).toEqual([...r.responsible].sort());
  const who = row!.cells.at(-2)!;
  for (const c of r.responsible) expect(who, `${where}: ${id}`).toContain(chiefName(c));
  for (const label of row!.roles) expect(accountableLabels.has(label), `${where}: ${id} lists a ${label}`).toBe(true);
  const record = row!.cells.at(-1)!;
  if (r.status === 'recorded') {
    expect(record, `${where}: ${id}`).toContain(
      `${dateZh(r.recorded_date!)}对${chiefName(r.recorded_chief!)}${r.recorded_kind}`,
    );
    expect(row!.recordLinks, `${where}: ${id}`).toContain(
      `/accountability/#action-${r.recorded_date}-${r.recorded_chief}`,
    );
  } else {
    expect(record, `${where}: ${id}`).not.toMatch(/\d{4}年\d+月\d+日对/);
    expect(row!.recordLinks, `${where}: ${id}`).toContain('/accountability/#rules');
  }
  if (r.status === 'missing') {
    expect(row!.recordLinks, `${where}: ${id}`).toContain('/accountability/#actions');
    expect(record, `${where}: ${id}`).toContain(`${dateZh(r.window_opens)}至${dateZh(r.window_closes)}`);
  }
  if (r.status === 'pending') expect(record, `${where}: ${id}`).toContain(`应在${dateZh(r.window_closes)}前记录`);
}

describe('accountability ledger (built site)', () => {
  it('publishes exactly the actions the contract requires, with the same chiefs, windows and statuses', () => {
    expect(differences(expected, published)).toEqual([]);
    if (sample) {
      // The sample exercises both rules, recorded and pending rows, and runs of 2 and 3.
      expect(expected.length).toBeGreaterThan(5);
      expect(new Set(expected.map((r) => r.rule))).toEqual(new Set(['monthly', 'yearly']));
      expect(new Set(expected.map((r) => r.status))).toEqual(new Set(['recorded', 'pending']));
      expect(new Set(expected.map((r) => r.length))).toEqual(new Set([2, 3]));
    }
  });

  it('publishes the same rows in accountability.csv as in accountability.json', () => {
    const csv = readCsv(join(dist, 'data', 'accountability.csv'));
    const cell = (v: unknown) => (v === null ? '' : Array.isArray(v) ? v.join(';') : String(v));
    expect(csv.length).toBe(published.length);
    published.forEach((r, i) => {
      for (const [k, v] of Object.entries(r)) expect(csv[i]![k], `${publishedId(r)} ${k}`).toBe(cell(v));
    });
  });

  it('reads the same yearly classes as the station pages publish in 历年水质', () => {
    let years = 0;
    for (const s of folder.stations) {
      const html = stationPages.get(s.id)!;
      const table = html.slice(html.indexOf('id="annual-title"'), html.indexOf('id="acc-title"'));
      // Each row: 年份, 监测次数, 年均水质 (a badge with data-class, or none when no deciding item), 是否达标.
      const onPage = new Map(
        [...table.matchAll(/<tr[^>]*>\s*<th scope="row"[^>]*>(\d{4})年[\s\S]*?<\/tr>/g)].map(
          (m) => [m[1]!, /data-class="([^"]+)"/.exec(m[0])?.[1] ?? null] as const,
        ),
      );
      const computed = yearlyClasses(
        readings.filter((r) => r.station === s.id),
        s.waterbody,
      );
      expect(new Set(onPage.keys()), s.id).toEqual(new Set(computed.keys()));
      for (const [y, c] of onPage) expect(`${y} ${c}`, s.id).toBe(`${y} ${computed.get(y)}`);
      years += onPage.size;
    }
    expect(years).toBeGreaterThan(folder.stations.length);
  });

  it('/accountability/ shows every row with its status, the chiefs then in post and the recorded action', () => {
    expect(new Set(ledgerRows.keys())).toEqual(new Set(byId.keys()));
    for (const r of published) expectShown('/accountability/', ledger, r);
  });

  it('/accountability/ states the counts of the published data, overall and by township', () => {
    expect(text(ledger)).toContain(countsSentence(published));
    // Each township's section holds exactly the rows of the stations in it.
    const stationTownship = new Map(folder.stations.map((s) => [s.id, townshipOf(folder, s.region) || 'county']));
    const seen = new Set<string>();
    for (const m of ledger.matchAll(/<section aria-labelledby="t-([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)) {
      const rows = [...htmlRows(m[2]!).keys()];
      const inIt = published.filter((r) => stationTownship.get(r.station) === m[1]);
      const n = (s: PublishedRow['status']) => inIt.filter((r) => r.status === s).length;
      expect(new Set(rows), `township ${m[1]}`).toEqual(new Set(inIt.map(publishedId)));
      expect(text(m[2]!), `township ${m[1]}`).toContain(
        `${inIt.length} 项：未见记录 ${n('missing')} 项，尚在期限内 ${n('pending')} 项，已记录 ${n('recorded')} 项。`,
      );
      for (const id of rows) seen.add(id);
    }
    expect(seen.size).toBe(published.length);
  });

  it('/accountability/#actions lists every action of actions.csv under its anchor', () => {
    expect(text(ledger)).toContain(`问责记录（actions.csv）的全部 ${folder.actions.length} 条`);
    const count = new Map<string, number>();
    for (const a of folder.actions) {
      const base = `action-${a.date}-${a.chief}`;
      const n = (count.get(base) ?? 0) + 1;
      count.set(base, n);
      const li = new RegExp(`<li id="${n > 1 ? `${base}-${n}` : base}"[^>]*>([\\s\\S]*?)</li>`).exec(ledger);
      expect(li, base).not.toBeNull();
      expect(text(li![1]!), base).toContain(
        `${dateZh(a.date)}，${chiefName(a.chief)}，${a.kind === 'other' ? '其他问责' : a.kind}`,
      );
    }
  });

  it('every station page shows its own rows, and its counts', () => {
    for (const s of folder.stations) {
      const html = stationPages.get(s.id)!;
      const own = published.filter((r) => r.station === s.id);
      expect(new Set(htmlRows(html).keys()), s.id).toEqual(new Set(own.map(publishedId)));
      for (const r of own) expectShown(`/stations/${s.id}/`, html, r);
      if (own.length) expect(text(html), s.id).toContain(countsSentence(own));
      else expect(text(html), s.id).toContain(`自有监测数据以来，${s.name}没有达到问责条件的连续未达标。`);
    }
  });

  it('every chief page shows exactly the rows that name that chief', () => {
    let withRows = 0;
    for (const id of folder.chiefs.keys()) {
      const html = chiefPages.get(id)!;
      const theirs = published.filter((r) => r.responsible.includes(id) || r.recorded_chief === id);
      expect(new Set(htmlRows(html).keys()), id).toEqual(new Set(theirs.map(publishedId)));
      for (const r of theirs) expectShown(`/chiefs/${id}/`, html, r);
      if (theirs.length === 0) expect(text(html), id).toContain('所负责的监测断面没有达到问责条件的连续未达标');
      else withRows++;
    }
    if (sample) expect(withRows).toBeGreaterThan(5);
  });

  it.runIf(sample)('白沙河河口: the 约谈 and 通报批评 of 2025-06…08 are recorded against 郑志强', () => {
    const html = stationPages.get('baisha-hekou')!;
    const rows = htmlRows(html);
    for (const [id, kind, span, date] of [
      ['acc-baisha-hekou-m-2025-06-2', '约谈', '2025年6月至2025年7月', '2025-08-08'],
      ['acc-baisha-hekou-m-2025-06-3', '通报批评', '2025年6月至2025年8月', '2025-09-10'],
    ] as const) {
      const row = rows.get(id);
      expect(row, id).toBeDefined();
      expect(row!.cells[0], id).toContain(span);
      expect(row!.cells[1], id).toBe(kind);
      expect(row!.status, id).toBe('已记录');
      expect(row!.responsible, id).toContain('zheng-zhiqiang');
      expect(row!.cells.at(-1), id).toContain(`${dateZh(date)}对郑志强${kind}`);
      expect(row!.recordLinks, id).toContain('/chiefs/zheng-zhiqiang/');
      expect(byId.get(id)).toMatchObject({
        status: 'recorded',
        recorded_chief: 'zheng-zhiqiang',
        recorded_date: date,
        recorded_kind: kind,
      });
    }
  });

  it('no page lists a holder of another role (专管员, 民间河长, 总河长 …) as 当时的责任河长', () => {
    // For every row: the people who held a post on the station's water during
    // the run, but only in roles that do not answer for it.
    const others = (r: ExpectedRow) => {
      const s = folder.stations.find((x) => x.id === r.station)!;
      const accountable = new Set(
        accountablePosts(folder, s)
          .filter((a) => overlaps(a, r.from, r.to))
          .map((a) => a.chief),
      );
      return folder.assignments.filter(
        (a) =>
          a.water === s.water &&
          !folder.accountableRoles.includes(a.role) &&
          overlaps(a, r.from, r.to) &&
          !accountable.has(a.chief),
      );
    };
    const pages = new Map<string, string>([
      ['/accountability/', ledger],
      ...[...stationPages].map(([id, html]) => [`/stations/${id}/`, html] as const),
      ...[...chiefPages].map(([id, html]) => [`/chiefs/${id}/`, html] as const),
    ]);
    const excludedRoles = new Set<string>();
    for (const r of expected) {
      const not = others(r);
      for (const a of not) excludedRoles.add(a.role);
      for (const [path, html] of pages) {
        const row = htmlRows(html).get(r.id);
        if (!row) continue;
        for (const a of not)
          expect(row.responsible, `${path} ${r.id}: ${a.chief} is only a ${a.role}`).not.toContain(a.chief);
        for (const label of row.roles) expect(accountableLabels.has(label), `${path} ${r.id}: ${label}`).toBe(true);
      }
    }
    if (sample) {
      // The check bites: the sample's stations with rows have keepers, civic chiefs, patrollers and deputies on their waters.
      for (const role of ['keeper', 'civic_chief', 'patroller', 'deputy_chief'])
        expect(excludedRoles, role).toContain(role);
      // A keeper on the very segment of 白沙河河口 is still not responsible.
      expect(published.some((r) => r.responsible.includes('shao-wenbin'))).toBe(false);
      // 总河长 (and every other non-accountable role) is never among the published responsible.
      const generalChiefs = new Set(folder.assignments.filter((a) => a.role === 'general_chief').map((a) => a.chief));
      expect(generalChiefs.size).toBeGreaterThan(0);
      for (const r of published)
        for (const c of r.responsible) expect(generalChiefs.has(c), `${publishedId(r)}: ${c}`).toBe(false);
    }
  });

  it.runIf(sample)('青山水库取水口: only its 河长 would answer for it, and it has no row', () => {
    const s = folder.stations.find((x) => x.id === 'shuiku-qushuikou')!;
    const posts = accountablePosts(folder, s);
    expect(posts.map((a) => [a.chief, a.role])).toEqual([['liu-haitao', 'chief']]);
    // Others hold posts on the reservoir, but not accountable ones.
    const onWater = folder.assignments.filter((a) => a.water === s.water && a.chief !== 'liu-haitao');
    expect(onWater.map((a) => a.role).sort()).toEqual(['keeper', 'patroller', 'volunteer']);
    expect(published.filter((r) => r.station === s.id)).toEqual([]);
    expect(text(stationPages.get(s.id)!)).toContain('青山水库取水口没有达到问责条件的连续未达标');
    // The rule as the site states it names the same roles.
    const rules = text(/<section aria-labelledby="rules"[^>]*>([\s\S]*?)<\/section>/.exec(ledger)![1]!);
    expect(rules).toContain(`断面所在水体的${[...accountableLabels].join('、')}中`);
  });
});
