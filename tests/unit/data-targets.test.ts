/**
 * src/data/targets.ts: each plan target with the value the site computes
 * from its own data when the target names a metric, and its state judged
 * on that value.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { Target } from '../../src/schemas/tables.ts';
import { metricSources, targetViews, viewsOf } from '../../src/data/targets.ts';
import { AS_OF, caseMaps, caseView, roster, stationMaps, stationView } from '../helpers/db.ts';

const target = (id: string, over: Partial<Target>) =>
  ({
    id,
    name: id,
    unit: '%',
    direction: 'up',
    baseline: 50,
    baseline_date: '2025-12-31',
    target: 90,
    deadline: '2026-12-31',
    current: 60,
    current_date: '2026-09-30',
    ...over,
  }) as Target;

const TARGETS = [
  target('mb-01', { name: '河湖“四乱”问题销号率', metric: 'cases_closed', current: 95 }),
  target('mb-02', { name: '河长巡河履职率', metric: 'patrol_rate:2026', current: 74.6 }),
  target('mb-03', {
    name: '新建生态缓冲带',
    unit: '公里',
    baseline: 0,
    target: 12,
    current: 12,
    current_date: '2026-08-31',
  }),
  target('mb-04', { name: '断面水质优良比例', metric: 'stations_good', current: 50 }),
  target('mb-05', { name: '2027年巡河履职率', metric: 'patrol_rate:2027', current: 80, current_date: '2026-10-01' }),
];

/** Months asked of patrolsOver, and its answer: 4 required and 3 credited a month. */
const asked: string[][] = [];
function db(targets: Target[], withStations = true): Db {
  const idx = roster();
  const cases = [
    caseView({ id: 'c1', found: '2026-02-01', deadline: '2026-04-30' }, [
      ['2026-02-01', 'reported'],
      ['2026-03-01', 'closed'],
    ]),
    caseView({ id: 'c2', found: '2026-03-01', deadline: '2026-05-31' }, [
      ['2026-03-01', 'reported'],
      ['2026-06-10', 'closed'],
    ]),
    caseView({ id: 'c3', found: '2026-09-01', deadline: '2026-12-31' }),
  ];
  const stations = withStations
    ? [
        stationView({ id: 's1', name: '东岗桥' }, [['2026-10-10', '0.4']]),
        stationView({ id: 's2', name: '老闸' }, [['2026-10-12', '1.4']]),
      ]
    : [];
  const patrolsOver = (months: readonly string[]) => {
    asked.push([...months]);
    return { totals: { required: 4 * months.length, credited: 3 * months.length } };
  };
  return {
    ...idx,
    asOf: AS_OF,
    targets,
    ...caseMaps(cases),
    ...stationMaps(idx, stations),
    patrolsOver,
  } as unknown as Db;
}

describe('targetViews', () => {
  const views = targetViews(db(TARGETS));

  it('keeps the order of targets.csv', () => {
    expect([...views.keys()]).toEqual(['mb-01', 'mb-02', 'mb-03', 'mb-04', 'mb-05']);
  });
  it("judges a target on the computed value, dated as_of, and flags the office's differing figure", () => {
    const v = views.get('mb-01')!;
    expect(v.computed).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(v).toMatchObject({ value: 66.7, valueDate: AS_OF, current: 95, differs: true });
    // 95 would be achieved; 66.7 is 42 % of the way with 83 % of the time gone
    expect(v.status.state).toBe('behind');
  });
  it('counts patrols over the months of the year up to as_of, as the patrol pages do', () => {
    const v = views.get('mb-02')!;
    expect(v.computed).toMatchObject({ value: 75, numerator: 30, denominator: 40 });
    expect(asked).toContainEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    // 74.6 is within 0.5 of 75: not a difference worth flagging
    expect(v.differs).toBe(false);
  });
  it("a target without a metric is judged on the office's figure and date", () => {
    expect(views.get('mb-03')).toMatchObject({
      computed: null,
      value: 12,
      valueDate: '2026-08-31',
      differs: false,
      status: { state: 'achieved' },
    });
  });
  it('computes station metrics from the latest results', () => {
    expect(views.get('mb-04')!.computed).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });
  it("with nothing to count, the office's figure stands", () => {
    expect(views.get('mb-05')).toMatchObject({
      computed: { value: null },
      value: 80,
      valueDate: '2026-10-01',
      differs: false,
    });
    const noStations = targetViews(db(TARGETS, false)).get('mb-04')!;
    expect(noStations).toMatchObject({
      computed: { value: null, withoutResult: 0 },
      value: 50,
      valueDate: '2026-09-30',
    });
  });
  it('is computed once per Db; viewsOf gives the same views in the order asked', () => {
    const d = db(TARGETS);
    const all = targetViews(d);
    expect(targetViews(d)).toBe(all);
    const some = viewsOf(d, [TARGETS[3]!, TARGETS[0]!]);
    expect(some.map((v) => v.id)).toEqual(['mb-04', 'mb-01']);
    expect(some[1]).toBe(all.get('mb-01'));
  });
});

describe('metricSources', () => {
  it('reads cases with their computed state, and results with their class', () => {
    const src = metricSources(db([]));
    expect(src.asOf).toBe(AS_OF);
    expect(src.cases.map((c) => [c.status, c.closedOn])).toEqual([
      ['closed', '2026-03-01'],
      ['closed', '2026-06-10'],
      ['reported', null],
    ]);
    expect(src.stations.map((s) => s.results)).toEqual([
      [{ date: '2026-10-10', class: 'II', meetsTarget: true }],
      [{ date: '2026-10-12', class: 'IV', meetsTarget: false }],
    ]);
  });
});
