/**
 * One memo for the feature indexes of src/data: a function of the Db is
 * computed once per Db (per build, or per data reload under `astro dev`)
 * and shared by every page that asks for it.
 */
import type { Db } from './query.ts';

export function memo<T>(fn: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let hit = cache.get(db);
    if (hit === undefined) {
      hit = fn(db);
      cache.set(db, hit);
    }
    return hit;
  };
}
