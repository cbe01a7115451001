import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../src/lib/enums.ts';
import { byCategory, groupByMonth, summary } from '../../src/lib/case-figures.ts';
import {
  canTransition,
  caseState,
  eventsByCase,
  orderEvents,
  TRANSITIONS,
  validateCaseEvents,
  type CaseEvent,
  type CaseLike,
} from '../../src/lib/cases.ts';

/** A case found 2026-03-01 with a deadline of 2026-04-30. */
const CASE: CaseLike = { id: 'c1', found: '2026-03-01', deadline: '2026-04-30' };

/** Events of case c1; `line` numbers as in case-events.csv (header = line 1). */
function events(rows: [date: string, status: string, note?: string][], firstLine = 2): CaseEvent[] {
  return rows.map(([date, status, note], i) => ({
    case: 'c1',
    date,
    status: status as CaseStatus,
    note: note ?? '',
    by: '青石镇',
    line: firstLine + i,
  }));
}

const HAPPY = events([
  ['2026-03-01', 'reported'],
  ['2026-03-03', 'assigned'],
  ['2026-03-10', 'rectifying'],
  ['2026-04-20', 'submitted'],
  ['2026-04-25', 'closed'],
]);

/** Rejected twice before it was closed. */
const REJECTED_TWICE = events([
  ['2026-03-01', 'reported'],
  ['2026-03-02', 'assigned'],
  ['2026-03-05', 'rectifying'],
  ['2026-03-20', 'submitted'],
  ['2026-03-25', 'rejected', '仍有垃圾残留'],
  ['2026-03-26', 'rectifying'],
  ['2026-04-10', 'submitted'],
  ['2026-04-12', 'rejected', '复查未通过'],
  ['2026-04-20', 'submitted'],
  ['2026-05-06', 'closed'],
]);

