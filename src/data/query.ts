/**
 * The one query module. Each collection is read once per build and turned
 * into lookup maps (by water, chief, station, region, case) with the
 * computed fields of the domain modules; pages and components only look
 * things up here. Per-page work is then O(own data), which keeps a
 * city-scale build linear (see docs/architecture.md).
 */
import { dataMayChange } from '../loader/watching.ts';
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import type {
  Action,
  Assignment,
  BlackOdorousEntry,
  Case,
  CaseEvent,
  Chief,
  Inspection,
  Outlet,
  Patrol,
  Reading,
  Region,
  Segment,
  Station,
  Target,
  Water,
} from '../schemas/tables.ts';
import type { Site } from '../schemas/site.ts';
import type { DocumentMeta } from '../schemas/document.ts';
import type { ReadingItem, TargetClass, Waterbody } from '../lib/enums.ts';
import { classifyReading, type ReadingClassification, type ReadingValues } from '../lib/gb3838.ts';
import { caseState, eventsByCase, orderEvents, type CaseState } from '../lib/cases.ts';
import {
  consecutiveMisses,
  consecutiveYearMisses,
  monthlyResults,
  yearlyResults,
  type MissRun,
} from '../lib/compliance.ts';
import { countedYears } from '../lib/accountability.ts';
import { patrolCompliance, patrolTerms, monthsServed, type PatrolCell, type PatrolCompliance } from '../lib/patrols.ts';
import { compare, lastMonths } from '../lib/dates.ts';
import { decodeEvents, decodePatrols, decodeReadings } from '../loader/compact.ts';
import { push } from '../lib/collections.ts';
import { buildIndexes, type Indexed } from './indexes.ts';

export interface ClassedReading {
  station: string;
  date: string;
  values: ReadingValues;
  result: ReadingClassification;
}

export interface StationView extends Station {
  waterbody: Waterbody;
  readings: ClassedReading[];
  latest: ClassedReading | null;
  monthly: ReturnType<typeof monthlyResults>;
  yearly: ReturnType<typeof yearlyResults>;
  /**
   * The runs of misses that end at the latest month with a result, and at
   * the latest year that counts for the yearly rule (complete, with results
   * in rules.min_months_per_year months). Who answers for them, and what was
   * required and recorded, is src/data/accountability.ts.
   */
  runs: { monthly: MissRun; yearly: MissRun };
}

export interface CaseView extends Case {
  state: CaseState;
  events: CaseEvent[];
}

export interface DocumentView extends DocumentMeta {
  id: string;
  /** The collection entry, for render(). */
  entry: CollectionEntry<'documents'>;
  /** Documents that name this one in `supersedes`. */
  supersededBy: string[];
}

export interface Db extends Indexed {
  site: Site;
  asOf: string;
  stations: Map<string, StationView>;
  stationsByWater: Map<string, StationView[]>;
  stationsByTownship: Map<string, StationView[]>;
  cases: Map<string, CaseView>;
  casesByWater: Map<string, CaseView[]>;
  casesByTownship: Map<string, CaseView[]>;
  casesByRef: Map<string, CaseView>;
  /** Newest first. */
  documents: Map<string, DocumentView>;
  documentsByWater: Map<string, DocumentView[]>;
  inspections: Inspection[];
  patrols: Patrol[];
  /** Patrols against the monthly requirement over the 12 months up to as_of. */
  patrolCompliance: PatrolCompliance;
  /** Patrols against the monthly requirement over any months (memoised per list of months). */
  patrolsOver: (months: readonly string[]) => PatrolCompliance;
  patrolCellsByChief: Map<string, PatrolCell[]>;
  actions: Action[];
  actionsByChief: Map<string, Action[]>;
  targets: Target[];
  /** 入河排污口, by id. */
  outlets: Outlet[];
  outletsByWater: Map<string, Outlet[]>;
  /** The black-odorous list (黑臭水体清单) in file order. */
  blackOdorous: BlackOdorousEntry[];
  blackOdorousByWater: Map<string, BlackOdorousEntry[]>;
  geo: Map<string, { type: string; coordinates: unknown }>;
}

