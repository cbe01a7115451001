/**
 * GB 3838-2002 (地表水环境质量标准) Table 1, the single-factor method that
 * classes a monitoring result, exceedance multiples (超标倍数), main
 * pollutants (主要污染指标), means over a period, and the black-odorous water
 * grading of the 城市黑臭水体整治工作指南 (2015).
 *
 * The rules are those of data-contract.md, "Water quality: how a result is
 * classed". Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import { READING_ITEM_KEYS, WATER_CLASSES } from './enums.ts';
import type { ReadingItem, TargetClass, WaterClass, Waterbody } from './enums.ts';
import type { Measurement } from './measurement.ts';
import { push } from './collections.ts';
import { yearOf } from './dates.ts';

// ---------------------------------------------------------------------------
// Table 1 as data
// ---------------------------------------------------------------------------

/** The five class limits of one item, in class order I, II, III, IV, V. */
export type ClassLimits = readonly [number, number, number, number, number];

/** The pH range that every class shares: min ≤ pH ≤ max. */
export interface PhRange {
  readonly min: number;
  readonly max: number;
}

/** A limit as shown beside a class: a number, or the pH range. */
export type ClassLimit = number | PhRange;

interface StandardBase {
  /** The readings/*.csv column the row applies to. */
  readonly item: ReadingItem;
  /** The waterbody the row applies to; null = rivers and lakes alike. */
  readonly waterbody: Waterbody | null;
  /** True when the item decides the class; false when it is reported only. */
  readonly decides: boolean;
}

/** A row whose classes have a limit each: an upper bound (value ≤ limit) or a lower bound (DO: value ≥ limit). */
export interface ThresholdStandard extends StandardBase {
  readonly bound: 'upper' | 'lower';
  readonly limits: ClassLimits;
}

/** A row whose classes all share one range (pH 6–9). */
export interface RangeStandard extends StandardBase {
  readonly bound: 'range';
  readonly range: PhRange;
}

/** One row of GB 3838-2002 Table 1. */
export type ItemStandard = ThresholdStandard | RangeStandard;

function upper(item: ReadingItem, limits: ClassLimits, waterbody: Waterbody | null = null, decides = true): ItemStandard {
  return Object.freeze({ item, waterbody, decides, bound: 'upper', limits: Object.freeze([...limits]) as ClassLimits });
}

/** The pH range shared by classes I–V. */
export const PH_RANGE: PhRange = Object.freeze({ min: 6, max: 9 });

/**
 * GB 3838-2002 Table 1, in the table's order (the order also breaks ties
 * between main pollutants). Total phosphorus has a river row and a lake
 * (lake and reservoir) row; total nitrogen has only the lake row and, like
 * fecal coliform, is reported but never decides the class.
 */
export const GB3838_TABLE1: readonly ItemStandard[] = Object.freeze([
  Object.freeze({ item: 'ph', waterbody: null, decides: true, bound: 'range', range: PH_RANGE } as const),
  Object.freeze({ item: 'do', waterbody: null, decides: true, bound: 'lower', limits: Object.freeze([7.5, 6, 5, 3, 2] as const) } as const),
  upper('codmn', [2, 4, 6, 10, 15]),
  upper('cod', [15, 15, 20, 30, 40]),
  upper('bod5', [3, 3, 4, 6, 10]),
  upper('nh3n', [0.15, 0.5, 1.0, 1.5, 2.0]),
  upper('tp', [0.02, 0.1, 0.2, 0.3, 0.4], 'river'),
  upper('tp', [0.01, 0.025, 0.05, 0.1, 0.2], 'lake'),
  upper('tn', [0.2, 0.5, 1.0, 1.5, 2.0], 'lake', false),
  upper('cu', [0.01, 1.0, 1.0, 1.0, 1.0]),
  upper('zn', [0.05, 1.0, 1.0, 2.0, 2.0]),
  upper('f', [1.0, 1.0, 1.0, 1.5, 1.5]),
  upper('se', [0.01, 0.01, 0.01, 0.02, 0.02]),
  upper('as', [0.05, 0.05, 0.05, 0.1, 0.1]),
  upper('hg', [0.00005, 0.00005, 0.0001, 0.001, 0.001]),
  upper('cd', [0.001, 0.005, 0.005, 0.005, 0.01]),
  upper('cr6', [0.01, 0.05, 0.05, 0.05, 0.1]),
  upper('pb', [0.01, 0.01, 0.05, 0.05, 0.1]),
  upper('cn', [0.005, 0.05, 0.2, 0.2, 0.2]),
  upper('phenol', [0.002, 0.002, 0.005, 0.01, 0.1]),
  upper('oil', [0.05, 0.05, 0.05, 0.5, 1.0]),
  upper('las', [0.2, 0.2, 0.2, 0.3, 0.3]),
  upper('s2', [0.05, 0.1, 0.2, 0.5, 1.0]),
  upper('fecal_coliform', [200, 2000, 10000, 20000, 40000], null, false),
]);

