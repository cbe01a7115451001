/**
 * Indexes for the public ledger (问题台账), the report lookup (办理进度查询),
 * inspection results (督查考核), patrol compliance (巡河履职) and the feed,
 * each derived from the query module's Db once per build (memoised in a
 * WeakMap keyed by the Db) so every page does only O(own data) work.
 *
 * The ledger is published as bounded static pages: one page per selection
 * (a status, a township, a township's open or overdue cases, a category, a
 * source, a year), PAGE_SIZE cases a page. No page lists the whole ledger.
 */
import { CASE_CATEGORY, CASE_SOURCE, CASE_STATUS, SUBJECT_KIND, type CaseStatus, type SubjectKind } from '../lib/enums.ts';
import { byCategory, groupByMonth, summary, type CaseMonth, type CaseState, type CaseSummary } from '../lib/cases.ts';
import { addDays, addMonths, daysBetween, listMonths, monthOf } from '../lib/dates.ts';
import { formatDateZh } from '../lib/format.ts';
import { parsePeriod, rankingWithChanges, sortPeriods, type RankingChange, type InspectionRecord } from '../lib/inspections.ts';
import { allShardKeys, keyLength, normaliseRef, shardKey } from '../lib/track.ts';
import { tagUri, type FeedEntry } from '../lib/feed.ts';
import type { PatrolCell } from '../lib/patrols.ts';
import type { CaseView, Db } from './query.ts';
import { accountabilityIndex } from './accountability.ts';
import { memo } from './memo.ts';

/** Cases on one page of a ledger list. */
export const PAGE_SIZE = 100;
/** Cases in each short list of the ledger's front page. */
export const OVERVIEW_LIST = 10;
/** Months in the ledger's by-month chart. */
export const CHART_MONTHS = 24;
/** Entries in /feed.xml. */
export const FEED_LIMIT = 200;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------
// Wording of a case's state, shared by the pages, the lookup shards and the feed.

/** The status as a reader should read it: `rejected` is back in rectification. */
export function statusLabel(status: CaseStatus): string {
  return status === 'rejected' ? '整改中（验收未通过）' : CASE_STATUS.labels[status];
}

/** One plain sentence on the deadline: overdue, closed on time or late, or time left. */
export function deadlineText(state: CaseState): string {
  const deadline = formatDateZh(state.deadline);
  if (state.closed) {
    const on = formatDateZh(state.closedOn!);
    return state.closedOnTime
      ? `已于${on}销号，在整改时限（${deadline}）内完成。`
      : `已于${on}销号，比整改时限（${deadline}）晚 ${state.daysLate} 天，属逾期完成。`;
  }
  if (state.overdue)
    return `已逾期 ${state.overdueDays} 天：整改时限是${deadline}，截至${formatDateZh(state.asOf)}仍未销号。`;
  const left = daysBetween(state.asOf, state.deadline);
  return left === 0
    ? `未逾期：整改时限就是数据截止日${deadline}。`
    : `未逾期：整改时限是${deadline}，距数据截止日（${formatDateZh(state.asOf)}）还有 ${left} 天。`;
}

/** A short tag for tables: 逾期 N 天 / 逾期完成 / 按期完成 / ''. */
export function overdueTag(state: CaseState): string {
  if (state.overdue) return `逾期 ${state.overdueDays} 天`;
  if (state.closedLate) return `逾期 ${state.daysLate} 天完成`;
  if (state.closedOnTime) return '按期完成';
  return '';
}

// ---------------------------------------------------------------------------
// The ledger: selections and their pages.

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
  sources: { source: string; summary: CaseSummary }[];
  years: { year: string; summary: CaseSummary }[];
  selections: Map<string, Selection>;
  /** Selections by dimension, in display order (status, township …). */
  byDimension: Map<Dimension, Selection[]>;
}

