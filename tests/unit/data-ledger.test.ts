/**
 * src/data/ledger.ts: the public ledger's selections and pages against a
 * small hand-built Db (real roster indexes and case states, see
 * tests/helpers/db.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CaseView, Db } from '../../src/data/query.ts';
import {
  CHART_MONTHS,
  PAGE_SIZE,
  ledger,
  ledgerPages,
  matchesStatus,
  pagePath,
  pageSlice,
  townshipKey,
} from '../../src/data/ledger.ts';
import { AS_OF, BAISHA, BAISHA_CUN, CHENGGUAN, COUNTY, DONGGANG, caseMaps, caseView, roster } from '../helpers/db.ts';

function db(cases: CaseView[]): Db {
  return { ...roster(), asOf: AS_OF, ...caseMaps(cases) } as unknown as Db;
}

/** `n` open cases of a region, found on consecutive days from 2026-01-01, not yet due. */
function many(n: number, region: string, prefix: string): CaseView[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    return caseView({ id: `${prefix}-${String(i + 1).padStart(3, '0')}`, found: day, deadline: '2026-12-31', region });
  });
}

describe('pages of a selection', () => {
  it('exactly PAGE_SIZE cases make one page; one more makes a second page holding the oldest', () => {
    const full = db(many(PAGE_SIZE, DONGGANG, 'cg'));
    const sel = ledger(full).selections.get(`township/${CHENGGUAN}`)!;
    expect(sel.cases).toHaveLength(PAGE_SIZE);
    expect(sel.pages).toBe(1);
    expect(
      ledgerPages(full)
        .filter((p) => p.sel === sel)
        .map((p) => p.page),
    ).toEqual([1]);

    const over = db(many(PAGE_SIZE + 1, DONGGANG, 'cg'));
    const sel2 = ledger(over).selections.get(`township/${CHENGGUAN}`)!;
    expect(sel2.pages).toBe(2);
    expect(
      ledgerPages(over)
        .filter((p) => p.sel === sel2)
        .map((p) => p.page),
    ).toEqual([1, 2]);
    expect(pageSlice(sel2, 1)).toHaveLength(PAGE_SIZE);
    // newest found first: the first page opens with the latest case, the second holds only the oldest
    expect(pageSlice(sel2, 1)[0]!.id).toBe('cg-101');
    expect(pageSlice(sel2, 2).map((c) => c.id)).toEqual(['cg-001']);
  });
  it('page 1 is the selection path itself, later pages a numbered sub-path', () => {
    const sel = ledger(db(many(3, DONGGANG, 'cg'))).selections.get('status/open')!;
    expect(sel.path).toBe('/cases/status/open/');
    expect(pagePath(sel, 1)).toBe('/cases/status/open/');
    expect(pagePath(sel, 2)).toBe('/cases/status/open/2/');
  });
  it('a selection with no case still has its one page, which says so', () => {
    const sel = ledger(db(many(3, DONGGANG, 'cg'))).selections.get('status/overdue')!;
    expect(sel.cases).toEqual([]);
    expect(sel.pages).toBe(1);
    expect(pageSlice(sel, 1)).toEqual([]);
  });
});

