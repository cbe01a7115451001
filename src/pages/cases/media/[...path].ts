/**
 * Photos of cases: media/<file> of the data folder, published at
 * /cases/media/<file> (only the files that cases.csv `photos` names; the
 * data check has made sure they exist). Copied byte for byte.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../../loader/index.ts';
import { getDb } from '../../../data/query.ts';

export const getStaticPaths = (async () => {
  const db = await getDb();
  const files = new Set<string>();
  for (const c of db.cases.values()) for (const p of c.photos ?? []) files.add(p);
  return [...files].sort().map((path) => ({ params: { path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(readFileSync(join(dataDir(), 'media', params.path!)));
