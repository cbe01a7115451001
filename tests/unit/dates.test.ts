import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addPeriods,
  compare,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  firstDayOfPeriod,
  fromDayNumber,
  isLeapYear,
  isValidDate,
  isValidMonth,
  lastDayOfMonth,
  lastDayOfPeriod,
  lastMonths,
  listMonths,
  monthOf,
  monthsBetween,
  toDayNumber,
  yearOf,
} from '../../src/lib/dates.ts';

describe('isValidDate', () => {
  it('accepts real dates', () => {
    expect(isValidDate('2026-01-01')).toBe(true);
    expect(isValidDate('2026-12-31')).toBe(true);
    expect(isValidDate('2026-02-28')).toBe(true);
  });
  it('rejects days and months that do not exist', () => {
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-00-10')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-01-00')).toBe(false);
  });
  it('rejects other formats', () => {
    for (const s of ['2026-1-01', '2026/01/01', '20260101', ' 2026-01-01', '2026-01-01T00:00:00Z', '', '2026-01'])
      expect(isValidDate(s), s).toBe(false);
    expect(isValidDate(undefined)).toBe(false);
    expect(isValidDate(20260101)).toBe(false);
  });
  it('knows leap years', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isValidDate('1900-02-29')).toBe(false); // divisible by 100 only
    expect(isValidDate('2100-02-29')).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 9)).toBe(30);
  });
});

describe('isValidMonth', () => {
  it('accepts YYYY-MM with month 01–12 only', () => {
    expect(isValidMonth('2026-01')).toBe(true);
    expect(isValidMonth('2026-12')).toBe(true);
    expect(isValidMonth('2026-13')).toBe(false);
    expect(isValidMonth('2026-00')).toBe(false);
    expect(isValidMonth('2026-1')).toBe(false);
    expect(isValidMonth('2026-01-01')).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('day numbers round-trip and start at 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    for (let n = -800; n < 30000; n += 37) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });
  it('daysBetween counts across months and leap days', () => {
    expect(daysBetween('2026-01-01', '2026-01-02')).toBe(1);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
  it('does not depend on daylight saving or the time zone (spring-forward dates)', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('1991-04-13', '1991-04-15')).toBe(2); // China observed DST then
  });
  it('addDays crosses months, years and Feb 29', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-15', 0)).toBe('2026-03-15');
  });
  it('throws on invalid input', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => monthOf('2026-13')).toThrow(RangeError);
  });
});

describe('months', () => {
  it('monthOf, yearOf, first and last day', () => {
    expect(monthOf('2026-03-15')).toBe('2026-03');
    expect(monthOf('2026-03')).toBe('2026-03');
    expect(monthOf('2025-12-31')).toBe('2025-12');
    expect(yearOf('2026-03-15')).toBe('2026');
    expect(yearOf('2026-03')).toBe('2026');
    expect(yearOf('0999-01')).toBe('0999');
    expect(yearOf('2026')).toBe('2026');
    expect(firstDayOfMonth('2026-03')).toBe('2026-03-01');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-04-10')).toBe('2026-04-30');
  });
  it('addMonths', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
  });
  it('monthsBetween is the signed month difference, days ignored', () => {
    expect(monthsBetween('2026-01', '2026-03')).toBe(2);
    expect(monthsBetween('2026-01-31', '2026-02-01')).toBe(1);
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-03', '2026-01')).toBe(-2);
    expect(monthsBetween('2026-03', '2026-03')).toBe(0);
  });
  it('monthOf and yearOf refuse anything but a real date, month (or year, for yearOf)', () => {
    for (const bad of ['2026-13', '2026-00-01', '2026-02-30', '2026/03/12', '', '2026-3-1', '26']) {
      expect(() => monthOf(bad), bad).toThrow(RangeError);
      expect(() => yearOf(bad), bad).toThrow(RangeError);
    }
    expect(() => monthOf('2026')).toThrow(RangeError);
  });
  it('lastMonths ends with the month of its end, across a year end', () => {
    expect(lastMonths('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-02', 1)).toEqual(['2026-02']);
    expect(lastMonths('2026-10-31', 12)).toEqual(listMonths('2025-11', '2026-10'));
    expect(lastMonths('2026-02', 0)).toEqual([]);
  });
  it('listMonths is inclusive at both ends', () => {
    expect(listMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(listMonths('2026-01-15', '2026-03-01')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(listMonths('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(listMonths('2026-05', '2026-04')).toEqual([]);
  });
});

describe('periods: a month or a year', () => {
  it('addPeriods counts months for a month and years for a year', () => {
    expect(addPeriods('2025-12', 1)).toBe('2026-01');
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(addPeriods('2026-03', 0)).toBe('2026-03');
    expect(addPeriods('2026', 1)).toBe('2027');
    expect(addPeriods('2026', -3)).toBe('2023');
    expect(addPeriods('0999', 1)).toBe('1000');
    expect(addPeriods('1000', -1)).toBe('0999');
  });
  it('addPeriods refuses what is neither', () => {
    for (const bad of ['2026-13', '26', '', '2026-Q1']) expect(() => addPeriods(bad, 1), bad).toThrow(RangeError);
    expect(() => addPeriods('2026', 0.5)).toThrow(RangeError);
    expect(() => addPeriods('9999', 1)).toThrow(RangeError);
  });
  it('first and last day of a month or a year', () => {
    expect(firstDayOfPeriod('2026')).toBe('2026-01-01');
    expect(lastDayOfPeriod('2026')).toBe('2026-12-31');
    expect(firstDayOfPeriod('2024-02')).toBe('2024-02-01');
    expect(lastDayOfPeriod('2024-02')).toBe('2024-02-29');
    expect(() => lastDayOfPeriod('2026-13')).toThrow(RangeError);
  });
});

describe('compare', () => {
  it('orders dates and months', () => {
    expect(compare('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compare('2026-01-10', '2026-01-10')).toBe(0);
    expect(compare('2026-02', '2026-01')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compare)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
  });
});
