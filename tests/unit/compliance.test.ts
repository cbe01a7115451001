import { describe, expect, it } from 'vitest';
import type { ReadingItem } from '../../src/lib/enums.ts';
import { parseMeasurement } from '../../src/lib/measurement.ts';
import { classifyReading, type DatedReading, type ReadingValues } from '../../src/lib/gb3838.ts';
import { consecutiveMisses, consecutiveYearMisses, monthlyResults, yearlyResults } from '../../src/lib/compliance.ts';
import type { MonthResult } from '../../src/lib/compliance.ts';

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
    expect(() => consecutiveMisses([...months('2026-01', 'xx'), { month: '2026-02', meets: true }])).toThrow(
      RangeError,
    );
  });

  it('accepts dates as months', () => {
    expect(
      consecutiveMisses([
        { month: '2026-05-10', meets: false },
        { month: '2026-06', meets: false },
      ]).length,
    ).toBe(2);
  });
});

describe('consecutiveYearMisses', () => {
  it('counts years the same way', () => {
    const years = (list: Array<[string, boolean | null]>) => list.map(([year, meets]) => ({ year, meets }));
    expect(
      consecutiveYearMisses(
        years([
          ['2023', false],
          ['2024', false],
          ['2025', false],
        ]),
      ),
    ).toEqual({ length: 3, from: '2023', to: '2025' });
    expect(
      consecutiveYearMisses(
        years([
          ['2023', false],
          ['2024', true],
          ['2025', false],
        ]),
      ),
    ).toEqual({ length: 1, from: '2025', to: '2025' });
    expect(
      consecutiveYearMisses(
        years([
          ['2023', false],
          ['2025', false],
        ]),
      ).length,
    ).toBe(1);
    expect(
      consecutiveYearMisses(
        years([
          ['2024', false],
          ['2025', null],
        ]),
      ).length,
    ).toBe(0);
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
    expect(consecutiveMisses(monthlyResults(station, 'river', 'III'))).toEqual({
      length: 3,
      from: '2026-02',
      to: '2026-04',
    });
  });

  it('readings already classified (against any target) give the same months', () => {
    const classed = station.map((r) => ({ ...r, class: classifyReading(r.values, 'river', 'II').class }));
    expect(monthlyResults(classed, 'river', 'III')).toEqual(monthlyResults(station, 'river', 'III'));
    expect(monthlyResults(classed, 'river', 'III').map((m) => m.class)).toEqual(['II', 'IV', 'IV', 'V']);
  });

  it('one bad result makes the month miss, whatever order the results come in', () => {
    const month = [
      reading('2026-05-28', { cod: '12' }),
      reading('2026-05-02', { cod: '12', ph: '9.4' }), // 劣V by pH
      reading('2026-05-15', { cod: '16' }),
    ];
    expect(monthlyResults(month, 'river', 'III')).toEqual([{ month: '2026-05', class: '劣V', meets: false }]);
    expect(monthlyResults([...month].reverse(), 'river', 'IV')).toEqual([
      { month: '2026-05', class: '劣V', meets: false },
    ]);
    // a dated sample and the month's own value are both results of the month
    expect(
      monthlyResults([reading('2026-06', { cod: '12' }), reading('2026-06-10', { cod: '24' })], 'river', 'IV'),
    ).toEqual([{ month: '2026-06', class: 'IV', meets: true }]);
  });

  it('a result without a deciding item does not change the month', () => {
    const r = monthlyResults(
      [reading('2026-05-02', { temp: '21' }), reading('2026-05-20', { cod: '12' })],
      'river',
      'III',
    );
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
