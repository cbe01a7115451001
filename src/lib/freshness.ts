/**
 * How fresh a station's data is. People mistake the page's update date for
 * the date of the data, and a station whose sampling stopped keeps showing
 * its last, perhaps good, class. A station is 数据较旧 (stale) when its latest
 * result is more than two months past its usual interval: a monthly station
 * whose last result is four or more months before the as_of month, a
 * quarterly one six or more.
 */
import { monthOf, monthsBetween } from './dates.ts';

/** The usual gap in months between a station's months with results: the median gap; 1 with fewer than two months. */
export function usualInterval(months: readonly string[]): number {
  const sorted = [...new Set(months.map(monthOf))].sort();
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push(monthsBetween(sorted[i - 1]!, sorted[i]!));
  if (gaps.length === 0) return 1;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)]!;
}

export interface Freshness {
  /** The date (or month) of the latest result; null when there is none. */
  last: string | null;
  /** The usual interval in months. */
  interval: number;
  /** Whole months from the latest result's month to the as_of month. */
  monthsSince: number | null;
  /** More than interval + 2 months since the latest result. */
  stale: boolean;
}

/** The freshness of a station's results (`dates`: the dates or months of its results) as of `asOf`. */
export function freshness(dates: readonly string[], asOf: string): Freshness {
  if (dates.length === 0) return { last: null, interval: 1, monthsSince: null, stale: false };
  const last = [...dates].sort().at(-1)!;
  const interval = usualInterval(dates);
  const monthsSince = monthsBetween(monthOf(last), monthOf(asOf));
  return { last, interval, monthsSince, stale: monthsSince > interval + 2 };
}
