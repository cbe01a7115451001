/**
 * Chart data for the water-quality pages, computed at build time: an item's
 * series over time, the GB 3838 class limits of an item as bands, and the
 * share of stations meeting their target per month. The words beside the
 * charts ("近12个月8次达标") are quality-text.ts.
 *
 * The same numbers feed the canvas (through a LineChartSpec serialised into
 * the page) and the HTML table beside it, so the two cannot disagree.
 *
 * Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import { READING_ITEMS, WATER_CLASS_LABEL, WATER_CLASSES } from './enums.ts';
import type { ReadingItem, TargetClass, WaterClass, Waterbody } from './enums.ts';
import { classOfStandard, limitOf, standardFor, valueUsed } from './gb3838.ts';
import type { ItemStandard, ReadingValues } from './gb3838.ts';
import { formatMeasurement } from './measurement.ts';
import { plainNumber } from './format.ts';

// ---------------------------------------------------------------------------
// Class limits as bands
// ---------------------------------------------------------------------------

/**
 * A horizontal band of a chart: values from `from` to `to` (null = the edge
 * of the chart) belong to `class` (null = a range every class shares, the
 * pH 6–9). Classes that share a limit with the better class (COD: I and II
 * are both ≤ 15) have no band of their own: a value there is the better class.
 */
export interface Band {
  from: number | null;
  to: number | null;
  class: WaterClass | null;
  label: string;
}

/** The bands of one Table 1 row, from the best class to 劣V. */
export function classBands(standard: ItemStandard): Band[] {
  if (standard.bound === 'range') {
    const { min, max } = standard.range;
    const range = `${plainNumber(min)}–${plainNumber(max)}`;
    return [
      { from: null, to: min, class: '劣V', label: `劣Ⅴ类（< ${plainNumber(min)}）` },
      { from: min, to: max, class: null, label: `Ⅰ–Ⅴ类（${range}）` },
      { from: max, to: null, class: '劣V', label: `劣Ⅴ类（> ${plainNumber(max)}）` },
    ];
  }
  const limits = standard.limits;
  const bands: Band[] = [];
  if (standard.bound === 'upper') {
    let lower = 0;
    for (let i = 0; i < 5; i++) {
      const upper = limits[i]!;
      if (upper <= lower) continue; // shares the better class's limit
      bands.push({
        from: lower,
        to: upper,
        class: WATER_CLASSES[i]!,
        label: `${WATER_CLASS_LABEL[WATER_CLASSES[i]!]}（≤ ${plainNumber(upper)}）`,
      });
      lower = upper;
    }
    bands.push({ from: lower, to: null, class: '劣V', label: `劣Ⅴ类（> ${plainNumber(limits[4])}）` });
    return bands;
  }
  // Lower bound (DO): class I from its limit upwards, each worse class below.
  let upperEdge: number | null = null;
  for (let i = 0; i < 5; i++) {
    const lowerEdge = limits[i]!;
    if (upperEdge !== null && lowerEdge >= upperEdge) continue;
    bands.push({
      from: lowerEdge,
      to: upperEdge,
      class: WATER_CLASSES[i]!,
      label: `${WATER_CLASS_LABEL[WATER_CLASSES[i]!]}（≥ ${plainNumber(lowerEdge)}）`,
    });
    upperEdge = lowerEdge;
  }
  bands.push({ from: 0, to: upperEdge, class: '劣V', label: `劣Ⅴ类（< ${plainNumber(limits[4])}）` });
  return bands;
}

/** The bands of an item on a waterbody; empty when Table 1 has no row for it (temperature, TN on a river …). */
export function bandsFor(item: ReadingItem, waterbody: Waterbody): Band[] {
  const standard = standardFor(item, waterbody);
  return standard ? classBands(standard) : [];
}

// ---------------------------------------------------------------------------
// Series of one item
// ---------------------------------------------------------------------------

/** One measured value of an item. */
export interface SeriesPoint {
  date: string;
  /** The value plotted and judged: half the detection limit for an `L` value. */
  value: number;
  /** The value as written, `L` kept ("0.004L"). */
  written: string;
  belowLimit: boolean;
  /** The item's class; null when Table 1 has no row for it. */
  class: WaterClass | null;
  /** Whether the item meets the target class's limit; null without a row, without a target, or for an item reported only (TN, fecal coliform). */
  meetsTarget: boolean | null;
}

