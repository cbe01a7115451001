/**
 * Problem cases (问题台账) and their status events (case-events.csv): the
 * current status and the checks that make an impossible history a data
 * error. The figures the site publishes over many cases (closed on time,
 * per month …) are case-figures.ts.
 *
 * Plain TypeScript, no Astro imports. Nothing reads the clock: every judgement
 * is made against the `asOf` date passed in (site.yaml `as_of`).
 *
 * ## The status flow
 *
 *     reported ─→ assigned ─→ rectifying ─→ submitted ─→ closed
 *        │           │            ↑  ↺          │
 *        └───────────┴─→ closed   └── rejected ←┘
 *
 * Allowed transitions (TRANSITIONS below), and why:
 * - reported → assigned → rectifying → submitted → closed: the normal path
 *   (登记 → 交办 → 整改 → 申请销号 → 销号).
 * - submitted → rejected: verification failed (验收未通过). `rejected` means the
 *   case is back in rectification, so from `rejected` the case goes on exactly as
 *   from `rectifying`: → rectifying (re-recorded) or straight → submitted again.
 * - rectifying → rectifying: progress updates (整改进展) recorded while work goes on.
 *   No other status may repeat.
 * - reported → closed and assigned → closed: closing *before rectification has
 *   started* — a report found unfounded or a duplicate on checking (核查不属实 / 重复
 *   举报), or a problem fixed on the spot when found (立行立改). Once rectification
 *   has started, a case can only be closed through submitted (验收后销号).
 * - closed is final: any later event is an error (a reopened problem is a new case).
 *
 * A case with no events is taken as `reported` on its found date.
 */
import { CASE_STATUS } from './enums.ts';
import type { CaseStatus } from './enums.ts';
import { compare, daysBetween, isValidDate } from './dates.ts';
import { push } from './collections.ts';

/** The columns of cases.csv this module needs; other columns pass through. */
export interface CaseLike {
  id: string;
  /** 发现日期 */
  found: string;
  /** 整改时限 */
  deadline: string;
}

/** One row of case-events.csv. */
export interface CaseEvent {
  case: string;
  date: string;
  status: CaseStatus;
  note?: string;
  by?: string;
  /** Line number in case-events.csv (header = line 1), for error messages. */
  line?: number;
}

/** Allowed transitions; see the module comment for the reasons. */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  reported: ['assigned', 'closed'],
  assigned: ['rectifying', 'closed'],
  rectifying: ['rectifying', 'submitted'],
  submitted: ['closed', 'rejected'],
  rejected: ['rectifying', 'submitted'],
  closed: [],
};

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && Object.hasOwn(CASE_STATUS.labels, value);
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The status as the public reads it: `rejected` is back in rectification. */
export type EffectiveStatus = Exclude<CaseStatus, 'rejected'>;

export function effectiveStatus(status: CaseStatus): EffectiveStatus {
  return status === 'rejected' ? 'rectifying' : status;
}

/** Events in date order; on the same date the original (file) order is kept. */
export function orderEvents<E extends { date: string }>(events: readonly E[]): E[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => compare(a.event.date, b.event.date) || a.index - b.index)
    .map((x) => x.event);
}

/** Events grouped by case id, each list in file order. */
export function eventsByCase<E extends { case: string }>(events: readonly E[]): Map<string, E[]> {
  const map = new Map<string, E[]>();
  for (const e of events) push(map, e.case, e);
  return map;
}

// ---------------------------------------------------------------------------
// Validation

/** An impossible event, reported as a data error against case-events.csv. */
export interface CaseEventProblem {
  /** The case id. */
  case: string;
  /** Line in case-events.csv of the offending event (null if the caller gave none). */
  line: number | null;
  column: 'status' | 'date';
  /** The offending cell value. */
  value: string;
  /** What was expected, in English. */
  expected: string;
  /** What was expected, in Chinese. */
  expectedZh: string;
}

const zh = (s: CaseStatus) => `“${CASE_STATUS.labels[s]}”`;
const lineRef = (e: CaseEvent) => (e.line != null ? ` (line ${e.line})` : '');
const lineRefZh = (e: CaseEvent) => (e.line != null ? `（第 ${e.line} 行）` : '');

/**
 * Every impossible thing in a case's events, in the order of the events:
 * - a date that does not exist, or a status that is not in the contract;
 * - an event before the case's found date, or after `asOf`;
 * - an event identical (date, status, note, by) to an earlier one;
 * - a first event (by date) that is not `reported`;
 * - an event after `closed`;
 * - a transition not in TRANSITIONS.
 * Events with a bad date or status, and exact duplicates, are reported once and
 * left out of the sequence checks so one mistake gives one message.
 * Pass the events of this case only, in file order.
 */
