import type { APIRoute } from 'astro';
import { getDb } from '../../data/query.ts';
import { JSON_TYPE } from '../../data/paths.ts';
import { datasetIndex } from '../../data/opendata.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(datasetIndex(await getDb()), null, 2), {
    headers: { 'Content-Type': JSON_TYPE },
  });
