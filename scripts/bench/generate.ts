/**
 * Benchmark data generator: writes a complete data folder (docs: docs/data-contract.md)
 * of a fictional county at any scale, deterministically from a seed.
 *
 *   node scripts/bench/generate.ts --size county|city|<factor> --out <dir> [--seed 1] [--as-of 2026-10-31]
 *
 * `county` is 1/20 of `city`; a number scales `city` (0.5 = half, 2 = double).
 * The same arguments always write byte-identical files. Large files are written in
 * chunks; nothing the size of a file is kept in memory.
 *
 * Plain TypeScript for Node's type stripping: Node built-ins, the project's src/lib (enums, GB 3838 Table 1)
 * and scripts/lib/random.ts only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { READING_ITEM_KEYS } from '../../src/lib/enums.ts';
import type {
  CaseCategory,
  CaseSource,
  CaseStatus,
  ReadingItem,
  RegionLevel,
  Role,
  StationKind,
  TargetClass,
  WaterKind,
  Waterbody,
} from '../../src/lib/enums.ts';
import { standardFor } from '../../src/lib/gb3838.ts';
import {
  ChunkedFile,
  CsvFile,
  IdPool,
  Namer,
  Rng,
  WeightedIndex,
  dayOf,
  daysInMonth,
  fixed,
  fmtDay,
  fmtMonth,
  monthOfDay,
  pad,
  personName,
  sig,
  toDay,
} from './lib.ts';
import type { Syllable } from './lib.ts';

// ================================================================ sizes

export interface Sizes {
  /** `county`, `city` or `x<factor>`. */
  name: string;
  /** Scale relative to `city`. */
  factor: number;
  townships: number;
  villages: number;
  waters: number;
  chiefs: number;
  stations: number;
  /** Months of readings per station, ending with the as_of month. */
  months: number;
  cases: number;
  /** Months of patrols per chief, ending with the as_of month. */
  patrolMonths: number;
  /** Quarterly inspection periods (plus one yearly period). */
  inspectionPeriods: number;
  /** Share of chiefs replaced: an ended assignment and a successor. */
  replacedShare: number;
  /** Share of chiefs with an accountability action. */
  actionShare: number;
  targets: number;
  /** One 一河一策 document per this many waters. */
  watersPerPlan: number;
}

/** Inspection grades and the lowest score of each, best first (site.yaml rules.inspection_grades). */
const INSPECTION_GRADES = [['优秀', 90], ['良好', 80], ['合格', 60], ['不合格', 0]] as const;

const CITY = { townships: 40, villages: 800, waters: 10_000, chiefs: 25_000, stations: 1_000, cases: 20_000 };

/** Sizes of a named scale (`county`, `city`) or of a factor of `city` (`'0.5'`, `2`). */
export function sizes(name: string | number): Sizes {
  let factor: number;
  let label: string;
  if (name === 'city') {
    factor = 1;
    label = 'city';
  } else if (name === 'county') {
    factor = 1 / 20;
    label = 'county';
  } else {
    factor = typeof name === 'number' ? name : Number(name);
    if (!Number.isFinite(factor) || factor <= 0) {
      throw new Error(`--size must be county, city or a positive number, not "${name}"`);
    }
    label = `x${factor}`;
  }
  const scale = (n: number, min: number) => Math.max(min, Math.round(n * factor));
  const townships = Math.min(999, scale(CITY.townships, 3));
  const villages = Math.max(townships * 3, scale(CITY.villages, 9));
  if (villages / townships > 999) throw new Error(`size ${name} needs more than 999 villages per township`);
  return {
    name: label,
    factor,
    townships,
    villages,
    waters: scale(CITY.waters, 30),
    chiefs: scale(CITY.chiefs, 75),
    stations: scale(CITY.stations, 6),
    months: 60,
    cases: scale(CITY.cases, 30),
    patrolMonths: 12,
    inspectionPeriods: 4,
    replacedShare: 0.05,
    actionShare: 0.01,
    targets: 10,
    watersPerPlan: 50,
  };
}

// ================================================================ model

interface Region {
  code: string;
  name: string;
  /** Name without 镇/乡/街道/村/社区, for station and segment names. */
  short: string;
  level: RegionLevel;
  parent: string;
  /** Township index (villages: their township; townships: themselves). */
  town: number;
  lon: number;
  lat: number;
  /** Neighbours on the same level (townships: townships; villages: villages of the same township). */
  neighbours: number[];
  /** Township kind: 镇, 乡 or 街道; village kind: 村 or 社区. */
  suffix: string;
}

interface Water {
  i: number;
  id: string;
  name: string;
  kind: WaterKind;
  level: RegionLevel;
  parent: number;
  /** Township indexes (county level) or village indexes (township and village level). */
  chain: number[];
  /** The township a township- or village-level water belongs to; -1 for county level. */
  town: number;
  lengthKm: number | null;
  areaKm2: number | null;
  target: TargetClass;
  plan: string;
  description: string;
  segments: number[];
  /** Flat [lon, lat, lon, lat, …]; a closed ring for lakes, reservoirs and ponds. */
  geom: number[];
  polygon: boolean;
}

interface Segment {
  id: string;
  water: number;
  name: string;
  region: Region;
  start: string;
  end: string;
  lengthKm: number;
}

type ChiefKind = 'leader' | 'keeper' | 'patroller' | 'civic';

interface Chief {
  i: number;
  id: string;
  name: string;
  position: string;
  region: Region;
  kind: ChiefKind;
  phone: string;
  verified: number;
  from: number;
  /** Day the last assignment ended; null while any assignment is current. */
  to: number | null;
}

interface Assignment {
  chief: Chief;
  water: Water;
  segment: Segment | null;
  role: Role;
  start: number;
  end: number | null;
  duties: string;
}

interface Station {
  id: string;
  name: string;
  water: Water;
  region: Region;
  kind: StationKind;
  target: TargetClass;
  lon: number | null;
  lat: number | null;
  waterbody: '' | 'river' | 'lake';
}

export interface GenerateOptions {
  size: string | number;
  out: string;
  seed?: number;
  asOf?: string;
}

export interface GenerateResult {
  sizes: Sizes;
  out: string;
  seed: number;
  asOf: string;
  /** Rows per file (documents: number of files). */
  counts: Record<string, number>;
  bytes: number;
}

const GENERATED_MARK = '# generated by scripts/bench/generate.ts';
const COUNTY_CODE = '990101000000';
const COUNTY_NAME = '示例县';
const OFFICE = `${COUNTY_NAME}河长制办公室`;
const HEZHANGBAN = '县河长办';

// ================================================================ generate

