/**
 * The accountability ledger of the whole area (/accountability/, the
 * station and chief pages, /data/accountability.json, the feed): every
 * action that site.yaml `rules.escalation` required of a station's
 * responsible chiefs, judged by src/lib/accountability.ts against
 * actions.csv. Built once per Db; O(readings + assignments + actions).
 */
import {
  countedYears,
  requiredActions,
  type RecordedAction,
  type Post,
  type RequiredAction,
} from '../lib/accountability.ts';
import { addPeriods, compare } from '../lib/dates.ts';
import type { Action, Assignment } from '../schemas/tables.ts';
import type { WaterClass } from '../lib/enums.ts';
import { push } from '../lib/collections.ts';
import { memo } from './memo.ts';
import type { Db, StationView } from './query.ts';
import { withinRegion } from './regions.ts';

/** A required action of one station. */
export interface AccountabilityRow extends RequiredAction {
  station: string;
  /** An anchor id, unique on /accountability/. */
  key: string;
  /** The results the run was judged from: each period from…to with its class. */
  evidence: { period: string; class: WaterClass | null }[];
}

export interface AccountabilityIndex {
  /** Every row: by township (in the data folder's order, stations outside every township last), missing first, then newest run first. */
  rows: AccountabilityRow[];
  byStation: Map<string, AccountabilityRow[]>;
  /** Rows that name a chief as responsible, or whose recorded action was taken on them. */
  byChief: Map<string, AccountabilityRow[]>;
  /** Township code ('' for stations outside every township) → rows. */
  byTownship: Map<string, AccountabilityRow[]>;
  counts: { recorded: number; missing: number; pending: number };
  /** More than SPLIT_ROWS_ABOVE rows: each township's rows are on a page of their own. */
  split: boolean;
  /** Every row of actions.csv, newest first, with its anchor id on /accountability/. */
  actions: { action: Action; key: string }[];
  actionKey: Map<RecordedAction, string>;
}

const STATUS_ORDER = { missing: 0, pending: 1, recorded: 2 } as const;

/**
 * Above this many rows, /accountability/ keeps the per-township summary, the
 * rule and the record of actions, and each township's rows get a page of
 * their own (/accountability/<township>/). A city's 1,000 stations give some
 * 3,500 rows, 4–5 MB in one page; a county's few dozen read best on one.
 */
export const SPLIT_ROWS_ABOVE = 300;

/** How the ledger names a township key: its name, or the area's stations outside every township. */
export function townshipLabel(db: Db, code: string): string {
  return code === '' ? `${db.county?.name ?? ''}（不属于乡镇的断面）` : (db.regions.get(code)?.name ?? code);
}

/** The township key of the pages: a township code, or 'county' for stations outside every township. */
export function townshipSlug(code: string): string {
  return code === '' ? 'county' : code;
}

/** The page that lists a row: the area page, or its township's page when the ledger is split. */
export function rowPage(index: Pick<AccountabilityIndex, 'split'>, db: Db, row: AccountabilityRow): string {
  return index.split
    ? `/accountability/${townshipSlug(db.townshipOf(db.stations.get(row.station)!.region) ?? '')}/`
    : '/accountability/';
}

/** The address of a row: its page and its anchor (a site path as written; pages put the base in front). */
export function rowHref(db: Db, row: AccountabilityRow): string {
  return `${rowPage(accountabilityIndex(db), db, row)}#${row.key}`;
}

/**
 * The posts that answer for a station (contract): holders of
 * `rules.accountable_roles` on the station's water; a post on a segment
 * only when the segment's region is the station's region or contains it.
 */
export function accountablePosts(db: Db, s: StationView): Post[] {
  const roles = new Set<string>(db.site.rules.accountable_roles);
  const all: Assignment[] = [...(db.currentByWater.get(s.water) ?? []), ...(db.pastByWater.get(s.water) ?? [])];
  return all
    .filter((a) => roles.has(a.role))
    .filter((a) => {
      if (!a.segment) return true;
      const seg = db.segments.get(a.segment);
      return seg !== undefined && withinRegion(db, s.region, seg.region);
    })
    .map((a) => ({ chief: a.chief, role: a.role, start: a.start, end: a.end ?? null }));
}