const byFoundDesc = (a: CaseView, b: CaseView) => cmp(b.found, a.found) || cmp(b.id, a.id);
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
      year: c.found.slice(0, 4),
    });
  }
  const states = all.map((c) => c.state);
  const lastMonth = monthOf(db.asOf);
  const months = groupByMonth(states, listMonths(addMonths(lastMonth, -(CHART_MONTHS - 1)), lastMonth));

  const groups = <K extends string>(key: (c: CaseView) => K) => {
    const m = new Map<K, CaseView[]>();
    for (const c of all) {
      const k = key(c);
      const list = m.get(k);
      if (list) list.push(c);
      else m.set(k, [c]);
    }
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
  const name = (code: string) => (code === db.county?.code ? `${db.regions.get(code)?.name ?? code}（县级）` : db.regions.get(code)?.name ?? code);

  const selections = new Map<string, Selection>();
  const byDimension = new Map<Dimension, Selection[]>();
  const add = (s: Omit<Selection, 'pages' | 'key' | 'path'> & { key: string }) => {
    const sel: Selection = { ...s, path: `/cases/${s.key}/`, pages: Math.max(1, Math.ceil(s.cases.length / PAGE_SIZE)) };
    selections.set(sel.key, sel);
    const list = byDimension.get(sel.dim);
    if (list) list.push(sel);
    else byDimension.set(sel.dim, [sel]);
  };

  for (const f of STATUS_FILTERS) {
    const cases = all.filter((c) => matchesStatus(c, f.value));
    if (f.value === 'overdue') cases.sort(byOverdueDesc);
    add({ key: `status/${f.value}`, dim: 'status', value: f.value, label: f.label, title: f.value === 'all' ? '全部问题' : `问题台账：${f.label}`, cases });
  }
  for (const code of townshipCodes) {
    const cases = byTownship.get(code)!;
    add({ key: `township/${code}`, dim: 'township', value: code, label: name(code), title: `${name(code)}的问题`, cases });
    const open = cases.filter((c) => !c.state.closed);
    const overdue = cases.filter((c) => c.state.overdue).sort(byOverdueDesc);
    add({ key: `township/${code}/open`, dim: 'township', value: code, status: 'open', label: name(code), title: `${name(code)}办理中的问题`, cases: open });
    add({ key: `township/${code}/overdue`, dim: 'township', value: code, status: 'overdue', label: name(code), title: `${name(code)}已逾期的问题`, cases: overdue });
  }
  for (const cat of CASE_CATEGORY.values) {
    const cases = byCat.get(cat);
    if (cases) add({ key: `category/${cat}`, dim: 'category', value: cat, label: CASE_CATEGORY.labels[cat], title: `问题类别：${CASE_CATEGORY.labels[cat]}`, cases });
  }
  for (const src of CASE_SOURCE.values) {
    const cases = bySource.get(src);
    if (cases) add({ key: `source/${src}`, dim: 'source', value: src, label: CASE_SOURCE.labels[src], title: `问题来源：${CASE_SOURCE.labels[src]}`, cases });
  }
  for (const year of [...byYear.keys()].sort().reverse()) {
    add({ key: `year/${year}`, dim: 'year', value: year, label: `${year}年`, title: `${year}年发现的问题`, cases: byYear.get(year)! });
  }

  return {
    all,
    rows,
    summary: summary(states),
    months,
    categories: byCategory(all.map((c) => ({ category: c.category, state: c.state }))),
    townships: townshipCodes.map((code) => ({ code, name: name(code), summary: summary(byTownship.get(code)!.map((c) => c.state)) })),
    sources: CASE_SOURCE.values.filter((s) => bySource.has(s)).map((s) => ({ source: s, summary: summary(bySource.get(s)!.map((c) => c.state)) })),
    years: [...byYear.keys()].sort().map((year) => ({ year, summary: summary(byYear.get(year)!.map((c) => c.state)) })),
    selections,
    byDimension,
  };
});

/** Every ledger page: [selection, page number]. */
export function ledgerPages(db: Db): { sel: Selection; page: number }[] {
  const out: { sel: Selection; page: number }[] = [];
  for (const sel of ledger(db).selections.values()) for (let page = 1; page <= sel.pages; page++) out.push({ sel, page });
  return out;
}

// ---------------------------------------------------------------------------
// The report lookup: /track/<key>.json shards.

export interface TrackEvent {
  date: string;
  status: CaseStatus;
  status_label: string;
  note: string | null;
  by: string | null;
}

