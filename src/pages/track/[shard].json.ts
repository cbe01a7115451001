/**
 * /track/<key>.json: the cases whose normalised report reference hashes to
 * <key> (see src/lib/track.ts), each with its status and timeline. Every key
 * of the current length is written, empty or not, so a missing file means a
 * broken deployment rather than "not found".
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../data/query.ts';
import { trackIndex } from '../../data/track.ts';

export const getStaticPaths = (async () => {
  const db = await getDb();
  return [...trackIndex(db).shards.keys()].map((shard) => ({ params: { shard } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const db = await getDb();
  const shard = trackIndex(db).shards.get(params.shard!)!;
  return new Response(JSON.stringify(shard), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
