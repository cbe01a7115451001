/**
 * stations.csv and readings/<year>.csv: monitoring stations on the waters
 * (national and boundary sections on the county rivers, drinking-water
 * intakes at reservoirs, county stations elsewhere) and a result per station
 * and month. Each station has a quality level around its target that moves
 * with the season, a random walk and a slow improvement; every item's value
 * follows that level through the class limits of GB 3838 Table 1
 * (src/lib/gb3838.ts), so most results meet the target and some do not.
 */
import { READING_ITEM_KEYS } from '../../../src/lib/enums.ts';
import type { ReadingItem, StationKind, TargetClass, Waterbody } from '../../../src/lib/enums.ts';
import { standardFor, type DatedReading, type ReadingValues } from '../../../src/lib/gb3838.ts';
import { monthlyResults, yearlyResults } from '../../../src/lib/compliance.ts';
import type { PeriodResult } from '../../../src/lib/accountability.ts';
import { parseMeasurement } from '../../../src/lib/measurement.ts';
import { Rng, dayOf, daysInMonth, fixed, fmtDay, fmtMonth, monthOfDay, pad, sig } from '../lib.ts';
import { regionsOf, type Context, type Hydro, type Land, type Station, type Water } from './context.ts';
import { isLine } from './waters.ts';

/** Write stations.csv; returns the stations. */
export function writeStations(ctx: Context, land: Land, hydro: Hydro): Station[] {
  const { waters, countyWaters } = hydro;
  const rSt = new Rng(ctx.seed, 'stations');
  const stations: Station[] = [];
  const stationNames = new Set<string>();
  const uniqueName = (n: string) => {
    let name = n;
    let k = 2;
    while (stationNames.has(name)) name = `${n.replace(/断面$/, '')}${k++}${n.endsWith('断面') ? '断面' : ''}`;
    stationNames.add(name);
    return name;
  };
  interface Spot {
    water: Water;
    pos: number;
  }
  const spots: Spot[] = [];
  for (const w of countyWaters) {
    const n = isLine(w.kind)
      ? Math.min(w.chain.length, 1 + Math.floor(w.chain.length / 2) + (w.i === 0 ? 1 : 0))
      : rSt.int(1, 2);
    for (let k = 0; k < n; k++)
      spots.push({ water: w, pos: n === 1 ? w.chain.length - 1 : Math.round((k * (w.chain.length - 1)) / (n - 1)) });
  }
  const rest = rSt.shuffle(waters.filter((w) => w.level === 'township'));
  for (const w of rest) spots.push({ water: w, pos: rSt.int(0, w.chain.length - 1) });
  const small = rSt.shuffle(waters.filter((w) => w.level === 'village' && w.kind !== 'other'));
  for (const w of small) {
    if (spots.length >= ctx.sz.stations) break;
    spots.push({ water: w, pos: 0 });
  }
  const width = Math.max(4, String(ctx.sz.stations).length);
  for (const { water: w, pos } of spots.slice(0, ctx.sz.stations)) {
    const regs = regionsOf(land, w);
    const region = regs[Math.min(pos, regs.length - 1)]!;
    let kind: StationKind;
    let target = w.target;
    let name: string;
    const n = stations.length;
    if (w.kind === 'reservoir' && w.target === 'II' && rSt.chance(0.8)) {
      kind = 'drinking_source';
      name = `${w.name}取水口`;
    } else if (!isLine(w.kind)) {
      kind =
        w.level === 'county'
          ? rSt.weighted([
              ['provincial', 0.3],
              ['municipal', 0.4],
              ['county', 0.3],
            ] as const)
          : 'county';
      name = w.kind === 'reservoir' ? `${w.name}坝前` : `${w.name}${w.kind === 'pond' ? '塘心' : '湖心'}`;
    } else if (w.level === 'county') {
      const last = pos === w.chain.length - 1;
      if (n === 0) kind = 'national';
      else if (last && w.parent < 0) kind = rSt.chance(0.5) ? 'provincial' : 'boundary';
      else
        kind = rSt.weighted([
          ['boundary', 0.4],
          ['municipal', 0.3],
          ['county', 0.3],
          ['provincial', 0.05],
        ] as const);
      if (kind === 'boundary' && pos > 0) name = `${w.name}${regs[pos - 1]!.short}${region.short}交界断面`;
      else if (last && w.parent < 0) name = `${w.name}出境断面`;
      else name = `${w.name}${region.short}断面`;
    } else if (w.level === 'township') {
      kind = rSt.weighted([
        ['county', 0.7],
        ['municipal', 0.2],
        ['boundary', 0.1],
      ] as const);
      name = `${w.name}${region.short}断面`;
    } else {
      kind = 'county';
      name = `${w.name}${region.short}断面`;
    }
    if (kind === 'drinking_source') target = 'II';
    else if (rSt.chance(0.05)) target = target === 'II' ? 'III' : target === 'V' ? 'IV' : target;
    let lon: number | null = null;
    let lat: number | null = null;
    if (rSt.chance(0.95)) {
      const g = w.geom;
      const pts = g.length / 2 - (w.polygon ? 1 : 0);
      if (w.polygon) {
        let cx = 0;
        let cy = 0;
        for (let k = 0; k < pts; k++) {
          cx += g[2 * k]!;
          cy += g[2 * k + 1]!;
        }
        lon = cx / pts;
        lat = cy / pts;
      } else {
        const k = Math.min(pts - 1, Math.round((pos / Math.max(1, w.chain.length - 1)) * (pts - 1)));
        lon = g[2 * k]! + rSt.range(-0.001, 0.001);
        lat = g[2 * k + 1]! + rSt.range(-0.001, 0.001);
      }
    }
    let waterbody: Station['waterbody'] = '';
    if (w.kind === 'reservoir' && rSt.chance(0.05)) waterbody = 'river';
    else if (w.kind === 'lake' && rSt.chance(0.3)) waterbody = 'lake';
    stations.push({
      id: `dm${pad(n + 1, width)}`,
      name: uniqueName(name),
      water: w,
      region,
      kind,
      target,
      lon,
      lat,
      waterbody,
    });
  }
  const f = ctx.csv('stations.csv', [
    'id',
    'name',
    'water',
    'region',
    'kind',
    'target_class',
    'lat',
    'lon',
    'waterbody',
  ]);
  for (const s of stations) {
    f.row([
      s.id,
      s.name,
      s.water.id,
      s.region.code,
      s.kind,
      s.target,
      s.lat === null ? '' : fixed(s.lat, 5),
      s.lon === null ? '' : fixed(s.lon, 5),
      s.waterbody,
    ]);
  }
  ctx.done(f, 'stations');
  return stations;
}

