/**
 * A water's readings or cases of one year as CSV
 * (/waters/<id>/readings-<year>.csv, /waters/<id>/cases-<year>.csv): the
 * ready file a journalist cites for one river and one year, with the columns
 * of the area-wide /data/readings.csv and /data/cases.csv. Only water-years
 * that have rows get a file (src/data/opendata.ts waterFilesOf).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../../data/query.ts';
import { allWaterFiles, waterFileCsv, type WaterFile } from '../../../data/opendata.ts';

export const getStaticPaths = (async () => {
  const db = await getDb();
  return allWaterFiles(db).map((f) => ({ params: { id: f.water, file: `${f.kind}-${f.year}` }, props: { f } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(waterFileCsv((props as { f: WaterFile }).f), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
