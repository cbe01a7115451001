/**
 * Targets that check themselves, checked from outside: every computed figure
 * on /targets/ and in /data/targets.json, and the patrol rates on /patrols/,
 * recomputed from the data folder's CSV files (src/content, or
 * RIVER_DATA_DIR) by a second, deliberately plain implementation written
 * here from the data contract — its own water-quality classing, case status,
 * months in post and rounding — and compared with what the built site shows.
 * Only the CSV reader (src/lib/csv.ts) is shared with the site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeText, parseCsv } from '../../src/lib/csv.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const DATA = process.env.RIVER_DATA_DIR ?? join(import.meta.dirname, '..', '..', 'src', 'content');

type Row = Record<string, string>;
function table(file: string): Row[] {
  const { records } = parseCsv(decodeText(readFileSync(join(DATA, file))).text);
  const [head, ...rows] = records;
  return rows.map((r) => Object.fromEntries(head!.cells.map((h, i) => [h.trim(), (r.cells[i] ?? '').trim()])));
}

const site = parseYaml(readFileSync(join(DATA, 'site.yaml'), 'utf8')) as {
  as_of: string | Date;
  rules: { patrol_per_month: Record<string, number> };
};
const asOf = site.as_of instanceof Date ? site.as_of.toISOString().slice(0, 10) : String(site.as_of);
const rule = site.rules.patrol_per_month;

/** num ÷ den as a percentage rounded half up to one decimal, in integers. */
const pct = (num: number, den: number): number | null =>
  den > 0 ? Math.floor((num * 2000 + den) / (2 * den)) / 10 : null;

// --------------------------------------------------------------------------
// Water quality, from the contract's GB 3838-2002 table.

const LIMITS: Record<string, number[]> = {
  codmn: [2, 4, 6, 10, 15],
  cod: [15, 15, 20, 30, 40],
  bod5: [3, 3, 4, 6, 10],
  nh3n: [0.15, 0.5, 1.0, 1.5, 2.0],
  cu: [0.01, 1, 1, 1, 1],
  zn: [0.05, 1, 1, 2, 2],
  f: [1, 1, 1, 1.5, 1.5],
  se: [0.01, 0.01, 0.01, 0.02, 0.02],
  as: [0.05, 0.05, 0.05, 0.1, 0.1],
  hg: [0.00005, 0.00005, 0.0001, 0.001, 0.001],
  cd: [0.001, 0.005, 0.005, 0.005, 0.01],
  cr6: [0.01, 0.05, 0.05, 0.05, 0.1],
  pb: [0.01, 0.01, 0.05, 0.05, 0.1],
  cn: [0.005, 0.05, 0.2, 0.2, 0.2],
  phenol: [0.002, 0.002, 0.005, 0.01, 0.1],
  oil: [0.05, 0.05, 0.05, 0.5, 1.0],
  las: [0.2, 0.2, 0.2, 0.3, 0.3],
  s2: [0.05, 0.1, 0.2, 0.5, 1.0],
};
const DO = [7.5, 6, 5, 3, 2];
const TP = { river: [0.02, 0.1, 0.2, 0.3, 0.4], lake: [0.01, 0.025, 0.05, 0.1, 0.2] };
const CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'];

/** 0 = class I … 5 = 劣V; null when no item that decides the class was measured. */
function classOf(r: Row, waterbody: 'river' | 'lake'): number | null {
  const num = (v: string) => (v.endsWith('L') ? Number(v.slice(0, -1)) / 2 : Number(v));
  let worst: number | null = null;
  for (const [item, raw] of Object.entries(r)) {
    if (!raw || item === 'station' || item === 'date') continue;
    const v = num(raw);
    let c: number;
    if (item === 'ph') c = v >= 6 && v <= 9 ? 0 : 5;
    else if (item === 'do') c = DO.findIndex((l) => v >= l);
    else if (item === 'tp') c = TP[waterbody].findIndex((l) => v <= l);
    else if (LIMITS[item]) c = LIMITS[item]!.findIndex((l) => v <= l);
    else continue; // tn, fecal coliform, temperature … do not decide the class
    worst = Math.max(worst ?? 0, c < 0 ? 5 : c);
  }
  return worst;
}

