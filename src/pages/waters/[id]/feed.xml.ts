/** /waters/<id>/feed.xml: what concerns one water (its cases, results, documents, accountability), newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../../data/query.ts';
import { idPaths } from '../../../data/paths.ts';
import { scopedFeed } from '../../../data/feed.ts';

export const getStaticPaths = idPaths((db) => db.waters.keys()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => scopedFeed(await getDb(), 'water', params.id!);
