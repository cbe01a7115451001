/**
 * A water's readings or cases of one year as CSV
 * (/waters/<id>/readings-<year>.csv, /waters/<id>/cases-<year>.csv): the
 * ready file a journalist cites for one river and one year, with the columns
 * of the area-wide /data/readings.csv and /data/cases.csv. Only water-years
 * that have rows get a file (src/data/opendata.ts waterFilesOf).
 */
import type { GetStaticPaths } from 'astro';
import { CSV_TYPE, dataFileRoute } from '../../../data/paths.ts';
import { allWaterFiles, waterFileCsv, waterFileSitePath } from '../../../data/opendata.ts';

const route = dataFileRoute(CSV_TYPE, (db) =>
  allWaterFiles(db).map((f) => ({
    path: waterFileSitePath(f),
    params: { id: f.water, file: `${f.kind}-${f.year}` },
    body: () => waterFileCsv(f),
  })),
);
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths;
export const GET = route.GET;
