/**
 * Water quality in words, for the tables and the one-line summaries beside
 * every chart: how a limit reads ('≤ 0.2'), how far a value misses its
 * target ('超标 0.45 倍'), a main pollutant ('总磷（超Ⅲ类标准 1.49 倍）'), a
 * station's last months ('近12个月8次达标'), the share of stations meeting
 * target over time, and an item's series.
 *
 * Plain TypeScript: no Astro imports, usable from scripts and tests.
 */
import { READING_ITEMS, WATER_CLASS_LABEL } from './enums.ts';
import type { ReadingItem, TargetClass, Waterbody } from './enums.ts';
import { limitOf, meetsLimit, standardFor } from './gb3838.ts';
import type { ClassLimit, Exceedance, ItemStandard } from './gb3838.ts';
import { addMonths, lastMonths } from './dates.ts';
import { formatDateZh, formatPercent, plainNumber } from './format.ts';
import type { MonthClass, MonthShare, SeriesPoint } from './chart-data.ts';

// ---------------------------------------------------------------------------
// Limits, shortfalls and pollutants
// ---------------------------------------------------------------------------

/** How a limit reads: '≤ 0.2' for an upper bound, '≥ 5' for DO, '6–9' for pH. */
export function limitText(standard: ItemStandard, limit: ClassLimit): string {
  if (typeof limit !== 'number') return `${plainNumber(limit.min)}–${plainNumber(limit.max)}`;
  return `${standard.bound === 'lower' ? '≥' : '≤'} ${plainNumber(limit)}`;
}

/**
 * How far a value is from a target class's limit, in words: '超标 0.45 倍'
 * (upper bounds: (value − limit) / limit), '低于限值 5 mg/L'
 * for DO, '超出 6–9 范围' for pH. Null when the value meets the limit.
 */
export function shortfallText(
  item: ReadingItem,
  value: number,
  waterbody: Waterbody,
  target: TargetClass,
): string | null {
  const standard = standardFor(item, waterbody);
  if (!standard || meetsLimit(standard, value, target)) return null;
  const limit = limitOf(standard, target);
  if (typeof limit !== 'number') return `超出 ${plainNumber(limit.min)}–${plainNumber(limit.max)} 范围`;
  if (standard.bound === 'lower')
    return `低于${WATER_CLASS_LABEL[target]}限值 ${plainNumber(limit)} ${READING_ITEMS[item].unit}`;
  return `超标 ${plainNumber((value - limit) / limit, 2)} 倍`;
}

/**
 * A main pollutant in words, e.g. '总磷（超Ⅲ类标准 1.49 倍）'. pH and DO have
 * no multiple: they are described in plain words instead ('溶解氧（0.9 mg/L，
 * 低于Ⅲ类标准 5 mg/L）', 'pH（9.5，超出 6–9 范围）').
 */
export function pollutantText(e: Exceedance): string {
  const { label, unit } = READING_ITEMS[e.item];
  const reference = `${WATER_CLASS_LABEL[e.reference]}标准`;
  if (e.multiple !== null) return `${label}（超${reference} ${plainNumber(e.multiple, 2)} 倍）`;
  if (typeof e.limit !== 'number')
    return `${label}（${plainNumber(e.value, 2)}，超出 ${plainNumber(e.limit.min)}–${plainNumber(e.limit.max)} 范围）`;
  return `${label}（${plainNumber(e.value)} ${unit}，低于${reference} ${plainNumber(e.limit)} ${unit}）`;
}

// ---------------------------------------------------------------------------
// One-line summaries
// ---------------------------------------------------------------------------

/** A station's record over the last months: how many months had a result, how many met the target. */
export interface ComplianceSummary {
  months: string[];
  reported: number;
  met: number;
  /** e.g. '近12个月8次达标（10个月有监测结果）'. */
  text: string;
}

/**
 * "近12个月8次达标": of the `n` months ending at `end`, how many met the
 * target; when some months had no result, how many did.
 */
export function complianceSummary(monthly: readonly MonthClass[], end: string, n = 12): ComplianceSummary {
  const months = lastMonths(end, n);
  const inWindow = new Set(months);
  let reported = 0;
  let met = 0;
  for (const r of monthly) {
    if (!inWindow.has(r.month) || r.meets === null) continue;
    reported++;
    if (r.meets) met++;
  }
  let text: string;
  if (reported === 0) text = `近${n}个月没有监测结果`;
  else if (reported === n) text = `近${n}个月${met}次达标`;
  else text = `近${n}个月${met}次达标（${reported}个月有监测结果）`;
  return { months, reported, met, text };
}

/** One line on the share over time: the last month's share, and the change against a year before when known. */
export function shareSummary(shares: readonly MonthShare[]): string {
  const reported = shares.filter((s) => s.share !== null);
  const last = reported.at(-1);
  if (!last) return '没有监测结果';
  let text = `${formatDateZh(last.month)}${last.reported}个断面中${last.meeting}个达到水质目标（${formatPercent(last.share!)}）`;
  const yearBefore = addMonths(last.month, -12);
  const before = shares.find((s) => s.month === yearBefore && s.share !== null);
  if (before) {
    const diff = Math.round((last.share! - before.share!) * 1000) / 10;
    text += diff === 0 ? `，与上年同月持平` : `，比上年同月${diff > 0 ? '提高' : '下降'}${Math.abs(diff)}个百分点`;
  }
  if (reported.length > 1) {
    const lo = reported.reduce((a, b) => (b.share! < a.share! ? b : a));
    const hi = reported.reduce((a, b) => (b.share! > a.share! ? b : a));
    text += `；${reported.length}个月中最低${formatPercent(lo.share!)}（${formatDateZh(lo.month)}），最高${formatPercent(hi.share!)}（${formatDateZh(hi.month)}）`;
  }
  return text;
}

/** One line on an item's series: how often it missed the target's limit and the latest value. */
export function itemSummary(
  points: readonly SeriesPoint[],
  item: ReadingItem,
  target: TargetClass | null,
  reportedOnly = false,
): string {
  const info = READING_ITEMS[item];
  const last = points.at(-1);
  if (!last) return `${info.label}：没有监测数据`;
  const unit = info.unit === '无量纲' ? '' : ` ${info.unit}`;
  const lastText = `最近一次（${formatDateZh(last.date)}）${last.written}${unit}${last.class ? `，${WATER_CLASS_LABEL[last.class]}` : ''}`;
  if (reportedOnly || target === null) return `${info.label}：共${points.length}次监测；${lastText}`;
  const failed = points.filter((p) => p.meetsTarget === false).length;
  const judged =
    failed === 0 ? `均达到${WATER_CLASS_LABEL[target]}目标` : `${failed}次劣于${WATER_CLASS_LABEL[target]}目标`;
  return `${info.label}：共${points.length}次监测，${judged}；${lastText}`;
}
