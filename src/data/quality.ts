/**
 * Water-quality indexes for the overview (/quality/ and /quality/<YYYY-MM>/),
 * derived from the query module once per build and memoised per Db: every
 * station's result per month, the share meeting target over time, and each
 * month's row per station, grouped by township. A station's own page is
 * src/data/station.ts.
 *
 * Per-page work stays O(own data): a month page reads one month's map.
 */
import { freshness, type Freshness } from '../lib/freshness.ts';
import { READING_ITEMS } from '../lib/enums.ts';
import type { ReadingItem, TargetClass, WaterClass } from '../lib/enums.ts';
import { compareClasses } from '../lib/gb3838.ts';
import type { Exceedance, ItemClassification } from '../lib/gb3838.ts';
import { listMonths, monthOf } from '../lib/dates.ts';
import { push } from '../lib/collections.ts';
import { shareByMonth } from '../lib/chart-data.ts';
import { pollutantText, shortfallText } from '../lib/quality-text.ts';
import type { MonthClass, MonthShare } from '../lib/chart-data.ts';
import type { ClassedReading, Db, StationView } from './query.ts';
import { pathWithBase } from '../lib/base.ts';

// ---------------------------------------------------------------------------
// Overview: results per month
// ---------------------------------------------------------------------------

export interface QualityIndex {
  /** Every month from the first to the latest month any station reported, ascending (gaps included). */
  months: string[];
  latestMonth: string | null;
  /**
   * The months that have an overview page (/quality/<YYYY-MM>/): every month
   * in which any station has a reading, newest first.
   */
  pageMonths: string[];
  /** Share meeting target and counts by class for each of `months`. */
  shares: MonthShare[];
  sharesByMonth: Map<string, MonthShare>;
  /** month → station id → that month's result. */
  byMonth: Map<string, Map<string, MonthClass>>;
}

const indexCache = new WeakMap<Db, QualityIndex>();

export function qualityIndex(db: Db): QualityIndex {
  const hit = indexCache.get(db);
  if (hit) return hit;
  const byMonth = new Map<string, Map<string, MonthClass>>();
  let first: string | null = null;
  let latest: string | null = null;
  for (const s of db.stations.values()) {
    for (const r of s.monthly) {
      let m = byMonth.get(r.month);
      if (!m) byMonth.set(r.month, (m = new Map()));
      m.set(s.id, r);
      if (r.class !== null) {
        if (first === null || r.month < first) first = r.month;
        if (latest === null || r.month > latest) latest = r.month;
      }
    }
  }
  const months = first !== null && latest !== null ? listMonths(first, latest) : [];
  const shares = shareByMonth(
    [...db.stations.values()].map((s) => s.monthly),
    months,
  );
  const index: QualityIndex = {
    months,
    latestMonth: latest,
    pageMonths: [...byMonth.keys()].sort().reverse(),
    shares,
    sharesByMonth: new Map(shares.map((s) => [s.month, s])),
    byMonth,
  };
  indexCache.set(db, index);
  return index;
}

const pageSets = new WeakMap<Db, ReadonlySet<string>>();
/** The months that have an overview page, as a set. */
export function monthPages(db: Db): ReadonlySet<string> {
  let set = pageSets.get(db);
  if (!set) pageSets.set(db, (set = new Set(qualityIndex(db).pageMonths)));
  return set;
}

/** The address of a month's overview page. */
export function monthHref(month: string): string {
  return pathWithBase(`/quality/${month}/`);
}

/** A failing item of a result, with how far it is from the target. */
export interface FailingItem {
  item: ReadingItem;
  label: string;
  /** e.g. '超标 0.45 倍', '低于Ⅲ类限值 5 mg/L'. */
  text: string;
}

/** A main pollutant of a result, with its multiple over class III in words. */
export interface PollutantView {
  item: ReadingItem;
  label: string;
  class: WaterClass;
  /** value / class III limit − 1; null for pH and DO. */
  multiple: number | null;
  /** e.g. '总磷（超Ⅲ类标准 1.49 倍）'. */
  text: string;
}

/** The main pollutants of a result as the pages show them, worst first. */
export function pollutantsOf(list: readonly Exceedance[]): PollutantView[] {
  return list.map((e) => ({
    item: e.item,
    label: READING_ITEMS[e.item].label,
    class: e.class,
    multiple: e.multiple,
    text: pollutantText(e),
  }));
}

/** One row of the overview table: a station in a month. */
export interface StationMonthRow {
  station: StationView;
  waterName: string;
  township: { code: string; name: string } | null;
  /** The month's class: the worst class of its results; null when the station has no result that month. */
  class: WaterClass | null;
  meets: boolean | null;
  /** The result the row describes (the month's worst, see worstInMonth); null without one. */
  date: string | null;
  /** How many results the station has in the month. */
  results: number;
  /** The items of that result failing the target. */
  failing: FailingItem[];
  /** The main pollutants of that result (against class III), worst first. */
  pollutants: PollutantView[];
  /** Consecutive months off target up to the station's latest month (the current state, not this month's). */
  run: number;
  /** How fresh the station's data is as of as_of (数据较旧 when stale). */
  fresh: Freshness;
}

