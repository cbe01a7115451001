/** /regions/<code>/feed.xml: what concerns one township (its cases, stations' results, waters' documents, its chiefs' accountability), newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../../data/query.ts';
import { scopedFeed } from '../../../data/feed.ts';

export const getStaticPaths = (async () =>
  (await getDb()).townships.map((r) => ({ params: { code: r.code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => scopedFeed(await getDb(), 'township', params.code!);
