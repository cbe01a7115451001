/**
 * Inspection and assessment results (督查考核, inspections.csv): assessment
 * periods, ranking tables and each subject's change between periods (a
 * subject's history across periods is built from these in src/data/inspections.ts).
 *
 * Periods are written `2026` (year), `2026-H1`/`2026-H2` (half), `2026-Q1` …
 * `2026-Q4` (quarter) or `2026-03` (month); `q`/`h` are accepted in lower case.
 *
 * Order of periods: by end date, then the shorter period first, i.e. a period
 * is listed when its result can be known. So 2026-03 < 2026-Q1 < 2026-04 …
 * < 2026-06 < 2026-Q2 < 2026-H1 < … < 2026-12 < 2026-Q4 < 2026-H2 < 2026:
 * a year comes after its quarters and halves, as its assessment does.
 *
 * Changes are measured between consecutive periods of the same kind (quarter
 * to quarter, year to year …): the previous period is the latest earlier one
 * of the same kind that has results for the same subject kind. A half year is
 * never compared with a quarter.
 *
 * Plain TypeScript, no Astro imports, no clock.
 */
import type { SubjectKind } from './enums.ts';
import { compare, firstDayOfMonth, lastDayOfMonth } from './dates.ts';
import { compareText } from './collections.ts';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  /** Normalised text: '2026', '2026-H1', '2026-Q3', '2026-03'. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** 1–2 for a half, 1–4 for a quarter, 1–12 for a month, 1 for a year. */
  index: number;
  /** First day, 'YYYY-MM-DD'. */
  start: string;
  /** Last day, 'YYYY-MM-DD'. */
  end: string;
  /** Chinese label: 2026年度, 2026年上半年, 2026年第三季度, 2026年3月. */
  label: string;
}

const QUARTER_ZH = ['一', '二', '三', '四'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Parsed periods by text: a build compares the few distinct periods of many rows over and over. */
const parsed = new Map<string, Period | null>();

/** Parse a period; null when it is not one of the four forms. The result is shared: do not modify it. */
export function parsePeriod(text: string): Period | null {
  let p = parsed.get(text);
  if (p === undefined) {
    if (parsed.size > 10_000) parsed.clear();
    p = parse(text);
    parsed.set(text, p && Object.freeze(p));
  }
  return p;
}

function parse(text: string): Period | null {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) {
    const y = Number(m[1]);
    return { id: t, kind: 'year', year: y, index: 1, start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, label: `${y}年度` };
  }
  if ((m = /^(\d{4})-[Hh]([12])$/.exec(t))) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return {
      id: `${m[1]}-H${h}`,
      kind: 'half',
      year: y,
      index: h,
      start: `${m[1]}-${h === 1 ? '01' : '07'}-01`,
      end: `${m[1]}-${h === 1 ? '06-30' : '12-31'}`,
      label: `${y}年${h === 1 ? '上' : '下'}半年`,
    };
  }
  if ((m = /^(\d{4})-[Qq]([1-4])$/.exec(t))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const firstMonth = `${m[1]}-${pad2(q * 3 - 2)}`;
    const lastMonth = `${m[1]}-${pad2(q * 3)}`;
    return {
      id: `${m[1]}-Q${q}`,
      kind: 'quarter',
      year: y,
      index: q,
      start: firstDayOfMonth(firstMonth),
      end: lastDayOfMonth(lastMonth),
      label: `${y}年第${QUARTER_ZH[q - 1]}季度`,
    };
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return {
      id: t,
      kind: 'month',
      year: y,
      index: mo,
      start: firstDayOfMonth(t),
      end: lastDayOfMonth(t),
      label: `${y}年${mo}月`,
    };
  }
  return null;
}

/**
 * Chronological order of two periods: by end date, then shorter first (later
 * start first), then by text. Invalid periods sort after valid ones, by text.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa && pb) {
    return compare(pa.end, pb.end) || compare(pb.start, pa.start) || compareText(pa.id, pb.id);
  }
  if (pa) return -1;
  if (pb) return 1;
  return compareText(a, b);
}

/** Distinct periods in chronological order (see comparePeriods); equal forms ('2026-q1', '2026-Q1') merged. */
export function sortPeriods(periods: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const p of periods) {
    const id = parsePeriod(p)?.id ?? p;
    if (!seen.has(id)) seen.set(id, id);
  }
  return [...seen.values()].sort(comparePeriods);
}

/** One row of inspections.csv. */
export interface InspectionRecord {
  id: string;
  period: string;
  date?: string;
  subject_kind: SubjectKind;
  subject: string;
  score?: number | null;
  rank?: number | null;
  result?: string;
  document?: string | null;
  note?: string;
  line?: number;
}

