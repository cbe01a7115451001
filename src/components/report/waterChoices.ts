/**
 * The choices of the report form's "which water" field, built once per
 * build from the directory index (names already sorted by pinyin, with
 * pinyin and initials computed).
 *
 * Design, measured on the generated county (500 waters, scripts/bench):
 * - up to WATER_SELECT_LIMIT waters, the page inlines a native <select>
 *   grouped by township (<optgroup>), each option carrying its pinyin keys;
 *   it works without JS, and the script turns it into a searchable combobox
 *   (name, pinyin, initials or township). Each option costs about 72 bytes
 *   of HTML (18 gzipped): 400 options ≈ 29 KB (7 KB gz) on top of a page of
 *   about 21 KB (6 KB gz) — the price of a list that works without JS.
 *   With the 500 waters inlined the page would be 56 KB (14.7 KB gz).
 * - above it (a city has 10,000 waters: ≈ 720 KB of options), the page has
 *   a text field instead (the name as typed is posted without JS), and the
 *   script fetches /report/waters.json (60 bytes a water: 30 KB, 7.8 KB gz
 *   for the county) only when the person starts typing or when ?water=<id>
 *   must be named, so the page stays at 21 KB (5.7 KB gz) whatever the
 *   number of waters.
 */
import type { Db } from '../../data/query.ts';
import { directory } from '../../data/directory.ts';
import type { WaterChoice } from '../../lib/report.ts';
import { push } from '../../lib/collections.ts';

/** Above this many waters the list is fetched lazily instead of inlined (same limit as the directory's paging). */
export const WATER_SELECT_LIMIT = 400;

/** Group label of waters that flow through several townships (listed first: the main rivers people know). */
export const SEVERAL_TOWNSHIPS = '流经多个乡镇';
const NO_TOWNSHIP = '其他河湖';

export interface WaterGroup {
  label: string;
  choices: WaterChoice[];
}

export interface WaterChoices {
  choices: WaterChoice[];
  groups: WaterGroup[];
}

const cache = new WeakMap<Db, WaterChoices>();

export function waterChoices(db: Db): WaterChoices {
  const hit = cache.get(db);
  if (hit) return hit;
  const byGroup = new Map<string, WaterChoice[]>([
    [SEVERAL_TOWNSHIPS, []],
    ...db.townships.map((t) => [t.name, []] as [string, WaterChoice[]]),
    [NO_TOWNSHIP, []],
  ]);
  const choices: WaterChoice[] = [];
  for (const e of directory(db)) {
    // directory search = "name fullpinyin initials", lower case; the keys are its last two words.
    const keys = e.search.split(' ').slice(-2).join(' ');
    const choice: WaterChoice = {
      id: e.water.id,
      name: e.water.name,
      area: e.townships.map((t) => t.name).join('、'),
      keys,
    };
    choices.push(choice);
    const group =
      e.townships.length === 1 ? e.townships[0]!.name : e.townships.length > 1 ? SEVERAL_TOWNSHIPS : NO_TOWNSHIP;
    push(byGroup, group, choice);
  }
  const groups = [...byGroup].filter(([, list]) => list.length > 0).map(([label, list]) => ({ label, choices: list }));
  const result = { choices, groups };
  cache.set(db, result);
  return result;
}
