/**
 * Plan targets as the site shows them: each target of targets.csv with the
 * value the site computes from its own data when the target names a `metric`
 * (data contract v2, "Targets the site can check"), and its state judged on
 * that computed value when there is one, on the office's `current` otherwise.
 * Memoised per build; pages, components and the open data all read it, so the
 * figures cannot differ between them.
 */
import type { Target } from '../schemas/tables.ts';
import { computeMetric, differs, parseMetric, type MetricSources, type MetricValue } from '../lib/metrics.ts';
import { targetStatus, type TargetStatus } from '../lib/targets.ts';
import type { Db } from './query.ts';

export interface TargetView extends Target {
  /** The computed value, null when the target names no metric. */
  computed: MetricValue | null;
  /** The value the state is judged on: the computed value when there is one, else `current`. */
  value: number;
  /** The date `value` describes: as_of for a computed value, else `current_date`. */
  valueDate: string;
  /** Computed and `current` differ by more than 0.5. */
  differs: boolean;
  status: TargetStatus;
}

/** The site's data as the metrics read it. */
export function metricSources(db: Db): MetricSources {
  return {
    asOf: db.asOf,
    // A reading with no item that decides the class has no result to judge.
    stations: [...db.stations.values()].map((s) => ({
      results: s.readings.flatMap((r) =>
        r.result.class === null
          ? []
          : [{ date: r.date, class: r.result.class, meetsTarget: r.result.meetsTarget === true }],
      ),
    })),
    cases: [...db.cases.values()].map((c) => ({
      category: c.category,
      found: c.found,
      deadline: c.deadline,
      status: c.state.status,
      closedOn: c.state.closedOn,
    })),
    outlets: db.outlets,
    patrols: (months) => {
      const t = db.patrolsOver(months).totals;
      return { required: t.required, credited: t.credited };
    },
  };
}

const cache = new WeakMap<Db, Map<string, TargetView>>();

/** Every target by id, in the order of targets.csv. */
export function targetViews(db: Db): Map<string, TargetView> {
  let views = cache.get(db);
  if (views) return views;
  let sources: MetricSources | undefined;
  views = new Map();
  for (const t of db.targets) {
    const parsed = t.metric ? parseMetric(t.metric) : null;
    // The loader rejects a metric that does not parse, so `parsed` is ok here.
    const computed = parsed?.ok ? computeMetric(parsed.metric, (sources ??= metricSources(db))) : null;
    const useComputed = computed !== null && computed.value !== null;
    const value = useComputed ? computed.value! : t.current;
    views.set(t.id, {
      ...t,
      computed,
      value,
      valueDate: useComputed ? db.asOf : t.current_date,
      differs: differs(t.current, computed?.value ?? null),
      status: targetStatus({ ...t, current: value, current_date: useComputed ? db.asOf : t.current_date }, db.asOf),
    });
  }
  cache.set(db, views);
  return views;
}

/** Views of these targets (e.g. the targets of one document), in the given order. */
export function viewsOf(db: Db, targets: readonly Target[]): TargetView[] {
  const all = targetViews(db);
  return targets.map((t) => all.get(t.id)!);
}