const samePeriod = (a: string, b: string) => (parsePeriod(a)?.id ?? a) === (parsePeriod(b)?.id ?? b);
const has = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** Ranking order: rank ascending, then score descending (missing rank/score last), then subject id. */
export function compareRanking(a: InspectionRecord, b: InspectionRecord): number {
  const ra = has(a.rank);
  const rb = has(b.rank);
  if (ra && rb && a.rank !== b.rank) return a.rank! - b.rank!;
  if (ra !== rb) return ra ? -1 : 1;
  const sa = has(a.score);
  const sb = has(b.score);
  if (sa && sb && a.score !== b.score) return b.score! - a.score!;
  if (sa !== sb) return sa ? -1 : 1;
  return compareText(a.subject, b.subject);
}

/** The results of one period (optionally one subject kind), in ranking order. */
export function rankingTable(
  records: readonly InspectionRecord[],
  period: string,
  subjectKind?: SubjectKind,
): InspectionRecord[] {
  return records
    .filter((r) => samePeriod(r.period, period) && (subjectKind === undefined || r.subject_kind === subjectKind))
    .sort(compareRanking);
}

/**
 * The period of the same kind before `period` that has results for
 * `subjectKind` in `records` (the latest such), or null.
 */
export function previousPeriod(
  records: readonly InspectionRecord[],
  period: string,
  subjectKind: SubjectKind,
): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const earlier = sortPeriods(records.filter((r) => r.subject_kind === subjectKind).map((r) => r.period)).filter(
    (x) => {
      const q = parsePeriod(x);
      return q !== null && q.kind === p.kind && comparePeriods(x, p.id) < 0;
    },
  );
  return earlier.at(-1) ?? null;
}

export interface RankingChange {
  record: InspectionRecord;
  /** The previous period of the same kind compared with, or null. */
  previousPeriod: string | null;
  /** The subject's result in that period, or null. */
  previous: InspectionRecord | null;
  /** Places climbed: previous rank − rank (positive = better); null if a rank is missing. */
  rankUp: number | null;
  /** score − previous score; null if a score is missing. */
  scoreChange: number | null;
}

function change(
  record: InspectionRecord,
  previousPeriod: string | null,
  previous: InspectionRecord | null,
): RankingChange {
  return {
    record,
    previousPeriod,
    previous,
    rankUp: previous && has(previous.rank) && has(record.rank) ? previous.rank - record.rank : null,
    scoreChange: previous && has(previous.score) && has(record.score) ? round(record.score - previous.score) : null,
  };
}

/** Avoid 0.30000000000000004 in published differences. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Every subject's record in a period, in one pass: when listed twice, the later-dated (then later) row. */
function recordsOf(
  records: readonly InspectionRecord[],
  period: string,
  subjectKind: SubjectKind,
): Map<string, InspectionRecord> {
  const out = new Map<string, InspectionRecord>();
  for (const r of records)
    if (r.subject_kind === subjectKind && samePeriod(r.period, period)) {
      const found = out.get(r.subject);
      if (!found || (r.date ?? '') >= (found.date ?? '')) out.set(r.subject, r);
    }
  return out;
}

/** The ranking table of a period with each subject's change since the previous period of the same kind. */
export function rankingWithChanges(
  records: readonly InspectionRecord[],
  period: string,
  subjectKind: SubjectKind,
): RankingChange[] {
  const prev = previousPeriod(records, period, subjectKind);
  // One lookup map, not a scan per row: a period can rank thousands of chiefs.
  const before = prev ? recordsOf(records, prev, subjectKind) : null;
  return rankingTable(records, period, subjectKind).map((r) => change(r, prev, before?.get(r.subject) ?? null));
}

// ---------------------------------------------------------------------------
// Grades (contract v2: site.yaml `rules.inspection_grades`). When an office
// sets them, a row's result must be the grade its score falls in, and ranks
// must agree with scores.

/** The lowest score of each grade, e.g. { 优秀: 90, 良好: 80, 合格: 60, 不合格: 0 }. */
export type Grades = Readonly<Record<string, number>>;

export interface GradeBand {
  name: string;
  /** The grade's lowest score (included). */
  min: number;
  /** The next better grade's lowest score (excluded); null for the best grade. */
  below: number | null;
}

/**
 * The grades from best to worst, each with its range of scores: a score is
 * in a band when min ≤ score < below. Grades sharing a lowest score (which
 * site.yaml validation refuses) keep their written order.
 */
export function gradeBands(grades: Grades): GradeBand[] {
  const sorted = Object.entries(grades).sort((a, b) => b[1] - a[1]);
  return sorted.map(([name, min], i) => ({ name, min, below: i === 0 ? null : sorted[i - 1]![1] }));
}

/** The band a score falls in: the one with the highest lowest score ≤ score; null below every grade. */
export function gradeOf(bands: readonly GradeBand[], score: number): GradeBand | null {
  return bands.find((b) => score >= b.min) ?? null;
}

