/**
 * What the work plans make public, judged against the data's as_of date:
 * the black-odorous list (黑臭水体清单), the outlets (入河排污口) and the
 * key tasks of plan documents (TaskTable rows). Plain TypeScript: no Astro
 * imports, usable from scripts and tests.
 */
import type { BoStatus, OutletStatus } from './enums.ts';
import { OUTLET_STATUS } from './enums.ts';
import { compare } from './dates.ts';

/** Statuses under which a listed water is still being treated. */
const BO_OPEN: readonly BoStatus[] = ['listed', 'treating'];

/** A listed water is overdue when it is still listed or being treated and as_of is after its deadline (as for cases). */
export function blackOdorousOverdue(e: { status: BoStatus; deadline: string }, asOf: string): boolean {
  return BO_OPEN.includes(e.status) && asOf > e.deadline;
}

/**
 * The order of the public list: overdue first, then still open, then
 * eliminated and long-term; within each, the earlier deadline first.
 */
export function blackOdorousOrder<T extends { status: BoStatus; deadline: string }>(
  rows: readonly T[],
  asOf: string,
): T[] {
  const rank = (e: T) => (blackOdorousOverdue(e, asOf) ? 0 : BO_OPEN.includes(e.status) ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || compare(a.deadline, b.deadline));
}

/** Outlet statuses that count as regulated (已规范, 已封堵): the outlets_regulated metric's rule, the map's filled circles. */
const REGULATED_OUTLET: readonly OutletStatus[] = ['compliant', 'closed'];
export const isRegulated = (status: OutletStatus): boolean => REGULATED_OUTLET.includes(status);

/** An outlet as a map draws it: only those with a position. */
export interface MapOutlet {
  id: string;
  name: string;
  lat: number;
  lon: number;
  status: OutletStatus;
}

/** The outlets that have a position, as the map draws them. */
export function mappableOutlets(
  rows: readonly { id: string; name: string; lat?: number; lon?: number; status: OutletStatus }[],
): MapOutlet[] {
  return rows.flatMap((o) =>
    o.lat === undefined || o.lon === undefined
      ? []
      : [{ id: o.id, name: o.name, lat: o.lat, lon: o.lon, status: o.status }],
  );
}

/** Outlets counted by status, every status present (0 where none). */
export function outletCounts(rows: readonly { status: OutletStatus }[]): Record<OutletStatus, number> {
  const counts = Object.fromEntries(OUTLET_STATUS.values.map((s) => [s, 0])) as Record<OutletStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}

/** A key task of a plan document (a TaskTable row). */
export interface PlanTask {
  task: string;
  lead: string;
  support?: string | string[];
  /** A date YYYY-MM-DD, or a text such as 长期坚持. */
  deadline?: string;
  /** The date the document records the task as completed. */
  done?: string;
}

export type TaskState = 'done' | 'overdue' | 'due' | 'ongoing';

export const TASK_STATE_LABEL: Readonly<Record<TaskState, string>> = Object.freeze({
  done: '已完成',
  overdue: '逾期未完成',
  due: '未到期',
  ongoing: '长期任务',
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A task's state as of a date: done when the document records a completion
 * date on or before as_of; otherwise overdue after a dated deadline, due
 * until it; a task without a dated deadline (长期坚持) is ongoing.
 */
export function taskState(t: Pick<PlanTask, 'deadline' | 'done'>, asOf: string): TaskState {
  if (t.done && t.done <= asOf) return 'done';
  if (!t.deadline || !DATE.test(t.deadline)) return 'ongoing';
  return asOf > t.deadline ? 'overdue' : 'due';
}
