/**
 * The public ledger (问题台账): one bounded static page per selection (a
 * status, a township, a township's open or overdue cases, a category, a
 * source, a year), PAGE_SIZE cases a page; no page lists the whole ledger.
 * Built once per Db (memo.ts), so each page does O(own data) work.
 */
import { CASE_CATEGORY, CASE_SOURCE, CASE_STATUS } from '../lib/enums.ts';
import { byCategory, groupByMonth, summary, type CaseMonth, type CaseSummary } from '../lib/case-figures.ts';
import { compare, lastMonths, yearOf } from '../lib/dates.ts';
import { push } from '../lib/collections.ts';
import type { CaseView, Db } from './query.ts';
import { memo } from './memo.ts';
import { pathWithBase } from '../lib/base.ts';

/** Cases on one page of a ledger list. */
export const PAGE_SIZE = 100;
/** Cases in each short list of the ledger's front page. */
export const OVERVIEW_LIST = 10;
/** Months in the ledger's by-month chart. */
export const CHART_MONTHS = 24;

export type Dimension = 'status' | 'township' | 'category' | 'source' | 'year';

/** Status selections: groups first, then each status as the public reads it. */
export const STATUS_FILTERS = [
  { value: 'all', label: '全部问题' },
  { value: 'open', label: '办理中（未销号）' },
  { value: 'overdue', label: '已逾期（未销号）' },
  { value: 'reported', label: CASE_STATUS.labels.reported },
  { value: 'assigned', label: CASE_STATUS.labels.assigned },
  { value: 'rectifying', label: '整改中（含验收未通过）' },
  { value: 'rejected', label: '验收未通过、退回整改' },
  { value: 'submitted', label: CASE_STATUS.labels.submitted },
  { value: 'closed', label: CASE_STATUS.labels.closed },
  { value: 'late', label: '逾期销号' },
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number]['value'];

export function matchesStatus(c: CaseView, f: StatusFilter): boolean {
  const s = c.state;
  switch (f) {
    case 'all':
      return true;
    case 'open':
      return !s.closed;
    case 'overdue':
      return s.overdue;
    case 'rejected':
      return s.backInRectification;
    case 'late':
      return s.closedLate === true;
    default:
      return s.effectiveStatus === f;
  }
}

export interface Selection {
  /** 'status/overdue', 'township/990102000000', 'township/990102000000/open' … */
  key: string;
  dim: Dimension;
  value: string;
  /** A township's open or overdue cases. */
  status?: 'open' | 'overdue';
  /** URL of the first page. */
  path: string;
  /** Short label of the value: 白沙镇, 已逾期, 2025年 … */
  label: string;
  /** Page heading. */
  title: string;
  /** Sorted: overdue lists by days overdue, others newest found first. */
  cases: CaseView[];
  pages: number;
}

export interface LedgerRow {
  case: CaseView;
  township: string;
  townshipName: string;
  waterName: string;
  year: string;
}

export interface Ledger {
  /** Every case, newest found first. */
  all: CaseView[];
  rows: Map<string, LedgerRow>;
  summary: CaseSummary;
  months: CaseMonth[];
  categories: { category: string; summary: CaseSummary }[];
  townships: { code: string; name: string; summary: CaseSummary }[];
  /** Per township with any, the cases of category sign_outdated (公示牌信息有误): which signs are out of date. */
  signs: { code: string; name: string; summary: CaseSummary }[];
  sources: { source: string; summary: CaseSummary }[];
  years: { year: string; summary: CaseSummary }[];
  selections: Map<string, Selection>;
  /** Selections by dimension, in display order (status, township …). */
  byDimension: Map<Dimension, Selection[]>;
}

const byFoundDesc = (a: CaseView, b: CaseView) => compare(b.found, a.found) || compare(b.id, a.id);
const byOverdueDesc = (a: CaseView, b: CaseView) => b.state.overdueDays - a.state.overdueDays || byFoundDesc(a, b);

/** The township a case is filed under; cases of the county itself under the county code. */
export function townshipKey(db: Db, c: { region: string }): string {
  return db.townshipOf(c.region) ?? db.county?.code ?? c.region;
}

export function pagePath(sel: Pick<Selection, 'path'>, page: number): string {
  return page <= 1 ? sel.path : `${sel.path}${page}/`;
}

export function pageSlice(sel: Selection, page: number): CaseView[] {
  return sel.cases.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}