/** A band's range in words: `90 分及以上`, `80 分及以上、低于 90 分`, and `低于 60 分` for a lowest grade starting at 0. */
export function bandRangeZh(band: GradeBand, lowest = false): string {
  if (band.below === null) return `${band.min} 分及以上`;
  if (lowest && band.min === 0) return `低于 ${band.below} 分`;
  return `${band.min} 分及以上、低于 ${band.below} 分`;
}

/** A band's range for the English messages: `score ≥ 90`, `80 ≤ score < 90`. */
export function bandRangeEn(band: GradeBand): string {
  return band.below === null ? `score ≥ ${band.min}` : `${band.min} ≤ score < ${band.below}`;
}

/** Every grade and its range, as the assessment rules word it: `90 分及以上为优秀；80 分及以上、低于 90 分为良好；…`. */
export function gradesText(grades: Grades): string {
  const bands = gradeBands(grades);
  return bands.map((b, i) => `${bandRangeZh(b, i === bands.length - 1)}为${b.name}`).join('；');
}

/** Pairs of grades given the same lowest score: [the later grade as written, the earlier one]. */
export function sharedThresholds(grades: Grades): [string, string][] {
  const first = new Map<number, string>();
  const out: [string, string][] = [];
  for (const [name, min] of Object.entries(grades)) {
    const prev = first.get(min);
    if (prev !== undefined) out.push([name, prev]);
    else first.set(min, name);
  }
  return out;
}

/** A row whose rank contradicts the scores, and a row it contradicts. */
export interface RankConflict<T extends InspectionRecord> {
  record: T;
  other: T;
}

/**
 * Rows whose rank disagrees with the order of scores among the rows of the
 * same period and subject kind: a contradiction is a pair where one row has a
 * higher score and a lower place (a larger rank number). Equal scores may
 * share or split ranks; gaps in ranks are fine. Rows without a score or a
 * rank are not judged, nor a row replaced by a later-dated row of the same
 * subject in the same period (its rank belongs to a superseded ranking).
 *
 * Of the rows that contradict each other, the fewest are named: all rows but
 * a largest set that agrees (for one misplaced row, that row alone; for two
 * swapped rows, one of them), each with the nearest-scored agreeing row it
 * contradicts. Returned in input order. O(n log n) per group.
 */
export function rankConflicts<T extends InspectionRecord>(records: readonly T[]): RankConflict<T>[] {
  const groups = new Map<string, Map<string, { r: T; i: number }>>();
  records.forEach((r, i) => {
    const key = `${parsePeriod(r.period)?.id ?? r.period}|${r.subject_kind}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Map()));
    const found = g.get(r.subject);
    if (!found || (r.date ?? '') >= (found.r.date ?? '')) g.set(r.subject, { r, i });
  });
  const out: { conflict: RankConflict<T>; i: number }[] = [];
  for (const g of groups.values()) {
    const rows = [...g.values()].filter((x) => has(x.r.score) && has(x.r.rank));
    // Score descending, rank ascending: the rows that agree are exactly a non-decreasing run of ranks.
    rows.sort((a, b) => b.r.score! - a.r.score! || a.r.rank! - b.r.rank! || a.i - b.i);
    const keep = longestNonDecreasing(rows.map((x) => x.r.rank!));
    const kept = rows.filter((_, k) => keep.has(k));
    rows.forEach((x, k) => {
      if (keep.has(k)) return;
      const other = contradicted(kept, x.r.score!, x.r.rank!);
      if (other) out.push({ conflict: { record: x.r, other: other.r }, i: x.i });
    });
  }
  return out.sort((a, b) => a.i - b.i).map((x) => x.conflict);
}

/** Indexes of a longest non-decreasing subsequence (patience sorting). */
function longestNonDecreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = [];
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! <= v) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) out.add(i);
  return out;
}

/**
 * In rows that agree (score descending, rank non-decreasing), the row nearest
 * in score that a row with `score` and `rank` contradicts: the best-scored
 * row scoring lower yet ranked better, else the lowest-scored row scoring
 * higher yet ranked worse.
 */
function contradicted<X extends { r: InspectionRecord }>(
  kept: readonly X[],
  score: number,
  rank: number,
): X | undefined {
  // First kept row scoring lower than `score`: it has the best rank of those below.
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]!.r.score! >= score) lo = mid + 1;
    else hi = mid;
  }
  const lower = kept[lo];
  if (lower && lower.r.rank! < rank) return lower;
  // Last kept row scoring higher: it has the worst rank of those above.
  lo = 0;
  hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]!.r.score! > score) lo = mid + 1;
    else hi = mid;
  }
  const higher = kept[lo - 1];
  return higher && higher.r.rank! > rank ? higher : undefined;
}
