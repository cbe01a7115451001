/**
 * Plan targets (targets.csv): how far each has come from its baseline and
 * whether it is on track, achieved, behind or missed. Everything is judged
 * against the site's `as_of` date that the caller passes, never the clock.
 */
import { daysBetween } from './dates.ts';
import { push } from './collections.ts';

export interface TargetInput {
  direction: 'up' | 'down';
  baseline: number;
  baseline_date: string;
  target: number;
  deadline: string;
  current: number;
  current_date: string;
}

/**
 * achieved: the current value meets the target (at any time);
 * missed: the deadline has passed (before as_of) and it does not;
 * on_track: before the deadline, progress at least the share of time elapsed
 *   from baseline_date to deadline (straight-line expectation);
 * behind: before the deadline, progress below that share.
 */
export type TargetState = 'on_track' | 'achieved' | 'missed' | 'behind';

export const TARGET_STATE_LABEL: Record<TargetState, string> = {
  achieved: '已完成',
  on_track: '进度正常',
  behind: '进度滞后',
  missed: '逾期未完成',
};

/** Whether `value` meets `target` in the better direction. */
export function meets(value: number, target: number, direction: 'up' | 'down'): boolean {
  return direction === 'up' ? value >= target : value <= target;
}

/**
 * Share 0–1 of the way from baseline to target: (current − baseline) / (target − baseline),
 * clamped. This works for both directions because the sign of the denominator follows
 * the direction. When baseline equals target, 1 if the target is met, else 0.
 */
export function progress(t: Pick<TargetInput, 'direction' | 'baseline' | 'target' | 'current'>): number {
  const span = t.target - t.baseline;
  if (span === 0) return meets(t.current, t.target, t.direction) ? 1 : 0;
  const p = (t.current - t.baseline) / span;
  return Math.min(1, Math.max(0, p));
}

/** Share 0–1 of the time from baseline_date to deadline that has passed at `asOf`, clamped. */
export function elapsed(t: Pick<TargetInput, 'baseline_date' | 'deadline'>, asOf: string): number {
  const total = daysBetween(t.baseline_date, t.deadline);
  if (total <= 0) return asOf >= t.deadline ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(t.baseline_date, asOf) / total));
}

export function targetState(t: TargetInput, asOf: string): TargetState {
  if (meets(t.current, t.target, t.direction)) return 'achieved';
  if (asOf > t.deadline) return 'missed';
  return progress(t) + 1e-9 >= elapsed(t, asOf) ? 'on_track' : 'behind';
}

export interface TargetStatus {
  progress: number;
  elapsed: number;
  state: TargetState;
  /** Days from as_of to the deadline: negative once it has passed. */
  daysLeft: number;
}

export function targetStatus(t: TargetInput, asOf: string): TargetStatus {
  return {
    progress: progress(t),
    elapsed: elapsed(t, asOf),
    state: targetState(t, asOf),
    daysLeft: daysBetween(asOf, t.deadline),
  };
}

/** Counts per state, in display order. */
export function stateCounts(states: TargetState[]): Record<TargetState, number> {
  const out: Record<TargetState, number> = { achieved: 0, on_track: 0, behind: 0, missed: 0 };
  for (const s of states) out[s]++;
  return out;
}

const byDocCache = new WeakMap<readonly object[], Map<string, unknown[]>>();

/** Targets grouped by the document that set them, built once per array (memoised). */
export function targetsByDocument<T extends { document?: string | null | undefined }>(
  targets: readonly T[],
): Map<string, T[]> {
  let m = byDocCache.get(targets) as Map<string, T[]> | undefined;
  if (!m) {
    m = new Map();
    for (const t of targets) if (t.document) push(m, t.document, t);
    byDocCache.set(targets, m as Map<string, unknown[]>);
  }
  return m;
}
