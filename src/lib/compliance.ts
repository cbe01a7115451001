/**
 * Compliance of a monitoring station with its target, over months and years,
 * and the accountability rule of site.yaml `rules.escalation`: how many
 * consecutive periods missing the target call for which action, and whether
 * that action was recorded in actions.csv.
 *
 * Nothing here ever reports an action as taken that actions.csv does not
 * record: a required action is paired with a recorded one or with null.
 *
 * Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import { ACTION_KIND } from './enums.ts';
import type { TargetClass, WaterClass, Waterbody } from './enums.ts';
import { annualMeans, classifyReading, meetsTarget, worstClass, yearOf } from './gb3838.ts';
import type { DatedReading, PeriodMean } from './gb3838.ts';

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

/** The month `YYYY-MM` of a date `YYYY-MM-DD` or of a month `YYYY-MM`. */
export function monthOf(date: string): string {
  const m = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(date);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a date or month: ${date}`);
  return `${m[1]}-${m[2]}`;
}

/** The period just before a month `YYYY-MM` or a year `YYYY`. */
function previousPeriod(period: string): string {
  if (/^\d{4}$/.test(period)) return String(Number(period) - 1).padStart(4, '0');
  const [y, m] = monthOf(period).split('-').map(Number) as [number, number];
  return m === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${String(y).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}

/** The first day `YYYY-MM-DD` of a year, a month or a date (a date is itself). */
function firstDayOf(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  return period;
}

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
 */
export function monthlyResults(
  readings: readonly DatedReading[],
  waterbody: Waterbody,
  target: TargetClass,
): Array<MonthResult & ClassedResult> {
  const worst = new Map<string, WaterClass | null>();
  for (const r of readings) {
    const month = monthOf(r.date);
    const c = classifyReading(r.values, waterbody).class;
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
  const sorted = [...results].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
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
    expected = previousPeriod(r.period);
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

// ---------------------------------------------------------------------------
// The escalation rule
// ---------------------------------------------------------------------------

/** Thresholds of one scale: number of consecutive periods → action (e.g. `{ 2: '约谈' }`). */
export type EscalationLevels = Readonly<Record<number, string>>;

/** site.yaml `rules.escalation`. */
export interface EscalationRule {
  monthly: EscalationLevels;
  yearly: EscalationLevels;
}

/** The rule when site.yaml gives none: 2 months → 约谈, 3 months → 通报批评; 2 years → 警告, 3 years → 免职. */
export const DEFAULT_ESCALATION: EscalationRule = Object.freeze({
  monthly: Object.freeze({ 2: '约谈', 3: '通报批评' }),
  yearly: Object.freeze({ 2: '警告', 3: '免职' }),
});

/**
 * The rule to apply: site.yaml's, each of `monthly` and `yearly` falling back
 * to the default when absent. Keys must be whole numbers ≥ 1 (YAML may give
 * them as strings); anything else is an error.
 */
export function escalationRule(input?: { monthly?: Record<string | number, string>; yearly?: Record<string | number, string> } | null): EscalationRule {
  const levels = (given: Record<string | number, string> | undefined, fallback: EscalationLevels): EscalationLevels => {
    if (!given) return fallback;
    const out: Record<number, string> = {};
    for (const [key, action] of Object.entries(given)) {
      const n = Number(key);
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`escalation threshold must be a whole number ≥ 1: ${key}`);
      out[n] = action;
    }
    return out;
  };
  return { monthly: levels(input?.monthly, DEFAULT_ESCALATION.monthly), yearly: levels(input?.yearly, DEFAULT_ESCALATION.yearly) };
}

/** The action of the highest threshold a run has reached; null below the lowest. */
export function actionForRun(levels: EscalationLevels, run: number): { threshold: number; action: string } | null {
  let best: { threshold: number; action: string } | null = null;
  for (const [key, action] of Object.entries(levels)) {
    const threshold = Number(key);
    if (threshold <= run && (best === null || threshold > best.threshold)) best = { threshold, action };
  }
  return best;
}

/** What the rule calls for on one scale (months or years). */
export interface RequiredStep {
  /** Length of the current run of misses. */
  run: number;
  /** First and last period of the run; null when the run is empty or was given as a bare number. */
  from: string | null;
  to: string | null;
  /** The highest threshold reached; null when none. */
  threshold: number | null;
  /** The action of that threshold; null when none is called for. */
  action: string | null;
}

/** What the rule calls for now, on the monthly and on the yearly scale. */
export interface RequiredActions {
  monthly: RequiredStep;
  yearly: RequiredStep;
}

function stepOf(levels: EscalationLevels, run: MissRun | number): RequiredStep {
  const r: MissRun = typeof run === 'number' ? { length: run, from: null, to: null } : run;
  const hit = actionForRun(levels, r.length);
  return { run: r.length, from: r.from, to: r.to, threshold: hit?.threshold ?? null, action: hit?.action ?? null };
}

/** What the rule calls for given the current monthly and yearly runs: the highest threshold reached on each scale. */
export function requiredAction(rule: EscalationRule, monthlyRun: MissRun | number, yearlyRun: MissRun | number): RequiredActions {
  return { monthly: stepOf(rule.monthly, monthlyRun), yearly: stepOf(rule.yearly, yearlyRun) };
}

// ---------------------------------------------------------------------------
// Required against recorded
// ---------------------------------------------------------------------------

/** One row of actions.csv. */
export interface RecordedAction {
  date: string;
  chief: string;
  kind: string;
  reason?: string;
  document?: string;
}

/** Actions of the contract from mildest to strongest: 约谈 < 通报批评 < 警告 < 免职. */
export const ACTION_SEVERITY: readonly string[] = ACTION_KIND.values.filter((k) => k !== 'other');

/**
 * True when a recorded kind satisfies a required one: the same kind, or a
 * stronger one on the contract's scale. An action outside that scale (a
 * custom rule's, or `other`) is satisfied only by exactly the same kind.
 */
export function satisfies(recordedKind: string, requiredKind: string): boolean {
  if (recordedKind === requiredKind) return true;
  const rec = ACTION_SEVERITY.indexOf(recordedKind);
  const req = ACTION_SEVERITY.indexOf(requiredKind);
  return rec >= 0 && req >= 0 && rec >= req;
}

/** A required action set beside the record. */
export interface ActionCheck {
  /** The action the rule calls for; null when none. */
  required: string | null;
  /** The first day a recorded action counts from (the start of the run); null = any date. */
  since: string | null;
  /** The earliest recorded action that satisfies it; null when none is recorded. Never invented. */
  recorded: RecordedAction | null;
  /** `not_required`, `recorded` (a record satisfies it) or `not_recorded` (required, no record). */
  status: 'not_required' | 'recorded' | 'not_recorded';
}

/**
 * Whether a required action was recorded: a recorded action of that kind or
 * stronger, dated on or after `since` (a date, month or year: its first day),
 * and, when `chiefs` is given, taken on one of those chiefs. `required` may
 * be a `RequiredStep`, whose run start is then the default `since`. The
 * result carries the matching record or null, so an action can only be
 * shown as taken when actions.csv records it.
 */
export function compareWithRecorded(
  required: RequiredStep | string | null,
  recorded: readonly RecordedAction[],
  since?: string | null,
  chiefs?: readonly string[],
): ActionCheck {
  const kind = typeof required === 'string' || required === null ? required : required.action;
  const start = since ?? (typeof required === 'object' && required !== null ? required.from : null);
  const from = start === null ? null : firstDayOf(start);
  if (kind === null) return { required: null, since: from, recorded: null, status: 'not_required' };
  let match: RecordedAction | null = null;
  for (const a of recorded) {
    if (!satisfies(a.kind, kind)) continue;
    if (from !== null && a.date < from) continue;
    if (chiefs && !chiefs.includes(a.chief)) continue;
    if (match === null || a.date < match.date) match = a;
  }
  return { required: kind, since: from, recorded: match, status: match ? 'recorded' : 'not_recorded' };
}

/** Both scales of the rule, each required step set beside the record. */
export interface AccountabilityCheck {
  monthly: RequiredStep & { check: ActionCheck };
  yearly: RequiredStep & { check: ActionCheck };
}

/** requiredAction and compareWithRecorded together, for the chiefs responsible (all chiefs when omitted). */
export function checkAccountability(
  rule: EscalationRule,
  monthlyRun: MissRun | number,
  yearlyRun: MissRun | number,
  recorded: readonly RecordedAction[],
  chiefs?: readonly string[],
): AccountabilityCheck {
  const req = requiredAction(rule, monthlyRun, yearlyRun);
  return {
    monthly: { ...req.monthly, check: compareWithRecorded(req.monthly, recorded, null, chiefs) },
    yearly: { ...req.yearly, check: compareWithRecorded(req.yearly, recorded, null, chiefs) },
  };
}
