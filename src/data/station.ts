/**
 * A station's page (/stations/<id>/) and its readings as CSV, derived from
 * the query module: the latest result item by item, every result, the
 * black-odorous record, the last 12 months and the years, a trend chart per
 * item, and the accountability state.
 *
 * Per-page work stays O(own data): a station page reads its own readings and
 * its chiefs' actions.
 */
import { READING_ITEMS, READING_ITEM_KEYS } from '../lib/enums.ts';
import { formatMeasurement } from '../lib/measurement.ts';
import { toCsv } from '../lib/csv.ts';
import { formatDateZh } from '../lib/format.ts';
import type { ReadingItem, TargetClass, WaterClass } from '../lib/enums.ts';
import { isDecidingItem, limitOf, standardFor } from '../lib/gb3838.ts';
import {
  BLACK_ODOROUS_ITEMS,
  BLACK_ODOROUS_LABEL,
  blackOdorous,
  type BlackOdorousGrade,
} from '../lib/black-odorous.ts';
import { compare, lastMonths, monthOf, yearOf } from '../lib/dates.ts';
import { accountabilityIndex, type AccountabilityRow } from './accountability.ts';
import { chartDecision, itemChartSpec, itemSeries } from '../lib/chart-data.ts';
import type { LineChartSpec, SeriesPoint } from '../lib/chart-data.ts';
import {
  complianceSummary,
  itemSummary,
  limitText,
  shortfallText,
  type ComplianceSummary,
} from '../lib/quality-text.ts';
import type { ClassedReading, Db, StationView } from './query.ts';
import { monthHref, monthPages, pollutantsOf, type PollutantView } from './quality.ts';

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
    const values = Object.fromEntries(
      BLACK_ODOROUS_ITEMS.map((item) => [item, r.values[item] ? formatMeasurement(r.values[item]!) : '']),
    ) as BlackOdorousRow['values'];
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
    const counts = [
      light > 0 ? `${light} 次达到${BLACK_ODOROUS_LABEL.light}` : '',
      heavy > 0 ? `${heavy} 次达到${BLACK_ODOROUS_LABEL.heavy}` : '',
    ]
      .filter(Boolean)
      .join('，');
    text = `${since}，有 ${counts}；最近一次为${formatDateZh(latestBad.date)}（${BLACK_ODOROUS_LABEL[latestBad.grade]}）。`;
    const latest = rows[0]!;
    if (latest !== latestBad)
      text += `最近一次监测（${formatDateZh(latest.date)}）为${BLACK_ODOROUS_LABEL[latest.grade]}。`;
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
      return {
        month,
        class: r?.class ?? null,
        meets: r?.meets ?? null,
        href: pages.has(month) ? monthHref(month) : null,
      };
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
export const READING_COLUMNS: readonly string[] = [
  'station',
  'date',
  'class',
  'meets_target',
  'failing_items',
  'main_pollutants',
  'black_odorous',
  ...READING_ITEM_KEYS,
];

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
