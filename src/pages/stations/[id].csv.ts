/**
 * A station's readings as CSV (/stations/<id>.csv), UTF-8 with BOM so Excel
 * opens it: every item as written (a value below the detection limit keeps
 * its `L`), with the class, whether it met the target and the failing items.
 * The same columns, in the same order, as /data/readings.csv.
 */
import type { GetStaticPaths } from 'astro';
import { CSV_TYPE, dataFileRoute } from '../../data/paths.ts';
import { stationCsv } from '../../data/station.ts';

const route = dataFileRoute(CSV_TYPE, (db) =>
  [...db.stations.values()].map((s) => ({
    path: `/stations/${s.id}.csv`,
    params: { id: s.id },
    body: () => stationCsv(s),
  })),
);
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths;
export const GET = route.GET;
