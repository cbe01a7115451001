/**
 * A portal over member sites (docs/deploy.md): each member's figures,
 * computed from its published open data (/data/*.json) by the rules the
 * member's own pages apply, so the portal and the member never disagree:
 *
 * - waters: rows of waters.json (the home page's count);
 * - chiefs: people holding a current post (chiefs.json `current` not
 *   empty: the home page's count of current chiefs, keepers and others);
 * - water quality: each station's monthly results (the worst class of each
 *   month, src/lib/compliance.ts monthlyResults, from readings.json), then
 *   the latest month any station reported (src/lib/quality-summary.ts, what
 *   the home and quality pages show): stations reported, meeting their
 *   target, and class I–III;
 * - cases: open = status not `closed`, overdue = `overdue` (cases.json; the
 *   home page's and the ledger's counts);
 * - patrols: over the 12 months to as_of, Σ min(done, required) ÷ Σ required
 *   for the holders of the patrol roles (src/lib/patrols.ts, as the
 *   /patrols/ page counts them), with the member's rules.patrol_per_month
 *   from its /data/index.json;
 * - accountability: required actions whose status is `missing`
 *   (accountability.json; the /accountability/ page's 未见记录).
 *
 * A portal is itself a member of a higher portal: its figures are the sums
 * of its members' counts (shares are recomputed from the summed counts, never
 * averaged), and its as_of is the oldest of its members'.
 *
 * Plain TypeScript, no Astro imports, no I/O.
 */
import { monthlyResults } from './compliance.ts';
import { qualitySummary } from './quality-summary.ts';
import { isGood, percent1 } from './metrics.ts';
import { lastMonths } from './dates.ts';
import { monthsServed, patrolCompliance, patrolTerms, townshipOf, type PatrolRule } from './patrols.ts';
import type { RegionLevel, TargetClass, WaterClass, Waterbody } from './enums.ts';

/** The datasets of a member's /data/ that its figures are computed from. */
export const PORTAL_INPUTS = [
  'waters',
  'chiefs',
  'stations',
  'readings',
  'cases',
  'accountability',
  'patrols',
  'assignments',
  'regions',
] as const;

export type PortalInput = (typeof PORTAL_INPUTS)[number];

/** The rows of a member's open data, as published (only the fields read here are typed). */
export interface MemberOpenData {
  asOf: string;
  patrolPerMonth: PatrolRule;
  waters: readonly unknown[];
  chiefs: readonly { id: string; region: string; current: readonly string[] }[];
  stations: readonly { id: string; target_class: string; waterbody: string }[];
  readings: readonly { station: string; date: string; class: string | null }[];
  cases: readonly { status: string; overdue: boolean }[];
  accountability: readonly { status: string }[];
  patrols: readonly { chief: string; month: string; count: number }[];
  assignments: readonly { chief: string; role: string; start: string; end: string | null }[];
  regions: readonly { code: string; level: string; parent: string | null }[];
}

/** One member's figures: counts, and the shares computed from them. */
export interface Figures {
  waters: number;
  chiefs: number;
  /** Stations with a result in the latest month (their own latest month for each county). */
  stations_reported: number;
  stations_meeting_target: number;
  stations_good: number;
  /** % of stations_reported, one decimal; null when none reported. */
  meeting_target_pct: number | null;
  good_pct: number | null;
  /** The latest month of the quality figures: the earliest and latest over a portal's members. */
  quality_month_from: string | null;
  quality_month_to: string | null;
  cases_open: number;
  cases_overdue: number;
  patrols_required: number;
  patrols_credited: number;
  /** % one decimal; null when nothing was required. */
  patrol_rate: number | null;
  actions_missing: number;
}

/** How many months the patrol figure covers: the /patrols/ page's window. */
export const PATROL_MONTHS = 12;

/** A county site's figures from its open data. */
export function siteFigures(d: MemberOpenData): Figures {
  // Water quality: each station's monthly results, then the latest month's summary.
  const byStation = new Map<string, { date: string; values: Record<string, never>; class: WaterClass | null }[]>();
  for (const r of d.readings) {
    let list = byStation.get(r.station);
    if (!list) byStation.set(r.station, (list = []));
    list.push({ date: r.date, values: {}, class: (r.class as WaterClass | null) ?? null });
  }
  const q = qualitySummary(
    d.stations.map((s) => ({
      monthly: monthlyResults(byStation.get(s.id) ?? [], s.waterbody as Waterbody, s.target_class as TargetClass),
    })),
  );
  const good = Object.entries(q.byClass).reduce((n, [c, k]) => n + (isGood(c as WaterClass) ? k : 0), 0);

  // Patrols: as src/data/query.ts counts them for the /patrols/ page.
  const months = lastMonths(d.asOf, PATROL_MONTHS);
  const regions = d.regions.map((r) => ({ code: r.code, level: r.level as RegionLevel, parent: r.parent }));
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const chiefById = new Map(d.chiefs.map((c) => [c.id, c]));
  const owing = [...patrolTerms(d.assignments)].flatMap(([id, terms]) => {
    const chief = chiefById.get(id);
    if (!chief) return [];
    return [
      {
        id,
        level: regionByCode.get(chief.region)?.level ?? 'village',
        region: townshipOf(chief.region, regions) ?? chief.region,
        months: monthsServed(terms, months, 'any'),
      },
    ];
  });
  const patrols = patrolCompliance(d.patrols, owing, months, d.patrolPerMonth).totals;

  return {
    waters: d.waters.length,
    chiefs: d.chiefs.filter((c) => c.current.length > 0).length,
    stations_reported: q.reported,
    stations_meeting_target: q.meeting,
    stations_good: good,
    meeting_target_pct: percent1(q.meeting, q.reported),
    good_pct: percent1(good, q.reported),
    quality_month_from: q.reported > 0 ? q.month : null,
    quality_month_to: q.reported > 0 ? q.month : null,
    cases_open: d.cases.filter((c) => c.status !== 'closed').length,
    cases_overdue: d.cases.filter((c) => c.overdue === true).length,
    patrols_required: patrols.required,
    patrols_credited: patrols.credited,
    patrol_rate: percent1(patrols.credited, patrols.required),
    actions_missing: d.accountability.filter((a) => a.status === 'missing').length,
  };
}

