import { describe, expect, it } from 'vitest';
import {
  monthsServed,
  PATROL_ROLES,
  patrolCompliance,
  patrolTerms,
  required,
  townshipOf,
  type PatrolChief,
  type PatrolRecord,
  type PatrolRule,
} from '../../src/lib/patrols.ts';

const RULE: PatrolRule = { county: 1, township: 1, village: 4 };
const MONTHS = ['2026-01', '2026-02', '2026-03'];

/** Township 990101 has a township chief and two village chiefs; the county chief stands alone. */
const CHIEFS: PatrolChief[] = [
  { id: 'county-wang', level: 'county', region: '990100', months: MONTHS },
  { id: 'qs-li', level: 'township', region: '990101', months: MONTHS },
  { id: 'qs-v1-zhao', level: 'village', region: '990101', months: MONTHS },
  // took up the post in February
  { id: 'qs-v2-chen', level: 'village', region: '990101', months: ['2026-02', '2026-03'] },
];

const RECORDS: PatrolRecord[] = [
  { chief: 'county-wang', month: '2026-01', count: 1 },
  { chief: 'county-wang', month: '2026-02', count: 2 },
  { chief: 'county-wang', month: '2026-03', count: 1 },
  { chief: 'qs-li', month: '2026-01', count: 1 },
  // qs-li: no row for February → 0 done
  { chief: 'qs-li', month: '2026-03', count: 1 },
  { chief: 'qs-v1-zhao', month: '2026-01', count: 6 }, // extra does not carry over
  { chief: 'qs-v1-zhao', month: '2026-02', count: 2 }, // short by 2
  { chief: 'qs-v1-zhao', month: '2026-03', count: 4 },
  { chief: 'qs-v2-chen', month: '2026-01', count: 3 }, // before the post: unmatched
  { chief: 'qs-v2-chen', month: '2026-02', count: 2 }, // two rows in a month are added up
  { chief: 'qs-v2-chen', month: '2026-02', count: 2 },
  { chief: 'qs-v2-chen', month: '2026-03', count: 4 },
  { chief: 'nobody', month: '2026-03', count: 4 }, // unknown chief
];

describe('required', () => {
  it('reads rules.patrol_per_month by level', () => {
    expect(required('county', RULE)).toBe(1);
    expect(required('township', RULE)).toBe(1);
    expect(required('village', RULE)).toBe(4);
  });
  it('a level the rule leaves out owes nothing', () => {
    expect(required('village', { county: 1 })).toBe(0);
    expect(required('village', { village: -2 })).toBe(0);
  });
});

describe('patrolCompliance', () => {
  const r = patrolCompliance(RECORDS, CHIEFS, MONTHS, RULE);
  const cell = (chief: string, month: string) => r.cells.find((c) => c.chief === chief && c.month === month);

  it('one cell per chief per served month', () => {
    expect(r.cells).toHaveLength(3 + 3 + 3 + 2);
    expect(cell('qs-v2-chen', '2026-01')).toBeUndefined();
  });

  it('a served month without a record counts as 0 done and is short', () => {
    expect(cell('qs-li', '2026-02')).toEqual({
      chief: 'qs-li',
      month: '2026-02',
      required: 1,
      done: 0,
      short: true,
      missing: 1,
    });
  });

  it('fewer patrols than required is short; exactly the number is not', () => {
    expect(cell('qs-v1-zhao', '2026-02')).toMatchObject({ required: 4, done: 2, short: true, missing: 2 });
    expect(cell('qs-v1-zhao', '2026-03')).toMatchObject({ required: 4, done: 4, short: false, missing: 0 });
  });

  it('adds up several rows of one month', () => {
    expect(cell('qs-v2-chen', '2026-02')).toMatchObject({ done: 4, short: false });
  });

  it('chief totals: rate is capped per month', () => {
    const zhao = r.byChief.find((c) => c.chief === 'qs-v1-zhao')!;
    // 6 + 2 + 4 = 12 done against 12 required, but January's surplus does not cover February
    expect(zhao).toMatchObject({ months: 3, required: 12, done: 12, credited: 10, shortMonths: 1 });
    expect(zhao.rate).toBeCloseTo(10 / 12);
    const wang = r.byChief.find((c) => c.chief === 'county-wang')!;
    expect(wang).toMatchObject({ required: 3, done: 4, credited: 3, shortMonths: 0, rate: 1 });
  });

  it('region totals', () => {
    expect(r.byRegion.map((x) => x.region)).toEqual(['990100', '990101']);
    const qs = r.byRegion[1]!;
    // qs-li 3 months ×1, zhao 3×4, chen 2×4
    expect(qs).toMatchObject({ chiefs: 3, chiefsShort: 2, months: 8, required: 23, done: 2 + 12 + 8, shortMonths: 2 });
    expect(qs.credited).toBe(2 + 10 + 8);
    expect(qs.rate).toBeCloseTo(20 / 23);
  });

  it('totals over every chief-month: the sum of the regions', () => {
    // wang 3/3; qs 20/23
    expect(r.totals).toMatchObject({ months: 11, required: 26, done: 4 + 22, credited: 23, shortMonths: 2 });
    expect(r.totals.rate).toBeCloseTo(23 / 26);
  });

  it('who fell short in each month', () => {
    expect(r.shortByMonth.map((m) => [m.month, m.short.map((c) => c.chief)])).toEqual([
      ['2026-01', []],
      ['2026-02', ['qs-li', 'qs-v1-zhao']],
      ['2026-03', []],
    ]);
  });

  it('records outside service or of unknown chiefs are set aside', () => {
    expect(r.unmatched.map((x) => `${x.chief} ${x.month}`)).toEqual(['qs-v2-chen 2026-01', 'nobody 2026-03']);
  });

  it('only the months asked for are counted', () => {
    const feb = patrolCompliance(RECORDS, CHIEFS, ['2026-02'], RULE);
    expect(feb.cells).toHaveLength(4);
    expect(feb.byChief.find((c) => c.chief === 'qs-v1-zhao')).toMatchObject({ required: 4, done: 2, rate: 0.5 });
  });

  it('nothing required gives a null rate and no shortfall', () => {
    const none = patrolCompliance([], CHIEFS, MONTHS, { village: 4 });
    const wang = none.byChief.find((c) => c.chief === 'county-wang')!;
    expect(wang).toMatchObject({ required: 0, rate: null, shortMonths: 0 });
  });
});

