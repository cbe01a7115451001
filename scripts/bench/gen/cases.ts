/**
 * cases.csv and case-events.csv: problems found on the waters since 2022
 * (more of them recently), each with a deadline and the events of its
 * handling cut at as_of: most closed in time, some late, a few rejected
 * once before closing, a few stuck.
 */
import type { CaseCategory, CaseSource, CaseStatus } from '../../../src/lib/enums.ts';
import { Rng, WeightedIndex, fixed, fmtDay, pad, toDay } from '../lib.ts';
import caseText from './case-text.json' with { type: 'json' };
import {
  HEZHANGBAN,
  regionsOf,
  townGov,
  type Context,
  type Hydro,
  type Land,
  type Region,
  type Segment,
} from './context.ts';

/** What later tables (targets, the annual report) say about the cases. */
export interface CaseStats {
  /** Cases per current status. */
  status: Record<string, number>;
  closed: number;
  /** Open past their deadline. */
  overdue: number;
}

/** Write cases.csv and case-events.csv; returns the counts. */
export function writeCases(ctx: Context, land: Land, hydro: Hydro, segments: Segment[]): CaseStats {
  const { townships } = land;
  const { waters } = hydro;
  const stats: CaseStats = { status: {}, closed: 0, overdue: 0 };
  const rK = new Rng(ctx.seed, 'cases');
  const weights = waters.map(
    (w) => (w.level === 'county' ? 10 : w.level === 'township' ? 3 : 1) * (w.kind === 'river' ? 1.5 : 1),
  );
  const pickWater = new WeightedIndex(weights);
  const span = ctx.AS_OF - toDay('2022-01-01');
  const found: number[] = [];
  for (let k = 0; k < ctx.sz.cases; k++) found.push(ctx.AS_OF - Math.floor(span * rK.next() ** 1.6));
  found.sort((a, b) => a - b);
  const f = ctx.csv('cases.csv', [
    'id',
    'title',
    'water',
    'segment',
    'region',
    'found',
    'source',
    'category',
    'description',
    'responsible',
    'deadline',
    'report_ref',
    'lat',
    'lon',
    'photos',
  ]);
  const ev = ctx.csv('case-events.csv', ['case', 'date', 'status', 'note', 'by']);
  const seqByYear = new Map<number, number>();
  const refByDay = new Map<number, number>();
  const idWidth = Math.max(5, String(ctx.sz.cases).length);
  for (const day of found) {
    const year = Number(fmtDay(day).slice(0, 4));
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const id = `wt${year}-${pad(seq, idWidth)}`;
    const w = waters[pickWater.draw(rK)]!;
    const seg = w.segments.length > 0 && rK.chance(0.7) ? segments[rK.pick(w.segments)]! : null;
    const region = seg ? seg.region : rK.pick(regionsOf(land, w));
    const town = region.level === 'township' ? region : townships[region.town]!;
    const source = rK.weighted(CASE_SOURCES);
    const category = rK.weighted(w.polygon ? CASE_CATEGORIES_LAKE : CASE_CATEGORIES);
    const place = seg ? seg.name : `${w.name}${region.name}段`;
    const tpl = CASE_TEXT[category];
    const title = rK.pick(tpl.titles).replace('{w}', w.name).replace('{p}', place);
    const detail = rK
      .pick(tpl.details)
      .replace('{n}', String(rK.int(3, 60)))
      .replace('{m}', String(rK.int(20, 400)));
    const responsible = tpl.dept === 'town' ? townGov(town) : rK.chance(0.7) ? tpl.dept : townGov(town);
    const deadline = day + rK.int(tpl.days[0], tpl.days[1]);
    let reportRef = '';
    if (source === 'report') {
      const n = (refByDay.get(day) ?? 0) + 1;
      refByDay.set(day, n);
      reportRef = `JB${fmtDay(day).replaceAll('-', '')}${pad(n, 3)}`;
    }
    let lat = '';
    let lon = '';
    if (rK.chance(0.6)) {
      const g = w.geom;
      const k = rK.int(0, g.length / 2 - 1);
      lon = fixed(g[2 * k]! + rK.range(-0.002, 0.002), 5);
      lat = fixed(g[2 * k + 1]! + rK.range(-0.002, 0.002), 5);
    }
    const srcText = SOURCE_TEXT[source];
    f.row([
      id,
      title,
      w.id,
      seg?.id ?? '',
      region.code,
      fmtDay(day),
      source,
      category,
      `${srcText}：${title}。${detail}`,
      responsible,
      fmtDay(deadline),
      reportRef,
      lat,
      lon,
      '',
    ]);

    // the life of the case, cut at as_of
    const events = caseLife(rK, { day, deadline, source, srcText, town, responsible });
    let status: CaseStatus = 'reported';
    for (const [d, st, note, by] of events) {
      if (d > ctx.AS_OF) break;
      ev.row([id, fmtDay(d), st, note, by]);
      status = st;
    }
    stats.status[status] = (stats.status[status] ?? 0) + 1;
    if (status === 'closed') stats.closed++;
    else if (ctx.AS_OF > deadline) stats.overdue++;
  }
  ctx.done(f, 'cases');
  ctx.done(ev, 'case-events');
  return stats;
}

