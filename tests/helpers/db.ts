/**
 * Pieces of small hand-built Dbs for the unit tests of src/data, a
 * fictional county of two townships: the roster indexes are the real
 * buildIndexes over a few rows, a case carries the real caseState, and a
 * station is classed with the same domain functions src/data/query.ts
 * uses. A test adds only the fields the module under test reads and casts
 * the result `as unknown as Db` (query.ts itself needs astro:content).
 */
import type { CaseView, Db, StationView } from '../../src/data/query.ts';
import { buildIndexes, type RosterInput } from '../../src/data/indexes.ts';
import { caseState, orderEvents } from '../../src/lib/cases.ts';
import type { CaseStatus, TargetClass, Waterbody } from '../../src/lib/enums.ts';
import { parseMeasurement } from '../../src/lib/measurement.ts';
import { classifyReading, type DatedReading } from '../../src/lib/gb3838.ts';
import { consecutiveMisses, consecutiveYearMisses, monthlyResults, yearlyResults } from '../../src/lib/compliance.ts';
import { countedYears } from '../../src/lib/accountability.ts';
import type { Case, Region, Water } from '../../src/schemas/tables.ts';

export const AS_OF = '2026-10-31';
export const COUNTY = '990100000000';
export const CHENGGUAN = '990101000000';
export const BAISHA = '990102000000';
/** A village of 城关镇. */
export const DONGGANG = '990101001000';
/** A village of 白沙镇. */
export const BAISHA_CUN = '990102001000';

export const REGIONS: Region[] = [
  { code: COUNTY, name: '示例县', level: 'county' },
  { code: CHENGGUAN, name: '城关镇', level: 'township', parent: COUNTY },
  { code: BAISHA, name: '白沙镇', level: 'township', parent: COUNTY },
  { code: DONGGANG, name: '东岗村', level: 'village', parent: CHENGGUAN },
  { code: BAISHA_CUN, name: '白沙村', level: 'village', parent: BAISHA },
] as Region[];

export const WATERS: Water[] = [
  {
    id: 'qingxi-he',
    name: '清溪河',
    kind: 'river',
    level: 'county',
    regions: [CHENGGUAN, DONGGANG, BAISHA, BAISHA_CUN],
    target_class: 'III',
  },
  {
    id: 'dongmen-gou',
    name: '东门沟',
    kind: 'river',
    parent: 'qingxi-he',
    level: 'township',
    regions: [DONGGANG],
    target_class: 'IV',
  },
] as Water[];

/** The roster indexes (regions, waters, chiefs, assignments …) as query.ts builds them. */
export function roster(over: Partial<RosterInput> = {}) {
  return buildIndexes({
    regions: REGIONS,
    waters: WATERS,
    segments: [],
    chiefs: [],
    assignments: [],
    asOf: AS_OF,
    ...over,
  });
}

/** site.yaml as the modules read it. */
export function site(over: Record<string, unknown> = {}) {
  return {
    name: '示例县河长制信息公开',
    url: 'https://hzz.example.org/',
    as_of: AS_OF,
    office: { name: '示例县河长制办公室' },
    license: { name: '政府信息公开' },
    rules: {
      escalation: { monthly: { 2: '约谈', 3: '通报批评' }, yearly: { 2: '警告', 3: '免职' } },
      accountable_roles: ['chief', 'segment_chief'],
      min_months_per_year: 4,
      action_window_days: 180,
      patrol_per_month: { county: 1, township: 1, village: 4 },
    },
    ...over,
  };
}

/**
 * A case of cases.csv with its events and its state as of `asOf`. An event
 * is [date, status, note?]; an event with a note is by 城关镇人民政府.
 */
export function caseView(
  row: Partial<Case> & Pick<Case, 'id' | 'found' | 'deadline'>,
  events: [date: string, status: CaseStatus, note?: string][] = [],
  asOf = AS_OF,
): CaseView {
  const c = {
    title: `清溪河问题 ${row.id}`,
    water: 'qingxi-he',
    region: DONGGANG,
    source: 'patrol',
    category: 'dumping',
    responsible: '城关镇人民政府',
    ...row,
  } as Case;
  const ev = orderEvents(
    events.map(([date, status, note]) => ({ case: c.id, date, status, note, by: note ? '城关镇人民政府' : undefined })),
  );
  return { ...c, events: ev, state: caseState(c, ev, asOf) } as CaseView;
}

/** The case maps of a Db. */
export function caseMaps(list: CaseView[]): Pick<Db, 'cases' | 'casesByRef'> {
  return {
    cases: new Map(list.map((c) => [c.id, c])),
    casesByRef: new Map(list.filter((c) => c.report_ref).map((c) => [c.report_ref!, c])),
  };
}

/**
 * A monitoring station and its readings, given as [date, ammonia nitrogen]:
 * NH3-N alone decides the class here (≤ 1.0 mg/L is class III or better for a river).
 */
export function stationView(
  s: { id: string; name: string; water?: string; region?: string; target_class?: TargetClass },
  readings: [date: string, nh3n: string][],
  asOf = AS_OF,
  minMonthsPerYear = 4,
): StationView {
  const dated = readings.map(([date, v]) => ({ date, values: { nh3n: parseMeasurement(v)! } }));
  return classedStation(
    { water: 'qingxi-he', region: DONGGANG, kind: 'county', ...s, target_class: s.target_class ?? 'III' },
    'river',
    dated,
    asOf,
    minMonthsPerYear,
  );
}

/** A station of stations.csv with its readings (oldest first) classed, its results and its runs of misses, as query.ts files them. */
export function classedStation(
  s: { id: string; target_class: TargetClass } & Record<string, unknown>,
  waterbody: Waterbody,
  dated: DatedReading[],
  asOf: string,
  minMonthsPerYear: number,
): StationView {
  const target = s.target_class;
  const classed = dated.map((r) => ({
    station: s.id,
    date: r.date,
    values: r.values,
    result: classifyReading(r.values, waterbody, target),
  }));
  const monthly = monthlyResults(dated, waterbody, target);
  const yearly = yearlyResults(dated, waterbody, target);
  const counted = countedYears(
    monthly.map((m) => m.month),
    asOf,
    minMonthsPerYear,
  );
  return {
    ...s,
    waterbody,
    readings: classed,
    latest: classed.at(-1) ?? null,
    monthly,
    yearly,
    runs: {
      monthly: consecutiveMisses(monthly.map((m) => ({ month: m.month, meets: m.meets }))),
      yearly: consecutiveYearMisses(
        yearly.filter((y) => counted.has(y.year)).map((y) => ({ year: y.year, meets: y.meets })),
      ),
    },
  } as unknown as StationView;
}

/** Stations by id, by water and by township, as query.ts files them. */
export function stationMaps(
  db: { townshipOf: (code: string) => string | null },
  list: StationView[],
): Pick<Db, 'stations' | 'stationsByWater' | 'stationsByTownship'> {
  const stationsByWater = new Map<string, StationView[]>();
  const stationsByTownship = new Map<string, StationView[]>();
  for (const s of list) {
    stationsByWater.set(s.water, [...(stationsByWater.get(s.water) ?? []), s]);
    const t = db.townshipOf(s.region);
    if (t) stationsByTownship.set(t, [...(stationsByTownship.get(t) ?? []), s]);
  }
  return { stations: new Map(list.map((s) => [s.id, s])), stationsByWater, stationsByTownship };
}