describe('overdue lists', () => {
  const cases = [
    caseView({ id: 'a', found: '2026-05-01', deadline: '2026-09-30' }), // 31 days overdue
    caseView({ id: 'b', found: '2026-03-01', deadline: '2026-06-30' }), // 123 days overdue
    caseView({ id: 'c', found: '2026-04-01', deadline: '2026-09-30' }), // 31 days, found earlier than a
    caseView({ id: 'd', found: '2026-02-01', deadline: '2026-10-31' }), // due on as_of itself: not overdue
    caseView({ id: 'e', found: '2026-01-05', deadline: '2026-02-28', region: BAISHA_CUN }, [
      ['2026-01-05', 'reported'],
      ['2026-03-20', 'closed'],
    ]), // closed late: not overdue now
  ];
  const l = ledger(db(cases));

  it('lists the most days overdue first, ties newest found first', () => {
    const sel = l.selections.get('status/overdue')!;
    expect(sel.cases.map((c) => [c.id, c.state.overdueDays])).toEqual([
      ['b', 123],
      ['a', 31],
      ['c', 31],
    ]);
    expect(l.selections.get(`township/${CHENGGUAN}/overdue`)!.cases.map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });
  it('other lists stay newest found first', () => {
    expect(l.selections.get('status/all')!.cases.map((c) => c.id)).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(l.selections.get(`township/${CHENGGUAN}/open`)!.cases.map((c) => c.id)).toEqual(['a', 'c', 'b', 'd']);
  });
  it('a case closed after its deadline is under 逾期销号, not 已逾期', () => {
    expect(l.selections.get('status/late')!.cases.map((c) => c.id)).toEqual(['e']);
    expect(l.selections.get(`township/${BAISHA}/overdue`)!.cases).toEqual([]);
    expect(l.summary).toMatchObject({ found: 5, closed: 1, closedLate: 1, overdueNow: 3, open: 4 });
  });
});

describe('status selections', () => {
  const rejected = caseView({ id: 'r', found: '2026-06-01', deadline: '2026-12-31' }, [
    ['2026-06-01', 'reported'],
    ['2026-06-02', 'assigned'],
    ['2026-06-10', 'rectifying'],
    ['2026-07-01', 'submitted'],
    ['2026-07-05', 'rejected', '复查仍有垃圾'],
  ]);
  const submitted = caseView({ id: 's', found: '2026-06-01', deadline: '2026-12-31' }, [
    ['2026-06-01', 'reported'],
    ['2026-06-02', 'assigned'],
    ['2026-06-10', 'rectifying'],
    ['2026-07-01', 'submitted'],
  ]);
  it('a case whose verification failed is both 整改中 and 验收未通过, and not 已申请销号', () => {
    expect(matchesStatus(rejected, 'rectifying')).toBe(true);
    expect(matchesStatus(rejected, 'rejected')).toBe(true);
    expect(matchesStatus(rejected, 'submitted')).toBe(false);
    expect(matchesStatus(submitted, 'rejected')).toBe(false);
    expect(matchesStatus(submitted, 'submitted')).toBe(true);
    expect(matchesStatus(submitted, 'open')).toBe(true);
    expect(matchesStatus(submitted, 'closed')).toBe(false);
  });
  it('every status filter has its selection with a heading, whatever it holds', () => {
    const l = ledger(db([rejected, submitted]));
    const status = l.byDimension.get('status')!;
    expect(status.map((s) => s.value)).toEqual([
      'all',
      'open',
      'overdue',
      'reported',
      'assigned',
      'rectifying',
      'rejected',
      'submitted',
      'closed',
      'late',
    ]);
    expect(l.selections.get('status/all')!.title).toBe('全部问题');
    expect(l.selections.get('status/rejected')!.title).toBe('问题台账：验收未通过、退回整改');
    expect(l.selections.get('status/rectifying')!.cases.map((c) => c.id)).toEqual(['r']);
  });
});

describe('townships', () => {
  const cases = [
    caseView({ id: 'v', found: '2026-03-01', deadline: '2026-12-31', region: DONGGANG }),
    caseView({ id: 't', found: '2026-03-02', deadline: '2026-12-31', region: BAISHA }),
    caseView({ id: 'k', found: '2026-03-03', deadline: '2026-12-31', region: COUNTY, water: 'dongmen-gou' }),
  ];
  const d = db(cases);
  const l = ledger(d);

  it('files a village case under its township, and a case of the county itself under the county', () => {
    expect(townshipKey(d, { region: DONGGANG })).toBe(CHENGGUAN);
    expect(townshipKey(d, { region: BAISHA })).toBe(BAISHA);
    expect(townshipKey(d, { region: COUNTY })).toBe(COUNTY);
  });
  it("lists the county's own cases first, then the townships by code", () => {
    expect(l.townships.map((t) => [t.code, t.name, t.summary.found])).toEqual([
      [COUNTY, '示例县（县级）', 1],
      [CHENGGUAN, '城关镇', 1],
      [BAISHA, '白沙镇', 1],
    ]);
  });
  it('gives each township its page, its open page and its overdue page', () => {
    const keys = l.byDimension.get('township')!.map((s) => s.key);
    expect(keys.slice(0, 3)).toEqual([`township/${COUNTY}`, `township/${COUNTY}/open`, `township/${COUNTY}/overdue`]);
    expect(keys).toHaveLength(9);
    const open = l.selections.get(`township/${CHENGGUAN}/open`)!;
    expect(open).toMatchObject({
      dim: 'township',
      value: CHENGGUAN,
      status: 'open',
      label: '城关镇',
      title: '城关镇办理中的问题',
      path: `/cases/township/${CHENGGUAN}/open/`,
    });
    expect(l.selections.get(`township/${COUNTY}`)!.title).toBe('示例县（县级）的问题');
  });
  it('each row names the water and the township as the table shows them', () => {
    expect(l.rows.get('v')).toMatchObject({
      township: CHENGGUAN,
      townshipName: '城关镇',
      waterName: '清溪河',
      year: '2026',
    });
    expect(l.rows.get('k')).toMatchObject({ township: COUNTY, townshipName: '示例县', waterName: '东门沟' });
  });
});

describe('categories, sources, years and the chart', () => {
  const cases = [
    caseView({ id: 'p1', found: '2024-12-30', deadline: '2025-03-31', category: 'sand_mining', source: 'report' }),
    caseView({ id: 'p2', found: '2025-06-01', deadline: '2025-07-31', category: 'dumping', source: 'patrol' }),
    caseView({ id: 'p3', found: '2026-10-31', deadline: '2026-12-31', category: 'dumping', source: 'report' }),
  ];
  const l = ledger(db(cases));

  it('has a selection only for the categories and sources present, in the contract order, and years newest first', () => {
    expect(l.byDimension.get('category')!.map((s) => [s.key, s.title])).toEqual([
      ['category/sand_mining', '问题类别：乱采'],
      ['category/dumping', '问题类别：乱堆'],
    ]);
    expect(l.byDimension.get('source')!.map((s) => s.key)).toEqual(['source/patrol', 'source/report']);
    expect(l.byDimension.get('year')!.map((s) => [s.key, s.label, s.cases.length])).toEqual([
      ['year/2026', '2026年', 1],
      ['year/2025', '2025年', 1],
      ['year/2024', '2024年', 1],
    ]);
    expect(l.years.map((y) => y.year)).toEqual(['2024', '2025', '2026']);
  });
  it('charts the CHART_MONTHS months up to the month of as_of', () => {
    expect(l.months).toHaveLength(CHART_MONTHS);
    expect(l.months.at(-1)).toMatchObject({ month: '2026-10', found: 1 });
    expect(l.months[0]!.month).toBe('2024-11');
  });
  it('is built once per Db', () => {
    const d = db(cases);
    expect(ledger(d)).toBe(ledger(d));
    expect(ledger(db(cases))).not.toBe(ledger(d));
  });
});
