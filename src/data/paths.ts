/**
 * getStaticPaths for the pages built once per entry of the Db, e.g. one
 * water page per water: `export const getStaticPaths = idPaths((db) =>
 * db.waters.keys()) satisfies GetStaticPaths;`
 */
import { getDb, type Db } from './query.ts';

export function idPaths(ids: (db: Db) => Iterable<string>, param = 'id') {
  return async () => [...ids(await getDb())].map((id) => ({ params: { [param]: id } }));
}