/** A dated set of values (a reading). */
export interface DatedValues {
  date: string;
  values: ReadingValues;
}

/** The series of one item over some readings, in the readings' order, skipping readings that did not measure it. */
export function itemSeries(
  readings: readonly DatedValues[],
  item: ReadingItem,
  waterbody: Waterbody,
  target: TargetClass | null = null,
): SeriesPoint[] {
  const standard = standardFor(item, waterbody);
  const targetIndex = target === null ? -1 : WATER_CLASSES.indexOf(target);
  const out: SeriesPoint[] = [];
  for (const r of readings) {
    const m = r.values[item];
    if (m === undefined) continue;
    const value = valueUsed(m);
    const cls = standard ? classOfStandard(standard, value) : null;
    out.push({
      date: r.date,
      value,
      written: formatMeasurement(m),
      belowLimit: m.belowLimit,
      class: cls,
      meetsTarget:
        cls === null || targetIndex < 0 || !standard!.decides ? null : WATER_CLASSES.indexOf(cls) <= targetIndex,
    });
  }
  return out;
}

/**
 * The routine indicators of surface-water assessment that always get a
 * trend chart when measured (pH, DO, permanganate index, COD, BOD5, NH3-N,
 * TP; TN too on a lake). Other items get one only when they have missed
 * the target at least once.
 */
export const ROUTINE_ITEMS: readonly ReadingItem[] = ['ph', 'do', 'codmn', 'cod', 'bod5', 'nh3n', 'tp'];

/** Why an item has no trend chart, or null when it has one. */
export type NoChartReason = 'no_standard' | 'below_detection' | 'always_met';

/**
 * Whether an item of a station gets a trend chart: Table 1 has a row for
 * it, at least one value was above the detection limit, and it is a
 * routine indicator (TN on a lake included) or missed the target at least once.
 */
export function chartDecision(
  points: readonly SeriesPoint[],
  item: ReadingItem,
  waterbody: Waterbody,
): NoChartReason | null {
  if (standardFor(item, waterbody) === null) return 'no_standard';
  if (!points.some((p) => !p.belowLimit)) return 'below_detection';
  if (ROUTINE_ITEMS.includes(item) || (item === 'tn' && waterbody === 'lake')) return null;
  return points.some((p) => p.meetsTarget === false) ? null : 'always_met';
}

/**
 * The y range of an item's chart: the data and the target's limit (or pH
 * 6–9) with a margin, so the band that matters is always in view while a
 * far-away class V limit does not squash the line. Upper-bound items start
 * at 0.
 */
export function axisRange(
  points: readonly SeriesPoint[],
  item: ReadingItem,
  waterbody: Waterbody,
  target: TargetClass | null,
): { min: number; max: number } {
  const standard = standardFor(item, waterbody);
  const values = points.map((p) => p.value);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (standard?.bound === 'range') {
    lo = Math.min(lo, standard.range.min);
    hi = Math.max(hi, standard.range.max);
    return { min: Math.floor(lo - 0.5), max: Math.ceil(hi + 0.5) };
  }
  if (standard && target !== null) {
    const limit = limitOf(standard, target) as number;
    lo = Math.min(lo, limit);
    hi = Math.max(hi, limit);
  }
  if (standard?.bound === 'lower') {
    hi = Math.max(hi, standard.limits[0]);
    const min = Math.max(0, lo - (hi - lo) * 0.1);
    return { min: niceFloor(min), max: niceCeil(hi + (hi - lo) * 0.1) };
  }
  if (hi <= 0) hi = 1;
  return { min: 0, max: niceCeil(hi * 1.15) };
}

function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.abs(x) || 1));
  return p / 2;
}
function niceCeil(x: number): number {
  if (x <= 0) return 0;
  const s = niceStep(x);
  return Number((Math.ceil(x / s) * s).toPrecision(12));
}
function niceFloor(x: number): number {
  if (x <= 0) return 0;
  const s = niceStep(x);
  return Number((Math.floor(x / s) * s).toPrecision(12));
}

// ---------------------------------------------------------------------------
// What the client draws
// ---------------------------------------------------------------------------

/** Band colour key: 1–6 = the class tokens --hz-class-N-*, 0 = neutral. */
export type BandTone = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Everything the lazy chart element needs to draw a line chart, serialised
 * into the page as JSON. Small on purpose: labels, values, bands.
 */