const COUNTS = [
  'waters',
  'chiefs',
  'stations_reported',
  'stations_meeting_target',
  'stations_good',
  'cases_open',
  'cases_overdue',
  'patrols_required',
  'patrols_credited',
  'actions_missing',
] as const satisfies readonly (keyof Figures)[];

const minMonth = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxMonth = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** The figures of a portal over members: counts summed, shares recomputed from the sums. */
export function sumFigures(rows: readonly Figures[]): Figures {
  const sum = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<
    (typeof COUNTS)[number],
    number
  >;
  return {
    ...sum,
    meeting_target_pct: percent1(sum.stations_meeting_target, sum.stations_reported),
    good_pct: percent1(sum.stations_good, sum.stations_reported),
    quality_month_from: rows.reduce<string | null>((m, r) => minMonth(m, r.quality_month_from), null),
    quality_month_to: rows.reduce<string | null>((m, r) => maxMonth(m, r.quality_month_to), null),
    patrol_rate: percent1(sum.patrols_credited, sum.patrols_required),
  };
}

/** The oldest as_of of some members (a portal's own as_of: every figure is complete up to it). */
export function oldestAsOf(asOfs: readonly string[]): string {
  return asOfs.reduce((a, b) => (b < a ? b : a));
}

/** The members whose as_of is older than the newest among them (none when all agree). */
export function staleMembers<T extends { as_of: string }>(members: readonly T[]): Set<T> {
  const newest = members.reduce((m, x) => (x.as_of > m ? x.as_of : m), '');
  return new Set(members.filter((m) => m.as_of < newest));
}

/**
 * Where a member site shows each figure (a path under the member's url). A
 * portal member shows them all in its table of members.
 */
export const FIGURE_PAGES: Record<
  'waters' | 'chiefs' | 'quality' | 'cases' | 'patrols' | 'accountability',
  { site: string; portal: string }
> = {
  waters: { site: 'waters/', portal: '#members-title' },
  chiefs: { site: 'chiefs/', portal: '#members-title' },
  quality: { site: 'quality/', portal: '#members-title' },
  cases: { site: 'cases/', portal: '#members-title' },
  patrols: { site: 'patrols/', portal: '#members-title' },
  accountability: { site: 'accountability/', portal: '#members-title' },
};

/** One row of the portal's members.json. */
export interface MemberRow extends Figures {
  name: string;
  url: string;
  kind: 'site' | 'portal';
  as_of: string;
  /** Older than the newest as_of among the portal's members. */
  stale: boolean;
}

/** The fields of members.json / members.csv, in order, with what each means (index.json `fields`). */
export const MEMBER_FIELDS: { name: keyof MemberRow; description: string }[] = [
  { name: 'name', description: '名称' },
  { name: 'url', description: '网址' },
  { name: 'kind', description: '类型：site 县级网站 | portal 下级门户（其数字为其各成员之和）' },
  { name: 'as_of', description: '数据截止日期；门户为其各成员中最早的一个' },
  { name: 'stale', description: '数据截止日期早于本门户其他成员中最新的一个' },
  { name: 'waters', description: '河湖数（waters.json 的行数）' },
  { name: 'chiefs', description: '现任河长、河段长和河道专管员等人数（chiefs.json 中 current 不为空的人）' },
  {
    name: 'stations_reported',
    description: '最近月份有监测结果的断面数（最近月份为任一断面有结果的最近月份，各月按当月最差一次结果定类）',
  },
  { name: 'stations_meeting_target', description: '其中达到水质目标的断面数' },
  { name: 'stations_good', description: '其中Ⅰ—Ⅲ类的断面数' },
  { name: 'meeting_target_pct', description: '断面达标比例（%，一位小数）' },
  { name: 'good_pct', description: 'Ⅰ—Ⅲ类断面比例（%，一位小数）' },
  { name: 'quality_month_from', description: '水质数字所在月份；门户为其各成员中最早的一个' },
  { name: 'quality_month_to', description: '水质数字所在月份；门户为其各成员中最晚的一个' },
  { name: 'cases_open', description: '未销号的问题数' },
  { name: 'cases_overdue', description: '逾期问题数（未销号且数据日期晚于整改时限）' },
  { name: 'patrols_required', description: `截至数据截止日期的 ${PATROL_MONTHS} 个月内规定巡河次数` },
  { name: 'patrols_credited', description: '其中按月计达到规定的巡河次数（每人每月多巡不计）' },
  { name: 'patrol_rate', description: '巡河履职率（%，一位小数）' },
  { name: 'actions_missing', description: '问责规则要求但期限内未见记录的措施数' },
];
