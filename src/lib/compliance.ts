/**
 * Compliance of a monitoring station with its target, over months and years:
 * each period's class and whether it meets the target, and the run of
 * consecutive periods missing it up to the latest. What the escalation rule
 * requires for each run, of whom, and whether it was recorded, is
 * accountability.ts.
 *
 * Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import type { TargetClass, WaterClass, Waterbody } from './enums.ts';
import { classifyReading, meetsTarget, worstClass } from './gb3838.ts';
import type { DatedReading } from './gb3838.ts';
import { annualMeans, type PeriodMean } from './means.ts';
import { addPeriods, compare, monthOf, yearOf } from './dates.ts';

// ---------------------------------------------------------------------------
// Results per period
// ---------------------------------------------------------------------------

/** A month's result, as `consecutiveMisses` reads it. */
export interface MonthResult {
  /** `YYYY-MM` */
  month: string;
  /** Whether the month met its target; null = no result that month. */
  meets: boolean | null;
}

/** A year's result, as `consecutiveYearMisses` reads it. */
export interface YearResult {
  /** `YYYY` */
  year: string;
  /** Whether the year's mean met its target; null = no result that year. */
  meets: boolean | null;
}

/** A station's result for a month (the worst class of its results) or a year (the class of its mean). */
export interface ClassedResult {
  /** The month's worst class, or the class of the year's mean; null when no deciding item was measured. */
  class: WaterClass | null;
  /** Whether the class meets the target; null when there is no class. */
  meets: boolean | null;
}

function classed(mean: PeriodMean, waterbody: Waterbody, target: TargetClass): ClassedResult {
  const c = classifyReading(mean.values, waterbody, target);
  return { class: c.class, meets: c.meetsTarget };
}

/**
 * A station's monthly results, in month order. A month's class is the worst
 * class of that month's results (data contract v2, "Monthly rule"), so one
 * bad sample makes the month miss its target however good the others were;
 * a monthly value `YYYY-MM` beside dated samples is one more result of the
 * month. A month whose results have no deciding item has no class.
 * A reading that carries its class (classified already, as the query
 * module's are) is not classified again: the class does not depend on the
 * target.
 */
export function monthlyResults(
  readings: readonly (DatedReading & { class?: WaterClass | null })[],
  waterbody: Waterbody,
  target: TargetClass,
): Array<MonthResult & ClassedResult> {
  const worst = new Map<string, WaterClass | null>();
  for (const r of readings) {
    const month = monthOf(r.date);
    const c = r.class !== undefined ? r.class : classifyReading(r.values, waterbody).class;
    const before = worst.get(month) ?? null;
    worst.set(month, c === null ? before : worstClass(before === null ? [c] : [before, c]));
  }
  return [...worst.keys()].sort().map((month) => {
    const c = worst.get(month)!;
    return { month, class: c, meets: c === null ? null : meetsTarget(c, target) };
  });
}

/** A station's yearly results, in year order: the class of each year's mean of all its readings (see `annualMeans`). */
export function yearlyResults(
  readings: readonly DatedReading[],
  waterbody: Waterbody,
  target: TargetClass,
): Array<YearResult & ClassedResult> {
  return annualMeans(readings).map((m) => ({ year: m.period, ...classed(m, waterbody, target) }));
}

// ---------------------------------------------------------------------------
// Runs of misses
// ---------------------------------------------------------------------------

/** A run of consecutive periods missing the target that ends at the latest period. */
export interface MissRun {
  /** How many consecutive periods; 0 when the latest period met its target or had no result. */
  length: number;
  /** The first period of the run; null when the run is empty. */
  from: string | null;
  /** The last period of the run (the latest period); null when the run is empty. */
  to: string | null;
}

function runOf(results: ReadonlyArray<{ period: string; meets: boolean | null }>): MissRun {
  const sorted = [...results].sort((a, b) => compare(a.period, b.period));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.period === sorted[i - 1]!.period) throw new RangeError(`two results for ${sorted[i]!.period}`);
  }
  let length = 0;
  let from: string | null = null;
  const last = sorted.at(-1);
  let expected = last?.period;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const r = sorted[i]!;
    if (r.period !== expected || r.meets !== false) break;
    length++;
    from = r.period;
    expected = addPeriods(r.period, -1);
  }
  return { length, from, to: length > 0 ? last!.period : null };
}

/**
 * The run of consecutive months missing the target that ends at the latest
 * month given. The rule speaks of consecutive monitored months, so a month
 * without a result breaks the run, whether it is listed with `meets: null`
 * or absent (a calendar gap between two listed months). To judge the run as
 * of a date, list that month too (with `meets: null` if it has no result):
 * the run then is 0 until the month has a result. Input order does not
 * matter; two results for one month are an error.
 */
export function consecutiveMisses(results: readonly MonthResult[]): MissRun {
  return runOf(results.map((r) => ({ period: monthOf(r.month), meets: r.meets })));
}

/** The same as `consecutiveMisses`, for years `YYYY` judged on annual means: a year without a result breaks the run. */
export function consecutiveYearMisses(results: readonly YearResult[]): MissRun {
  return runOf(results.map((r) => ({ period: yearOf(r.year), meets: r.meets })));
}
