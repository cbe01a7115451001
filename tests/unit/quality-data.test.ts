/**
 * src/data/quality.ts and src/data/station.ts against a small hand-built Db:
 * the stations are classed with the same domain functions query.ts uses, so
 * only the indexes of quality.ts and station.ts are under test.
 */
import { describe, expect, it } from 'vitest';
import type { ReadingItem, TargetClass, Waterbody } from '../../src/lib/enums.ts';
import { parseMeasurement } from '../../src/lib/measurement.ts';
import { classifyReading, type ReadingValues } from '../../src/lib/gb3838.ts';
import { consecutiveMisses, consecutiveYearMisses, monthlyResults, yearlyResults } from '../../src/lib/compliance.ts';
import type { Db, StationView } from '../../src/data/query.ts';
import type { Action } from '../../src/schemas/tables.ts';
import { groupByTownship, monthRows, qualityIndex, worstInMonth } from '../../src/data/quality.ts';
import {
  READING_COLUMNS,
  blackOdorousSummary,
  readingRecord,
  stationCsv,
  stationQuality,
} from '../../src/data/station.ts';
import { DATASETS } from '../../src/data/opendata.ts';
import type { StationMonthRow } from '../../src/data/quality.ts';

const RULE = { monthly: { 2: '约谈', 3: '通报批评' }, yearly: { 2: '警告', 3: '免职' } };

function values(v: Partial<Record<ReadingItem, string>>): ReadingValues {
  const out: ReadingValues = {};
  for (const [k, s] of Object.entries(v)) out[k as ReadingItem] = parseMeasurement(s)!;
  return out;
}

/** A station with readings: NH3-N per date decides the class (≤1.0 is III or better). */
function station(
  id: string,
  name: string,
  rows: [string, Partial<Record<ReadingItem, string>>][],
  opts: { target?: TargetClass; responsible?: string[]; waterbody?: Waterbody; actions?: Action[] } = {},
): StationView {
  const target = opts.target ?? 'III';
  const waterbody = opts.waterbody ?? 'river';
  const dated = rows.map(([date, v]) => ({ date, values: values(v) }));
  const classed = dated.map((r) => ({
    station: id,
    date: r.date,
    values: r.values,
    result: classifyReading(r.values, waterbody, target),
  }));
  const monthly = monthlyResults(dated, waterbody, target);
  const yearly = yearlyResults(dated, waterbody, target);
  const responsible = opts.responsible ?? [];
  return {
    id,
    name,
    water: 'w1',
    region: 't1',
    kind: 'county',
    target_class: target,
    waterbody,
    readings: classed,
    latest: classed.at(-1) ?? null,
    monthly,
    yearly,
    runs: {
      monthly: consecutiveMisses(monthly.map((m) => ({ month: m.month, meets: m.meets }))),
      yearly: consecutiveYearMisses(yearly.map((y) => ({ year: y.year, meets: y.meets }))),
    },
  } as unknown as StationView;
}

function db(stations: StationView[], actions: Action[] = []): Db {
  const byChief = new Map<string, Action[]>();
  for (const a of [...actions].sort((x, y) => y.date.localeCompare(x.date))) {
    const l = byChief.get(a.chief);
    if (l) l.push(a);
    else byChief.set(a.chief, [a]);
  }
  return {
    site: {
      rules: {
        escalation: RULE,
        accountable_roles: ['chief', 'segment_chief'],
        min_months_per_year: 4,
        action_window_days: 180,
      },
    },
    townships: [{ code: 't1', name: '城关镇', level: 'township' }],
    currentByWater: new Map(),
    pastByWater: new Map(),
    segments: new Map(),
    actions,
    asOf: '2026-10-31',
    stations: new Map(stations.map((s) => [s.id, s])),
    waters: new Map([['w1', { id: 'w1', name: '清溪河' }]]),
    regions: new Map([['t1', { code: 't1', name: '城关镇' }]]),
    townshipOf: (code: string) => (code === 't1' ? 't1' : null),
    chiefs: new Map([
      ['c1', { id: 'c1', name: '张三', position: '城关镇镇长' }],
      ['c2', { id: 'c2', name: '李四', position: '副镇长' }],
    ]),
    actionsByChief: byChief,
    documents: new Map(),
  } as unknown as Db;
}

const act = (date: string, chief: string, kind: string): Action =>
  ({ date, chief, kind, reason: '', document: undefined }) as unknown as Action;

const good = { nh3n: '0.4' };
const bad = { nh3n: '1.4' };

