/**
 * Water-quality indexes for the overview (/quality/) and station pages
 * (/stations/<id>/), derived from the query module once per build and
 * memoised per Db: every station's result per month, the share meeting
 * target over time, and a station's page data (latest result item by item,
 * series per item, annual classes, the accountability state).
 *
 * Per-page work stays O(own data): a month page reads one month's map, a
 * station page reads its own readings and its chiefs' actions.
 */
import { READING_ITEMS, READING_ITEM_KEYS } from '../lib/enums.ts';
import { formatMeasurement } from '../lib/measurement.ts';
import { toCsv } from '../lib/csv.ts';
import type { ReadingItem, TargetClass, WaterClass } from '../lib/enums.ts';
import { classOfMean, isDecidingItem, limitOf, standardFor } from '../lib/gb3838.ts';
import type { ItemClassification } from '../lib/gb3838.ts';
import { monthOf } from '../lib/compliance.ts';
import { accountabilityIndex, type AccountabilityRow } from './accountability.ts';
import {
  complianceSummary,
  chartDecision,
  itemChartSpec,
  itemSeries,
  itemSummary,
  lastMonths,
  limitText,
  shareByMonth,
  shortfallText,
} from '../lib/chart-data.ts';
import type { ComplianceSummary, LineChartSpec, MonthClass, MonthShare, SeriesPoint } from '../lib/chart-data.ts';
import type { ClassedReading, Db, StationView } from './query.ts';

/** How many months get a static overview page of their own (/quality/<YYYY-MM>/). */
export const MONTH_PAGES = 12;

// ---------------------------------------------------------------------------
// Overview: results per month
// ---------------------------------------------------------------------------

