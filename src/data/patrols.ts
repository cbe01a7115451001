/**
 * Patrol compliance (巡河履职) by township and month over the 12 months to
 * as_of, from the query module's one patrol implementation. Built once per Db.
 */
import { compare } from '../lib/dates.ts';
import { push } from '../lib/collections.ts';
import type { PatrolCell } from '../lib/patrols.ts';
import type { Db } from './query.ts';
import { memo } from './memo.ts';

export interface PatrolGroup {
  /** Township code, or the county code for county-level chiefs. */
  code: string;
  name: string;
  chiefs: number;
  chiefsShort: number;
  required: number;
  done: number;
  credited: number;
  shortMonths: number;
  rate: number | null;
  /** Per month: chiefs who owed patrols, those who fell short, patrols missing. */
  months: { month: string; owing: number; short: PatrolCell[]; missing: number }[];
  /** Chiefs with at least one short month, most short months first. */
  shortChiefs: {
    chief: string;
    name: string;
    position: string;
    level: string;
    months: number;
    shortMonths: number;
    required: number;
    done: number;
    cells: PatrolCell[];
  }[];
}

export interface PatrolIndex {
  months: string[];
  groups: PatrolGroup[];
  byCode: Map<string, PatrolGroup>;
  /** Per month over the whole area. */
  totals: { month: string; owing: number; short: number; missing: number }[];
}

export const patrolIndex = memo((db: Db): PatrolIndex => {
  const pc = db.patrolCompliance;
  const groups: PatrolGroup[] = [];
  const order = [db.county?.code, ...db.townships.map((t) => t.code)].filter((c): c is string => !!c);
  const regionRows = [...pc.byRegion].sort((a, b) => {
    const ia = order.indexOf(a.region);
    const ib = order.indexOf(b.region);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || compare(a.region, b.region);
  });
  const chiefsByRegion = new Map<string, typeof pc.byChief>();
  for (const c of pc.byChief) push(chiefsByRegion, c.region, c);
  for (const r of regionRows) {
    if (r.months === 0) continue;
    const chiefs = chiefsByRegion.get(r.region) ?? [];
    const monthMap = new Map(pc.months.map((m) => [m, { month: m, owing: 0, short: [] as PatrolCell[], missing: 0 }]));
    const shortChiefs: PatrolGroup['shortChiefs'] = [];
    for (const ch of chiefs) {
      const cells = db.patrolCellsByChief.get(ch.chief) ?? [];
      for (const cell of cells) {
        const m = monthMap.get(cell.month);
        if (!m || cell.required === 0) continue;
        m.owing++;
        if (cell.short) {
          m.short.push(cell);
          m.missing += cell.missing;
        }
      }
      if (ch.shortMonths > 0) {
        const chief = db.chiefs.get(ch.chief);
        shortChiefs.push({
          chief: ch.chief,
          name: chief?.name ?? ch.chief,
          position: chief?.position ?? '',
          level: ch.level,
          months: ch.months,
          shortMonths: ch.shortMonths,
          required: ch.required,
          done: ch.done,
          cells: cells.filter((c) => c.short),
        });
      }
    }
    shortChiefs.sort((a, b) => b.shortMonths - a.shortMonths || a.done - b.done || compare(a.chief, b.chief));
    const code = r.region;
    groups.push({
      code,
      name:
        code === db.county?.code
          ? `${db.regions.get(code)?.name ?? code}（县级河长）`
          : (db.regions.get(code)?.name ?? code),
      chiefs: r.chiefs,
      chiefsShort: r.chiefsShort,
      required: r.required,
      done: r.done,
      credited: r.credited,
      shortMonths: r.shortMonths,
      rate: r.rate,
      months: [...monthMap.values()],
      shortChiefs,
    });
  }
  const totals = pc.months.map((month) => {
    let owing = 0;
    let short = 0;
    let missing = 0;
    for (const g of groups) {
      const m = g.months.find((x) => x.month === month)!;
      owing += m.owing;
      short += m.short.length;
      missing += m.missing;
    }
    return { month, owing, short, missing };
  });
  return { months: pc.months, groups, byCode: new Map(groups.map((g) => [g.code, g])), totals };
});
