/**
 * Strict calendar helpers on ISO strings: a date is 'YYYY-MM-DD', a month is
 * 'YYYY-MM', a year is 'YYYY'. Pure arithmetic on the proleptic Gregorian
 * calendar: nothing here reads the machine clock or the time zone, so the
 * same data gives the same answer on every machine. Whatever is judged "late" or "overdue" is
 * judged against an `asOf` date that the caller passes in (site.yaml as_of).
 *
 * Functions that compute (daysBetween, addDays, monthOf, listMonths …) throw a
 * RangeError on an invalid input; validate data with isValidDate/isValidMonth
 * first and report it as a data error there.
 */
import { compareText } from './collections.ts';

/** 'YYYY-MM-DD' */
export type IsoDate = string;
/** 'YYYY-MM' */
export type IsoMonth = string;
/** 'YYYY' */
export type IsoYear = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const YEAR_RE = /^\d{4}$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a 'YYYY-MM-DD' that exists on the calendar (rejects 2026-02-30, 2026-13-01, 2025-02-29). */
export function isValidDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True for a 'YYYY-MM' with a month 01–12. */
export function isValidMonth(value: unknown): value is IsoMonth {
  if (typeof value !== 'string') return false;
  const m = MONTH_RE.exec(value);
  if (!m) return false;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12;
}

function parseDate(date: string): [number, number, number] {
  if (!isValidDate(date)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function parseMonth(month: string): [number, number] {
  if (!isValidMonth(month)) throw new RangeError(`not a valid month (YYYY-MM): ${JSON.stringify(month)}`);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

/** A month, or the month of a date. */
function monthParts(value: string): [number, number] {
  return isValidDate(value) ? (parseDate(value).slice(0, 2) as [number, number]) : parseMonth(value);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatDate(y: number, m: number, d: number): IsoDate {
  if (y < 0 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function formatMonth(y: number, m: number): IsoMonth {
  if (y < 0 || y > 9999) throw new RangeError(`month out of range: year ${y}`);
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

/** Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil. */
export function toDayNumber(date: IsoDate): number {
  const [year, m, d] = parseDate(date);
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of toDayNumber). */
export function fromDayNumber(days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole day number: ${days}`);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatDate(y, m, d);
}

/** Whole days from `a` to `b`: positive when b is later. daysBetween('2026-01-01', '2026-01-02') = 1. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The date `days` days after `date` (negative = before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Order two dates (or two months, or two years): -1, 0 or 1. Zero-padded ISO
 * strings of the same format order as text, so this is a plain comparison;
 * pass valid values.
 */
export function compare(a: string, b: string): -1 | 0 | 1 {
  return compareText(a, b);
}

/** 'YYYY-MM' of a date ('2026-03-15' → '2026-03'); a valid month is returned as is. */
export function monthOf(date: IsoDate | IsoMonth): IsoMonth {
  const [y, m] = monthParts(date);
  return formatMonth(y, m);
}

/** The year 'YYYY' of a date or a month ('2026-03-15' → '2026'); a year is returned as is. */
export function yearOf(date: IsoDate | IsoMonth | IsoYear): IsoYear {
  return YEAR_RE.test(date) ? date : pad(monthParts(date)[0], 4);
}

/** First day of a month (or of the month of a date). */
export function firstDayOfMonth(month: IsoMonth | IsoDate): IsoDate {
  const [y, m] = monthParts(month);
  return formatDate(y, m, 1);
}

/** Last day of a month (or of the month of a date): '2024-02' → '2024-02-29'. */
export function lastDayOfMonth(month: IsoMonth | IsoDate): IsoDate {
  const [y, m] = monthParts(month);
  return formatDate(y, m, daysInMonth(y, m));
}

/** The month `n` months after `month` (negative = before). Accepts a date and uses its month. */
export function addMonths(month: IsoMonth | IsoDate, n: number): IsoMonth {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of months: ${n}`);
  const [y, m] = monthParts(month);
  const index = y * 12 + (m - 1) + n;
  return formatMonth(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

/**
 * Signed number of months from the month of `from` to the month of `to`
 * ('2026-01' → '2026-03' = 2; '2026-01-31' → '2026-02-01' = 1). Days are ignored.
 * The number of months in the inclusive range is monthsBetween(from, to) + 1.
 */
export function monthsBetween(from: IsoMonth | IsoDate, to: IsoMonth | IsoDate): number {
  const [y1, m1] = monthParts(from);
  const [y2, m2] = monthParts(to);
  return (y2 - y1) * 12 + (m2 - m1);
}

/**
 * Every month from the month of `from` to the month of `to`, both included,
 * in order ('2025-11' … '2026-02' → 4 months). Empty when `to` is before `from`.
 */
export function listMonths(from: IsoMonth | IsoDate, to: IsoMonth | IsoDate): IsoMonth[] {
  const n = monthsBetween(from, to);
  const start = monthOf(from);
  const out: IsoMonth[] = [];
  for (let i = 0; i <= n; i++) out.push(addMonths(start, i));
  return out;
}

/** The `n` months that end with the month of `end`, oldest first: lastMonths('2026-02', 3) = ['2025-12', '2026-01', '2026-02']. */
export function lastMonths(end: IsoMonth | IsoDate, n: number): IsoMonth[] {
  return listMonths(addMonths(end, 1 - n), end);
}

/**
 * The period `n` periods after `period` (negative = before), where a period
 * is a year 'YYYY' (n years) or a month 'YYYY-MM' (n months; a date counts
 * as its month): the runs of the escalation rules count in either.
 */
export function addPeriods(period: IsoYear | IsoMonth, n: number): IsoYear | IsoMonth {
  if (!YEAR_RE.test(period)) return addMonths(period, n);
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of years: ${n}`);
  const y = Number(period) + n;
  if (y < 0 || y > 9999) throw new RangeError(`year out of range: ${y}`);
  return pad(y, 4);
}

/** The first day of a year 'YYYY' or a month 'YYYY-MM'. */
export function firstDayOfPeriod(period: IsoYear | IsoMonth): IsoDate {
  return YEAR_RE.test(period) ? `${period}-01-01` : firstDayOfMonth(period);
}

/** The last day of a year 'YYYY' or a month 'YYYY-MM'. */
export function lastDayOfPeriod(period: IsoYear | IsoMonth): IsoDate {
  return YEAR_RE.test(period) ? `${period}-12-31` : lastDayOfMonth(period);
}