export interface TrackCase {
  /** The reference as the data writes it. */
  ref: string;
  /** normaliseRef(ref): what the lookup compares. */
  key: string;
  id: string;
  title: string;
  url: string;
  water: string;
  township: string;
  found: string;
  deadline: string;
  status: CaseStatus;
  status_label: string;
  closed: boolean;
  overdue: boolean;
  overdue_days: number;
  /** One plain sentence: overdue, closed on time or late, time left. */
  deadline_text: string;
  events: TrackEvent[];
}

export interface TrackShard {
  as_of: string;
  cases: TrackCase[];
}

export interface TrackIndex {
  keyLength: number;
  refs: number;
  shards: Map<string, TrackShard>;
}

export const trackIndex = memo((db: Db): TrackIndex => {
  const { rows } = ledger(db);
  const withRef = [...db.cases.values()].filter((c) => c.report_ref && normaliseRef(c.report_ref) !== '');
  const length = keyLength(withRef.length);
  const shards = new Map<string, TrackShard>(allShardKeys(length).map((k) => [k, { as_of: db.asOf, cases: [] }]));
  for (const c of withRef.sort((a, b) => cmp(normaliseRef(a.report_ref!), normaliseRef(b.report_ref!)) || cmp(a.id, b.id))) {
    const key = normaliseRef(c.report_ref!);
    const row = rows.get(c.id)!;
    shards.get(shardKey(key, length))!.cases.push({
      ref: c.report_ref!,
      key,
      id: c.id,
      title: c.title,
      url: `/cases/${c.id}/`,
      water: row.waterName,
      township: row.townshipName,
      found: c.found,
      deadline: c.deadline,
      status: c.state.status,
      status_label: statusLabel(c.state.status),
      closed: c.state.closed,
      overdue: c.state.overdue,
      overdue_days: c.state.overdueDays,
      deadline_text: deadlineText(c.state),
      events: c.events.map((e) => ({ date: e.date, status: e.status, status_label: CASE_STATUS.labels[e.status], note: e.note ?? null, by: e.by ?? null })),
    });
  }
  return { keyLength: length, refs: withRef.length, shards };
});

// ---------------------------------------------------------------------------
// Inspections (督查考核).

export interface RankedRow extends RankingChange {
  name: string;
  href: string | null;
}

export interface PeriodView {
  /** Normalised period: '2026-Q3'. */
  id: string;
  /** URL segment: '2026-q3'. */
  slug: string;
  label: string;
  /** Latest notice date among its records. */
  date: string;
  /** Ranking per subject kind (region, chief, water order), with change since the previous period. */
  kinds: { kind: SubjectKind; rows: RankedRow[]; previous: string | null }[];
  documents: string[];
}

