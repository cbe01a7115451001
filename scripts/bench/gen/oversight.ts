/**
 * The office's oversight: inspections.csv (quarterly and yearly rankings of
 * the townships, some chiefs and the county waters), patrols.csv (each
 * chief's patrols per month against the requirement of their level)
 * and targets.csv (the plan's targets, two of them computed from the cases
 * and patrols). actions.csv is accountability.ts's.
 */
import type { RegionLevel } from '../../../src/lib/enums.ts';
import { Rng, dayOf, daysInMonth, fixed, fmtDay, fmtMonth, monthOfDay, pad } from '../lib.ts';
import { INSPECTION_GRADES, type Chief, type Context, type Hydro, type Land, type Period } from './context.ts';
import type { CaseStats } from './cases.ts';

/** A township's result in one period, as its notice lists it. */
export interface TownScore {
  name: string;
  score: number;
  rank: number;
  result: string;
}

/** The last `inspectionPeriods` complete quarters whose results are out by as_of, after the last complete year. */
function inspectionPeriods(ctx: Context, rI: Rng): Period[] {
  const periods: Period[] = [];
  let q = Math.floor(monthOfDay(ctx.AS_OF) / 3); // quarter count
  while (dayOf(Math.floor((q * 3 + 3) / 12), ((q * 3 + 3) % 12) + 1, 1) + 10 > ctx.AS_OF) q--;
  for (let k = ctx.sz.inspectionPeriods - 1; k >= 0; k--) {
    const qq = q - k;
    const y = Math.floor(qq / 4);
    const n = (qq % 4) + 1;
    const start = dayOf(y, (n - 1) * 3 + 1, 1);
    const end = dayOf(Math.floor((qq * 3 + 3) / 12), ((qq * 3 + 3) % 12) + 1, 1) - 1;
    periods.push({
      key: `${y}-Q${n}`,
      doc: `tb-${y}-q${n}`,
      date: Math.min(ctx.AS_OF, end + rI.int(10, 20)),
      start,
      end,
      yearly: false,
    });
  }
  const y = Math.floor(monthOfDay(ctx.AS_OF) / 12) - 1;
  periods.unshift({
    key: String(y),
    doc: `tb-${y}`,
    date: dayOf(y + 1, 1, 20) + rI.int(0, 20),
    start: dayOf(y, 1, 1),
    end: dayOf(y, 12, 31),
    yearly: true,
  });
  return periods;
}

