/**
 * A second reading of the data contract's rule "Who answers for a monitoring
 * station, and when an action counts" (Version 2 additions), written apart
 * from src/lib/accountability.ts and src/data/* so that the tests compare two
 * independent implementations: what the site publishes, and what a reader
 * with the contract, the data folder and the published readings computes.
 *
 * Inputs: site.yaml, regions.csv, waters.csv, segments.csv, stations.csv,
 * chiefs.csv, assignments.csv and actions.csv of a data folder, and the
 * built site's /data/readings.json (each result's `class` and
 * `meets_target`, whose classification is tested elsewhere, and its raw
 * values, from which the yearly means are computed here, apart from
 * src/lib/means.ts, and classed by GB 3838 Table 1 of src/lib/gb3838.ts,
 * which tests/unit/gb3838.test.ts checks against the standard). The
 * defaults of site.yaml `rules` are the contract's, not the schema's.
 *
 * Also: reading the accountability tables out of built HTML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeText, parseCsv } from '../../src/lib/csv.ts';
import { READING_ITEM_KEYS, WATER_CLASSES, type WaterClass } from '../../src/lib/enums.ts';
import { classifyReading, type ReadingValues } from '../../src/lib/gb3838.ts';
import { parseMeasurement } from '../../src/lib/measurement.ts';

/** "0.004L" → 0.002 (half the limit); "1.23" → 1.23; absent → null. */
function numeric(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const m = parseMeasurement(String(value));
  if (!m) throw new Error(`not a measurement: "${String(value)}"`);
  return m.belowLimit ? m.value / 2 : m.value;
}

// ---------------------------------------------------------------------------
// The data folder
// ---------------------------------------------------------------------------

/** Rows of a CSV file as objects by header (CSV syntax is the loader's parser; nothing of the rule is). */
export function readCsv(path: string): Record<string, string>[] {
  const { records, errors } = parseCsv(decodeText(readFileSync(path)).text);
  if (errors.length) throw new Error(`${path}: ${JSON.stringify(errors[0])}`);
  const [header, ...rows] = records;
  const names = header!.cells.map((h) => h.trim());
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, (r.cells[i] ?? '').trim()])));
}

export interface Assignment {
  chief: string;
  water: string;
  segment: string;
  role: string;
  start: string;
  end: string;
}
export interface Action {
  date: string;
  chief: string;
  kind: string;
}
export interface Station {
  id: string;
  name: string;
  water: string;
  region: string;
  target_class: string;
  waterbody: 'river' | 'lake';
}

export interface Folder {
  asOf: string;
  escalation: { monthly: Record<string, string>; yearly: Record<string, string> };
  accountableRoles: string[];
  minMonthsPerYear: number;
  windowDays: number;
  /** region code → parent code ('' for the top) and level */
  regions: Map<string, { parent: string; level: string; name: string }>;
  segments: Map<string, { water: string; region: string }>;
  stations: Station[];
  chiefs: Map<string, string>;
  assignments: Assignment[];
  actions: Action[];
}

/** Read what the rule needs from a data folder, with the contract's defaults. */
export function readFolder(dir: string): Folder {
  const site = parseYaml(readFileSync(join(dir, 'site.yaml'), 'utf8')) as {
    as_of: string | Date;
    rules?: {
      escalation?: { monthly?: Record<string, string>; yearly?: Record<string, string> };
      accountable_roles?: string[];
      min_months_per_year?: number;
      action_window_days?: number;
    };
  };
  const rules = site.rules ?? {};
  const waterKind = new Map(readCsv(join(dir, 'waters.csv')).map((w) => [w.id!, w.kind!]));
  return {
    asOf: site.as_of instanceof Date ? site.as_of.toISOString().slice(0, 10) : String(site.as_of),
    escalation: {
      monthly: rules.escalation?.monthly ?? { 2: '约谈', 3: '通报批评' },
      yearly: rules.escalation?.yearly ?? { 2: '警告', 3: '免职' },
    },
    accountableRoles: rules.accountable_roles ?? ['chief', 'segment_chief'],
    minMonthsPerYear: rules.min_months_per_year ?? 4,
    windowDays: rules.action_window_days ?? 180,
    regions: new Map(
      readCsv(join(dir, 'regions.csv')).map((r) => [r.code!, { parent: r.parent!, level: r.level!, name: r.name! }]),
    ),
    segments: new Map(readCsv(join(dir, 'segments.csv')).map((s) => [s.id!, { water: s.water!, region: s.region! }])),
    stations: readCsv(join(dir, 'stations.csv')).map((s) => ({
      id: s.id!,
      name: s.name!,
      water: s.water!,
      region: s.region!,
      target_class: s.target_class!,
      waterbody: (s.waterbody || (['lake', 'reservoir'].includes(waterKind.get(s.water!) ?? '') ? 'lake' : 'river')) as
        'river' | 'lake',
    })),
    chiefs: new Map(readCsv(join(dir, 'chiefs.csv')).map((c) => [c.id!, c.name!])),
    assignments: readCsv(join(dir, 'assignments.csv')).map((a) => ({
      chief: a.chief!,
      water: a.water!,
      segment: a.segment ?? '',
      role: a.role!,
      start: a.start!,
      end: a.end ?? '',
    })),
    actions: readCsv(join(dir, 'actions.csv')).map((a) => ({ date: a.date!, chief: a.chief!, kind: a.kind! })),
  };
}

