/**
 * /track/<key>.json: the cases whose normalised report reference hashes to
 * <key> (see src/lib/track.ts), each with its status and timeline. Every key
 * of the current length is written, empty or not, so a missing file means a
 * broken deployment rather than "not found".
 */
import type { GetStaticPaths } from 'astro';
import { JSON_TYPE, dataFileRoute } from '../../data/paths.ts';
import { trackIndex } from '../../data/track.ts';

const route = dataFileRoute(JSON_TYPE, (db) =>
  [...trackIndex(db).shards].map(([shard, body]) => ({
    path: `/track/${shard}.json`,
    params: { shard },
    body: () => JSON.stringify(body),
  })),
);
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths;
export const GET = route.GET;
