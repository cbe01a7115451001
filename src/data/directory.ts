/**
 * The directory of waters (江河湖库名录): one entry per water with what the
 * list shows and filters on, sorted by pinyin and filed under A–Z.
 */
import { comparePinyin, fullPinyin, indexLetter, initials } from '../lib/pinyin.ts';
import { push } from '../lib/collections.ts';
import type { WaterClass } from '../lib/enums.ts';
import type { Water } from '../schemas/tables.ts';
import type { Db } from './query.ts';
import { latestClassOfWater } from './summaries.ts';

/** Above this many waters the directory lists them on one page per letter. */
export const DIRECTORY_PAGE_LIMIT = 400;

export interface DirectoryEntry {
  water: Water;
  letter: string;
  townships: { code: string; name: string }[];
  latest: WaterClass | null;
  /** Name, full pinyin and initials, lower case, for the filter box. */
  search: string;
  chiefs: number;
}

const cache = new WeakMap<Db, DirectoryEntry[]>();

export function directory(db: Db): DirectoryEntry[] {
  const hit = cache.get(db);
  if (hit) return hit;
  const entries = [...db.waters.values()]
    .map((w) => {
      const ts = [...new Set(w.regions.map(db.townshipOf).filter((t): t is string => !!t))];
      return {
        water: w,
        letter: indexLetter(w.name),
        townships: ts.map((code) => ({ code, name: db.regions.get(code)?.name ?? code })),
        latest: latestClassOfWater(db, w.id).cls,
        search: `${w.name} ${fullPinyin(w.name)} ${initials(w.name)}`.toLowerCase(),
        chiefs: new Set((db.currentByWater.get(w.id) ?? []).map((a) => a.chief)).size,
        sortKey: fullPinyin(w.name),
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || comparePinyin(a.water.name, b.water.name))
    .map(({ sortKey: _k, ...e }) => e);
  cache.set(db, entries);
  return entries;
}

/** Entries grouped by letter, in A–Z order. */
export function byLetter(entries: DirectoryEntry[]): Map<string, DirectoryEntry[]> {
  const m = new Map<string, DirectoryEntry[]>();
  for (const e of entries) push(m, e.letter, e);
  return new Map([...m].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b))));
}
