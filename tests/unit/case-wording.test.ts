/**
 * src/lib/case-wording.ts: how a case's state reads on the ledger pages,
 * the report lookup and the feed, at the edges of its deadline.
 */
import { describe, expect, it } from 'vitest';
import { caseState, type CaseEvent } from '../../src/lib/cases.ts';
import type { CaseStatus } from '../../src/lib/enums.ts';
import { deadlineText, overdueTag, statusLabel } from '../../src/lib/case-wording.ts';

/** A case found 2026-03-01, due 2026-04-30. */
const CASE = { id: 'wt-2026-001', found: '2026-03-01', deadline: '2026-04-30' };
const ev = (rows: [string, CaseStatus][]): CaseEvent[] =>
  rows.map(([date, status]) => ({ case: CASE.id, date, status }));
/** Closed on `date` (after 2026-03-06) through the normal path. */
const closedOn = (date: string) =>
  caseState(
    CASE,
    ev([
      ['2026-03-01', 'reported'],
      ['2026-03-02', 'assigned'],
      ['2026-03-05', 'rectifying'],
      ['2026-03-06', 'submitted'],
      [date, 'closed'],
    ]),
    '2026-10-31',
  );
const open = (asOf: string) => caseState(CASE, ev([['2026-03-01', 'reported']]), asOf);

describe('statusLabel', () => {
  it('reads a failed verification as back in rectification', () => {
    expect(statusLabel('rejected')).toBe('整改中（验收未通过）');
  });
  it('uses the contract label for every other status', () => {
    expect(statusLabel('reported')).toBe('已登记');
    expect(statusLabel('rectifying')).toBe('整改中');
    expect(statusLabel('closed')).toBe('已销号');
  });
});

describe('deadlineText', () => {
  it('counts the days left before the deadline', () => {
    expect(deadlineText(open('2026-04-20'))).toBe(
      '未逾期：整改时限是2026年4月30日，距数据截止日（2026年4月20日）还有 10 天。',
    );
  });
  it('on the deadline day itself the case is not overdue yet', () => {
    expect(deadlineText(open('2026-04-30'))).toBe('未逾期：整改时限就是数据截止日2026年4月30日。');
  });
  it('the day after the deadline it is one day overdue', () => {
    expect(deadlineText(open('2026-05-01'))).toBe('已逾期 1 天：整改时限是2026年4月30日，截至2026年5月1日仍未销号。');
  });
  it('closed on the deadline day is on time; a day later is late by one day', () => {
    expect(deadlineText(closedOn('2026-04-30'))).toBe('已于2026年4月30日销号，在整改时限（2026年4月30日）内完成。');
    expect(deadlineText(closedOn('2026-05-01'))).toBe(
      '已于2026年5月1日销号，比整改时限（2026年4月30日）晚 1 天，属逾期完成。',
    );
  });
});

describe('overdueTag', () => {
  it('tags an open case overdue with its days, and says nothing while it is in time', () => {
    expect(overdueTag(open('2026-05-10'))).toBe('逾期 10 天');
    expect(overdueTag(open('2026-04-30'))).toBe('');
  });
  it('tags a closed case late or on time', () => {
    expect(overdueTag(closedOn('2026-05-03'))).toBe('逾期 3 天完成');
    expect(overdueTag(closedOn('2026-04-30'))).toBe('按期完成');
  });
});
