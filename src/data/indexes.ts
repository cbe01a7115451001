/**
 * Lookup indexes over the roster tables, built once per build. Pure
 * TypeScript (no Astro imports) so it is unit-tested on fixtures.
 */
import type { Assignment, Chief, Region, Segment, Water } from '../schemas/tables.ts';
import type { RegionLevel, Role } from '../lib/enums.ts';
import { ROLE } from '../lib/enums.ts';
import { isCurrent, publicPhone } from '../lib/roster.ts';
import { push } from '../lib/collections.ts';
import { compare } from '../lib/dates.ts';

export interface RosterInput {
  regions: Region[];
  waters: Water[];
  segments: Segment[];
  chiefs: Chief[];
  assignments: Assignment[];
  asOf: string;
}

const ROLE_ORDER = ROLE.values;
const LEVEL_ORDER: RegionLevel[] = ['county', 'township', 'village'];

/** Order of a sign: higher level first, then role as the contract lists them, then start date. */
export function compareAssignments(regionLevel: (chief: string) => RegionLevel | undefined) {
  return (a: Assignment, b: Assignment): number =>
    LEVEL_ORDER.indexOf(regionLevel(a.chief) ?? 'village') - LEVEL_ORDER.indexOf(regionLevel(b.chief) ?? 'village') ||
    ROLE_ORDER.indexOf(a.role as Role) - ROLE_ORDER.indexOf(b.role as Role) ||
    compare(a.start, b.start) ||
    a.chief.localeCompare(b.chief);
}

export function buildIndexes(input: RosterInput) {
  const { asOf } = input;
  const regions = new Map(input.regions.map((r) => [r.code, r]));
  const regionChildren = new Map<string, Region[]>();
  for (const r of input.regions) if (r.parent) push(regionChildren, r.parent, r);

  const townshipCache = new Map<string, string | null>();
  /** The township a region belongs to (itself when it is one); null for the county. */
  const townshipOf = (code: string): string | null => {
    const hit = townshipCache.get(code);
    if (hit !== undefined) return hit;
    let r = regions.get(code);
    const seen = new Set<string>();
    while (r && r.level !== 'township' && r.parent && !seen.has(r.code)) {
      seen.add(r.code);
      r = regions.get(r.parent);
    }
    const t = r && r.level === 'township' ? r.code : null;
    townshipCache.set(code, t);
    return t;
  };
  const townships = input.regions.filter((r) => r.level === 'township').sort((a, b) => a.code.localeCompare(b.code));
  const county = input.regions.find((r) => r.level === 'county' && !r.parent) ?? input.regions.find((r) => !r.parent);

  const waters = new Map(input.waters.map((w) => [w.id, w]));
  const tributaries = new Map<string, Water[]>();
  for (const w of input.waters) if (w.parent) push(tributaries, w.parent, w);
  const watersByTownship = new Map<string, Water[]>();
  for (const w of input.waters) {
    const ts = new Set(w.regions.map(townshipOf).filter((t): t is string => t !== null));
    for (const t of ts) push(watersByTownship, t, w);
  }

  const segments = new Map(input.segments.map((s) => [s.id, s]));
  const segmentsByWater = new Map<string, Segment[]>();
  for (const s of input.segments) push(segmentsByWater, s.water, s);

  const chiefs = new Map(input.chiefs.map((c) => [c.id, c]));
  const regionLevelOfChief = (id: string): RegionLevel | undefined => {
    const c = chiefs.get(id);
    return c ? (regions.get(c.region)?.level as RegionLevel | undefined) : undefined;
  };
  const order = compareAssignments(regionLevelOfChief);
  const currentByWater = new Map<string, Assignment[]>();
  const pastByWater = new Map<string, Assignment[]>();
  const byChief = new Map<string, Assignment[]>();
  for (const a of input.assignments) {
    push(isCurrent(a, asOf) ? currentByWater : pastByWater, a.water, a);
    push(byChief, a.chief, a);
  }
  for (const list of currentByWater.values()) list.sort(order);
  for (const list of pastByWater.values()) list.sort((a, b) => compare(b.end ?? '', a.end ?? '') || order(a, b));
  for (const list of byChief.values()) list.sort((a, b) => compare(b.start, a.start));
  /** The phone of a chief that may be published (src/lib/roster.ts publicPhone), or null: every page and dataset shows this one. */
  const publicPhoneOf = (id: string): string | null => {
    const c = chiefs.get(id);
    return c ? publicPhone(c, byChief.get(id), asOf) : null;
  };

  return {
    regions,
    regionChildren,
    townships,
    county,
    townshipOf,
    waters,
    tributaries,
    watersByTownship,
    segments,
    segmentsByWater,
    chiefs,
    regionLevelOfChief,
    /** Current assignments of a water (whole water and its segments), sign order. */
    currentByWater,
    /** Ended assignments of a water, latest first. */
    pastByWater,
    /** Every assignment of a chief, latest first. */
    assignmentsByChief: byChief,
    publicPhoneOf,
  };
}

export type Indexed = ReturnType<typeof buildIndexes>;
