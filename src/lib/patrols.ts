/**
 * Patrol compliance (巡河): how many patrols each chief owed and made each
 * month, against site.yaml `rules.patrol_per_month` ({ county: 1, township: 1,
 * village: 4 } = required patrols a month by the chief's level).
 *
 * Rules, as published on the site:
 * - A chief owes patrols only for months they served (the caller gives those
 *   months; `monthsServed` derives them from assignments). A served month with no
 *   row in patrols.csv counts as 0 done.
 * - Several rows for the same chief and month are added up.
 * - A month is short when done < required. A level the rule does not list, or
 *   lists as 0, owes nothing and is never short.
 * - Rates are capped per month: rate = Σ min(done, required) / Σ required. Extra
 *   patrols in one month do not make up for a missed month (the rule is per
 *   month). The uncapped `done` total is given alongside. Rate is null when
 *   nothing was required.
 *
 * Who owes patrols (data contract v2): the holders of PATROL_ROLES, for each
 * month they held such a post (`monthsServed`).
 *
 * Plain TypeScript, no Astro imports, no clock.
 */
import type { RegionLevel, Role } from './enums.ts';
import { addDays, compare, firstDayOfMonth, isValidDate, lastDayOfMonth } from './dates.ts';
import { push } from './collections.ts';

/**
 * Roles whose holders owe patrols under rules.patrol_per_month (data contract
 * v2): general and deputy general chiefs, chiefs, deputy chiefs and segment
 * chiefs. Keepers, patrollers and the public participants patrol too, but the
 * rule sets no monthly quota for them.
 */
export const PATROL_ROLES: readonly Role[] = [
  'general_chief',
  'deputy_general_chief',
  'chief',
  'deputy_chief',
  'segment_chief',
];

/** The terms of each chief in a post that owes patrols, chiefs in first-seen order. */
export function patrolTerms(
  assignments: readonly { chief: string; role: string; start: string; end?: string | null }[],
): Map<string, Term[]> {
  const out = new Map<string, Term[]>();
  for (const a of assignments) {
    if (!(PATROL_ROLES as readonly string[]).includes(a.role)) continue;
    push(out, a.chief, { start: a.start, end: a.end ?? null });
  }
  return out;
}

/** site.yaml rules.patrol_per_month */
export type PatrolRule = Partial<Record<RegionLevel, number>>;

/** One row of patrols.csv. */
export interface PatrolRecord {
  chief: string;
  month: string;
  count: number;
  km?: number | null;
  issues_found?: number | null;
  line?: number;
}

/** A chief as patrol compliance sees them. */
export interface PatrolChief {
  id: string;
  /** Level of the chief's post (region level). */
  level: RegionLevel;
  /** Grouping key for the per-region totals: normally the township code (see townshipOf). */
  region: string;
  /** Months ('YYYY-MM') the chief served. */
  months: readonly string[];
}