const standards = new Map<string, ItemStandard | null>();

/** The Table 1 row that applies to an item on a waterbody; null when the table has none (temp, transparency, ORP; TN on a river). */
export function standardFor(item: ReadingItem, waterbody: Waterbody): ItemStandard | null {
  // Asked for every value of every reading (a city has millions): looked up once per pair.
  const key = `${item}|${waterbody}`;
  let found = standards.get(key);
  if (found === undefined) {
    found = GB3838_TABLE1.find((row) => row.item === item && (row.waterbody === null || row.waterbody === waterbody)) ?? null;
    standards.set(key, found);
  }
  return found;
}

/** True when the item takes part in deciding the class on this waterbody. */
export function isDecidingItem(item: ReadingItem, waterbody: Waterbody): boolean {
  return standardFor(item, waterbody)?.decides ?? false;
}

/** The limit of one class for a row (the pH range for pH). */
export function limitOf(standard: ItemStandard, waterClass: TargetClass): ClassLimit {
  return standard.bound === 'range' ? standard.range : standard.limits[classIndex(waterClass)];
}

// ---------------------------------------------------------------------------
// Classes
// ---------------------------------------------------------------------------

/** Position of a class in I … V, 劣V (0 = I, the best; 5 = 劣V). */
export function classIndex(waterClass: WaterClass): number {
  return WATER_CLASSES.indexOf(waterClass);
}

/** Negative when `a` is better than `b`, 0 when equal, positive when worse. */
export function compareClasses(a: WaterClass, b: WaterClass): number {
  return classIndex(a) - classIndex(b);
}

/** The worst of some classes; null for none. */
export function worstClass(classes: Iterable<WaterClass>): WaterClass | null {
  let worst: WaterClass | null = null;
  for (const c of classes) if (worst === null || compareClasses(c, worst) > 0) worst = c;
  return worst;
}

/** A result meets its target when its class is the target class or better. */
export function meetsTarget(resultClass: WaterClass, targetClass: TargetClass): boolean {
  return compareClasses(resultClass, targetClass) <= 0;
}

/** The value a measurement counts as: the number itself, or half the detection limit of an `L` value. */
export function valueUsed(measurement: Measurement): number {
  return measurement.belowLimit ? measurement.value / 2 : measurement.value;
}

/**
 * Relative tolerance of limit comparisons. Means and halved detection limits
 * are floating-point sums (0.1 + 0.2 = 0.30000000000000004); a value within
 * one part in 10^9 of a limit counts as at the limit. No monitoring value is
 * written that precisely, so no real value is moved across a limit.
 */
const RELATIVE_TOLERANCE = 1e-9;

function atMost(value: number, limit: number): boolean {
  return value <= limit + Math.abs(limit) * RELATIVE_TOLERANCE;
}

function atLeast(value: number, limit: number): boolean {
  return value >= limit - Math.abs(limit) * RELATIVE_TOLERANCE;
}

const FIVE_CLASSES = WATER_CLASSES.slice(0, 5) as TargetClass[];

/** True when a value meets one class's limit of a row. */
export function meetsLimit(standard: ItemStandard, value: number, waterClass: TargetClass): boolean {
  if (standard.bound === 'range') return atLeast(value, standard.range.min) && atMost(value, standard.range.max);
  const limit = standard.limits[classIndex(waterClass)];
  return standard.bound === 'upper' ? atMost(value, limit) : atLeast(value, limit);
}