/** Write inspections.csv; returns its periods and each period's township results (by notice id). */
export function writeInspections(
  ctx: Context,
  land: Land,
  hydro: Hydro,
  chiefs: Chief[],
): { periods: Period[]; townScores: Map<string, TownScore[]> } {
  const { townships } = land;
  const { countyWaters } = hydro;
  const rI = new Rng(ctx.seed, 'inspections');
  const periods = inspectionPeriods(ctx, rI);
  const townScores = new Map<string, TownScore[]>();
  const f = ctx.csv('inspections.csv', [
    'id',
    'period',
    'date',
    'subject_kind',
    'subject',
    'score',
    'rank',
    'result',
    'document',
    'note',
  ]);
  const skill = townships.map(() => 84 + rI.normal() * 5);
  const grade = (s: number) => INSPECTION_GRADES.find(([, min]) => s >= min)![0];
  // The grade of a score as written (one decimal): 79.96 is written 80, which is 良好.
  const result = (s: number) => grade(Number(fixed(s, 1)));
  const note = (r: string) =>
    r === '不合格'
      ? rI.pick([
          '巡河不到位，交办问题整改滞后',
          '考核断面水质未达标，问题整改不力',
          '公示牌信息未及时更新，台账不完整',
        ])
      : r === '优秀'
        ? rI.pick(['', '', '河湖长制工作机制健全，问题整改及时'])
        : '';
  let seq = 0;
  const write = (p: Period, kind: 'region' | 'chief' | 'water', subjects: { id: string; score: number }[]) => {
    // Ranked by the unrounded score: rounding never reverses two scores, so a higher score as written never ranks lower.
    const ranked = [...subjects].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const rank = new Map(ranked.map((s, k) => [s.id, k + 1]));
    for (const s of subjects) {
      const r = result(s.score);
      // The note is drawn for the grade of the unrounded score, as it always was, so the random
      // numbers drawn (and every later row) stay the same; it is kept only when that grade is r.
      const unrounded = grade(s.score);
      const drawn = note(unrounded);
      seq++;
      f.row([
        `kh${pad(seq, 6)}`,
        p.key,
        fmtDay(p.date),
        kind,
        s.id,
        fixed(s.score, 1),
        rank.get(s.id)!,
        r,
        p.doc,
        unrounded === r ? drawn : '',
      ]);
    }
    return rank;
  };
  const currentLeaders = chiefs.filter((c) => c.kind === 'leader' && c.to === null && c.region.level !== 'county');
  for (const p of periods) {
    const ts = townships.map((t, k) => ({
      id: t.code,
      score: Math.min(99, Math.max(45, skill[k]! + rI.normal() * 3)),
    }));
    const rank = write(p, 'region', ts);
    townScores.set(
      p.doc,
      ts.map((s, k) => ({ name: townships[k]!.name, score: s.score, rank: rank.get(s.id)!, result: result(s.score) })),
    );
    if (p.yearly) continue;
    const nChiefs = Math.max(3, Math.round(chiefs.length * 0.02));
    const eligible = currentLeaders.filter((c) => c.from <= p.start);
    const picked = new Set<Chief>();
    while (picked.size < Math.min(nChiefs, eligible.length)) picked.add(rI.pick(eligible));
    write(
      p,
      'chief',
      [...picked]
        .sort((a, b) => a.i - b.i)
        .map((c) => ({ id: c.id, score: Math.min(99.5, Math.max(40, 84 + rI.normal() * 7)) })),
    );
    write(
      p,
      'water',
      countyWaters.map((w) => ({ id: w.id, score: Math.min(99.5, Math.max(40, 85 + rI.normal() * 6)) })),
    );
  }
  ctx.done(f, 'inspections');
  return { periods, townScores };
}

/** Chief-months that owed patrols (civic chiefs owe none) and how many of them met the requirement. */
export interface PatrolStats {
  months: number;
  met: number;
}

/** Write patrols.csv: a row per chief and month served in the last `patrolMonths` months. */
export function writePatrols(ctx: Context, chiefs: Chief[]): PatrolStats {
  const stats: PatrolStats = { months: 0, met: 0 };
  const rP = new Rng(ctx.seed, 'patrols');
  const last = monthOfDay(ctx.AS_OF);
  const first = last - ctx.sz.patrolMonths + 1;
  const required: Record<RegionLevel, number> = { county: 1, township: 1, village: 4 };
  const f = ctx.csv('patrols.csv', ['chief', 'month', 'count', 'km', 'issues_found']);
  for (const c of chiefs) {
    const level = c.region.level;
    for (let mi = first; mi <= last; mi++) {
      const y = Math.floor(mi / 12);
      const m = (mi % 12) + 1;
      const ms = dayOf(y, m, 1);
      const me = ms + daysInMonth(y, m) - 1;
      if (c.from > me || (c.to !== null && c.to < ms)) continue;
      const need = required[level];
      let count: number;
      if (c.kind === 'keeper' || c.kind === 'patroller') count = rP.chance(0.03) ? rP.int(0, need - 1) : rP.int(8, 22);
      else if (c.kind === 'civic') count = need + rP.int(0, 3);
      else if (rP.chance(0.05)) count = rP.int(0, need - 1);
      else count = need + rP.int(0, level === 'village' ? 4 : 2);
      const perKm = level === 'county' ? rP.range(3, 12) : level === 'township' ? rP.range(2, 8) : rP.range(1, 4);
      const issues = count === 0 ? 0 : Math.floor(count * rP.range(0, 0.35));
      f.row([c.id, fmtMonth(mi), count, fixed(count * perKm, 1), issues]);
      if (c.kind !== 'civic') {
        stats.months++;
        if (count >= need) stats.met++;
      }
    }
  }
  ctx.done(f, 'patrols');
  return stats;
}

