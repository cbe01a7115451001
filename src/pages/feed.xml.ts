/**
 * /feed.xml: an Atom feed of case status changes, cases falling overdue,
 * inspection results and accountability actions, newest first. Ids are tag
 * URIs that never change for the same event (tag:<host>,<year>:case/<id>/<status>);
 * dates come from the data only, so the same data gives the same bytes.
 */
import type { APIRoute } from 'astro';
import { getDb } from '../data/query.ts';
import { feedEntries } from '../data/feed.ts';
import { atomFeed } from '../lib/feed.ts';

export const GET: APIRoute = async () => {
  const db = await getDb();
  const site = db.site;
  const xml = atomFeed({
    id: new URL('/feed.xml', site.url).href,
    title: `${site.name}：问题整改、督查考核和问责动态`,
    subtitle: `问题的登记、交办、整改、销号和逾期，督查考核结果，河长问责。数据截至 ${db.asOf}。`,
    link: new URL('/cases/', site.url).href,
    self: new URL('/feed.xml', site.url).href,
    author: { name: site.office.name, email: site.office.email, uri: site.url },
    updatedIfEmpty: db.asOf,
    entries: feedEntries(db),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