/** A station's results as the escalation rule judges them (src/lib/compliance.ts), per month and per year. */
export interface StationResults {
  monthly: PeriodResult[];
  yearly: PeriodResult[];
  /** Months with a result. */
  months: string[];
}

/**
 * Write readings/<year>.csv, one row per station and month of the last
 * `months` months; returns each station's results (in station order), classed
 * as the site classes them, one station-year at a time.
 */
export function writeReadings(ctx: Context, stations: Station[]): StationResults[] {
  const rR = new Rng(ctx.seed, 'readings');
  const lastMonth = monthOfDay(ctx.AS_OF);
  const firstMonth = lastMonth - ctx.sz.months + 1;
  interface Model {
    q0: number;
    ar: number;
    full: boolean;
    fecal: boolean;
    transparency: boolean;
    orp: boolean;
    monthOnly: boolean;
    day: number;
    lake: boolean;
    black: boolean;
  }
  const qOfTarget: Record<TargetClass, number> = { I: 0.3, II: 1.0, III: 1.7, IV: 2.6, V: 3.4 };
  const models: Model[] = stations.map((s) => {
    const lake = s.waterbody ? s.waterbody === 'lake' : s.water.kind === 'lake' || s.water.kind === 'reservoir';
    const black = s.water.level !== 'county' && !lake && rR.chance(0.012);
    let q0 = qOfTarget[s.target] + rR.normal() * 0.55;
    if (rR.chance(0.1)) q0 += rR.range(1.3, 2.8);
    if (black) q0 = rR.range(5.4, 6.3);
    const full = s.kind === 'national' || s.kind === 'provincial' || s.kind === 'drinking_source';
    return {
      q0: Math.max(-0.3, q0),
      ar: 0,
      full,
      fecal: full || rR.chance(0.2),
      lake,
      black,
      transparency: lake || black || rR.chance(0.12),
      orp: black || rR.chance(0.08),
      monthOnly: rR.chance(0.2),
      day: rR.int(5, 18),
    };
  });
  const header = ['station', 'date', ...READING_ITEM_KEYS];
  const cells: string[] = new Array(header.length).fill('');
  const col = new Map<string, number>(header.map((h, k) => [h, k]));
  const set = (item: ReadingItem, v: string) => {
    cells[col.get(item)!] = v;
  };
  const results: StationResults[] = stations.map(() => ({ monthly: [], yearly: [], months: [] }));
  for (let year = Math.floor(firstMonth / 12); year <= Math.floor(lastMonth / 12); year++) {
    const f = ctx.csv(`readings/${year}.csv`, header);
    for (let si = 0; si < stations.length; si++) {
      const s = stations[si]!;
      const m = models[si]!;
      const dated: DatedReading[] = [];
      for (let mi = Math.max(firstMonth, year * 12); mi <= Math.min(lastMonth, year * 12 + 11); mi++) {
        const month = (mi % 12) + 1;
        const season = 0.35 * Math.sin((2 * Math.PI * (month - 4)) / 12);
        m.ar = 0.6 * m.ar + rR.normal() * 0.28;
        const trend = -0.08 * ((mi - firstMonth) / 12);
        const q = m.q0 + season + m.ar + (m.black ? 0 : trend);
        cells.fill('');
        cells[0] = s.id;
        if (m.monthOnly) cells[1] = fmtMonth(mi);
        else {
          const dim = daysInMonth(year, month);
          let d = dayOf(year, month, Math.min(dim, Math.max(1, m.day + rR.int(-3, 3))));
          if (d > ctx.AS_OF) d = ctx.AS_OF;
          cells[1] = fmtDay(d);
        }
        const temp = 17 + 11 * Math.sin((2 * Math.PI * (month - 4)) / 12) + rR.normal() * 1.2;
        set('temp', fixed(temp, 1));
        let ph = 7.45 + rR.normal() * 0.32;
        if (rR.chance(0.003)) ph = m.lake && month >= 6 && month <= 9 ? rR.range(9.05, 9.4) : rR.range(5.6, 5.95);
        set('ph', fixed(Math.min(9.4, Math.max(5.6, ph)), 2));
        const qi = (bias: number, spread = 0.35) => q + bias + rR.normal() * spread;
        const doV = Math.max(0.1, interpDo(qi(-0.3)) + (15 - temp) * 0.05);
        set('do', fixed(m.black ? rR.range(0.3, 1.8) : doV, 1));
        set('codmn', item('codmn', qi(0)));
        set('cod', item('cod', qi(0.1)));
        set('bod5', item('bod5', qi(-0.3)));
        set('nh3n', m.black ? sig(rR.range(6, 16), 3) : item('nh3n', qi(0)));
        set('tp', item(m.lake ? 'tpLake' : 'tp', qi(m.lake ? 0.2 : 0.05)));
        set('tn', item('tn', qi(1.4, 0.5)));
        const quarterly = month === 1 || month === 4 || month === 7 || month === 10;
        if (m.full || quarterly) {
          set('f', item('f', qi(-1.6, 0.5)));
          for (const k of ['cu', 'zn', 'se', 'as', 'hg', 'cd', 'cr6', 'pb'] as const) set(k, item(k, qi(-1.9, 0.6)));
          set('cn', item('cn', qi(-1.5, 0.5)));
          set('phenol', item('phenol', qi(-1.2, 0.5)));
          set('oil', item('oil', qi(-1.0, 0.5)));
          set('las', item('las', qi(-1.3, 0.5)));
          set('s2', item('s2', qi(-1.8, 0.5)));
        }
        if (m.fecal && (m.full || quarterly))
          set('fecal_coliform', String(Math.round(ITEM_MODEL.fecal_coliform.at(qi(0.6, 0.6)) / 10) * 10));
        if (m.transparency) {
          const tr = m.black ? rR.range(6, 24) : 170 * Math.exp(-0.42 * Math.max(0, q)) * (1 + rR.normal() * 0.12);
          set('transparency_cm', String(Math.max(5, Math.round(tr))));
        }
        if (m.orp) {
          const orp = m.black ? rR.range(-260, 40) : 260 - 45 * q + rR.normal() * 30;
          set('orp_mv', String(Math.round(orp)));
        }
        f.row(cells);
        dated.push({ date: cells[1]!, values: valuesOf(cells, header) });
      }
      addResults(results[si]!, dated, m.lake ? 'lake' : 'river', s.target);
    }
    ctx.done(f, 'readings');
  }
  return results;

  function item(key: keyof typeof ITEM_MODEL, q: number): string {
    const model = ITEM_MODEL[key];
    const v = model.at(q) * (1 + rR.normal() * 0.04);
    if (model.dl !== null && v < model.dl) return `${model.dl}L`;
    return sig(v, 3);
  }
}

