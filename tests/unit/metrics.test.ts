import { describe, expect, it } from 'vitest';
import {
  computeMetric,
  differs,
  formatMetric,
  latestResult,
  metricBasis,
  parseMetric,
  percent1,
  yearMonthsUpTo,
  type Metric,
  type MetricCase,
  type MetricSources,
  type MetricStation,
} from '../../src/lib/metrics.ts';
import { monthsServed, patrolCompliance, patrolTerms } from '../../src/lib/patrols.ts';

const ok = (text: string): Metric => {
  const p = parseMetric(text);
  if (!p.ok) throw new Error(`${text}: ${p.en}`);
  return p.metric;
};
const err = (text: string) => {
  const p = parseMetric(text);
  if (p.ok) throw new Error(`${text} parsed as ${formatMetric(p.metric)}`);
  return p;
};

describe('parseMetric', () => {
  it('reads every form of the contract', () => {
    expect(ok('stations_meeting_target')).toEqual({ kind: 'stations_meeting_target' });
    expect(ok('stations_good')).toEqual({ kind: 'stations_good' });
    expect(ok('cases_closed')).toEqual({ kind: 'cases_closed', categories: null });
    expect(ok('cases_closed:encroachment;sand_mining;dumping;illegal_building')).toEqual({
      kind: 'cases_closed',
      categories: ['encroachment', 'sand_mining', 'dumping', 'illegal_building'],
    });
    expect(ok('cases_on_time')).toEqual({ kind: 'cases_on_time' });
    expect(ok('patrol_rate:2026')).toEqual({ kind: 'patrol_rate', year: 2026 });
  });

  it('takes the full-width colon and semicolon and spaces a clerk types, and writes the canonical form', () => {
    expect(formatMetric(ok(' cases_closed：dumping； encroachment '))).toBe('cases_closed:encroachment;dumping');
    expect(formatMetric(ok('patrol_rate： 2025'))).toBe('patrol_rate:2025');
  });

  it('counts a category named twice once, in the contract order', () => {
    expect(ok('cases_closed:dumping;encroachment;dumping')).toEqual({
      kind: 'cases_closed',
      categories: ['encroachment', 'dumping'],
    });
  });

  it('refuses an unknown category, naming it and listing the categories', () => {
    const p = err('cases_closed:encroachment;乱堆');
    expect(p.zh).toContain('未知的问题类别“乱堆”');
    expect(p.en).toContain('unknown case category "乱堆"');
    expect(p.en).toContain('sign_outdated');
  });

  it('refuses a list with no category, an argument where none is taken, and a bad year', () => {
    for (const bad of [
      'cases_closed:',
      'cases_closed: ; ',
      'stations_good:2026',
      'cases_on_time:dumping',
      'patrol_rate',
      'patrol_rate:',
      'patrol_rate:26',
      'patrol_rate:02026',
      'patrol_rate:二〇二六',
      'patrol_rate:2026-01',
    ]) {
      const p = err(bad);
      expect(p.en, bad).toContain('expected one of stations_meeting_target');
      expect(p.zh, bad).toContain('计算口径应为以下之一');
    }
  });

  it('refuses anything else with the expected forms', () => {
    for (const bad of ['', 'Stations_good', 'stations good', '优良比例', 'cases_closed_rate', 'patrol_rate2026']) {
      const p = err(bad);
      for (const form of [
        'stations_meeting_target',
        'stations_good',
        'cases_closed:CAT1;CAT2',
        'cases_on_time',
        'patrol_rate:YYYY',
      ])
        expect(p.en, bad).toContain(form);
    }
  });

  it('round-trips through formatMetric', () => {
    for (const text of [
      'stations_meeting_target',
      'stations_good',
      'cases_closed',
      'cases_closed:sewage_outlet',
      'cases_on_time',
      'patrol_rate:2026',
    ]) {
      expect(formatMetric(ok(text))).toBe(text);
    }
  });
});

describe('percent1', () => {
  it('is a percentage rounded to one decimal, half up', () => {
    expect(percent1(12, 19)).toBe(63.2);
    expect(percent1(2, 3)).toBe(66.7);
    expect(percent1(1, 8)).toBe(12.5);
    expect(percent1(1, 16)).toBe(6.3);
    expect(percent1(1911, 2000)).toBe(95.6);
    expect(percent1(660, 692)).toBe(95.4);
    expect(percent1(10, 10)).toBe(100);
    expect(percent1(0, 7)).toBe(0);
  });
  it('is null when there is nothing to divide by', () => {
    expect(percent1(0, 0)).toBeNull();
  });
});

