import { describe, expect, it } from 'vitest';
import {
  bandRangeEn,
  comparePeriods,
  gradeBands,
  gradeOf,
  gradesText,
  parsePeriod,
  previousPeriod,
  rankingTable,
  rankConflicts,
  rankingWithChanges,
  sharedThresholds,
  sortPeriods,
  type InspectionRecord,
} from '../../src/lib/inspections.ts';
import { DATASETS, datasetCsv, rowsOf } from '../../src/data/opendata.ts';
import type { Db } from '../../src/data/query.ts';

describe('periods', () => {
  it('parses the four forms', () => {
    expect(parsePeriod('2026')).toMatchObject({
      kind: 'year',
      start: '2026-01-01',
      end: '2026-12-31',
      label: '2026年度',
    });
    expect(parsePeriod('2026-H1')).toMatchObject({
      kind: 'half',
      start: '2026-01-01',
      end: '2026-06-30',
      label: '2026年上半年',
    });
    expect(parsePeriod('2026-Q1')).toMatchObject({
      kind: 'quarter',
      index: 1,
      end: '2026-03-31',
      label: '2026年第一季度',
    });
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
      expect(parsePeriod(p), p).toBeNull();
  });
  it('orders by end date, shorter first: a year after its quarters and halves', () => {
    const shuffled = [
      '2026',
      '2026-Q2',
      '2025',
      '2026-H1',
      '2026-03',
      '2026-Q1',
      '2025-Q4',
      '2026-06',
      '2026-H2',
      '2026-Q4',
    ];
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
    expect(rankingWithChanges(rows, '2026-Q2', 'region').map((x) => [x.previous?.id, x.rankUp, x.scoreChange])).toEqual(
      [['a2', 1, 5]],
    );
  });
});

describe('open data /data/inspections.json: the comparison the /inspections/ pages show', () => {
  const row = (
    id: string,
    period: string,
    kind: InspectionRecord['subject_kind'],
    subject: string,
    score: number | null,
    rank: number | null,
    date = '2026-07-20',
  ) => ({
    id,
    period,
    date,
    subject_kind: kind,
    subject,
    score: score ?? undefined,
    rank: rank ?? undefined,
    result: '合格',
  });
  const region = (code: string, name: string, level: string, parent?: string) =>
    [code, { code, name, level, parent }] as const;
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
    expect(ds.fields.map((x) => x.name)).toEqual([
      'id',
      'period',
      'date',
      'subject_kind',
      'subject',
      'subject_name',
      'score',
      'rank',
      'result',
      'document',
      'note',
      ...NEW,
    ]);
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
    expect(byId.get('q1-a')).toMatchObject({
      period_label: '2026年第一季度',
      previous_period: null,
      rank_change: null,
      score_change: null,
    });
    expect(byId.get('q2-c')).toMatchObject({ previous_period: '2026-Q1', rank_change: null, score_change: null });
    expect(byId.get('q2-b-old')).toMatchObject({
      rank: 3,
      previous_period: null,
      rank_change: null,
      score_change: null,
    });
    expect(byId.get('q2-c1')).toMatchObject({
      previous_period: null,
      rank_change: null,
      subject_url: '/chiefs/li-ming/',
    }); // first chief assessment
  });

  it('compares a year with the year before, never with a quarter; a water has its page', () => {
    expect(byId.get('y26-w')).toMatchObject({
      period_label: '2026年度',
      previous_period: '2025',
      rank_change: null,
      score_change: -6,
      subject_url: '/waters/qingxi-he/',
    });
  });

  it('a village has no page, and an unrecognised period no label', () => {
    expect(byId.get('q2-v')).toMatchObject({ subject_url: null, subject_name: '东门村' });
    expect(byId.get('bad')).toMatchObject({ period_label: null, previous_period: null });
  });

  it('the CSV carries the same values, empty for null', () => {
    const [header, ...lines] = datasetCsv(ds, rows)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header!.split(',').slice(-NEW.length)).toEqual(NEW);
    expect(
      lines
        .find((l) => l.startsWith('q2-a,'))!
        .split(',')
        .slice(-NEW.length),
    ).toEqual(['2026年第二季度', '2026-Q1', '2', '8.5', '/regions/880101000000/']);
    expect(
      lines
        .find((l) => l.startsWith('q1-a,'))!
        .split(',')
        .slice(-NEW.length),
    ).toEqual(['2026年第一季度', '', '', '', '/regions/880101000000/']);
  });
});

