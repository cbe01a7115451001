import { describe, expect, it } from 'vitest';
import type { ReadingItem } from '../../src/lib/enums.ts';
import { parseMeasurement } from '../../src/lib/measurement.ts';
import type { DatedReading, ReadingValues } from '../../src/lib/gb3838.ts';
import {
  ACTION_SEVERITY,
  DEFAULT_ESCALATION,
  actionForRun,
  checkAccountability,
  compareWithRecorded,
  consecutiveMisses,
  consecutiveYearMisses,
  escalationRule,
  monthOf,
  monthlyResults,
  requiredAction,
  satisfies,
  yearlyResults,
} from '../../src/lib/compliance.ts';
import type { MonthResult, RecordedAction } from '../../src/lib/compliance.ts';

function reading(date: string, values: Partial<Record<ReadingItem, string>>): DatedReading {
  const out: ReadingValues = {};
  for (const [k, v] of Object.entries(values)) out[k as ReadingItem] = parseMeasurement(v)!;
  return { date, values: out };
}

/** Months from a compact list: 'x' missed, 'o' met, '-' no result, starting at a month. */
function months(start: string, pattern: string): MonthResult[] {
  let [y, mo] = start.split('-').map(Number) as [number, number];
  const out: MonthResult[] = [];
  for (const ch of pattern) {
    out.push({ month: `${y}-${String(mo).padStart(2, '0')}`, meets: ch === 'x' ? false : ch === 'o' ? true : null });
    mo++;
    if (mo > 12) [y, mo] = [y + 1, 1];
  }
  return out;
}

describe('monthOf', () => {
  it('takes the month of a date or a month', () => {
    expect(monthOf('2026-03-12')).toBe('2026-03');
    expect(monthOf('2026-03')).toBe('2026-03');
    expect(monthOf('2025-12-31')).toBe('2025-12');
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-13', '2026-00-01', '2026/03/12', '2026', '', '2026-3-1']) {
      expect(() => monthOf(bad), bad).toThrow(RangeError);
    }
  });
});

describe('consecutiveMisses', () => {
  it('counts the run that ends at the latest month', () => {
    expect(consecutiveMisses([])).toEqual({ length: 0, from: null, to: null });
    expect(consecutiveMisses(months('2026-01', 'xxx'))).toEqual({ length: 3, from: '2026-01', to: '2026-03' });
    expect(consecutiveMisses(months('2026-01', 'xoxx'))).toEqual({ length: 2, from: '2026-03', to: '2026-04' });
    expect(consecutiveMisses(months('2026-01', 'xxxo'))).toEqual({ length: 0, from: null, to: null });
    expect(consecutiveMisses(months('2026-01', 'ooox'))).toEqual({ length: 1, from: '2026-04', to: '2026-04' });
  });

  it('runs across the new year', () => {
    expect(consecutiveMisses(months('2025-10', 'oxxx'))).toEqual({ length: 3, from: '2025-11', to: '2026-01' });
  });

  it('a month without a result breaks the run, listed or absent', () => {
    expect(consecutiveMisses(months('2026-01', 'x-x')).length).toBe(1);
    expect(consecutiveMisses(months('2026-01', 'xxx-')).length).toBe(0);
    const gap: MonthResult[] = [
      { month: '2026-01', meets: false },
      { month: '2026-02', meets: false },
      { month: '2026-04', meets: false },
    ];
    expect(consecutiveMisses(gap)).toEqual({ length: 1, from: '2026-04', to: '2026-04' });
  });

  it('does not depend on input order and refuses two results for a month', () => {
    const shuffled = months('2026-01', 'oxxx').reverse();
    expect(consecutiveMisses(shuffled)).toEqual({ length: 3, from: '2026-02', to: '2026-04' });
    expect(() => consecutiveMisses([...months('2026-01', 'xx'), { month: '2026-02', meets: true }])).toThrow(RangeError);
  });

  it('accepts dates as months', () => {
    expect(consecutiveMisses([{ month: '2026-05-10', meets: false }, { month: '2026-06', meets: false }]).length).toBe(2);
  });
});

describe('consecutiveYearMisses', () => {
  it('counts years the same way', () => {
    const years = (list: Array<[string, boolean | null]>) => list.map(([year, meets]) => ({ year, meets }));
    expect(consecutiveYearMisses(years([['2023', false], ['2024', false], ['2025', false]]))).toEqual({ length: 3, from: '2023', to: '2025' });
    expect(consecutiveYearMisses(years([['2023', false], ['2024', true], ['2025', false]]))).toEqual({ length: 1, from: '2025', to: '2025' });
    expect(consecutiveYearMisses(years([['2023', false], ['2025', false]])).length).toBe(1);
    expect(consecutiveYearMisses(years([['2024', false], ['2025', null]])).length).toBe(0);
  });
});

