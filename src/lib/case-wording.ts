/**
 * How a case's state reads in Chinese, shared by the ledger pages, the
 * report lookup shards and the feed. Pure: a function of the case state.
 */
import { CASE_STATUS, type CaseStatus } from './enums.ts';
import type { CaseState } from './cases.ts';
import { daysBetween } from './dates.ts';
import { formatDateZh } from './format.ts';

/** The status as a reader should read it: `rejected` is back in rectification. */
export function statusLabel(status: CaseStatus): string {
  return status === 'rejected' ? '整改中（验收未通过）' : CASE_STATUS.labels[status];
}

/** One plain sentence on the deadline: overdue, closed on time or late, or time left. */
export function deadlineText(state: CaseState): string {
  const deadline = formatDateZh(state.deadline);
  if (state.closed) {
    const on = formatDateZh(state.closedOn!);
    return state.closedOnTime
      ? `已于${on}销号，在整改时限（${deadline}）内完成。`
      : `已于${on}销号，比整改时限（${deadline}）晚 ${state.daysLate} 天，属逾期完成。`;
  }
  if (state.overdue)
    return `已逾期 ${state.overdueDays} 天：整改时限是${deadline}，截至${formatDateZh(state.asOf)}仍未销号。`;
  const left = daysBetween(state.asOf, state.deadline);
  return left === 0
    ? `未逾期：整改时限就是数据截止日${deadline}。`
    : `未逾期：整改时限是${deadline}，距数据截止日（${formatDateZh(state.asOf)}）还有 ${left} 天。`;
}

/** A short tag for tables: 逾期 N 天 / 逾期完成 / 按期完成 / ''. */
export function overdueTag(state: CaseState): string {
  if (state.overdue) return `逾期 ${state.overdueDays} 天`;
  if (state.closedLate) return `逾期 ${state.daysLate} 天完成`;
  if (state.closedOnTime) return '按期完成';
  return '';
}