/** The measured values of a row as written (`L` values kept). */
function valuesOf(cells: readonly string[], header: readonly string[]): ReadingValues {
  const values: ReadingValues = {};
  for (let k = 2; k < header.length; k++) {
    const m = cells[k] ? parseMeasurement(cells[k]!) : null;
    if (m) values[header[k] as ReadingItem] = m;
  }
  return values;
}

/** Add one station-year's results: its months, and the year's mean class. */
function addResults(into: StationResults, dated: DatedReading[], waterbody: Waterbody, target: TargetClass): void {
  for (const r of monthlyResults(dated, waterbody, target)) {
    into.monthly.push({ period: r.month, meets: r.meets });
    into.months.push(r.month);
  }
  for (const r of yearlyResults(dated, waterbody, target)) into.yearly.push({ period: r.year, meets: r.meets });
}

// ================================================================ value models

/** The class limits of GB 3838 Table 1 (src/lib/gb3838.ts) for an item on a waterbody. */
function limitsOf(item: ReadingItem, waterbody: Waterbody): readonly number[] {
  const standard = standardFor(item, waterbody);
  if (!standard || standard.bound === 'range')
    throw new Error(`GB 3838 Table 1 has no class limits for ${item} (${waterbody})`);
  return standard.limits;
}

/** Upper-bound items: value as a function of a quality index q (0 best; k-1..k is class k; >5 is 劣V). */
function upper(item: ReadingItem, waterbody: Waterbody, v0: number, dl: number | null) {
  const limits = limitsOf(item, waterbody);
  return {
    dl,
    at(q: number): number {
      if (q <= 1) return v0 * (limits[0]! / v0) ** Math.max(-1, q);
      if (q <= 5) {
        const k = Math.floor(q);
        const a = limits[k - 1]!;
        const b = limits[Math.min(4, k)]!;
        return a * (b / a) ** (q - k);
      }
      return limits[4]! * (1 + 0.8 * (q - 5));
    },
  };
}

