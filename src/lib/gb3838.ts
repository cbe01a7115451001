/**
 * GB 3838-2002 (地表水环境质量标准) Table 1, the single-factor method that
 * classes a monitoring result, exceedance multiples (超标倍数) and main
 * pollutants (主要污染指标). Means over a period are means.ts, the
 * black-odorous grading black-odorous.ts.
 *
 * The rules are those of data-contract.md, "Water quality: how a result is
 * classed". Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import { READING_ITEM_KEYS, WATER_CLASSES } from './enums.ts';
import type { ReadingItem, TargetClass, WaterClass, Waterbody } from './enums.ts';
import type { Measurement } from './measurement.ts';

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

function upper(
  item: ReadingItem,
  limits: ClassLimits,
  waterbody: Waterbody | null = null,
  decides = true,
): ItemStandard {
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
  Object.freeze({
    item: 'do',
    waterbody: null,
    decides: true,
    bound: 'lower',
    limits: Object.freeze([7.5, 6, 5, 3, 2] as const),
  } as const),
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
    found =
      GB3838_TABLE1.find((row) => row.item === item && (row.waterbody === null || row.waterbody === waterbody)) ?? null;
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

/** `value` ≤ `limit`, within the tolerance. */
export function atMost(value: number, limit: number): boolean {
  return value <= limit + Math.abs(limit) * RELATIVE_TOLERANCE;
}

/** `value` ≥ `limit`, within the tolerance. */
export function atLeast(value: number, limit: number): boolean {
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

/** A reading with its sampling date (`YYYY-MM-DD`) or month (`YYYY-MM`). */
export interface DatedReading {
  date: string;
  values: ReadingValues;
}

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
