import type { APIRoute } from 'astro';
import { getDb } from '../../data/query.ts';
import { datasetIndex } from '../../data/opendata.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(datasetIndex(await getDb()), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
