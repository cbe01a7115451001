/**
 * /feed.xml: an Atom feed of case status changes, cases falling overdue,
 * inspection results, accountability, documents and each month's
 * water-quality results, newest first. Ids are tag URIs that never change
 * for the same event (tag:<host>,<year>:case/<id>/<status>); dates come from
 * the data only, so the same data gives the same bytes. Each water and each
 * township has its own feed too (waters/<id>/feed.xml, regions/<code>/feed.xml).
 */
import type { APIRoute } from 'astro';
import { getDb } from '../data/query.ts';
import { feedEntries, feedXml } from '../data/feed.ts';
import { ATOM_TYPE } from '../data/paths.ts';

export const GET: APIRoute = async () => {
  const db = await getDb();
  const xml = feedXml(db, {
    path: '/feed.xml',
    about: '/cases/',
    title: `${db.site.name}：问题整改、督查考核、问责、文件和水质动态`,
    subtitle: '问题的登记、交办、整改、销号和逾期，督查考核结果，河长问责，政策文件，每月水质监测结果。',
    entries: feedEntries(db),
  });
  return new Response(xml, { headers: { 'Content-Type': ATOM_TYPE } });
};
