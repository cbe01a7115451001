/**
 * actions.csv, written the way an office that follows its escalation rule
 * would: every action the rule requires of a station's responsible chiefs
 * (src/lib/accountability.ts, with the same posts, results and defaults as
 * the site: src/data/accountability.ts) is recorded a few weeks after its
 * window opens, except a small deterministic share the office let pass,
 * those no chief answered for, and those whose date has not come by as_of. A few actions of kind
 * `other`, outside the rule, complete the table.
 */
import {
  countedYears,
  requiredActions,
  satisfies,
  type Post,
  type RequiredAction,
} from '../../../src/lib/accountability.ts';
import {
  DEFAULT_ACCOUNTABLE_ROLES,
  DEFAULT_ACTION_WINDOW_DAYS,
  DEFAULT_ESCALATION,
  DEFAULT_MIN_MONTHS_PER_YEAR,
} from '../../../src/schemas/site.ts';
import { Rng, fmtDay, toDay } from '../lib.ts';
import type { Assignment, Chief, Context, Land, Period, Region, Station } from './context.ts';
import type { StationResults } from './readings.ts';

/** The rule as site.yaml states it (the escalation) or leaves it to the contract's defaults. */
export const RULES = {
  escalation: DEFAULT_ESCALATION,
  accountableRoles: DEFAULT_ACCOUNTABLE_ROLES as readonly string[],
  minMonthsPerYear: DEFAULT_MIN_MONTHS_PER_YEAR,
  windowDays: DEFAULT_ACTION_WINDOW_DAYS,
};

/**
 * The share of required actions the office let pass. With those that no
 * chief answered for (a vacant post), some 5–10 % of the required actions
 * whose window has passed come out missing.
 */
const NEGLECTED_SHARE = 0.05;

/** A required action of one station. */
export interface Required {
  station: Station;
  action: RequiredAction;
}

/** Whether region `inner` is `outer` or lies inside it. */
function within(regions: Map<string, Region>, inner: Region, outer: Region): boolean {
  for (let r: Region | undefined = inner; r; r = r.parent ? regions.get(r.parent) : undefined)
    if (r === outer) return true;
  return false;
}

/**
 * Every action the escalation rule requires, station by station, before any
 * is recorded: the accountable posts on the station's water (a segment's only
 * when the segment's region is or contains the station's), judged over the
 * station's monthly results and its counted years.
 */
export function requiredOf(
  ctx: Context,
  land: Land,
  stations: Station[],
  results: StationResults[],
  assignments: Assignment[],
): Required[] {
  const regions = new Map<string, Region>([land.county, ...land.townships, ...land.villages].map((r) => [r.code, r]));
  const byWater = new Map<number, Assignment[]>();
  for (const a of assignments) {
    if (!RULES.accountableRoles.includes(a.role)) continue;
    const list = byWater.get(a.water.i);
    if (list) list.push(a);
    else byWater.set(a.water.i, [a]);
  }
  const out: Required[] = [];
  stations.forEach((station, k) => {
    const posts: Post[] = (byWater.get(station.water.i) ?? [])
      .filter((a) => a.segment === null || within(regions, station.region, a.segment.region))
      .map((a) => ({
        chief: a.chief.id,
        role: a.role,
        start: fmtDay(a.start),
        end: a.end === null ? null : fmtDay(a.end),
      }));
    const r = results[k]!;
    const counted = countedYears(r.months, ctx.asOf, RULES.minMonthsPerYear);
    const common = { posts, actions: [], asOf: ctx.asOf, windowDays: RULES.windowDays };
    for (const action of [
      ...requiredActions({ ...common, rule: 'monthly', levels: RULES.escalation.monthly, results: r.monthly }),
      ...requiredActions({
        ...common,
        rule: 'yearly',
        levels: RULES.escalation.yearly,
        results: r.yearly.filter((y) => counted.has(y.period)),
      }),
    ]) {
      out.push({ station, action });
    }
  });
  return out;
}