export function validateCaseEvents(c: CaseLike, events: readonly CaseEvent[], asOf: string): CaseEventProblem[] {
  const problems: CaseEventProblem[] = [];
  const add = (e: CaseEvent, column: 'status' | 'date', expected: string, expectedZh: string) =>
    problems.push({
      case: c.id,
      line: e.line ?? null,
      column,
      value: column === 'date' ? String(e.date) : String(e.status),
      expected,
      expectedZh,
    });

  const usable: CaseEvent[] = [];
  const seen = new Map<string, CaseEvent>();
  for (const e of events) {
    let ok = true;
    if (!isValidDate(e.date)) {
      add(e, 'date', 'a date YYYY-MM-DD that exists on the calendar', '有效日期，格式 YYYY-MM-DD');
      ok = false;
    } else {
      if (isValidDate(c.found) && e.date < c.found)
        add(e, 'date', `a date on or after the case's found date ${c.found}`, `不早于问题发现日期 ${c.found}`);
      if (e.date > asOf)
        add(e, 'date', `a date on or before the data date (as_of) ${asOf}`, `不晚于数据截止日期（as_of）${asOf}`);
    }
    if (!isCaseStatus(e.status)) {
      add(
        e,
        'status',
        `one of ${CASE_STATUS.values.join(', ')}`,
        `以下之一：${CASE_STATUS.values.map((s) => `${s}（${CASE_STATUS.labels[s]}）`).join('、')}`,
      );
      ok = false;
    }
    if (!ok) continue;
    const key = JSON.stringify([e.date, e.status, (e.note ?? '').trim(), (e.by ?? '').trim()]);
    const first = seen.get(key);
    if (first) {
      add(
        e,
        'status',
        `no repeat of the identical event${lineRef(first)}`,
        `与前面的相同记录${lineRefZh(first)}重复，应删除`,
      );
      continue;
    }
    seen.set(key, e);
    usable.push(e);
  }

  let prev: CaseEvent | null = null;
  for (const e of orderEvents(usable)) {
    if (prev === null) {
      if (e.status !== 'reported')
        add(
          e,
          'status',
          `the first event of case ${c.id} (by date) to be reported`,
          `问题 ${c.id} 按日期的第一条记录应为${zh('reported')}`,
        );
    } else if (prev.status === 'closed') {
      add(
        e,
        'status',
        `no event after the case was closed on ${prev.date}${lineRef(prev)}`,
        `问题已于 ${prev.date} 销号${lineRefZh(prev)}，其后不应再有记录`,
      );
    } else if (!canTransition(prev.status, e.status)) {
      const next = TRANSITIONS[prev.status];
      add(
        e,
        'status',
        `after ${prev.status} on ${prev.date}${lineRef(prev)}: one of ${next.join(', ')}`,
        `${prev.date}${zh(prev.status)}${lineRefZh(prev)}之后应为：${next.map(zh).join('或')}`,
      );
    }
    prev = e;
  }
  return problems;
}

// ---------------------------------------------------------------------------
// State of one case

export interface CaseState {
  id: string;
  found: string;
  deadline: string;
  /** The date this state describes. */
  asOf: string;
  /** Raw status of the latest event (`rejected` kept as such). */
  status: CaseStatus;
  /** `rejected` shown as `rectifying`: what the case is actually doing. */
  effectiveStatus: EffectiveStatus;
  /** True when the latest event is `rejected` (验收未通过, back in rectification). */
  backInRectification: boolean;
  closed: boolean;
  /** Number of `rejected` events. */
  rejections: number;
  /** Date of the closing event, null while open. */
  closedOn: string | null;
  /** Date of the latest event, null if none. */
  lastEventOn: string | null;
  /** Days from found to closedOn, or to asOf while open (never negative). */
  daysOpen: number;
  /** Not closed and asOf is after the deadline (on the deadline day itself: not yet). */
  overdue: boolean;
  /** Days past the deadline as of asOf while overdue; 0 otherwise. */
  overdueDays: number;
  /** Closed on or before the deadline; null while open. */
  closedOnTime: boolean | null;
  /** Closed after the deadline; null while open. */
  closedLate: boolean | null;
  /** Days the closing came after the deadline (0 if on time); null while open. */
  daysLate: number | null;
}

/**
 * The state of a case as of `asOf`. Events dated after `asOf`, or with an
 * invalid date or status, are ignored (validateCaseEvents reports them), so the
 * same function gives the state on any earlier date too. The case's `found` and
 * `deadline` must be valid dates (cases.csv is validated first); otherwise this throws.
 */
export function caseState(c: CaseLike, events: readonly CaseEvent[], asOf: string): CaseState {
  const ordered = orderEvents(events.filter((e) => isValidDate(e.date) && isCaseStatus(e.status) && e.date <= asOf));
  const last = ordered.at(-1);
  const status: CaseStatus = last ? last.status : 'reported';
  const closed = status === 'closed';
  const closedOn = closed && last ? last.date : null;
  const end = closedOn ?? asOf;
  const overdue = !closed && asOf > c.deadline;
  const closedOnTime = closedOn === null ? null : closedOn <= c.deadline;
  return {
    id: c.id,
    found: c.found,
    deadline: c.deadline,
    asOf,
    status,
    effectiveStatus: effectiveStatus(status),
    backInRectification: status === 'rejected',
    closed,
    rejections: ordered.filter((e) => e.status === 'rejected').length,
    closedOn,
    lastEventOn: last ? last.date : null,
    daysOpen: Math.max(0, daysBetween(c.found, end)),
    overdue,
    overdueDays: overdue ? daysBetween(c.deadline, asOf) : 0,
    closedOnTime,
    closedLate: closedOnTime === null ? null : !closedOnTime,
    daysLate: closedOn === null ? null : Math.max(0, daysBetween(c.deadline, closedOn)),
  };
}
