/**
 * src/data/regions.ts: what a township's or the county's page lists: its
 * chiefs, its inspection results, and whether a chief still serves.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { Assignment, Chief, Inspection } from '../../src/schemas/tables.ts';
import { isServing, regionIndex } from '../../src/data/regions.ts';
import { AS_OF, BAISHA, BAISHA_CUN, CHENGGUAN, COUNTY, DONGGANG, roster } from '../helpers/db.ts';

const chief = (id: string, region: string) =>
  ({ id, name: id, position: '河长', region, phone: '0000-6120300', verified: '2026-09-30' }) as Chief;
const CHIEFS = [chief('xian', COUNTY), chief('zhen', CHENGGUAN), chief('cun', DONGGANG), chief('bai', BAISHA_CUN)];
const ASSIGNMENTS = [
  { chief: 'zhen', water: 'qingxi-he', role: 'chief', start: '2021-01-01' },
  { chief: 'cun', water: 'dongmen-gou', role: 'chief', start: '2021-01-01', end: AS_OF },
  { chief: 'bai', water: 'qingxi-he', role: 'keeper', start: '2026-11-01' },
  { chief: 'xian', water: 'qingxi-he', role: 'general_chief', start: '2020-01-01', end: '2024-12-31' },
  { chief: 'xian', water: 'dongmen-gou', role: 'chief', start: '2025-01-01' },
] as Assignment[];
const insp = (id: string, period: string, date: string, subject_kind: Inspection['subject_kind'], subject: string) =>
  ({ id, period, date, subject_kind, subject, result: '合格' }) as Inspection;
const INSPECTIONS = [
  insp('kh-1', '2026-Q2', '2026-07-10', 'region', CHENGGUAN),
  insp('kh-2', '2026-Q3', '2026-10-12', 'region', CHENGGUAN),
  insp('kh-3', '2026-Q1', '2026-04-08', 'region', CHENGGUAN),
  insp('kh-4', '2026-Q3', '2026-10-12', 'chief', CHENGGUAN),
  insp('kh-5', '2026-Q3', '2026-10-12', 'region', BAISHA),
];

const db = () =>
  ({ ...roster({ chiefs: CHIEFS, assignments: ASSIGNMENTS }), asOf: AS_OF, inspections: INSPECTIONS }) as unknown as Db;

describe('regionIndex', () => {
  const d = db();
  const idx = regionIndex(d);

  it("lists a township's chiefs, its villages' included; county chiefs apart", () => {
    expect(idx.chiefsByTownship.get(CHENGGUAN)!.map((c) => c.id)).toEqual(['zhen', 'cun']);
    expect(idx.chiefsByTownship.get(BAISHA)!.map((c) => c.id)).toEqual(['bai']);
    expect(idx.countyChiefs.map((c) => c.id)).toEqual(['xian']);
  });
  it('files inspection results by kind and subject, latest first; a region and a chief with the same code stay apart', () => {
    expect(idx.inspectionsBySubject.get(`region:${CHENGGUAN}`)!.map((i) => i.id)).toEqual(['kh-2', 'kh-1', 'kh-3']);
    expect(idx.inspectionsBySubject.get(`chief:${CHENGGUAN}`)!.map((i) => i.id)).toEqual(['kh-4']);
    expect(idx.inspectionsBySubject.get(`region:${BAISHA}`)!.map((i) => i.id)).toEqual(['kh-5']);
  });
  it('is computed once per Db', () => {
    expect(regionIndex(d)).toBe(idx);
    expect(regionIndex(db())).not.toBe(idx);
  });
});

describe('isServing', () => {
  const d = db();
  it('is true for a chief holding any post on as_of, an earlier ended post aside', () => {
    expect(isServing(d, 'zhen')).toBe(true);
    expect(isServing(d, 'xian')).toBe(true);
  });
  it('is false from the day the last post ends, before a post begins, and for someone without posts', () => {
    expect(isServing(d, 'cun')).toBe(false);
    expect(isServing(d, 'bai')).toBe(false);
    expect(isServing(d, 'nobody')).toBe(false);
  });
});
