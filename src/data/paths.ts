/**
 * getStaticPaths for the routes built once per entry of the Db.
 *
 * Pages, e.g. one water page per water:
 * `export const getStaticPaths = idPaths((db) => db.waters.keys()) satisfies GetStaticPaths;`
 *
 * Data files (CSV, JSON, Atom) published per water, station, township or
 * tracking shard: `dataFileRoute` gives a route's getStaticPaths and GET. In
 * a build the files go to the build's data-file writer, which writes them
 * after the pages without Astro's page machinery (src/lib/data-file-sink.ts
 * says why); under `astro dev` the route serves each file. Either way the
 * bytes come from the same `body`.
 */
import type { APIRoute } from 'astro';
import { getDb, type Db } from './query.ts';
import { currentDataFileSink } from '../lib/data-file-sink.ts';

export function idPaths(ids: (db: Db) => Iterable<string>, param = 'id') {
  return async () => [...ids(await getDb())].map((id) => ({ params: { [param]: id } }));
}

export interface DataFile {
  /** Where the file is published, a site path without the base path: /waters/w1/feed.xml. */
  path: string;
  /** The route's parameters for that path. */
  params: Record<string, string>;
  /** The file's text. */
  body: () => string;
}

export function dataFileRoute(contentType: string, files: (db: Db) => Iterable<DataFile>) {
  const getStaticPaths = async () => {
    const list = files(await getDb());
    const sink = currentDataFileSink();
    if (sink) {
      for (const f of list) sink.add(f.path, f.body);
      return [];
    }
    return [...list].map((f) => ({ params: f.params, props: { body: f.body } }));
  };
  const GET: APIRoute = ({ props }) =>
    new Response((props as { body: () => string }).body(), { headers: { 'Content-Type': contentType } });
  return { getStaticPaths, GET };
}

/** The Content-Type of the site's files that are not pages (the data files above, /data/, the report form's list). */
export const CSV_TYPE = 'text/csv; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