// --------------------------------------------------------------------------
// The data folder.

const waters = new Map(table('waters.csv').map((w) => [w.id!, w]));
const stations = table('stations.csv');
const readings = readdirSync(join(DATA, 'readings'))
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .flatMap((f) => table(join('readings', f)));
const cases = table('cases.csv');
const events = table('case-events.csv');
const regions = new Map(table('regions.csv').map((r) => [r.code!, r]));
const chiefs = new Map(table('chiefs.csv').map((c) => [c.id!, c]));
const assignments = table('assignments.csv');
const patrolRows = table('patrols.csv');
const targets = table('targets.csv');

/** Each station's latest result on or before as_of: class and whether it meets the station's target. */
const latest = stations.map((s) => {
  const kind = waters.get(s.water!)?.kind;
  const waterbody = (s.waterbody || (kind === 'lake' || kind === 'reservoir' ? 'lake' : 'river')) as 'river' | 'lake';
  let last: { date: string; cls: number } | null = null;
  for (const r of readings) {
    if (r.station !== s.id) continue;
    if (r.date!.length === 7 ? r.date! > asOf.slice(0, 7) : r.date! > asOf) continue;
    const cls = classOf(r, waterbody);
    if (cls !== null && (!last || r.date! >= last.date)) last = { date: r.date!, cls };
  }
  if (!last) return null;
  return { cls: last.cls, meets: last.cls <= CLASSES.indexOf(s.target_class!) };
});

/** Status of each case as of as_of: its latest event by date (the later row on the same date). */
const caseStatus = new Map(
  cases.map((c) => {
    let last: Row | null = null;
    for (const e of events) if (e.case === c.id && e.date! <= asOf && (!last || e.date! >= last.date!)) last = e;
    return [c.id!, { status: last?.status ?? 'reported', date: last?.date ?? null }];
  }),
);

// Patrols: who owes them, month by month.
const PATROL_ROLES = ['general_chief', 'deputy_general_chief', 'chief', 'deputy_chief', 'segment_chief'];
const dayNumber = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthAt = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
const monthsFrom = (first: string, n: number) => Array.from({ length: n }, (_, i) => monthAt(monthIndex(first) + i));
/** In post on at least one day of the month (contract: "each month in which they held such a post"). */
function served(chief: string, month: string): boolean {
  const terms = assignments.filter((a) => a.chief === chief && PATROL_ROLES.includes(a.role!));
  const first = dayNumber(`${month}-01`);
  const last = dayNumber(`${monthAt(monthIndex(month) + 1)}-01`) - 1;
  return terms.some((t) => dayNumber(t.start!) <= last && (!t.end || dayNumber(t.end) >= first));
}
function groupOf(region: string): string {
  let r = regions.get(region);
  while (r && r.level === 'village') r = regions.get(r.parent!);
  return r?.code ?? region;
}
const owing = [...new Set(assignments.filter((a) => PATROL_ROLES.includes(a.role!)).map((a) => a.chief!))];
/** Σ required and Σ min(done, required) over these months, in total and by township (county chiefs: the county). */
function patrolCount(months: string[]) {
  const total = { required: 0, credited: 0 };
  const byGroup = new Map<string, { required: number; credited: number }>();
  for (const id of owing) {
    const chief = chiefs.get(id)!;
    const req = rule[regions.get(chief.region!)!.level!] ?? 0;
    for (const m of months) {
      if (!served(id, m)) continue;
      const done = patrolRows.filter((p) => p.chief === id && p.month === m).reduce((n, p) => n + Number(p.count), 0);
      const g = byGroup.get(groupOf(chief.region!)) ?? { required: 0, credited: 0 };
      for (const t of [total, g]) {
        t.required += req;
        t.credited += Math.min(done, req);
      }
      byGroup.set(groupOf(chief.region!), g);
    }
  }
  return { total, byGroup };
}

// --------------------------------------------------------------------------
// Each target's expected figure and state.

