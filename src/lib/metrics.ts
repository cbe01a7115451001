/**
 * Targets the site can check (data contract v2, targets.csv `metric`, 计算口径):
 * parsing a metric cell and computing the metric's value from the site's own
 * data as of `as_of`, so the published figure can be set beside the office's
 * `current`.
 *
 * Metrics, all percentages rounded to one decimal:
 * - `stations_meeting_target`: stations whose latest result (on or before
 *   as_of) meets the station's target ÷ stations with a result. A station
 *   without any result is left out of the denominator: it has no latest
 *   result to judge, and counting it as failing (or passing) would invent one.
 * - `stations_good`: stations whose latest result is class III or better ÷
 *   stations with a result (same denominator).
 * - `cases_closed` / `cases_closed:CAT1;CAT2…`: cases of those categories (all
 *   when none are named) found on or before as_of whose status as of as_of is
 *   `closed` ÷ those cases.
 * - `cases_on_time`: closed cases whose closing date is on or before their
 *   deadline ÷ closed cases.
 * - `patrol_rate:YYYY`: Σ min(done, required) ÷ Σ required over the chief-months
 *   of that year up to the month of as_of (all twelve once the year is over).
 *   The chief-months and their requirement come from the caller (the site's one
 *   patrol-compliance implementation, src/lib/patrols.ts), so this figure and
 *   the patrol pages cannot disagree.
 * - `outlets_regulated` (an addition to the contract's list, read only from
 *   the optional outlets.csv): outlets whose status is compliant (已规范) or
 *   closed (已封堵) ÷ every listed outlet; one still `unknown` (情况不明)
 *   counts as not yet regulated, since the plans ask for every outlet to be
 *   traced and regulated.
 * A value is null when there is nothing to count (a zero denominator).
 *
 * Plain TypeScript, no Astro imports, no clock.
 */
import {
  CASE_CATEGORY,
  OUTLET_STATUS,
  ROLE,
  type CaseCategory,
  type CaseStatus,
  type OutletStatus,
  type WaterClass,
} from './enums.ts';
import { PATROL_ROLES } from './patrols.ts';
import { classIndex } from './gb3838.ts';
import { listMonths, monthOf } from './dates.ts';
import { formatDateZh } from './format.ts';
import { isRegulated } from './plans.ts';

export type Metric =
  | { kind: 'stations_meeting_target' }
  | { kind: 'stations_good' }
  /** `categories` null = every category. */
  | { kind: 'cases_closed'; categories: CaseCategory[] | null }
  | { kind: 'cases_on_time' }
  | { kind: 'patrol_rate'; year: number }
  | { kind: 'outlets_regulated' };

export type MetricKind = Metric['kind'];

const categoryList = CASE_CATEGORY.values.join(' | ');

/** What a metric cell should hold, in Chinese and English (for the located data error). */
export const METRIC_EXPECTED = {
  zh:
    '计算口径应为以下之一：stations_meeting_target（断面达标比例）、stations_good（断面水质优良比例）、' +
    `cases_closed 或 cases_closed:类别1;类别2（问题销号率，类别为 ${categoryList}）、cases_on_time（按期销号率）、` +
    'patrol_rate:年份（巡河履职率，如 patrol_rate:2026）、outlets_regulated（入河排污口规范整治率）',
  en:
    'one of stations_meeting_target, stations_good, cases_closed or cases_closed:CAT1;CAT2 ' +
    `(categories: ${categoryList}), cases_on_time, patrol_rate:YYYY (e.g. patrol_rate:2026), outlets_regulated`,
};

export type ParsedMetric = { ok: true; metric: Metric } | { ok: false; zh: string; en: string };

const fail = (zh: string, en: string): ParsedMetric => ({
  ok: false,
  zh: `${zh}${METRIC_EXPECTED.zh}`,
  en: `${en}expected ${METRIC_EXPECTED.en}`,
});

/**
 * A metric cell. Spaces around the parts are ignored, and the full-width
 * `：` and `；` a Chinese input method types are read as `:` and `;`. A category
 * named twice counts once.
 */
