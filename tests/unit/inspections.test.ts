import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  history,
  isValidPeriod,
  parsePeriod,
  previousCalendarPeriod,
  previousPeriod,
  rankingTable,
  rankingWithChanges,
  sortPeriods,
  type InspectionRecord,
} from '../../src/lib/inspections.ts';

describe('periods', () => {
  it('parses the four forms', () => {
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2026-12-31', label: '2026年度' });
    expect(parsePeriod('2026-H1')).toMatchObject({ kind: 'half', start: '2026-01-01', end: '2026-06-30', label: '2026年上半年' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', index: 1, end: '2026-03-31', label: '2026年第一季度' });
    expect(parsePeriod('2026-q3')).toMatchObject({ id: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', end: '2024-02-29', label: '2024年2月' });
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
  it('history of a subject across periods', () => {
    const h = history(RESULTS, 'region', 'qingshi');
    expect(h.map((x) => [x.record.period, x.previousPeriod, x.rankUp, x.scoreChange])).toEqual([
      ['2025-Q4', null, null, null],
      ['2026-Q1', '2025-Q4', 1, 7],
      ['2026-Q2', '2026-Q1', -1, -4],
      ['2026-H1', null, null, null],
    ]);
  });
  it('a subject missing in the previous period has nothing to compare with', () => {
    const h = history(RESULTS, 'region', 'heping');
    expect(h.map((x) => [x.record.period, x.previous?.id ?? null, x.scoreChange])).toEqual([
      ['2025-Q4', null, null],
      ['2026-Q2', null, null],
    ]);
  });
});