const data = async <T>(name: CollectionKey): Promise<T[]> => (await getCollection(name)).map((e) => e.data as T);
/** Rows of a table stored compactly, one entry per station, chief or case (see src/loader/compact.ts). */
const rows = async <T, C>(name: CollectionKey, decode: (key: string, rows: C[]) => T[]): Promise<T[]> =>
  (await getCollection(name)).flatMap((e) => {
    const d = e.data as unknown as { key: string; rows: C[] };
    return decode(d.key, d.rows);
  });

function readingValues(r: Reading): ReadingValues {
  const { station: _s, date: _d, ...items } = r;
  return items as ReadingValues;
}

async function build(): Promise<Db> {
  const [site] = await data<Site>('site');
  const asOf = site.as_of;
  const [
    regions,
    waters,
    segments,
    chiefs,
    assignments,
    stations,
    readings,
    cases,
    events,
    inspections,
    patrols,
    actions,
    targets,
    outlets,
    blackOdorous,
    docs,
    geo,
  ] = await Promise.all([
    data<Region>('regions'),
    data<Water>('waters'),
    data<Segment>('segments'),
    data<Chief>('chiefs'),
    data<Assignment>('assignments'),
    data<Station>('stations'),
    rows('readings', decodeReadings),
    data<Case>('cases'),
    rows('caseEvents', decodeEvents),
    data<Inspection>('inspections'),
    rows('patrols', decodePatrols),
    data<Action>('actions'),
    data<Target>('targets'),
    data<Outlet>('outlets'),
    data<BlackOdorousEntry>('blackOdorous'),
    getCollection('documents'),
    data<{ id: string; geometry: { type: string; coordinates: unknown } }>('geo'),
  ]);
  const idx = buildIndexes({ regions, waters, segments, chiefs, assignments, asOf });

  // Water quality: every reading classed once, against its station's target.
  const readingsByStation = new Map<string, Reading[]>();
  for (const r of readings) push(readingsByStation, r.station, r);
  const stationViews = new Map<string, StationView>();
  for (const s of [...stations].sort((a, b) => a.id.localeCompare(b.id))) {
    const water = idx.waters.get(s.water)!;
    const waterbody: Waterbody =
      s.waterbody ?? (water.kind === 'lake' || water.kind === 'reservoir' ? 'lake' : 'river');
    const rows = (readingsByStation.get(s.id) ?? []).sort((a, b) => compare(a.date, b.date));
    const classed = rows.map((r) => {
      const values = readingValues(r);
      return {
        station: s.id,
        date: r.date,
        values,
        result: classifyReading(values, waterbody, s.target_class as TargetClass),
      };
    });
    const dated = classed.map((r) => ({ date: r.date, values: r.values, class: r.result.class }));
    const monthly = monthlyResults(dated, waterbody, s.target_class);
    const yearly = yearlyResults(dated, waterbody, s.target_class);
    const counted = countedYears(
      monthly.map((m) => m.month),
      asOf,
      site.rules.min_months_per_year,
    );
    const monthRun = consecutiveMisses(monthly.map((m) => ({ month: m.month, meets: m.meets })));
    const yearRun = consecutiveYearMisses(
      yearly.filter((y) => counted.has(y.year)).map((y) => ({ year: y.year, meets: y.meets })),
    );
    stationViews.set(s.id, {
      ...s,
      waterbody,
      readings: classed,
      latest: classed.at(-1) ?? null,
      monthly,
      yearly,
      runs: { monthly: monthRun, yearly: yearRun },
    });
  }

  // Cases with their computed state.
  const evByCase = eventsByCase(events);
  const caseViews = new Map<string, CaseView>();
  const casesByRef = new Map<string, CaseView>();
  for (const c of cases) {
    const ev = orderEvents(evByCase.get(c.id) ?? []);
    const view: CaseView = { ...c, events: ev, state: caseState(c, ev, asOf) };
    caseViews.set(c.id, view);
    if (c.report_ref) casesByRef.set(c.report_ref, view);
  }

  const stationsByWater = new Map<string, StationView[]>();
  const stationsByTownship = new Map<string, StationView[]>();
  for (const s of stationViews.values()) {
    push(stationsByWater, s.water, s);
    const t = idx.townshipOf(s.region);
    if (t) push(stationsByTownship, t, s);
  }
  const casesByWater = new Map<string, CaseView[]>();
  const casesByTownship = new Map<string, CaseView[]>();
  for (const c of caseViews.values()) {
    push(casesByWater, c.water, c);
    const t = idx.townshipOf(c.region);
    if (t) push(casesByTownship, t, c);
  }

  // Patrols: the holders of PATROL_ROLES owe patrols by the level of their
  // region (rules.patrol_per_month). Every figure of patrol compliance, the
  // /patrols/ pages' 12 months and a target's patrol_rate:YYYY alike, comes
  // from patrolsOver, so they cannot disagree.
  const posts = patrolTerms(assignments);
  const patrolCache = new Map<string, PatrolCompliance>();
  const patrolsOver = (months: readonly string[]): PatrolCompliance => {
    const key = months.join(',');
    let hit = patrolCache.get(key);
    if (!hit) {
      const chiefsOwing = [...posts].map(([id, t]) => ({
        id,
        level: idx.regionLevelOfChief(id) ?? 'village',
        region: idx.townshipOf(idx.chiefs.get(id)!.region) ?? idx.chiefs.get(id)!.region,
        // Contract: a requirement for each month in which the chief held such a post, on any day of it.
        months: monthsServed(t, months, 'any'),
      }));
      hit = patrolCompliance(patrols, chiefsOwing, months, site.rules.patrol_per_month);
      patrolCache.set(key, hit);
    }
    return hit;
  };
  const compliance = patrolsOver(lastMonths(asOf, 12));
  const patrolCellsByChief = new Map<string, PatrolCell[]>();
  for (const c of compliance.cells) push(patrolCellsByChief, c.chief, c);
  const actionsByChief = new Map<string, Action[]>();
  for (const a of [...actions].sort((x, y) => compare(y.date, x.date))) push(actionsByChief, a.chief, a);

  outlets.sort((a, b) => a.id.localeCompare(b.id));
  const outletsByWater = new Map<string, Outlet[]>();
  for (const o of outlets) push(outletsByWater, o.water, o);
  const blackOdorousByWater = new Map<string, BlackOdorousEntry[]>();
  for (const e of blackOdorous) push(blackOdorousByWater, e.water, e);

  const documents = new Map<string, DocumentView>();
  for (const d of [...docs].sort(
    (a, b) => compare((b.data as DocumentMeta).date, (a.data as DocumentMeta).date) || a.id.localeCompare(b.id),
  )) {
    documents.set(d.id, { ...(d.data as DocumentMeta), id: d.id, entry: d, supersededBy: [] });
  }
  for (const d of documents.values()) if (d.supersedes) documents.get(d.supersedes)?.supersededBy.push(d.id);
  const documentsByWater = new Map<string, DocumentView[]>();
  for (const d of documents.values()) for (const w of d.waters) push(documentsByWater, w, d);

  return {
    ...idx,
    site,
    asOf,
    stations: stationViews,
    stationsByWater,
    stationsByTownship,
    cases: caseViews,
    casesByWater,
    casesByTownship,
    casesByRef,
    documents,
    documentsByWater,
    inspections,
    patrols,
    patrolCompliance: compliance,
    patrolsOver,
    patrolCellsByChief,
    actions,
    actionsByChief,
    targets,
    outlets,
    outletsByWater,
    blackOdorous,
    blackOdorousByWater,
    geo: new Map(geo.map((g) => [g.id, g.geometry])),
  };
}

let db: Promise<Db> | undefined;
let dev: { site: unknown; db: Promise<Db> } | undefined;

/** The indexed data of this build (built on first use, then shared). */
export function getDb(): Promise<Db> {
  if (dataMayChange()) return devDb();
  db ??= build();
  return db;
}

/**
 * Under `astro dev` the loaders refill the collections when a data file
 * changes; the site entry is then a new object, and the indexes are built
 * again.
 */
async function devDb(): Promise<Db> {
  const site = (await getCollection('site'))[0];
  if (!dev || dev.site !== site) dev = { site, db: build() };
  return dev.db;
}

export type { ReadingItem };