export function periodSlug(period: string): string {
  return (parsePeriod(period)?.id ?? period).toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

export function subjectName(db: Db, kind: SubjectKind, subject: string): string {
  if (kind === 'region') {
    const r = db.regions.get(subject);
    return r ? (r.code === db.county?.code ? `${r.name}（全县）` : r.name) : subject;
  }
  if (kind === 'chief') {
    const c = db.chiefs.get(subject);
    return c ? `${c.name}（${c.position}）` : subject;
  }
  return db.waters.get(subject)?.name ?? subject;
}

export function subjectHref(db: Db, kind: SubjectKind, subject: string): string | null {
  if (kind === 'chief') return db.chiefs.has(subject) ? `/chiefs/${subject}/` : null;
  if (kind === 'water') return db.waters.has(subject) ? `/waters/${subject}/` : null;
  return db.regions.has(subject) ? `/inspections/#region-${subject}` : null;
}

export interface InspectionIndex {
  /** Newest first. */
  periods: PeriodView[];
  bySlug: Map<string, PeriodView>;
  /** `${kind}:${subject}` → results in chronological order with changes. */
  history: Map<string, RankedRow[]>;
  /** Subjects per kind that have results, in first-ranked order of their latest period. */
  subjects: Map<SubjectKind, string[]>;
}

export const inspectionIndex = memo((db: Db): InspectionIndex => {
  const records = db.inspections as unknown as InspectionRecord[];
  const periodIds = sortPeriods(records.map((r) => r.period));
  const periods: PeriodView[] = [];
  const history = new Map<string, RankedRow[]>();
  for (const id of periodIds) {
    const own = records.filter((r) => (parsePeriod(r.period)?.id ?? r.period) === id);
    const kinds: PeriodView['kinds'] = [];
    for (const kind of SUBJECT_KIND.values) {
      if (!own.some((r) => r.subject_kind === kind)) continue;
      // A subject listed twice in a period: keep its later-dated (then later) row.
      const seen = new Set<string>();
      const changes = rankingWithChanges(records, id, kind);
      const latestRow = new Map<string, InspectionRecord>();
      for (const r of own) if (r.subject_kind === kind) {
        const prev = latestRow.get(r.subject);
        if (!prev || (r.date ?? '') >= (prev.date ?? '')) latestRow.set(r.subject, r);
      }
      const rows: RankedRow[] = [];
      for (const ch of changes) {
        if (seen.has(ch.record.subject) || latestRow.get(ch.record.subject) !== ch.record) continue;
        seen.add(ch.record.subject);
        const row = { ...ch, name: subjectName(db, kind, ch.record.subject), href: subjectHref(db, kind, ch.record.subject) };
        rows.push(row);
        const hk = `${kind}:${ch.record.subject}`;
        const list = history.get(hk);
        if (list) list.push(row);
        else history.set(hk, [row]);
      }
      kinds.push({ kind, rows, previous: changes[0]?.previousPeriod ?? null });
    }
    periods.push({
      id,
      slug: periodSlug(id),
      label: parsePeriod(id)?.label ?? id,
      date: own.reduce((m, r) => ((r.date ?? '') > m ? (r.date ?? '') : m), ''),
      kinds,
      documents: [...new Set(own.map((r) => r.document).filter((d): d is string => !!d))],
    });
  }
  periods.reverse();
  const subjects = new Map<SubjectKind, string[]>();
  for (const kind of SUBJECT_KIND.values) {
    const order: string[] = [];
    const seen = new Set<string>();
    for (const p of periods) for (const k of p.kinds) if (k.kind === kind) for (const r of k.rows) if (!seen.has(r.record.subject)) {
      seen.add(r.record.subject);
      order.push(r.record.subject);
    }
    if (order.length) subjects.set(kind, order);
  }
  return { periods, bySlug: new Map(periods.map((p) => [p.slug, p])), history, subjects };
});

// ---------------------------------------------------------------------------
// Patrol compliance (巡河履职).

export interface PatrolGroup {
  /** Township code, or the county code for county-level chiefs. */
  code: string;
  name: string;
  chiefs: number;
  chiefsShort: number;
  required: number;
  done: number;
  credited: number;
  shortMonths: number;
  rate: number | null;
  /** Per month: chiefs who owed patrols, those who fell short, patrols missing. */
  months: { month: string; owing: number; short: PatrolCell[]; missing: number }[];
  /** Chiefs with at least one short month, most short months first. */
  shortChiefs: { chief: string; name: string; position: string; level: string; months: number; shortMonths: number; required: number; done: number; cells: PatrolCell[] }[];
}

export interface PatrolIndex {
  months: string[];
  groups: PatrolGroup[];
  byCode: Map<string, PatrolGroup>;
  /** Per month over the whole area. */
  totals: { month: string; owing: number; short: number; missing: number }[];
}

export const patrolIndex = memo((db: Db): PatrolIndex => {
  const pc = db.patrolCompliance;
  const groups: PatrolGroup[] = [];
  const order = [db.county?.code, ...db.townships.map((t) => t.code)].filter((c): c is string => !!c);
  const regionRows = [...pc.byRegion].sort((a, b) => {
    const ia = order.indexOf(a.region);
    const ib = order.indexOf(b.region);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || cmp(a.region, b.region);
  });
  const chiefsByRegion = new Map<string, typeof pc.byChief>();
  for (const c of pc.byChief) {
    const list = chiefsByRegion.get(c.region);
    if (list) list.push(c);
    else chiefsByRegion.set(c.region, [c]);
  }
  for (const r of regionRows) {
    if (r.months === 0) continue;
    const chiefs = chiefsByRegion.get(r.region) ?? [];
    const monthMap = new Map(pc.months.map((m) => [m, { month: m, owing: 0, short: [] as PatrolCell[], missing: 0 }]));
    const shortChiefs: PatrolGroup['shortChiefs'] = [];
    for (const ch of chiefs) {
      const cells = db.patrolCellsByChief.get(ch.chief) ?? [];
      for (const cell of cells) {
        const m = monthMap.get(cell.month);
        if (!m || cell.required === 0) continue;
        m.owing++;
        if (cell.short) {
          m.short.push(cell);
          m.missing += cell.missing;
        }
      }
      if (ch.shortMonths > 0) {
        const chief = db.chiefs.get(ch.chief);
        shortChiefs.push({
          chief: ch.chief,
          name: chief?.name ?? ch.chief,
          position: chief?.position ?? '',
          level: ch.level,
          months: ch.months,
          shortMonths: ch.shortMonths,
          required: ch.required,
          done: ch.done,
          cells: cells.filter((c) => c.short),
        });
      }
    }
    shortChiefs.sort((a, b) => b.shortMonths - a.shortMonths || a.done - b.done || cmp(a.chief, b.chief));
    const code = r.region;
    groups.push({
      code,
      name: code === db.county?.code ? `${db.regions.get(code)?.name ?? code}（县级河长）` : db.regions.get(code)?.name ?? code,
      chiefs: r.chiefs,
      chiefsShort: r.chiefsShort,
      required: r.required,
      done: r.done,
      credited: r.credited,
      shortMonths: r.shortMonths,
      rate: r.rate,
      months: [...monthMap.values()],
      shortChiefs,
    });
  }
  const totals = pc.months.map((month) => {
    let owing = 0;
    let short = 0;
    let missing = 0;
    for (const g of groups) {
      const m = g.months.find((x) => x.month === month)!;
      owing += m.owing;
      short += m.short.length;
      missing += m.missing;
    }
    return { month, owing, short, missing };
  });
  return { months: pc.months, groups, byCode: new Map(groups.map((g) => [g.code, g])), totals };
});

// ---------------------------------------------------------------------------
// The feed.

const yearOfDate = (d: string) => d.slice(0, 4);

/** How a subject kind is called in headings and the feed. */
export const KIND_TITLE: Record<SubjectKind, string> = { region: '乡镇（街道）', chief: '河长', water: '河湖' };

/** ASCII slugs of the action kinds, for feed ids that read well. */
const ACTION_SLUG: Record<string, string> = { 约谈: 'interview', 通报批评: 'criticism', 警告: 'warning', 免职: 'removal', other: 'other' };

/** Entries of /feed.xml: every case status change, cases falling overdue, inspection results and accountability actions; newest FEED_LIMIT. */
export function feedEntries(db: Db): FeedEntry[] {
  const site = db.site.url;
  const abs = (path: string) => new URL(path, site).href;
  const { rows } = ledger(db);
  // Candidates are dated ids with a builder: at city scale there are some
  // 100,000 case events, and only the newest FEED_LIMIT are written out.
  const candidates: { updated: string; id: string; make: () => Omit<FeedEntry, 'id' | 'updated'> }[] = [];
  const add = (updated: string, specific: string, make: () => Omit<FeedEntry, 'id' | 'updated'>) =>
    candidates.push({ updated, id: tagUri(site, yearOfDate(updated), specific), make });

  for (const c of db.cases.values()) {
    const events = c.events.length ? c.events : [{ case: c.id, date: c.found, status: 'reported' as const, note: undefined, by: undefined }];
    const seen = new Map<string, number>();
    const where = () => {
      const row = rows.get(c.id)!;
      return `${row.waterName}（${row.townshipName}）`;
    };
    for (const e of events) {
      if (e.date > db.asOf) continue;
      const n = (seen.get(e.status) ?? 0) + 1;
      seen.set(e.status, n);
      add(e.date, `case/${c.id}/${e.status}${n > 1 ? `-${n}` : ''}`, () => {
        const detail = [e.note, e.by && `办理单位：${e.by}`].filter(Boolean).join('；');
        return {
          title: `${CASE_STATUS.labels[e.status]}：${c.title}`,
          link: abs(`/cases/${c.id}/`),
          summary: [
            `${formatDateZh(e.date)}${CASE_STATUS.labels[e.status]}。${detail ? `${detail}。` : ''}`,
            `位置：${where()}；类别：${CASE_CATEGORY.labels[c.category]}；责任单位：${c.responsible}；整改时限：${formatDateZh(c.deadline)}。`,
            e.status === 'reported' && c.description ? c.description : '',
          ]
            .filter(Boolean)
            .join('\n'),
          categories: [{ term: 'case', label: '问题整改' }, { term: e.status, label: CASE_STATUS.labels[e.status] }],
        };
      });
    }
    // Falling overdue is a change too: the day after the deadline, if not closed by then.
    const overdueFrom = addDays(c.deadline, 1);
    if (overdueFrom <= db.asOf && (!c.state.closed || c.state.closedOn! > c.deadline)) {
      add(overdueFrom, `case/${c.id}/overdue`, () => ({
        title: `逾期：${c.title}`,
        link: abs(`/cases/${c.id}/`),
        summary: `整改时限${formatDateZh(c.deadline)}已过，问题未销号。位置：${where()}；责任单位：${c.responsible}。`,
        categories: [{ term: 'case', label: '问题整改' }, { term: 'overdue', label: '逾期' }],
      }));
    }
  }

  for (const p of inspectionIndex(db).periods) {
    for (const k of p.kinds) {
      const dates = k.rows.map((r) => r.record.date ?? '').filter(Boolean).sort();
      const date = dates.at(-1);
      if (!date || date > db.asOf) continue;
      add(date, `inspection/${p.id}/${k.kind}`, () => {
        const top = k.rows.slice(0, 10).map((r) => `${r.record.rank != null ? `第${r.record.rank}名 ` : ''}${r.name}${r.record.score != null ? ` ${r.record.score}分` : ''}${r.record.result ? `（${r.record.result}）` : ''}`);
        return {
          title: `${p.label}${KIND_TITLE[k.kind]}考核结果`,
          link: abs(`/inspections/${p.slug}/`),
          summary: `共 ${k.rows.length} 个考核对象。${top.join('；')}${k.rows.length > top.length ? '……' : ''}`,
          categories: [{ term: 'inspection', label: '督查考核' }],
        };
      });
    }
  }

  const seenAction = new Map<string, number>();
  for (const a of [...db.actions].sort((x, y) => cmp(x.date, y.date) || cmp(x.chief, y.chief) || cmp(x.kind, y.kind))) {
    if (a.date > db.asOf) continue;
    const base = `action/${a.date}/${a.chief}/${ACTION_SLUG[a.kind] ?? a.kind}`;
    const n = (seenAction.get(base) ?? 0) + 1;
    seenAction.set(base, n);
    add(a.date, n > 1 ? `${base}-${n}` : base, () => {
      const chief = db.chiefs.get(a.chief);
      return {
        title: `${a.kind === 'other' ? '问责' : a.kind}：${chief ? `${chief.name}（${chief.position}）` : a.chief}`,
        link: abs(`/chiefs/${a.chief}/`),
        summary: `${formatDateZh(a.date)}，${a.reason}`,
        categories: [{ term: 'action', label: '问责' }],
      };
    });
  }

  // A required action that the window closed on without a record: news on
  // the day after the window's last day.
  for (const r of accountabilityIndex(db).rows) {
    if (r.status !== 'missing') continue;
    const on = addDays(r.closes, 1);
    add(on, `accountability/${r.station}/${r.rule}/${r.from}/${r.length}`, () => {
      const station = db.stations.get(r.station)!;
      const unit = r.rule === 'yearly' ? '年' : '个月';
      const names = r.responsible.map((c) => db.chiefs.get(c)?.name ?? c).join('、') || '（数据中没有当时的责任河长）';
      return {
        title: `问责未见记录：${station.name}连续${r.length}${unit}未达标应${r.required}`,
        link: abs(`/accountability/#${r.key}`),
        summary: `${station.name}${r.rule === 'yearly' ? '年均值' : ''}自${r.from}起连续${r.length}${unit}未达到水质目标，按规定应${r.required}。当时的责任河长：${names}。${formatDateZh(r.opens)}至${formatDateZh(r.closes)}期间问责记录中没有相应记录。`,
        categories: [{ term: 'accountability', label: '问责对照' }, { term: 'missing', label: '未见记录' }],
      };
    });
  }

  return candidates
    .sort((x, y) => cmp(y.updated, x.updated) || cmp(x.id, y.id))
    .slice(0, FEED_LIMIT)
    .map((c) => ({ id: c.id, updated: c.updated, ...c.make() }));
}
