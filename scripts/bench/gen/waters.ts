/**
 * waters.csv, segments.csv and geo/waters.geojson: the county's rivers,
 * lakes, reservoirs, canals and ponds at three levels, each flowing into an
 * earlier river, with a geometry over the regions it passes, a 一河一策 plan
 * for the largest, and a segment per region of a river or canal.
 */
import { join } from 'node:path';
import type { RegionLevel, TargetClass, WaterKind } from '../../../src/lib/enums.ts';
import { ChunkedFile, IdPool, Namer, Rng, fixed, sig } from '../lib.ts';
import type { Syllable } from '../lib.ts';
import { regionsOf, type Context, type Hydro, type Land, type Region, type Segment, type Water } from './context.ts';

/** Rivers, canals and other waters are lines; lakes, reservoirs and ponds are areas. */
export const isLine = (k: WaterKind): boolean => k === 'river' || k === 'canal' || k === 'other';

/** Write waters.csv; returns the waters and the registries later tables look them up by. */
export function writeWaters(ctx: Context, land: Land): Hydro {
  const hydro = drawWaters(ctx, land);
  assignPlans(hydro.waters, ctx.sz.watersPerPlan, hydro.planWaters);
  const { waters } = hydro;
  const f = ctx.csv('waters.csv', [
    'id',
    'name',
    'kind',
    'parent',
    'level',
    'regions',
    'length_km',
    'area_km2',
    'target_class',
    'plan',
    'description',
  ]);
  for (const w of waters) {
    f.row([
      w.id,
      w.name,
      w.kind,
      w.parent >= 0 ? waters[w.parent]!.id : '',
      w.level,
      regionsOf(land, w)
        .map((r) => r.code)
        .join(';'),
      w.lengthKm === null ? '' : fixed(w.lengthKm, 1),
      w.areaKm2 === null ? '' : String(w.areaKm2),
      w.target,
      w.plan,
      w.description,
    ]);
  }
  ctx.done(f, 'waters');
  return hydro;
}

/** The kinds of water at each level, with their weights. */
const kindsByLevel: Record<RegionLevel, readonly (readonly [WaterKind, number])[]> = {
  county: [
    ['river', 0.72],
    ['reservoir', 0.16],
    ['lake', 0.12],
  ],
  township: [
    ['river', 0.68],
    ['canal', 0.1],
    ['reservoir', 0.15],
    ['lake', 0.07],
  ],
  village: [
    ['river', 0.55],
    ['pond', 0.25],
    ['reservoir', 0.06],
    ['canal', 0.09],
    ['other', 0.05],
  ],
};
/** The name endings of a kind of water at a level, with their weights. */
const suffixes = (kind: WaterKind, level: RegionLevel): readonly (readonly [Syllable, number])[] => {
  switch (kind) {
    case 'river':
      if (level === 'county')
        return [
          [['河', 'he'], 5],
          [['溪', 'xi'], 3],
          [['港', 'gang'], 1],
          [['江', 'jiang'], 0.5],
        ];
      if (level === 'township')
        return [
          [['河', 'he'], 4],
          [['溪', 'xi'], 4],
          [['港', 'gang'], 1],
          [['浦', 'pu'], 1],
        ];
      return [
        [['溪', 'xi'], 4],
        [['河', 'he'], 2],
        [['沟', 'gou'], 3],
        [['坑', 'keng'], 1],
      ];
    case 'canal':
      return level === 'village'
        ? [
            [['渠', 'qu'], 3],
            [['支渠', 'zhiqu'], 1],
          ]
        : [
            [['干渠', 'ganqu'], 3],
            [['渠', 'qu'], 1],
          ];
    case 'lake':
      return [
        [['湖', 'hu'], 4],
        [['荡', 'dang'], 1],
        [['漾', 'yang'], 1],
      ];
    case 'reservoir':
      return [[['水库', 'shuiku'], 1]];
    case 'pond':
      return [
        [['山塘', 'shantang'], 3],
        [['塘', 'tang'], 2],
      ];
    default:
      return [
        [['湿地', 'shidi'], 2],
        [['排涝沟', 'pailaogou'], 1],
      ];
  }
};

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

