/**
 * Figures over many problem cases (问题台账), from their states (cases.ts
 * caseState): how many were found, closed, closed on time, open and overdue,
 * per month and per category.
 *
 * Plain TypeScript, no Astro imports. Nothing reads the clock: every state
 * was judged against the `asOf` date (site.yaml `as_of`).
 */
import { CASE_CATEGORY, CASE_STATUS } from './enums.ts';
import type { CaseStatus } from './enums.ts';
import { lastDayOfMonth, listMonths, monthOf } from './dates.ts';
import { push } from './collections.ts';
import type { CaseState, EffectiveStatus } from './cases.ts';

export interface CaseSummary {
  /** Cases found (= number of states). */
  found: number;
  closed: number;
  closedOnTime: number;
  closedLate: number;
  /** Not closed. */
  open: number;
  /** Open and past the deadline as of asOf. */
  overdueNow: number;
  /** Latest event `rejected`. */
  backInRectification: number;
  /** All `rejected` events. */
  rejections: number;
  /** closedOnTime / closed; null when nothing is closed. */
  onTimeRate: number | null;
  /** Count by raw status (every status present, 0 if none). */
  byStatus: Record<CaseStatus, number>;
  /** Count by effective status (`rejected` counted as `rectifying`). */
  byEffectiveStatus: Record<EffectiveStatus, number>;
}

export function summary(states: readonly CaseState[]): CaseSummary {
  const byStatus = Object.fromEntries(CASE_STATUS.values.map((s) => [s, 0])) as Record<CaseStatus, number>;
  const byEffectiveStatus = Object.fromEntries(
    CASE_STATUS.values.filter((s) => s !== 'rejected').map((s) => [s, 0]),
  ) as Record<EffectiveStatus, number>;
  const s: CaseSummary = {
    found: states.length,
    closed: 0,
    closedOnTime: 0,
    closedLate: 0,
    open: 0,
    overdueNow: 0,
    backInRectification: 0,
    rejections: 0,
    onTimeRate: null,
    byStatus,
    byEffectiveStatus,
  };
  for (const st of states) {
    byStatus[st.status]++;
    byEffectiveStatus[st.effectiveStatus]++;
    if (st.closed) s.closed++;
    else s.open++;
    if (st.closedOnTime === true) s.closedOnTime++;
    if (st.closedLate === true) s.closedLate++;
    if (st.overdue) s.overdueNow++;
    if (st.backInRectification) s.backInRectification++;
    s.rejections += st.rejections;
  }
  s.onTimeRate = s.closed > 0 ? s.closedOnTime / s.closed : null;
  return s;
}

export interface CaseMonth {
  month: string;
  /** Cases found in the month. */
  found: number;
  /** Cases closed in the month. */
  closed: number;
  /** Cases found by the end of the month (or asOf, if earlier) and not closed by then. */
  openAtEnd: number;
  /** Of those, past their deadline at that date. */
  overdueAtEnd: number;
}

/**
 * Found and closed per month. `months` defaults to every month from the
 * earliest found date to the latest found/closed date (or the latest asOf).
 * The end of a month later than a state's asOf is taken as that asOf.
 */
export function groupByMonth(states: readonly CaseState[], months?: readonly string[]): CaseMonth[] {
  let list: readonly string[];
  if (months) list = months;
  else if (states.length === 0) list = [];
  else {
    let min = states[0]!.found;
    let max = states[0]!.asOf;
    for (const st of states) {
      if (st.found < min) min = st.found;
      if (st.found > max) max = st.found;
      if (st.asOf > max) max = st.asOf;
    }
    list = listMonths(min, max);
  }
  // Each state's found and closed month once, not once per listed month.
  const found = new Map<string, number>();
  const closed = new Map<string, number>();
  for (const st of states) {
    const f = monthOf(st.found);
    found.set(f, (found.get(f) ?? 0) + 1);
    if (st.closedOn !== null) {
      const c = monthOf(st.closedOn);
      closed.set(c, (closed.get(c) ?? 0) + 1);
    }
  }
  return list.map((month) => {
    const monthEnd = lastDayOfMonth(month);
    const row: CaseMonth = {
      month,
      found: found.get(month) ?? 0,
      closed: closed.get(month) ?? 0,
      openAtEnd: 0,
      overdueAtEnd: 0,
    };
    for (const st of states) {
      const at = monthEnd < st.asOf ? monthEnd : st.asOf;
      if (st.found <= at && (st.closedOn === null || st.closedOn > at)) {
        row.openAtEnd++;
        if (at > st.deadline) row.overdueAtEnd++;
      }
    }
    return row;
  });
}

/**
 * A summary per key, keys in first-seen order unless `order` is given (keys
 * listed in `order` first, in that order, then the others sorted).
 */
export function summaryBy<T>(
  rows: readonly T[],
  key: (row: T) => string,
  state: (row: T) => CaseState,
  order?: readonly string[],
): { key: string; summary: CaseSummary }[] {
  const groups = new Map<string, CaseState[]>();
  for (const r of rows) push(groups, key(r), state(r));
  let keys = [...groups.keys()];
  if (order) {
    const known = order.filter((k) => groups.has(k));
    const rest = keys.filter((k) => !order.includes(k)).sort();
    keys = [...known, ...rest];
  }
  return keys.map((k) => ({ key: k, summary: summary(groups.get(k)!) }));
}

/** Summary per category, in the contract's category order. */
export function byCategory(
  rows: readonly { category: string; state: CaseState }[],
): { category: string; summary: CaseSummary }[] {
  return summaryBy(
    rows,
    (r) => r.category,
    (r) => r.state,
    CASE_CATEGORY.values,
  ).map(({ key, summary }) => ({ category: key, summary }));
}