/** Write a complete data folder; returns row counts per file. */
export function generate(options: GenerateOptions): GenerateResult {
  const sz = sizes(options.size);
  const seed = options.seed ?? 1;
  const asOf = options.asOf ?? '2026-10-31';
  const out = resolve(options.out);
  const AS_OF = toDay(asOf);
  const counts: Record<string, number> = {};
  let bytes = 0;

  prepareOut(out);
  const csv = (name: string, header: readonly string[]) => new CsvFile(join(out, name), header);
  const done = (f: CsvFile, key: string) => {
    f.close();
    counts[key] = (counts[key] ?? 0) + f.rows;
    bytes += f.bytes;
  };

  // ------------------------------------------------------------ regions
  const rRegion = new Rng(seed, 'regions');
  const regionNamer = new Namer(rRegion);
  const county: Region = {
    code: COUNTY_CODE, name: COUNTY_NAME, short: '示例', level: 'county', parent: '', town: -1,
    lon: 119.2, lat: 29.3, neighbours: [], suffix: '县',
  };
  const T = sz.townships;
  const cols = Math.ceil(Math.sqrt(T));
  const rowsT = Math.ceil(T / cols);
  const CELL_LON = 0.1;
  const CELL_LAT = 0.085;
  const lon0 = county.lon - (cols * CELL_LON) / 2;
  const lat0 = county.lat - (rowsT * CELL_LAT) / 2;
  const townships: Region[] = [];
  const villages: Region[] = [];
  const villagesOf: number[][] = [];
  const townSuffix: readonly (readonly [Syllable, number])[] = [
    [['镇', 'zhen'], 0.7],
    [['乡', 'xiang'], 0.3],
  ];
  for (let t = 0; t < T; t++) {
    const sfx: Syllable = t < Math.min(2, T - 1) ? ['街道', 'jiedao'] : rRegion.weighted(townSuffix);
    const { name, stem } = regionNamer.next(sfx);
    const r = Math.floor(t / cols);
    const c = t % cols;
    const neighbours: number[] = [];
    for (const [dr, dc] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
      const rr = r + dr;
      const cc = c + dc;
      const k = rr * cols + cc;
      if (rr >= 0 && cc >= 0 && cc < cols && k < T) neighbours.push(k);
    }
    townships.push({
      code: `990101${pad(t + 1, 3)}000`, name, short: stem, level: 'township', parent: COUNTY_CODE, town: t,
      lon: lon0 + (c + 0.5) * CELL_LON + rRegion.range(-0.015, 0.015),
      lat: lat0 + (r + 0.5) * CELL_LAT + rRegion.range(-0.012, 0.012),
      neighbours, suffix: sfx[0],
    });
    villagesOf.push([]);
  }
  const baseV = Math.floor(sz.villages / T);
  let extraV = sz.villages - baseV * T;
  for (let t = 0; t < T; t++) {
    const town = townships[t]!;
    const k = baseV + (extraV-- > 0 ? 1 : 0);
    const sc = Math.ceil(Math.sqrt(k));
    const sr = Math.ceil(k / sc);
    const subLon = CELL_LON / sc;
    const subLat = CELL_LAT / sr;
    const cellLon = lon0 + (t % cols) * CELL_LON;
    const cellLat = lat0 + Math.floor(t / cols) * CELL_LAT;
    const first = villages.length;
    for (let j = 0; j < k; j++) {
      const urban = town.suffix === '街道' ? 0.7 : 0.05;
      const sfx: Syllable = rRegion.chance(urban) ? ['社区', 'shequ'] : ['村', 'cun'];
      const { name, stem } = regionNamer.next(sfx);
      const r = Math.floor(j / sc);
      const c = j % sc;
      const neighbours: number[] = [];
      for (const [dr, dc] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
        const rr = r + dr;
        const cc = c + dc;
        const m = rr * sc + cc;
        if (rr >= 0 && cc >= 0 && cc < sc && m < k) neighbours.push(first + m);
      }
      villagesOf[t]!.push(villages.length);
      villages.push({
        code: `990101${pad(t + 1, 3)}${pad(j + 1, 3)}`, name, short: stem, level: 'village', parent: town.code,
        town: t,
        lon: cellLon + (c + 0.5) * subLon + rRegion.range(-0.2, 0.2) * subLon,
        lat: cellLat + (r + 0.5) * subLat + rRegion.range(-0.2, 0.2) * subLat,
        neighbours, suffix: sfx[0],
      });
    }
  }
  {
    const f = csv('regions.csv', ['code', 'name', 'level', 'parent']);
    f.row([county.code, county.name, county.level, '']);
    for (let t = 0; t < T; t++) {
      const town = townships[t]!;
      f.row([town.code, town.name, town.level, town.parent]);
      for (const v of villagesOf[t]!) {
        const vil = villages[v]!;
        f.row([vil.code, vil.name, vil.level, vil.parent]);
      }
    }
    done(f, 'regions');
  }
  const townGov = (t: Region) => (t.suffix === '街道' ? `${t.name}办事处` : `${t.name}人民政府`);

  // ------------------------------------------------------------ waters
  const rW = new Rng(seed, 'waters');
  const rGeo = new Rng(seed, 'geometry');
  const waterNamer = new Namer(rW);
  const waterIds = new IdPool();
  const W = sz.waters;
  const Wc = Math.max(3, Math.round(W * 0.025));
  const Wt = Math.max(3, Math.round(W * 0.175));
  const waters: Water[] = [];
  const countyRiversByTown: number[][] = townships.map(() => []);
  const townRiversByTown: number[][] = townships.map(() => []);
  const townWatersByTown: number[][] = townships.map(() => []);
  const townRiversByVillage: number[][] = villages.map(() => []);
  const villageRiversByVillage: number[][] = villages.map(() => []);
  const watersByVillage: number[][] = villages.map(() => []);

  const kindsByLevel: Record<RegionLevel, readonly (readonly [WaterKind, number])[]> = {
    county: [['river', 0.72], ['reservoir', 0.16], ['lake', 0.12]],
    township: [['river', 0.68], ['canal', 0.1], ['reservoir', 0.15], ['lake', 0.07]],
    village: [['river', 0.55], ['pond', 0.25], ['reservoir', 0.06], ['canal', 0.09], ['other', 0.05]],
  };
  const suffixes = (kind: WaterKind, level: RegionLevel): readonly (readonly [Syllable, number])[] => {
    switch (kind) {
      case 'river':
        if (level === 'county') return [[['河', 'he'], 5], [['溪', 'xi'], 3], [['港', 'gang'], 1], [['江', 'jiang'], 0.5]];
        if (level === 'township') return [[['河', 'he'], 4], [['溪', 'xi'], 4], [['港', 'gang'], 1], [['浦', 'pu'], 1]];
        return [[['溪', 'xi'], 4], [['河', 'he'], 2], [['沟', 'gou'], 3], [['坑', 'keng'], 1]];
      case 'canal':
        return level === 'village' ? [[['渠', 'qu'], 3], [['支渠', 'zhiqu'], 1]] : [[['干渠', 'ganqu'], 3], [['渠', 'qu'], 1]];
      case 'lake':
        return [[['湖', 'hu'], 4], [['荡', 'dang'], 1], [['漾', 'yang'], 1]];
      case 'reservoir':
        return [[['水库', 'shuiku'], 1]];
      case 'pond':
        return [[['山塘', 'shantang'], 3], [['塘', 'tang'], 2]];
      default:
        return [[['湿地', 'shidi'], 2], [['排涝沟', 'pailaogou'], 1]];
    }
  };
  const isLine = (k: WaterKind) => k === 'river' || k === 'canal' || k === 'other';

  /** Walk `len` steps over neighbours from `start`, never revisiting. */
  const walk = (start: number, len: number, regions: Region[], rng: Rng): number[] => {
    const chain = [start];
    const seen = new Set(chain);
    while (chain.length < len) {
      const opts = regions[chain[chain.length - 1]!]!.neighbours.filter((n) => !seen.has(n));
      if (opts.length === 0) break;
      const n = rng.pick(opts);
      chain.push(n);
      seen.add(n);
    }
    return chain;
  };
  const lonKm = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);
  const polylineKm = (g: number[]) => {
    let km = 0;
    for (let k = 2; k < g.length; k += 2) {
      const dx = (g[k]! - g[k - 2]!) * lonKm(g[k + 1]!);
      const dy = (g[k + 1]! - g[k - 1]!) * 110.57;
      km += Math.sqrt(dx * dx + dy * dy);
    }
    return km;
  };

  for (let i = 0; i < W; i++) {
    const level: RegionLevel = i < Wc ? 'county' : i < Wc + Wt ? 'township' : 'village';
    const kind: WaterKind = i === 0 ? 'river' : rW.weighted(kindsByLevel[level]);
    const sfx: Syllable = i === 0 ? ['江', 'jiang'] : rW.weighted(suffixes(kind, level));
    const named = waterNamer.next(sfx);
    const id = waterIds.take(named.pinyin);

    // where it lies
    let chain: number[];
    let town = -1;
    if (level === 'county') {
      const start = rW.int(0, T - 1);
      chain = kind === 'river' ? walk(start, rW.int(3, 8), townships, rW) : walk(start, rW.chance(0.3) ? 2 : 1, townships, rW);
    } else {
      let v0: number;
      if (level === 'township') {
        town = (i - Wc) % T;
        v0 = rW.pick(villagesOf[town]!);
      } else {
        v0 = rW.int(0, villages.length - 1);
        town = villages[v0]!.town;
      }
      let len = 1;
      if (isLine(kind) && kind !== 'other') {
        len = level === 'township' ? rW.int(2, 5) : rW.weighted([[1, 0.45], [2, 0.42], [3, 0.13]] as const);
      } else if (kind === 'lake' || kind === 'reservoir') {
        len = rW.chance(level === 'township' ? 0.35 : 0.1) ? 2 : 1;
      }
      chain = walk(v0, len, villages, rW);
    }

    // what it flows into: always an earlier river
    let parent = -1;
    if (level === 'county') {
      if (i > 0 && rW.chance(0.6)) {
        const cands = [...new Set(chain.flatMap((t) => countyRiversByTown[t]!))];
        if (cands.length > 0) parent = rW.pick(cands);
      }
    } else if (level === 'township') {
      if (rW.chance(0.85)) {
        const cr = countyRiversByTown[town]!;
        const tr = [...new Set(chain.flatMap((v) => townRiversByVillage[v]!))];
        if (cr.length > 0 && (tr.length === 0 || rW.chance(0.55))) parent = rW.pick(cr);
        else if (tr.length > 0) parent = rW.pick(tr);
      }
    } else if (rW.chance(0.88)) {
      const v = chain[0]!;
      const options = [
        [villageRiversByVillage[v]!, 0.3],
        [townRiversByVillage[v]!, 0.4],
        [townRiversByTown[town]!, 0.2],
        [countyRiversByTown[town]!, 0.1],
      ] as const;
      const nonEmpty = options.filter(([l]) => l.length > 0);
      if (nonEmpty.length > 0) parent = rW.pick(rW.weighted(nonEmpty));
    }

    // geometry
    const centres = chain.map((k) => (level === 'county' ? townships[k]! : villages[k]!));
    const geom: number[] = [];
    const polygon = !isLine(kind);
    let areaKm2: number | null = null;
    let lengthKm: number | null = null;
    if (polygon) {
      const [lo, hi] =
        kind === 'lake'
          ? level === 'county' ? [3, 40] : level === 'township' ? [0.3, 5] : [0.05, 0.5]
          : kind === 'reservoir'
            ? level === 'county' ? [2, 15] : level === 'township' ? [0.2, 3] : [0.02, 0.3]
            : [0.002, 0.05];
      areaKm2 = Number(sig(Math.exp(rW.range(Math.log(lo), Math.log(hi))), 3));
      let cx = 0;
      let cy = 0;
      for (const c of centres) {
        cx += c.lon;
        cy += c.lat;
      }
      cx = cx / centres.length + rGeo.range(-0.006, 0.006);
      cy = cy / centres.length + rGeo.range(-0.005, 0.005);
      const rKm = Math.sqrt(areaKm2 / Math.PI);
      const n = rGeo.int(10, 16);
      for (let k = 0; k < n; k++) {
        const a = (2 * Math.PI * k) / n;
        const f = rGeo.range(0.75, 1.25);
        geom.push(cx + (Math.cos(a) * rKm * f) / lonKm(cy), cy + (Math.sin(a) * rKm * f) / 110.57);
      }
      geom.push(geom[0]!, geom[1]!);
    } else {
      const spread = level === 'county' ? 0.012 : 0.004;
      for (let k = 0; k < centres.length; k++) {
        const c = centres[k]!;
        geom.push(c.lon + rGeo.range(-spread, spread), c.lat + rGeo.range(-spread, spread));
        if (k + 1 < centres.length) {
          const d = centres[k + 1]!;
          const mids = rGeo.int(1, 2);
          for (let m = 1; m <= mids; m++) {
            const t = m / (mids + 1);
            const off = rGeo.range(-0.25, 0.25);
            const dx = d.lon - c.lon;
            const dy = d.lat - c.lat;
            geom.push(c.lon + dx * t - dy * off, c.lat + dy * t + dx * off);
          }
        }
      }
      if (centres.length === 1) {
        const ang = rGeo.range(0, 2 * Math.PI);
        const step = level === 'county' ? 0.03 : 0.006;
        const steps = rGeo.int(2, 4);
        for (let k = 0; k < steps; k++) {
          const a = ang + rGeo.range(-0.6, 0.6);
          geom.push(geom[geom.length - 2]! + Math.cos(a) * step, geom[geom.length - 1]! + Math.sin(a) * step);
        }
      }
      if (parent >= 0) {
        // end on the nearest vertex of the river it flows into
        const pg = waters[parent]!.geom;
        const ex = geom[geom.length - 2]!;
        const ey = geom[geom.length - 1]!;
        let best = -1;
        let bestD = Infinity;
        for (let k = 0; k < pg.length; k += 2) {
          const d = (pg[k]! - ex) ** 2 + (pg[k + 1]! - ey) ** 2;
          if (d < bestD) {
            bestD = d;
            best = k;
          }
        }
        if (best >= 0 && bestD < 0.15 ** 2) geom.push(pg[best]!, pg[best + 1]!);
      }
      lengthKm = Math.max(0.3, Math.round(polylineKm(geom) * rW.range(1.15, 1.45) * 10) / 10);
    }

    let target: TargetClass;
    if (kind === 'reservoir' && level !== 'village' && rW.chance(0.6)) target = 'II';
    else if (level === 'county') target = rW.weighted([['II', 0.3], ['III', 0.7]] as const);
    else if (level === 'township') target = rW.weighted([['II', 0.15], ['III', 0.7], ['IV', 0.15]] as const);
    else target = rW.weighted([['II', 0.04], ['III', 0.58], ['IV', 0.33], ['V', 0.05]] as const);

    const water: Water = {
      i, id, name: named.name, kind, level, parent, chain, town, lengthKm, areaKm2, target, plan: '',
      description: '', segments: [], geom, polygon,
    };
    water.description = describe(water, centres, parent >= 0 ? waters[parent]! : null, rW);
    waters.push(water);

    // registries for later parents and for chiefs
    if (level === 'county') {
      if (kind === 'river') for (const t of chain) countyRiversByTown[t]!.push(i);
    } else {
      if (level === 'township') {
        townWatersByTown[town]!.push(i);
        if (kind === 'river') {
          townRiversByTown[town]!.push(i);
          for (const v of chain) townRiversByVillage[v]!.push(i);
        }
      } else if (kind === 'river') {
        for (const v of chain) villageRiversByVillage[v]!.push(i);
      }
      for (const v of chain) watersByVillage[v]!.push(i);
    }
  }

  // one 一河一策 per ~50 waters: the largest waters first, their tributaries share it
  const planCount = Math.max(1, Math.ceil(W / sz.watersPerPlan));
  const planMains: Water[] = [];
  for (const w of waters) {
    if (planMains.length >= planCount) break;
    if (w.level === 'county' || (w.kind !== 'canal' && w.kind !== 'pond' && w.kind !== 'other')) planMains.push(w);
  }
  const planWaters = new Map<string, Water[]>();
  for (const w of planMains) {
    w.plan = `yhyc-${w.id}`;
    planWaters.set(w.plan, [w]);
  }
  for (const w of waters) {
    if (w.plan || w.parent < 0 || w.level === 'village') continue;
    const p = waters[w.parent]!;
    if (p.plan && planWaters.get(p.plan)![0] === p) {
      w.plan = p.plan;
      planWaters.get(p.plan)!.push(w);
    }
  }

  {
    const f = csv('waters.csv', [
      'id', 'name', 'kind', 'parent', 'level', 'regions', 'length_km', 'area_km2', 'target_class', 'plan', 'description',
    ]);
    for (const w of waters) {
      f.row([
        w.id, w.name, w.kind, w.parent >= 0 ? waters[w.parent]!.id : '', w.level, regionCodes(w).join(';'),
        w.lengthKm === null ? '' : fixed(w.lengthKm, 1), w.areaKm2 === null ? '' : String(w.areaKm2), w.target, w.plan,
        w.description,
      ]);
    }
    done(f, 'waters');
  }
  function regionsOf(w: Water): Region[] {
    return w.chain.map((k) => (w.level === 'county' ? townships[k]! : villages[k]!));
  }
  function regionCodes(w: Water): string[] {
    return regionsOf(w).map((r) => r.code);
  }

  // ------------------------------------------------------------ segments
  const segments: Segment[] = [];
  {
    const rS = new Rng(seed, 'segments');
    const f = csv('segments.csv', ['id', 'water', 'name', 'region', 'start', 'end', 'length_km']);
    for (const w of waters) {
      if ((w.kind !== 'river' && w.kind !== 'canal') || w.chain.length < 2) continue;
      const regs = regionsOf(w);
      const weights = regs.map(() => rS.range(0.6, 1.4));
      const sum = weights.reduce((a, b) => a + b, 0);
      const total = w.lengthKm ?? 1;
      let left = total;
      for (let k = 0; k < regs.length; k++) {
        const r = regs[k]!;
        let len = k === regs.length - 1 ? left : Math.round((total * weights[k]!) / sum * 10) / 10;
        len = Math.max(0.1, Math.round(len * 10) / 10);
        left -= len;
        const start = k === 0 ? `${r.short}${rS.pick(['源头', '山脚', '水库坝下', '上游村界'])}` : `${regs[k - 1]!.name}与${r.name}交界处`;
        const end =
          k === regs.length - 1
            ? w.parent >= 0 ? `汇入${waters[w.parent]!.name}口` : `${r.name}出境处`
            : `${r.name}与${regs[k + 1]!.name}交界处`;
        const seg: Segment = { id: `${w.id}-${k + 1}`, water: w.i, name: `${w.name}${r.name}段`, region: r, start, end, lengthKm: len };
        w.segments.push(segments.length);
        segments.push(seg);
        f.row([seg.id, w.id, seg.name, r.code, start, end, fixed(len, 1)]);
      }
    }
    done(f, 'segments');
  }

  // ------------------------------------------------------------ chiefs and assignments
  const rC = new Rng(seed, 'chiefs');
  const chiefs: Chief[] = [];
  const assignments: Assignment[] = [];
  const chiefIdWidth = Math.max(5, String(Math.round(sz.chiefs * 1.2)).length);
  const ROLLOUT = toDay('2017-03-01');

  const newChief = (region: Region, position: string, kind: ChiefKind, from: number, to: number | null): Chief => {
    const upper = to ?? AS_OF;
    const r = rC.next();
    const back = r < 0.75 ? rC.int(1, 180) : r < 0.95 ? rC.int(181, 400) : rC.int(401, 900);
    let verified = Math.max(from + rC.int(0, 10), upper - back);
    if (verified > upper) verified = upper;
    const c: Chief = {
      i: chiefs.length, id: `hz${pad(chiefs.length + 1, chiefIdWidth)}`, name: personName(rC), position, region, kind,
      phone: `0000-${pad(rC.int(0, 9_999_999), 7)}`, verified, from, to,
    };
    chiefs.push(c);
    return c;
  };
  const startDay = (level: RegionLevel): number => {
    const early = level === 'county' ? 0.75 : level === 'township' ? 0.65 : 0.55;
    if (rC.chance(early)) return ROLLOUT + rC.int(0, 300);
    return rC.int(toDay('2018-01-01'), AS_OF - 60);
  };
  const assign = (chief: Chief, water: Water, segment: Segment | null, role: Role, start: number, end: number | null, duties: string) => {
    assignments.push({ chief, water, segment, role, start, end, duties });
    if (start < chief.from) chief.from = start;
  };
  /** A post held by one person, or by a predecessor (ended) and a successor. */
  const post = (
    region: Region, position: () => string, kind: ChiefKind, water: Water, segment: Segment | null, role: Role, duties: string,
  ) => {
    const level = region.level;
    if (rC.chance(sz.replacedShare)) {
      const s0 = Math.min(startDay(level), toDay('2023-12-31'));
      const e = rC.int(Math.min(s0 + 365, AS_OF - 40), AS_OF - 40);
      const s1 = e + rC.int(1, 30);
      const old = newChief(region, position(), kind, s0, e);
      assign(old, water, segment, role, s0, e, duties);
      const successor = newChief(region, position(), kind, s1, null);
      assign(successor, water, segment, role, s1, null, duties);
      return successor;
    }
    const s = startDay(level);
    const c = newChief(region, position(), kind, s, null);
    assign(c, water, segment, role, s, null, duties);
    return c;
  };
  const townTitles = (t: Region) => {
    const head = t.suffix === '街道' ? '街道办事处主任' : t.suffix === '乡' ? '乡长' : '镇长';
    const party = t.suffix === '街道' ? '党工委书记' : '党委书记';
    const deputy = t.suffix === '街道' ? '街道办事处副主任' : t.suffix === '乡' ? '副乡长' : '副镇长';
    return { head, party, deputy };
  };
  const townPosition = (t: Region) => () => {
    const { head, party, deputy } = townTitles(t);
    return t.name + rC.weighted([[party, 1], [head, 1], [deputy, 4], [t.suffix === '街道' ? '人大工委主任' : '人大主席', 1], ['党委委员', 1]] as const);
  };
  const villagePosition = (v: Region) => () => {
    const shequ = v.suffix === '社区';
    return v.name + rC.weighted([
      [shequ ? '社区党委书记' : '党支部书记', 3],
      [shequ ? '社区居委会主任' : '村委会主任', 3],
      [shequ ? '社区党委副书记' : '党支部副书记', 1],
      [shequ ? '社区居委会委员' : '村委委员', 2],
      ...(shequ ? [] : [['村民小组长', 1] as const]),
    ] as const);
  };
  const chiefDuties = (w: Water) => `负责${w.name}管理保护工作，牵头组织突出问题整治，督导下级河长履职`;
  const segDuties = (s: Segment) => `负责${s.name}日常巡查和问题处置，落实一河一策任务`;

  // county leaders: a pool, each leader the chief of several county waters
  const countyWaters = waters.filter((w) => w.level === 'county');
  const leaderTitles = [
    '县委副书记', '常务副县长', '副县长', '副县长', '副县长', '县人大常委会副主任', '县人大常委会副主任', '县政协副主席',
    '县政协副主席', '县委常委、组织部部长', '县委常委、宣传部部长', '县委常委、政法委书记', '县委常委、统战部部长',
  ];
  const leaderCount = Math.min(countyWaters.length, 6 + Math.ceil(countyWaters.length / 4));
  interface Leader { current: Chief; previous: Chief | null; handover: number }
  const leaders: Leader[] = [];
  const leaderTitle = (k: number) => (k < leaderTitles.length ? leaderTitles[k]! : rC.pick(['副县长', '县人大常委会副主任', '县政协副主席']));
  for (let k = 0; k < leaderCount; k++) {
    const title = leaderTitle(k);
    if (rC.chance(0.2)) {
      const s0 = ROLLOUT + rC.int(0, 200);
      const e = rC.int(toDay('2019-06-01'), AS_OF - 60);
      const previous = newChief(county, title, 'leader', s0, e);
      const current = newChief(county, title, 'leader', e + rC.int(1, 30), null);
      leaders.push({ current, previous, handover: e });
    } else {
      leaders.push({ current: newChief(county, title, 'leader', ROLLOUT + rC.int(0, 200), null), previous: null, handover: 0 });
    }
  }
  // general chief (with a predecessor) and deputies on the main river
  {
    const main = waters[0]!;
    const e = rC.int(toDay('2020-06-01'), toDay('2023-06-30'));
    const oldGeneral = newChief(county, '县委书记', 'leader', ROLLOUT, e);
    assign(oldGeneral, main, null, 'general_chief', ROLLOUT, e, '全面负责全县河湖长制工作，组织研究解决重大问题，督促落实河湖管理保护目标任务');
    const s1 = e + rC.int(5, 40);
    const general = newChief(county, '县委书记', 'leader', s1, null);
    assign(general, main, null, 'general_chief', s1, null, '全面负责全县河湖长制工作，组织研究解决重大问题，督促落实河湖管理保护目标任务');
    const mayor = newChief(county, '县长', 'leader', ROLLOUT + rC.int(200, 1500), null);
    assign(mayor, main, null, 'deputy_general_chief', mayor.from, null, '协助总河长统筹推进河湖长制工作，组织实施河湖管理保护重点任务');
    for (let k = 0; k < Math.min(2, countyWaters.length - 1); k++) {
      const d = newChief(county, k === 0 ? '县委副书记' : '常务副县长', 'leader', ROLLOUT + rC.int(0, 2000), null);
      assign(d, waters[k + 1]!, null, 'deputy_general_chief', d.from, null, '协助总河长统筹推进河湖长制工作，分管相关河湖问题整治');
    }
  }
  const deptHeads = ['县水利局局长', '县生态环境分局局长', '县农业农村局局长', '县住房和城乡建设局局长', '县自然资源和规划局局长', '县林业局局长', '县交通运输局局长', '县公安局副局长'];
  const deptChiefs: Chief[] = [];
  for (let w = 0; w < countyWaters.length; w++) {
    const water = countyWaters[w]!;
    const leader = leaders[w % leaders.length]!;
    if (leader.previous) {
      const s0 = Math.max(leader.previous.from, ROLLOUT + rC.int(0, 200));
      assign(leader.previous, water, null, 'chief', s0, leader.handover, chiefDuties(water));
      assign(leader.current, water, null, 'chief', leader.current.from, null, chiefDuties(water));
    } else {
      assign(leader.current, water, null, 'chief', leader.current.from + rC.int(0, 60), null, chiefDuties(water));
    }
    if (rC.chance(0.5)) {
      const k = w % deptHeads.length;
      let head = deptChiefs[k];
      if (!head) {
        head = newChief(county, deptHeads[k]!, 'leader', ROLLOUT + rC.int(0, 900), null);
        deptChiefs[k] = head;
      }
      assign(head, water, null, 'deputy_chief', head.from + rC.int(0, 90), null, `协助河长做好${water.name}管理保护，落实部门职责范围内的整治任务`);
    }
    for (const s of water.segments) {
      const seg = segments[s]!;
      post(seg.region, townPosition(seg.region), 'leader', water, seg, 'segment_chief', segDuties(seg));
    }
  }
  // township and village waters: a chief each, a segment chief per segment
  for (const water of waters) {
    if (water.level === 'county') continue;
    const home = water.level === 'township' ? townships[water.town]! : villages[water.chain[0]!]!;
    post(home, water.level === 'township' ? townPosition(home) : villagePosition(home), 'leader', water, null, 'chief', chiefDuties(water));
    for (const s of water.segments) {
      const seg = segments[s]!;
      post(seg.region, villagePosition(seg.region), 'leader', water, seg, 'segment_chief', segDuties(seg));
    }
  }
  // keepers, patrollers, civic chiefs and deputies until the chief count is reached
  const occupations = ['退休教师', '企业负责人', '志愿者', '村民代表', '人大代表', '政协委员', '乡贤', '渔民'];
  const allTownWaters = waters.filter((w) => w.level === 'township');
  while (chiefs.length < sz.chiefs) {
    const v = rC.int(0, villages.length - 1);
    const vil = villages[v]!;
    const town = townships[vil.town]!;
    const role = rC.weighted([['keeper', 0.5], ['patroller', 0.3], ['civic_chief', 0.12], ['deputy_chief', 0.08]] as const);
    if (role === 'keeper' || role === 'patroller') {
      const near = watersByVillage[v]!.length > 0 ? watersByVillage[v]! : townWatersByTown[vil.town]!;
      if (near.length === 0) continue;
      const water = waters[rC.pick(near)]!;
      const seg = water.segments.map((s) => segments[s]!).find((s) => s.region === vil) ?? null;
      const place = seg ? seg.name : water.name;
      if (role === 'keeper') {
        post(vil, () => `${vil.name}河道专管员`, 'keeper', water, seg, 'keeper', `负责${place}日常巡查、保洁，发现问题及时报告`);
      } else {
        post(vil, () => `${vil.name}巡河员`, 'patroller', water, seg, 'patroller', `按要求巡查${place}，记录巡河情况，上报发现的问题`);
      }
    } else if (role === 'civic_chief') {
      const near = [...countyRiversByTown[vil.town]!, ...townWatersByTown[vil.town]!];
      const water = waters[near.length > 0 ? rC.pick(near) : rC.pick(countyWaters).i]!;
      post(vil, () => `民间河长（${rC.pick(occupations)}）`, 'civic', water, null, 'civic_chief', `监督${water.name}管理保护工作，收集反映群众意见`);
    } else {
      const near = townWatersByTown[vil.town]!;
      const water = near.length > 0 ? waters[rC.pick(near)]! : rC.pick(allTownWaters);
      const { deputy } = townTitles(town);
      post(town, () => town.name + deputy, 'leader', water, null, 'deputy_chief', `协助河长做好${water.name}管理保护，落实部门职责范围内的整治任务`);
    }
  }
  // tenure of each chief, from their assignments
  for (const c of chiefs) c.to = null;
  {
    const last = new Map<Chief, number | null>();
    for (const a of assignments) {
      const prev = last.get(a.chief);
      if (prev === null) continue;
      last.set(a.chief, a.end === null ? null : Math.max(prev ?? a.end, a.end));
    }
    for (const [c, end] of last) c.to = end;
  }
  {
    const f = csv('chiefs.csv', ['id', 'name', 'position', 'region', 'phone', 'verified']);
    for (const c of chiefs) f.row([c.id, c.name, c.position, c.region.code, c.phone, fmtDay(c.verified)]);
    done(f, 'chiefs');
    const g = csv('assignments.csv', ['chief', 'water', 'segment', 'role', 'start', 'end', 'duties']);
    for (const a of assignments) {
      g.row([a.chief.id, a.water.id, a.segment?.id ?? '', a.role, fmtDay(a.start), a.end === null ? '' : fmtDay(a.end), a.duties]);
    }
    done(g, 'assignments');
  }

  // ------------------------------------------------------------ stations
  const rSt = new Rng(seed, 'stations');
  const stations: Station[] = [];
  {
    const stationNames = new Set<string>();
    const uniqueName = (n: string) => {
      let name = n;
      let k = 2;
      while (stationNames.has(name)) name = `${n.replace(/断面$/, '')}${k++}${n.endsWith('断面') ? '断面' : ''}`;
      stationNames.add(name);
      return name;
    };
    interface Spot { water: Water; pos: number }
    const spots: Spot[] = [];
    for (const w of countyWaters) {
      const n = isLine(w.kind) ? Math.min(w.chain.length, 1 + Math.floor(w.chain.length / 2) + (w.i === 0 ? 1 : 0)) : rSt.int(1, 2);
      for (let k = 0; k < n; k++) spots.push({ water: w, pos: n === 1 ? w.chain.length - 1 : Math.round((k * (w.chain.length - 1)) / (n - 1)) });
    }
    const rest = rSt.shuffle(waters.filter((w) => w.level === 'township'));
    for (const w of rest) spots.push({ water: w, pos: rSt.int(0, w.chain.length - 1) });
    const small = rSt.shuffle(waters.filter((w) => w.level === 'village' && w.kind !== 'other'));
    for (const w of small) {
      if (spots.length >= sz.stations) break;
      spots.push({ water: w, pos: 0 });
    }
    const width = Math.max(4, String(sz.stations).length);
    for (const { water: w, pos } of spots.slice(0, sz.stations)) {
      const regs = regionsOf(w);
      const region = regs[Math.min(pos, regs.length - 1)]!;
      let kind: StationKind;
      let target = w.target;
      let name: string;
      const n = stations.length;
      if (w.kind === 'reservoir' && w.target === 'II' && rSt.chance(0.8)) {
        kind = 'drinking_source';
        name = `${w.name}取水口`;
      } else if (!isLine(w.kind)) {
        kind = w.level === 'county' ? rSt.weighted([['provincial', 0.3], ['municipal', 0.4], ['county', 0.3]] as const) : 'county';
        name = w.kind === 'reservoir' ? `${w.name}坝前` : `${w.name}${w.kind === 'pond' ? '塘心' : '湖心'}`;
      } else if (w.level === 'county') {
        const last = pos === w.chain.length - 1;
        if (n === 0) kind = 'national';
        else if (last && w.parent < 0) kind = rSt.chance(0.5) ? 'provincial' : 'boundary';
        else kind = rSt.weighted([['boundary', 0.4], ['municipal', 0.3], ['county', 0.3], ['provincial', 0.05]] as const);
        if (kind === 'boundary' && pos > 0) name = `${w.name}${regs[pos - 1]!.short}${region.short}交界断面`;
        else if (last && w.parent < 0) name = `${w.name}出境断面`;
        else name = `${w.name}${region.short}断面`;
      } else if (w.level === 'township') {
        kind = rSt.weighted([['county', 0.7], ['municipal', 0.2], ['boundary', 0.1]] as const);
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
      stations.push({ id: `dm${pad(n + 1, width)}`, name: uniqueName(name), water: w, region, kind, target, lon, lat, waterbody });
    }
    const f = csv('stations.csv', ['id', 'name', 'water', 'region', 'kind', 'target_class', 'lat', 'lon', 'waterbody']);
    for (const s of stations) {
      f.row([s.id, s.name, s.water.id, s.region.code, s.kind, s.target, s.lat === null ? '' : fixed(s.lat, 5), s.lon === null ? '' : fixed(s.lon, 5), s.waterbody]);
    }
    done(f, 'stations');
  }

  // ------------------------------------------------------------ readings
  {
    const rR = new Rng(seed, 'readings');
    const lastMonth = monthOfDay(AS_OF);
    const firstMonth = lastMonth - sz.months + 1;
    interface Model {
      q0: number; ar: number; full: boolean; fecal: boolean; transparency: boolean; orp: boolean; monthOnly: boolean;
      day: number; lake: boolean; black: boolean;
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
        q0: Math.max(-0.3, q0), ar: 0, full, fecal: full || rR.chance(0.2), lake, black,
        transparency: lake || black || rR.chance(0.12), orp: black || rR.chance(0.08), monthOnly: rR.chance(0.2),
        day: rR.int(5, 18),
      };
    });
    const header = ['station', 'date', ...READING_ITEM_KEYS];
    const cells: string[] = new Array(header.length).fill('');
    const col = new Map<string, number>(header.map((h, k) => [h, k]));
    const set = (item: ReadingItem, v: string) => {
      cells[col.get(item)!] = v;
    };
    for (let year = Math.floor(firstMonth / 12); year <= Math.floor(lastMonth / 12); year++) {
      const f = csv(`readings/${year}.csv`, header);
      for (let si = 0; si < stations.length; si++) {
        const s = stations[si]!;
        const m = models[si]!;
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
            if (d > AS_OF) d = AS_OF;
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
          if (m.fecal && (m.full || quarterly)) set('fecal_coliform', String(Math.round(ITEM_MODEL.fecal_coliform.at(qi(0.6, 0.6)) / 10) * 10));
          if (m.transparency) {
            const tr = m.black ? rR.range(6, 24) : 170 * Math.exp(-0.42 * Math.max(0, q)) * (1 + rR.normal() * 0.12);
            set('transparency_cm', String(Math.max(5, Math.round(tr))));
          }
          if (m.orp) {
            const orp = m.black ? rR.range(-260, 40) : 260 - 45 * q + rR.normal() * 30;
            set('orp_mv', String(Math.round(orp)));
          }
          f.row(cells);
        }
      }
      done(f, 'readings');
    }

    function item(key: keyof typeof ITEM_MODEL, q: number): string {
      const model = ITEM_MODEL[key];
      const v = model.at(q) * (1 + rR.normal() * 0.04);
      if (model.dl !== null && v < model.dl) return `${model.dl}L`;
      return sig(v, 3);
    }
  }

  // ------------------------------------------------------------ cases and their events
  const caseStatusCount: Record<string, number> = {};
  let overdue = 0;
  let closedCases = 0;
  {
    const rK = new Rng(seed, 'cases');
    const weights = waters.map((w) => (w.level === 'county' ? 10 : w.level === 'township' ? 3 : 1) * (w.kind === 'river' ? 1.5 : 1));
    const pickWater = new WeightedIndex(weights);
    const span = AS_OF - toDay('2022-01-01');
    const found: number[] = [];
    for (let k = 0; k < sz.cases; k++) found.push(AS_OF - Math.floor(span * rK.next() ** 1.6));
    found.sort((a, b) => a - b);
    const f = csv('cases.csv', [
      'id', 'title', 'water', 'segment', 'region', 'found', 'source', 'category', 'description', 'responsible', 'deadline',
      'report_ref', 'lat', 'lon', 'photos',
    ]);
    const ev = csv('case-events.csv', ['case', 'date', 'status', 'note', 'by']);
    const seqByYear = new Map<number, number>();
    const refByDay = new Map<number, number>();
    const idWidth = Math.max(5, String(sz.cases).length);
    for (const day of found) {
      const year = Number(fmtDay(day).slice(0, 4));
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const id = `wt${year}-${pad(seq, idWidth)}`;
      const w = waters[pickWater.draw(rK)]!;
      const seg = w.segments.length > 0 && rK.chance(0.7) ? segments[rK.pick(w.segments)]! : null;
      const region = seg ? seg.region : rK.pick(regionsOf(w));
      const town = region.level === 'township' ? region : townships[region.town]!;
      const source = rK.weighted(CASE_SOURCES);
      const category = rK.weighted(w.polygon ? CASE_CATEGORIES_LAKE : CASE_CATEGORIES);
      const place = seg ? seg.name : `${w.name}${region.name}段`;
      const tpl = CASE_TEXT[category];
      const title = rK.pick(tpl.titles).replace('{w}', w.name).replace('{p}', place);
      const detail = rK.pick(tpl.details).replace('{n}', String(rK.int(3, 60))).replace('{m}', String(rK.int(20, 400)));
      const responsible = tpl.dept === 'town' ? townGov(town) : rK.chance(0.7) ? tpl.dept : townGov(town);
      const deadline = day + rK.int(tpl.days[0], tpl.days[1]);
      let reportRef = '';
      if (source === 'report') {
        const n = (refByDay.get(day) ?? 0) + 1;
        refByDay.set(day, n);
        reportRef = `JB${fmtDay(day).replaceAll('-', '')}${pad(n, 3)}`;
      }
      let lat = '';
      let lon = '';
      if (rK.chance(0.6)) {
        const g = w.geom;
        const k = rK.int(0, g.length / 2 - 1);
        lon = fixed(g[2 * k]! + rK.range(-0.002, 0.002), 5);
        lat = fixed(g[2 * k + 1]! + rK.range(-0.002, 0.002), 5);
      }
      const srcText = SOURCE_TEXT[source];
      f.row([
        id, title, w.id, seg?.id ?? '', region.code, fmtDay(day), source, category,
        `${srcText}：${title}。${detail}`, responsible, fmtDay(deadline), reportRef, lat, lon, '',
      ]);

      // the life of the case, cut at as_of
      const events: [number, CaseStatus, string, string][] = [];
      const reportedBy = source === 'patrol' || source === 'inspection' ? `${town.name}河长办` : HEZHANGBAN;
      events.push([day, 'reported', source === 'report' ? `群众通过${rK.pick(['12345热线', '12314平台', '12369热线', '公示牌监督电话', '网上举报'])}反映，已登记` : `${srcText}，已登记`, reportedBy]);
      const dAssigned = day + rK.weighted([[0, 0.35], [1, 0.3], [2, 0.2], [3, 0.1], [5, 0.05]] as const);
      events.push([dAssigned, 'assigned', `交办${responsible}，限${fmtDay(deadline)}前整改到位`, HEZHANGBAN]);
      const dRect = dAssigned + rK.int(0, 5);
      events.push([dRect, 'rectifying', '已制定整改方案，正在整改', responsible]);
      const allowed = deadline - day;
      const stuck = rK.chance(0.025);
      if (!stuck) {
        let dur = Math.round(allowed * rK.range(0.3, 0.95));
        if (rK.chance(0.14)) dur = Math.round(allowed * rK.range(1.1, 3));
        let dSub = Math.max(dRect + 1, day + dur);
        events.push([dSub, 'submitted', '整改完成，申请验收销号', responsible]);
        if (rK.chance(0.12)) {
          const dRej = dSub + rK.int(3, 15);
          events.push([dRej, 'rejected', rK.pick(['现场复核整改不到位，退回继续整改', '问题出现反弹，退回整改', '整改佐证材料不全，退回补充整改']), HEZHANGBAN]);
          const dRect2 = dRej + rK.int(3, 25);
          events.push([dRect2, 'rectifying', '按复核意见继续整改', responsible]);
          dSub = dRect2 + rK.int(5, 40);
          events.push([dSub, 'submitted', '再次整改完成，申请验收销号', responsible]);
        }
        events.push([dSub + rK.int(2, 15), 'closed', '经现场验收合格，予以销号', HEZHANGBAN]);
      }
      let status: CaseStatus = 'reported';
      for (const [d, st, note, by] of events) {
        if (d > AS_OF) break;
        ev.row([id, fmtDay(d), st, note, by]);
        status = st;
      }
      caseStatusCount[status] = (caseStatusCount[status] ?? 0) + 1;
      if (status === 'closed') closedCases++;
      else if (AS_OF > deadline) overdue++;
    }
    done(f, 'cases');
    done(ev, 'case-events');
  }

  // ------------------------------------------------------------ inspections
  const rI = new Rng(seed, 'inspections');
  interface Period { key: string; doc: string; date: number; start: number; end: number; yearly: boolean }
  const periods: Period[] = [];
  {
    let q = Math.floor(monthOfDay(AS_OF) / 3); // quarter count
    while (dayOf(Math.floor((q * 3 + 3) / 12), ((q * 3 + 3) % 12) + 1, 1) + 10 > AS_OF) q--;
    for (let k = sz.inspectionPeriods - 1; k >= 0; k--) {
      const qq = q - k;
      const y = Math.floor(qq / 4);
      const n = (qq % 4) + 1;
      const start = dayOf(y, (n - 1) * 3 + 1, 1);
      const end = dayOf(Math.floor((qq * 3 + 3) / 12), ((qq * 3 + 3) % 12) + 1, 1) - 1;
      periods.push({ key: `${y}-Q${n}`, doc: `tb-${y}-q${n}`, date: Math.min(AS_OF, end + rI.int(10, 20)), start, end, yearly: false });
    }
    const y = Math.floor(monthOfDay(AS_OF) / 12) - 1;
    periods.unshift({ key: String(y), doc: `tb-${y}`, date: dayOf(y + 1, 1, 20) + rI.int(0, 20), start: dayOf(y, 1, 1), end: dayOf(y, 12, 31), yearly: true });
  }
  const townScores = new Map<string, { name: string; score: number; rank: number; result: string }[]>();
  {
    const f = csv('inspections.csv', ['id', 'period', 'date', 'subject_kind', 'subject', 'score', 'rank', 'result', 'document', 'note']);
    const skill = townships.map(() => 84 + rI.normal() * 5);
    const grade = (s: number) => INSPECTION_GRADES.find(([, min]) => s >= min)![0];
    // The grade of a score as written (one decimal): 79.96 is written 80, which is 良好.
    const result = (s: number) => grade(Number(fixed(s, 1)));
    const note = (r: string) =>
      r === '不合格' ? rI.pick(['巡河不到位，交办问题整改滞后', '考核断面水质未达标，问题整改不力', '公示牌信息未及时更新，台账不完整'])
        : r === '优秀' ? rI.pick(['', '', '河湖长制工作机制健全，问题整改及时']) : '';
    let seq = 0;
    const write = (p: Period, kind: 'region' | 'chief' | 'water', subjects: { id: string; score: number }[]) => {
      // Ranked by the unrounded score: rounding never reverses two scores, so a higher score as written never ranks lower.
      const ranked = [...subjects].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      const rank = new Map(ranked.map((s, k) => [s.id, k + 1]));
      for (const s of subjects) {
        const r = result(s.score);
        // The note is drawn for the grade of the unrounded score, as it always was, so the random
        // numbers drawn (and every later row) stay the same; it is kept only when that grade is r.
        const unrounded = grade(s.score);
        const drawn = note(unrounded);
        seq++;
        f.row([`kh${pad(seq, 6)}`, p.key, fmtDay(p.date), kind, s.id, fixed(s.score, 1), rank.get(s.id)!, r, p.doc, unrounded === r ? drawn : '']);
      }
      return rank;
    };
    const currentLeaders = chiefs.filter((c) => c.kind === 'leader' && c.to === null && c.region.level !== 'county');
    for (const p of periods) {
      const ts = townships.map((t, k) => ({ id: t.code, score: Math.min(99, Math.max(45, skill[k]! + rI.normal() * 3)) }));
      const rank = write(p, 'region', ts);
      townScores.set(p.doc, ts.map((s, k) => ({ name: townships[k]!.name, score: s.score, rank: rank.get(s.id)!, result: result(s.score) })));
      if (p.yearly) continue;
      const nChiefs = Math.max(3, Math.round(chiefs.length * 0.02));
      const eligible = currentLeaders.filter((c) => c.from <= p.start);
      const picked = new Set<Chief>();
      while (picked.size < Math.min(nChiefs, eligible.length)) picked.add(rI.pick(eligible));
      write(p, 'chief', [...picked].sort((a, b) => a.i - b.i).map((c) => ({ id: c.id, score: Math.min(99.5, Math.max(40, 84 + rI.normal() * 7)) })));
      write(p, 'water', countyWaters.map((w) => ({ id: w.id, score: Math.min(99.5, Math.max(40, 85 + rI.normal() * 6)) })));
    }
    done(f, 'inspections');
  }

  // ------------------------------------------------------------ patrols
  let patrolMonths = 0;
  let patrolMet = 0;
  {
    const rP = new Rng(seed, 'patrols');
    const last = monthOfDay(AS_OF);
    const first = last - sz.patrolMonths + 1;
    const required: Record<RegionLevel, number> = { county: 1, township: 1, village: 4 };
    const f = csv('patrols.csv', ['chief', 'month', 'count', 'km', 'issues_found']);
    for (const c of chiefs) {
      const level = c.region.level;
      for (let mi = first; mi <= last; mi++) {
        const y = Math.floor(mi / 12);
        const m = (mi % 12) + 1;
        const ms = dayOf(y, m, 1);
        const me = ms + daysInMonth(y, m) - 1;
        if (c.from > me || (c.to !== null && c.to < ms)) continue;
        const need = required[level];
        let count: number;
        if (c.kind === 'keeper' || c.kind === 'patroller') count = rP.chance(0.03) ? rP.int(0, need - 1) : rP.int(8, 22);
        else if (c.kind === 'civic') count = need + rP.int(0, 3);
        else if (rP.chance(0.05)) count = rP.int(0, need - 1);
        else count = need + rP.int(0, level === 'village' ? 4 : 2);
        const perKm = level === 'county' ? rP.range(3, 12) : level === 'township' ? rP.range(2, 8) : rP.range(1, 4);
        const issues = count === 0 ? 0 : Math.floor(count * rP.range(0, 0.35));
        f.row([c.id, fmtMonth(mi), count, fixed(count * perKm, 1), issues]);
        if (c.kind !== 'civic') {
          patrolMonths++;
          if (count >= need) patrolMet++;
        }
      }
    }
    done(f, 'patrols');
  }

  // ------------------------------------------------------------ actions
  {
    const rA = new Rng(seed, 'actions');
    const n = Math.max(2, Math.round(chiefs.length * sz.actionShare));
    const from = AS_OF - 730;
    const ended = chiefs.filter((c) => c.to !== null && c.to >= from && c.kind === 'leader');
    const active = chiefs.filter((c) => c.kind === 'leader' && (c.to === null || c.to >= from));
    const rows: [number, string, string, string, string][] = [];
    const quarterDoc = (d: number) => periods.find((p) => !p.yearly && d >= p.date && d <= p.date + 45)?.doc ?? '';
    for (let k = 0, tries = 0; k < n && tries < n * 20; k++, tries++) {
      let kind = rA.weighted([['约谈', 0.55], ['通报批评', 0.25], ['警告', 0.1], ['免职', 0.04], ['other', 0.06]] as const);
      if (kind === '免职' && ended.length > 0) {
        const c = rA.pick(ended);
        rows.push([c.to!, c.id, kind, rA.pick(ACTION_REASONS['免职']), '']);
        continue;
      }
      if (kind === '免职') kind = '警告';
      const c = rA.pick(active);
      const lo = Math.max(from, c.from + 30);
      const hi = c.to ?? AS_OF;
      if (lo > hi) {
        k--;
        continue;
      }
      const d = rA.int(lo, hi);
      rows.push([d, c.id, kind, rA.pick(ACTION_REASONS[kind]), kind === '通报批评' ? quarterDoc(d) : '']);
    }
    rows.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const f = csv('actions.csv', ['date', 'chief', 'kind', 'reason', 'document']);
    for (const r of rows) f.row([fmtDay(r[0]), r[1], r[2], r[3], r[4]]);
    done(f, 'actions');
  }

  // ------------------------------------------------------------ targets
  {
    const rT = new Rng(seed, 'targets');
    const f = csv('targets.csv', ['id', 'name', 'unit', 'direction', 'baseline', 'baseline_date', 'target', 'deadline', 'current', 'current_date', 'document']);
    const currentDate = fmtDay(AS_OF);
    const lastQuarterEnd = fmtDay(periods[periods.length - 1]!.end);
    const closedRate = fixed((closedCases / sz.cases) * 100, 1);
    const patrolRate = fixed((patrolMet / Math.max(1, patrolMonths)) * 100, 1);
    const list: (string | number)[][] = [
      ['water-quality-good', '地表水考核断面水质优良（Ⅲ类及以上）比例', '%', 'up', 78.5, '2020-12-31', 90, '2027-12-31', fixed(84 + rT.range(0, 4), 1), lastQuarterEnd, 'gzfa-2024'],
      ['worse-than-v', '劣Ⅴ类水体比例', '%', 'down', 4.2, '2020-12-31', 0, '2027-12-31', fixed(rT.range(0.5, 2), 1), lastQuarterEnd, 'gzfa-2024'],
      ['drinking-water', '县级集中式饮用水水源地水质达标率', '%', 'up', 95, '2020-12-31', 100, '2025-12-31', 100, lastQuarterEnd, 'gzfa-2024'],
      ['black-odorous', '城市黑臭水体比例', '%', 'down', 12.5, '2020-12-31', 0, '2027-12-31', fixed(rT.range(1, 4), 1), lastQuarterEnd, 'gzfa-2024'],
      ['cases-closed', '河湖问题整改销号率', '%', 'up', 72, '2021-12-31', 95, '2026-12-31', closedRate, currentDate, 'khbf-2025'],
      ['patrol-compliance', '河长巡河达标率', '%', 'up', 85, '2021-12-31', 98, '2026-12-31', patrolRate, currentDate, 'xhzd-2023'],
      ['function-zones', '重要水功能区水质达标率', '%', 'up', 80, '2020-12-31', 95, '2027-12-31', fixed(88 + rT.range(0, 5), 1), lastQuarterEnd, 'gzfa-2024'],
      ['boundary-demarcation', '河湖管理范围划界完成率', '%', 'up', 60, '2018-12-31', 100, '2022-12-31', 100, '2022-12-31', 'gzfa-2017'],
      ['rural-sewage', '农村生活污水治理率', '%', 'up', 45, '2020-12-31', 75, '2027-12-31', fixed(62 + rT.range(0, 8), 1), lastQuarterEnd, 'gzfa-2024'],
      ['small-watersheds', '小流域水质Ⅲ类及以上比例', '%', 'up', 70, '2020-12-31', 90, '2027-12-31', fixed(80 + rT.range(0, 6), 1), lastQuarterEnd, ''],
    ];
    for (const r of list.slice(0, sz.targets)) f.row(r);
    done(f, 'targets');
  }

  // ------------------------------------------------------------ documents
  {
    const rD = new Rng(seed, 'documents');
    let docCount = 0;
    const writeDoc = (id: string, fm: DocFront, body: string) => {
      const lines = ['---', `title: ${yamlStr(fm.title)}`];
      if (fm.number) lines.push(`number: ${yamlStr(fm.number)}`);
      lines.push(`issuer: ${yamlStr(fm.issuer)}`, `date: ${fmtDay(fm.date)}`, `status: ${fm.status}`, `kind: ${fm.kind}`);
      if (fm.waters && fm.waters.length > 0) {
        lines.push('waters:');
        for (const w of fm.waters) lines.push(`  - ${w}`);
      }
      if (fm.supersedes) lines.push(`supersedes: ${fm.supersedes}`);
      lines.push('---', '', body.trim(), '');
      const text = lines.join('\n');
      writeFileSync(join(out, 'documents', `${id}.md`), text);
      bytes += Buffer.byteLength(text);
      docCount++;
    };
    mkdirSync(join(out, 'documents'), { recursive: true });
    const num = (year: number, n: number, org = '县河长办') => `示例${org.replace(/^县/, '')}〔${year}〕${n}号`;
    writeDoc('gzfa-2017', {
      title: `${COUNTY_NAME}全面推行河长制工作方案`, number: '示委办发〔2017〕21号', issuer: '中共示例县委办公室　示例县人民政府办公室',
      date: toDay('2017-04-10'), status: 'repealed', kind: 'plan',
    }, planBody(COUNTY_NAME, 2017, waters.slice(0, 5)));
    writeDoc('gzfa-2024', {
      title: `${COUNTY_NAME}进一步强化河湖长制工作方案（2024—2027年）`, number: '示委办发〔2024〕9号', issuer: '中共示例县委办公室　示例县人民政府办公室',
      date: toDay('2024-03-15'), status: 'in_force', kind: 'plan', supersedes: 'gzfa-2017',
    }, planBody(COUNTY_NAME, 2024, waters.slice(0, 5)));
    writeDoc('xhzd-2023', {
      title: `${COUNTY_NAME}河湖长巡河工作制度`, number: num(2023, 3), issuer: OFFICE, date: toDay('2023-05-08'), status: 'in_force', kind: 'rules',
    }, patrolRulesBody());
    writeDoc('khbf-2025', {
      title: `${COUNTY_NAME}河湖长制工作考核办法`, number: num(2025, 2), issuer: OFFICE, date: toDay('2025-01-20'), status: 'in_force', kind: 'rules',
    }, assessmentBody(false));
    writeDoc('khbf-2026-zqyj', {
      title: `${COUNTY_NAME}河湖长制工作考核办法（修订征求意见稿）`, issuer: OFFICE, date: Math.min(AS_OF, toDay('2026-09-20')), status: 'draft', kind: 'rules',
    }, assessmentBody(true));
    let n = 10;
    for (const p of periods) {
      const scores = townScores.get(p.doc)!;
      writeDoc(p.doc, {
        title: `关于${p.yearly ? `${p.key}年度` : `${p.key.replace('-Q', '年第')}季度`}河湖长制工作考核结果的通报`,
        number: num(Number(fmtDay(p.date).slice(0, 4)), n++), issuer: OFFICE, date: p.date, status: 'in_force', kind: 'notice',
      }, noticeBody(p.yearly ? `${p.key}年度` : p.key.replace('-Q', '年第') + '季度', p.yearly, scores));
    }
    {
      const y = Math.floor(monthOfDay(AS_OF) / 12) - 1;
      writeDoc(`ndbg-${y}`, {
        title: `${COUNTY_NAME}${y}年度河湖长制工作报告`, issuer: OFFICE, date: dayOf(y + 1, 1, 28), status: 'in_force', kind: 'report',
      }, reportBody(y, closedCases, overdue, stations.length, waters.length, chiefs.length));
    }
    let k = 30;
    for (const [doc, ws] of planWaters) {
      const main = ws[0]!;
      const year = rD.pick([2023, 2024, 2025]);
      const date = dayOf(year, rD.int(3, 11), rD.int(1, 28));
      const issuer = main.level === 'county' ? OFFICE : `${townships[main.town]!.name}河长制办公室`;
      writeDoc(doc, {
        title: `${main.name}“一河一策”实施方案（${year}—${year + 2}年）`, number: num(year, k++), issuer, date, status: 'in_force',
        kind: 'one_river_one_policy', waters: ws.map((w) => w.id),
      }, policyBody(main, ws.slice(1), year, rD));
    }
    counts.documents = docCount;
  }

  // ------------------------------------------------------------ geometry
  {
    const f = new ChunkedFile(join(out, 'geo', 'waters.geojson'));
    f.write('{"type":"FeatureCollection","features":[\n');
    for (const w of waters) {
      const pts: string[] = [];
      for (let k = 0; k < w.geom.length; k += 2) pts.push(`[${fixed(w.geom[k]!, 5)},${fixed(w.geom[k + 1]!, 5)}]`);
      const geometry = w.polygon ? `{"type":"Polygon","coordinates":[[${pts.join(',')}]]}` : `{"type":"LineString","coordinates":[${pts.join(',')}]}`;
      f.write(`{"type":"Feature","properties":{"id":${JSON.stringify(w.id)},"name":${JSON.stringify(w.name)}},"geometry":${geometry}}${w.i < waters.length - 1 ? ',' : ''}\n`);
      f.rows++;
    }
    f.write(']}\n');
    f.close();
    bytes += f.bytes;
    counts.geojson = f.rows;
  }

  // ------------------------------------------------------------ site.yaml
  {
    const text = [
      `${GENERATED_MARK} --size ${sz.name} --seed ${seed}`,
      `name: ${COUNTY_NAME}河长制信息公开`,
      'url: https://hzz.example.org/',
      `area: "${COUNTY_CODE}"`,
      `as_of: ${asOf}`,
      'office:',
      `  name: ${OFFICE}`,
      `  address: ${COUNTY_NAME}${townships[0]!.name}滨江路1号水利大楼3楼`,
      '  phone: "0000-1234567"',
      '  email: hzb@example.org',
      '  hours: 工作日 8:30—12:00，14:30—17:30',
      'hotlines:',
      '  - { name: 河长制监督电话, number: "0000-1234568", scope: 河长履职、公示牌信息、河湖问题 }',
      '  - { name: 12345政务服务便民热线, number: "12345", scope: 各类政务服务诉求 }',
      '  - { name: 12314水利部监督举报, number: "12314", scope: 河湖乱占乱采乱堆乱建等 }',
      '  - { name: 12369环保举报, number: "12369", scope: 水污染、排污口等 }',
      'report:',
      '  endpoint: null',
      '  email: hzb@example.org',
      'rules:',
      '  escalation: { monthly: { 2: 约谈, 3: 通报批评 }, yearly: { 2: 警告, 3: 免职 } }',
      '  patrol_per_month: { county: 1, township: 1, village: 4 }',
      `  inspection_grades: { ${INSPECTION_GRADES.map(([name, min]) => `${name}: ${min}`).join(', ')} }`,
      '',
    ].join('\n');
    writeFileSync(join(out, 'site.yaml'), text);
    bytes += Buffer.byteLength(text);
  }

  return {
    sizes: sz, out, seed, asOf, bytes,
    counts: {
      ...counts,
      ...Object.fromEntries(Object.entries(caseStatusCount).sort().map(([k, v]) => [`cases.${k}`, v])),
      'cases.overdue': overdue,
    },
  };
}

