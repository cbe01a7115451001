/**
 * A small, self-contained GB 3838-2002 single-factor classifier for the sample
 * data scripts (make-readings.ts, verify.ts). It follows the data contract:
 * worst item decides; pH outside 6–9 is 劣V; DO is a lower bound; TN, fecal
 * coliform and water temperature do not decide; TP uses the lake limits at a
 * lake station; a value below its detection limit ("0.004L") counts as half
 * that limit. Classes are numbered 1..6 (6 = 劣V).
 *
 * This is deliberately independent of the site's own classifier in src/lib, so
 * the sample data is checked by a second implementation.
 */

export const CLASS_NAMES = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;

/** Upper limits of classes I..V (DO: lower limits). */
export const LIMITS: Record<string, readonly number[]> = {
  do: [7.5, 6, 5, 3, 2],
  codmn: [2, 4, 6, 10, 15],
  cod: [15, 15, 20, 30, 40],
  bod5: [3, 3, 4, 6, 10],
  nh3n: [0.15, 0.5, 1.0, 1.5, 2.0],
  tp_river: [0.02, 0.1, 0.2, 0.3, 0.4],
  tp_lake: [0.01, 0.025, 0.05, 0.1, 0.2],
  cu: [0.01, 1.0, 1.0, 1.0, 1.0],
  zn: [0.05, 1.0, 1.0, 2.0, 2.0],
  f: [1.0, 1.0, 1.0, 1.5, 1.5],
  se: [0.01, 0.01, 0.01, 0.02, 0.02],
  as: [0.05, 0.05, 0.05, 0.1, 0.1],
  hg: [0.00005, 0.00005, 0.0001, 0.001, 0.001],
  cd: [0.001, 0.005, 0.005, 0.005, 0.01],
  cr6: [0.01, 0.05, 0.05, 0.05, 0.1],
  pb: [0.01, 0.01, 0.05, 0.05, 0.1],
  cn: [0.005, 0.05, 0.2, 0.2, 0.2],
  phenol: [0.002, 0.002, 0.005, 0.01, 0.1],
  oil: [0.05, 0.05, 0.05, 0.5, 1.0],
  las: [0.2, 0.2, 0.2, 0.3, 0.3],
  s2: [0.05, 0.1, 0.2, 0.5, 1.0],
};

/** Items that decide the class (TN, fecal coliform, temperature excluded). */
export const DECIDING = [
  'ph', 'do', 'codmn', 'cod', 'bod5', 'nh3n', 'tp', 'cu', 'zn', 'f', 'se', 'as', 'hg', 'cd',
  'cr6', 'pb', 'cn', 'phenol', 'oil', 'las', 's2',
] as const;

/** "0.004L" → 0.002 (half the limit); "1.23" → 1.23; "" → null. */
export function numeric(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (t === '') return null;
  const below = /[lL]$/.test(t);
  const n = Number(below ? t.slice(0, -1) : t);
  if (!Number.isFinite(n)) throw new Error(`not a measurement: "${text}"`);
  return below ? n / 2 : n;
}

/** Class 1..6 of one item value. */
export function itemClass(item: string, value: number, lake: boolean): number {
  if (item === 'ph') return value >= 6 && value <= 9 ? 1 : 6;
  const limits = item === 'tp' ? LIMITS[lake ? 'tp_lake' : 'tp_river'] : LIMITS[item];
  if (!limits) throw new Error(`no limits for ${item}`);
  for (let k = 0; k < 5; k++) {
    if (item === 'do' ? value >= limits[k] : value <= limits[k]) return k + 1;
  }
  return 6;
}

/** Class 1..6 of a row of numbers (null = not measured); null when nothing decides. */
export function classOfValues(values: Record<string, number | null>, lake: boolean): number | null {
  let worst = 0;
  for (const item of DECIDING) {
    const v = values[item];
    if (v === null || v === undefined) continue;
    worst = Math.max(worst, itemClass(item, v, lake));
  }
  return worst === 0 ? null : worst;
}

/** Class 1..6 of a CSV row as written (strings, "…L" allowed). */
export function classOfRow(row: Record<string, string>, lake: boolean): number | null {
  const values: Record<string, number | null> = {};
  for (const item of DECIDING) values[item] = numeric(row[item]);
  return classOfValues(values, lake);
}

/** Class 1..6 of the mean of each item over several rows (annual mean). */
export function classOfMean(rows: Record<string, string>[], lake: boolean): number | null {
  const values: Record<string, number | null> = {};
  for (const item of DECIDING) {
    const xs = rows.map((r) => numeric(r[item])).filter((x): x is number => x !== null);
    values[item] = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  }
  return classOfValues(values, lake);
}

/** "I".."V" → 1..5. */
export function targetNumber(target: string): number {
  const i = CLASS_NAMES.indexOf(target as (typeof CLASS_NAMES)[number]);
  if (i < 0 || i > 4) throw new Error(`bad target class ${target}`);
  return i + 1;
}
