/**
 * A station's readings as CSV (/stations/<id>.csv), UTF-8 with BOM so Excel
 * opens it: every item as written (a value below the detection limit keeps
 * its `L`), with the class, whether it met the target and the failing items.
 * The same columns, in the same order, as /data/readings.csv.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../data/query.ts';
import { idPaths } from '../../data/paths.ts';
import { stationCsv } from '../../data/station.ts';

export const getStaticPaths = idPaths((db) => db.stations.keys()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const db = await getDb();
  return new Response(stationCsv(db.stations.get(params.id!)!), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