describe('grades: the band a score falls in', () => {
  const GRADES = { 优秀: 90, 良好: 80, 合格: 60, 不合格: 0 };
  const bands = gradeBands(GRADES);
  const grade = (score: number) => gradeOf(bands, score)?.name ?? null;

  it('orders the grades best first, each up to the next one', () => {
    expect(bands).toEqual([
      { name: '优秀', min: 90, below: null },
      { name: '良好', min: 80, below: 90 },
      { name: '合格', min: 60, below: 80 },
      { name: '不合格', min: 0, below: 60 },
    ]);
    // written in any order, the bands are the same
    expect(gradeBands({ 合格: 60, 优秀: 90, 不合格: 0, 良好: 80 })).toEqual(bands);
  });

  it('a score exactly at a lowest score has that grade; just below, the grade under it', () => {
    expect(grade(90)).toBe('优秀');
    expect(grade(89.99)).toBe('良好');
    expect(grade(80)).toBe('良好');
    expect(grade(79.9)).toBe('合格');
    expect(grade(60)).toBe('合格');
    expect(grade(59.5)).toBe('不合格');
    expect(grade(0)).toBe('不合格');
    expect(grade(100)).toBe('优秀');
  });

  it('a score below every grade has none', () => {
    expect(grade(-1)).toBeNull();
    expect(gradeOf(gradeBands({ 优秀: 90, 合格: 60 }), 59)).toBeNull();
  });

  it('says each range in words with exact ends: 良好 is 80 or more and less than 90', () => {
    expect(gradesText(GRADES)).toBe(
      '90 分及以上为优秀；80 分及以上、低于 90 分为良好；60 分及以上、低于 80 分为合格；低于 60 分为不合格',
    );
    // a lowest grade that does not start at 0 keeps its lowest score
    expect(gradesText({ 达标: 75.5, 基本达标: 60 })).toBe('75.5 分及以上为达标；60 分及以上、低于 75.5 分为基本达标');
    expect(bandRangeEn(bands[1]!)).toBe('80 ≤ score < 90');
    expect(bandRangeEn(bands[0]!)).toBe('score ≥ 90');
  });

  it('finds grades that share a lowest score', () => {
    expect(sharedThresholds(GRADES)).toEqual([]);
    expect(sharedThresholds({ 优秀: 90, 良好: 80, 合格: 80, 基本合格: 80 })).toEqual([
      ['合格', '良好'],
      ['基本合格', '良好'],
    ]);
  });
});