/**
 * The class of a value under a row: the best class whose limit it meets
 * (so where two classes share a limit, the better one), 劣V beyond class V.
 * pH inside 6–9 is class I, outside is 劣V.
 */
export function classOfStandard(standard: ItemStandard, value: number): WaterClass {
  return FIVE_CLASSES.find((c) => meetsLimit(standard, value, c)) ?? '劣V';
}

/** The class of a number for an item on a waterbody; null when Table 1 has no row for it. */
export function classOfValue(item: ReadingItem, value: number, waterbody: Waterbody): WaterClass | null {
  const standard = standardFor(item, waterbody);
  return standard ? classOfStandard(standard, value) : null;
}

/**
 * The class of one measured item (single-factor method); an `L` value counts
 * as half its detection limit. Null when Table 1 has no row for the item on
 * this waterbody (temp, transparency, ORP, and TN on a river).
 */
export function classOfItem(item: ReadingItem, measurement: Measurement, waterbody: Waterbody): WaterClass | null {
  return classOfValue(item, valueUsed(measurement), waterbody);
}

// ---------------------------------------------------------------------------
// A whole reading
// ---------------------------------------------------------------------------

/** The items of one reading (one row of readings/*.csv), as measured. */
export type ReadingValues = Partial<Record<ReadingItem, Measurement>>;

/** One measured item of a classified reading. */
export interface ItemClassification {
  item: ReadingItem;
  /** The measurement as written (the `L` kept). */
  measurement: Measurement;
  /** The value the class is judged on: half the detection limit for an `L` value. */
  value: number;
  /** The item's class; null when Table 1 has no limits for it on this waterbody. */
  class: WaterClass | null;
  /** True when the item takes part in deciding the result's class. */
  deciding: boolean;
  /** The limit of the item's class; null for 劣V (no limit is met) and for items without a class. */
  limit: ClassLimit | null;
}

/** How far one item is beyond the limit of a reference class. */
export interface Exceedance {
  item: ReadingItem;
  /** The value used (half the detection limit for an `L` value). */
  value: number;
  /** The item's own class. */
  class: WaterClass;
  /** The class the value is compared with. */
  reference: TargetClass;
  /** The reference class's limit. */
  limit: ClassLimit;
  /**
   * 超标倍数: value / limit − 1 for an item with an upper limit. Null for
   * pH (a range) and DO (a lower limit): the national evaluation method
   * (《地表水环境质量评价办法（试行）》) computes no multiple for either.
   */
  multiple: number | null;
}
/** A classified reading. */
export interface ReadingClassification {
  /** The result's class: the worst class of its deciding items; null when no deciding item was measured. */
  class: WaterClass | null;
  waterbody: Waterbody;
  /** Every measured item, in the order of readings/*.csv (which is the order of Table 1). */
  items: ItemClassification[];
  /** The deciding items whose class is the result's class (定类项目). */
  determinedBy: ReadingItem[];
  /** The target the result was judged against, when one was given. */
  target: TargetClass | null;
  /** Whether the class is the target or better; null without a target or without a class. */
  meetsTarget: boolean | null;
  /** Deciding items worse than the target; empty without a target. */
  failing: ItemClassification[];
  /**
   * Up to three main pollutants (主要污染指标), judged against class III
   * whatever the target: see {@link mainPollutants}. Empty when the result
   * is class III or better.
   */
  mainPollutants: Exceedance[];
}

function itemOrder(item: ReadingItem): number {
  return READING_ITEM_KEYS.indexOf(item);
}

function classifyItem(item: ReadingItem, measurement: Measurement, waterbody: Waterbody): ItemClassification {
  const standard = standardFor(item, waterbody);
  const value = valueUsed(measurement);
  const cls = standard ? classOfStandard(standard, value) : null;
  return {
    item,
    measurement,
    value,
    class: cls,
    deciding: standard?.decides ?? false,
    limit: standard && cls !== null && cls !== '劣V' ? limitOf(standard, cls) : null,
  };
}

/**
 * Class a reading by the single-factor method: each measured item gets its
 * class, the result is the worst class among the deciding items (temperature,
 * TN and fecal coliform are reported, never deciding), with its main
 * pollutants. With a target, the result also says whether it meets it and
 * which items fail it.
 */
