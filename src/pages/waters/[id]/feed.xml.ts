/** /waters/<id>/feed.xml: what concerns one water (its cases, results, documents, accountability), newest first. */
import type { GetStaticPaths } from 'astro';
import { ATOM_TYPE, dataFileRoute } from '../../../data/paths.ts';
import { scopedFeed } from '../../../data/feed.ts';

const route = dataFileRoute(ATOM_TYPE, (db) =>
  [...db.waters.keys()].map((id) => ({
    path: `/waters/${id}/feed.xml`,
    params: { id },
    body: () => scopedFeed(db, 'water', id),
  })),
);
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths;
export const GET = route.GET;