/** The outline of a lake, reservoir or pond over the centre of its regions, and its area. */
function areaShape(
  kind: WaterKind,
  level: RegionLevel,
  centres: Region[],
  rW: Rng,
  rGeo: Rng,
): { geom: number[]; areaKm2: number } {
  const geom: number[] = [];
  const [lo, hi] =
    kind === 'lake'
      ? level === 'county'
        ? [3, 40]
        : level === 'township'
          ? [0.3, 5]
          : [0.05, 0.5]
      : kind === 'reservoir'
        ? level === 'county'
          ? [2, 15]
          : level === 'township'
            ? [0.2, 3]
            : [0.02, 0.3]
        : [0.002, 0.05];
  const areaKm2 = Number(sig(Math.exp(rW.range(Math.log(lo), Math.log(hi))), 3));
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
  return { geom, areaKm2 };
}

/** The course of a river, canal or other line through the centres of its regions, ending on the river it flows into (its geometry `parentGeom`), and its length. */
function lineShape(
  level: RegionLevel,
  centres: Region[],
  parentGeom: number[] | null,
  rW: Rng,
  rGeo: Rng,
): { geom: number[]; lengthKm: number } {
  const geom: number[] = [];
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
  if (parentGeom) {
    // end on the nearest vertex of the river it flows into
    const ex = geom[geom.length - 2]!;
    const ey = geom[geom.length - 1]!;
    let best = -1;
    let bestD = Infinity;
    for (let k = 0; k < parentGeom.length; k += 2) {
      const d = (parentGeom[k]! - ex) ** 2 + (parentGeom[k + 1]! - ey) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best >= 0 && bestD < 0.15 ** 2) geom.push(parentGeom[best]!, parentGeom[best + 1]!);
  }
  const lengthKm = Math.max(0.3, Math.round(polylineKm(geom) * rW.range(1.15, 1.45) * 10) / 10);
  return { geom, lengthKm };
}

