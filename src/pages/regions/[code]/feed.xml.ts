/** /regions/<code>/feed.xml: what concerns one township (its cases, stations' results, waters' documents, its chiefs' accountability), newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../../data/query.ts';
import { feedXml, scopedFeedEntries } from '../../../data/feed.ts';

export const getStaticPaths = (async () => (await getDb()).townships.map((r) => ({ params: { code: r.code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const db = await getDb();
  const r = db.regions.get(params.code!)!;
  return feedXml(db, {
    path: `/regions/${r.code}/feed.xml`,
    about: `/regions/${r.code}/`,
    title: `${r.name}：问题整改、水质、文件和问责动态（${db.site.name}）`,
    subtitle: `${r.name}境内的问题整改进展、断面水质监测结果、相关文件、督查考核和问责。`,
    entries: scopedFeedEntries(db, 'township', r.code),
  });
};