describe('who owes patrols', () => {
  it('the five chief roles of the contract, general and deputy general chiefs included', () => {
    expect([...PATROL_ROLES].sort()).toEqual([
      'chief',
      'deputy_chief',
      'deputy_general_chief',
      'general_chief',
      'segment_chief',
    ]);
  });

  it('patrolTerms keeps the terms of those roles only, a chief with two posts once', () => {
    const terms = patrolTerms([
      { chief: 'lin', role: 'general_chief', start: '2021-07-01', end: null },
      { chief: 'zhou', role: 'deputy_general_chief', start: '2022-09-15' },
      { chief: 'ren', role: 'keeper', start: '2022-04-01' },
      { chief: 'gong', role: 'patroller', start: '2024-03-01' },
      { chief: 'chen', role: 'civic_chief', start: '2024-06-01' },
      { chief: 'hu', role: 'segment_chief', start: '2021-07-01', end: '2026-03-20' },
      { chief: 'hu', role: 'chief', start: '2026-03-21' },
    ]);
    expect([...terms.keys()]).toEqual(['lin', 'zhou', 'hu']);
    expect(terms.get('hu')).toEqual([
      { start: '2021-07-01', end: '2026-03-20' },
      { start: '2026-03-21', end: null },
    ]);
    // the two terms follow each other: every month is served
    expect(monthsServed(terms.get('hu')!, ['2026-03', '2026-04'])).toEqual(['2026-03', '2026-04']);
  });
});

describe('monthsServed', () => {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
  it('whole months only by default', () => {
    expect(monthsServed([{ start: '2026-02-10', end: null }], months)).toEqual(['2026-03', '2026-04']);
    expect(monthsServed([{ start: '2025-06-01', end: '2026-02-28' }], months)).toEqual(['2026-01', '2026-02']);
    expect(monthsServed([{ start: '2025-06-01', end: '2026-02-27' }], months)).toEqual(['2026-01']);
  });
  it('joins terms that follow each other', () => {
    const terms = [
      { start: '2025-01-01', end: '2026-02-14' },
      { start: '2026-02-15', end: '' },
    ];
    expect(monthsServed(terms, months)).toEqual(months);
  });
  it("'any' counts a month with at least one day in post", () => {
    expect(monthsServed([{ start: '2026-02-10', end: '2026-03-01' }], months, 'any')).toEqual(['2026-02', '2026-03']);
  });
  it('leap February needs the 29th', () => {
    expect(monthsServed([{ start: '2024-01-01', end: '2024-02-28' }], ['2024-02'])).toEqual([]);
    expect(monthsServed([{ start: '2024-01-01', end: '2024-02-29' }], ['2024-02'])).toEqual(['2024-02']);
  });
});

describe('townshipOf', () => {
  const regions = [
    { code: '990100', level: 'county' as const, parent: null },
    { code: '990101', level: 'township' as const, parent: '990100' },
    { code: '990101201', level: 'village' as const, parent: '990101' },
  ];
  it('finds the township of a village, itself for a township, null for the county', () => {
    expect(townshipOf('990101201', regions)).toBe('990101');
    expect(townshipOf('990101', regions)).toBe('990101');
    expect(townshipOf('990100', regions)).toBeNull();
    expect(townshipOf('123', regions)).toBeNull();
  });
});
