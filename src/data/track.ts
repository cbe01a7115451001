/**
 * The report lookup (办理进度查询, /track/): the cases that carry a report
 * reference, and every case by its id, split into small JSON shards by key, so the
 * lookup fetches only the shard of what was typed. Built once per Db.
 */
import { CASE_STATUS, type CaseStatus } from '../lib/enums.ts';
import { compare } from '../lib/dates.ts';
import { allShardKeys, keyLength, normaliseRef, shardKey } from '../lib/track.ts';
import type { CaseView, Db } from './query.ts';
import { memo } from './memo.ts';
import { deadlineText, statusLabel } from '../lib/case-wording.ts';
import { ledger } from './ledger.ts';
import { pathWithBase } from '../lib/base.ts';

export interface TrackEvent {
  date: string;
  status: CaseStatus;
  status_label: string;
  note: string | null;
  by: string | null;
}

export interface TrackCase {
  /** The report reference as the data writes it; null for a case that came without one. */
  ref: string | null;
  /** normaliseRef of the report reference or of the case id: what the lookup compares. */
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
  /** Lookup keys filed: a case with a report reference twice (reference and id). */
  refs: number;
  shards: Map<string, TrackShard>;
}

export const trackIndex = memo((db: Db): TrackIndex => {
  const { rows } = ledger(db);
  // Each case is filed under its report reference (what the citizen got
  // from the form) and under its case id (what its page and the office's
  // letters quote), so either finds it.
  const entries: { key: string; c: CaseView }[] = [];
  for (const c of db.cases.values()) {
    const keys = new Set([c.report_ref ? normaliseRef(c.report_ref) : '', normaliseRef(c.id)].filter((k) => k !== ''));
    for (const key of keys) entries.push({ key, c });
  }
  const length = keyLength(entries.length);
  const shards = new Map<string, TrackShard>(allShardKeys(length).map((k) => [k, { as_of: db.asOf, cases: [] }]));
  for (const { key, c } of entries.sort((a, b) => compare(a.key, b.key) || compare(a.c.id, b.c.id))) {
    const row = rows.get(c.id)!;
    shards.get(shardKey(key, length))!.cases.push({
      ref: c.report_ref ?? null,
      key,
      id: c.id,
      title: c.title,
      url: pathWithBase(`/cases/${c.id}/`),
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
      events: c.events.map((e) => ({
        date: e.date,
        status: e.status,
        status_label: CASE_STATUS.labels[e.status],
        note: e.note ?? null,
        by: e.by ?? null,
      })),
    });
  }
  return { keyLength: length, refs: entries.length, shards };
});