function compute(metric: string): { value: number | null; num: number; den: number } {
  const [kind, arg] = metric.split(':');
  if (kind === 'stations_good' || kind === 'stations_meeting_target') {
    const counted = latest.filter((l) => l !== null);
    const num = counted.filter((l) => (kind === 'stations_good' ? l!.cls <= 2 : l!.meets)).length;
    return { value: pct(num, counted.length), num, den: counted.length };
  }
  if (kind === 'cases_closed') {
    const cats = arg ? arg.split(';') : null;
    const mine = cases.filter((c) => c.found! <= asOf && (!cats || cats.includes(c.category!)));
    const num = mine.filter((c) => caseStatus.get(c.id!)!.status === 'closed').length;
    return { value: pct(num, mine.length), num, den: mine.length };
  }
  if (kind === 'cases_on_time') {
    const closed = cases.filter((c) => caseStatus.get(c.id!)!.status === 'closed');
    const num = closed.filter((c) => caseStatus.get(c.id!)!.date! <= c.deadline!).length;
    return { value: pct(num, closed.length), num, den: closed.length };
  }
  if (kind === 'patrol_rate') {
    const year = asOf.slice(0, 4);
    const n = arg! < year ? 12 : arg === year ? Number(asOf.slice(5, 7)) : 0;
    const { total } = patrolCount(monthsFrom(`${arg}-01`, n));
    return { value: pct(total.credited, total.required), num: total.credited, den: total.required };
  }
  if (kind === 'outlets_regulated') {
    // Contract extension: 已规范 (compliant) or 已封堵 (closed) ÷ every listed outlet.
    const outlets = table('outlets.csv');
    const num = outlets.filter((o) => o.status === 'compliant' || o.status === 'closed').length;
    return { value: pct(num, outlets.length), num, den: outlets.length };
  }
  throw new Error(`unknown metric ${metric}`);
}

function state(t: Row, value: number): string {
  const [baseline, target] = [Number(t.baseline), Number(t.target)];
  const meets = t.direction === 'up' ? value >= target : value <= target;
  if (meets) return 'achieved';
  if (asOf > t.deadline!) return 'missed';
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const progress = target === baseline ? 0 : clamp((value - baseline) / (target - baseline));
  const span = dayNumber(t.deadline!) - dayNumber(t.baseline_date!);
  const elapsed = span <= 0 ? 1 : clamp((dayNumber(asOf) - dayNumber(t.baseline_date!)) / span);
  return progress + 1e-9 >= elapsed ? 'on_track' : 'behind';
}

const expected = targets.map((t) => {
  const c = t.metric ? compute(t.metric) : null;
  const value = c?.value ?? Number(t.current);
  return {
    t,
    c,
    differs: c?.value != null && Math.abs(Number(t.current) - c.value) > 0.5 + 1e-9,
    state: state(t, value),
  };
});

const num = (text: string | null) => Number((text ?? '').replace(/[%\s,]/g, '').replace(/[^\d.-].*$/, ''));

let s: Session;
let page: Page;
beforeAll(async () => {
  s = await openSite(dist);
  page = await (await s.context()).newPage();
});
afterAll(async () => {
  await s?.close();
});

