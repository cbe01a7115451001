/**
 * src/data/segments.ts: what a segment's sign and the landing of its
 * water's page show — who answers for the segment and their public phone,
 * the quality that applies to it, its open cases.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import { segmentViews } from '../../src/data/segments.ts';
import type { Assignment, Chief, Segment } from '../../src/schemas/tables.ts';
import {
  AS_OF,
  BAISHA,
  BAISHA_CUN,
  CHENGGUAN,
  DONGGANG,
  caseView,
  roster,
  stationMaps,
  stationView,
} from '../helpers/db.ts';

const segment = (id: string, name: string, region: string): Segment => ({
  id,
  water: 'qingxi-he',
  name,
  region,
  start: '甲桥',
  end: '乙桥',
});
const SEGMENTS = [
  segment('qx-cg', '清溪河城关镇段', CHENGGUAN),
  segment('qx-bs', '清溪河白沙镇段', BAISHA),
  segment('qx-dg', '清溪河东岗村段', DONGGANG),
];
const chief = (id: string, name: string, phone?: string): Chief =>
  ({ id, name, position: '镇长', region: CHENGGUAN, phone, verified: '2026-09-01' }) as Chief;
const CHIEFS = [
  chief('chen', '陈河长', '0000-6120011'),
  chief('cao', '曹段长', '0000-6240001'),
  chief('gao', '高段长'),
  chief('ren', '任专管员', '0000-1370001'),
];
const post = (o: Partial<Assignment> & Pick<Assignment, 'chief' | 'role'>): Assignment =>
  ({ water: 'qingxi-he', start: '2021-07-01', ...o }) as Assignment;
const ASSIGNMENTS = [
  post({ chief: 'chen', role: 'chief' }),
  post({ chief: 'cao', role: 'segment_chief', segment: 'qx-cg' }),
  post({ chief: 'ren', role: 'keeper', segment: 'qx-cg' }),
  post({ chief: 'gao', role: 'segment_chief', segment: 'qx-bs' }),
  post({ chief: 'old', role: 'segment_chief', segment: 'qx-dg', end: '2026-01-31' }),
];

// NH3-N (mg/L) → class for a river: 0.4 II, 0.9 III, 1.4 IV, 2.5 劣V
const inVillage = stationView({ id: 'dg', name: '东岗桥', region: DONGGANG }, [['2026-10-10', '0.4']]);
const inTown = stationView({ id: 'cg', name: '城关渡口', region: CHENGGUAN }, [['2026-10-12', '1.4']]);
const elsewhere = stationView({ id: 'bs', name: '白沙闸', region: BAISHA_CUN, water: 'baisha-he' }, [
  ['2026-10-12', '2.5'],
]);

function db(): Db {
  const idx = roster({ segments: SEGMENTS, chiefs: CHIEFS, assignments: ASSIGNMENTS });
  const cases = [
    caseView({ id: 'c1', found: '2026-09-01', deadline: '2026-12-01', segment: 'qx-cg' }),
    caseView({ id: 'c2', found: '2026-09-02', deadline: '2026-12-01', segment: 'qx-cg' }, [['2026-09-10', 'closed']]),
    caseView({ id: 'c3', found: '2026-09-03', deadline: '2026-12-01' }),
    caseView({ id: 'c4', found: '2026-09-04', deadline: '2026-12-01', segment: 'qx-bs' }),
  ];
  return {
    ...idx,
    asOf: AS_OF,
    ...stationMaps(idx, [inVillage, inTown, elsewhere]),
    casesByWater: new Map([['qingxi-he', cases]]),
  } as unknown as Db;
}

describe('segmentViews', () => {
  const views = segmentViews(db(), 'qingxi-he');
  const of = (id: string) => views.find((v) => v.segment.id === id)!;

  it('lists the segments of the water in segments.csv order, and none for a water without segments', () => {
    expect(views.map((v) => v.segment.id)).toEqual(['qx-cg', 'qx-bs', 'qx-dg']);
    expect(segmentViews(db(), 'dongmen-gou')).toEqual([]);
  });

  it("names the segment's 河段长 with their public phone, and lists every current post on the segment", () => {
    expect(of('qx-cg').contact).toMatchObject({ kind: 'segment_chief', assignment: { chief: 'cao' } });
    expect(of('qx-cg').phone).toBe('0000-6240001');
    expect(of('qx-cg').posts.map((a) => a.chief)).toEqual(['cao', 'ren']);
  });

  it('has no phone for a 河段长 who has none on record', () => {
    expect(of('qx-bs').contact).toMatchObject({ kind: 'segment_chief', assignment: { chief: 'gao' } });
    expect(of('qx-bs').phone).toBeNull();
  });

  it("names the water's 河长 for a segment whose 河段长 has left", () => {
    expect(of('qx-dg').contact).toMatchObject({ kind: 'water_chief', assignment: { chief: 'chen' } });
    expect(of('qx-dg').phone).toBe('0000-6120011');
    expect(of('qx-dg').posts).toEqual([]);
  });

  it("takes the quality of the segment's own stations (in its region or a village inside it), the worst in the latest month", () => {
    // 城关镇段 holds both stations of the water (东岗村 is in 城关镇): IV is the worse;
    // 东岗村段 holds only 东岗桥, whose II is better than the water's worst.
    expect(of('qx-cg').quality).toEqual({ cls: 'IV', month: '2026-10', scope: 'segment' });
    expect(of('qx-dg').quality).toEqual({ cls: 'II', month: '2026-10', scope: 'segment' });
  });

  it("falls back to the whole water's quality for a segment without a station, and says so", () => {
    // 白沙镇段 has none of qingxi-he's stations; 白沙闸 is on another water.
    expect(of('qx-bs').quality).toEqual({ cls: 'IV', month: '2026-10', scope: 'water' });
  });

  it('counts the open cases recorded on the segment, not closed ones nor those of the whole water', () => {
    expect(of('qx-cg').openCases).toBe(1);
    expect(of('qx-bs').openCases).toBe(1);
    expect(of('qx-dg').openCases).toBe(0);
  });
});