// ================================================================ value models

/** The class limits of GB 3838 Table 1 (src/lib/gb3838.ts) for an item on a waterbody. */
function limitsOf(item: ReadingItem, waterbody: Waterbody): readonly number[] {
  const standard = standardFor(item, waterbody);
  if (!standard || standard.bound === 'range') throw new Error(`GB 3838 Table 1 has no class limits for ${item} (${waterbody})`);
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

// ================================================================ text

const CASE_SOURCES: readonly (readonly [CaseSource, number])[] = [
  ['patrol', 0.45], ['inspection', 0.18], ['report', 0.2], ['media', 0.05], ['audit', 0.04], ['other', 0.08],
];
const CASE_CATEGORIES: readonly (readonly [CaseCategory, number])[] = [
  ['garbage', 0.22], ['dumping', 0.12], ['encroachment', 0.1], ['illegal_building', 0.08], ['sand_mining', 0.04],
  ['sewage_outlet', 0.1], ['pollution', 0.08], ['black_odorous', 0.03], ['livestock', 0.07], ['sign_outdated', 0.06], ['other', 0.1],
];
const CASE_CATEGORIES_LAKE = CASE_CATEGORIES.filter(([c]) => c !== 'sand_mining' && c !== 'black_odorous');
const SOURCE_TEXT: Record<CaseSource, string> = {
  patrol: '河长巡河发现', inspection: '督查检查发现', report: '群众反映', media: '媒体报道', audit: '审计发现', other: '其他途径发现',
};
const CASE_TEXT: Record<CaseCategory, { titles: string[]; details: string[]; dept: string; days: [number, number] }> = {
  encroachment: {
    titles: ['{p}河道管理范围内违规种植农作物', '{w}岸线被违规占用堆放杂物', '{p}河道内违规设置网箱', '{w}管理范围内违规停放车辆'],
    details: ['占用岸线约{m}米。', '现场占用面积约{m}平方米。'], dept: 'town', days: [30, 90],
  },
  sand_mining: {
    titles: ['{p}疑似非法采砂', '{w}河道内有采砂船只夜间作业', '{p}河床被挖取砂石'],
    details: ['现场可见采挖坑塘{n}处。', '河床被挖深约{n}米，影响行洪安全。'], dept: '县水利局', days: [15, 60],
  },
  dumping: {
    titles: ['{p}河岸堆放建筑垃圾', '{w}岸坡倾倒渣土', '{p}河滩堆放废弃物料'],
    details: ['堆放量约{m}立方米。', '堆放面积约{m}平方米，部分已滑入河道。'], dept: 'town', days: [15, 30],
  },
  illegal_building: {
    titles: ['{p}管理范围内违章搭建棚屋', '{w}岸边违建临时厂房', '{p}河道内违规建设养殖用房'],
    details: ['建筑面积约{m}平方米。', '共{n}处违建，占用河道管理范围。'], dept: '县自然资源和规划局', days: [60, 180],
  },
  sewage_outlet: {
    titles: ['{p}发现不明排污口', '{w}沿岸雨污混接口雨天溢流', '{p}企业排口疑似偷排'],
    details: ['排口管径约{m}毫米，出水浑浊。', '晴天仍有污水排出，排入量约每日{n}吨。'], dept: '县生态环境分局', days: [30, 90],
  },
  pollution: {
    titles: ['{p}水体发白有异味', '{w}出现死鱼', '{p}水面漂浮油污'],
    details: ['影响河段长约{m}米。', '现场发现死鱼约{n}公斤。'], dept: '县生态环境分局', days: [15, 60],
  },
  garbage: {
    titles: ['{p}水面漂浮生活垃圾', '{w}岸坡堆积白色垃圾', '{p}河道内水葫芦大面积滋生'],
    details: ['漂浮面积约{m}平方米，主要为塑料袋、泡沫等。', '垃圾约{n}袋，散落在岸坡。'], dept: 'town', days: [7, 15],
  },
  black_odorous: {
    titles: ['{p}局部水体发黑发臭', '{w}支沟水体黑臭'],
    details: ['黑臭河段长约{m}米，透明度低。', '水体发黑，周边居民反映异味明显。'], dept: '县住房和城乡建设局', days: [90, 180],
  },
  livestock: {
    titles: ['{p}沿岸养殖场粪污直排', '{w}岸边散养畜禽污染水体'],
    details: ['养殖规模约{m}头。', '粪污经沟渠流入河道，距河岸约{n}米。'], dept: '县农业农村局', days: [30, 90],
  },
  sign_outdated: {
    titles: ['{w}公示牌河长信息未更新', '{p}公示牌监督电话无法接通', '{w}公示牌破损字迹不清'],
    details: ['公示牌所列河长已调整岗位。', '公示牌设置位置不醒目。'], dept: 'town', days: [15, 30],
  },
  other: {
    titles: ['{p}护岸局部坍塌', '{w}河道行洪断面被树木阻挡', '{p}拦河堰坝存在安全隐患'],
    details: ['坍塌长度约{m}米。', '影响范围约{m}米，汛期存在隐患。'], dept: '县水利局', days: [15, 60],
  },
};
const ACTION_REASONS: Record<'约谈' | '通报批评' | '警告' | '免职' | 'other', string[]> = {
  约谈: ['所负责水体的考核断面连续两个月水质未达到目标', '连续两个月巡河次数未达到要求', '交办问题逾期未完成整改'],
  通报批评: ['考核断面连续三个月水质未达到目标', '季度考核结果为不合格', '群众反映问题整改不力、反弹回潮'],
  警告: ['连续两年考核断面水质未达到目标', '履职不力，辖区河道“四乱”问题突出'],
  免职: ['连续三年考核断面水质未达到目标，履职严重不力'],
  other: ['巡河记录弄虚作假，责令作出书面检查', '公示牌信息长期未更新，责令限期整改'],
};

function describe(w: Water, regions: Region[], parent: Water | null, rng: Rng): string {
  const names = regions.map((r) => r.name);
  const list = names.length > 4 ? `${names.slice(0, 4).join('、')}等地` : names.join('、');
  switch (w.kind) {
    case 'river':
    case 'canal':
    case 'other': {
      const noun = w.kind === 'canal' ? '渠道' : w.kind === 'other' ? '水体' : '河流';
      const mouth = parent ? `，于${names[names.length - 1]}汇入${parent.name}` : w.level === 'county' ? '，向东流出县境' : '';
      return `${w.name}为${w.level === 'county' ? '县级' : w.level === 'township' ? '乡镇级' : '村级'}${noun}，流经${list}${mouth}，境内长约${fixed(w.lengthKm ?? 0, 1)}公里。`;
    }
    case 'lake':
      return `${w.name}位于${list}，水面面积约${w.areaKm2}平方公里，${rng.pick(['具有调蓄、灌溉和生态功能', '是当地重要的湿地和鸟类栖息地', '承担防洪调蓄任务'])}。`;
    case 'reservoir':
      return `${w.name}位于${list}，是一座以${rng.pick(['供水、灌溉', '灌溉、防洪', '防洪、发电', '饮用水供水'])}为主的${w.level === 'county' ? rng.pick(['中型', '小（一）型']) : rng.pick(['小（一）型', '小（二）型'])}水库，水面面积约${w.areaKm2}平方公里。`;
    default:
      return `${w.name}位于${list}，为山塘，主要用于农田灌溉和抗旱。`;
  }
}

interface DocFront {
  title: string;
  number?: string;
  issuer: string;
  date: number;
  status: 'draft' | 'in_force' | 'repealed';
  kind: 'plan' | 'one_river_one_policy' | 'rules' | 'notice' | 'report' | 'other';
  waters?: string[];
  supersedes?: string;
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function yamlStr(s: string): string {
  return JSON.stringify(s);
}

function planBody(county: string, year: number, main: Water[]): string {
  const names = main.map((w) => w.name).join('、');
  return `
## 一、总体要求

以改善水环境质量、保障水安全为目标，在全县${year >= 2024 ? '进一步强化' : '全面推行'}河湖长制，构建责任明确、协调有序、监管严格、保护有力的河湖管理保护机制。

## 二、组织体系

全县设立县、乡镇（街道）、村（社区）三级河长体系。县委、县政府主要负责同志担任总河长、副总河长；${names}等县级河湖由县级领导担任河长；各乡镇（街道）、村（社区）按属地设立河长、河段长，配备河道专管员。

县河长制办公室设在县水利局，负责组织、协调、监督、考核等日常工作。

## 三、主要任务

1. 加强水资源保护，落实最严格水资源管理制度。
2. 加强河湖水域岸线管理，持续清理整治“四乱”问题。
3. 加强水污染防治，排查整治入河排污口。
4. 加强水环境治理，消除黑臭水体。
5. 加强水生态修复，推进幸福河湖建设。
6. 加强执法监管，严厉打击涉河湖违法行为。

## 四、工作步骤

- 动员部署阶段（${year}年4月至6月）
- 全面推进阶段（${year}年7月至${year + 1}年12月）
- 检查落实阶段（${year + 2}年）
- 验收总结阶段（${year + 3}年）

## 五、保障措施

加强组织领导，健全工作机制，强化考核问责，加强社会监督。在河湖显著位置设立河长公示牌，公布河长姓名、职责、监督电话等内容，接受社会监督。${county}河长制办公室定期通报工作进展。
`;
}

function patrolRulesBody(): string {
  return `
## 第一条 巡河频次

县级河长每月巡河不少于1次，乡镇（街道）级河长每月不少于1次，村（社区）级河长每月不少于4次。河道专管员、巡河员按日常保洁要求巡查。

## 第二条 巡河内容

重点检查水面漂浮物、岸线占用、违法采砂、违章建筑、入河排污口、水质异常和公示牌信息等情况。

## 第三条 问题处置

巡河发现的问题应当当场记录并上报，能当场处置的及时处置；不能处置的，报河长制办公室交办。

## 第四条 巡河记录

巡河情况通过巡河记录如实填写，河长制办公室每月统计巡河次数，纳入年度考核。
`;
}

function assessmentBody(draft: boolean): string {
  return `
## 一、考核对象

各乡镇（街道）、县级河长制成员单位${draft ? '，以及各级河长' : ''}。

## 二、考核内容

| 项目 | 分值 |
|---|---|
| 组织体系与制度建设 | 15 |
| 河长履职（巡河、问题处置） | 25 |
| 水质达标情况 | 30 |
| 问题整改销号 | 20 |
| 公众参与与信息公开 | 10 |

## 三、考核方式

实行季度检查、年度考核。季度检查结果按得分排名通报；年度考核得分90分及以上为优秀，80分及以上、不满90分为良好，60分及以上、不满80分为合格，不满60分为不合格。

## 四、结果运用

考核断面连续两个月未达到水质目标的，约谈所在乡镇（街道）河长；连续三个月未达到的，予以通报批评。连续两年考核不合格的，予以警告；连续三年不合格的，按程序予以免职。${draft ? '\n\n> 本稿为征求意见稿，请于发布之日起30日内反馈意见。' : ''}
`;
}

function noticeBody(period: string, yearly: boolean, scores: { name: string; score: number; rank: number; result: string }[]): string {
  const sorted = [...scores].sort((a, b) => a.rank - b.rank);
  const rows = sorted.map((s) => `| ${s.rank} | ${s.name} | ${fixed(s.score, 1)} | ${s.result} |`).join('\n');
  const failed = sorted.filter((s) => s.result === '不合格').map((s) => s.name);
  return `
各乡镇人民政府、街道办事处，县河长制成员单位：

根据${yearly ? '年度考核' : '季度检查'}安排，县河长制办公室对各乡镇（街道）${period}河湖长制工作进行了检查考核，现将结果通报如下。

## 一、考核结果

| 排名 | 乡镇（街道） | 得分 | 结果 |
|---|---|---|---|
${rows}

## 二、存在问题

${failed.length > 0 ? `${failed.join('、')}考核结果为不合格，主要表现为巡河不到位、交办问题整改滞后。` : '各乡镇（街道）考核结果均为合格以上，但部分地方仍存在巡河记录不规范、公示牌信息更新不及时等问题。'}

## 三、工作要求

各地要对照问题清单，逐项整改落实，整改情况于通报印发后30日内报县河长制办公室。
`;
}

function reportBody(year: number, closed: number, overdue: number, stations: number, waters: number, chiefs: number): string {
  return `
## 一、基本情况

${year}年，全县纳入河湖名录的河流、湖泊、水库等水体共${waters}个，设立各级河长、河段长、河道专管员等共${chiefs}人，布设监测断面${stations}个。

## 二、主要工作

- 各级河长按要求开展巡河，发现并交办问题。
- 开展“清四乱”专项行动，累计整改销号问题${closed}个；截至报告日仍有${overdue}个问题超期未整改，已督促责任单位加快整改。
- 按季度开展检查考核并通报结果。

## 三、下一步工作

持续推进幸福河湖建设，强化水质达标管理，完善河长公示牌信息动态更新机制。
`;
}

function policyBody(main: Water, tributaries: Water[], year: number, rng: Rng): string {
  const problems = rng.shuffle([
    '沿岸生活污水收集不完善，部分雨污混接口雨天溢流',
    '岸线存在违规种植、堆放等“四乱”问题',
    '部分河段淤积严重，行洪能力不足',
    '农业面源污染负荷较高，汛期水质波动',
    '畜禽养殖污染治理设施运行不稳定',
    '部分公示牌信息未及时更新',
    '生态流量保障不足，枯水期局部断流',
  ]).slice(0, 4);
  const measures = [
    ['实施沿岸截污纳管和雨污分流改造', '县住房和城乡建设局'],
    ['清理整治岸线“四乱”问题，实现动态清零', '沿线乡镇人民政府'],
    ['开展河道清淤疏浚和生态护岸建设', '县水利局'],
    ['推广测土配方施肥，减少化肥农药使用', '县农业农村局'],
    ['排查整治入河排污口，实施分类管理', '县生态环境分局'],
    ['更新河长公示牌，公开监督电话', '县河长制办公室'],
  ];
  const rows = measures.map(([m, who], k) => `| ${k + 1} | ${m} | ${who} | ${year + (k % 3)}年12月底 |`).join('\n');
  const trib = tributaries.length > 0 ? `本方案同时适用于${tributaries.slice(0, 8).map((w) => w.name).join('、')}${tributaries.length > 8 ? `等${tributaries.length}条支流` : ''}。` : '';
  return `
## 一、基本情况

${main.description}水质目标为${main.target}类。${trib}

## 二、存在问题

${problems.map((p, k) => `${k + 1}. ${p}。`).join('\n')}

## 三、目标任务

到${year + 2}年底，${main.name}水质稳定达到${main.target}类标准，河湖“四乱”问题动态清零，岸线管理范围全面落实。

## 四、主要措施

| 序号 | 措施 | 责任单位 | 完成时限 |
|---|---|---|---|
${rows}

## 五、保障措施

由${main.name}河长牵头，各责任单位按职责分工落实，县河长制办公室定期督查，结果纳入年度考核。
`;
}

// ================================================================ output folder

/** Create `out`, or empty it when a previous run of this generator wrote it; refuse anything else. */
function prepareOut(out: string): void {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0) {
      const site = join(out, 'site.yaml');
      const ours = existsSync(site) && readFileSync(site, 'utf8').startsWith(GENERATED_MARK);
      if (!ours) throw new Error(`refusing to overwrite ${out}: it is not empty and was not written by this generator`);
      rmSync(out, { recursive: true, force: true });
    }
  }
  mkdirSync(out, { recursive: true });
}

// ================================================================ CLI

function main(): void {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'county' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string', default: '2026-10-31' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.out) {
    console.log('usage: node scripts/bench/generate.ts --size county|city|<factor> --out <dir> [--seed 1] [--as-of 2026-10-31]');
    process.exit(values.help ? 0 : 2);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"`);
  const t0 = performance.now();
  const result = generate({ size: values.size, out: values.out, seed, asOf: values['as-of'] });
  const ms = performance.now() - t0;
  console.log(`generated ${result.sizes.name} (factor ${result.sizes.factor}, seed ${result.seed}, as_of ${result.asOf}) in ${result.out}`);
  for (const [k, v] of Object.entries(result.counts)) console.log(`  ${k.padEnd(20)} ${v}`);
  console.log(`  ${'bytes'.padEnd(20)} ${result.bytes}`);
  console.log(`  ${'seconds'.padEnd(20)} ${(ms / 1000).toFixed(2)}`);
}

if (import.meta.main) {
  try {
    main();
  } catch (e) {
    console.error(`generate: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