/** Whether region `inner` is `outer` or lies inside it (regions.csv parents). */
export function within(f: Folder, inner: string, outer: string): boolean {
  for (let code = inner, hops = 0; code && hops < 20; code = f.regions.get(code)?.parent ?? '', hops++)
    if (code === outer) return true;
  return false;
}

/** The township (level township) that region `code` is or lies in, or ''. */
export function townshipOf(f: Folder, code: string): string {
  for (let c = code, hops = 0; c && hops < 20; c = f.regions.get(c)?.parent ?? '', hops++)
    if (f.regions.get(c)?.level === 'township') return c;
  return '';
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** The month or year after a month `YYYY-MM` or a year `YYYY`. */
export function next(period: string): string {
  if (period.length === 4) return pad(Number(period) + 1, 4);
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(m + 1, 2)}`;
}
export const firstDay = (period: string): string => (period.length === 4 ? `${period}-01-01` : `${period}-01`);
export const lastDay = (period: string): string => addDays(firstDay(next(period)), -1);
/** '2025-09-10' → '2025年9月10日', as a Chinese reader writes a date. */
export const dateZh = (d: string): string => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

// ---------------------------------------------------------------------------
// Results per period
// ---------------------------------------------------------------------------

/** A row of the published readings.json, as far as the rule reads it. */
export interface PublishedReading {
  station: string;
  date: string;
  class: string | null;
  meets_target: boolean | null;
  [item: string]: unknown;
}

export function readReadings(dist: string): PublishedReading[] {
  return JSON.parse(readFileSync(join(dist, 'data', 'readings.json'), 'utf8')) as PublishedReading[];
}

/**
 * Monthly rule: a month counts when it has a result; its class is the worst
 * of its results, so it misses the target when any classed result does.
 * null: no result of the month has a class.
 */
export function monthlyMeets(readings: readonly PublishedReading[]): Map<string, boolean | null> {
  const out = new Map<string, boolean | null>();
  for (const r of readings) {
    const m = r.date.slice(0, 7);
    const prev = out.get(m) ?? null;
    if (r.class === null || r.meets_target === null) {
      if (!out.has(m)) out.set(m, null);
    } else out.set(m, prev === false || r.meets_target === false ? false : true);
  }
  return out;
}

/**
 * Yearly rule: the class of each year's mean of every item (pH through H⁺,
 * `…L` at half the limit), over all the results of that year that measured
 * the item. null when no deciding item was measured.
 */
export function yearlyClasses(
  readings: readonly PublishedReading[],
  waterbody: 'river' | 'lake',
): Map<string, string | null> {
  const byYear = new Map<string, PublishedReading[]>();
  for (const r of [...readings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const y = r.date.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), r]);
  }
  const out = new Map<string, string | null>();
  for (const [year, rs] of byYear) {
    const means: ReadingValues = {};
    for (const item of READING_ITEM_KEYS) {
      const values = rs.map((r) => numeric(r[item])).filter((v): v is number => v !== null);
      if (values.length === 0) continue;
      const mean =
        item === 'ph'
          ? -Math.log10(values.reduce((sum, v) => sum + 10 ** -v, 0) / values.length)
          : values.reduce((sum, v) => sum + v, 0) / values.length;
      means[item] = { value: mean, belowLimit: false };
    }
    const cls = classifyReading(means, waterbody).class;
    out.set(year, cls);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

export const SEVERITY = ['约谈', '通报批评', '警告', '免职'];
/** A recorded kind satisfies a required one: the same, or more severe on the contract's scale. */
export const satisfies = (kind: string, required: string): boolean =>
  kind === required ||
  (SEVERITY.includes(kind) && SEVERITY.includes(required) && SEVERITY.indexOf(kind) >= SEVERITY.indexOf(required));

/** The posts that answer for a station: accountable roles on its water; a segment only in the station's region or one containing it. */
export function accountablePosts(f: Folder, s: Station): Assignment[] {
  return f.assignments.filter(
    (a) =>
      a.water === s.water &&
      f.accountableRoles.includes(a.role) &&
      (a.segment === '' || (f.segments.has(a.segment) && within(f, s.region, f.segments.get(a.segment)!.region))),
  );
}

/** Posts whose term overlapped from…to: start ≤ last day of `to`, end empty or ≥ first day of `from`. */
export const overlaps = (a: Assignment, from: string, to: string): boolean =>
  a.start <= lastDay(to) && (a.end === '' || a.end >= firstDay(from));

/** The fields of a row of /data/accountability.json that the rule decides. */
export interface RuleRow {
  station: string;
  rule: 'monthly' | 'yearly';
  from: string;
  to: string;
  length: number;
  required: string;
  responsible: string[];
  window_opens: string;
  window_closes: string;
  status: 'recorded' | 'missing' | 'pending';
}

export interface ExpectedRow extends RuleRow {
  id: string;
  /** Every action of actions.csv that records this row (any of them may be the one published). */
  candidates: Action[];
}

/** Maximal runs of consecutive periods that miss (a period absent, meeting or without class ends a run). */
function runs(meets: Map<string, boolean | null>): { from: string; length: number }[] {
  const out: { from: string; to: string; length: number }[] = [];
  for (const p of [...meets.keys()].sort()) {
    if (meets.get(p) !== false) continue;
    const last = out.at(-1);
    if (last && next(last.to) === p) ((last.to = p), last.length++);
    else out.push({ from: p, to: p, length: 1 });
  }
  return out;
}

/** Every required action of every station, computed from the contract. */
export function expectedRows(f: Folder, readings: readonly PublishedReading[]): ExpectedRow[] {
  const out: ExpectedRow[] = [];
  for (const s of f.stations) {
    const own = readings.filter((r) => r.station === s.id);
    const monthly = monthlyMeets(own);
    const target = WATER_CLASSES.indexOf(s.target_class as WaterClass);
    const monthsPerYear = new Map<string, number>();
    for (const m of monthly.keys()) monthsPerYear.set(m.slice(0, 4), (monthsPerYear.get(m.slice(0, 4)) ?? 0) + 1);
    const yearly = new Map<string, boolean | null>();
    for (const [y, cls] of yearlyClasses(own, s.waterbody)) {
      if (`${y}-12-31` > f.asOf || (monthsPerYear.get(y) ?? 0) < f.minMonthsPerYear) continue; // not a counted year
      yearly.set(y, cls === null ? null : WATER_CLASSES.indexOf(cls as WaterClass) <= target);
    }
    const posts = accountablePosts(f, s);
    for (const [rule, meets] of [
      ['monthly', monthly],
      ['yearly', yearly],
    ] as const) {
      const levels = Object.entries(f.escalation[rule]).map(([n, kind]) => [Number(n), kind] as const);
      for (const run of runs(meets)) {
        for (const [length, required] of levels) {
          if (length > run.length) continue;
          let to = run.from;
          for (let i = 1; i < length; i++) to = next(to);
          const responsible = [...new Set(posts.filter((a) => overlaps(a, run.from, to)).map((a) => a.chief))];
          const opens = firstDay(next(to));
          const closes = addDays(opens, f.windowDays - 1);
          const candidates = f.actions.filter(
            (a) => responsible.includes(a.chief) && satisfies(a.kind, required) && a.date >= opens && a.date <= closes,
          );
          out.push({
            id: `acc-${s.id}-${rule === 'monthly' ? 'm' : 'y'}-${run.from}-${length}`,
            station: s.id,
            rule,
            from: run.from,
            to,
            length,
            required,
            responsible,
            window_opens: opens,
            window_closes: closes,
            status: candidates.length ? 'recorded' : f.asOf > closes ? 'missing' : 'pending',
            candidates,
          });
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// What the site publishes
// ---------------------------------------------------------------------------

/** A row of /data/accountability.json. */
export interface PublishedRow extends RuleRow {
  recorded_date: string | null;
  recorded_chief: string | null;
  recorded_kind: string | null;
}

export const publishedId = (r: PublishedRow): string =>
  `acc-${r.station}-${r.rule === 'monthly' ? 'm' : 'y'}-${r.from}-${r.length}`;

export function readPublished(dist: string): PublishedRow[] {
  return JSON.parse(readFileSync(join(dist, 'data', 'accountability.json'), 'utf8')) as PublishedRow[];
}

/** Every difference between the expected rows and the published ones, as readable lines (none = they agree). */
export function differences(expected: readonly ExpectedRow[], published: readonly PublishedRow[]): string[] {
  const diffs: string[] = [];
  const pub = new Map<string, PublishedRow>();
  for (const r of published) {
    if (pub.has(publishedId(r))) diffs.push(`${publishedId(r)}: published twice`);
    pub.set(publishedId(r), r);
  }
  const exp = new Map(expected.map((r) => [r.id, r]));
  for (const id of exp.keys())
    if (!pub.has(id))
      diffs.push(`${id}: required by the rule (${exp.get(id)!.required}, ${exp.get(id)!.status}) but not published`);
  for (const id of pub.keys())
    if (!exp.has(id))
      diffs.push(
        `${id}: published (${pub.get(id)!.required}, ${pub.get(id)!.status}) but the rule requires no such action`,
      );
  for (const [id, e] of exp) {
    const p = pub.get(id);
    if (!p) continue;
    for (const k of [
      'station',
      'rule',
      'from',
      'to',
      'length',
      'required',
      'window_opens',
      'window_closes',
      'status',
    ] as const)
      if (p[k] !== e[k]) diffs.push(`${id}: ${k} is ${JSON.stringify(p[k])}, expected ${JSON.stringify(e[k])}`);
    if ([...p.responsible].sort().join(';') !== [...e.responsible].sort().join(';'))
      diffs.push(`${id}: responsible ${p.responsible.join(';')}, expected ${e.responsible.join(';')}`);
    if (e.status === 'recorded') {
      if (
        !e.candidates.some(
          (a) => a.date === p.recorded_date && a.chief === p.recorded_chief && a.kind === p.recorded_kind,
        )
      )
        diffs.push(
          `${id}: recorded by ${p.recorded_date} ${p.recorded_chief} ${p.recorded_kind}, which is none of ${JSON.stringify(e.candidates)}`,
        );
    } else if (p.recorded_date !== null || p.recorded_chief !== null || p.recorded_kind !== null) {
      diffs.push(`${id}: ${e.status} but a recorded action is published beside it`);
    }
  }
  return diffs;
}

/** A row of an accountability table in built HTML. */
export interface HtmlRow {
  id: string;
  /** The row's class, e.g. acc-missing. */
  className: string;
  /** Text of each <td> (tags removed). */
  cells: string[];
  /** The status word in the last cell: 已记录 | 未见记录 | 尚在期限内. */
  status: string;
  /** Chief ids linked in the 当时的责任河长 cell, and the role labels beside them. */
  responsible: string[];
  roles: string[];
  /** hrefs in the 问责记录 cell. */
  recordLinks: string[];
}

export const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every row of the accountability tables of a page (rows with an id `acc-…`), by id. */
export function htmlRows(html: string): Map<string, HtmlRow> {
  const out = new Map<string, HtmlRow>();
  for (const m of html.matchAll(/<tr id="(acc-[^"]+)"([^>]*)>([\s\S]*?)<\/tr>/g)) {
    const [, id, attrs, body] = m as unknown as [string, string, string, string];
    const tds = [...body.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!);
    const who = tds.at(-2) ?? '';
    const record = tds.at(-1) ?? '';
    out.set(id, {
      id,
      className: /class="([^"]*)"/.exec(attrs)?.[1] ?? '',
      cells: tds.map(text),
      status: text(/<strong[^>]*class="status[^"]*"[^>]*>([\s\S]*?)<\/strong>/.exec(record)?.[1] ?? ''),
      responsible: [...who.matchAll(/href="\/chiefs\/([^/"]+)\/"/g)].map((x) => x[1]!),
      roles: [...text(who).matchAll(/（([^）]+)）/g)].map((x) => x[1]!),
      recordLinks: [...record.matchAll(/href="([^"]+)"/g)].map((x) => x[1]!),
    });
  }
  return out;
}

export const STATUS_WORD = { recorded: '已记录', missing: '未见记录', pending: '尚在期限内' } as const;

/** The html of every built page under dir/<section>/<id>/index.html, by id. */
export function pagesUnder(dist: string, section: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(dist, section), { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    try {
      out.set(e.name, readFileSync(join(dist, section, e.name, 'index.html'), 'utf8'));
    } catch {
      // a folder without a page (e.g. letter indexes) is not a station or chief
    }
  }
  return out;
}
