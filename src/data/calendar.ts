/**
 * The calendar of deadlines (/calendar.ics) that a phone's calendar can
 * subscribe to: the deadline of every case not yet closed, of every target
 * not yet achieved, of every plan task not yet done, of every listed
 * black-odorous water still being treated, and the last day of every draft's
 * comment period. An overdue item stays on its deadline, marked 已逾期.
 */
import { CASE_STATUS, DOC_STATUS } from '../lib/enums.ts';
import { formatDateZh } from '../lib/format.ts';
import { compare } from '../lib/dates.ts';
import { compareText } from '../lib/collections.ts';
import { blackOdorousOverdue } from '../lib/plans.ts';
import { TARGET_STATE_LABEL } from '../lib/targets.ts';
import type { CalendarEvent } from '../lib/ical.ts';
import { planTasks } from './plans.ts';
import { targetViews } from './targets.ts';
import { memo } from './memo.ts';
import type { Db } from './query.ts';
import { siteHref } from '../lib/base.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const calendarEvents = memo((db: Db): CalendarEvent[] => {
  const host = new URL(db.site.url).host;
  const abs = (path: string) => siteHref(db.site.url, path);
  const uid = (what: string) => `${what}@${host}`;
  const late = (overdue: boolean) => (overdue ? '（已逾期）' : '');
  const events: CalendarEvent[] = [];
  for (const c of db.cases.values()) {
    if (c.state.closed) continue;
    events.push({
      uid: uid(`case-${c.id}-deadline`),
      date: c.deadline,
      summary: `整改时限${late(c.state.overdue)}：${c.title}`,
      description: `问题编号 ${c.id}，责任单位 ${c.responsible}，当前状态：${CASE_STATUS.labels[c.state.status]}（截至${formatDateZh(db.asOf)}）。`,
      url: abs(`/cases/${c.id}/`),
      categories: ['问题整改'],
    });
  }
  for (const t of targetViews(db).values()) {
    if (t.status.state === 'achieved') continue;
    events.push({
      uid: uid(`target-${t.id}-deadline`),
      date: t.deadline,
      summary: `目标完成时限${late(t.status.state === 'missed')}：${t.name}`,
      description: `目标值 ${t.target}${t.unit}，当前 ${t.value}${t.unit}，${TARGET_STATE_LABEL[t.status.state]}（截至${formatDateZh(db.asOf)}）。`,
      url: abs(`/targets/#target-${t.id}`),
      categories: ['目标任务'],
    });
  }
  for (const t of planTasks(db)) {
    if (t.state === 'done' || !t.deadline || !DATE.test(t.deadline)) continue;
    events.push({
      uid: uid(`task-${t.document.id}-${t.n}-deadline`),
      date: t.deadline,
      summary: `任务完成时限${late(t.state === 'overdue')}：${t.task}`,
      description: `牵头单位 ${t.lead}。见《${t.document.title}》。`,
      url: abs(`/documents/${t.document.id}/`),
      categories: ['重点任务'],
    });
  }
  db.blackOdorous.forEach((e, i) => {
    if (e.status === 'eliminated' || e.status === 'long_term') return;
    const name = db.waters.get(e.water)?.name ?? e.water;
    const seg = e.segment ? (db.segments.get(e.segment)?.name ?? e.segment) : name;
    events.push({
      uid: uid(`black-odorous-${e.water}-${e.segment ?? 'all'}-${i + 1}-deadline`),
      date: e.deadline,
      summary: `黑臭水体整治时限${late(blackOdorousOverdue(e, db.asOf))}：${seg}`,
      description: `责任单位 ${e.unit}。`,
      url: abs('/black-odorous/'),
      categories: ['黑臭水体'],
    });
  });
  for (const d of db.documents.values()) {
    if (d.status !== 'draft' || !d.comment_until) continue;
    events.push({
      uid: uid(`document-${d.id}-comments`),
      date: d.comment_until,
      summary: `征求意见截止：${d.title}`,
      description: `${DOC_STATUS.labels[d.status]}，${d.issuer}发布于${formatDateZh(d.date)}。`,
      url: abs(`/documents/${d.id}/`),
      categories: ['征求意见'],
    });
  }
  return events.sort((a, b) => compare(a.date, b.date) || compareText(a.uid, b.uid));
});
