/**
 * Entries of /feed.xml: case status changes, cases falling overdue,
 * inspection results, accountability actions, and required actions the
 * record window closed on without a record; newest FEED_LIMIT.
 */
import { CASE_CATEGORY, CASE_STATUS } from '../lib/enums.ts';
import { addDays, compare, yearOf } from '../lib/dates.ts';
import { formatDateZh } from '../lib/format.ts';
import { tagUri, type FeedEntry } from '../lib/feed.ts';
import type { Db } from './query.ts';
import { accountabilityIndex, rowHref } from './accountability.ts';
import { ledger } from './ledger.ts';
import { inspectionIndex, KIND_TITLE } from './inspections.ts';

/** Entries in /feed.xml. */
export const FEED_LIMIT = 200;

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
    candidates.push({ updated, id: tagUri(site, yearOf(updated), specific), make });

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
  for (const a of [...db.actions].sort((x, y) => compare(x.date, y.date) || compare(x.chief, y.chief) || compare(x.kind, y.kind))) {
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
        link: abs(rowHref(db, r)),
        summary: `${station.name}${r.rule === 'yearly' ? '年均值' : ''}自${r.from}起连续${r.length}${unit}未达到水质目标，按规定应${r.required}。当时的责任河长：${names}。${formatDateZh(r.opens)}至${formatDateZh(r.closes)}期间问责记录中没有相应记录。`,
        categories: [{ term: 'accountability', label: '问责对照' }, { term: 'missing', label: '未见记录' }],
      };
    });
  }

  return candidates
    .sort((x, y) => compare(y.updated, x.updated) || compare(x.id, y.id))
    .slice(0, FEED_LIMIT)
    .map((c) => ({ id: c.id, updated: c.updated, ...c.make() }));
}