describe('targets computed from the published data', () => {
  it('the data folder has targets with a metric to check', () => {
    expect(expected.filter((e) => e.c).length).toBeGreaterThan(0);
  });

  it('/data/targets.json has the same computed value, counts and state for every target', () => {
    const json = JSON.parse(readFileSync(join(dist, 'data', 'targets.json'), 'utf8')) as Record<string, unknown>[];
    expect(json.map((r) => r.id).sort()).toEqual(targets.map((t) => t.id).sort());
    for (const e of expected) {
      const row = json.find((r) => r.id === e.t.id)!;
      expect(row.computed, e.t.id).toBe(e.c ? e.c.value : null);
      if (e.c && e.c.value !== null)
        expect([row.computed_numerator, row.computed_denominator], e.t.id).toEqual([e.c.num, e.c.den]);
      expect(row.current, e.t.id).toBe(Number(e.t.current));
      expect(row.state, e.t.id).toBe(e.state);
    }
  });

  it('/targets/ shows each figure, both side by side where they differ, and the state judged on the computed value', async () => {
    await page.goto(s.url('/targets/'));
    expect(await page.locator('#how-computed').count()).toBe(1);
    for (const e of expected) {
      const row = page.locator(`tr[data-target="${e.t.id}"]`);
      expect(await row.count(), e.t.id).toBe(1);
      expect(await row.locator('[data-state]').getAttribute('data-state'), e.t.id).toBe(e.state);
      const office = row.locator('[data-value="office"]');
      const computed = row.locator('[data-value="computed"]');
      expect(num(await office.textContent()), e.t.id).toBe(Number(e.t.current));
      if (!e.c) {
        expect(await computed.count(), e.t.id).toBe(0);
        continue;
      }
      expect(num(await computed.textContent()), e.t.id).toBe(e.c.value);
      // what was counted, as the row says it
      const text = (await row.textContent())!;
      const kind = e.t.metric!.split(':')[0]!;
      const counted = kind.startsWith('stations_')
        ? [`有监测结果的 ${e.c.den} 个断面中`, `的 ${e.c.num} 个`]
        : kind === 'cases_closed'
          ? [`问题 ${e.c.den} 件中已销号 ${e.c.num} 件`]
          : kind === 'cases_on_time'
            ? [`已销号问题 ${e.c.den} 件中按期销号 ${e.c.num} 件`]
            : kind === 'outlets_regulated'
              ? [`入河排污口 ${e.c.den} 个中已规范或已封堵 ${e.c.num} 个`]
              : [`规定巡河 ${e.c.den} 次，按月计达到规定的 ${e.c.num} 次`];
      for (const phrase of counted) expect(text, e.t.id).toContain(phrase);
      expect(await row.locator('a[href="#how-computed"]').count(), e.t.id).toBe(1);
      if (e.differs) {
        expect(text, e.t.id).toMatch(/填报值[\s\S]*按公开数据计算/);
        await expect(computed.isVisible()).resolves.toBe(true);
        await expect(office.isVisible()).resolves.toBe(true);
      }
    }
  });

  it('the sample keeps only differences an office could have: its figure is from an earlier date', () => {
    for (const e of expected.filter((x) => x.differs))
      expect(e.t.current_date! < asOf, `${e.t.id}: ${e.t.current} vs ${e.c!.value}`).toBe(true);
  });
});

describe('patrol rates on /patrols/', () => {
  const twelve = patrolCount(monthsFrom(monthAt(monthIndex(asOf.slice(0, 7)) - 11), 12));

  it("the overall rate of the 12 months up to as_of, and each township's", async () => {
    await page.goto(s.url('/patrols/'));
    const overall = (await page.locator('[data-patrol-rate="12-months"]').textContent())!;
    expect(overall).toContain(`应巡河 ${twelve.total.required} 次`);
    expect(num(overall.match(/履职率\s*([\d.]+%)/)![1]!)).toBe(pct(twelve.total.credited, twelve.total.required));
    for (const [code, g] of twelve.byGroup) {
      if (g.required === 0) continue;
      const cell = page.locator(`tr:has(a[href="/patrols/${code}/"]) [data-patrol-rate]`);
      expect(num(await cell.textContent()), code).toBe(pct(g.credited, g.required));
    }
  });

  it("each township's own page gives the same rate", async () => {
    for (const [code, g] of twelve.byGroup) {
      if (g.required === 0) continue;
      await page.goto(s.url(`/patrols/${code}/`));
      expect(num(await page.locator('[data-patrol-rate]').first().textContent()), code).toBe(
        pct(g.credited, g.required),
      );
    }
  });

  it("this year's rate, the one a patrol_rate target of this year shows on /targets/", async () => {
    const year = asOf.slice(0, 4);
    const want = compute(`patrol_rate:${year}`);
    await page.goto(s.url('/patrols/'));
    const text = (await page.locator('[data-patrol-rate="year"]').textContent())!;
    expect(text).toContain(`应巡河 ${want.den} 次`);
    expect(num(text.match(/履职率\s*([\d.]+%)/)![1]!)).toBe(want.value);
    const target = expected.find((e) => e.t.metric === `patrol_rate:${year}`);
    if (target) expect(target.c!.value).toBe(want.value);
  });
});