describe('qualityIndex', () => {
  const a = station('a', '甲断面', [
    ['2026-07-10', good],
    ['2026-09-10', bad],
    ['2026-10-10', bad],
  ]);
  const b = station('b', '乙断面', [
    ['2026-08-10', good],
    ['2026-10-10', good],
  ]);
  const d = db([a, b]);

  it('lists every month from the first to the latest, gaps included', () => {
    const q = qualityIndex(d);
    expect(q.months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    expect(q.latestMonth).toBe('2026-10');
  });
  it('gives every month with a result a page, newest first, and no month without one', () => {
    const q = qualityIndex(d);
    expect(q.pageMonths).toEqual(['2026-10', '2026-09', '2026-08', '2026-07']);
    // three years of monthly results: 36 pages, not the last 12
    const long = Array.from(
      { length: 36 },
      (_, i) =>
        [`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`, good] as [string, typeof good],
    );
    const gap = station('g', '丁断面', [...long.slice(0, 20), ...long.slice(21)]);
    const pages = qualityIndex(db([gap])).pageMonths;
    expect(pages).toHaveLength(35);
    expect(pages[0]).toBe('2026-12');
    expect(pages.at(-1)).toBe('2024-01');
    expect(pages).not.toContain('2025-09');
  });
  it('computes the share meeting target per month', () => {
    const q = qualityIndex(d);
    expect(q.shares.map((s) => [s.month, s.reported, s.meeting])).toEqual([
      ['2026-07', 1, 1],
      ['2026-08', 1, 1],
      ['2026-09', 1, 0],
      ['2026-10', 2, 1],
    ]);
    expect(q.byMonth.get('2026-10')?.get('a')).toMatchObject({ class: 'IV', meets: false });
  });
  it('is memoised per Db', () => {
    expect(qualityIndex(d)).toBe(qualityIndex(d));
    expect(qualityIndex(db([a]))).not.toBe(qualityIndex(d));
  });
  it('gives a row per station for a month with failing items and the current run', () => {
    const rows = monthRows(d, '2026-10');
    expect(rows.map((r) => [r.station.id, r.class, r.meets, r.run])).toEqual([
      ['a', 'IV', false, 2],
      ['b', 'II', true, 0],
    ]);
    expect(rows[0]!.failing).toEqual([{ item: 'nh3n', label: '氨氮', text: '超标 0.4 倍' }]);
    expect(rows[0]!.township).toEqual({ code: 't1', name: '城关镇' });
    const july = monthRows(d, '2026-07');
    expect(july.find((r) => r.station.id === 'b')).toMatchObject({ class: null, meets: null, failing: [] });
    expect(monthRows(d, '2026-10')).toBe(rows);
  });
  it('judges a month with several readings on the worst of them, and describes that one', () => {
    const c = station('c', '丙断面', [
      ['2026-10-01', { nh3n: '0.6' }],
      ['2026-10-15', { nh3n: '1.8', tp: '0.25' }],
      ['2026-10-28', { nh3n: '0.9' }],
    ]);
    const rows = monthRows(db([c]), '2026-10');
    // The mean (NH3-N 1.1) would be IV too, but 0.1 over; the worst result is V (NH3-N 1.8).
    expect(rows[0]).toMatchObject({ class: 'V', meets: false, date: '2026-10-15', results: 3 });
    expect(rows[0]!.failing.map((f) => [f.item, f.text])).toEqual([
      ['nh3n', '超标 0.8 倍'],
      ['tp', '超标 0.25 倍'],
    ]);
    expect(rows[0]!.pollutants.map((p) => p.text)).toEqual(['氨氮（超Ⅲ类标准 0.8 倍）', '总磷（超Ⅲ类标准 0.25 倍）']);
  });
  it('a month that meets its target on a worst result still shows main pollutants worse than class III', () => {
    const e = station(
      'e',
      '戊断面',
      [
        ['2026-10-03', { cod: '16' }],
        ['2026-10-20', { cod: '26', do: '4' }],
      ],
      { target: 'IV' },
    );
    const [row] = monthRows(db([e]), '2026-10');
    expect(row).toMatchObject({ class: 'IV', meets: true, date: '2026-10-20', failing: [] });
    expect(row!.pollutants.map((p) => p.text)).toEqual([
      '化学需氧量（超Ⅲ类标准 0.3 倍）',
      '溶解氧（4 mg/L，低于Ⅲ类标准 5 mg/L）',
    ]);
  });
});

describe('worstInMonth', () => {
  it('takes the worst class of the month, the latest of them on a tie', () => {
    const s = station('w', '己断面', [
      ['2026-09-30', { nh3n: '1.9' }],
      ['2026-10-02', { nh3n: '1.2' }],
      ['2026-10-09', { nh3n: '0.2' }],
      ['2026-10-20', { nh3n: '1.4' }],
      ['2026-10-30', { temp: '14' }],
    ]);
    expect(worstInMonth(s, '2026-10')?.date).toBe('2026-10-20');
    expect(worstInMonth(s, '2026-09')?.date).toBe('2026-09-30');
    expect(worstInMonth(s, '2026-08')).toBeNull();
    // the month's class is the class of that result
    expect(s.monthly.find((m) => m.month === '2026-10')).toMatchObject({
      class: worstInMonth(s, '2026-10')!.result.class,
    });
  });
});

describe('groupByTownship', () => {
  const row = (id: string, township: string | null, cls: string | null, meets: boolean | null) =>
    ({
      station: { id },
      township: township ? { code: township, name: `${township}镇` } : null,
      class: cls,
      meets,
    }) as unknown as StationMonthRow;
  const rows = [
    row('a', 't2', 'II', true),
    row('b', null, 'IV', false),
    row('c', 't1', 'IV', false),
    row('d', 't2', null, null),
    row('e', 't1', 'III', true),
  ];

  it("groups rows in the townships' order, keeping row order, with stations outside every township last", () => {
    const groups = groupByTownship(rows, [{ code: 't1' }, { code: 't3' }, { code: 't2' }]);
    expect(groups.map((g) => [g.township?.code ?? null, g.rows.map((r) => r.station.id)])).toEqual([
      ['t1', ['c', 'e']],
      ['t2', ['a', 'd']],
      [null, ['b']],
    ]);
  });
  it('counts the stations with a result and those meeting target in each township', () => {
    const groups = groupByTownship(rows, [{ code: 't1' }, { code: 't2' }]);
    expect(groups.map((g) => [g.township?.name ?? null, g.reported, g.meeting])).toEqual([
      ['t1镇', 2, 1],
      ['t2镇', 1, 1],
      [null, 1, 0],
    ]);
  });
  it('keeps a township missing from the list, after the listed ones', () => {
    expect(groupByTownship(rows, [{ code: 't2' }]).map((g) => g.township?.code ?? null)).toEqual(['t2', 't1', null]);
  });
});

describe('stationQuality', () => {
  const s = station('a', '甲', [
    ['2026-09-10', { ph: '7.2', do: '6.1', nh3n: '1.4', hg: '0.00004L', cu: '0.002', temp: '20' }],
    ['2026-10-10', { ph: '7.4', do: '4.2', nh3n: '0.3', hg: '0.00004L', cu: '0.003', temp: '18' }],
  ]);
  const q = stationQuality(db([s]), 'a');

  it('lists the latest result item by item with limits and failures', () => {
    const dO = q.latestItems.find((i) => i.item === 'do')!;
    expect(dO).toMatchObject({
      class: 'IV',
      classLimit: '≥ 3',
      targetLimit: '≥ 5',
      fails: true,
      shortfall: '低于Ⅲ类限值 5 mg/L',
    });
    const hg = q.latestItems.find((i) => i.item === 'hg')!;
    expect(hg).toMatchObject({ written: '0.00004L', belowLimit: true, fails: false });
    const temp = q.latestItems.find((i) => i.item === 'temp')!;
    expect(temp).toMatchObject({ class: null, classLimit: null, targetLimit: null, deciding: false });
  });
  it('charts routine items and says why others have no chart', () => {
    expect(q.charts.map((c) => c.item)).toEqual(['ph', 'do', 'nh3n']);
    expect(q.alwaysMet).toEqual(['cu']);
    expect(q.belowDetection).toEqual(['hg']);
    expect(q.unclassed).toEqual(['temp']);
    expect(q.charts[2]!.spec.series[0]!.flagged).toEqual([0]);
  });
  it('gives the last 12 months up to as_of and the record over them, linking months that have a page', () => {
    expect(q.recent).toHaveLength(12);
    expect(q.recent.at(-1)).toMatchObject({ month: '2026-10', class: 'IV', meets: false, href: '/quality/2026-10/' });
    expect(q.recent.at(-3)).toMatchObject({ month: '2026-08', class: null, href: null });
    expect(q.recentSummary.text).toBe('近12个月0次达标（2个月有监测结果）');
    // The year's mean (DO 5.15, NH3-N 0.85) is class III although no single month was.
    expect(q.yearly).toEqual([{ year: '2026', class: 'III', meets: true, readings: 2 }]);
  });
});

describe('stationCsv', () => {
  it('writes a BOM, the open-data columns and values as written', () => {
    const s = station('a', '甲', [['2026-10-10', { nh3n: '1.4', hg: '0.00004L' }]]);
    const csv = stationCsv(s);
    expect(
      csv.startsWith('\uFEFFstation,date,class,meets_target,failing_items,main_pollutants,black_odorous,ph,do,'),
    ).toBe(true);
    const [, row] = csv.slice(1).split('\r\n');
    const cells = row!.split(',');
    expect(cells.slice(0, 7)).toEqual(['a', '2026-10-10', 'IV', 'false', 'nh3n', 'nh3n', 'none']);
    expect(cells).toContain('0.00004L');
    expect(cells).toContain('1.4');
  });

  it('lists main pollutants worst first, `;`-joined, as readings.json does', () => {
    // target IV: TP 0.45 (劣V) and COD 26 (IV) are main pollutants although only TP fails the target
    const s = station('b', '乙', [['2026-10-10', { cod: '26', tp: '0.45' }]], { target: 'IV' });
    const [, row] = stationCsv(s).slice(1).split('\r\n');
    const cells = row!.split(',');
    expect(cells.slice(0, 7)).toEqual(['b', '2026-10-10', '劣V', 'false', 'tp', 'tp;cod', '']);
    expect(readingRecord(s.readings[0]!)).toMatchObject({
      failing_items: ['tp'],
      main_pollutants: ['tp', 'cod'],
      black_odorous: null,
    });
  });

  it('has the columns of the readings dataset of the open data', () => {
    const readings = DATASETS.find((d) => d.name === 'readings')!;
    expect(readings.fields.map((f) => f.name)).toEqual([...READING_COLUMNS]);
  });
});

describe('blackOdorousSummary', () => {
  const four = (t: string, d: string, o: string, n: string) => ({ transparency_cm: t, do: d, orp_mv: o, nh3n: n });

  it('is null unless the results measure all four items', () => {
    const s = station('a', '甲', [['2026-07-10', { transparency_cm: '20', do: '1.5', nh3n: '9' }]]);
    expect(blackOdorousSummary(s.readings)).toBeNull();
    expect(stationQuality(db([s]), 'a').blackOdorous).toBeNull();
  });

  it('counts light and heavy results and names the latest one, newest first', () => {
    const s = station('a', '甲', [
      ['2024-07-10', four('21', '0.9', '-85', '9.9')],
      ['2024-08-10', four('8', '0.5', '-150', '11')],
      ['2025-07-10', four('22', '1.2', '-60', '8.5')],
      ['2025-12-10', four('60', '7', '150', '0.5')],
      ['2026-01-10', { transparency_cm: '55', do: '8' }],
    ]);
    const b = blackOdorousSummary(s.readings)!;
    expect(b.rows.map((r) => [r.date, r.grade])).toEqual([
      ['2026-01-10', 'none'],
      ['2025-12-10', 'none'],
      ['2025-07-10', 'light'],
      ['2024-08-10', 'heavy'],
      ['2024-07-10', 'light'],
    ]);
    expect(b.rows[0]!.values).toEqual({ transparency_cm: '55', do: '8', orp_mv: '', nh3n: '' });
    expect([b.light, b.heavy]).toEqual([2, 1]);
    expect(b.text).toBe(
      '2024年以来 5 次监测中，有 2 次达到轻度黑臭，1 次达到重度黑臭；最近一次为2025年7月10日（轻度黑臭）。最近一次监测（2026年1月10日）为无黑臭。',
    );
  });

  it('says so when no result was black-odorous', () => {
    const s = station('a', '甲', [['2025-07-10', four('60', '7', '150', '0.5')]]);
    expect(blackOdorousSummary(s.readings)!.text).toBe('2025年以来 1 次监测中，没有一次达到黑臭水体的标准。');
  });

  it('gives each result of the station page its grade and main pollutants', () => {
    const s = station(
      'a',
      '甲',
      [
        ['2024-07-10', { ...four('21', '0.9', '-85', '9.9'), tp: '0.5' }],
        ['2024-08-10', { cod: '12' }],
      ],
      { target: 'IV' },
    );
    const q = stationQuality(db([s]), 'a');
    expect(q.results.map((r) => [r.date, r.class, r.blackOdorous, r.pollutants.map((p) => p.text)])).toEqual([
      ['2024-08-10', 'I', null, []],
      [
        '2024-07-10',
        '劣V',
        'light',
        ['氨氮（超Ⅲ类标准 8.9 倍）', '总磷（超Ⅲ类标准 1.5 倍）', '溶解氧（0.9 mg/L，低于Ⅲ类标准 5 mg/L）'],
      ],
    ]);
  });
});