/** The events of a case from its finding on, before the cut at as_of: [day, status, note, by]. */
function caseLife(
  rK: Rng,
  c: { day: number; deadline: number; source: CaseSource; srcText: string; town: Region; responsible: string },
): [number, CaseStatus, string, string][] {
  const { day, deadline, source, srcText, town, responsible } = c;
  const events: [number, CaseStatus, string, string][] = [];
  const reportedBy = source === 'patrol' || source === 'inspection' ? `${town.name}河长办` : HEZHANGBAN;
  events.push([
    day,
    'reported',
    source === 'report'
      ? `群众通过${rK.pick(['12345热线', '12314平台', '12369热线', '公示牌监督电话', '网上举报'])}反映，已登记`
      : `${srcText}，已登记`,
    reportedBy,
  ]);
  const dAssigned =
    day +
    rK.weighted([
      [0, 0.35],
      [1, 0.3],
      [2, 0.2],
      [3, 0.1],
      [5, 0.05],
    ] as const);
  events.push([dAssigned, 'assigned', `交办${responsible}，限${fmtDay(deadline)}前整改到位`, HEZHANGBAN]);
  const dRect = dAssigned + rK.int(0, 5);
  events.push([dRect, 'rectifying', '已制定整改方案，正在整改', responsible]);
  const allowed = deadline - day;
  const stuck = rK.chance(0.025);
  if (!stuck) {
    let dur = Math.round(allowed * rK.range(0.3, 0.95));
    if (rK.chance(0.14)) dur = Math.round(allowed * rK.range(1.1, 3));
    let dSub = Math.max(dRect + 1, day + dur);
    events.push([dSub, 'submitted', '整改完成，申请验收销号', responsible]);
    if (rK.chance(0.12)) {
      const dRej = dSub + rK.int(3, 15);
      events.push([
        dRej,
        'rejected',
        rK.pick(['现场复核整改不到位，退回继续整改', '问题出现反弹，退回整改', '整改佐证材料不全，退回补充整改']),
        HEZHANGBAN,
      ]);
      const dRect2 = dRej + rK.int(3, 25);
      events.push([dRect2, 'rectifying', '按复核意见继续整改', responsible]);
      dSub = dRect2 + rK.int(5, 40);
      events.push([dSub, 'submitted', '再次整改完成，申请验收销号', responsible]);
    }
    events.push([dSub + rK.int(2, 15), 'closed', '经现场验收合格，予以销号', HEZHANGBAN]);
  }
  return events;
}

// ================================================================ text

const CASE_SOURCES: readonly (readonly [CaseSource, number])[] = [
  ['patrol', 0.45],
  ['inspection', 0.18],
  ['report', 0.2],
  ['media', 0.05],
  ['audit', 0.04],
  ['other', 0.08],
];
const CASE_CATEGORIES: readonly (readonly [CaseCategory, number])[] = [
  ['garbage', 0.22],
  ['dumping', 0.12],
  ['encroachment', 0.1],
  ['illegal_building', 0.08],
  ['sand_mining', 0.04],
  ['sewage_outlet', 0.1],
  ['pollution', 0.08],
  ['black_odorous', 0.03],
  ['livestock', 0.07],
  ['sign_outdated', 0.06],
  ['other', 0.1],
];
const CASE_CATEGORIES_LAKE = CASE_CATEGORIES.filter(([c]) => c !== 'sand_mining' && c !== 'black_odorous');
const SOURCE_TEXT: Record<CaseSource, string> = {
  patrol: '河长巡河发现',
  inspection: '督查检查发现',
  report: '群众反映',
  media: '媒体报道',
  audit: '审计发现',
  other: '其他途径发现',
};
/**
 * Per category: title and detail templates ({w} the water, {p} the place, {n} and {m}
 * numbers), the department it goes to ('town' for the township's government) and the
 * range of days allowed to fix it. The wording is data: case-text.json.
 */
const CASE_TEXT = caseText as unknown as Record<
  CaseCategory,
  { titles: string[]; details: string[]; dept: string; days: [number, number] }
>;