export function classifyReading(
  values: ReadingValues,
  waterbody: Waterbody,
  target: TargetClass | null = null,
): ReadingClassification {
  const items: ItemClassification[] = [];
  for (const item of READING_ITEM_KEYS) {
    const measurement = values[item];
    if (measurement !== undefined) items.push(classifyItem(item, measurement, waterbody));
  }
  const deciding = items.filter((i) => i.deciding);
  const cls = worstClass(deciding.map((i) => i.class as WaterClass));
  const result: ReadingClassification = {
    class: cls,
    waterbody,
    items,
    determinedBy: cls === null ? [] : deciding.filter((i) => i.class === cls).map((i) => i.item),
    target,
    meetsTarget: cls === null || target === null ? null : meetsTarget(cls, target),
    failing: [],
    mainPollutants: [],
  };
  result.mainPollutants = mainPollutants(result);
  if (target !== null) result.failing = failingItems(result, target);
  return result;
}

/** The deciding items of a classified reading that are worse than a target class. */
export function failingItems(result: Pick<ReadingClassification, 'items'>, target: TargetClass): ItemClassification[] {
  return result.items.filter((i) => i.deciding && i.class !== null && compareClasses(i.class, target) > 0);
}

/** 超标倍数 of one value against one class of a row (value / limit − 1); null for pH and DO, see {@link Exceedance.multiple}. */
export function exceedanceMultiple(standard: ItemStandard, value: number, reference: TargetClass): number | null {
  if (standard.bound !== 'upper') return null;
  return value / standard.limits[classIndex(reference)] - 1;
}

/**
 * The items of a classified reading worse than a reference class, each with
 * its multiple over that class's limit, in table order. Only deciding items,
 * unless `includeReported` (TN on a lake, fecal coliform).
 */
export function exceedances(
  result: Pick<ReadingClassification, 'items' | 'waterbody'>,
  reference: TargetClass,
  options: { includeReported?: boolean } = {},
): Exceedance[] {
  const out: Exceedance[] = [];
  for (const i of result.items) {
    if (i.class === null || (!i.deciding && !options.includeReported)) continue;
    if (compareClasses(i.class, reference) <= 0) continue;
    const standard = standardFor(i.item, result.waterbody);
    if (!standard) continue;
    out.push({
      item: i.item,
      value: i.value,
      class: i.class,
      reference,
      limit: limitOf(standard, reference),
      multiple: exceedanceMultiple(standard, i.value, reference),
    });
  }
  return out;
}

/** Multiples closer than this are a tie, broken by the order of the table. */
const TIE = 1e-9;

/** How many main pollutants a result names at most. */
export const MAIN_POLLUTANTS_MAX = 3;

/**
 * Orders two exceedances as main pollutants: the worse class first; within
 * a class the larger multiple first, items without a multiple (pH, DO)
 * after those with one; remaining ties in the order of Table 1 (pH before
 * DO).
 */
function comparePollutants(a: Exceedance, b: Exceedance): number {
  const byClass = compareClasses(b.class, a.class);
  if (byClass !== 0) return byClass;
  if (a.multiple === null || b.multiple === null) {
    if (a.multiple !== b.multiple) return a.multiple === null ? 1 : -1;
  } else if (Math.abs(a.multiple - b.multiple) > TIE) {
    return b.multiple - a.multiple;
  }
  return itemOrder(a.item) - itemOrder(b.item);
}

/**
 * 主要污染指标 (《地表水环境质量评价办法（试行）》, data contract v2): the
 * deciding items worse than class III, ordered by class (worst first), then
 * by their multiple over the class III limit (largest first; pH and DO have
 * none and come after the items of their class that have one), ties in the
 * order of Table 1; at most three. Always against class III, never the
 * station's target; none when the result is class III or better. Items that
 * never decide the class (temperature, TN, fecal coliform) are never named.
 */
export function mainPollutants(result: Pick<ReadingClassification, 'items' | 'waterbody'>): Exceedance[] {
  return exceedances(result, 'III').sort(comparePollutants).slice(0, MAIN_POLLUTANTS_MAX);
}

// ---------------------------------------------------------------------------
// Means over a period
// ---------------------------------------------------------------------------