export interface LineChartSpec {
  /** Accessible name of the canvas (the one-line summary). */
  label: string;
  /** x labels, one per point: dates or months. */
  labels: string[];
  series: {
    label: string;
    values: (number | null)[];
    /** Indexes of the points that fail the target: drawn as triangles instead of circles. */
    flagged?: number[];
    /** Per point, the value as the tooltip writes it (the `L` kept); null or absent = the number. Only sent when some value is an `L` value. */
    texts?: (string | null)[];
  }[];
  y: { min: number; max: number; unit: string; percent?: boolean };
  bands: { from: number | null; to: number | null; tone: BandTone; label: string }[];
}

/** Tone of a class: I → 1 … 劣V → 6; null → 0. */
export function toneOf(cls: WaterClass | null): BandTone {
  return cls === null ? 0 : ((WATER_CLASSES.indexOf(cls) + 1) as BandTone);
}

/** The chart of one item: its series over the class bands. */
export function itemChartSpec(
  points: readonly SeriesPoint[],
  item: ReadingItem,
  waterbody: Waterbody,
  target: TargetClass | null,
  label: string,
): LineChartSpec {
  const info = READING_ITEMS[item];
  return {
    label,
    labels: points.map((p) => p.date),
    series: [
      {
        label: info.label,
        values: points.map((p) => p.value),
        flagged: points.flatMap((p, i) => (p.meetsTarget === false ? [i] : [])),
        ...(points.some((p) => p.belowLimit)
          ? {
              texts: points.map((p) =>
                p.belowLimit ? `${p.written}（低于检出限，按 ${plainNumber(p.value)} 计）` : null,
              ),
            }
          : {}),
      },
    ],
    y: { ...axisRange(points, item, waterbody, target), unit: info.unit },
    bands: bandsFor(item, waterbody).map((b) => ({ from: b.from, to: b.to, tone: toneOf(b.class), label: b.label })),
  };
}

// ---------------------------------------------------------------------------
// Share of stations meeting their target
// ---------------------------------------------------------------------------

/** A station's result for a month, as compliance.monthlyResults gives it. */
export interface MonthClass {
  month: string;
  class: WaterClass | null;
  meets: boolean | null;
}

/** How the stations did in one month. */
export interface MonthShare {
  month: string;
  /** Stations with a class that month. */
  reported: number;
  /** Of those, how many met their target. */
  meeting: number;
  /** meeting / reported; null when no station reported. */
  share: number | null;
  byClass: Record<WaterClass, number>;
}

function emptyByClass(): Record<WaterClass, number> {
  return Object.fromEntries(WATER_CLASSES.map((c) => [c, 0])) as Record<WaterClass, number>;
}

/**
 * Share of stations meeting their target in each month. `months` lists the
 * months to report, in order (months nobody reported get share null); when
 * omitted, every month any station reported, in order. A station counts in a
 * month when it has a class that month.
 */
export function shareByMonth(stations: Iterable<readonly MonthClass[]>, months?: readonly string[]): MonthShare[] {
  const acc = new Map<string, MonthShare>();
  const get = (month: string) => {
    let s = acc.get(month);
    if (!s) acc.set(month, (s = { month, reported: 0, meeting: 0, share: null, byClass: emptyByClass() }));
    return s;
  };
  if (months) for (const m of months) get(m);
  for (const results of stations) {
    for (const r of results) {
      if (r.class === null) continue;
      if (months && !acc.has(r.month)) continue;
      const s = get(r.month);
      s.reported++;
      s.byClass[r.class]++;
      if (r.meets) s.meeting++;
    }
  }
  const order = months ? [...months] : [...acc.keys()].sort();
  return order.map((m) => {
    const s = acc.get(m)!;
    return { ...s, share: s.reported > 0 ? s.meeting / s.reported : null };
  });
}

/** The chart of the share meeting target over months, in percent. */
export function shareChartSpec(shares: readonly MonthShare[], label: string): LineChartSpec {
  return {
    label,
    labels: shares.map((s) => s.month),
    series: [
      { label: '达标比例', values: shares.map((s) => (s.share === null ? null : Number((s.share * 100).toFixed(1)))) },
    ],
    y: { min: 0, max: 100, unit: '%', percent: true },
    bands: [],
  };
}