/** The waters in order (county, then township, then village level), each flowing into an earlier river. */
function drawWaters(ctx: Context, land: Land): Hydro {
  const rW = new Rng(ctx.seed, 'waters');
  const rGeo = new Rng(ctx.seed, 'geometry');
  const waterNamer = new Namer(rW);
  const waterIds = new IdPool();
  const W = ctx.sz.waters;
  const Wc = Math.max(3, Math.round(W * 0.025));
  const Wt = Math.max(3, Math.round(W * 0.175));
  const { townships, villages, villagesOf } = land;
  const T = townships.length;
  const waters: Water[] = [];
  const countyRiversByTown: number[][] = townships.map(() => []);
  const townRiversByTown: number[][] = townships.map(() => []);
  const townWatersByTown: number[][] = townships.map(() => []);
  const townRiversByVillage: number[][] = villages.map(() => []);
  const villageRiversByVillage: number[][] = villages.map(() => []);
  const watersByVillage: number[][] = villages.map(() => []);

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
      chain =
        kind === 'river'
          ? walk(start, rW.int(3, 8), townships, rW)
          : walk(start, rW.chance(0.3) ? 2 : 1, townships, rW);
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
        len =
          level === 'township'
            ? rW.int(2, 5)
            : rW.weighted([
                [1, 0.45],
                [2, 0.42],
                [3, 0.13],
              ] as const);
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
    const polygon = !isLine(kind);
    let areaKm2: number | null = null;
    let lengthKm: number | null = null;
    let geom: number[];
    if (polygon) ({ geom, areaKm2 } = areaShape(kind, level, centres, rW, rGeo));
    else ({ geom, lengthKm } = lineShape(level, centres, parent >= 0 ? waters[parent]!.geom : null, rW, rGeo));

    let target: TargetClass;
    if (kind === 'reservoir' && level !== 'village' && rW.chance(0.6)) target = 'II';
    else if (level === 'county')
      target = rW.weighted([
        ['II', 0.3],
        ['III', 0.7],
      ] as const);
    else if (level === 'township')
      target = rW.weighted([
        ['II', 0.15],
        ['III', 0.7],
        ['IV', 0.15],
      ] as const);
    else
      target = rW.weighted([
        ['II', 0.04],
        ['III', 0.58],
        ['IV', 0.33],
        ['V', 0.05],
      ] as const);

    const water: Water = {
      i,
      id,
      name: named.name,
      kind,
      level,
      parent,
      chain,
      town,
      lengthKm,
      areaKm2,
      target,
      plan: '',
      description: '',
      segments: [],
      geom,
      polygon,
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
  return {
    waters,
    countyWaters: waters.filter((w) => w.level === 'county'),
    countyRiversByTown,
    townWatersByTown,
    watersByVillage,
    planWaters: new Map(),
  };
}

/** One 一河一策 per `watersPerPlan` waters: the largest waters first, their tributaries share it. */
function assignPlans(waters: Water[], watersPerPlan: number, planWaters: Map<string, Water[]>): void {
  const planCount = Math.max(1, Math.ceil(waters.length / watersPerPlan));
  const planMains: Water[] = [];
  for (const w of waters) {
    if (planMains.length >= planCount) break;
    if (w.level === 'county' || (w.kind !== 'canal' && w.kind !== 'pond' && w.kind !== 'other')) planMains.push(w);
  }
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
}

/** Write segments.csv: one segment per region of a river or canal that passes more than one; returns them. */
export function writeSegments(ctx: Context, land: Land, waters: Water[]): Segment[] {
  const segments: Segment[] = [];
  const rS = new Rng(ctx.seed, 'segments');
  const f = ctx.csv('segments.csv', ['id', 'water', 'name', 'region', 'start', 'end', 'length_km']);
  for (const w of waters) {
    if ((w.kind !== 'river' && w.kind !== 'canal') || w.chain.length < 2) continue;
    const regs = regionsOf(land, w);
    const weights = regs.map(() => rS.range(0.6, 1.4));
    const sum = weights.reduce((a, b) => a + b, 0);
    const total = w.lengthKm ?? 1;
    let left = total;
    for (let k = 0; k < regs.length; k++) {
      const r = regs[k]!;
      let len = k === regs.length - 1 ? left : Math.round(((total * weights[k]!) / sum) * 10) / 10;
      len = Math.max(0.1, Math.round(len * 10) / 10);
      left -= len;
      const start =
        k === 0
          ? `${r.short}${rS.pick(['源头', '山脚', '水库坝下', '上游村界'])}`
          : `${regs[k - 1]!.name}与${r.name}交界处`;
      const end =
        k === regs.length - 1
          ? w.parent >= 0
            ? `汇入${waters[w.parent]!.name}口`
            : `${r.name}出境处`
          : `${r.name}与${regs[k + 1]!.name}交界处`;
      const seg: Segment = {
        id: `${w.id}-${k + 1}`,
        water: w.i,
        name: `${w.name}${r.name}段`,
        region: r,
        start,
        end,
        lengthKm: len,
      };
      w.segments.push(segments.length);
      segments.push(seg);
      f.row([seg.id, w.id, seg.name, r.code, start, end, fixed(len, 1)]);
    }
  }
  ctx.done(f, 'segments');
  return segments;
}

/** Write geo/waters.geojson: a LineString or Polygon per water, one feature a line. */
export function writeGeometry(ctx: Context, waters: Water[]): void {
  const f = new ChunkedFile(join(ctx.out, 'geo', 'waters.geojson'));
  f.write('{"type":"FeatureCollection","features":[\n');
  for (const w of waters) {
    const pts: string[] = [];
    for (let k = 0; k < w.geom.length; k += 2) pts.push(`[${fixed(w.geom[k]!, 5)},${fixed(w.geom[k + 1]!, 5)}]`);
    const geometry = w.polygon
      ? `{"type":"Polygon","coordinates":[[${pts.join(',')}]]}`
      : `{"type":"LineString","coordinates":[${pts.join(',')}]}`;
    f.write(
      `{"type":"Feature","properties":{"id":${JSON.stringify(w.id)},"name":${JSON.stringify(w.name)}},"geometry":${geometry}}${w.i < waters.length - 1 ? ',' : ''}\n`,
    );
    f.rows++;
  }
  f.write(']}\n');
  f.close();
  ctx.bytes += f.bytes;
  ctx.counts.geojson = f.rows;
}

/** The description of waters.csv. */
function describe(w: Water, regions: Region[], parent: Water | null, rng: Rng): string {
  const names = regions.map((r) => r.name);
  const list = names.length > 4 ? `${names.slice(0, 4).join('、')}等地` : names.join('、');
  switch (w.kind) {
    case 'river':
    case 'canal':
    case 'other': {
      const noun = w.kind === 'canal' ? '渠道' : w.kind === 'other' ? '水体' : '河流';
      const mouth = parent
        ? `，于${names[names.length - 1]}汇入${parent.name}`
        : w.level === 'county'
          ? '，向东流出县境'
          : '';
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