describe('yearMonthsUpTo', () => {
  it('stops at the month of as_of while the year runs', () => {
    expect(yearMonthsUpTo(2026, '2026-10-31')).toEqual([
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
    expect(yearMonthsUpTo(2026, '2026-01-01')).toEqual(['2026-01']);
  });
  it('is the whole year once it is over, and empty before it begins', () => {
    expect(yearMonthsUpTo(2025, '2026-10-31')).toHaveLength(12);
    expect(yearMonthsUpTo(2026, '2026-12-31')).toHaveLength(12);
    expect(yearMonthsUpTo(2027, '2026-12-31')).toEqual([]);
  });
});

const noPatrols = () => {
  throw new Error('patrols not asked for');
};
const sources = (o: Partial<MetricSources>): MetricSources => ({
  asOf: '2026-10-31',
  stations: [],
  cases: [],
  outlets: [],
  patrols: noPatrols,
  ...o,
});

describe('station metrics', () => {
  const st = (...rows: [string, string, boolean][]): MetricStation => ({
    results: rows.map(([date, cls, meetsTarget]) => ({ date, class: cls as never, meetsTarget })),
  });
  const stations: MetricStation[] = [
    st(['2026-08-10', 'IV', false], ['2026-10-12', 'II', true]), // good now, though class IV in August
    st(['2026-10-13', 'IV', true]), // target IV: meets its target, but not good
    st(['2026-09-14', 'III', true]), // class III is good
    st(['2026-10-11', 'III', true], ['2026-11-02', '劣V', false]), // a result after as_of does not count
    st(['2026-10', 'V', false]), // a monthly value: its month is on or before as_of
    st(), // no result: left out of the denominator
  ];

  it('stations_good: latest result class III or better, over stations with a result', () => {
    const v = computeMetric({ kind: 'stations_good' }, sources({ stations }));
    expect(v).toMatchObject({
      numerator: 3,
      denominator: 5,
      value: 60,
      withoutResult: 1,
      latestDates: { from: '2026-09-14', to: '2026-10-13' },
    });
    expect(metricBasis(v)).toBe(
      '有监测结果的 5 个断面中，最近一次监测为Ⅰ—Ⅲ类的 3 个；各断面最近一次监测在2026年9月14日至2026年10月13日；1 个断面没有监测结果，未计入',
    );
  });

  it('stations_meeting_target: latest result meets its own target', () => {
    const v = computeMetric({ kind: 'stations_meeting_target' }, sources({ stations }));
    expect(v).toMatchObject({ numerator: 4, denominator: 5, value: 80 });
  });

  it('is null with no station that has a result', () => {
    expect(computeMetric({ kind: 'stations_good' }, sources({ stations: [st()] }))).toMatchObject({
      value: null,
      denominator: 0,
      withoutResult: 1,
    });
  });

  it('latestResult: on the same date the last given wins; a month counts up to the month of as_of', () => {
    const a = { date: '2026-10-12', class: 'II' as const, meetsTarget: true };
    const b = { date: '2026-10-12', class: 'IV' as const, meetsTarget: false };
    expect(latestResult([a, b], '2026-10-31')).toBe(b);
    expect(latestResult([{ date: '2026-11', class: 'I', meetsTarget: true }], '2026-10-31')).toBeNull();
    expect(latestResult([a], '2026-10-11')).toBeNull();
  });
});

describe('case metrics', () => {
  const c = (
    category: string,
    status: MetricCase['status'],
    closedOn: string | null = null,
    deadline = '2026-06-30',
    found = '2026-01-10',
  ): MetricCase => ({ category, found, deadline, status, closedOn });
  const cases: MetricCase[] = [
    c('encroachment', 'closed', '2026-06-30'), // closed on the deadline day: on time
    c('dumping', 'closed', '2026-07-01'), // a day late
    c('dumping', 'submitted'), // asked to be closed is not closed
    c('sand_mining', 'rejected'),
    c('illegal_building', 'rectifying'),
    c('sewage_outlet', 'closed', '2026-03-01'),
    c('garbage', 'reported', null, '2026-12-31', '2026-11-02'), // found after as_of: not counted
  ];

  it('cases_closed of some categories', () => {
    const v = computeMetric(ok('cases_closed:encroachment;sand_mining;dumping;illegal_building'), sources({ cases }));
    expect(v).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
    expect(metricBasis(v)).toBe('乱占、乱采、乱堆、乱建类问题 5 件中已销号 2 件');
  });

  it('cases_closed of all categories', () => {
    expect(computeMetric(ok('cases_closed'), sources({ cases }))).toMatchObject({
      numerator: 3,
      denominator: 6,
      value: 50,
    });
  });

  it('cases_closed is null when no case is of those categories', () => {
    expect(computeMetric(ok('cases_closed:black_odorous'), sources({ cases }))).toMatchObject({
      value: null,
      denominator: 0,
    });
  });

  it('cases_on_time: closed on or before the deadline, over closed cases', () => {
    expect(computeMetric(ok('cases_on_time'), sources({ cases }))).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: 66.7,
    });
    expect(computeMetric(ok('cases_on_time'), sources({ cases: [c('other', 'rectifying')] }))).toMatchObject({
      value: null,
    });
  });
});