describe('ranks that contradict scores', () => {
  const conflicts = (rows: InspectionRecord[]) => rankConflicts(rows).map((c) => [c.record.id, c.other.id]);

  it('ranks in score order agree, with ties sharing or splitting a rank and gaps in ranks', () => {
    const rows = [
      r('a', '2026-Q2', 'x1', 95, 1),
      r('b', '2026-Q2', 'x2', 90, 2),
      r('c', '2026-Q2', 'x3', 90, 2), // tie sharing rank 2
      r('d', '2026-Q2', 'x4', 85, 4), // gap: no 3rd
      r('e', '2026-Q2', 'x5', 85, 5), // tie split over 4 and 5
      r('f', '2026-Q2', 'x6', 85, 6),
      r('g', '2026-Q2', 'x7', 70, 9),
    ];
    expect(conflicts(rows)).toEqual([]);
    // a tie may split either way round
    expect(conflicts([r('a', '2026', 'x', 80, 2), r('b', '2026', 'y', 80, 1)])).toEqual([]);
    // rows tied at 90 split over 2nd and 3rd: 89 ranked 2nd contradicts the one ranked 3rd
    const split = rankConflicts([
      r('a', '2026', 'x', 95, 1),
      r('b', '2026', 'y', 90, 2),
      r('c', '2026', 'z', 90, 3),
      r('d', '2026', 'w', 89, 2),
    ]);
    expect(split.map((c) => [c.record.id, c.other.id].sort())).toEqual([['c', 'd']]);
  });

  it('a higher score ranked below a lower one is named with the row it contradicts', () => {
    const rows = [
      r('a', '2026-Q2', 'x1', 95, 1),
      r('b', '2026-Q2', 'x2', 88.5, 3), // higher than c, ranked below it
      r('c', '2026-Q2', 'x3', 86, 2),
      r('d', '2026-Q2', 'x4', 79, 4),
    ];
    const got = rankConflicts(rows);
    expect(got).toHaveLength(1);
    // one of the two swapped rows is named, with the other
    expect([got[0]!.record.id, got[0]!.other.id].sort()).toEqual(['b', 'c']);
  });

  it('one misplaced row is the only one named, however many rows it contradicts', () => {
    const rows = [
      r('a', '2026', 'x1', 92, 1),
      r('b', '2026', 'x2', 90, 2),
      r('c', '2026', 'x3', 88, 3),
      r('d', '2026', 'x4', 100, 4), // the best score, ranked last
    ];
    expect(conflicts(rows)).toEqual([['d', 'a']]); // named with the nearest score it is ranked below
    const low = [
      r('a', '2026', 'x1', 92, 1),
      r('b', '2026', 'x2', 50, 2),
      r('c', '2026', 'x3', 88, 3),
      r('d', '2026', 'x4', 85, 4),
    ];
    expect(conflicts(low)).toEqual([['b', 'd']]); // the lowest score ranked 2nd: named with the nearest score it is ranked above
  });

  it('only compares rows of the same period and subject kind, and ignores rows without score or rank', () => {
    const rows = [
      r('a', '2026-Q2', 'x1', 95, 2),
      r('b', '2026-q2', 'x2', 80, 1), // the same period written in lower case
      r('c', '2026-Q3', 'x1', 60, 1),
      r('d', '2026-Q2', 'li', 99, 3, 'chief'),
      r('e', '2026-Q2', 'x3', null, 1),
      r('f', '2026-Q2', 'x4', 99, null),
    ];
    expect(conflicts(rows)).toEqual([['a', 'b']]);
  });

  it('does not judge a row replaced by a later-dated row of the same subject', () => {
    const rows = [
      { ...r('old', '2026-Q2', 'x1', 70, 1), date: '2026-07-01' },
      { ...r('new', '2026-Q2', 'x1', 92, 1), date: '2026-07-20' },
      { ...r('b', '2026-Q2', 'x2', 85, 2), date: '2026-07-20' },
    ];
    expect(conflicts(rows)).toEqual([]);
    expect(conflicts([...rows, { ...r('c', '2026-Q2', 'x3', 95, 3), date: '2026-07-20' }])).toEqual([['c', 'new']]);
  });

  it('names the fewest rows in a scrambled ranking, in input order', () => {
    // scores 100…91 in order; the rows ranked 9th and 3rd are out of place
    const ranks = [1, 2, 9, 4, 5, 6, 7, 3, 8, 10];
    const rows = ranks.map((rank, k) => r(`r${k}`, '2026', `s${k}`, 100 - k, rank));
    const got = rankConflicts(rows);
    expect(got.map((c) => c.record.id)).toEqual(['r2', 'r7']);
    for (const c of got) {
      const [hi, lo] = c.record.score! > c.other.score! ? [c.record, c.other] : [c.other, c.record];
      expect(hi.rank!, `${c.record.id} vs ${c.other.id}`).toBeGreaterThan(lo.rank!);
    }
  });
});