export const ledger = memo((db: Db): Ledger => {
  const all = [...db.cases.values()].sort(byFoundDesc);
  const rows = new Map<string, LedgerRow>();
  for (const c of all) {
    const t = townshipKey(db, c);
    rows.set(c.id, {
      case: c,
      township: t,
      townshipName: db.regions.get(t)?.name ?? t,
      waterName: db.waters.get(c.water)?.name ?? c.water,
      year: yearOf(c.found),
    });
  }
  const states = all.map((c) => c.state);
  const months = groupByMonth(states, lastMonths(db.asOf, CHART_MONTHS));

  const groups = <K extends string>(key: (c: CaseView) => K) => {
    const m = new Map<K, CaseView[]>();
    for (const c of all) push(m, key(c), c);
    return m;
  };
  const byTownship = groups((c) => rows.get(c.id)!.township);
  const byCat = groups((c) => c.category);
  const bySource = groups((c) => c.source);
  const byYear = groups((c) => rows.get(c.id)!.year);

  // Townships in regions.csv order (by code); the county's own cases first.
  const townshipCodes = [
    ...(db.county && byTownship.has(db.county.code) ? [db.county.code] : []),
    ...db.townships.map((t) => t.code).filter((c) => byTownship.has(c)),
    ...[...byTownship.keys()].filter((c) => c !== db.county?.code && !db.townships.some((t) => t.code === c)).sort(),
  ];
  const name = (code: string) =>
    code === db.county?.code ? `${db.regions.get(code)?.name ?? code}（县级）` : (db.regions.get(code)?.name ?? code);

  const selections = new Map<string, Selection>();
  const byDimension = new Map<Dimension, Selection[]>();
  const add = (s: Omit<Selection, 'pages' | 'key' | 'path'> & { key: string }) => {
    const sel: Selection = {
      ...s,
      path: pathWithBase(`/cases/${s.key}/`),
      pages: Math.max(1, Math.ceil(s.cases.length / PAGE_SIZE)),
    };
    selections.set(sel.key, sel);
    push(byDimension, sel.dim, sel);
  };

  for (const f of STATUS_FILTERS) {
    const cases = all.filter((c) => matchesStatus(c, f.value));
    if (f.value === 'overdue') cases.sort(byOverdueDesc);
    add({
      key: `status/${f.value}`,
      dim: 'status',
      value: f.value,
      label: f.label,
      title: f.value === 'all' ? '全部问题' : `问题台账：${f.label}`,
      cases,
    });
  }
  for (const code of townshipCodes) {
    const cases = byTownship.get(code)!;
    add({
      key: `township/${code}`,
      dim: 'township',
      value: code,
      label: name(code),
      title: `${name(code)}的问题`,
      cases,
    });
    const open = cases.filter((c) => !c.state.closed);
    const overdue = cases.filter((c) => c.state.overdue).sort(byOverdueDesc);
    add({
      key: `township/${code}/open`,
      dim: 'township',
      value: code,
      status: 'open',
      label: name(code),
      title: `${name(code)}办理中的问题`,
      cases: open,
    });
    add({
      key: `township/${code}/overdue`,
      dim: 'township',
      value: code,
      status: 'overdue',
      label: name(code),
      title: `${name(code)}已逾期的问题`,
      cases: overdue,
    });
  }
  for (const cat of CASE_CATEGORY.values) {
    const cases = byCat.get(cat);
    if (cases)
      add({
        key: `category/${cat}`,
        dim: 'category',
        value: cat,
        label: CASE_CATEGORY.labels[cat],
        title: `问题类别：${CASE_CATEGORY.labels[cat]}`,
        cases,
      });
  }
  for (const src of CASE_SOURCE.values) {
    const cases = bySource.get(src);
    if (cases)
      add({
        key: `source/${src}`,
        dim: 'source',
        value: src,
        label: CASE_SOURCE.labels[src],
        title: `问题来源：${CASE_SOURCE.labels[src]}`,
        cases,
      });
  }
  for (const year of [...byYear.keys()].sort().reverse()) {
    add({
      key: `year/${year}`,
      dim: 'year',
      value: year,
      label: `${year}年`,
      title: `${year}年发现的问题`,
      cases: byYear.get(year)!,
    });
  }

  return {
    all,
    rows,
    summary: summary(states),
    months,
    categories: byCategory(all.map((c) => ({ category: c.category, state: c.state }))),
    townships: townshipCodes.map((code) => ({
      code,
      name: name(code),
      summary: summary(byTownship.get(code)!.map((c) => c.state)),
    })),
    signs: townshipCodes
      .map((code) => ({
        code,
        name: name(code),
        cases: byTownship.get(code)!.filter((c) => c.category === 'sign_outdated'),
      }))
      .filter((t) => t.cases.length > 0)
      .map(({ code, name: n, cases }) => ({ code, name: n, summary: summary(cases.map((c) => c.state)) })),
    sources: CASE_SOURCE.values
      .filter((s) => bySource.has(s))
      .map((s) => ({ source: s, summary: summary(bySource.get(s)!.map((c) => c.state)) })),
    years: [...byYear.keys()].sort().map((year) => ({ year, summary: summary(byYear.get(year)!.map((c) => c.state)) })),
    selections,
    byDimension,
  };
});

/** Every ledger page: [selection, page number]. */
export function ledgerPages(db: Db): { sel: Selection; page: number }[] {
  const out: { sel: Selection; page: number }[] = [];
  for (const sel of ledger(db).selections.values())
    for (let page = 1; page <= sel.pages; page++) out.push({ sel, page });
  return out;
}