describe('patrol_rate', () => {
  it('asks for the months of the year up to as_of and divides credited by required', () => {
    const asked: string[][] = [];
    const v = computeMetric(
      ok('patrol_rate:2026'),
      sources({ patrols: (m) => (asked.push([...m]), { required: 692, credited: 660 }) }),
    );
    expect(asked).toEqual([yearMonthsUpTo(2026, '2026-10-31')]);
    expect(v).toMatchObject({ value: 95.4, numerator: 660, denominator: 692 });
    expect(metricBasis(v)).toBe('2026年1月至2026年10月：规定巡河 692 次，按月计达到规定的 660 次');
  });

  it('is null for a year that has not begun, without counting anything', () => {
    const v = computeMetric(ok('patrol_rate:2027'), sources({ patrols: noPatrols }));
    expect(v).toMatchObject({ value: null, months: [] });
  });

  it('with the patrol module: extra patrols do not make up for a short month; general chiefs owe patrols', () => {
    const assignments = [
      { chief: 'gen', role: 'general_chief', start: '2020-01-01', end: null },
      { chief: 'vil', role: 'segment_chief', start: '2020-01-01', end: null },
      { chief: 'kee', role: 'keeper', start: '2020-01-01', end: null },
    ];
    const terms = patrolTerms(assignments);
    expect([...terms.keys()]).toEqual(['gen', 'vil']);
    const level = { gen: 'county', vil: 'village' } as const;
    const records = [
      { chief: 'gen', month: '2026-01', count: 1 },
      { chief: 'vil', month: '2026-01', count: 6 },
      { chief: 'vil', month: '2026-02', count: 2 },
      { chief: 'kee', month: '2026-01', count: 9 },
    ];
    const patrols = (months: readonly string[]) => {
      const chiefs = [...terms].map(([id, t]) => ({
        id,
        level: level[id as 'gen' | 'vil'],
        region: 'r',
        months: monthsServed(t, months),
      }));
      const { totals } = patrolCompliance(records, chiefs, months, { county: 1, township: 1, village: 4 });
      return { required: totals.required, credited: totals.credited };
    };
    // gen 1/1 + 0/1, vil min(6,4)=4/4 + 2/4 → 7/10
    expect(computeMetric(ok('patrol_rate:2026'), sources({ asOf: '2026-02-28', patrols }))).toMatchObject({
      numerator: 7,
      denominator: 10,
      value: 70,
    });
  });
});

describe('differs', () => {
  it('is true only beyond 0.5 either way', () => {
    expect(differs(95.9, 95.4)).toBe(false);
    expect(differs(94.9, 95.4)).toBe(false);
    expect(differs(96, 95.4)).toBe(true);
    expect(differs(88.9, 63.2)).toBe(true);
    expect(differs(88.9, null)).toBe(false);
  });
});

describe('outlets_regulated', () => {
  it('parses without an argument and refuses one', () => {
    expect(ok('outlets_regulated')).toEqual({ kind: 'outlets_regulated' });
    expect(parseMetric('outlets_regulated:2026').ok).toBe(false);
  });

  it('counts 已规范 and 已封堵 over every listed outlet; 情况不明 and 整治中 are not yet regulated', () => {
    const outlets = [
      { status: 'compliant' },
      { status: 'closed' },
      { status: 'rectifying' },
      { status: 'unknown' },
      { status: 'compliant' },
      { status: 'closed' },
    ] as const;
    const v = computeMetric(ok('outlets_regulated'), sources({ outlets }));
    expect(v).toMatchObject({ value: 66.7, numerator: 4, denominator: 6 });
    expect(metricBasis(v)).toBe('入河排污口 6 个中已规范或已封堵 4 个');
  });

  it('is null without any outlet listed', () => {
    expect(computeMetric(ok('outlets_regulated'), sources({})).value).toBeNull();
  });
});
