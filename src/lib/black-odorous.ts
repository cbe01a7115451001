/**
 * The black-odorous water grading (黑臭水体污染程度分级) of the 城市黑臭水体整治
 * 工作指南 (2015): each of transparency, DO, ORP and NH3-N graded none,
 * light (轻度黑臭) or heavy (重度黑臭), the reading graded by its worst
 * indicator. Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import { atLeast, atMost, valueUsed, type ReadingValues } from './gb3838.ts';

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
export function blackOdorousIndicatorGrade(
  item: BlackOdorousItem,
  value: number,
  depthCm?: number | null,
): BlackOdorousGrade {
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