export interface QualityIndex {
  /** Every month from the first to the latest month any station reported, ascending (gaps included). */
  months: string[];
  latestMonth: string | null;
  /** The months that have an overview page: the last MONTH_PAGES up to latestMonth, newest first. */
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
  const months: string[] = [];
  if (first !== null && latest !== null) {
    for (let m = first; m <= latest; m = nextMonth(m)) months.push(m);
  }
  const shares = shareByMonth([...db.stations.values()].map((s) => s.monthly), months);
  const index: QualityIndex = {
    months,
    latestMonth: latest,
    pageMonths: latest ? lastMonths(latest, MONTH_PAGES).reverse() : [],
    shares,
    sharesByMonth: new Map(shares.map((s) => [s.month, s])),
    byMonth,
  };
  indexCache.set(db, index);
  return index;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** A failing item of a result, with how far it is from the target. */
export interface FailingItem {
  item: ReadingItem;
  label: string;
  /** e.g. '超标 0.45 倍', '低于Ⅲ类限值 5 mg/L'. */
  text: string;
}

/** One row of the overview table: a station in a month. */
export interface StationMonthRow {
  station: StationView;
  waterName: string;
  township: { code: string; name: string } | null;
  /** The class of the month's mean; null when the station has no result that month. */
  class: WaterClass | null;
  meets: boolean | null;
  failing: FailingItem[];
  /** Consecutive months off target up to the station's latest month (the current state, not this month's). */
  run: number;
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
    for (const r of s.readings) {
      const k = monthOf(r.date);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    byStationMonth.set(s, m);
  }
  return m.get(month) ?? [];
}

/** The items failing the target in a station's month: the month's single reading, or the month's mean. */
export function failingInMonth(s: StationView, month: string): FailingItem[] {
  const rs = readingsInMonth(s, month);
  if (rs.length === 0) return [];
  const result = rs.length === 1 ? rs[0]!.result : classOfMean(rs.map((r) => r.values), s.waterbody, s.target_class as TargetClass);
  return failingOf(result.failing, s);
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
    rows.push({
      station: s,
      waterName: db.waters.get(s.water)?.name ?? s.water,
      township: t ? { code: t, name: db.regions.get(t)?.name ?? t } : null,
      class: r?.class ?? null,
      meets: r?.meets ?? null,
      failing: r?.meets === false ? failingInMonth(s, month) : [],
      run: s.runs.monthly.length,
    });
  }
  rows.sort((a, b) => a.station.name.localeCompare(b.station.name, 'zh-CN') || a.station.id.localeCompare(b.station.id));
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
export function groupByTownship(rows: readonly StationMonthRow[], townships: readonly { code: string }[]): TownshipGroup[] {
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

// ---------------------------------------------------------------------------
// A station's page
// ---------------------------------------------------------------------------

/** One item of the latest result, as the station page lists it. */
export interface LatestItemRow {
  item: ReadingItem;
  label: string;
  unit: string;
  /** As written, `L` kept. */
  written: string;
  belowLimit: boolean;
  class: WaterClass | null;
  /** Takes part in deciding the class. */
  deciding: boolean;
  /** Table 1 has limits for the item but it is reported only (TN on a lake, fecal coliform). */
  reportedOnly: boolean;
  /** The limit of the item's own class ('≤ 0.5'); null for 劣V and for items without limits. */
  classLimit: string | null;
  /** The limit of the station's target class; null for items without limits. */
  targetLimit: string | null;
  /** Fails the target (deciding items only). */
  fails: boolean;
  /** How far it fails: '超标 0.45 倍' …; null when it does not fail. */
  shortfall: string | null;
}

/** A trend chart of one item. */
export interface ItemChart {
  item: ReadingItem;
  label: string;
  unit: string;
  points: SeriesPoint[];
  spec: LineChartSpec;
  summary: string;
  reportedOnly: boolean;
  targetLimit: string | null;
}

export interface StationQuality {
  station: StationView;
  waterName: string;
  townshipName: string | null;
  latest: ClassedReading | null;
  latestItems: LatestItemRow[];
  /** The last 12 months up to the as_of month, each with its result or null. */
  recent: { month: string; class: WaterClass | null; meets: boolean | null }[];
  recentSummary: ComplianceSummary;
  yearly: { year: string; class: WaterClass | null; meets: boolean | null; readings: number }[];
  charts: ItemChart[];
  /** Items measured but always below the detection limit: no chart. */
  belowDetection: ReadingItem[];
  /** Items other than the routine indicators that always met the target: no chart. */
  alwaysMet: ReadingItem[];
  /** Items measured that GB 3838 Table 1 does not class here (temperature, transparency …). */
  unclassed: ReadingItem[];
  /** The station's required actions (src/data/accountability.ts), oldest run first. */
  accountability: AccountabilityRow[];
}

function latestItems(s: StationView): LatestItemRow[] {
  if (!s.latest) return [];
  const target = s.target_class as TargetClass;
  const failing = new Set(s.latest.result.failing.map((i) => i.item));
  return s.latest.result.items.map((i) => {
    const standard = standardFor(i.item, s.waterbody);
    const fails = failing.has(i.item);
    return {
      item: i.item,
      label: READING_ITEMS[i.item].label,
      unit: READING_ITEMS[i.item].unit,
      written: formatMeasurement(i.measurement),
      belowLimit: i.measurement.belowLimit,
      class: i.class,
      deciding: i.deciding,
      reportedOnly: standard !== null && !standard.decides,
      classLimit: standard && i.limit !== null ? limitText(standard, i.limit) : null,
      targetLimit: standard ? limitText(standard, limitOf(standard, target)) : null,
      fails,
      shortfall: fails ? shortfallText(i.item, i.value, s.waterbody, target) : null,
    };
  });
}

/** Everything the station page shows. */
export function stationQuality(db: Db, id: string): StationQuality {
  const s = db.stations.get(id);
  if (!s) throw new Error(`no station ${id}`);
  const target = s.target_class as TargetClass;
  const t = db.townshipOf(s.region);
  const end = monthOf(db.asOf);
  const monthly = new Map(s.monthly.map((m) => [m.month, m]));
  const recentMonths = lastMonths(end, 12);

  const yearCounts = new Map<string, number>();
  for (const r of s.readings) yearCounts.set(r.date.slice(0, 4), (yearCounts.get(r.date.slice(0, 4)) ?? 0) + 1);

  const charts: ItemChart[] = [];
  const belowDetection: ReadingItem[] = [];
  const unclassed: ReadingItem[] = [];
  const alwaysMet: ReadingItem[] = [];
  for (const item of READING_ITEM_KEYS) {
    const points = itemSeries(s.readings, item, s.waterbody, target);
    if (points.length === 0) continue;
    const reason = chartDecision(points, item, s.waterbody);
    if (reason !== null) {
      (reason === 'no_standard' ? unclassed : reason === 'below_detection' ? belowDetection : alwaysMet).push(item);
      continue;
    }
    const standard = standardFor(item, s.waterbody)!;
    const reportedOnly = !isDecidingItem(item, s.waterbody);
    const summary = itemSummary(points, item, target, reportedOnly);
    charts.push({
      item,
      label: READING_ITEMS[item].label,
      unit: READING_ITEMS[item].unit,
      points,
      spec: itemChartSpec(points, item, s.waterbody, target, summary),
      summary,
      reportedOnly,
      targetLimit: limitText(standard, limitOf(standard, target)),
    });
  }

  return {
    station: s,
    waterName: db.waters.get(s.water)?.name ?? s.water,
    townshipName: t ? (db.regions.get(t)?.name ?? null) : null,
    latest: s.latest,
    latestItems: latestItems(s),
    recent: recentMonths.map((month) => {
      const r = monthly.get(month);
      return { month, class: r?.class ?? null, meets: r?.meets ?? null };
    }),
    recentSummary: complianceSummary(s.monthly, end, 12),
    yearly: s.yearly.map((y) => ({ ...y, readings: yearCounts.get(y.year) ?? 0 })),
    charts,
    belowDetection,
    alwaysMet,
    unclassed,
    accountability: accountabilityIndex(db).byStation.get(s.id) ?? [],
  };
}

// ---------------------------------------------------------------------------
// A station's readings as CSV
// ---------------------------------------------------------------------------

/** The header of a station's CSV: the columns of /data/readings.csv. */
export const STATION_CSV_HEADER: readonly string[] = ['station', 'date', 'class', 'meets_target', 'failing_items', 'main_pollutants', ...READING_ITEM_KEYS];

/** A station's readings as CSV text, UTF-8 BOM first, `L` values as written. */
export function stationCsv(s: StationView): string {
  const rows = s.readings.map((r) => [
    r.station,
    r.date,
    r.result.class,
    r.result.meetsTarget === null ? null : r.result.meetsTarget ? 'true' : 'false',
    r.result.failing.map((i) => i.item).join(';'),
    r.result.mainPollutants.map((p) => p.item).join(';'),
    ...READING_ITEM_KEYS.map((k) => (r.values[k] ? formatMeasurement(r.values[k]!) : null)),
  ]);
  return '\uFEFF' + toCsv(STATION_CSV_HEADER, rows, { safe: true });
}