describe('the status of a case', () => {
  const status = (e: CaseEvent[]) => caseState(CASE, e, '2026-10-31').status;
  it('is the status of the latest event by date', () => {
    expect(status(HAPPY)).toBe('closed');
    expect(status([])).toBe('reported');
  });
  it('uses the date, not the file order', () => {
    const shuffled = events([
      ['2026-03-10', 'rectifying'],
      ['2026-03-01', 'reported'],
      ['2026-03-03', 'assigned'],
    ]);
    expect(status(shuffled)).toBe('rectifying');
  });
  it('on the same date the later row wins', () => {
    const sameDay = events([
      ['2026-03-01', 'reported'],
      ['2026-03-05', 'assigned'],
      ['2026-03-05', 'rectifying'],
    ]);
    expect(status(sameDay)).toBe('rectifying');
    const sameDayReversed = events([
      ['2026-03-01', 'reported'],
      ['2026-03-05', 'rectifying'],
      ['2026-03-05', 'assigned'],
    ]);
    expect(status(sameDayReversed)).toBe('assigned');
  });
  it('orderEvents is stable on equal dates', () => {
    const e = events([
      ['2026-03-05', 'assigned'],
      ['2026-03-01', 'reported'],
      ['2026-03-05', 'rectifying'],
    ]);
    expect(orderEvents(e).map((x) => x.line)).toEqual([3, 2, 4]);
  });
  it('eventsByCase groups in file order', () => {
    const mixed = [...HAPPY.slice(0, 2), { ...HAPPY[0]!, case: 'c2', line: 99 }, ...HAPPY.slice(2)];
    const map = eventsByCase(mixed);
    expect(map.get('c1')!.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    expect(map.get('c2')!.map((e) => e.line)).toEqual([99]);
  });
});

describe('status flow', () => {
  it('allows the documented set and nothing else', () => {
    expect(canTransition('reported', 'assigned')).toBe(true);
    expect(canTransition('reported', 'closed')).toBe(true);
    expect(canTransition('assigned', 'closed')).toBe(true);
    expect(canTransition('rectifying', 'closed')).toBe(false);
    expect(canTransition('submitted', 'rejected')).toBe(true);
    expect(canTransition('rejected', 'rectifying')).toBe(true);
    expect(canTransition('rejected', 'submitted')).toBe(true);
    expect(canTransition('rejected', 'closed')).toBe(false);
    expect(canTransition('rectifying', 'rectifying')).toBe(true);
    expect(canTransition('assigned', 'assigned')).toBe(false);
    expect(TRANSITIONS.closed).toEqual([]);
  });
  it('a valid history has no problems', () => {
    expect(validateCaseEvents(CASE, HAPPY, '2026-10-31')).toEqual([]);
    expect(validateCaseEvents(CASE, REJECTED_TWICE, '2026-10-31')).toEqual([]);
  });
  it('an unfounded report closed straight after registration is valid', () => {
    const e = events([
      ['2026-03-01', 'reported'],
      ['2026-03-02', 'closed', '经核查不属实'],
    ]);
    expect(validateCaseEvents(CASE, e, '2026-10-31')).toEqual([]);
  });
  it('several events on the same day in flow order are valid', () => {
    const e = events([
      ['2026-03-01', 'reported'],
      ['2026-03-01', 'assigned'],
      ['2026-03-01', 'rectifying'],
    ]);
    expect(validateCaseEvents(CASE, e, '2026-10-31')).toEqual([]);
  });
});

describe('validateCaseEvents: impossible sequences, each on its line', () => {
  const AS_OF = '2026-10-31';

  it('first event not reported', () => {
    const e = events([
      ['2026-03-02', 'assigned'],
      ['2026-03-05', 'rectifying'],
    ]);
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ case: 'c1', line: 2, column: 'status', value: 'assigned' });
    expect(p[0]!.expected).toContain('reported');
    expect(p[0]!.expectedZh).toContain('已登记');
  });

  it('an event before the found date', () => {
    const e = events([
      ['2026-02-27', 'reported'],
      ['2026-03-03', 'assigned'],
    ]);
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'date',
        value: '2026-02-27',
        expected: expect.stringContaining('2026-03-01'),
      }),
    ]);
    expect(p[0]!.expectedZh).toContain('发现日期');
  });

  it('an event after as_of', () => {
    const e = [...HAPPY.slice(0, 4), ...events([['2026-11-02', 'closed']], 6)];
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p).toEqual([expect.objectContaining({ line: 6, column: 'date', value: '2026-11-02' })]);
    expect(p[0]!.expected).toContain('2026-10-31');
  });

  it('an event after closed', () => {
    const e = [...HAPPY, ...events([['2026-05-10', 'rectifying']], 7)];
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 7, column: 'status', value: 'rectifying' });
    expect(p[0]!.expected).toContain('line 6');
    expect(p[0]!.expectedZh).toContain('销号');
  });

  it('closed before reported: both rows are named', () => {
    const e = events([
      ['2026-03-05', 'reported'],
      ['2026-03-02', 'closed'],
    ]);
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p.map((x) => [x.line, x.column, x.value])).toEqual([
      [3, 'status', 'closed'], // first by date, not reported
      [2, 'status', 'reported'], // after closed
    ]);
  });

  it('a transition not in the flow names what was allowed', () => {
    const e = events([
      ['2026-03-01', 'reported'],
      ['2026-03-02', 'assigned'],
      ['2026-03-03', 'rectifying'],
      ['2026-03-10', 'closed'], // skips submitted
    ]);
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 5, column: 'status', value: 'closed' });
    expect(p[0]!.expected).toBe('after rectifying on 2026-03-03 (line 4): one of rectifying, submitted');
    expect(p[0]!.expectedZh).toContain('“申请销号”');
  });

  it('rejected without a submission', () => {
    const e = events([
      ['2026-03-01', 'reported'],
      ['2026-03-02', 'assigned'],
      ['2026-03-03', 'rejected'],
    ]);
    expect(validateCaseEvents(CASE, e, AS_OF).map((x) => x.line)).toEqual([4]);
  });

  it('a duplicated identical event is reported once, on the repeat', () => {
    const e = events([
      ['2026-03-01', 'reported'],
      ['2026-03-02', 'assigned'],
      ['2026-03-02', 'assigned'],
      ['2026-03-03', 'rectifying'],
    ]);
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 4, column: 'status', value: 'assigned' });
    expect(p[0]!.expected).toContain('line 3');
  });

  it('the same status twice with different notes is a bad transition, not a duplicate', () => {
    const e = events([
      ['2026-03-01', 'reported'],
      ['2026-03-02', 'assigned', '交办青石镇'],
      ['2026-03-02', 'assigned', '改交水务站'],
    ]);
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p).toHaveLength(1);
    expect(p[0]!.line).toBe(4);
    expect(p[0]!.expected).toContain('after assigned');
  });

  it('a date that does not exist and an unknown status', () => {
    const e = events([
      ['2026-03-01', 'reported'],
      ['2026-02-30', 'assigned'],
      ['2026-03-04', 'done'],
    ]);
    const p = validateCaseEvents(CASE, e, AS_OF);
    expect(p.map((x) => [x.line, x.column, x.value])).toEqual([
      [3, 'date', '2026-02-30'],
      [4, 'status', 'done'],
    ]);
  });

  it('line is null when the caller gives none', () => {
    const p = validateCaseEvents(CASE, [{ case: 'c1', date: '2026-03-02', status: 'assigned' }], AS_OF);
    expect(p[0]!.line).toBeNull();
  });
});