/** The mean of some readings. */
export interface MeanValues {
  /**
   * Per item measured at least once: the mean as a measurement. pH is
   * averaged through its hydrogen-ion concentration, every other item
   * arithmetically with `L` values at half their limit. When every value of
   * an item was an `L` value, the mean stays one: `belowLimit` with the mean
   * detection limit (half of which is the mean of the halves), so "0.004L"
   * throughout averages to "0.004L".
   */
  values: ReadingValues;
  /** How many readings measured each item. */
  counts: Partial<Record<ReadingItem, number>>;
  /** How many readings were averaged. */
  readings: number;
}

/** Hydrogen-ion concentration (mol/L) of a pH. */
function hydrogenIon(ph: number): number {
  return 10 ** -ph;
}

/**
 * Mean per item over any set of readings (a month, a year): arithmetic, with
 * `L` values at half their detection limit; pH as the pH of the mean of
 * 10^−pH (mean of pH 6 and 8 = 6.30).
 */
export function meanValues(readings: readonly ReadingValues[]): MeanValues {
  const values: ReadingValues = {};
  const counts: Partial<Record<ReadingItem, number>> = {};
  for (const item of READING_ITEM_KEYS) {
    const ms = readings.map((r) => r[item]).filter((m): m is Measurement => m !== undefined);
    if (ms.length === 0) continue;
    counts[item] = ms.length;
    if (item === 'ph') {
      const h = ms.reduce((s, m) => s + hydrogenIon(valueUsed(m)), 0) / ms.length;
      values[item] = { value: -Math.log10(h), belowLimit: false };
    } else if (ms.every((m) => m.belowLimit)) {
      values[item] = { value: ms.reduce((s, m) => s + m.value, 0) / ms.length, belowLimit: true };
    } else {
      values[item] = { value: ms.reduce((s, m) => s + valueUsed(m), 0) / ms.length, belowLimit: false };
    }
  }
  return { values, counts, readings: readings.length };
}

/** A reading with its sampling date (`YYYY-MM-DD`) or month (`YYYY-MM`). */
export interface DatedReading {
  date: string;
  values: ReadingValues;
}

/** The mean of one group of readings (a year or a month). */
export interface PeriodMean extends MeanValues {
  /** The period: `YYYY` for a year, `YYYY-MM` for a month. */
  period: string;
}

/** Means of readings grouped by a key of their date, in ascending order of the key. */
export function meansBy(readings: readonly DatedReading[], keyOf: (date: string) => string): PeriodMean[] {
  const groups = new Map<string, ReadingValues[]>();
  for (const r of readings) push(groups, keyOf(r.date), r.values);
  return [...groups.keys()].sort().map((period) => ({ period, ...meanValues(groups.get(period)!) }));
}

/**
 * Annual means: all readings of each calendar year averaged together (not
 * a mean of monthly means), in ascending order of year.
 */
export function annualMeans(readings: readonly DatedReading[]): PeriodMean[] {
  return meansBy(readings, yearOf);
}

// ---------------------------------------------------------------------------
// Black-odorous water (城市黑臭水体整治工作指南, 2015)
// ---------------------------------------------------------------------------

/** Grade of black-odorous water, as the open data writes it: none, light (轻度黑臭) or heavy (重度黑臭). */
export type BlackOdorousGrade = 'none' | 'light' | 'heavy';

/** The grades in order of severity. */
export const BLACK_ODOROUS_GRADES: readonly BlackOdorousGrade[] = Object.freeze(['none', 'light', 'heavy']);

/** The words of each grade (the grade is never shown by colour alone). */
export const BLACK_ODOROUS_LABEL: Readonly<Record<BlackOdorousGrade, string>> = Object.freeze({
  none: '无黑臭',
  light: '轻度黑臭',
  heavy: '重度黑臭',
});

/** The items the black-odorous grading reads, in the guide's order. */
export const BLACK_ODOROUS_ITEMS = ['transparency_cm', 'do', 'orp_mv', 'nh3n'] as const;
/** One of the items of the black-odorous grading. */
export type BlackOdorousItem = (typeof BLACK_ODOROUS_ITEMS)[number];

/** The grade one indicator gives. */
export interface BlackOdorousIndicator {
  item: BlackOdorousItem;
  value: number;
  grade: BlackOdorousGrade;
}

