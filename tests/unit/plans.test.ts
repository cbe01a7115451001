import { describe, expect, it } from 'vitest';
import { blackOdorousOrder, blackOdorousOverdue, outletCounts, taskState } from '../../src/lib/plans.ts';
import { checkDocumentBody, planTasksOf } from '../../src/loader/document-body.ts';

describe('black-odorous list', () => {
  const asOf = '2026-10-31';
  it('is overdue only while listed or treating, and only after the deadline', () => {
    expect(blackOdorousOverdue({ status: 'treating', deadline: '2026-06-30' }, asOf)).toBe(true);
    expect(blackOdorousOverdue({ status: 'listed', deadline: '2026-10-31' }, asOf)).toBe(false);
    expect(blackOdorousOverdue({ status: 'eliminated', deadline: '2025-12-31' }, asOf)).toBe(false);
    expect(blackOdorousOverdue({ status: 'long_term', deadline: '2025-12-31' }, asOf)).toBe(false);
  });

  it('lists overdue entries first, then open ones, then eliminated ones, each by deadline', () => {
    const rows = [
      { id: 'done', status: 'eliminated', deadline: '2025-01-01' },
      { id: 'open-late', status: 'treating', deadline: '2027-06-30' },
      { id: 'overdue', status: 'listed', deadline: '2026-03-31' },
      { id: 'open-soon', status: 'treating', deadline: '2026-12-31' },
      { id: 'overdue-older', status: 'treating', deadline: '2025-06-30' },
    ] as const;
    expect(blackOdorousOrder(rows, asOf).map((r) => r.id)).toEqual([
      'overdue-older',
      'overdue',
      'open-soon',
      'open-late',
      'done',
    ]);
  });
});

describe('outlet counts', () => {
  it('counts every status, zero where none', () => {
    expect(outletCounts([{ status: 'closed' }, { status: 'closed' }, { status: 'unknown' }])).toEqual({
      compliant: 0,
      rectifying: 0,
      closed: 2,
      unknown: 1,
    });
  });
});

describe('plan tasks', () => {
  const asOf = '2026-10-31';
  it('are done when the document records a completion date on or before as_of', () => {
    expect(taskState({ deadline: '2026-06-30', done: '2026-06-20' }, asOf)).toBe('done');
    expect(taskState({ deadline: '2026-06-30', done: '2026-12-01' }, asOf)).toBe('overdue');
  });
  it('are overdue after a dated deadline, due until it, ongoing without a date', () => {
    expect(taskState({ deadline: '2026-10-30' }, asOf)).toBe('overdue');
    expect(taskState({ deadline: '2026-10-31' }, asOf)).toBe('due');
    expect(taskState({ deadline: '长期坚持' }, asOf)).toBe('ongoing');
    expect(taskState({}, asOf)).toBe('ongoing');
  });

  const doc = (rows: string) => `---\ntitle: t\n---\n\n<TaskTable\n  rows={${rows}}\n/>\n`;

  it('are read from the TaskTable rows of a document', () => {
    const text = doc(
      `[{ task: '截污纳管', lead: '县住建局', deadline: '2026-06-30' }, { task: '建档', lead: '生态环境分局', support: ['各乡镇'], deadline: '2026-09-30', done: '2026-09-18' }]`,
    );
    expect(checkDocumentBody(text, 'mdx').problems).toEqual([]);
    expect(planTasksOf(text, 'mdx')).toEqual([
      { task: '截污纳管', lead: '县住建局', deadline: '2026-06-30' },
      { task: '建档', lead: '生态环境分局', support: ['各乡镇'], deadline: '2026-09-30', done: '2026-09-18' },
    ]);
  });

  it('a completion date that is not a real date is a located error, and the table gives no tasks', () => {
    const text = doc(`[{ task: '截污纳管', lead: '县住建局', deadline: '2026-06-30', done: '2026-02-30' }]`);
    const { problems } = checkDocumentBody(text, 'mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, value: '2026-02-30' });
    expect(problems[0]!.zh).toContain('完成日期');
    expect(planTasksOf(text, 'mdx')).toEqual([]);
  });

  it('a row without task or lead is a located error', () => {
    const { problems } = checkDocumentBody(doc(`[{ task: '截污纳管' }]`), 'mdx');
    expect(problems.map((p) => p.en)).toEqual(['<TaskTable> row 1 needs task and lead (text)']);
  });
});
