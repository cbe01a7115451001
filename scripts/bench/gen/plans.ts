/**
 * outlets.csv and black-odorous.csv (data contract v2): the plans' public
 * lists, so that a city-scale build exercises the outlet and black-odorous
 * pages, their open data and the water pages' sections.
 */
import { Rng, fixed, fmtDay, pad } from '../lib.ts';
import type { Assignment, Context, Hydro, Land, Water } from './context.ts';

const OUTLET_KINDS = [
  ['municipal', 3],
  ['industrial', 2],
  ['agricultural', 3],
  ['stormwater', 3],
  ['other', 1],
] as const;
const OUTLET_WORD: Record<string, string> = {
  municipal: '生活污水排口',
  industrial: '企业排口',
  agricultural: '农田退水口',
  stormwater: '雨水排口',
  other: '排口',
};
const OUTLET_STATUS = [
  ['compliant', 45],
  ['rectifying', 20],
  ['closed', 25],
  ['unknown', 10],
] as const;

/** The region of a water at its k-th place along its course. */
function regionAt(land: Land, w: Water, k: number) {
  const i = w.chain[k % w.chain.length]!;
  return w.level === 'county' ? land.townships[i]! : land.villages[i]!;
}

/** One outlet per four waters, rivers and canals more than lakes, each placed on its water. */
export function writeOutlets(ctx: Context, land: Land, hydro: Hydro): void {
  const r = new Rng(ctx.seed, 'outlets');
  const f = ctx.csv('outlets.csv', [
    'id',
    'name',
    'water',
    'region',
    'kind',
    'permit',
    'responsible',
    'status',
    'lat',
    'lon',
    'case',
  ]);
  let n = 0;
  for (const w of hydro.waters) {
    const count = w.kind === 'river' || w.kind === 'canal' ? (r.chance(0.3) ? r.int(1, 2) : 0) : r.chance(0.1) ? 1 : 0;
    for (let j = 0; j < count; j++) {
      n++;
      const kind = r.weighted(OUTLET_KINDS);
      const region = regionAt(land, w, r.int(0, w.chain.length - 1));
      const town = land.townships[region.town]!;
      const k = r.int(0, w.geom.length / 2 - 1);
      f.row([
        `pk-${pad(n, 5)}`,
        `${region.short}${OUTLET_WORD[kind]}${j + 1}号`,
        w.id,
        region.code,
        kind,
        kind === 'industrial' || kind === 'municipal' ? `999901${pad(n, 10)}-001P` : '',
        kind === 'industrial' ? `${region.short}某企业` : `${town.name}人民政府`,
        r.weighted(OUTLET_STATUS),
        fixed(w.geom[2 * k + 1]! + r.range(-0.001, 0.001), 5),
        fixed(w.geom[2 * k]! + r.range(-0.001, 0.001), 5),
        '',
      ]);
    }
  }
  ctx.done(f, 'outlets');
}

/** About one listed water per 60 township and village rivers, each with its current chief as the responsible person. */
export function writeBlackOdorous(ctx: Context, land: Land, hydro: Hydro, assignments: readonly Assignment[]): void {
  const r = new Rng(ctx.seed, 'black-odorous');
  const chiefOf = new Map<number, string>();
  for (const a of assignments)
    if ((a.role === 'chief' || a.role === 'segment_chief') && a.end === null && !chiefOf.has(a.water.i))
      chiefOf.set(a.water.i, a.chief.id);
  const f = ctx.csv('black-odorous.csv', [
    'water',
    'segment',
    'grade',
    'listed',
    'responsible',
    'unit',
    'deadline',
    'status',
    'reviewed',
    'note',
  ]);
  for (const w of hydro.waters) {
    const chief = chiefOf.get(w.i);
    if (w.level === 'county' || w.kind !== 'river' || !chief || !r.chance(1 / 60)) continue;
    const listed = ctx.AS_OF - r.int(200, 1400);
    const deadline = listed + r.int(360, 900);
    const done = deadline < ctx.AS_OF && r.chance(0.7);
    const status = done
      ? r.weighted([
          ['eliminated', 3],
          ['long_term', 1],
        ] as const)
      : listed + 60 < ctx.AS_OF
        ? 'treating'
        : 'listed';
    const reviewed = ctx.AS_OF - r.int(20, 170);
    const town = land.townships[regionAt(land, w, 0).town]!;
    f.row([
      w.id,
      '',
      r.chance(0.3) ? 'heavy' : 'light',
      fmtDay(listed),
      chief,
      `${town.name}人民政府`,
      fmtDay(deadline),
      status,
      reviewed > listed ? fmtDay(reviewed) : '',
      done ? '半年评估：各项指标连续达标，列为已消除。' : '半年评估：截污和清淤工程施工中。',
    ]);
  }
  ctx.done(f, 'black-odorous');
}