/** A station's required actions on both scales, oldest run first. */
export function stationRows(db: Db, s: StationView): AccountabilityRow[] {
  const { escalation, min_months_per_year, action_window_days } = db.site.rules;
  const posts = accountablePosts(db, s);
  const actions = posts.flatMap((p) => db.actionsByChief.get(p.chief) ?? []);
  const counted = countedYears(
    s.monthly.map((m) => m.month),
    db.asOf,
    min_months_per_year,
  );
  const common = { posts, actions, asOf: db.asOf, windowDays: action_window_days };
  const rows = [
    ...requiredActions({
      ...common,
      rule: 'monthly',
      levels: escalation.monthly,
      results: s.monthly.map((m) => ({ period: m.month, meets: m.meets })),
    }),
    ...requiredActions({
      ...common,
      rule: 'yearly',
      levels: escalation.yearly,
      results: s.yearly.filter((y) => counted.has(y.year)).map((y) => ({ period: y.year, meets: y.meets })),
    }),
  ];
  const classes = new Map<string, WaterClass | null>([
    ...s.monthly.map((m) => [m.month, m.class] as const),
    ...s.yearly.map((y) => [y.year, y.class] as const),
  ]);
  return rows.map((r) => {
    const evidence: AccountabilityRow['evidence'] = [];
    for (let p = r.from; p <= r.to; p = addPeriods(p, 1)) evidence.push({ period: p, class: classes.get(p) ?? null });
    return {
      ...r,
      station: s.id,
      key: `acc-${s.id}-${r.rule === 'monthly' ? 'm' : 'y'}-${r.from}-${r.length}`,
      evidence,
    };
  });
}

export const accountabilityIndex = memo((db: Db): AccountabilityIndex => {
  const byStation = new Map<string, AccountabilityRow[]>();
  const byChief = new Map<string, AccountabilityRow[]>();
  const byTownship = new Map<string, AccountabilityRow[]>();
  for (const t of db.townships) byTownship.set(t.code, []);
  byTownship.set('', []);
  const counts = { recorded: 0, missing: 0, pending: 0 };
  for (const s of db.stations.values()) {
    const rows = stationRows(db, s);
    if (rows.length === 0) continue;
    byStation.set(s.id, rows);
    for (const r of rows) {
      counts[r.status]++;
      byTownship.get(db.townshipOf(s.region) ?? '')!.push(r);
      const chiefs = new Set(r.responsible);
      if (r.recorded) chiefs.add(r.recorded.chief);
      for (const c of chiefs) push(byChief, c, r);
    }
  }
  const order = (a: AccountabilityRow, b: AccountabilityRow) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    compare(b.to, a.to) ||
    a.station.localeCompare(b.station) ||
    a.length - b.length;
  for (const list of byTownship.values()) list.sort(order);
  for (const [k, list] of byTownship) if (list.length === 0) byTownship.delete(k);
  for (const list of byChief.values()) list.sort(order);
  const actions: AccountabilityIndex['actions'] = [];
  const seen = new Map<string, number>();
  const sorted = [...db.actions].sort((a, b) => compare(a.date, b.date) || a.chief.localeCompare(b.chief));
  for (const action of sorted) {
    const base = `action-${action.date}-${action.chief}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    actions.push({ action, key: n > 1 ? `${base}-${n}` : base });
  }
  actions.reverse();
  const actionKey = new Map(actions.map((a) => [a.action, a.key]));
  const rows = [...byTownship.values()].flat();
  return { rows, byStation, byChief, byTownship, counts, split: rows.length > SPLIT_ROWS_ABOVE, actions, actionKey };
});
