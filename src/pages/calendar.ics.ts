/** /calendar.ics: deadlines (cases, targets, plan tasks, black-odorous waters, comment periods) for a phone calendar to subscribe to. */
import type { APIRoute } from 'astro';
import { getDb } from '../data/query.ts';
import { calendarEvents } from '../data/calendar.ts';
import { icsCalendar } from '../lib/ical.ts';

export const GET: APIRoute = async () => {
  const db = await getDb();
  const ics = icsCalendar({
    prodId: `-//${db.site.office.name}//${db.site.name}//ZH`,
    name: `${db.site.name}：整改和任务时限`,
    description: `问题整改时限、目标和重点任务完成时限、黑臭水体整治时限和征求意见截止日期。数据截至 ${db.asOf}。`,
    stamp: db.asOf,
    events: calendarEvents(db),
  });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