describe('caseState', () => {
  it('rejected then closed counts two rejections', () => {
    const s = caseState(CASE, REJECTED_TWICE, '2026-10-31');
    expect(s).toMatchObject({
      status: 'closed',
      closed: true,
      rejections: 2,
      closedOn: '2026-05-06',
      daysOpen: 66,
      overdue: false,
      overdueDays: 0,
      closedOnTime: false,
      closedLate: true,
      daysLate: 6,
    });
  });

  it('a rejected case is back in rectification, with the raw status kept', () => {
    const s = caseState(CASE, REJECTED_TWICE.slice(0, 5), '2026-04-01');
    expect(s.status).toBe('rejected');
    expect(s.effectiveStatus).toBe('rectifying');
    expect(s.backInRectification).toBe(true);
    expect(s.rejections).toBe(1);
    expect(s.closedOn).toBeNull();
    expect(s.closedOnTime).toBeNull();
    expect(s.closedLate).toBeNull();
  });

  it('closed before the deadline: on time', () => {
    const s = caseState(CASE, HAPPY, '2026-10-31');
    expect(s).toMatchObject({
      closedOn: '2026-04-25',
      closedOnTime: true,
      closedLate: false,
      daysLate: 0,
      daysOpen: 55,
    });
  });

  it('closed on the deadline day: on time', () => {
    const e = [...HAPPY.slice(0, 4), ...events([['2026-04-30', 'closed']], 6)];
    const s = caseState(CASE, e, '2026-10-31');
    expect(s).toMatchObject({ closedOn: '2026-04-30', closedOnTime: true, closedLate: false, daysLate: 0 });
  });

  it('closed the day after the deadline: late', () => {
    const e = [...HAPPY.slice(0, 4), ...events([['2026-05-01', 'closed']], 6)];
    const s = caseState(CASE, e, '2026-10-31');
    expect(s).toMatchObject({ closedOnTime: false, closedLate: true, daysLate: 1, overdue: false });
  });

  it('open on the deadline day: not overdue yet', () => {
    const s = caseState(CASE, HAPPY.slice(0, 3), '2026-04-30');
    expect(s).toMatchObject({ status: 'rectifying', overdue: false, overdueDays: 0, daysOpen: 60 });
  });

  it('open the day after the deadline: overdue by one day', () => {
    const s = caseState(CASE, HAPPY.slice(0, 3), '2026-05-01');
    expect(s).toMatchObject({ overdue: true, overdueDays: 1, daysOpen: 61 });
  });

  it('a closed case is never overdue, however late it was', () => {
    const e = [...HAPPY.slice(0, 4), ...events([['2026-06-15', 'closed']], 6)];
    expect(caseState(CASE, e, '2026-10-31').overdue).toBe(false);
  });

  it('ignores events after as_of: the state on an earlier date', () => {
    const s = caseState(CASE, HAPPY, '2026-04-22');
    expect(s).toMatchObject({ status: 'submitted', closed: false, closedOn: null, lastEventOn: '2026-04-20' });
  });

  it('a case without events is reported on its found date', () => {
    const s = caseState(CASE, [], '2026-03-10');
    expect(s).toMatchObject({ status: 'reported', lastEventOn: null, daysOpen: 9 });
  });

  it('counts days across a leap day', () => {
    const leap: CaseLike = { id: 'c9', found: '2024-02-28', deadline: '2024-03-01' };
    expect(caseState(leap, [], '2024-03-01')).toMatchObject({ daysOpen: 2, overdue: false });
    expect(caseState(leap, [], '2024-03-02')).toMatchObject({ daysOpen: 3, overdue: true, overdueDays: 1 });
  });
});

