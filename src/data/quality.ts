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
import { formatDateZh } from '../lib/format.ts';
import type { ReadingItem, TargetClass, WaterClass } from '../lib/enums.ts';
import { BLACK_ODOROUS_ITEMS, BLACK_ODOROUS_LABEL, blackOdorous, compareClasses, isDecidingItem, limitOf, standardFor } from '../lib/gb3838.ts';
import type { BlackOdorousGrade, Exceedance, ItemClassification } from '../lib/gb3838.ts';
import { compare, lastMonths, listMonths, monthOf, yearOf } from '../lib/dates.ts';
import { push } from '../lib/collections.ts';
import { accountabilityIndex, type AccountabilityRow } from './accountability.ts';
import {
  complianceSummary,
  chartDecision,
  itemChartSpec,
  itemSeries,
  itemSummary,
  limitText,
  pollutantText,
  shareByMonth,
  shortfallText,
} from '../lib/chart-data.ts';
import type { ComplianceSummary, LineChartSpec, MonthClass, MonthShare, SeriesPoint } from '../lib/chart-data.ts';
import type { ClassedReading, Db, StationView } from './query.ts';

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
  const shares = shareByMonth([...db.stations.values()].map((s) => s.monthly), months);
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
  return `/quality/${month}/`;
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
  return list.map((e) => ({ item: e.item, label: READING_ITEMS[e.item].label, class: e.class, multiple: e.multiple, text: pollutantText(e) }));
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

/** One result of a station, as its page lists every result. */
export interface ResultRow {
  date: string;
  class: WaterClass | null;
  meets: boolean | null;
  /** Main pollutants (against class III), worst first. */
  pollutants: PollutantView[];
  /** The black-odorous grade; null when none of its four items was measured. */
  blackOdorous: BlackOdorousGrade | null;
}

/** One result's black-odorous items as written, and its grade. */
export interface BlackOdorousRow {
  date: string;
  /** transparency_cm, do, orp_mv, nh3n as written ('' when not measured). */
  values: Record<(typeof BLACK_ODOROUS_ITEMS)[number], string>;
  grade: BlackOdorousGrade;
}

/** A station's black-odorous record, for a station whose results measure all four items. */
export interface BlackOdorousSummary {
  /** Graded results, newest first. */
  rows: BlackOdorousRow[];
  light: number;
  heavy: number;
  /** The latest result graded light or heavy; null when none was. */
  latestBad: BlackOdorousRow | null;
  /** e.g. '2023年以来 36 次监测中，有 8 次达到轻度黑臭；最近一次为2025年8月14日（轻度黑臭）。' */
  text: string;
}

/** The black-odorous grade of a reading (null when none of the four items was measured). */
export function readingBlackOdorous(r: ClassedReading): BlackOdorousGrade | null {
  return blackOdorous(r.values);
}

/**
 * A station's black-odorous record; null unless its results, taken
 * together, measure all four items of the 2015 guideline (transparency,
 * DO, ORP, NH3-N): with fewer the grading says little about the water.
 */