export function parseMetric(text: string): ParsedMetric {
  const s = text.trim().replace(/：/g, ':').replace(/；/g, ';');
  const colon = s.indexOf(':');
  const head = (colon < 0 ? s : s.slice(0, colon)).trim();
  const arg = colon < 0 ? null : s.slice(colon + 1).trim();
  switch (head) {
    case 'stations_meeting_target':
    case 'stations_good':
    case 'cases_on_time':
    case 'outlets_regulated':
      if (arg !== null) return fail(`${head} 后面不带参数。`, `${head} takes no argument: `);
      return { ok: true, metric: { kind: head } };
    case 'cases_closed': {
      if (arg === null) return { ok: true, metric: { kind: 'cases_closed', categories: null } };
      const parts = arg
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean);
      if (parts.length === 0) return fail('cases_closed: 后面缺少问题类别。', 'no category after cases_closed: ; ');
      const unknown = parts.filter((p) => !(CASE_CATEGORY.values as readonly string[]).includes(p));
      if (unknown.length)
        return fail(
          `未知的问题类别“${unknown.join('”“')}”。`,
          `unknown case categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => `"${u}"`).join(', ')}: `,
        );
      const categories = CASE_CATEGORY.values.filter((c) => parts.includes(c));
      return { ok: true, metric: { kind: 'cases_closed', categories } };
    }
    case 'patrol_rate': {
      if (arg === null || !/^[1-9]\d{3}$/.test(arg))
        return fail('patrol_rate 后面应写四位年份，如 patrol_rate:2026。', 'patrol_rate needs a four-digit year: ');
      return { ok: true, metric: { kind: 'patrol_rate', year: Number(arg) } };
    }
    default:
      return fail('', '');
  }
}

/** The canonical text of a metric (what the site publishes in open data). */
export function formatMetric(m: Metric): string {
  switch (m.kind) {
    case 'cases_closed':
      return m.categories ? `cases_closed:${m.categories.join(';')}` : 'cases_closed';
    case 'patrol_rate':
      return `patrol_rate:${m.year}`;
    default:
      return m.kind;
  }
}

