/**
 * src/data/patrols.ts: patrol compliance by township and month as the
 * /patrols/ pages show it, from the same patrolCompliance the query module
 * computes (src/lib/patrols.ts), over the 12 months to as_of.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { Chief } from '../../src/schemas/tables.ts';
import { patrolIndex } from '../../src/data/patrols.ts';
import { patrolCompliance, type PatrolCell, type PatrolChief, type PatrolRecord } from '../../src/lib/patrols.ts';
import { addMonths, listMonths } from '../../src/lib/dates.ts';
import { AS_OF, BAISHA, BAISHA_CUN, CHENGGUAN, COUNTY, DONGGANG, roster } from '../helpers/db.ts';

const MONTHS = listMonths('2025-11', '2026-10');
const RULE = { county: 1, township: 1, village: 4 };

const chief = (id: string, name: string, position: string, region: string) =>
  ({ id, name, position, region, phone: '0000-6120200', verified: '2026-09-30' }) as Chief;
const CHIEFS = [
  chief('zhou', '周文', '县长', COUNTY),
  chief('zhang', '张伟', '城关镇镇长', CHENGGUAN),
  chief('wang', '王强', '东岗村党支部书记', DONGGANG),
  chief('li', '李娜', '白沙镇镇长', BAISHA),
  chief('chen', '陈刚', '白沙村村主任', BAISHA_CUN),
];

/** Patrols done each month: `count` everywhere except the months given. */
const done = (
  chiefId: string,
  months: readonly string[],
  count: number,
  except: Record<string, number> = {},
): PatrolRecord[] => months.map((month) => ({ chief: chiefId, month, count: except[month] ?? count }));

function db(owing: PatrolChief[], records: PatrolRecord[]): Db {
  const pc = patrolCompliance(records, owing, MONTHS, RULE);
  const patrolCellsByChief = new Map<string, PatrolCell[]>();
  for (const c of pc.cells) patrolCellsByChief.set(c.chief, [...(patrolCellsByChief.get(c.chief) ?? []), c]);
  return { ...roster({ chiefs: CHIEFS }), asOf: AS_OF, patrolCompliance: pc, patrolCellsByChief } as unknown as Db;
}

const owing: PatrolChief[] = [
  // listed out of order: the index orders the county first, then townships by code
  { id: 'li', level: 'township', region: BAISHA, months: listMonths('2026-06', '2026-10') },
  { id: 'zhang', level: 'township', region: CHENGGUAN, months: MONTHS },
  { id: 'wang', level: 'village', region: CHENGGUAN, months: MONTHS },
  { id: 'zhou', level: 'county', region: COUNTY, months: MONTHS },
  // a post that ended before the 12 months: nothing owed
  { id: 'chen', level: 'village', region: '990102009000', months: [] },
];
const records = [
  ...done('zhou', MONTHS, 2),
  ...done('zhang', MONTHS, 1, { '2026-02': 0 }),
  // four a month owed: two short in February, one in October
  ...done('wang', MONTHS, 4, { '2026-02': 2, '2026-10': 3 }),
  ...done('li', listMonths('2026-06', '2026-10'), 1),
];
const idx = patrolIndex(db(owing, records));

describe('patrolIndex', () => {
  it('covers the 12 months to as_of', () => {
    expect(idx.months).toEqual(MONTHS);
    expect(idx.months[0]).toBe(addMonths('2026-10', -11));
  });
  it('lists the county-level chiefs first, then townships by code; a region owing nothing has no group', () => {
    expect(idx.groups.map((g) => [g.code, g.name, g.chiefs, g.chiefsShort])).toEqual([
      [COUNTY, '示例县（县级河长）', 1, 0],
      [CHENGGUAN, '城关镇', 2, 2],
      [BAISHA, '白沙镇', 1, 0],
    ]);
    expect(idx.byCode.has('990102009000')).toBe(false);
  });
  it("shows a township's short month with who fell short and how many patrols are missing", () => {
    const cg = idx.byCode.get(CHENGGUAN)!;
    const feb = cg.months.find((m) => m.month === '2026-02')!;
    expect(feb.owing).toBe(2);
    expect(feb.short.map((c) => [c.chief, c.required, c.done])).toEqual([
      ['zhang', 1, 0],
      ['wang', 4, 2],
    ]);
    expect(feb.missing).toBe(3);
    expect(cg.months.find((m) => m.month === '2026-10')).toMatchObject({ owing: 2, missing: 1 });
    expect(cg.months.find((m) => m.month === '2026-05')).toMatchObject({ owing: 2, short: [], missing: 0 });
    // 张伟 11 of 12 (1 a month), 王强 45 of 48 (4 a month)
    expect(cg).toMatchObject({ required: 60, done: 56, credited: 56, shortMonths: 3 });
  });
  it('lists the chiefs who fell short, most short months first, with their short months', () => {
    const cg = idx.byCode.get(CHENGGUAN)!;
    expect(
      cg.shortChiefs.map((c) => [c.chief, c.name, c.position, c.level, c.shortMonths, c.cells.map((x) => x.month)]),
    ).toEqual([
      ['wang', '王强', '东岗村党支部书记', 'village', 2, ['2026-02', '2026-10']],
      ['zhang', '张伟', '城关镇镇长', 'township', 1, ['2026-02']],
    ]);
    expect(idx.byCode.get(COUNTY)!.shortChiefs).toEqual([]);
  });
  it('a chief who served part of the year owes only those months', () => {
    const bs = idx.byCode.get(BAISHA)!;
    expect(bs.months.filter((m) => m.owing > 0).map((m) => m.month)).toEqual(listMonths('2026-06', '2026-10'));
    expect(bs).toMatchObject({ required: 5, done: 5, rate: 1 });
  });
  it('totals each month over the whole area', () => {
    expect(idx.totals.find((t) => t.month === '2026-02')).toEqual({ month: '2026-02', owing: 3, short: 2, missing: 3 });
    expect(idx.totals.find((t) => t.month === '2026-07')).toEqual({ month: '2026-07', owing: 4, short: 0, missing: 0 });
  });
  it('is built once per Db', () => {
    const d = db(owing, records);
    expect(patrolIndex(d)).toBe(patrolIndex(d));
  });
});
