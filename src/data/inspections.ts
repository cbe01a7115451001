/**
 * Inspection results (督查考核) by period and subject kind, with each row's
 * change against the previous comparable period, and subjects' names and
 * pages. Built once per Db.
 */
import { SUBJECT_KIND, type SubjectKind } from '../lib/enums.ts';
import {
  parsePeriod,
  rankingWithChanges,
  sortPeriods,
  type RankingChange,
  type InspectionRecord,
} from '../lib/inspections.ts';
import type { Db } from './query.ts';
import { push } from '../lib/collections.ts';
import { memo } from './memo.ts';
import { pathWithBase } from '../lib/base.ts';

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
  if (kind === 'chief') return db.chiefs.has(subject) ? pathWithBase(`/chiefs/${subject}/`) : null;
  if (kind === 'water') return db.waters.has(subject) ? pathWithBase(`/waters/${subject}/`) : null;
  return db.regions.has(subject) ? pathWithBase(`/inspections/#region-${subject}`) : null;
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
      for (const r of own)
        if (r.subject_kind === kind) {
          const prev = latestRow.get(r.subject);
          if (!prev || (r.date ?? '') >= (prev.date ?? '')) latestRow.set(r.subject, r);
        }
      const rows: RankedRow[] = [];
      for (const ch of changes) {
        if (seen.has(ch.record.subject) || latestRow.get(ch.record.subject) !== ch.record) continue;
        seen.add(ch.record.subject);
        const row = {
          ...ch,
          name: subjectName(db, kind, ch.record.subject),
          href: subjectHref(db, kind, ch.record.subject),
        };
        rows.push(row);
        push(history, `${kind}:${ch.record.subject}`, row);
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
    for (const p of periods)
      for (const k of p.kinds)
        if (k.kind === kind)
          for (const r of k.rows)
            if (!seen.has(r.record.subject)) {
              seen.add(r.record.subject);
              order.push(r.record.subject);
            }
    if (order.length) subjects.set(kind, order);
  }
  return { periods, bySlug: new Map(periods.map((p) => [p.slug, p])), history, subjects };
});

/** How a subject kind is called in headings and the feed. */
export const KIND_TITLE: Record<SubjectKind, string> = { region: '乡镇（街道）', chief: '河长', water: '河湖' };
