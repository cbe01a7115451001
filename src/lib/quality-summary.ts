/**
 * The latest month's water quality over many stations: how many reported in
 * the latest month any of them reported, how many of those met their target,
 * and the counts by class. The home and quality pages show it (through
 * src/data/summaries.ts), and a portal computes each member's figure with it
 * from the member's open data (src/lib/portal.ts), so the two cannot differ.
 *
 * Plain TypeScript, no Astro imports.
 */
import type { WaterClass } from './enums.ts';
import { WATER_CLASSES } from './enums.ts';

export interface QualitySummary {
  /** The latest month any station reported. */
  month: string | null;
  stations: number;
  /** Stations with a result in that month. */
  reported: number;
  meeting: number;
  byClass: Record<WaterClass, number>;
}

/** What the summary reads of a station: its monthly results (src/lib/compliance.ts monthlyResults). */
export interface MonthlyOfStation {
  monthly: readonly { month: string; class: WaterClass | null; meets: boolean | null }[];
}

/** Latest-month summary over a set of stations: share meeting target and counts by class. */
export function qualitySummary(stations: Iterable<MonthlyOfStation>): QualitySummary {
  const list = [...stations];
  let month: string | null = null;
  for (const s of list) {
    const m = s.monthly.at(-1)?.month;
    if (m && (!month || m > month)) month = m;
  }
  const byClass = Object.fromEntries(WATER_CLASSES.map((c) => [c, 0])) as Record<WaterClass, number>;
  let reported = 0;
  let meeting = 0;
  for (const s of list) {
    const r = s.monthly.at(-1);
    if (!r || r.month !== month || !r.class) continue;
    reported++;
    byClass[r.class]++;
    if (r.meets) meeting++;
  }
  return { month, stations: list.length, reported, meeting, byClass };
}
