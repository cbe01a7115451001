/**
 * src/data/inspections.ts: the inspection results by period as the
 * /inspections/ pages show them, each row against the previous period of
 * the same kind, and the names and pages of the subjects.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { Chief, Inspection } from '../../src/schemas/tables.ts';
import { KIND_TITLE, inspectionIndex, periodSlug, subjectHref, subjectName } from '../../src/data/inspections.ts';
import { AS_OF, BAISHA, CHENGGUAN, COUNTY, roster } from '../helpers/db.ts';

const CHIEFS = [
  {
    id: 'zhang-wei',
    name: '张伟',
    position: '城关镇镇长',
    region: CHENGGUAN,
    phone: '0000-6120101',
    verified: '2026-09-30',
  },
  { id: 'li-na', name: '李娜', position: '白沙镇镇长', region: BAISHA, phone: '0000-6120102', verified: '2026-09-30' },
] as Chief[];

let n = 0;
const row = (
  period: string,
  date: string,
  subject_kind: Inspection['subject_kind'],
  subject: string,
  rank: number | undefined,
  score: number | undefined,
  over: Partial<Inspection> = {},
): Inspection =>
  ({
    id: `kh-${++n}`,
    period,
    date,
    subject_kind,
    subject,
    rank,
    score,
    result: score === undefined ? '合格' : score >= 90 ? '优秀' : '良好',
    ...over,
  }) as Inspection;

const db = (inspections: Inspection[]) =>
  ({ ...roster({ chiefs: CHIEFS }), asOf: AS_OF, inspections }) as unknown as Db;

describe('subject names and pages', () => {
  const d = db([]);
  it('names a township, the county, a chief with position, and a water', () => {
    expect(subjectName(d, 'region', CHENGGUAN)).toBe('城关镇');
    expect(subjectName(d, 'region', COUNTY)).toBe('示例县（全县）');
    expect(subjectName(d, 'chief', 'zhang-wei')).toBe('张伟（城关镇镇长）');
    expect(subjectName(d, 'water', 'dongmen-gou')).toBe('东门沟');
  });
  it('an unknown subject is shown by its code and has no page', () => {
    for (const kind of ['region', 'chief', 'water'] as const) {
      expect(subjectName(d, kind, 'unknown-9')).toBe('unknown-9');
      expect(subjectHref(d, kind, 'unknown-9')).toBeNull();
    }
  });
  it("links a chief's and a water's page, and a region to its row on /inspections/", () => {
    expect(subjectHref(d, 'chief', 'li-na')).toBe('/chiefs/li-na/');
    expect(subjectHref(d, 'water', 'qingxi-he')).toBe('/waters/qingxi-he/');
    expect(subjectHref(d, 'region', BAISHA)).toBe(`/inspections/#region-${BAISHA}`);
  });
  it('headings call the kinds by their Chinese names', () => {
    expect(KIND_TITLE).toEqual({ region: '乡镇（街道）', chief: '河长', water: '河湖' });
  });
});

describe('periods', () => {
  const records = [
    row('2026-Q2', '2026-07-10', 'region', CHENGGUAN, 2, 86.5, { document: 'tb-2026-q2' }),
    row('2026-Q2', '2026-07-10', 'region', BAISHA, 1, 91),
    row('2026-h1', '2026-07-20', 'region', CHENGGUAN, 1, 95),
    row('2026-Q3', '2026-10-12', 'region', CHENGGUAN, 1, 92, { document: 'tb-2026-q3' }),
    row('2026-Q3', '2026-10-15', 'region', BAISHA, 2, 88, { document: 'tb-2026-q3' }),
    row('2026-Q3', '2026-10-12', 'chief', 'li-na', 1, 93),
    row('2026-Q3', '2026-10-12', 'water', 'qingxi-he', undefined, undefined),
  ];
  const idx = inspectionIndex(db(records));

  it('lists the periods newest first with their label, slug, latest notice date and documents', () => {
    expect(idx.periods.map((p) => [p.id, p.slug, p.label, p.date])).toEqual([
      ['2026-Q3', '2026-q3', '2026年第三季度', '2026-10-15'],
      ['2026-H1', '2026-h1', '2026年上半年', '2026-07-20'],
      ['2026-Q2', '2026-q2', '2026年第二季度', '2026-07-10'],
    ]);
    expect(idx.bySlug.get('2026-q3')!.documents).toEqual(['tb-2026-q3']);
    expect(idx.bySlug.get('2026-h1')!.documents).toEqual([]);
  });
  it('compares a quarter with the previous quarter, not with the half year in between', () => {
    const q3 = idx.bySlug.get('2026-q3')!;
    expect(q3.kinds.map((k) => k.kind)).toEqual(['region', 'chief', 'water']);
    const region = q3.kinds[0]!;
    expect(region.previous).toBe('2026-Q2');
    expect(region.rows.map((r) => [r.name, r.href, r.record.rank, r.rankUp, r.scoreChange])).toEqual([
      ['城关镇', `/inspections/#region-${CHENGGUAN}`, 1, 1, 5.5],
      ['白沙镇', `/inspections/#region-${BAISHA}`, 2, -1, -3],
    ]);
    expect(idx.bySlug.get('2026-h1')!.kinds[0]!.previous).toBeNull();
  });
  it('a kind first ranked this period has no previous period to compare with', () => {
    const chief = idx.bySlug.get('2026-q3')!.kinds.find((k) => k.kind === 'chief')!;
    expect(chief.previous).toBeNull();
    expect(chief.rows[0]).toMatchObject({
      name: '李娜（白沙镇镇长）',
      href: '/chiefs/li-na/',
      rankUp: null,
      scoreChange: null,
      previous: null,
    });
  });
  it("keeps each subject's history in time order, with the changes shown", () => {
    expect(idx.history.get(`region:${CHENGGUAN}`)!.map((r) => [r.record.period, r.previousPeriod, r.rankUp])).toEqual([
      ['2026-Q2', null, null],
      ['2026-h1', null, null],
      ['2026-Q3', '2026-Q2', 1],
    ]);
  });
  it('orders the subjects of each kind as their latest period ranked them', () => {
    expect(idx.subjects.get('region')).toEqual([CHENGGUAN, BAISHA]);
    expect(idx.subjects.get('water')).toEqual(['qingxi-he']);
  });
  it('a subject listed twice in a period shows once, by its later-dated row', () => {
    const twice = inspectionIndex(
      db([
        row('2026-Q3', '2026-10-12', 'region', CHENGGUAN, 2, 80),
        row('2026-Q3', '2026-10-20', 'region', CHENGGUAN, 1, 90, { note: '复核后更正' }),
        row('2026-Q3', '2026-10-12', 'region', BAISHA, 3, 70),
      ]),
    );
    const rows = twice.periods[0]!.kinds[0]!.rows;
    expect(rows.map((r) => [r.record.subject, r.record.score])).toEqual([
      [CHENGGUAN, 90],
      [BAISHA, 70],
    ]);
    expect(twice.history.get(`region:${CHENGGUAN}`)).toHaveLength(1);
  });
  it('slugs are lower case and safe in a URL', () => {
    expect(periodSlug('2026-Q4')).toBe('2026-q4');
    expect(periodSlug('2026-q4')).toBe('2026-q4');
    expect(periodSlug('2026')).toBe('2026');
    expect(periodSlug('2026-03')).toBe('2026-03');
  });
  it('is built once per Db', () => {
    const d = db(records);
    expect(inspectionIndex(d)).toBe(inspectionIndex(d));
  });
});
