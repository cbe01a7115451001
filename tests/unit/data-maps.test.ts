/**
 * src/data/maps.ts: the features the build-time maps draw, the overview's
 * cut at OVERVIEW_LIMIT, and the neighbours drawn around one water.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { Water } from '../../src/schemas/tables.ts';
import { OVERVIEW_LIMIT, mapIndex, neighbourhood } from '../../src/data/maps.ts';
import { DONGGANG, WATERS, roster } from '../helpers/db.ts';

const line = (...points: [number, number][]) => ({ type: 'LineString', coordinates: points });
const water = (id: string, name: string, level: string, parent?: string) =>
  ({ id, name, kind: 'river', level, parent, regions: [DONGGANG], target_class: 'III' }) as Water;

const MORE = [
  water('dg-zhi', '东门沟支渠', 'village', 'dongmen-gou'),
  water('near-xi', '近溪', 'village'),
  water('near-he', '近河', 'township'),
  water('beside', '旁沟', 'village'),
  water('far-he', '远河', 'county'),
  water('no-line', '无线河', 'village'),
];

function db(geo: [string, ReturnType<typeof line>][]): Db {
  return { ...roster({ waters: [...WATERS, ...MORE] }), geo: new Map(geo) } as unknown as Db;
}

// 东门沟 spans 114.31–114.33 E, 30.31–30.32 N; grown by 25 % (at least 0.005°) its box is 114.305–114.335, 30.305–30.325.
const GEO: [string, ReturnType<typeof line>][] = [
  ['dongmen-gou', line([114.31, 30.31], [114.33, 30.32])],
  ['qingxi-he', line([114.2, 30.2], [114.6, 30.5])],
  ['dg-zhi', line([114.32, 30.318], [114.322, 30.324])],
  ['near-xi', line([114.334, 30.315], [114.5, 30.4])],
  ['near-he', line([114.3, 30.3], [114.306, 30.306])],
  // in the same grid cell, but just outside the grown box
  ['beside', line([114.34, 30.31], [114.345, 30.32])],
  ['far-he', line([115.0, 31.0], [115.1, 31.1])],
  // no usable position, and a geometry of a water that is not in waters.csv
  ['no-line', line()],
  ['ghost', line([114.32, 30.32], [114.33, 30.33])],
];

describe('mapIndex', () => {
  const d = db(GEO);
  const idx = mapIndex(d);

  it('has a feature for each listed water with a usable geometry, named and with its box', () => {
    expect([...idx.features.keys()].sort()).toEqual([
      'beside',
      'dg-zhi',
      'dongmen-gou',
      'far-he',
      'near-he',
      'near-xi',
      'qingxi-he',
    ]);
    expect(idx.features.get('dongmen-gou')).toMatchObject({
      name: '东门沟',
      level: 'township',
      bbox: { minLon: 114.31, minLat: 30.31, maxLon: 114.33, maxLat: 30.32 },
    });
  });
  it('the whole map is the box of every feature', () => {
    expect(idx.bbox).toEqual({ minLon: 114.2, minLat: 30.2, maxLon: 115.1, maxLat: 31.1 });
    expect(mapIndex(db([])).bbox).toBeNull();
  });
  it('the overview draws every water up to OVERVIEW_LIMIT', () => {
    expect(idx.overview).toHaveLength(7);
  });
  it('beyond OVERVIEW_LIMIT it draws the highest levels first, OVERVIEW_LIMIT of them', () => {
    const villages = Array.from({ length: OVERVIEW_LIMIT }, (_, i) =>
      water(`v${String(i).padStart(3, '0')}`, `村沟${i}`, 'village'),
    );
    const waters = [water('zz-county', '干流', 'county'), water('zz-town', '支流', 'township'), ...villages];
    const big = {
      waters: new Map(waters.map((w) => [w.id, w])),
      geo: new Map(waters.map((w, i) => [w.id, line([114 + i * 0.001, 30], [114 + i * 0.001, 30.01])])),
    } as unknown as Db;
    const overview = mapIndex(big).overview;
    expect(overview).toHaveLength(OVERVIEW_LIMIT);
    expect(overview.slice(0, 3).map((f) => f.id)).toEqual(['zz-county', 'zz-town', 'v000']);
    expect(overview.map((f) => f.id)).not.toContain(`v${OVERVIEW_LIMIT - 1}`);
  });
  it('is computed once per Db', () => {
    expect(mapIndex(d)).toBe(idx);
  });
});

describe('neighbourhood', () => {
  const d = db(GEO);

  it('draws the waters whose box meets the grown box: parent and tributaries first, then by level, the water itself last', () => {
    const n = neighbourhood(d, 'dongmen-gou')!;
    expect(n.features.map((f) => f.id)).toEqual(['dg-zhi', 'qingxi-he', 'near-he', 'near-xi', 'dongmen-gou']);
    expect(n.box.minLon).toBeCloseTo(114.305, 9);
    expect(n.box.maxLat).toBeCloseTo(30.325, 9);
  });
  it('keeps at most `limit` neighbours, and always the water itself', () => {
    expect(neighbourhood(d, 'dongmen-gou', 1)!.features.map((f) => f.id)).toEqual(['dg-zhi', 'dongmen-gou']);
    expect(neighbourhood(d, 'far-he')!.features.map((f) => f.id)).toEqual(['far-he']);
  });
  it('a water with no geometry has no map', () => {
    expect(neighbourhood(d, 'no-line')).toBeNull();
    expect(neighbourhood(d, 'baisha-he')).toBeNull();
  });
});
