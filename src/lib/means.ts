/**
 * Means of readings over a period (a month, a year), as the yearly rule of
 * the escalation reads them: arithmetic per item with `L` values at half
 * their detection limit, pH through its hydrogen-ion concentration. The
 * rules are those of data-contract.md, "Water quality: how a result is
 * classed". Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import { READING_ITEM_KEYS } from './enums.ts';
import type { ReadingItem } from './enums.ts';
import type { Measurement } from './measurement.ts';
import { valueUsed, type DatedReading, type ReadingValues } from './gb3838.ts';
import { push } from './collections.ts';
import { yearOf } from './dates.ts';

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
