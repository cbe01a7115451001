/**
 * src/data/summaries.ts: the latest-month water-quality summary over a set
 * of stations, and the latest class of a water.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import { latestClassOfWater, qualitySummary } from '../../src/data/summaries.ts';
import { AS_OF, roster, stationMaps, stationView } from '../helpers/db.ts';

// NH3-N (mg/L) → class for a river: 0.4 II, 0.9 III, 1.4 IV, 1.8 V, 2.5 劣V
const a = stationView({ id: 'a', name: '东岗桥' }, [
  ['2026-09-10', '2.5'],
  ['2026-10-10', '0.4'],
]);
const b = stationView({ id: 'b', name: '白沙渡口' }, [['2026-10-12', '1.4']]);
const c = stationView({ id: 'c', name: '老闸', target_class: 'IV' }, [
  ['2026-10-03', '1.4'],
  ['2026-10-20', '0.9'],
]);
const late = stationView({ id: 'd', name: '新塘', water: 'dongmen-gou' }, [['2026-08-20', '1.8']]);
const none = stationView({ id: 'e', name: '新设断面' }, []);

describe('qualitySummary', () => {
  it('counts the stations with a result in the latest month any station reported, by class and against target', () => {
    const s = qualitySummary([a, b, c, late, none]);
    expect(s.month).toBe('2026-10');
    expect(s.stations).toBe(5);
    expect(s.reported).toBe(3);
    // c: the month's worst result (IV) meets its own target IV; b misses III
    expect(s.meeting).toBe(2);
    expect(s.byClass).toEqual({ I: 0, II: 1, III: 0, IV: 2, V: 0, 劣V: 0 });
  });
  it('a station whose latest result is older is left out of the month', () => {
    const s = qualitySummary([late, b]);
    expect(s).toMatchObject({ month: '2026-10', reported: 1, meeting: 0 });
  });
  it('no results at all: no month, nothing reported', () => {
    expect(qualitySummary([none])).toEqual({
      month: null,
      stations: 1,
      reported: 0,
      meeting: 0,
      byClass: { I: 0, II: 0, III: 0, IV: 0, V: 0, 劣V: 0 },
    });
    expect(qualitySummary([]).stations).toBe(0);
  });
});

describe('latestClassOfWater', () => {
  const idx = roster();
  const db = { ...idx, asOf: AS_OF, ...stationMaps(idx, [a, b, c, late, none]) } as unknown as Db;

  it("is the worst station's class in the latest month, an older worse month aside", () => {
    expect(latestClassOfWater(db, 'qingxi-he')).toEqual({ cls: 'IV', month: '2026-10' });
  });
  it('a water whose only station reported earlier shows that month', () => {
    expect(latestClassOfWater(db, 'dongmen-gou')).toEqual({ cls: 'V', month: '2026-08' });
  });
  it('a water without results has no class', () => {
    expect(latestClassOfWater(db, 'baisha-he')).toEqual({ cls: null, month: null });
  });
});
