/**
 * Figures over many records, computed once per build from the query module.
 */
import type { WaterClass } from '../lib/enums.ts';
import { WATER_CLASSES } from '../lib/enums.ts';
import type { Db, StationView } from './query.ts';

export { qualitySummary, type QualitySummary } from '../lib/quality-summary.ts';

/** Latest monthly class of a water: its worst station in the latest month of each. */
export function latestClassOfWater(db: Db, water: string): { cls: WaterClass | null; month: string | null } {
  return latestClassOf(db.stationsByWater.get(water) ?? []);
}

/** Latest monthly class over some stations (a water's, a segment's): the worst of them in the latest month any reported. */
export function latestClassOf(stations: Iterable<StationView>): { cls: WaterClass | null; month: string | null } {
  let cls: WaterClass | null = null;
  let month: string | null = null;
  for (const s of stations) {
    const r = s.monthly.at(-1);
    if (!r?.class) continue;
    if (!month || r.month > month) {
      month = r.month;
      cls = r.class;
    } else if (r.month === month && WATER_CLASSES.indexOf(r.class) > WATER_CLASSES.indexOf(cls!)) cls = r.class;
  }
  return { cls, month };
}