const freshCache = new WeakMap<StationView, Freshness>();
/** A station's freshness as of the site's as_of (src/lib/freshness.ts), computed once per station. */
export function stationFreshness(db: Db, s: StationView): Freshness {
  let f = freshCache.get(s);
  if (!f)
    freshCache.set(
      s,
      (f = freshness(
        s.readings.map((r) => r.date),
        db.asOf,
      )),
    );
  return f;
}

function failingOf(items: readonly ItemClassification[], s: StationView): FailingItem[] {
  return items.map((i) => ({
    item: i.item,
    label: READING_ITEMS[i.item].label,
    text: shortfallText(i.item, i.value, s.waterbody, s.target_class as TargetClass) ?? '',
  }));
}

/** Readings of a station by month; built once per station on first use. */
const byStationMonth = new WeakMap<StationView, Map<string, ClassedReading[]>>();
function readingsInMonth(s: StationView, month: string): ClassedReading[] {
  let m = byStationMonth.get(s);
  if (!m) {
    m = new Map();
    for (const r of s.readings) push(m, monthOf(r.date), r);
    byStationMonth.set(s, m);
  }
  return m.get(month) ?? [];
}

/**
 * The result that decides a station's month: the one with the worst class
 * (the month's class, by the monthly rule), the latest of them on a tie;
 * null when the month has no classed result.
 */
export function worstInMonth(s: StationView, month: string): ClassedReading | null {
  let worst: ClassedReading | null = null;
  for (const r of readingsInMonth(s, month)) {
    if (r.result.class === null) continue;
    if (worst === null || compareClasses(r.result.class, worst.result.class!) >= 0) worst = r;
  }
  return worst;
}

const rowsCache = new WeakMap<Db, Map<string, StationMonthRow[]>>();

/** Every station's row for a month, ordered by station name. */
export function monthRows(db: Db, month: string): StationMonthRow[] {
  let perDb = rowsCache.get(db);
  if (!perDb) rowsCache.set(db, (perDb = new Map()));
  const hit = perDb.get(month);
  if (hit) return hit;
  const results = qualityIndex(db).byMonth.get(month) ?? new Map<string, MonthClass>();
  const rows: StationMonthRow[] = [];
  for (const s of db.stations.values()) {
    const r = results.get(s.id);
    const t = db.townshipOf(s.region);
    const worst = r ? worstInMonth(s, month) : null;
    rows.push({
      station: s,
      waterName: db.waters.get(s.water)?.name ?? s.water,
      township: t ? { code: t, name: db.regions.get(t)?.name ?? t } : null,
      class: r?.class ?? null,
      meets: r?.meets ?? null,
      date: worst?.date ?? null,
      results: r ? readingsInMonth(s, month).length : 0,
      failing: worst && r?.meets === false ? failingOf(worst.result.failing, s) : [],
      pollutants: worst ? pollutantsOf(worst.result.mainPollutants) : [],
      run: s.runs.monthly.length,
      fresh: stationFreshness(db, s),
    });
  }
  rows.sort(
    (a, b) => a.station.name.localeCompare(b.station.name, 'zh-CN') || a.station.id.localeCompare(b.station.id),
  );
  perDb.set(month, rows);
  return rows;
}

/**
 * Above this many stations, a month's station table is split into one table
 * per township, each rendered only when it scrolls near the screen
 * (content-visibility). Measured on the city-size build (docs/performance.md):
 * one 1,000-row table cost a 4×-throttled phone 3–4 s of layout at load;
 * 40 tables of 25 rows cost 0.3 s. Below it, one table sorts every station
 * at once, which is what a county with a few dozen stations wants.
 */
export const GROUP_STATIONS_ABOVE = 100;

/** The stations of one township in a month, and how many of them met target. */
export interface TownshipGroup {
  /** Null for stations outside every township (a county-level site). */
  township: { code: string; name: string } | null;
  rows: StationMonthRow[];
  /** Stations with a result this month. */
  reported: number;
  meeting: number;
}

/**
 * Rows grouped by township, in the order of `townships` (the data folder's
 * order), rows keeping their order; stations outside every township last.
 * Townships without stations are left out.
 */
export function groupByTownship(
  rows: readonly StationMonthRow[],
  townships: readonly { code: string }[],
): TownshipGroup[] {
  const groups = new Map<string, TownshipGroup>();
  for (const t of townships) groups.set(t.code, { township: null, rows: [], reported: 0, meeting: 0 });
  const outside: TownshipGroup = { township: null, rows: [], reported: 0, meeting: 0 };
  for (const r of rows) {
    let g = r.township ? groups.get(r.township.code) : outside;
    if (!g) groups.set(r.township!.code, (g = { township: null, rows: [], reported: 0, meeting: 0 }));
    g.township ??= r.township;
    g.rows.push(r);
    if (r.class !== null) g.reported++;
    if (r.meets === true) g.meeting++;
  }
  return [...groups.values(), outside].filter((g) => g.rows.length > 0);
}
