/**
 * The plans' public lists, indexed once per build: the key tasks of every
 * plan document with their state as of the data's date, the black-odorous
 * list in the order the public page shows it, and outlet counts.
 */
import { planTasksOf } from '../loader/document-body.ts';
import { blackOdorousOrder, outletCounts, taskState, type PlanTask, type TaskState } from '../lib/plans.ts';
import { memo } from './memo.ts';
import type { Db, DocumentView } from './query.ts';

export interface TaskView extends PlanTask {
  /** The document that sets the task. */
  document: DocumentView;
  /** 1-based position in the document's task table(s), as its 序号. */
  n: number;
  state: TaskState;
}

/** Every dated or ongoing key task of the documents in force (drafts and repealed plans set no task), newest document first. */
export const planTasks = memo((db: Db): TaskView[] => {
  const out: TaskView[] = [];
  for (const d of db.documents.values()) {
    if (d.status !== 'in_force') continue;
    const kind = d.entry.filePath?.endsWith('.mdx') ? 'mdx' : 'md';
    planTasksOf(d.entry.body ?? '', kind).forEach((t, i) =>
      out.push({ ...t, document: d, n: i + 1, state: taskState(t, db.asOf) }),
    );
  }
  return out;
});

/** The black-odorous list: overdue first, then open, then eliminated. */
export const blackOdorousList = memo((db: Db) => blackOdorousOrder(db.blackOdorous, db.asOf));

/** Outlet counts by status, area-wide. */
export const outletTotals = memo((db: Db) => outletCounts(db.outlets));
