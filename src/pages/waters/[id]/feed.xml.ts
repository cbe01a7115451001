/** /waters/<id>/feed.xml: what concerns one water (its cases, results, documents, accountability), newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../../data/query.ts';
import { feedXml, scopedFeedEntries } from '../../../data/feed.ts';

export const getStaticPaths = (async () => [...(await getDb()).waters.keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const db = await getDb();
  const w = db.waters.get(params.id!)!;
  return feedXml(db, {
    path: `/waters/${w.id}/feed.xml`,
    about: `/waters/${w.id}/`,
    title: `${w.name}：问题整改、水质、文件和问责动态（${db.site.name}）`,
    subtitle: `${w.name}的问题整改进展、各断面水质监测结果、相关文件、督查考核和问责。`,
    entries: scopedFeedEntries(db, 'water', w.id),
  });
};