/**
 * The guide's ranges of one item: light (轻度黑臭) from `min` to `max`, both
 * included; heavy (重度黑臭) strictly beyond the range on the side the water
 * worsens (`worse`: below `min` for transparency, DO and ORP, above `max`
 * for NH3-N); none on the other side.
 */
export interface BlackOdorousRange {
  item: BlackOdorousItem;
  min: number;
  max: number;
  worse: 'below' | 'above';
}

/** The 2015 guide's table (城市黑臭水体污染程度分级), in its order. */
export const BLACK_ODOROUS_RANGES: readonly BlackOdorousRange[] = Object.freeze([
  Object.freeze({ item: 'transparency_cm', min: 10, max: 25, worse: 'below' } as const),
  Object.freeze({ item: 'do', min: 0.2, max: 2.0, worse: 'below' } as const),
  Object.freeze({ item: 'orp_mv', min: -200, max: 50, worse: 'below' } as const),
  Object.freeze({ item: 'nh3n', min: 8.0, max: 15, worse: 'above' } as const),
]);

/** Depth below which the transparency limits become a share of the depth (cm). */
export const SHALLOW_DEPTH_CM = 25;

/**
 * The grade of one indicator. Boundaries: the guide writes the light range
 * as closed on both ends ("25–10", "0.2–2.0", "−200–50", "8.0–15") and the
 * heavy range as strict ("< 10", "< 0.2", "< −200", "> 15"), so a value at
 * either end of a light range is light: transparency 25 and 10 cm are 轻度,
 * 9.99 is 重度, 25.01 is none; DO 2.0 and 0.2 are 轻度; ORP 50 and −200 mV
 * are 轻度; NH3-N 8.0 and 15 are 轻度, 15.01 is 重度, 7.99 none.
 *
 * Shallow water: the guide marks both transparency limits with "水深不足
 * 25 cm 时，该指标按水深的 40% 取值". We read it literally: for a depth under
 * 25 cm both limits (25 and 10) become 40 % of the depth, so transparency
 * below that is 重度, exactly at it 轻度, above it none. At 25 cm or deeper
 * (or without a depth) the normal limits apply. The data contract has no
 * depth, so the site grades without one.
 */
export function blackOdorousIndicatorGrade(item: BlackOdorousItem, value: number, depthCm?: number | null): BlackOdorousGrade {
  const range = BLACK_ODOROUS_RANGES.find((r) => r.item === item)!;
  let { min, max } = range;
  if (item === 'transparency_cm' && depthCm !== undefined && depthCm !== null && depthCm < SHALLOW_DEPTH_CM) {
    min = max = 0.4 * depthCm;
  }
  if (range.worse === 'below') return !atLeast(value, min) ? 'heavy' : atMost(value, max) ? 'light' : 'none';
  return !atMost(value, max) ? 'heavy' : atLeast(value, min) ? 'light' : 'none';
}

/**
 * Black-odorous grading of a reading, indicator by indicator; grade null
 * when none of transparency, DO, ORP and NH3-N was measured. Any one
 * indicator in the heavy range makes it 重度黑臭, else any one in the light
 * range 轻度黑臭. `L` values count as half their limit.
 */
export function blackOdorousAssessment(
  values: ReadingValues,
  depthCm?: number | null,
): { grade: BlackOdorousGrade | null; indicators: BlackOdorousIndicator[] } {
  const indicators: BlackOdorousIndicator[] = [];
  for (const item of BLACK_ODOROUS_ITEMS) {
    const m = values[item];
    if (m === undefined) continue;
    const value = valueUsed(m);
    indicators.push({ item, value, grade: blackOdorousIndicatorGrade(item, value, depthCm) });
  }
  if (indicators.length === 0) return { grade: null, indicators };
  const grade = indicators.reduce<BlackOdorousGrade>(
    (worst, i) => (BLACK_ODOROUS_GRADES.indexOf(i.grade) > BLACK_ODOROUS_GRADES.indexOf(worst) ? i.grade : worst),
    'none',
  );
  return { grade, indicators };
}

/** The black-odorous grade of a reading; null when none of its four indicators was measured. See {@link blackOdorousAssessment}. */
export function blackOdorous(values: ReadingValues, depthCm?: number | null): BlackOdorousGrade | null {
  return blackOdorousAssessment(values, depthCm).grade;
}