/** '2025-03' → '2025年3月'; '2025' → '2025年'. */
const periodZh = (p: string): string => (p.length === 4 ? `${p}年` : `${p.slice(0, 4)}年${Number(p.slice(5, 7))}月`);

/** Why the action was taken, as a clerk would write it. */
function reason(station: Station, a: RequiredAction): string {
  const span = a.rule === 'monthly' ? `连续${a.length}个月水质` : `连续${a.length}年年均水质`;
  return `${station.name}${periodZh(a.from)}至${periodZh(a.to)}${span}未达到${station.target}类目标`;
}

/** An action as the site matches it to a required one: its chief, its kind, its date. */
interface Taken {
  chief: string;
  kind: string;
  date: string;
}

/** Whether an action answers a required one (src/lib/accountability.ts requiredActions). */
const answers = (t: Taken, r: RequiredAction): boolean =>
  t.date >= r.opens && t.date <= r.closes && r.responsible.includes(t.chief) && satisfies(t.kind, r.required);

/**
 * Write actions.csv. The required actions are taken in the order their
 * windows open: one that an earlier action already answers (a chief answering
 * for two stations) needs none of its own; a small share is let pass, and no
 * later action may answer it (the action goes to another responsible chief,
 * or is not taken either); the others are recorded 7–60 days into their
 * window, on a chief who still held the post then. A few actions of kind
 * `other` complete the table.
 */
export function writeActions(ctx: Context, chiefs: Chief[], periods: Period[], required: Required[]): void {
  const rA = new Rng(ctx.seed, 'actions');
  const rows: [number, string, string, string, string][] = [];
  const quarterDoc = (d: number) => periods.find((p) => !p.yearly && d >= p.date && d <= p.date + 45)?.doc ?? '';
  const taken = new Map<string, Taken[]>();
  const passed = new Map<string, RequiredAction[]>();
  const keep = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const inOrder = [...required].sort((x, y) =>
    x.action.opens < y.action.opens ? -1 : x.action.opens > y.action.opens ? 1 : 0,
  );
  for (const { station, action } of inOrder) {
    if (action.responsible.some((c) => taken.get(c)?.some((t) => answers(t, action)))) continue;
    if (rA.chance(NEGLECTED_SHARE)) {
      for (const c of action.responsible) keep(passed, c, action);
      continue;
    }
    const date = fmtDay(toDay(action.opens) + rA.int(7, 60));
    if (date > ctx.asOf) continue;
    const holders = action.posts.filter((p) => !p.end || p.end >= action.opens).map((p) => p.chief);
    const who = (holders.length > 0 ? holders : action.responsible).filter(
      (c) => !passed.get(c)?.some((r) => answers({ chief: c, kind: action.required, date }, r)),
    );
    if (who.length === 0) {
      for (const c of action.responsible) keep(passed, c, action);
      continue;
    }
    const chief = rA.pick(who);
    keep(taken, chief, { chief, kind: action.required, date });
    rows.push([
      toDay(date),
      chief,
      action.required,
      reason(station, action),
      action.required === '通报批评' ? quarterDoc(toDay(date)) : '',
    ]);
  }
  const n = Math.max(2, Math.round(chiefs.length * ctx.sz.actionShare));
  const active = chiefs.filter((c) => c.kind === 'leader' && c.to === null);
  for (let k = 0; k < n && active.length > 0; k++) {
    const c = rA.pick(active);
    const d = rA.int(Math.min(ctx.AS_OF, Math.max(c.from + 30, ctx.AS_OF - 730)), ctx.AS_OF);
    rows.push([d, c.id, 'other', rA.pick(OTHER_REASONS), '']);
  }
  rows.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const f = ctx.csv('actions.csv', ['date', 'chief', 'kind', 'reason', 'document']);
  for (const r of rows) f.row([fmtDay(r[0]), r[1], r[2], r[3], r[4]]);
  ctx.done(f, 'actions');
}

const OTHER_REASONS = [
  '巡河记录弄虚作假，责令作出书面检查',
  '公示牌信息长期未更新，责令限期整改',
  '连续两个月巡河次数未达到要求，责令作出书面说明',
];