describe('summaries', () => {
  const AS_OF = '2026-05-15';
  const A: CaseLike = { id: 'a', found: '2026-03-01', deadline: '2026-04-30' }; // closed on time in April
  const B: CaseLike = { id: 'b', found: '2026-03-10', deadline: '2026-04-10' }; // open, overdue
  const C: CaseLike = { id: 'c', found: '2026-04-05', deadline: '2026-06-30' }; // rejected, not overdue
  const D: CaseLike = { id: 'd', found: '2026-04-20', deadline: '2026-04-25' }; // closed late in May
  const ev = (id: string, rows: [string, CaseStatus][]): CaseEvent[] =>
    rows.map(([date, status], i) => ({ case: id, date, status, line: i + 2 }));
  const states = [
    caseState(
      A,
      ev('a', [
        ['2026-03-01', 'reported'],
        ['2026-03-02', 'assigned'],
        ['2026-03-03', 'rectifying'],
        ['2026-04-01', 'submitted'],
        ['2026-04-03', 'closed'],
      ]),
      AS_OF,
    ),
    caseState(
      B,
      ev('b', [
        ['2026-03-10', 'reported'],
        ['2026-03-11', 'assigned'],
      ]),
      AS_OF,
    ),
    caseState(
      C,
      ev('c', [
        ['2026-04-05', 'reported'],
        ['2026-04-06', 'assigned'],
        ['2026-04-07', 'rectifying'],
        ['2026-04-20', 'submitted'],
        ['2026-04-22', 'rejected'],
      ]),
      AS_OF,
    ),
    caseState(
      D,
      ev('d', [
        ['2026-04-20', 'reported'],
        ['2026-05-02', 'closed'],
      ]),
      AS_OF,
    ),
  ];

  it('summary counts', () => {
    const s = summary(states);
    expect(s).toMatchObject({
      found: 4,
      closed: 2,
      closedOnTime: 1,
      closedLate: 1,
      open: 2,
      overdueNow: 1,
      backInRectification: 1,
      rejections: 1,
      onTimeRate: 0.5,
    });
    expect(s.byStatus).toEqual({ reported: 0, assigned: 1, rectifying: 0, submitted: 0, closed: 2, rejected: 1 });
    expect(s.byEffectiveStatus).toEqual({ reported: 0, assigned: 1, rectifying: 1, submitted: 0, closed: 2 });
    expect(summary([]).onTimeRate).toBeNull();
  });

  it('groupByMonth: found and closed per month, open and overdue at month end', () => {
    expect(groupByMonth(states)).toEqual([
      { month: '2026-03', found: 2, closed: 0, openAtEnd: 2, overdueAtEnd: 0 },
      // end of April: b overdue (deadline 04-10), c open, d overdue (deadline 04-25)
      { month: '2026-04', found: 2, closed: 1, openAtEnd: 3, overdueAtEnd: 2 },
      // May is judged at as_of 2026-05-15: b overdue, c open (deadline June)
      { month: '2026-05', found: 0, closed: 1, openAtEnd: 2, overdueAtEnd: 1 },
    ]);
    expect(groupByMonth(states, ['2026-02'])).toEqual([
      { month: '2026-02', found: 0, closed: 0, openAtEnd: 0, overdueAtEnd: 0 },
    ]);
    expect(groupByMonth([])).toEqual([]);
  });

  it('byCategory in contract order', () => {
    const rows = [
      { category: 'garbage', state: states[0]! },
      { category: 'encroachment', state: states[1]! },
      { category: 'garbage', state: states[2]! },
      { category: 'sand_mining', state: states[3]! },
    ];
    const cat = byCategory(rows);
    expect(cat.map((c) => c.category)).toEqual(['encroachment', 'sand_mining', 'garbage']);
    expect(cat[2]!.summary).toMatchObject({ found: 2, closed: 1, open: 1 });
  });
});
