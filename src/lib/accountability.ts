/**
 * Accountability of monitoring stations (data contract, "Version 2
 * additions": who answers for a monitoring station, and when an action
 * counts). For every run of consecutive periods that miss the target, and
 * every length of the run named in `rules.escalation`, one required action:
 * whom it concerned then (the holders of the accountable roles whose post
 * overlapped the run), the window in which it had to be recorded, and
 * whether actions.csv records it (`recorded`), the window has passed without
 * one (`missing`) or it may still come (`pending`).
 *
 * Nothing here reports an action as taken that actions.csv does not record:
 * a row is `recorded` only with the matching row of actions.csv beside it.
 *
 * Plain TypeScript: no Astro imports, no I/O.
 */
import { ACTION_KIND } from './enums.ts';
import { addDays, addPeriods, compare, firstDayOfPeriod, lastDayOfPeriod, monthOf, yearOf } from './dates.ts';

/** `monthly`: calendar months, each classed by its worst result; `yearly`: complete years classed by their mean. */
export type RuleScale = 'monthly' | 'yearly';

/** A period's result: a month `YYYY-MM` or a year `YYYY`; meets null = no class that period (ends a run). */
export interface PeriodResult {
  period: string;
  meets: boolean | null;
}

/** A post that may answer for a station: one row of assignments.csv, already narrowed to the station. */
export interface Post {
  chief: string;
  role: string;
  start: string;
  end?: string | null;
}

/** One row of actions.csv. */
export interface RecordedAction {
  date: string;
  chief: string;
  kind: string;
  reason?: string;
  document?: string;
}

/** recorded: actions.csv has it; missing: the window has closed without it; pending: the window has not closed (or not opened). */
export type AccountabilityStatus = 'recorded' | 'missing' | 'pending';

/** One required action (a row of /data/accountability.json). */
export interface RequiredAction {
  rule: RuleScale;
  /** The run's first period (month `YYYY-MM` or year `YYYY`). */
  from: string;
  /** The period in which the run reached `length`. */
  to: string;
  length: number;
  /** The action kind the rule names for `length`. */
  required: string;
  /** Chief ids whose accountable post overlapped from…to, in the order of the posts given. */
  responsible: string[];
  /** Those posts (a chief may hold more than one). */
  posts: Post[];
  /** First and last day (both included) in which a recorded action counts. */
  opens: string;
  closes: string;
  status: AccountabilityStatus;
  /** The earliest action of actions.csv that satisfies this row; null unless `status` is recorded. */
  recorded: RecordedAction | null;
}

/** Actions of the contract from mildest to most severe: 约谈 < 通报批评 < 警告 < 免职. */
export const ACTION_SEVERITY: readonly string[] = ACTION_KIND.values.filter((k) => k !== 'other');

/**
 * True when a recorded kind satisfies a required one: the same kind, or a
 * more severe one on the contract's scale. A kind outside that scale (a
 * custom rule's, or `other`) is satisfied only by exactly the same kind.
 */
export function satisfies(recordedKind: string, requiredKind: string): boolean {
  if (recordedKind === requiredKind) return true;
  const rec = ACTION_SEVERITY.indexOf(recordedKind);
  const req = ACTION_SEVERITY.indexOf(requiredKind);
  return rec >= 0 && req >= 0 && rec >= req;
}

/** A maximal run of consecutive periods that miss the target. */
export interface Run {
  from: string;
  to: string;
  length: number;
}

/**
 * Every maximal run of consecutive periods missing the target, oldest first.
 * A period that meets its target, has no class, or is absent (a calendar
 * gap) ends a run. Input order does not matter.
 */
export function missRuns(results: readonly PeriodResult[]): Run[] {
  const sorted = [...results].sort((a, b) => compare(a.period, b.period));
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const r of sorted) {
    if (r.meets !== false) {
      current = null;
      continue;
    }
    if (current && addPeriods(current.to, 1) === r.period) {
      current.length++;
      current.to = r.period;
    } else {
      current = { from: r.period, to: r.period, length: 1 };
      runs.push(current);
    }
  }
  return runs;
}

/**
 * The chiefs whose post overlapped the periods from…to: `start` on or before
 * the last day of `to`, and `end` empty or on or after the first day of
 * `from`. Each chief once, in the order of `posts`.
 */
export function responsibleFor(posts: readonly Post[], from: string, to: string): string[] {
  return [...new Set(overlapping(posts, from, to).map((p) => p.chief))];
}

/** The posts that overlapped the periods from…to (see responsibleFor). */
export function overlapping(posts: readonly Post[], from: string, to: string): Post[] {
  const first = firstDayOfPeriod(from);
  const last = lastDayOfPeriod(to);
  return posts.filter((p) => p.start <= last && (!p.end || p.end >= first));
}

/**
 * Years that count for the yearly rule: complete on `asOf` (its 31 December
 * is on or before `asOf`) and with results in at least `minMonths` months.
 * `monthsWithResults` lists months `YYYY-MM` (duplicates are ignored).
 */
export function countedYears(monthsWithResults: Iterable<string>, asOf: string, minMonths: number): Set<string> {
  const perYear = new Map<string, Set<string>>();
  for (const m of monthsWithResults) {
    const y = yearOf(m);
    let set = perYear.get(y);
    if (!set) perYear.set(y, (set = new Set()));
    set.add(monthOf(m));
  }
  const out = new Set<string>();
  for (const [y, months] of perYear) if (`${y}-12-31` <= asOf && months.size >= minMonths) out.add(y);
  return out;
}

/** Escalation thresholds of one scale: run length → action. */
export type Levels = Readonly<Record<number | string, string>>;

export interface JudgeInput {
  rule: RuleScale;
  /** The station's results per period (months, or counted years only). */
  results: readonly PeriodResult[];
  levels: Levels;
  /** The station's accountable posts (any dates). */
  posts: readonly Post[];
  /** Every recorded action (actions of other chiefs are ignored). */
  actions: readonly RecordedAction[];
  asOf: string;
  windowDays: number;
}

/**
 * The required actions of one station on one scale, oldest run first, and
 * within a run in order of length. A run of 3 months under { 2: 约谈,
 * 3: 通报批评 } yields two rows.
 */
export function requiredActions(input: JudgeInput): RequiredAction[] {
  const levels = Object.entries(input.levels)
    .map(([k, action]) => ({ length: Number(k), action }))
    .filter((l) => Number.isInteger(l.length) && l.length >= 1)
    .sort((a, b) => a.length - b.length);
  const out: RequiredAction[] = [];
  for (const run of missRuns(input.results)) {
    for (const level of levels) {
      if (level.length > run.length) break;
      // The period in which a run starting at `from` reaches this length.
      const to = addPeriods(run.from, level.length - 1);
      const posts = overlapping(input.posts, run.from, to);
      const responsible = [...new Set(posts.map((p) => p.chief))];
      const opens = firstDayOfPeriod(addPeriods(to, 1));
      const closes = addDays(opens, input.windowDays - 1);
      let recorded: RecordedAction | null = null;
      for (const a of input.actions) {
        if (a.date < opens || a.date > closes) continue;
        if (!responsible.includes(a.chief) || !satisfies(a.kind, level.action)) continue;
        if (recorded === null || a.date < recorded.date) recorded = a;
      }
      const status: AccountabilityStatus = recorded ? 'recorded' : input.asOf > closes ? 'missing' : 'pending';
      out.push({
        rule: input.rule,
        from: run.from,
        to,
        length: level.length,
        required: level.action,
        responsible,
        posts,
        opens,
        closes,
        status,
        recorded,
      });
    }
  }
  return out;
}