/** A share as a percentage rounded to one decimal (half up); null when the denominator is not positive. */
export function percent1(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

/** Months of `year` up to the month of `asOf`: all twelve once the year is over, none when it has not begun. */
export function yearMonthsUpTo(year: number, asOf: string): string[] {
  const first = `${String(year).padStart(4, '0')}-01`;
  const last = `${String(year).padStart(4, '0')}-12`;
  const end = monthOf(asOf) < last ? monthOf(asOf) : last;
  return end < first ? [] : listMonths(first, end);
}

/** A monitoring result as the station metrics read it. */
export interface MetricResultRow {
  /** 'YYYY-MM-DD', or 'YYYY-MM' for a monthly value. */
  date: string;
  class: WaterClass;
  meetsTarget: boolean;
}

export interface MetricStation {
  /** The station's results in date order (on the same date, the later one last). */
  results: readonly MetricResultRow[];
}

export interface MetricCase {
  category: string;
  found: string;
  deadline: string;
  /** Status as of as_of (src/lib/cases.ts caseState). */
  status: CaseStatus;
  /** Date of the closing event, null while open. */
  closedOn: string | null;
}

export interface MetricSources {
  asOf: string;
  stations: readonly MetricStation[];
  cases: readonly MetricCase[];
  /** Statuses of the listed outlets (outlets.csv). */
  outlets: readonly { status: OutletStatus }[];
  /** Patrols required and credited (Σ min(done, required)) over these months, as the patrol pages count them. */
  patrols: (months: readonly string[]) => { required: number; credited: number };
}

export interface MetricValue {
  metric: Metric;
  /** Percentage rounded to one decimal; null when there was nothing to count. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** stations_*: stations left out for having no result on or before as_of. */
  withoutResult?: number;
  /** stations_*: earliest and latest date of the latest results counted. */
  latestDates?: { from: string; to: string } | null;
  /** patrol_rate: the months counted (possibly none). */
  months?: string[];
}

const onOrBefore = (date: string, asOf: string) => (date.length === 7 ? date <= monthOf(asOf) : date <= asOf);

/** The latest result on or before as_of: the greatest date, on the same date the last given. */
export function latestResult(results: readonly MetricResultRow[], asOf: string): MetricResultRow | null {
  let latest: MetricResultRow | null = null;
  for (const r of results) if (onOrBefore(r.date, asOf) && (latest === null || r.date >= latest.date)) latest = r;
  return latest;
}

/** Class III or better (优良). */
export const isGood = (c: WaterClass) => classIndex(c) <= classIndex('III');

function stationMetric(metric: Metric, src: MetricSources, counts: (r: MetricResultRow) => boolean): MetricValue {
  let numerator = 0;
  let denominator = 0;
  let withoutResult = 0;
  let from: string | null = null;
  let to: string | null = null;
  for (const s of src.stations) {
    const latest = latestResult(s.results, src.asOf);
    if (!latest) {
      withoutResult++;
      continue;
    }
    denominator++;
    if (counts(latest)) numerator++;
    if (from === null || latest.date < from) from = latest.date;
    if (to === null || latest.date > to) to = latest.date;
  }
  return {
    metric,
    value: percent1(numerator, denominator),
    numerator,
    denominator,
    withoutResult,
    latestDates: from && to ? { from, to } : null,
  };
}

export function computeMetric(metric: Metric, src: MetricSources): MetricValue {
  switch (metric.kind) {
    case 'stations_meeting_target':
      return stationMetric(metric, src, (r) => r.meetsTarget);
    case 'stations_good':
      return stationMetric(metric, src, (r) => isGood(r.class));
    case 'cases_closed': {
      const cats = metric.categories ? new Set<string>(metric.categories) : null;
      const cases = src.cases.filter((c) => c.found <= src.asOf && (!cats || cats.has(c.category)));
      const numerator = cases.filter((c) => c.status === 'closed').length;
      return { metric, value: percent1(numerator, cases.length), numerator, denominator: cases.length };
    }
    case 'cases_on_time': {
      const closed = src.cases.filter((c) => c.found <= src.asOf && c.status === 'closed' && c.closedOn !== null);
      const numerator = closed.filter((c) => c.closedOn! <= c.deadline).length;
      return { metric, value: percent1(numerator, closed.length), numerator, denominator: closed.length };
    }
    case 'patrol_rate': {
      const months = yearMonthsUpTo(metric.year, src.asOf);
      const { required, credited } = months.length ? src.patrols(months) : { required: 0, credited: 0 };
      return { metric, value: percent1(credited, required), numerator: credited, denominator: required, months };
    }
    case 'outlets_regulated': {
      const numerator = src.outlets.filter((o) => isRegulated(o.status)).length;
      return { metric, value: percent1(numerator, src.outlets.length), numerator, denominator: src.outlets.length };
    }
  }
}

/** Whether the office's figure and the computed one differ by more than 0.5 (the contract's threshold). */
export function differs(current: number, computed: number | null): boolean {
  return computed !== null && Math.abs(current - computed) > 0.5 + 1e-9;
}

// ---------------------------------------------------------------------------
// How the site names and explains a metric (Chinese UI text).

const categoriesZh = (cats: readonly CaseCategory[] | null) =>
  cats ? cats.map((c) => CASE_CATEGORY.labels[c]).join('、') : '全部类别';

/** Each metric's rule, in the order the site explains them. */
export const METRIC_RULES: { kind: MetricKind; form: string; title: string; rule: string }[] = [
  {
    kind: 'stations_meeting_target',
    form: 'stations_meeting_target',
    title: '断面水质达标比例',
    rule: '各监测断面截至数据截止日期的最近一次监测结果达到该断面水质目标的断面数 ÷ 有监测结果的断面数。从未有监测结果的断面没有可评价的结果，不计入分母。',
  },
  {
    kind: 'stations_good',
    form: 'stations_good',
    title: '断面水质优良（Ⅰ—Ⅲ类）比例',
    rule: '最近一次监测结果为Ⅰ—Ⅲ类的断面数 ÷ 有监测结果的断面数（分母同上）。只看每个断面最近一次的结果，此前月份的结果不影响这一比例。',
  },
  {
    kind: 'cases_closed',
    form: 'cases_closed:类别1;类别2',
    title: '问题销号率',
    rule: '所列类别（未列类别时为全部问题）截至数据截止日期已登记的问题中，最新办理状态为“已销号”的件数 ÷ 这些问题的件数。',
  },
  {
    kind: 'cases_on_time',
    form: 'cases_on_time',
    title: '问题按期销号率',
    rule: '已销号的问题中，销号日期不晚于整改时限的件数 ÷ 已销号问题的件数。',
  },
  {
    kind: 'patrol_rate',
    form: 'patrol_rate:年份',
    title: '河长巡河履职率',
    rule: `该年1月至数据截止日期所在月份（该年已结束时为全年）每位${PATROL_ROLES.map((r) => ROLE.labels[r]).join('、')}在任的每个月（当月任一天在任即计），按所在区划级别规定的每月巡河次数计应巡河次数；每月实际巡河次数超过规定的部分不计入（多巡不抵其他月份）；月中交接的月份，前任和继任都应按规定巡河。履职率 = 各人各月 min(实际次数, 规定次数) 之和 ÷ 规定次数之和。与“巡河履职”页面使用同一计算。`,
  },
  {
    kind: 'outlets_regulated',
    form: 'outlets_regulated',
    title: '入河排污口规范整治率',
    rule: `入河排污口清单（outlets.csv）中状态为“${OUTLET_STATUS.labels.compliant}”或“${OUTLET_STATUS.labels.closed}”的排污口数 ÷ 清单中的排污口总数。状态为“${OUTLET_STATUS.labels.rectifying}”和“${OUTLET_STATUS.labels.unknown}”的都计为尚未完成整治。`,
  },
];

/** What was counted, e.g. "有监测结果的 10 个断面中，最近一次监测为Ⅰ—Ⅲ类的 9 个". */
export function metricBasis(v: MetricValue): string {
  const m = v.metric;
  switch (m.kind) {
    case 'stations_meeting_target':
    case 'stations_good': {
      const what = m.kind === 'stations_good' ? '为Ⅰ—Ⅲ类' : '达到水质目标';
      const parts = [`有监测结果的 ${v.denominator} 个断面中，最近一次监测${what}的 ${v.numerator} 个`];
      if (v.latestDates) {
        const { from, to } = v.latestDates;
        parts.push(
          from === to
            ? `最近一次监测均在${formatDateZh(from)}`
            : `各断面最近一次监测在${formatDateZh(from)}至${formatDateZh(to)}`,
        );
      }
      if (v.withoutResult) parts.push(`${v.withoutResult} 个断面没有监测结果，未计入`);
      return parts.join('；');
    }
    case 'cases_closed':
      return `${m.categories ? `${categoriesZh(m.categories)}类` : '全部'}问题 ${v.denominator} 件中已销号 ${v.numerator} 件`;
    case 'cases_on_time':
      return `已销号问题 ${v.denominator} 件中按期销号 ${v.numerator} 件`;
    case 'patrol_rate': {
      const months = v.months ?? [];
      if (months.length === 0) return `${m.year}年尚无可统计的月份`;
      const span =
        months.length === 1 ? formatDateZh(months[0]!) : `${formatDateZh(months[0]!)}至${formatDateZh(months.at(-1)!)}`;
      return `${span}：规定巡河 ${v.denominator} 次，按月计达到规定的 ${v.numerator} 次`;
    }
    case 'outlets_regulated':
      return `入河排污口 ${v.denominator} 个中已规范或已封堵 ${v.numerator} 个`;
  }
}
