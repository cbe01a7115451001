/** /regions/<code>/feed.xml: what concerns one township (its cases, stations' results, waters' documents, its chiefs' accountability), newest first. */
import type { GetStaticPaths } from 'astro';
import { ATOM_TYPE, dataFileRoute } from '../../../data/paths.ts';
import { scopedFeed } from '../../../data/feed.ts';

const route = dataFileRoute(ATOM_TYPE, (db) =>
  db.townships.map(({ code }) => ({
    path: `/regions/${code}/feed.xml`,
    params: { code },
    body: () => scopedFeed(db, 'township', code),
  })),
);
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths;
export const GET = route.GET;
