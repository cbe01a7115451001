/**
 * regions.csv: the county, its townships on a grid and their villages on a
 * grid inside each township's cell, with neighbours for the waters to flow
 * through.
 */
import { Namer, Rng, pad } from '../lib.ts';
import type { Syllable } from '../lib.ts';
import { COUNTY_CODE, COUNTY_NAME, type Context, type Land, type Region } from './context.ts';

export function writeRegions(ctx: Context): Land {
  const rRegion = new Rng(ctx.seed, 'regions');
  const regionNamer = new Namer(rRegion);
  const county: Region = {
    code: COUNTY_CODE,
    name: COUNTY_NAME,
    short: '示例',
    level: 'county',
    parent: '',
    town: -1,
    lon: 119.2,
    lat: 29.3,
    neighbours: [],
    suffix: '县',
  };
  const T = ctx.sz.townships;
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
    const neighbours = gridNeighbours(t, cols, T, 0);
    townships.push({
      code: `990101${pad(t + 1, 3)}000`,
      name,
      short: stem,
      level: 'township',
      parent: COUNTY_CODE,
      town: t,
      lon: lon0 + (c + 0.5) * CELL_LON + rRegion.range(-0.015, 0.015),
      lat: lat0 + (r + 0.5) * CELL_LAT + rRegion.range(-0.012, 0.012),
      neighbours,
      suffix: sfx[0],
    });
    villagesOf.push([]);
  }
  const baseV = Math.floor(ctx.sz.villages / T);
  let extraV = ctx.sz.villages - baseV * T;
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
      const neighbours = gridNeighbours(j, sc, k, first);
      villagesOf[t]!.push(villages.length);
      villages.push({
        code: `990101${pad(t + 1, 3)}${pad(j + 1, 3)}`,
        name,
        short: stem,
        level: 'village',
        parent: town.code,
        town: t,
        lon: cellLon + (c + 0.5) * subLon + rRegion.range(-0.2, 0.2) * subLon,
        lat: cellLat + (r + 0.5) * subLat + rRegion.range(-0.2, 0.2) * subLat,
        neighbours,
        suffix: sfx[0],
      });
    }
  }
  {
    const f = ctx.csv('regions.csv', ['code', 'name', 'level', 'parent']);
    f.row([county.code, county.name, county.level, '']);
    for (let t = 0; t < T; t++) {
      const town = townships[t]!;
      f.row([town.code, town.name, town.level, town.parent]);
      for (const v of villagesOf[t]!) {
        const vil = villages[v]!;
        f.row([vil.code, vil.name, vil.level, vil.parent]);
      }
    }
    ctx.done(f, 'regions');
  }
  return { county, townships, villages, villagesOf };
}

/**
 * The neighbours (up, down, left, right) of cell `k` of `count` cells laid
 * out row by row, `cols` to a row, as indexes offset by `first`.
 */
function gridNeighbours(k: number, cols: number, count: number, first: number): number[] {
  const r = Math.floor(k / cols);
  const c = k % cols;
  const out: number[] = [];
  for (const [dr, dc] of [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
  ] as const) {
    const rr = r + dr;
    const cc = c + dc;
    const m = rr * cols + cc;
    if (rr >= 0 && cc >= 0 && cc < cols && m < count) out.push(first + m);
  }
  return out;
}
