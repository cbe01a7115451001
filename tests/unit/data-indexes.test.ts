/**
 * src/data/indexes.ts: the roster lookups every page uses: the township of
 * a region, the waters of a township, and who is on a water's sign, in
 * what order (a chief's public phone is in roster.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Assignment, Chief, Region, Segment } from '../../src/schemas/tables.ts';
import { buildIndexes } from '../../src/data/indexes.ts';
import { AS_OF, BAISHA, BAISHA_CUN, CHENGGUAN, COUNTY, DONGGANG, REGIONS, WATERS } from '../helpers/db.ts';

const chief = (id: string, region: string) =>
  ({ id, name: id, position: '河长', region, phone: '0000-6120400', verified: '2026-09-30' }) as Chief;
const CHIEFS = [
  chief('xian-a', COUNTY),
  chief('xian-b', COUNTY),
  chief('zhen', CHENGGUAN),
  chief('cun', DONGGANG),
  chief('old', CHENGGUAN),
];
const SEGMENTS = [
  { id: 'qx-dg', water: 'qingxi-he', name: '东岗段', region: DONGGANG, start: '东岗桥', end: '老闸' },
  { id: 'qx-bs', water: 'qingxi-he', name: '白沙段', region: BAISHA_CUN, start: '老闸', end: '白沙渡口' },
] as Segment[];
const a = (chief: string, role: string, start: string, over: Partial<Assignment> = {}) =>
  ({ chief, water: 'qingxi-he', role, start, ...over }) as Assignment;
const ASSIGNMENTS = [
  a('cun', 'chief', '2022-01-01', { segment: 'qx-dg' }),
  a('zhen', 'segment_chief', '2021-06-01', { segment: 'qx-dg' }),
  a('xian-b', 'chief', '2021-03-01'),
  a('xian-a', 'deputy_general_chief', '2023-01-01'),
  a('xian-a', 'chief', '2020-01-01'),
  a('old', 'chief', '2018-01-01', { end: '2021-03-01' }),
  a('xian-b', 'deputy_chief', '2016-01-01', { end: '2019-12-31' }),
  // starts after as_of: not yet current
  a('zhen', 'chief', '2026-11-01', { water: 'dongmen-gou' }),
];

const idx = buildIndexes({
  regions: REGIONS,
  waters: WATERS,
  segments: SEGMENTS,
  chiefs: CHIEFS,
  assignments: ASSIGNMENTS,
  asOf: AS_OF,
});

describe('regions', () => {
  it('a village belongs to its township, a township to itself, the county and an unknown code to none', () => {
    expect(idx.townshipOf(DONGGANG)).toBe(CHENGGUAN);
    expect(idx.townshipOf(BAISHA_CUN)).toBe(BAISHA);
    expect(idx.townshipOf(BAISHA)).toBe(BAISHA);
    expect(idx.townshipOf(COUNTY)).toBeNull();
    expect(idx.townshipOf('990199000000')).toBeNull();
  });
  it('a cycle of parents in the data does not hang', () => {
    const loop = [
      { code: 'x1', name: '甲村', level: 'village', parent: 'x2' },
      { code: 'x2', name: '乙村', level: 'village', parent: 'x1' },
    ] as Region[];
    expect(
      buildIndexes({ regions: loop, waters: [], segments: [], chiefs: [], assignments: [], asOf: AS_OF }).townshipOf(
        'x1',
      ),
    ).toBeNull();
  });
  it('knows the county, the townships by code, and the children of a region', () => {
    expect(idx.county?.code).toBe(COUNTY);
    expect(idx.townships.map((t) => t.name)).toEqual(['城关镇', '白沙镇']);
    expect(idx.regionChildren.get(CHENGGUAN)!.map((r) => r.code)).toEqual([DONGGANG]);
    expect(idx.regionLevelOfChief('cun')).toBe('village');
    expect(idx.regionLevelOfChief('nobody')).toBeUndefined();
  });
});

describe('waters', () => {
  it('files a water under each township it passes through, once', () => {
    expect(idx.watersByTownship.get(CHENGGUAN)!.map((w) => w.id)).toEqual(['qingxi-he', 'dongmen-gou']);
    expect(idx.watersByTownship.get(BAISHA)!.map((w) => w.id)).toEqual(['qingxi-he']);
  });
  it('lists tributaries under their parent and segments under their water', () => {
    expect(idx.tributaries.get('qingxi-he')!.map((w) => w.id)).toEqual(['dongmen-gou']);
    expect(idx.segmentsByWater.get('qingxi-he')!.map((s) => s.id)).toEqual(['qx-dg', 'qx-bs']);
  });
});

describe('who is on the sign', () => {
  it('current posts: higher level first, then role in contract order, then start date', () => {
    expect(idx.currentByWater.get('qingxi-he')!.map((x) => `${x.chief}/${x.role}`)).toEqual([
      'xian-a/deputy_general_chief',
      'xian-a/chief',
      'xian-b/chief',
      'zhen/segment_chief',
      'cun/chief',
    ]);
  });
  it('ended posts are past, the latest ended first', () => {
    expect(idx.pastByWater.get('qingxi-he')!.map((x) => `${x.chief} ${x.end}`)).toEqual([
      'old 2021-03-01',
      'xian-b 2019-12-31',
    ]);
  });
  it('a post that ends on as_of, or begins after it, is not current', () => {
    const ends = buildIndexes({
      regions: REGIONS,
      waters: WATERS,
      segments: [],
      chiefs: CHIEFS,
      assignments: [a('zhen', 'chief', '2021-01-01', { end: AS_OF })],
      asOf: AS_OF,
    });
    expect(ends.currentByWater.has('qingxi-he')).toBe(false);
    expect(idx.currentByWater.has('dongmen-gou')).toBe(false);
  });
  it("a chief's posts, latest first", () => {
    expect(idx.assignmentsByChief.get('xian-b')!.map((x) => x.start)).toEqual(['2021-03-01', '2016-01-01']);
  });
});