/** Write targets.csv. */
export function writeTargets(ctx: Context, periods: Period[], cases: CaseStats, patrols: PatrolStats): void {
  const rT = new Rng(ctx.seed, 'targets');
  const f = ctx.csv('targets.csv', [
    'id',
    'name',
    'unit',
    'direction',
    'baseline',
    'baseline_date',
    'target',
    'deadline',
    'current',
    'current_date',
    'document',
  ]);
  const currentDate = fmtDay(ctx.AS_OF);
  const lastQuarterEnd = fmtDay(periods[periods.length - 1]!.end);
  const closedRate = fixed((cases.closed / ctx.sz.cases) * 100, 1);
  const patrolRate = fixed((patrols.met / Math.max(1, patrols.months)) * 100, 1);
  const list: (string | number)[][] = [
    [
      'water-quality-good',
      '地表水考核断面水质优良（Ⅲ类及以上）比例',
      '%',
      'up',
      78.5,
      '2020-12-31',
      90,
      '2027-12-31',
      fixed(84 + rT.range(0, 4), 1),
      lastQuarterEnd,
      'gzfa-2024',
    ],
    [
      'worse-than-v',
      '劣Ⅴ类水体比例',
      '%',
      'down',
      4.2,
      '2020-12-31',
      0,
      '2027-12-31',
      fixed(rT.range(0.5, 2), 1),
      lastQuarterEnd,
      'gzfa-2024',
    ],
    [
      'drinking-water',
      '县级集中式饮用水水源地水质达标率',
      '%',
      'up',
      95,
      '2020-12-31',
      100,
      '2025-12-31',
      100,
      lastQuarterEnd,
      'gzfa-2024',
    ],
    [
      'black-odorous',
      '城市黑臭水体比例',
      '%',
      'down',
      12.5,
      '2020-12-31',
      0,
      '2027-12-31',
      fixed(rT.range(1, 4), 1),
      lastQuarterEnd,
      'gzfa-2024',
    ],
    [
      'cases-closed',
      '河湖问题整改销号率',
      '%',
      'up',
      72,
      '2021-12-31',
      95,
      '2026-12-31',
      closedRate,
      currentDate,
      'khbf-2025',
    ],
    [
      'patrol-compliance',
      '河长巡河达标率',
      '%',
      'up',
      85,
      '2021-12-31',
      98,
      '2026-12-31',
      patrolRate,
      currentDate,
      'xhzd-2023',
    ],
    [
      'function-zones',
      '重要水功能区水质达标率',
      '%',
      'up',
      80,
      '2020-12-31',
      95,
      '2027-12-31',
      fixed(88 + rT.range(0, 5), 1),
      lastQuarterEnd,
      'gzfa-2024',
    ],
    [
      'boundary-demarcation',
      '河湖管理范围划界完成率',
      '%',
      'up',
      60,
      '2018-12-31',
      100,
      '2022-12-31',
      100,
      '2022-12-31',
      'gzfa-2017',
    ],
    [
      'rural-sewage',
      '农村生活污水治理率',
      '%',
      'up',
      45,
      '2020-12-31',
      75,
      '2027-12-31',
      fixed(62 + rT.range(0, 8), 1),
      lastQuarterEnd,
      'gzfa-2024',
    ],
    [
      'small-watersheds',
      '小流域水质Ⅲ类及以上比例',
      '%',
      'up',
      70,
      '2020-12-31',
      90,
      '2027-12-31',
      fixed(80 + rT.range(0, 6), 1),
      lastQuarterEnd,
      '',
    ],
  ];
  for (const r of list.slice(0, ctx.sz.targets)) f.row(r);
  ctx.done(f, 'targets');
}
