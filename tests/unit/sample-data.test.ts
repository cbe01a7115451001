/**
 * What the bundled sample (src/content/) is there to show. The sample is the
 * site's demonstration and the fixture of the browser tests: every page and
 * every state a real office's data can reach should have an example in it.
 * Its format is the loader's business (the same check as `npm run
 * check:data`, asserted first); the rest reads the loaded rows with the
 * site's own rules (src/lib, src/data) and asserts that each case the site
 * must be able to show is there: every case status, an overdue case, a
 * class 劣V month, runs of misses that call for each action, a required
 * action left unrecorded, and so on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataDir, loadDataFolder, type RawFolder } from '../../src/loader/index.ts';
import { buildIndexes } from '../../src/data/indexes.ts';
import { accountabilityIndex } from '../../src/data/accountability.ts';
import type { CaseView, Db, StationView } from '../../src/data/query.ts';
import { caseState, eventsByCase, orderEvents } from '../../src/lib/cases.ts';
import {
  CASE_CATEGORY,
  CASE_SOURCE,
  CASE_STATUS,
  DOC_KIND,
  ROLE,
  WATER_CLASSES,
  isParticipantRole,
} from '../../src/lib/enums.ts';
import type { ReadingItem, TargetClass, Waterbody } from '../../src/lib/enums.ts';
import { blackOdorous } from '../../src/lib/black-odorous.ts';
import { addDays } from '../../src/lib/dates.ts';
import type { ReadingValues } from '../../src/lib/gb3838.ts';
import { patrolTerms, monthsServed, required } from '../../src/lib/patrols.ts';
import { targetState } from '../../src/lib/targets.ts';
import { classedStation } from '../helpers/db.ts';

let folder: RawFolder;
let problems: ReturnType<typeof loadDataFolder>['problems'];
let db: Db;
let asOf: string;

const rows = <K extends keyof RawFolder>(k: K) => (folder[k] as { data: unknown }[]).map((r) => r.data) as never;

beforeAll(() => {
  ({ folder, problems } = loadDataFolder(dataDir({})));
  const site = folder.site!;
  asOf = site.as_of;
  const idx = buildIndexes({
    regions: rows('regions'),
    waters: rows('waters'),
    segments: rows('segments'),
    chiefs: rows('chiefs'),
    assignments: rows('assignments'),
    asOf,
  });
  const byStation = new Map<string, { date: string; values: ReadingValues }[]>();
  for (const { data } of folder.readings) {
    const { station, date, ...values } = data;
    byStation.set(station, [...(byStation.get(station) ?? []), { date, values: values as ReadingValues }]);
  }
  const stations = new Map<string, StationView>();
  for (const { data: s } of folder.stations) {
    const kind = idx.waters.get(s.water)!.kind;
    const waterbody: Waterbody = s.waterbody ?? (kind === 'lake' || kind === 'reservoir' ? 'lake' : 'river');
    const dated = (byStation.get(s.id) ?? []).sort((a, b) => a.date.localeCompare(b.date));
    stations.set(
      s.id,
      classedStation(
        { ...s, target_class: s.target_class as TargetClass },
        waterbody,
        dated,
        asOf,
        site.rules.min_months_per_year,
      ),
    );
  }
  const events = eventsByCase(folder.caseEvents.map((e) => e.data));
  const cases = new Map<string, CaseView>();
  for (const { data: c } of folder.cases) {
    const ev = orderEvents(events.get(c.id) ?? []);
    cases.set(c.id, { ...c, events: ev, state: caseState(c, ev, asOf) } as CaseView);
  }
  const actions = folder.actions.map((a) => a.data);
  const actionsByChief = new Map<string, typeof actions>();
  for (const a of [...actions].sort((x, y) => y.date.localeCompare(x.date)))
    actionsByChief.set(a.chief, [...(actionsByChief.get(a.chief) ?? []), a]);
  db = { ...idx, site, asOf, stations, cases, actions, actionsByChief } as unknown as Db;
});

describe('the bundled sample', () => {
  it('passes the data check with no problem (the loader, as npm run check:data)', () => {
    expect(problems.map((p) => `${p.file}:${p.line ?? ''} ${p.en}`)).toEqual([]);
  });

  it('is a county of several townships and villages, with obviously fictional phone numbers', () => {
    const levels = folder.regions.map((r) => r.data.level);
    expect(levels.filter((l) => l === 'county')).toHaveLength(1);
    expect(levels.filter((l) => l === 'township').length).toBeGreaterThanOrEqual(3);
    expect(levels.filter((l) => l === 'village').length).toBeGreaterThanOrEqual(10);
    const phones = [
      folder.site!.office.phone,
      ...folder.site!.hotlines.map((h) => h.number),
      ...folder.chiefs.map((c) => c.data.phone),
    ];
    expect(phones.filter((p) => p && !/^0000-\d+$/.test(p) && !['12345', '12314', '12369'].includes(p))).toEqual([]);
  });

  it('has waters of every main kind, with plans, segments and a tributary of a tributary', () => {
    const waters = folder.waters.map((w) => w.data);
    expect(waters.length).toBeGreaterThanOrEqual(15);
    for (const k of ['river', 'lake', 'reservoir', 'canal', 'pond'])
      expect(
        waters.some((w) => w.kind === k),
        k,
      ).toBe(true);
    expect(waters.filter((w) => w.plan).length).toBeGreaterThanOrEqual(2);
    const byId = new Map(waters.map((w) => [w.id, w]));
    expect(waters.some((w) => w.parent && byId.get(w.parent)?.parent)).toBe(true);
    expect(folder.segments.length).toBeGreaterThanOrEqual(20);
  });

  it('has chiefs in every role, some who left with a successor within ten days', () => {
    const assignments = folder.assignments.map((a) => a.data);
    expect(folder.chiefs.length).toBeGreaterThanOrEqual(45);
    for (const role of ROLE.values)
      expect(
        assignments.some((a) => a.role === role),
        role,
      ).toBe(true);
    const ended = assignments.filter((a) => a.end);
    const left = new Set(
      ended.filter((a) => !assignments.some((b) => b.chief === a.chief && !b.end)).map((a) => a.chief),
    );
    expect(left.size).toBeGreaterThanOrEqual(4);
    // Officials are succeeded; a volunteer or supervisor who stops is not replaced.
    const notReplaced = ended
      .filter((a) => !isParticipantRole(a.role))
      .filter(
        (a) =>
          !assignments.some(
            (b) =>
              b !== a &&
              b.water === a.water &&
              b.segment === a.segment &&
              b.role === a.role &&
              b.start > a.end! &&
              b.start <= addDays(a.end!, 10),
          ),
      );
    expect(notReplaced).toEqual([]);
  });

  it('has stations of every kind on many waters, the drinking-water source at the reservoir', () => {
    const stations = folder.stations.map((s) => s.data);
    expect(stations.length).toBeGreaterThanOrEqual(8);
    expect(new Set(stations.map((s) => s.water)).size).toBeGreaterThanOrEqual(8);
    for (const k of ['national', 'provincial', 'county', 'boundary', 'drinking_source'])
      expect(
        stations.some((s) => s.kind === k),
        k,
      ).toBe(true);
    const source = stations.find((s) => s.kind === 'drinking_source')!;
    expect(db.waters.get(source.water)!.kind).toBe('reservoir');
  });

  it('has a result every month for three years at every station, of every class I … 劣V, with blanks, L values and black-odorous water', () => {
    const months = new Set(folder.readings.map((r) => r.data.date.slice(0, 7)));
    expect(months.size).toBe(36);
    for (const s of db.stations.values())
      expect(
        s.monthly.map((m) => m.month),
        s.id,
      ).toEqual([...months].sort());
    const classes = new Set([...db.stations.values()].flatMap((s) => s.readings.map((r) => r.result.class)));
    expect([...classes].sort()).toEqual([...WATER_CLASSES].sort());
    const items = Object.keys(folder.readings[0]!.columns).filter(
      (c) => c !== 'station' && c !== 'date',
    ) as ReadingItem[];
    expect(folder.readings.some((r) => items.some((i) => r.data[i] === undefined))).toBe(true);
    expect(folder.readings.some((r) => r.data.hg?.belowLimit)).toBe(true);
    expect(
      folder.readings.some(
        (r) => blackOdorous(r.data as ReadingValues) === 'heavy' || blackOdorous(r.data as ReadingValues) === 'light',
      ),
    ).toBe(true);
  });

  it('has runs of 2, 3 and 4 or more months off target, and a station off target two years running', () => {
    const runs = new Set<number>();
    for (const s of db.stations.values()) {
      let run = 0;
      for (const m of [...s.monthly, { meets: true }]) {
        if (m.meets === false) run++;
        else {
          if (run >= 2) runs.add(Math.min(run, 4));
          run = 0;
        }
      }
    }
    expect([...runs].sort()).toEqual([2, 3, 4]);
    expect([...db.stations.values()].some((s) => s.runs.yearly.length >= 2)).toBe(true);
  });

  it('records most of the actions the escalation rule requires, and leaves at least one unrecorded', () => {
    const { rows: required, counts } = accountabilityIndex(db);
    const kinds = new Set(required.map((r) => r.required));
    for (const k of ['约谈', '通报批评', '警告']) expect(kinds.has(k), k).toBe(true);
    expect(counts.recorded).toBeGreaterThan(counts.missing);
    expect(counts.missing + counts.pending).toBeGreaterThanOrEqual(1);
    const kindsRecorded = new Set<string>(folder.actions.map((a) => a.data.kind));
    for (const k of ['约谈', '通报批评', '警告']) expect(kindsRecorded.has(k), k).toBe(true);
  });

  it('has cases of every category and source, in every status, overdue, closed late and rejected before closing', () => {
    const cases = [...db.cases.values()];
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const k of CASE_CATEGORY.values)
      expect(
        cases.some((c) => c.category === k),
        k,
      ).toBe(true);
    for (const k of CASE_SOURCE.values)
      expect(
        cases.some((c) => c.source === k),
        k,
      ).toBe(true);
    for (const k of CASE_STATUS.values)
      expect(
        cases.some((c) => c.state.status === k),
        k,
      ).toBe(true);
    expect(cases.filter((c) => c.state.overdue).length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.state.closed && c.state.rejections > 0).length).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => c.state.closedLate)).toBe(true);
    expect(cases.filter((c) => c.report_ref).length).toBeGreaterThanOrEqual(3);
    // Markup in a description is text: the pages must show it escaped.
    expect(cases.some((c) => c.description?.includes('<b>注意</b>'))).toBe(true);
  });

  it('has inspection periods that rank every township, chiefs and waters too, with the notice that published them', () => {
    const rows = folder.inspections.map((i) => i.data);
    const periods = [...new Set(rows.map((r) => r.period))];
    expect(periods.length).toBeGreaterThanOrEqual(2);
    for (const p of periods) {
      const ranks = rows.filter((r) => r.period === p && r.subject_kind === 'region').map((r) => r.rank);
      expect(
        new Set(rows.filter((r) => r.period === p && r.subject_kind === 'region').map((r) => r.subject)),
        p,
      ).toEqual(new Set(db.townships.map((t) => t.code)));
      expect(
        [...ranks].sort((a, b) => a! - b!),
        p,
      ).toEqual(ranks.map((_, k) => k + 1));
    }
    expect(rows.some((r) => r.subject_kind === 'chief') && rows.some((r) => r.subject_kind === 'water')).toBe(true);
    expect(rows.some((r) => r.document)).toBe(true);
  });

  it('has chiefs who patrolled less than the rule asks in some month they owed patrols', () => {
    const rule = folder.site!.rules.patrol_per_month;
    const patrols = new Map(folder.patrols.map((p) => [`${p.data.chief} ${p.data.month}`, p.data.count]));
    const months = [...new Set(folder.patrols.map((p) => p.data.month))].sort();
    let owed = 0;
    let short = 0;
    for (const [chief, terms] of patrolTerms(folder.assignments.map((a) => a.data))) {
      const need = required(db.regionLevelOfChief(chief) ?? 'village', rule);
      for (const m of monthsServed(terms, months, 'any')) {
        owed++;
        if ((patrols.get(`${chief} ${m}`) ?? 0) < need) short++;
      }
    }
    expect(months).toHaveLength(12);
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(owed / 4);
  });

  it('has targets achieved, on track and missed', () => {
    const states = folder.targets
      .map((t) => t.data)
      .filter((t) => t.current !== undefined)
      .map((t) => targetState(t as Parameters<typeof targetState>[0], asOf));
    expect(folder.targets.length).toBeGreaterThanOrEqual(5);
    expect(states).toContain('achieved');
    expect(states.some((s) => s === 'on_track' || s === 'behind')).toBe(true);
    expect(states).toContain('missed');
  });

  it('has documents of every kind and status; the long kinds are real pages: headings, a numbered list and a table', () => {
    const docs = folder.documents;
    expect(docs.length).toBeGreaterThanOrEqual(6);
    const kinds = new Set(docs.map((d) => `${d.meta.kind}/${d.meta.status}`));
    for (const k of [
      'plan/in_force',
      'one_river_one_policy/in_force',
      'rules/in_force',
      'rules/repealed',
      'notice/in_force',
    ])
      expect(kinds.has(k), k).toBe(true);
    for (const kind of DOC_KIND.values.filter((k) => k !== 'report' && k !== 'other'))
      expect(
        docs.some((d) => d.meta.kind === kind),
        kind,
      ).toBe(true);
    expect(docs.some((d) => d.meta.status === 'draft')).toBe(true);
    const LONG = new Set(['plan', 'one_river_one_policy', 'rules']);
    for (const d of docs) {
      const body = readFileSync(join(folder.dir, d.file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const han = (body.match(/\p{Script=Han}/gu) ?? []).length;
      if (!LONG.has(d.meta.kind) && !(d.meta.kind === 'notice' && /通报/.test(d.meta.title))) {
        // Lists, notices of one matter, exposures and the like: short, but written out.
        expect(han, d.id).toBeGreaterThanOrEqual(100);
        continue;
      }
      expect(han, d.id).toBeGreaterThanOrEqual(400);
      expect(han, d.id).toBeLessThanOrEqual(1200);
      expect(/^## /m.test(body) && /^### /m.test(body), `${d.id}: ## and ###`).toBe(true);
      expect(/^\d+\. /m.test(body), `${d.id}: numbered list`).toBe(true);
      expect(/^\|.*\|\n\|( *:?-+:? *\|)+$/m.test(body), `${d.id}: table`).toBe(true);
    }
    const plan = docs.find((d) => d.meta.kind === 'plan' && d.meta.status === 'in_force')!;
    expect(plan.meta.phases?.map((p) => p.name)).toEqual(['动员部署', '全面推进', '检查落实', '验收总结']);
  });

  it('has a map feature for every water, each tributary touching the water it flows into', () => {
    const geo = new Map(folder.geo.map((g) => [g.id, g.geometry]));
    const points = (id: string): string[] => {
      const g = geo.get(id)!;
      const c = g.coordinates as number[][] | number[][][];
      return (g.type === 'Polygon' ? (c as number[][][])[0]! : (c as number[][])).map((p) => p.join(','));
    };
    for (const { data: w } of folder.waters) {
      expect(geo.has(w.id), w.id).toBe(true);
      if (w.parent)
        expect(
          points(w.id).some((p) => points(w.parent!).includes(p)),
          `${w.id} → ${w.parent}`,
        ).toBe(true);
    }
  });

  it('puts each station, located, on its water and each located case beside it', () => {
    const geo = new Map(folder.geo.map((g) => [g.id, g.geometry]));
    const far: string[] = [];
    for (const { data: s } of folder.stations)
      if (s.lat === undefined || s.lon === undefined || kmFrom(s.lat, s.lon, geo.get(s.water)!) > 0.5) far.push(s.id);
    for (const { data: c } of folder.cases)
      if (c.lat !== undefined && c.lon !== undefined && kmFrom(c.lat, c.lon, geo.get(c.water)!) > 1) far.push(c.id);
    expect(far).toEqual([]);
  });
});

/** Distance in km from a point to a LineString or Polygon (0 inside the polygon), on a local flat projection. */
function kmFrom(lat: number, lon: number, g: { type: string; coordinates: unknown }): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  const line = (g.type === 'Polygon' ? (g.coordinates as number[][][])[0]! : (g.coordinates as number[][])).map(
    ([x, y]) => [x! * kx, y! * ky] as const,
  );
  const [px, py] = [lon * kx, lat * ky];
  let inside = false;
  for (let i = 0, j = line.length - 1; g.type === 'Polygon' && i < line.length; j = i++) {
    const [xi, yi] = line[i]!;
    const [xj, yj] = line[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  if (inside) return 0;
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1]!;
    const [bx, by] = line[i]!;
    const t = Math.max(
      0,
      Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)),
    );
    best = Math.min(best, Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))));
  }
  return best;
}