export function blackOdorousSummary(readings: readonly ClassedReading[]): BlackOdorousSummary | null {
  if (!BLACK_ODOROUS_ITEMS.every((item) => readings.some((r) => r.values[item] !== undefined))) return null;
  const rows: BlackOdorousRow[] = [];
  for (const r of readings) {
    const grade = readingBlackOdorous(r);
    if (grade === null) continue;
    const values = Object.fromEntries(BLACK_ODOROUS_ITEMS.map((item) => [item, r.values[item] ? formatMeasurement(r.values[item]!) : ''])) as BlackOdorousRow['values'];
    rows.push({ date: r.date, values, grade });
  }
  rows.sort((a, b) => compare(b.date, a.date));
  const light = rows.filter((r) => r.grade === 'light').length;
  const heavy = rows.filter((r) => r.grade === 'heavy').length;
  const latestBad = rows.find((r) => r.grade !== 'none') ?? null;
  const since = `${yearOf(rows.at(-1)!.date)}年以来 ${rows.length} 次监测中`;
  let text: string;
  if (latestBad === null) {
    text = `${since}，没有一次达到黑臭水体的标准。`;
  } else {
    const counts = [light > 0 ? `${light} 次达到${BLACK_ODOROUS_LABEL.light}` : '', heavy > 0 ? `${heavy} 次达到${BLACK_ODOROUS_LABEL.heavy}` : ''].filter(Boolean).join('，');
    text = `${since}，有 ${counts}；最近一次为${formatDateZh(latestBad.date)}（${BLACK_ODOROUS_LABEL[latestBad.grade]}）。`;
    const latest = rows[0]!;
    if (latest !== latestBad) text += `最近一次监测（${formatDateZh(latest.date)}）为${BLACK_ODOROUS_LABEL[latest.grade]}。`;
  }
  return { rows, light, heavy, latestBad, text };
}

export interface StationQuality {
  station: StationView;
  waterName: string;
  townshipName: string | null;
  latest: ClassedReading | null;
  latestItems: LatestItemRow[];
  /** Every result, newest first. */
  results: ResultRow[];
  /** The black-odorous record; null unless the station's results measure all four of its items. */
  blackOdorous: BlackOdorousSummary | null;
  /** The last 12 months up to the as_of month, each with its result or null, and its overview page when it has one. */
  recent: { month: string; class: WaterClass | null; meets: boolean | null; href: string | null }[];
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
  const pages = monthPages(db);

  const yearCounts = new Map<string, number>();
  for (const r of s.readings) {
    const y = yearOf(r.date);
    yearCounts.set(y, (yearCounts.get(y) ?? 0) + 1);
  }

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
    results: s.readings
      .map((r) => ({
        date: r.date,
        class: r.result.class,
        meets: r.result.meetsTarget,
        pollutants: pollutantsOf(r.result.mainPollutants),
        blackOdorous: readingBlackOdorous(r),
      }))
      .reverse(),
    blackOdorous: blackOdorousSummary(s.readings),
    recent: recentMonths.map((month) => {
      const r = monthly.get(month);
      return { month, class: r?.class ?? null, meets: r?.meets ?? null, href: pages.has(month) ? monthHref(month) : null };
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

/** The columns of a reading in the open data (/data/readings.csv and .json) and in a station's CSV. */
export const READING_COLUMNS: readonly string[] = ['station', 'date', 'class', 'meets_target', 'failing_items', 'main_pollutants', 'black_odorous', ...READING_ITEM_KEYS];

/** The header of a station's CSV: the columns of /data/readings.csv. */
export const STATION_CSV_HEADER: readonly string[] = READING_COLUMNS;

/** One reading as the open data publishes it: lists as arrays, items as written (`L` kept), null when absent. */
export function readingRecord(r: ClassedReading): Record<string, string | boolean | null | string[]> {
  const row: Record<string, string | boolean | null | string[]> = {
    station: r.station,
    date: r.date,
    class: r.result.class,
    meets_target: r.result.meetsTarget,
    failing_items: r.result.failing.map((i) => i.item),
    main_pollutants: r.result.mainPollutants.map((p) => p.item),
    black_odorous: readingBlackOdorous(r),
  };
  for (const k of READING_ITEM_KEYS) row[k] = r.values[k] ? formatMeasurement(r.values[k]!) : null;
  return row;
}

/** A station's readings as CSV text, UTF-8 BOM first, `L` values as written, lists `;`-joined. */
export function stationCsv(s: StationView): string {
  const rows = s.readings.map((r) => {
    const record = readingRecord(r);
    return READING_COLUMNS.map((c) => {
      const v = record[c] ?? null;
      return Array.isArray(v) ? v.join(';') : typeof v === 'boolean' ? String(v) : v;
    });
  });
  return '\uFEFF' + toCsv(STATION_CSV_HEADER, rows, { safe: true });
}