/** Required patrols a month for a level; 0 when the rule does not set a positive number. */
export function required(level: RegionLevel, rule: PatrolRule): number {
  const n = rule[level];
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

export interface PatrolCell {
  chief: string;
  month: string;
  required: number;
  done: number;
  /** done < required */
  short: boolean;
  /** required − done when short, else 0. */
  missing: number;
}

export interface PatrolTotals {
  /** Chief-months served within the months considered. */
  months: number;
  required: number;
  /** Patrols done, uncapped. */
  done: number;
  /** Σ min(done, required) per month. */
  credited: number;
  /** Chief-months that fell short. */
  shortMonths: number;
  /** credited / required; null when nothing was required. */
  rate: number | null;
}

export interface ChiefPatrolTotals extends PatrolTotals {
  chief: string;
  level: RegionLevel;
  region: string;
}

export interface RegionPatrolTotals extends PatrolTotals {
  region: string;
  /** Chiefs of the region who served at least one of the months. */
  chiefs: number;
  /** Of those, chiefs short in at least one month. */
  chiefsShort: number;
}

export interface PatrolCompliance {
  months: string[];
  /** One cell per chief per served month, chiefs in input order, months in order. */
  cells: PatrolCell[];
  byChief: ChiefPatrolTotals[];
  /** Regions in first-seen order of the chiefs. */
  byRegion: RegionPatrolTotals[];
  /** Every chief-month considered. */
  totals: PatrolTotals;
  /** For every month considered, the cells that fell short (possibly none). */
  shortByMonth: { month: string; short: PatrolCell[] }[];
  /** Records for an unknown chief, or for a month the chief did not serve / outside `months`. */
  unmatched: PatrolRecord[];
}

const emptyTotals = (): PatrolTotals => ({ months: 0, required: 0, done: 0, credited: 0, shortMonths: 0, rate: null });

function addCell(t: PatrolTotals, c: PatrolCell) {
  t.months++;
  t.required += c.required;
  t.done += c.done;
  t.credited += Math.min(c.done, c.required);
  if (c.short) t.shortMonths++;
}

const finish = <T extends PatrolTotals>(t: T): T => ({ ...t, rate: t.required > 0 ? t.credited / t.required : null });

/**
 * Compliance of each chief in each of `months` they served.
 * `months` is the reporting window (e.g. listMonths('2026-01', monthOf(asOf))).
 * A chief listed twice is counted once: served months are joined, and the level
 * and region of the first entry are used.
 */
export function patrolCompliance(
  records: readonly PatrolRecord[],
  chiefs: readonly PatrolChief[],
  months: readonly string[],
  rule: PatrolRule,
): PatrolCompliance {
  const window = new Set(months);
  const served = new Map<string, Set<string>>();
  for (const ch of chiefs) {
    const set = served.get(ch.id) ?? new Set<string>();
    for (const m of ch.months) if (window.has(m)) set.add(m);
    served.set(ch.id, set);
  }

  const done = new Map<string, number>();
  const unmatched: PatrolRecord[] = [];
  for (const r of records) {
    if (!served.get(r.chief)?.has(r.month)) {
      unmatched.push(r);
      continue;
    }
    const key = `${r.chief}\u0000${r.month}`;
    const n = Number.isFinite(r.count) ? r.count : 0;
    done.set(key, (done.get(key) ?? 0) + n);
  }

  const orderedMonths = [...months];
  const cells: PatrolCell[] = [];
  const byChief: ChiefPatrolTotals[] = [];
  const regions = new Map<string, RegionPatrolTotals>();
  const seenChief = new Set<string>();
  for (const ch of chiefs) {
    if (seenChief.has(ch.id)) continue;
    seenChief.add(ch.id);
    const set = served.get(ch.id)!;
    const req = required(ch.level, rule);
    const totals: ChiefPatrolTotals = { chief: ch.id, level: ch.level, region: ch.region, ...emptyTotals() };
    for (const month of orderedMonths) {
      if (!set.has(month)) continue;
      const d = done.get(`${ch.id}\u0000${month}`) ?? 0;
      const cell: PatrolCell = {
        chief: ch.id,
        month,
        required: req,
        done: d,
        short: d < req,
        missing: Math.max(0, req - d),
      };
      cells.push(cell);
      addCell(totals, cell);
    }
    byChief.push(finish(totals));

    let rt = regions.get(ch.region);
    if (!rt) {
      rt = { region: ch.region, chiefs: 0, chiefsShort: 0, ...emptyTotals() };
      regions.set(ch.region, rt);
    }
    if (totals.months > 0) {
      rt.chiefs++;
      if (totals.shortMonths > 0) rt.chiefsShort++;
      rt.months += totals.months;
      rt.required += totals.required;
      rt.done += totals.done;
      rt.credited += totals.credited;
      rt.shortMonths += totals.shortMonths;
    }
  }

  const totals = emptyTotals();
  for (const c of cells) addCell(totals, c);
  return {
    months: orderedMonths,
    totals: finish(totals),
    cells,
    byChief,
    byRegion: [...regions.values()].map(finish),
    shortByMonth: orderedMonths.map((month) => ({ month, short: cells.filter((c) => c.month === month && c.short) })),
    unmatched,
  };
}

/** A term in a post: assignments.csv `start`, `end` (empty/null = still serving; the end day is served). */
export interface Term {
  start: string;
  end?: string | null;
}

/**
 * Months of `months` that a chief served, from their terms.
 * - 'whole' (default): the chief held a post on every day of the month (terms that
 *   follow each other without a gap are joined). A chief who took or left the post
 *   mid-month owes nothing that month: no one is called short for a month they
 *   only partly held.
 * - 'any': the chief held a post on at least one day of the month.
 */
export function monthsServed(
  terms: readonly Term[],
  months: readonly string[],
  mode: 'whole' | 'any' = 'whole',
): string[] {
  const spans = terms
    .filter((t) => isValidDate(t.start) && (t.end == null || t.end === '' || isValidDate(t.end)))
    .map((t) => ({ start: t.start, end: t.end ? t.end : null }))
    .sort((a, b) => compare(a.start, b.start));
  // join overlapping or adjacent terms
  const merged: { start: string; end: string | null }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && (last.end === null || addDays(last.end, 1) >= s.start)) {
      if (last.end !== null && (s.end === null || s.end > last.end)) last.end = s.end;
    } else merged.push({ ...s });
  }
  return months.filter((m) => {
    const first = firstDayOfMonth(m);
    const lastDay = lastDayOfMonth(m);
    return merged.some((s) =>
      mode === 'whole'
        ? s.start <= first && (s.end === null || s.end >= lastDay)
        : s.start <= lastDay && (s.end === null || s.end >= first),
    );
  });
}

/** A row of regions.csv. */
export interface RegionRow {
  code: string;
  level: RegionLevel;
  parent?: string | null;
}

/**
 * The township a region belongs to: itself if a township, its township ancestor
 * if a village; null for the county (or anything above townships) and for an
 * unknown code.
 */
export function townshipOf(code: string, regions: readonly RegionRow[]): string | null {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  let r = byCode.get(code);
  const seen = new Set<string>();
  while (r && !seen.has(r.code)) {
    if (r.level === 'township') return r.code;
    if (r.level === 'county') return null;
    seen.add(r.code);
    r = r.parent ? byCode.get(r.parent) : undefined;
  }
  return null;
}
