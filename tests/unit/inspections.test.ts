import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  isValidPeriod,
  parsePeriod,
  previousCalendarPeriod,
  previousPeriod,
  rankingTable,
  rankingWithChanges,
  sortPeriods,
  type InspectionRecord,
} from '../../src/lib/inspections.ts';
import { DATASETS, datasetCsv, rowsOf } from '../../src/data/opendata.ts';
import type { Db } from '../../src/data/query.ts';

describe('periods', () => {
  it('parses the four forms', () => {
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2026-12-31', label: '2026年度' });
    expect(parsePeriod('2026-H1')).toMatchObject({ kind: 'half', start: '2026-01-01', end: '2026-06-30', label: '2026年上半年' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', index: 1, end: '2026-03-31', label: '2026年第一季度' });
    expect(parsePeriod('2026-q3')).toMatchObject({ id: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', end: '2024-02-29', label: '2024年2月' });
  });
  it('parses each text once and shares the frozen result', () => {
    expect(parsePeriod('2026-Q3')).toBe(parsePeriod('2026-Q3'));
    expect(Object.isFrozen(parsePeriod('2026-Q3'))).toBe(true);
    expect(parsePeriod(' 2026-Q3 ')).toEqual(parsePeriod('2026-Q3'));
  });
  it('rejects anything else', () => {
    for (const p of ['2026-Q5', '2026-H3', '2026-13', '26-Q1', '2026Q1', '2026-03-01', ''])
      expect(isValidPeriod(p), p).toBe(false);
  });
  it('orders by end date, shorter first: a year after its quarters and halves', () => {
    const shuffled = ['2026', '2026-Q2', '2025', '2026-H1', '2026-03', '2026-Q1', '2025-Q4', '2026-06', '2026-H2', '2026-Q4'];
    expect(sortPeriods(shuffled)).toEqual([
      '2025-Q4',
      '2025',
      '2026-03',
      '2026-Q1',
      '2026-06',
      '2026-Q2',
      '2026-H1',
      '2026-Q4',
      '2026-H2',
      '2026',
    ]);
  });
  it('merges duplicates and puts invalid periods last', () => {
    expect(sortPeriods(['2026-q1', 'junk', '2026-Q1', '2025'])).toEqual(['2025', '2026-Q1', 'junk']);
    expect(comparePeriods('2026-Q1', '2026-Q1')).toBe(0);
  });
  it('previous calendar period of the same kind', () => {
    expect(previousCalendarPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousCalendarPeriod('2026-Q3')).toBe('2026-Q2');
    expect(previousCalendarPeriod('2026-H1')).toBe('2025-H2');
    expect(previousCalendarPeriod('2026-01')).toBe('2025-12');
    expect(previousCalendarPeriod('2026')).toBe('2025');
    expect(previousCalendarPeriod('x')).toBeNull();
  });
});

const r = (
  id: string,
  period: string,
  subject: string,
  score: number | null,
  rank: number | null,
  kind: InspectionRecord['subject_kind'] = 'region',
): InspectionRecord => ({ id, period, date: '2026-01-01', subject_kind: kind, subject, score, rank, result: '' });

/** Three townships over three quarters and a half-year; one chief result. */
const RESULTS: InspectionRecord[] = [
  r('i1', '2025-Q4', 'qingshi', 88, 2),
  r('i2', '2025-Q4', 'baisha', 92, 1),
  r('i3', '2025-Q4', 'heping', 75, 3),
  r('i4', '2026-Q1', 'qingshi', 95, 1),
  r('i5', '2026-Q1', 'baisha', 90.5, 2),
  // heping missing in 2026-Q1
  r('i6', '2026-Q2', 'heping', 90, null),
  r('i7', '2026-Q2', 'qingshi', 91, 2),
  r('i8', '2026-Q2', 'baisha', 93, 1),
  r('i9', '2026-Q2', 'newtown', null, null),
  r('i10', '2026-H1', 'qingshi', 93, 1),
  r('i11', '2026-Q2', 'chief-li', 80, 1, 'chief'),
];

describe('rankingTable', () => {
  it('orders by rank, then score descending, missing last', () => {
    expect(rankingTable(RESULTS, '2026-Q2', 'region').map((x) => x.subject)).toEqual([
      'baisha',
      'qingshi',
      'heping', // no rank, has a score
      'newtown', // neither
    ]);
  });
  it('equal ranks fall back to score', () => {
    const tie = [r('a', '2026', 'x', 80, 1), r('b', '2026', 'y', 85, 1), r('c', '2026', 'z', 70, 3)];
    expect(rankingTable(tie, '2026').map((x) => x.subject)).toEqual(['y', 'x', 'z']);
  });
  it('filters by subject kind only when asked', () => {
    expect(rankingTable(RESULTS, '2026-Q2')).toHaveLength(5);
    expect(rankingTable(RESULTS, '2026-q2', 'chief').map((x) => x.id)).toEqual(['i11']);
  });
});

describe('changes between periods', () => {
  it('previous period is the latest earlier one of the same kind with results', () => {
    expect(previousPeriod(RESULTS, '2026-Q2', 'region')).toBe('2026-Q1');
    expect(previousPeriod(RESULTS, '2026-Q1', 'region')).toBe('2025-Q4');
    expect(previousPeriod(RESULTS, '2025-Q4', 'region')).toBeNull();
    expect(previousPeriod(RESULTS, '2026-H1', 'region')).toBeNull(); // never a quarter
    expect(previousPeriod(RESULTS, '2026-Q2', 'chief')).toBeNull();
  });
  it('rankingWithChanges: places climbed and score change', () => {
    const rows = rankingWithChanges(RESULTS, '2026-Q2', 'region');
    expect(rows.map((x) => [x.record.subject, x.previousPeriod, x.rankUp, x.scoreChange])).toEqual([
      ['baisha', '2026-Q1', 1, 2.5],
      ['qingshi', '2026-Q1', -1, -4],
      ['heping', '2026-Q1', null, null], // absent in Q1
      ['newtown', '2026-Q1', null, null],
    ]);
  });
});

describe('a subject listed twice in the previous period', () => {
  it('is compared with its later-dated row there', () => {
    const rows = [
      { ...r('a1', '2026-Q1', 'x', 70, 5), date: '2026-04-10' },
      { ...r('a2', '2026-Q1', 'x', 80, 4), date: '2026-04-20' }, // the correction
      r('a3', '2026-Q2', 'x', 85, 3),
    ];
    expect(rankingWithChanges(rows, '2026-Q2', 'region').map((x) => [x.previous?.id, x.rankUp, x.scoreChange])).toEqual([['a2', 1, 5]]);
  });
});

describe('open data /data/inspections.json: the comparison the /inspections/ pages show', () => {
  const row = (id: string, period: string, kind: InspectionRecord['subject_kind'], subject: string, score: number | null, rank: number | null, date = '2026-07-20') =>
    ({ id, period, date, subject_kind: kind, subject, score: score ?? undefined, rank: rank ?? undefined, result: '合格' });
  const region = (code: string, name: string, level: string, parent?: string) => [code, { code, name, level, parent }] as const;
  const inspections = [
    row('q1-a', '2026-Q1', 'region', '880101000000', 80, 5, '2026-04-15'),
    row('q1-b', '2026-Q1', 'region', '880102000000', 92, 1, '2026-04-15'),
    row('q2-a', '2026-q2', 'region', '880101000000', 88.5, 3), // climbed from 5th to 3rd
    row('q2-b', '2026-Q2', 'region', '880102000000', 90.1, 2),
    row('q2-c', '2026-Q2', 'region', '880103000000', 85, 4), // not assessed in Q1
    row('q2-v', '2026-Q2', 'region', '880101001000', 70, 5), // a village: no page of its own
    row('q2-b-old', '2026-Q2', 'region', '880102000000', 89, 3, '2026-07-01'), // replaced by q2-b
    row('y25-w', '2025', 'water', 'qingxi-he', 90, null, '2026-01-20'),
    row('y26-w', '2026', 'water', 'qingxi-he', 84, null, '2027-01-20'),
    row('q2-c1', '2026-Q2', 'chief', 'li-ming', 77, null),
    row('bad', 'Q2', 'chief', 'li-ming', 70, null),
  ];
  const db = {
    inspections,
    regions: new Map([
      region('880100000000', '青禾县', 'county'),
      region('880101000000', '城关镇', 'township', '880100000000'),
      region('880102000000', '白沙镇', 'township', '880100000000'),
      region('880103000000', '桃源乡', 'township', '880100000000'),
      region('880101001000', '东门村', 'village', '880101000000'),
    ]),
    county: { code: '880100000000', name: '青禾县', level: 'county' },
    chiefs: new Map([['li-ming', { id: 'li-ming', name: '李明', position: '城关镇镇长' }]]),
    waters: new Map([['qingxi-he', { id: 'qingxi-he', name: '清溪河' }]]),
  } as unknown as Db;
  const ds = DATASETS.find((d) => d.name === 'inspections')!;
  const rows = rowsOf(db, ds);
  const byId = new Map(rows.map((x) => [x.id, x]));
  const NEW = ['period_label', 'previous_period', 'rank_change', 'score_change', 'subject_url'];

  it('keeps the entered fields first, in order, and adds the computed ones at the end, each described', () => {
    expect(ds.fields.map((x) => x.name)).toEqual(['id', 'period', 'date', 'subject_kind', 'subject', 'subject_name', 'score', 'rank', 'result', 'document', 'note', ...NEW]);
    for (const x of ds.fields) expect(x.description, x.name).toMatch(/\p{Script=Han}/u);
    for (const x of rows) expect(Object.keys(x)).toEqual(ds.fields.map((y) => y.name));
  });

  it('a township that moved from 5th to 3rd has rank_change 2 and its score change against the previous quarter', () => {
    expect(byId.get('q2-a')).toMatchObject({
      period: '2026-q2', // as entered
      period_label: '2026年第二季度',
      subject_name: '城关镇',
      previous_period: '2026-Q1',
      rank_change: 2,
      score_change: 8.5,
      subject_url: '/regions/880101000000/',
    });
    expect(byId.get('q2-b')).toMatchObject({ rank_change: -1, score_change: -1.9 }); // 1st → 2nd; 92 → 90.1 without float noise
  });

  it('is null where the site shows 无上期可比 or 上期未参加, and for a row a later one replaces', () => {
    expect(byId.get('q1-a')).toMatchObject({ period_label: '2026年第一季度', previous_period: null, rank_change: null, score_change: null });
    expect(byId.get('q2-c')).toMatchObject({ previous_period: '2026-Q1', rank_change: null, score_change: null });
    expect(byId.get('q2-b-old')).toMatchObject({ rank: 3, previous_period: null, rank_change: null, score_change: null });
    expect(byId.get('q2-c1')).toMatchObject({ previous_period: null, rank_change: null, subject_url: '/chiefs/li-ming/' }); // first chief assessment
  });

  it('compares a year with the year before, never with a quarter; a water has its page', () => {
    expect(byId.get('y26-w')).toMatchObject({ period_label: '2026年度', previous_period: '2025', rank_change: null, score_change: -6, subject_url: '/waters/qingxi-he/' });
  });

  it('a village has no page, and an unrecognised period no label', () => {
    expect(byId.get('q2-v')).toMatchObject({ subject_url: null, subject_name: '东门村' });
    expect(byId.get('bad')).toMatchObject({ period_label: null, previous_period: null });
  });

  it('the CSV carries the same values, empty for null', () => {
    const [header, ...lines] = datasetCsv(ds, rows).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header!.split(',').slice(-NEW.length)).toEqual(NEW);
    expect(lines.find((l) => l.startsWith('q2-a,'))!.split(',').slice(-NEW.length)).toEqual(['2026年第二季度', '2026-Q1', '2', '8.5', '/regions/880101000000/']);
    expect(lines.find((l) => l.startsWith('q1-a,'))!.split(',').slice(-NEW.length)).toEqual(['2026年第一季度', '', '', '', '/regions/880101000000/']);
  });
});
