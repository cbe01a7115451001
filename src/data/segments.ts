/**
 * A water's segments (河段) as their signs and the landing of the water's
 * page show them: who answers for each, their public phone, the latest
 * water quality that applies to it and its open cases. Built once per build
 * from the query module.
 */
import type { WaterClass } from '../lib/enums.ts';
import { segmentContact, type SegmentContact } from '../lib/roster.ts';
import type { Assignment, Segment } from '../schemas/tables.ts';
import { memo } from './memo.ts';
import type { Db, StationView } from './query.ts';
import { withinRegion } from './regions.ts';
import { latestClassOf } from './summaries.ts';

export interface SegmentView {
  segment: Segment;
  /** Current posts on the segment (河段长, keepers, patrollers …), sign order. */
  posts: Assignment[];
  /** Who the sign and the landing name first (src/lib/roster.ts segmentContact). */
  contact: SegmentContact;
  /** That person's public phone, or null when none is published. */
  phone: string | null;
  /**
   * The latest monthly class that applies to the segment: of its own
   * stations (a station of the water in the segment's region or inside
   * it), or, when it has none, of the whole water (`scope: 'water'`).
   */
  quality: { cls: WaterClass | null; month: string | null; scope: 'segment' | 'water' };
  /** Cases recorded on this segment that are not closed. */
  openCases: number;
}

/** Every water's segments, in the order of the roster index (db.segmentsByWater). */
const segmentIndex = memo((db: Db): Map<string, SegmentView[]> => {
  const index = new Map<string, SegmentView[]>();
  for (const [water, segments] of db.segmentsByWater) {
    const current = db.currentByWater.get(water) ?? [];
    const stations = db.stationsByWater.get(water) ?? [];
    const cases = db.casesByWater.get(water) ?? [];
    const whole = latestClassOf(stations);
    index.set(
      water,
      segments.map((segment) => {
        const contact = segmentContact(current, segment.id, db.asOf);
        const own: StationView[] = stations.filter((s) => withinRegion(db, s.region, segment.region));
        const quality =
          own.length > 0 ? { ...latestClassOf(own), scope: 'segment' as const } : { ...whole, scope: 'water' as const };
        return {
          segment,
          posts: current.filter((a) => a.segment === segment.id),
          contact,
          phone: contact.kind === 'vacant' ? null : db.publicPhoneOf(contact.assignment.chief),
          quality,
          openCases: cases.filter((c) => c.segment === segment.id && !c.state.closed).length,
        };
      }),
    );
  }
  return index;
});

/** The segments of a water as signs and landings show them (none for a water without segments). */
export function segmentViews(db: Db, water: string): SegmentView[] {
  return segmentIndex(db).get(water) ?? [];
}
