/**
 * src/data/plans.ts, calendar.ts, figures.ts and paths.ts from a small
 * hand-built Db: plan tasks read from documents in force with their state,
 * the black-odorous list's order, the calendar's deadlines, and that every
 * figure's rule words come from a published field or its own words.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { BlackOdorousEntry, Outlet, Target } from '../../src/schemas/tables.ts';
import { blackOdorousList, outletTotals, planTasks } from '../../src/data/plans.ts';
import { calendarEvents } from '../../src/data/calendar.ts';
import { FIGURES, ruleWords } from '../../src/data/figures.ts';
import { DATASETS } from '../../src/data/opendata.ts';
import { AS_OF, caseMaps, caseView, roster, site } from '../helpers/db.ts';

const TASKS =
  "<TaskTable rows={[{ task: '截污纳管', lead: '县住建局', deadline: '2026-06-30' }, { task: '建档', lead: '县生态环境分局', deadline: '2026-09-30', done: '2026-09-18' }, { task: '公示牌更新', lead: '县河长办', deadline: '长期坚持' }]} />";
const doc = (id: string, status: string, body: string, extra: Record<string, unknown> = {}) => [
  id,
  {
    id,
    title: `文件${id}`,
    issuer: '县河长办',
    date: '2026-02-01',
    status,
    kind: 'task_list',
    waters: [],
    supersededBy: [],
    entry: { filePath: `documents/${id}.mdx`, body },
    ...extra,
  },
];

function db(): Db {
  const cases = [
    caseView({ id: 'wt-open', found: '2026-05-01', deadline: '2026-12-31' }),
    caseView({ id: 'wt-closed', found: '2026-05-01', deadline: '2026-06-30' }, [['2026-06-01', 'closed']]),
  ];
  return {
    ...roster(),
    site: site(),
    asOf: AS_OF,
    ...caseMaps(cases),
    targets: [] as Target[],
    stations: new Map(),
    patrolsOver: () => ({ totals: { required: 0, credited: 0 } }),
    documents: new Map([
      doc('qingdan', 'in_force', TASKS),
      doc('old', 'repealed', TASKS),
      doc('zqyj', 'draft', '', { kind: 'rules', comment_until: '2026-11-15' }),
    ] as [string, never][]),
    outlets: [{ status: 'closed' }, { status: 'unknown' }] as Outlet[],
    blackOdorous: [
      {
        water: 'qingxi-he',
        grade: 'light',
        listed: '2025-01-01',
        responsible: 'x',
        unit: '城关镇',
        deadline: '2025-12-31',
        status: 'eliminated',
      },
      {
        water: 'dongmen-gou',
        grade: 'heavy',
        listed: '2025-01-01',
        responsible: 'x',
        unit: '城关镇',
        deadline: '2026-06-30',
        status: 'treating',
      },
    ] as BlackOdorousEntry[],
  } as unknown as Db;
}

describe('plan tasks', () => {
  it('come from documents in force only, each with its state as of as_of and its place in the table', () => {
    expect(planTasks(db()).map((t) => [t.document.id, t.n, t.task, t.state])).toEqual([
      ['qingdan', 1, '截污纳管', 'overdue'],
      ['qingdan', 2, '建档', 'done'],
      ['qingdan', 3, '公示牌更新', 'ongoing'],
    ]);
  });
});

describe('black-odorous list and outlets', () => {
  it('lists the overdue entry before the eliminated one', () => {
    expect(blackOdorousList(db()).map((e) => e.water)).toEqual(['dongmen-gou', 'qingxi-he']);
  });
  it('counts outlets by status', () => {
    expect(outletTotals(db())).toEqual({ compliant: 0, rectifying: 0, closed: 1, unknown: 1 });
  });
});

describe('the calendar of deadlines', () => {
  const events = calendarEvents(db());
  const uids = events.map((e) => e.uid);
  it('has open cases, open tasks with a dated deadline, open black-odorous entries and comment periods; nothing done', () => {
    expect(uids).toEqual([
      'black-odorous-dongmen-gou-all-2-deadline@hzz.example.org',
      'task-qingdan-1-deadline@hzz.example.org',
      'document-zqyj-comments@hzz.example.org',
      'case-wt-open-deadline@hzz.example.org',
    ]);
  });
  it('marks what is past its deadline as overdue, in date order', () => {
    expect(events.map((e) => e.date)).toEqual(['2026-06-30', '2026-06-30', '2026-11-15', '2026-12-31']);
    expect(events[0]!.summary).toBe('黑臭水体整治时限（已逾期）：东门沟');
    expect(events[1]!.summary).toBe('任务完成时限（已逾期）：截污纳管');
    expect(events[3]!.summary).toContain('整改时限：');
  });
});

describe('how each figure is calculated', () => {
  it('every figure has words for its rule, from the field it is published in where there is one', () => {
    for (const f of FIGURES) {
      const words = ruleWords(f);
      expect(words.length, f.id).toBeGreaterThan(10);
      if (f.field) {
        // The figure is published in a field of a dataset that exists.
        const field = DATASETS.find((d) => d.name === f.field!.dataset)?.fields.find((x) => x.name === f.field!.name);
        expect(field, `${f.id}: ${f.field.dataset}.${f.field.name}`).toBeDefined();
        if (!f.words) expect(words).toBe(field!.description);
      }
      for (const i of f.inputs)
        expect(
          DATASETS.map((d) => d.name),
          `${f.id}: ${i}`,
        ).toContain(i);
    }
  });
});