describe('monthly and yearly results', () => {
  const station: DatedReading[] = [
    reading('2026-01-15', { cod: '12', nh3n: '0.3' }), // I/II → II: meets III
    reading('2026-02-14', { cod: '25' }), // IV
    reading('2026-03-03', { cod: '14' }), // I …
    reading('2026-03-20', { cod: '22' }), // … and IV: the month is IV (their mean, 18, would be III)
    reading('2026-04', { cod: '35' }), // a monthly value: V
  ];

  it('classes each month by the worst of its results', () => {
    expect(monthlyResults(station, 'river', 'III')).toEqual([
      { month: '2026-01', class: 'II', meets: true },
      { month: '2026-02', class: 'IV', meets: false },
      { month: '2026-03', class: 'IV', meets: false },
      { month: '2026-04', class: 'V', meets: false },
    ]);
    expect(consecutiveMisses(monthlyResults(station, 'river', 'III'))).toEqual({ length: 3, from: '2026-02', to: '2026-04' });
  });

  it('one bad result makes the month miss, whatever order the results come in', () => {
    const month = [
      reading('2026-05-28', { cod: '12' }),
      reading('2026-05-02', { cod: '12', ph: '9.4' }), // 劣V by pH
      reading('2026-05-15', { cod: '16' }),
    ];
    expect(monthlyResults(month, 'river', 'III')).toEqual([{ month: '2026-05', class: '劣V', meets: false }]);
    expect(monthlyResults([...month].reverse(), 'river', 'IV')).toEqual([{ month: '2026-05', class: '劣V', meets: false }]);
    // a dated sample and the month's own value are both results of the month
    expect(monthlyResults([reading('2026-06', { cod: '12' }), reading('2026-06-10', { cod: '24' })], 'river', 'IV')).toEqual([
      { month: '2026-06', class: 'IV', meets: true },
    ]);
  });

  it('a result without a deciding item does not change the month', () => {
    const r = monthlyResults([reading('2026-05-02', { temp: '21' }), reading('2026-05-20', { cod: '12' })], 'river', 'III');
    expect(r).toEqual([{ month: '2026-05', class: 'I', meets: true }]);
  });

  it('a month with only non-deciding items has no result', () => {
    const r = monthlyResults([reading('2026-05-02', { temp: '21', tn: '2' })], 'river', 'III');
    expect(r).toEqual([{ month: '2026-05', class: null, meets: null }]);
  });

  it('classes each year by its annual mean', () => {
    const r = yearlyResults(
      [
        reading('2024-06-01', { cod: '22' }),
        reading('2024-07-01', { cod: '24' }), // 2024 mean 23: IV
        reading('2025-06-01', { cod: '16' }),
        reading('2025-07-01', { cod: '22' }), // 2025 mean 19: III
      ],
      'river',
      'III',
    );
    expect(r).toEqual([
      { year: '2024', class: 'IV', meets: false },
      { year: '2025', class: 'III', meets: true },
    ]);
  });
});

describe('the escalation rule', () => {
  it('defaults to the usual county rule', () => {
    expect(DEFAULT_ESCALATION).toEqual({ monthly: { 2: '约谈', 3: '通报批评' }, yearly: { 2: '警告', 3: '免职' } });
    expect(escalationRule()).toEqual(DEFAULT_ESCALATION);
    expect(escalationRule(null)).toEqual(DEFAULT_ESCALATION);
  });

  it('calls for the highest threshold reached (default rule)', () => {
    const monthly = [0, 1, 2, 3, 4, 12].map((n) => requiredAction(DEFAULT_ESCALATION, n, 0).monthly.action);
    expect(monthly).toEqual([null, null, '约谈', '通报批评', '通报批评', '通报批评']);
    const yearly = [0, 1, 2, 3, 5].map((n) => requiredAction(DEFAULT_ESCALATION, 0, n).yearly.action);
    expect(yearly).toEqual([null, null, '警告', '免职', '免职']);
  });

  it('reports run, period and threshold', () => {
    const req = requiredAction(DEFAULT_ESCALATION, { length: 3, from: '2026-02', to: '2026-04' }, { length: 1, from: '2025', to: '2025' });
    expect(req).toEqual({
      monthly: { run: 3, from: '2026-02', to: '2026-04', threshold: 3, action: '通报批评' },
      yearly: { run: 1, from: '2025', to: '2025', threshold: null, action: null },
    });
  });

  it('follows a custom rule, falling back per scale', () => {
    // As YAML gives it: keys may arrive as strings.
    const rule = escalationRule({ monthly: { '1': '提醒', 4: '约谈', '6': '通报批评' } });
    expect(rule.yearly).toEqual(DEFAULT_ESCALATION.yearly);
    const monthly = [0, 1, 3, 4, 5, 6, 9].map((n) => requiredAction(rule, n, 0).monthly);
    expect(monthly.map((s) => s.action)).toEqual([null, '提醒', '提醒', '约谈', '约谈', '通报批评', '通报批评']);
    expect(monthly.map((s) => s.threshold)).toEqual([null, 1, 1, 4, 4, 6, 6]);
    expect(actionForRun({ 1: '免职' }, 1)).toEqual({ threshold: 1, action: '免职' });
    expect(actionForRun({}, 10)).toBeNull();
  });

  it('refuses thresholds that are not whole numbers ≥ 1', () => {
    expect(() => escalationRule({ monthly: { 0: '约谈' } })).toThrow(RangeError);
    expect(() => escalationRule({ yearly: { 'two': '警告' } })).toThrow(RangeError);
    expect(() => escalationRule({ monthly: { '1.5': '约谈' } })).toThrow(RangeError);
  });
});