/** Per item: the clean value (q = 0) and the detection limit (null: never below one). TN has limits only for lakes. */
const ITEM_MODEL = {
  codmn: upper('codmn', 'river', 0.9, 0.5),
  cod: upper('cod', 'river', 5, 4),
  bod5: upper('bod5', 'river', 0.8, 0.5),
  nh3n: upper('nh3n', 'river', 0.035, 0.025),
  tp: upper('tp', 'river', 0.008, 0.01),
  tpLake: upper('tp', 'lake', 0.004, 0.01),
  tn: upper('tn', 'lake', 0.1, 0.05),
  cu: upper('cu', 'river', 0.0005, 0.001),
  zn: upper('zn', 'river', 0.004, 0.05),
  f: upper('f', 'river', 0.12, 0.05),
  se: upper('se', 'river', 0.0002, 0.0004),
  as: upper('as', 'river', 0.0004, 0.0003),
  hg: upper('hg', 'river', 0.00001, 0.00004),
  cd: upper('cd', 'river', 0.00003, 0.0001),
  cr6: upper('cr6', 'river', 0.002, 0.004),
  pb: upper('pb', 'river', 0.0003, 0.001),
  cn: upper('cn', 'river', 0.0008, 0.004),
  phenol: upper('phenol', 'river', 0.0002, 0.0003),
  oil: upper('oil', 'river', 0.008, 0.01),
  las: upper('las', 'river', 0.02, 0.05),
  s2: upper('s2', 'river', 0.002, 0.005),
  fecal_coliform: upper('fecal_coliform', 'river', 20, null),
};

/** Dissolved oxygen (a lower bound: its class limits fall) against the same quality index. */
const DO_KNOTS = [9.2, ...limitsOf('do', 'river'), 1.0, 0.3];
function interpDo(q: number): number {
  const knots = DO_KNOTS;
  if (q <= 0) return 9.2 - q * 0.6;
  if (q >= 7) return 0.3;
  const k = Math.floor(q);
  return knots[k]! + (knots[k + 1]! - knots[k]!) * (q - k);
}
