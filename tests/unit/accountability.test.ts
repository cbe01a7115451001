/**
 * The accountability rule of the data contract (Version 2): runs of
 * misses, who answered for them at the time, the window in which an action
 * counts, and recorded / missing / pending, each at its edges.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTION_SEVERITY,
  countedYears,
  missRuns,
  requiredActions,
  responsibleFor,
  satisfies,
  type JudgeInput,
  type PeriodResult,
  type Post,
  type RecordedAction,
} from '../../src/lib/accountability.ts';
import { accountablePosts, stationRows } from '../../src/data/accountability.ts';
import type { Db, StationView } from '../../src/data/query.ts';

/** Months from a compact pattern: 'x' missed, 'o' met, '-' no result, '?' a result without class. */
function months(start: string, pattern: string): PeriodResult[] {
  let [y, m] = start.split('-').map(Number) as [number, number];
  const out: PeriodResult[] = [];
  for (const ch of pattern) {
    const period = `${y}-${String(m).padStart(2, '0')}`;
    if (ch !== '-') out.push({ period, meets: ch === 'x' ? false : ch === 'o' ? true : null });
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return out;
}

const act = (date: string, chief: string, kind: string): RecordedAction => ({ date, chief, kind });
const MONTHLY = { 2: '约谈', 3: '通报批评' };

function judge(over: Partial<JudgeInput>): ReturnType<typeof requiredActions> {
  return requiredActions({
    rule: 'monthly',
    results: [],
    levels: MONTHLY,
    posts: [{ chief: 'c1', role: 'chief', start: '2020-01-01', end: null }],
    actions: [],
    asOf: '2026-12-31',
    windowDays: 180,
    ...over,
  });
}

describe('runs of misses', () => {
  it('a met month, a month without a class and a month without results each end a run', () => {
    expect(missRuns(months('2026-01', 'xxoxx?x-xx'))).toEqual([
      { from: '2026-01', to: '2026-02', length: 2 },
      { from: '2026-04', to: '2026-05', length: 2 },
      { from: '2026-07', to: '2026-07', length: 1 },
      { from: '2026-09', to: '2026-10', length: 2 },
    ]);
  });
  it('runs across a new year', () => {
    expect(missRuns(months('2025-11', 'xxx'))).toEqual([{ from: '2025-11', to: '2026-01', length: 3 }]);
  });
  it('years run like months', () => {
    const years = [
      { period: '2023', meets: false },
      { period: '2024', meets: false },
      { period: '2026', meets: false },
    ];
    expect(missRuns(years)).toEqual([
      { from: '2023', to: '2024', length: 2 },
      { from: '2026', to: '2026', length: 1 },
    ]);
  });
});

describe('one row per length the rule names', () => {
  it('a run of 3 yields two rows, a run of 5 still two, a run of 1 none', () => {
    const three = judge({ results: months('2026-01', 'xxx') });
    expect(three.map((r) => [r.from, r.to, r.length, r.required])).toEqual([
      ['2026-01', '2026-02', 2, '约谈'],
      ['2026-01', '2026-03', 3, '通报批评'],
    ]);
    expect(judge({ results: months('2026-01', 'xxxxx') })).toHaveLength(2);
    expect(judge({ results: months('2026-01', 'xoxox') })).toEqual([]);
  });
  it('the window opens the first day after the run reached the length and lasts action_window_days days', () => {
    const [row] = judge({ results: months('2026-01', 'xx'), windowDays: 180 });
    expect(row).toMatchObject({ opens: '2026-03-01', closes: '2026-08-27' });
    const [year] = judge({
      rule: 'yearly',
      levels: { 2: '警告' },
      results: [
        { period: '2024', meets: false },
        { period: '2025', meets: false },
      ],
      windowDays: 1,
    });
    expect(year).toMatchObject({ from: '2024', to: '2025', opens: '2026-01-01', closes: '2026-01-01' });
  });
});

describe('who answers for a run', () => {
  const posts: Post[] = [
    { chief: 'old', role: 'segment_chief', start: '2021-07-01', end: '2026-01-31' },
    { chief: 'new', role: 'segment_chief', start: '2026-02-01', end: null },
    { chief: 'gone', role: 'chief', start: '2020-01-01', end: '2025-12-31' },
  ];
  it('a post overlapping any day of the run: one that starts inside it, one that ends inside it', () => {
    expect(responsibleFor(posts, '2026-01', '2026-02')).toEqual(['old', 'new']);
  });
  it('a post that ended the day before the run began does not answer; one that ended on its first day does', () => {
    expect(responsibleFor(posts, '2026-01', '2026-03')).not.toContain('gone');
    expect(
      responsibleFor([{ chief: 'a', role: 'chief', start: '2020-01-01', end: '2026-01-01' }], '2026-01', '2026-02'),
    ).toEqual(['a']);
  });
  it('a post that starts the day after the run ended does not answer; one that starts on its last day does', () => {
    expect(responsibleFor([{ chief: 'a', role: 'chief', start: '2026-03-01' }], '2026-01', '2026-02')).toEqual([]);
    expect(responsibleFor([{ chief: 'a', role: 'chief', start: '2026-02-28' }], '2026-01', '2026-02')).toEqual(['a']);
  });
  it('each length of a run is judged with the chiefs of that stretch', () => {
    const rows = judge({
      results: months('2026-01', 'xxx'),
      posts: [{ chief: 'late', role: 'chief', start: '2026-03-10' }],
    });
    expect(rows.map((r) => r.responsible)).toEqual([[], ['late']]);
  });
});

describe('recorded, missing, pending', () => {
  const results = months('2026-01', 'xx'); // window 2026-03-01 … 2026-08-27
  it('an action one day before the window does not count; on its first and last day it does', () => {
    expect(judge({ results, actions: [act('2026-02-28', 'c1', '约谈')] })[0]!.status).toBe('missing');
    expect(judge({ results, actions: [act('2026-03-01', 'c1', '约谈')] })[0]!.status).toBe('recorded');
    expect(judge({ results, actions: [act('2026-08-27', 'c1', '约谈')] })[0]!.status).toBe('recorded');
    expect(judge({ results, actions: [act('2026-08-28', 'c1', '约谈')] })[0]!.status).toBe('missing');
  });
  it('missing only once as_of is past the window; pending on its last day and before it opens', () => {
    expect(judge({ results, asOf: '2026-08-28' })[0]!.status).toBe('missing');
    expect(judge({ results, asOf: '2026-08-27' })[0]!.status).toBe('pending');
    expect(judge({ results, asOf: '2026-02-27' })[0]!.status).toBe('pending');
  });
  it('a more severe action counts for a milder one; a milder one does not', () => {
    const severe = judge({ results, actions: [act('2026-04-01', 'c1', '警告')] })[0]!;
    expect(severe).toMatchObject({ status: 'recorded', recorded: { kind: '警告', date: '2026-04-01' } });
    const three = judge({ results: months('2026-01', 'xxx'), actions: [act('2026-04-02', 'c1', '约谈')] });
    expect(three.map((r) => r.status)).toEqual(['recorded', 'missing']);
  });
  it('only an action on a chief who answered for the run counts, and the earliest one is shown', () => {
    expect(judge({ results, actions: [act('2026-04-01', 'someone-else', '免职')] })[0]!.status).toBe('missing');
    const row = judge({ results, actions: [act('2026-05-01', 'c1', '通报批评'), act('2026-04-01', 'c1', '约谈')] })[0]!;
    expect(row.recorded?.date).toBe('2026-04-01');
  });
  it('with nobody in post nothing is recorded, whatever actions.csv holds', () => {
    const row = judge({ results, posts: [], actions: [act('2026-04-01', 'c1', '约谈')] })[0]!;
    expect(row).toMatchObject({ responsible: [], status: 'missing', recorded: null });
  });
  it('orders actions by severity; kinds outside the scale match only themselves', () => {
    expect(ACTION_SEVERITY).toEqual(['约谈', '通报批评', '警告', '免职']);
    expect(satisfies('免职', '约谈')).toBe(true);
    expect(satisfies('约谈', '通报批评')).toBe(false);
    expect(satisfies('other', '约谈')).toBe(false);
    expect(satisfies('书面检查', '书面检查')).toBe(true);
    expect(satisfies('免职', '书面检查')).toBe(false);
  });
});

describe('years that count', () => {
  const spread = (y: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
  it('a complete year with 4 months counts, with 3 it does not', () => {
    expect([...countedYears([...spread('2024', 3), ...spread('2025', 4)], '2026-10-31', 4)]).toEqual(['2025']);
  });
  it('the current year does not count until its 31 December', () => {
    expect(countedYears(spread('2026', 12), '2026-12-30', 4).has('2026')).toBe(false);
    expect(countedYears(spread('2026', 12), '2026-12-31', 4).has('2026')).toBe(true);
  });
  it('several results in one month count once', () => {
    expect(countedYears(['2025-01', '2025-01', '2025-02', '2025-03'], '2026-01-01', 4).size).toBe(0);
  });
});

describe('the posts of a station (data module)', () => {
  // County c; townships t1, t2; village v1 in t1. Water w with segments s1 (t1) and s2 (t2).
  const regions = new Map([
    ['c', { code: 'c', name: '县', level: 'county', parent: undefined }],
    ['t1', { code: 't1', name: '甲镇', level: 'township', parent: 'c' }],
    ['t2', { code: 't2', name: '乙镇', level: 'township', parent: 'c' }],
    ['v1', { code: 'v1', name: '村', level: 'village', parent: 't1' }],
  ]);
  const assignments = [
    { chief: 'county-chief', water: 'w', role: 'chief', start: '2020-01-01' },
    { chief: 'general', water: 'w', role: 'general_chief', start: '2020-01-01' },
    { chief: 'keeper', water: 'w', role: 'keeper', start: '2020-01-01' },
    { chief: 'civic', water: 'w', role: 'civic_chief', start: '2020-01-01' },
    { chief: 'seg1-old', water: 'w', segment: 's1', role: 'segment_chief', start: '2020-01-01', end: '2025-06-30' },
    { chief: 'seg1', water: 'w', segment: 's1', role: 'segment_chief', start: '2025-07-01' },
    { chief: 'seg2', water: 'w', segment: 's2', role: 'segment_chief', start: '2020-01-01' },
  ];
  const monthly = months('2025-05', 'xxx').map((m) => ({ month: m.period, meets: m.meets, class: 'IV' }));
  const station = {
    id: 'st',
    name: '断面',
    water: 'w',
    region: 'v1',
    target_class: 'III',
    monthly,
    yearly: [],
  } as unknown as StationView;
  const db = (roles: string[]) =>
    ({
      site: {
        rules: {
          escalation: { monthly: MONTHLY, yearly: {} },
          accountable_roles: roles,
          min_months_per_year: 4,
          action_window_days: 180,
        },
      },
      asOf: '2026-10-31',
      regions,
      segments: new Map([
        ['s1', { id: 's1', water: 'w', region: 't1' }],
        ['s2', { id: 's2', water: 'w', region: 't2' }],
      ]),
      currentByWater: new Map([['w', assignments.filter((a) => !a.end)]]),
      pastByWater: new Map([['w', assignments.filter((a) => a.end)]]),
      actionsByChief: new Map([['seg1-old', [act('2025-07-15', 'seg1-old', '约谈')]]]),
    }) as unknown as Db;

  it('the chief of the water and the segment chiefs of the segment containing the station, past ones included', () => {
    expect(
      accountablePosts(db(['chief', 'segment_chief']), station)
        .map((p) => p.chief)
        .sort(),
    ).toEqual(['county-chief', 'seg1', 'seg1-old']);
  });
  it('general chiefs, keepers and civic chiefs only when the office names their role', () => {
    expect(accountablePosts(db(['chief', 'segment_chief']), station).map((p) => p.chief)).not.toContain('keeper');
    expect(accountablePosts(db(['keeper']), station).map((p) => p.chief)).toEqual(['keeper']);
  });
  it('rows name the chiefs in post at the time and show the evidence', () => {
    const rows = stationRows(db(['chief', 'segment_chief']), station);
    expect(rows.map((r) => [r.to, r.responsible.sort(), r.status])).toEqual([
      ['2025-06', ['county-chief', 'seg1-old'], 'recorded'],
      ['2025-07', ['county-chief', 'seg1', 'seg1-old'], 'missing'],
    ]);
    expect(rows[0]!.evidence).toEqual([
      { period: '2025-05', class: 'IV' },
      { period: '2025-06', class: 'IV' },
    ]);
  });
});