describe('required against recorded', () => {
  const actions: RecordedAction[] = [
    { date: '2026-01-20', chief: 'wang-li', kind: '约谈', reason: '2025年11–12月未达标' },
    { date: '2026-03-15', chief: 'wang-li', kind: '约谈', reason: '2–3月未达标' },
    { date: '2026-05-06', chief: 'zhao-min', kind: '通报批评', reason: '…' },
    { date: '2026-04-01', chief: 'wang-li', kind: 'other', reason: '书面检查' },
  ];

  it('orders actions by severity', () => {
    expect(ACTION_SEVERITY).toEqual(['约谈', '通报批评', '警告', '免职']);
    expect(satisfies('约谈', '约谈')).toBe(true);
    expect(satisfies('通报批评', '约谈')).toBe(true);
    expect(satisfies('免职', '警告')).toBe(true);
    expect(satisfies('约谈', '通报批评')).toBe(false);
    expect(satisfies('other', '约谈')).toBe(false);
    expect(satisfies('other', '书面检查')).toBe(false);
    expect(satisfies('书面检查', '书面检查')).toBe(true);
    expect(satisfies('免职', '书面检查')).toBe(false);
  });

  it('finds a recorded action of that kind or stronger, on or after the run start', () => {
    expect(compareWithRecorded('约谈', actions, '2026-02')).toEqual({
      required: '约谈',
      since: '2026-02-01',
      recorded: actions[1],
      status: 'recorded',
    });
    // the earliest match counts; an older action does not
    expect(compareWithRecorded('约谈', actions, '2026-01').recorded).toBe(actions[0]);
    expect(compareWithRecorded('约谈', actions, '2026-01-21').recorded).toBe(actions[1]);
    // on the start date itself counts
    expect(compareWithRecorded('约谈', actions, '2026-03-15').recorded).toBe(actions[1]);
    // stronger satisfies weaker
    expect(compareWithRecorded('约谈', actions, '2026-04').recorded).toBe(actions[2]);
  });

  it('never presents an unrecorded action as taken', () => {
    expect(compareWithRecorded('通报批评', actions, '2026-02', ['wang-li'])).toEqual({
      required: '通报批评',
      since: '2026-02-01',
      recorded: null,
      status: 'not_recorded',
    });
    expect(compareWithRecorded('约谈', actions, '2026-06').status).toBe('not_recorded');
    expect(compareWithRecorded('警告', [], null)).toEqual({ required: '警告', since: null, recorded: null, status: 'not_recorded' });
  });

  it('filters by chief', () => {
    expect(compareWithRecorded('通报批评', actions, '2026-02', ['zhao-min']).recorded).toBe(actions[2]);
    expect(compareWithRecorded('约谈', actions, '2026-04', ['wang-li']).recorded).toBeNull();
  });

  it('nothing required, nothing to compare', () => {
    expect(compareWithRecorded(null, actions, '2026-01')).toEqual({ required: null, since: '2026-01-01', recorded: null, status: 'not_required' });
  });

  it('takes the run start from a required step; a year starts on 1 January', () => {
    const req = requiredAction(DEFAULT_ESCALATION, { length: 2, from: '2026-02', to: '2026-03' }, { length: 2, from: '2024', to: '2025' });
    expect(compareWithRecorded(req.monthly, actions).recorded).toBe(actions[1]);
    expect(compareWithRecorded(req.yearly, actions)).toEqual({ required: '警告', since: '2024-01-01', recorded: null, status: 'not_recorded' });
    // an explicit since overrides the run start
    expect(compareWithRecorded(req.monthly, actions, '2026-04').recorded).toBe(actions[2]);
  });

  it('checks both scales at once, from readings to record', () => {
    const station: DatedReading[] = [
      reading('2026-01-15', { cod: '12' }),
      reading('2026-02-14', { cod: '25' }),
      reading('2026-03-20', { cod: '24' }),
      reading('2026-04-18', { cod: '35' }),
    ];
    const run = consecutiveMisses(monthlyResults(station, 'river', 'III'));
    const check = checkAccountability(DEFAULT_ESCALATION, run, 0, actions, ['wang-li']);
    expect(check.monthly).toMatchObject({ run: 3, from: '2026-02', action: '通报批评' });
    // wang-li was interviewed (约谈) in March, but 通报批评 is what three months call for: not recorded.
    expect(check.monthly.check).toEqual({ required: '通报批评', since: '2026-02-01', recorded: null, status: 'not_recorded' });
    expect(check.yearly.check.status).toBe('not_required');
    // The two-month stage was recorded.
    const atTwo = checkAccountability(DEFAULT_ESCALATION, { length: 2, from: '2026-02', to: '2026-03' }, 0, actions, ['wang-li']);
    expect(atTwo.monthly.check.recorded).toBe(actions[1]);
  });
});
