/**
 * Per-region views (township and county pages): chiefs of a township and
 * inspection results by subject. Built once per build from the query module.
 */
import type { Chief, Inspection } from '../schemas/tables.ts';
import { holdsCurrentPost } from '../lib/roster.ts';
import { push } from '../lib/collections.ts';
import type { Db } from './query.ts';
import { compare } from '../lib/dates.ts';

export interface RegionIndex {
  /** Chiefs whose region is the township or one of its villages. */
  chiefsByTownship: Map<string, Chief[]>;
  /** County-level chiefs (region not inside any township). */
  countyChiefs: Chief[];
  /** Inspection results by `${subject_kind}:${subject}`, latest period first. */
  inspectionsBySubject: Map<string, Inspection[]>;
}

const cache = new WeakMap<Db, RegionIndex>();

export function regionIndex(db: Db): RegionIndex {
  const hit = cache.get(db);
  if (hit) return hit;
  const chiefsByTownship = new Map<string, Chief[]>();
  const countyChiefs: Chief[] = [];
  for (const c of db.chiefs.values()) {
    const t = db.townshipOf(c.region);
    if (t) push(chiefsByTownship, t, c);
    else countyChiefs.push(c);
  }
  const inspectionsBySubject = new Map<string, Inspection[]>();
  for (const i of [...db.inspections].sort((a, b) => compare(b.date, a.date)))
    push(inspectionsBySubject, `${i.subject_kind}:${i.subject}`, i);
  const index = { chiefsByTownship, countyChiefs, inspectionsBySubject };
  cache.set(db, index);
  return index;
}

/** Whether a chief holds any post on `asOf`. */
export function isServing(db: Db, chief: string): boolean {
  return holdsCurrentPost(db.assignmentsByChief.get(chief), db.asOf);
}

/** Whether region `inner` is `outer` or lies inside it (a village inside its township). */
export function withinRegion(db: Pick<Db, 'regions'>, inner: string, outer: string): boolean {
  const seen = new Set<string>();
  for (
    let code: string | undefined = inner;
    code && !seen.has(code);
    code = db.regions.get(code)?.parent ?? undefined
  ) {
    if (code === outer) return true;
    seen.add(code);
  }
  return false;
}
