/**
 * Self-check of the bundled sample data folder (src/content/) against the data
 * contract and against what the sample is meant to demonstrate.
 *
 *   node scripts/sample/verify.ts [data-folder]
 *
 * Not the project's data check (that one reads any office's folder, GBK and
 * quoted CSV included): this is a small, dependency-free script for the sample
 * only. It splits CSV lines on commas, so it also checks that no cell of the
 * sample needs quoting. It checks headers, id uniqueness, dates, enumerations,
 * every cross-reference, the case timelines and status coverage, the water
 * classes of the readings and the escalation actions, the documents'
 * frontmatter and shape, and the geometry. Exits 1 with a list of problems.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASS_NAMES, classOfMean, classOfRow, targetNumber } from './classify.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = process.argv[2] ?? join(ROOT, 'src', 'content');

const errors: string[] = [];
const notes: string[] = [];
const err = (where: string, msg: string) => errors.push(`${where}: ${msg}`);

// ------------------------------------------------------------------ enumerations

const E = {
  regionLevel: ['county', 'township', 'village'],
  waterKind: ['river', 'lake', 'reservoir', 'canal', 'pond', 'other'],
  targetClass: ['I', 'II', 'III', 'IV', 'V'],
  role: ['general_chief', 'deputy_general_chief', 'chief', 'deputy_chief', 'segment_chief', 'keeper', 'patroller', 'civic_chief'],
  stationKind: ['national', 'provincial', 'municipal', 'county', 'boundary', 'drinking_source'],
  waterbody: ['river', 'lake'],
  source: ['patrol', 'inspection', 'report', 'media', 'audit', 'other'],
  category: ['encroachment', 'sand_mining', 'dumping', 'illegal_building', 'sewage_outlet', 'pollution', 'garbage', 'black_odorous', 'livestock', 'sign_outdated', 'other'],
  status: ['reported', 'assigned', 'rectifying', 'submitted', 'closed', 'rejected'],
  subjectKind: ['region', 'chief', 'water'],
  actionKind: ['约谈', '通报批评', '警告', '免职', 'other'],
  direction: ['up', 'down'],
  docStatus: ['draft', 'in_force', 'repealed'],
  docKind: ['plan', 'one_river_one_policy', 'rules', 'notice', 'report', 'other'],
  result: ['优秀', '良好', '合格', '不合格'],
};

const HEADERS: Record<string, string[]> = {
  'regions.csv': ['code', 'name', 'level', 'parent'],
  'waters.csv': ['id', 'name', 'kind', 'parent', 'level', 'regions', 'length_km', 'area_km2', 'target_class', 'plan', 'description'],
  'segments.csv': ['id', 'water', 'name', 'region', 'start', 'end', 'length_km'],
  'chiefs.csv': ['id', 'name', 'position', 'region', 'phone', 'verified'],
  'assignments.csv': ['chief', 'water', 'segment', 'role', 'start', 'end', 'duties'],
  'stations.csv': ['id', 'name', 'water', 'region', 'kind', 'target_class', 'lat', 'lon', 'waterbody'],
  'cases.csv': ['id', 'title', 'water', 'segment', 'region', 'found', 'source', 'category', 'description', 'responsible', 'deadline', 'report_ref', 'lat', 'lon', 'photos'],
  'case-events.csv': ['case', 'date', 'status', 'note', 'by'],
  'inspections.csv': ['id', 'period', 'date', 'subject_kind', 'subject', 'score', 'rank', 'result', 'document', 'note'],
  'patrols.csv': ['chief', 'month', 'count', 'km', 'issues_found'],
  'actions.csv': ['date', 'chief', 'kind', 'reason', 'document'],
  'targets.csv': ['id', 'name', 'unit', 'direction', 'baseline', 'baseline_date', 'target', 'deadline', 'current', 'current_date', 'document', 'metric'],
};
const READING_COLUMNS = [
  'ph', 'do', 'codmn', 'cod', 'bod5', 'nh3n', 'tp', 'tn', 'cu', 'zn', 'f', 'se', 'as', 'hg', 'cd', 'cr6', 'pb', 'cn',
  'phenol', 'oil', 'las', 's2', 'fecal_coliform', 'temp', 'transparency_cm', 'orp_mv',
];

// ------------------------------------------------------------------ helpers

type Row = Record<string, string> & { __line: string };

function readText(file: string): string {
  const buf = readFileSync(join(DIR, file));
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) err(file, 'starts with a BOM (the sample is written without)');
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) err(file, 'not valid UTF-8');
  if (!text.endsWith('\n')) err(file, 'does not end with a newline');
  if (text.includes('\r')) err(file, 'has CR line endings');
  return text;
}

function readCsv(file: string, header: string[]): Row[] {
  const text = readText(file);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const head = lines[0].split(',');
  if (head.join(',') !== header.join(',')) err(`${file}:1`, `header is "${head.join(',')}", expected "${header.join(',')}"`);
  const rows: Row[] = [];
  lines.slice(1).forEach((line, i) => {
    const where = `${file}:${i + 2}`;
    if (line === '') return err(where, 'empty line');
    if (line.includes('"')) err(where, 'contains a double quote (the sample avoids quoted cells)');
    const cells = line.split(',');
    if (cells.length !== head.length) err(where, `${cells.length} cells, expected ${head.length} (a comma inside a cell?)`);
    const row = Object.fromEntries(head.map((h, j) => [h, cells[j] ?? ''])) as Row;
    for (const [k, v] of Object.entries(row)) if (v !== v.trim()) err(where, `column ${k}: leading or trailing space`);
    row.__line = where;
    rows.push(row);
  });
  return rows;
}

const ID = /^[a-z0-9-]+$/;
function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
const isNum = (s: string) => /^-?\d+(\.\d+)?$/.test(s);
const list = (s: string) => (s === '' ? [] : s.split(';'));

function uniq(rows: Row[], key: string, file: string, pattern: RegExp = ID): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of rows) {
    const v = r[key];
    if (!pattern.test(v)) err(`${r.__line}`, `${key} "${v}" does not match ${pattern}`);
    if (m.has(v)) err(`${r.__line}`, `${key} "${v}" repeats ${m.get(v)!.__line}`);
    m.set(v, r);
  }
  if (!rows.length) err(file, 'no rows');
  return m;
}
function need(cond: boolean, where: string, msg: string) {
  if (!cond) err(where, msg);
}
function ref<T>(map: Map<string, T>, value: string, where: string, what: string) {
  if (!map.has(value)) err(where, `${what} "${value}" does not exist`);
}
function date(r: Row, col: string, optional = false) {
  const v = r[col];
  if (v === '' && optional) return;
  if (!isDate(v)) err(r.__line, `${col} "${v}" is not a valid YYYY-MM-DD date`);
}
function inEnum(r: Row, col: string, values: string[], optional = false) {
  const v = r[col];
  if (v === '' && optional) return;
  if (!values.includes(v)) err(r.__line, `${col} "${v}" is not one of ${values.join('|')}`);
}
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const monthEnd = (m: string) => {
  const [y, mo] = m.split('-').map(Number);
  return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
};
const active = (a: Row, from: string, to: string) => a.start <= to && (a.end === '' || a.end >= from);

// ------------------------------------------------------------------ site.yaml

const site = readText('site.yaml');
const asOf = /^as_of:\s*(\d{4}-\d{2}-\d{2})\s*$/m.exec(site)?.[1] ?? '';
need(asOf === '2026-10-31', 'site.yaml', `as_of is "${asOf}", expected 2026-10-31`);
for (const [re, what] of [
  [/^name: 示例县河长制信息公开$/m, 'name'],
  [/^url: https:\/\/hzz\.example\.org\/$/m, 'url'],
  [/^area: "990100000000"$/m, 'area'],
  [/^office:\n(\s+\w+: .+\n){5}/m, 'office with five fields'],
  [/^\s+name: 示例县河长制办公室$/m, 'office.name'],
  [/^\s+email: \S+@example\.org$/m, 'office.email (example.org)'],
  [/number: "0000-\d{7}"/, 'supervision phone 0000-…'],
  [/number: "12345"/, '12345'],
  [/\{ name: 12314水利部监督举报, number: "12314", scope: 河湖乱占乱采乱堆乱建等 \}/, '12314 with its scope'],
  [/\{ name: 12369环保举报, number: "12369", scope: 水污染、排污口等 \}/, '12369 with its scope'],
  [/^report: \{ endpoint: null, email: report@hzz\.example\.org \}$/m, 'report'],
  [/escalation: \{ monthly: \{ 2: 约谈, 3: 通报批评 \}, yearly: \{ 2: 警告, 3: 免职 \} \}/, 'rules.escalation'],
  [/patrol_per_month: \{ county: 1, township: 1, village: 4 \}/, 'rules.patrol_per_month'],
] as [RegExp, string][]) {
  need(re.test(site), 'site.yaml', `missing or different: ${what}`);
}
for (const m of site.matchAll(/number: "([^"]+)"/g)) {
  need(/^0000-\d+$/.test(m[1]) || ['12345', '12314', '12369'].includes(m[1]), 'site.yaml', `phone ${m[1]} is neither 0000-… nor a national hotline`);
}
{
  const phone = /^\s+phone: "?([^"\n]+)"?$/m.exec(site)?.[1] ?? '';
  need(/^0000-\d{7}$/.test(phone), 'site.yaml', `office.phone "${phone}" should be 0000-NNNNNNN`);
}

// ------------------------------------------------------------------ regions

const regionsRows = readCsv('regions.csv', HEADERS['regions.csv']);
const regions = uniq(regionsRows, 'code', 'regions.csv', /^\d{12}$/);
for (const r of regionsRows) {
  inEnum(r, 'level', E.regionLevel);
  if (r.level === 'county') need(r.parent === '', r.__line, 'the county has no parent');
  else {
    ref(regions, r.parent, r.__line, 'parent');
    const p = regions.get(r.parent);
    if (p) {
      const expected = r.level === 'township' ? 'county' : 'township';
      need(p.level === expected, r.__line, `parent of a ${r.level} should be a ${expected}`);
      need(r.code.startsWith(p.code.slice(0, r.level === 'township' ? 4 : 6)), r.__line, `code ${r.code} is not under ${p.code}`);
    }
  }
}
need(/990100000000/.test(site) && regions.get('990100000000')?.level === 'county', 'regions.csv', 'the area 990100000000 must be the county');
const townships = regionsRows.filter((r) => r.level === 'township');
const villages = regionsRows.filter((r) => r.level === 'village');
need(townships.length >= 3, 'regions.csv', 'fewer than 3 townships');
need(villages.length >= 10, 'regions.csv', 'fewer than 10 villages');
const within = (code: string, ancestor: string): boolean => {
  for (let c: string | undefined = code; c; c = regions.get(c)?.parent) if (c === ancestor) return true;
  return false;
};

// ------------------------------------------------------------------ documents (read early: waters.plan refers to them)

interface Doc {
  id: string;
  fm: Record<string, string | string[]>;
  body: string;
  file: string;
}
const docs = new Map<string, Doc>();
for (const file of readdirSync(join(DIR, 'documents')).sort()) {
  const where = `documents/${file}`;
  if (!/\.(md|mdx)$/.test(file)) {
    err(where, 'not a .md or .mdx file');
    continue;
  }
  const id = file.replace(/\.(md|mdx)$/, '');
  if (!ID.test(id)) err(where, `file name "${id}" is not a valid id`);
  const text = readText(where);
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) {
    err(where, 'no frontmatter');
    continue;
  }
  const fm: Record<string, string | string[]> = {};
  for (const line of m[1].split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (!kv) {
      err(where, `frontmatter line not understood: "${line}"`);
      continue;
    }
    const v = kv[2].trim();
    fm[kv[1]] = v.startsWith('[') ? v.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean) : v;
  }
  docs.set(id, { id, fm, body: m[2], file: where });
}

// ------------------------------------------------------------------ waters

const watersRows = readCsv('waters.csv', HEADERS['waters.csv']);
const waters = uniq(watersRows, 'id', 'waters.csv');
for (const w of watersRows) {
  inEnum(w, 'kind', E.waterKind);
  inEnum(w, 'level', E.regionLevel);
  inEnum(w, 'target_class', E.targetClass);
  if (w.parent) ref(waters, w.parent, w.__line, 'parent');
  need(w.parent !== w.id, w.__line, 'a water cannot flow into itself');
  const rs = list(w.regions);
  need(rs.length > 0, w.__line, 'regions is empty');
  for (const c of rs) ref(regions, c, w.__line, 'region');
  if (['river', 'canal'].includes(w.kind)) need(isNum(w.length_km) && Number(w.length_km) > 0, w.__line, 'a river or canal needs length_km');
  if (['lake', 'reservoir', 'pond'].includes(w.kind)) need(isNum(w.area_km2) && Number(w.area_km2) > 0, w.__line, 'a lake, reservoir or pond needs area_km2');
  if (w.plan) {
    ref(docs, w.plan, w.__line, 'plan document');
    const d = docs.get(w.plan);
    if (d) {
      need(d.fm.kind === 'one_river_one_policy', w.__line, `plan ${w.plan} is not a one_river_one_policy document`);
      need(Array.isArray(d.fm.waters) && d.fm.waters.includes(w.id), w.__line, `plan ${w.plan} does not list ${w.id} in its waters`);
    }
  }
  // no cycles
  const seen = new Set<string>();
  for (let p: string | undefined = w.id; p; p = waters.get(p)?.parent || undefined) {
    if (seen.has(p)) {
      err(w.__line, 'parent chain has a cycle');
      break;
    }
    seen.add(p);
  }
}
const kinds = new Set(watersRows.map((w) => w.kind));
for (const k of ['river', 'lake', 'reservoir', 'canal', 'pond']) need(kinds.has(k), 'waters.csv', `no water of kind ${k}`);
need(watersRows.length >= 15, 'waters.csv', 'fewer than 15 waters');
need(watersRows.filter((w) => w.plan).length >= 2, 'waters.csv', 'fewer than two waters with a plan');
need(
  watersRows.some((w) => w.parent && waters.get(w.parent)?.parent && waters.get(w.parent)?.kind === 'river'),
  'waters.csv',
  'no tributary of a tributary',
);

// ------------------------------------------------------------------ segments

const segmentsRows = readCsv('segments.csv', HEADERS['segments.csv']);
const segments = uniq(segmentsRows, 'id', 'segments.csv');
for (const s of segmentsRows) {
  ref(waters, s.water, s.__line, 'water');
  ref(regions, s.region, s.__line, 'region');
  const w = waters.get(s.water);
  if (w) need(list(w.regions).includes(s.region), s.__line, `region ${s.region} is not among the regions of ${s.water}`);
  need(s.name !== '' && s.start !== '' && s.end !== '', s.__line, 'name, start and end are required');
  if (s.length_km) need(isNum(s.length_km), s.__line, 'length_km is not a number');
}
for (const w of watersRows) {
  const segs = segmentsRows.filter((s) => s.water === w.id);
  const rs = new Set(segs.map((s) => s.region));
  need(rs.size === segs.length, w.__line, 'two segments of the same water in one region');
}
need(segmentsRows.length >= 20, 'segments.csv', 'fewer than 20 segments');

// ------------------------------------------------------------------ chiefs and assignments

const chiefsRows = readCsv('chiefs.csv', HEADERS['chiefs.csv']);
const chiefs = uniq(chiefsRows, 'id', 'chiefs.csv');
for (const c of chiefsRows) {
  ref(regions, c.region, c.__line, 'region');
  need(/^0000-\d{7}$/.test(c.phone), c.__line, `phone "${c.phone}" is not an obviously fake 0000-NNNNNNN number`);
  date(c, 'verified');
  need(c.verified.startsWith('2026-') && c.verified <= asOf, c.__line, 'verified should be a 2026 date not after as_of');
  need(c.name !== '' && c.position !== '', c.__line, 'name and position are required');
}
const assignRows = readCsv('assignments.csv', HEADERS['assignments.csv']);
for (const a of assignRows) {
  ref(chiefs, a.chief, a.__line, 'chief');
  ref(waters, a.water, a.__line, 'water');
  inEnum(a, 'role', E.role);
  date(a, 'start');
  date(a, 'end', true);
  if (a.end) need(a.end >= a.start, a.__line, 'end before start');
  need(a.start <= asOf, a.__line, 'starts after as_of');
  if (a.segment) {
    ref(segments, a.segment, a.__line, 'segment');
    const s = segments.get(a.segment);
    if (s) need(s.water === a.water, a.__line, `segment ${a.segment} belongs to ${s.water}, not ${a.water}`);
  }
  if (a.role === 'segment_chief') need(a.segment !== '', a.__line, 'a segment_chief needs a segment');
  need(a.duties !== '', a.__line, 'duties missing');
}
const current = (a: Row) => a.start <= asOf && (a.end === '' || a.end >= asOf);
for (const w of watersRows) {
  need(assignRows.some((a) => a.water === w.id && a.segment === '' && a.role === 'chief' && current(a)), w.__line, `water ${w.id} has no current chief`);
}
for (const s of segmentsRows) {
  const cur = assignRows.filter((a) => a.segment === s.id && a.role === 'segment_chief' && current(a));
  need(cur.length === 1, s.__line, `segment ${s.id} has ${cur.length} current segment chiefs, expected 1`);
}
// one holder at a time per post
for (let i = 0; i < assignRows.length; i++) {
  for (let j = i + 1; j < assignRows.length; j++) {
    const a = assignRows[i];
    const b = assignRows[j];
    if (a.water !== b.water || a.segment !== b.segment || a.role !== b.role) continue;
    if (!['chief', 'segment_chief', 'general_chief', 'deputy_general_chief'].includes(a.role)) continue;
    const overlap = a.start <= (b.end || '9999') && b.start <= (a.end || '9999');
    need(!overlap, b.__line, `overlaps ${a.__line} for the same post`);
  }
}
const departed = assignRows.filter((a) => a.end !== '');
let replaced = 0;
for (const a of departed) {
  const next = assignRows.find(
    (b) => b !== a && b.water === a.water && b.segment === a.segment && b.role === a.role && b.start > a.end && b.start <= addDays(a.end, 10),
  );
  if (next) replaced++;
  else err(a.__line, `${a.chief} left on ${a.end} but nobody took over within 10 days`);
}
const departedChiefs = new Set(departed.filter((a) => !assignRows.some((b) => b.chief === a.chief && b.end === '')).map((a) => a.chief));
need(departedChiefs.size >= 4, 'assignments.csv', `only ${departedChiefs.size} chiefs left their posts, expected at least 4`);
for (const role of E.role) need(assignRows.some((a) => a.role === role), 'assignments.csv', `no assignment with role ${role}`);
need(chiefsRows.length >= 45 && chiefsRows.length <= 60, 'chiefs.csv', `${chiefsRows.length} chiefs, expected about 45–60`);
for (const c of chiefsRows) need(assignRows.some((a) => a.chief === c.id), c.__line, `${c.id} holds no post`);

// ------------------------------------------------------------------ stations

const stationsRows = readCsv('stations.csv', HEADERS['stations.csv']);
const stations = uniq(stationsRows, 'id', 'stations.csv');
for (const s of stationsRows) {
  ref(waters, s.water, s.__line, 'water');
  ref(regions, s.region, s.__line, 'region');
  inEnum(s, 'kind', E.stationKind);
  inEnum(s, 'target_class', E.targetClass);
  inEnum(s, 'waterbody', E.waterbody, true);
  const w = waters.get(s.water);
  if (w) {
    need(list(w.regions).includes(s.region), s.__line, `region ${s.region} is not among the regions of ${s.water}`);
    const lakeLike = w.kind === 'lake' || w.kind === 'reservoir';
    need((s.waterbody || (lakeLike ? 'lake' : 'river')) === (lakeLike ? 'lake' : 'river'), s.__line, 'waterbody does not match the kind of water');
  }
  need(isNum(s.lat) && Number(s.lat) >= 30.2 && Number(s.lat) <= 30.6, s.__line, 'lat outside 30.2–30.6');
  need(isNum(s.lon) && Number(s.lon) >= 114.1 && Number(s.lon) <= 114.6, s.__line, 'lon outside 114.1–114.6');
}
need(stationsRows.length >= 8, 'stations.csv', 'fewer than 8 stations');
need(new Set(stationsRows.map((s) => s.water)).size >= 8, 'stations.csv', 'stations should be spread over at least 8 waters');
for (const k of ['national', 'provincial', 'county', 'boundary', 'drinking_source']) need(stationsRows.some((s) => s.kind === k), 'stations.csv', `no station of kind ${k}`);
need(
  stationsRows.some((s) => s.kind === 'drinking_source' && waters.get(s.water)?.kind === 'reservoir'),
  'stations.csv',
  'the drinking_source station should be at the reservoir',
);

// ------------------------------------------------------------------ readings

const readingHeader = ['station', 'date', ...READING_COLUMNS];
const readings: Row[] = [];
for (const file of readdirSync(join(DIR, 'readings')).filter((f) => f.endsWith('.csv')).sort()) {
  const rows = readCsv(`readings/${file}`, readingHeader);
  for (const r of rows) {
    ref(stations, r.station, r.__line, 'station');
    date(r, 'date');
    need(r.date.startsWith(file.slice(0, 4)), r.__line, `date ${r.date} is not in ${file}`);
    for (const c of READING_COLUMNS) {
      const v = r[c];
      if (v === '') continue;
      if (!/^-?\d+(\.\d+)?L?$/.test(v)) err(r.__line, `${c} "${v}" is not a number or a detection limit`);
      if (v.endsWith('L') && ['ph', 'temp', 'transparency_cm', 'orp_mv', 'fecal_coliform'].includes(c)) err(r.__line, `${c} cannot be below a detection limit`);
    }
    readings.push(r);
  }
}
const months36: string[] = [];
for (let y = 2023, m = 11; months36.length < 36; m++) {
  if (m > 12) {
    m = 1;
    y++;
  }
  months36.push(`${y}-${String(m).padStart(2, '0')}`);
}
const classCount = new Map<number, number>();
const classesOf = new Map<string, Map<string, number>>(); // station → month → class
for (const s of stationsRows) {
  const rows = readings.filter((r) => r.station === s.id);
  const byMonth = new Map<string, number>();
  for (const r of rows) {
    const m = r.date.slice(0, 7);
    if (byMonth.has(m)) err(r.__line, `second reading of ${s.id} in ${m}`);
    const c = classOfRow(r, (s.waterbody || 'river') === 'lake');
    if (c === null) {
      err(r.__line, 'nothing that decides the class was measured');
      continue;
    }
    byMonth.set(m, c);
    classCount.set(c, (classCount.get(c) ?? 0) + 1);
    if (!months36.includes(m)) err(r.__line, `month ${m} outside 2023-11 … 2026-10`);
  }
  for (const m of months36) need(byMonth.has(m), 'readings', `${s.id} has no reading in ${m}`);
  classesOf.set(s.id, byMonth);
}
for (let c = 1; c <= 6; c++) need(classCount.has(c), 'readings', `no result of class ${CLASS_NAMES[c - 1]}`);
need(readings.some((r) => READING_COLUMNS.some((c) => r[c] === '')), 'readings', 'no empty cell anywhere');
need(readings.some((r) => /L$/.test(r.hg)), 'readings', 'no detection-limit value');
const blackOdorous = readings.filter((r) => Number(r.transparency_cm) > 0 && Number(r.transparency_cm) < 25 && Number(r.do) < 2 && Number(r.orp_mv) < 0 && Number(r.nh3n) > 8);
need(blackOdorous.length > 0, 'readings', 'no black-odorous result');

// Runs of misses and annual means, and the actions they call for.
interface Due {
  station: string;
  kind: string;
  trigger: string; // month (YYYY-MM) or year (YYYY)
  chiefs: string[];
}
const dues: Due[] = [];
function responsible(st: Row, from: string, to: string): string[] {
  const w = waters.get(st.water)!;
  if (w.level === 'county') {
    const seg = segmentsRows.find((s) => s.water === w.id && (s.region === st.region || within(st.region, s.region)));
    if (!seg) return [];
    return assignRows.filter((a) => a.segment === seg.id && a.role === 'segment_chief' && active(a, from, to)).map((a) => a.chief);
  }
  return assignRows.filter((a) => a.water === w.id && a.segment === '' && a.role === 'chief' && active(a, from, to)).map((a) => a.chief);
}
let longestRun = 0;
const runLengths = new Set<number>();
let twoYearMiss = 0;
for (const st of stationsRows) {
  const t = targetNumber(st.target_class);
  const byMonth = classesOf.get(st.id)!;
  let run = 0;
  for (const m of months36) {
    const c = byMonth.get(m);
    if (c !== undefined && c > t) {
      run++;
      const after = addDays(monthEnd(m), 1).slice(0, 7);
      if (run === 2) dues.push({ station: st.id, kind: '约谈', trigger: m, chiefs: responsible(st, `${after}-01`, monthEnd(after)) });
      if (run === 3) dues.push({ station: st.id, kind: '通报批评', trigger: m, chiefs: responsible(st, `${after}-01`, monthEnd(after)) });
    } else {
      if (run >= 2) runLengths.add(Math.min(run, 4));
      run = 0;
    }
    longestRun = Math.max(longestRun, run);
  }
  if (run >= 2) runLengths.add(Math.min(run, 4));
  let yrun = 0;
  for (const y of ['2023', '2024', '2025', '2026']) {
    const rows = readings.filter((r) => r.station === st.id && r.date.startsWith(y));
    const c = classOfMean(rows, (st.waterbody || 'river') === 'lake');
    if (c !== null && c > t) {
      yrun++;
      if (yrun === 2) {
        twoYearMiss++;
        dues.push({ station: st.id, kind: '警告', trigger: y, chiefs: responsible(st, `${Number(y) + 1}-01-01`, `${Number(y) + 1}-03-31`) });
      }
      if (yrun === 3) dues.push({ station: st.id, kind: '免职', trigger: y, chiefs: responsible(st, `${Number(y) + 1}-01-01`, `${Number(y) + 1}-03-31`) });
    } else yrun = 0;
  }
}
for (const n of [2, 3, 4]) need(runLengths.has(n), 'readings', `no station misses its target ${n === 4 ? '4 or more' : n} months running`);
need(twoYearMiss >= 1, 'readings', 'no station misses its annual mean target two years running');

// ------------------------------------------------------------------ cases and events

const casesRows = readCsv('cases.csv', HEADERS['cases.csv']);
const cases = uniq(casesRows, 'id', 'cases.csv');
for (const c of casesRows) {
  ref(waters, c.water, c.__line, 'water');
  ref(regions, c.region, c.__line, 'region');
  const w = waters.get(c.water);
  if (w) need(list(w.regions).includes(c.region), c.__line, `region ${c.region} is not among the regions of ${c.water}`);
  if (c.segment) {
    ref(segments, c.segment, c.__line, 'segment');
    const s = segments.get(c.segment);
    if (s) {
      need(s.water === c.water, c.__line, `segment ${c.segment} is not on ${c.water}`);
      need(within(c.region, s.region), c.__line, `region ${c.region} is not inside segment region ${s.region}`);
    }
  }
  date(c, 'found');
  date(c, 'deadline');
  need(c.found >= '2025-01-01' && c.found <= asOf, c.__line, 'found outside 2025-01-01 … as_of');
  need(c.deadline >= c.found, c.__line, 'deadline before found');
  inEnum(c, 'source', E.source);
  inEnum(c, 'category', E.category);
  need(c.title !== '' && c.description !== '' && c.responsible !== '', c.__line, 'title, description and responsible are required');
  if (c.report_ref) {
    need(/^JB-\d{8}-[A-Z0-9]{6}$/.test(c.report_ref), c.__line, `report_ref "${c.report_ref}" is not JB-YYYYMMDD-XXXXXX`);
    need(isDate(`${c.report_ref.slice(3, 7)}-${c.report_ref.slice(7, 9)}-${c.report_ref.slice(9, 11)}`), c.__line, 'report_ref date is not a date');
    need(c.source === 'report', c.__line, 'report_ref on a case whose source is not report');
  }
  if (c.lat || c.lon) {
    need(isNum(c.lat) && Number(c.lat) >= 30.2 && Number(c.lat) <= 30.62, c.__line, 'lat out of the area');
    need(isNum(c.lon) && Number(c.lon) >= 114.1 && Number(c.lon) <= 114.6, c.__line, 'lon out of the area');
  }
  for (const p of list(c.photos)) need(existsSync(join(DIR, 'media', p)), c.__line, `photo media/${p} does not exist`);
}
for (const k of E.category) need(casesRows.some((c) => c.category === k), 'cases.csv', `no case of category ${k}`);
for (const k of E.source) need(casesRows.some((c) => c.source === k), 'cases.csv', `no case from source ${k}`);
need(casesRows.filter((c) => c.report_ref).length >= 3, 'cases.csv', 'fewer than 3 cases with a report_ref');
need(casesRows.some((c) => c.description.includes('<b>注意</b>')), 'cases.csv', 'no description with "<b>注意</b>"');
need(casesRows.length >= 40, 'cases.csv', 'fewer than 40 cases');

const eventsRows = readCsv('case-events.csv', HEADERS['case-events.csv']);
const NEXT: Record<string, string[]> = {
  reported: ['assigned'],
  assigned: ['rectifying'],
  rectifying: ['submitted'],
  submitted: ['closed', 'rejected'],
  rejected: ['rectifying'],
  closed: [],
};
const statusOf = new Map<string, string>();
let overdue = 0;
let rejectedThenClosed = 0;
let closedLate = 0;
for (const e of eventsRows) {
  ref(cases, e.case, e.__line, 'case');
  date(e, 'date');
  inEnum(e, 'status', E.status);
  need(e.note !== '' && e.by !== '', e.__line, 'note and by are required');
}
for (const c of casesRows) {
  const evs = eventsRows.filter((e) => e.case === c.id);
  if (!evs.length) {
    err(c.__line, 'case has no events');
    continue;
  }
  // the latest by date; on the same date the later row
  const sorted = evs.map((e, i) => ({ e, i })).sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i).map((x) => x.e);
  need(sorted[0].status === 'reported', sorted[0].__line, 'the first event is not "reported"');
  need(sorted[0].date === c.found, sorted[0].__line, `first event ${sorted[0].date} is not the found date ${c.found}`);
  for (let i = 0; i < evs.length; i++) {
    const e = evs[i];
    need(e.date >= c.found, e.__line, 'event before the case was found');
    need(e.date <= asOf, e.__line, 'event after as_of');
    if (i > 0) {
      need(e.date >= evs[i - 1].date, e.__line, 'events of a case are not in date order');
      need(NEXT[evs[i - 1].status]?.includes(e.status), e.__line, `${evs[i - 1].status} → ${e.status} is not a valid step`);
    }
  }
  const last = sorted[sorted.length - 1];
  statusOf.set(c.id, last.status);
  if (last.status !== 'closed' && asOf > c.deadline) overdue++;
  if (last.status === 'closed' && evs.some((e) => e.status === 'rejected')) rejectedThenClosed++;
  if (last.status === 'closed' && last.date > c.deadline) closedLate++;
}
const perStatus = new Map<string, number>();
for (const s of statusOf.values()) perStatus.set(s, (perStatus.get(s) ?? 0) + 1);
for (const s of E.status) need(perStatus.has(s), 'case-events.csv', `no case is currently "${s}"`);
need(overdue >= 3, 'case-events.csv', `only ${overdue} overdue cases`);
need(rejectedThenClosed >= 3, 'case-events.csv', `only ${rejectedThenClosed} rejected-then-closed cases`);
need(closedLate >= 1, 'case-events.csv', 'no case closed after its deadline');

// ------------------------------------------------------------------ inspections

const inspRows = readCsv('inspections.csv', HEADERS['inspections.csv']);
uniq(inspRows, 'id', 'inspections.csv');
for (const r of inspRows) {
  need(/^\d{4}(-Q[1-4])?$/.test(r.period), r.__line, `period "${r.period}" is not YYYY or YYYY-Qn`);
  date(r, 'date');
  need(r.date <= asOf, r.__line, 'date after as_of');
  inEnum(r, 'subject_kind', E.subjectKind);
  const map = r.subject_kind === 'region' ? regions : r.subject_kind === 'chief' ? chiefs : waters;
  ref(map as Map<string, unknown>, r.subject, r.__line, `subject (${r.subject_kind})`);
  if (r.score) need(isNum(r.score), r.__line, 'score is not a number');
  if (r.rank) need(/^\d+$/.test(r.rank), r.__line, 'rank is not an integer');
  inEnum(r, 'result', E.result);
  if (r.document) {
    ref(docs, r.document, r.__line, 'document');
    need(docs.get(r.document)?.fm.kind === 'notice', r.__line, 'document is not a notice');
  }
}
const periods = [...new Set(inspRows.map((r) => r.period))];
need(periods.length >= 2, 'inspections.csv', 'fewer than two periods');
for (const p of periods) {
  for (const t of townships) need(inspRows.some((r) => r.period === p && r.subject_kind === 'region' && r.subject === t.code), 'inspections.csv', `period ${p} has no result for ${t.name}`);
  const ranks = inspRows.filter((r) => r.period === p && r.subject_kind === 'region').map((r) => Number(r.rank)).sort();
  need(ranks.join() === ranks.map((_, i) => i + 1).join(), 'inspections.csv', `period ${p}: township ranks are not 1…n`);
}
need(inspRows.some((r) => r.subject_kind === 'chief') && inspRows.some((r) => r.subject_kind === 'water'), 'inspections.csv', 'needs chief and water subjects too');
need(inspRows.some((r) => r.document), 'inspections.csv', 'no period names its notice document');

// ------------------------------------------------------------------ patrols

const patrolRows = readCsv('patrols.csv', HEADERS['patrols.csv']);
const PATROL_ROLES = ['chief', 'deputy_chief', 'segment_chief', 'keeper', 'patroller'];
const REQUIRED: Record<string, number> = { county: 1, township: 1, village: 4 };
const patrolKey = new Map<string, Row>();
let short = 0;
for (const p of patrolRows) {
  ref(chiefs, p.chief, p.__line, 'chief');
  need(isMonth(p.month), p.__line, `month "${p.month}" is not YYYY-MM`);
  need(/^\d+$/.test(p.count), p.__line, 'count is not a whole number');
  if (p.km) need(isNum(p.km), p.__line, 'km is not a number');
  if (p.issues_found) need(/^\d+$/.test(p.issues_found), p.__line, 'issues_found is not a whole number');
  const k = `${p.chief} ${p.month}`;
  need(!patrolKey.has(k), p.__line, `second row for ${k}`);
  patrolKey.set(k, p);
  const c = chiefs.get(p.chief);
  if (c && Number(p.count) < REQUIRED[regions.get(c.region)?.level ?? 'village']) short++;
  const held = assignRows.some((a) => a.chief === p.chief && PATROL_ROLES.includes(a.role) && active(a, `${p.month}-01`, monthEnd(p.month)));
  need(held, p.__line, `${p.chief} held no patrolling post in ${p.month}`);
}
const patrolMonths = months36.filter((m) => m >= '2025-11');
for (const c of chiefsRows) {
  for (const m of patrolMonths) {
    const held = assignRows.some((a) => a.chief === c.id && PATROL_ROLES.includes(a.role) && active(a, `${m}-01`, monthEnd(m)));
    if (held) need(patrolKey.has(`${c.id} ${m}`), 'patrols.csv', `no row for ${c.id} in ${m}`);
  }
}
need(short > 0, 'patrols.csv', 'nobody falls short of the required patrols');

// ------------------------------------------------------------------ actions

const actionRows = readCsv('actions.csv', HEADERS['actions.csv']);
for (const a of actionRows) {
  date(a, 'date');
  need(a.date <= asOf, a.__line, 'date after as_of');
  ref(chiefs, a.chief, a.__line, 'chief');
  inEnum(a, 'kind', E.actionKind);
  need(a.reason !== '', a.__line, 'reason missing');
  if (a.document) ref(docs, a.document, a.__line, 'document');
  const c = chiefs.get(a.chief);
  if (c) need(regions.get(c.region)?.level === 'township', a.__line, `${a.chief} is not a township chief`);
}
for (const k of ['约谈', '通报批评', '警告']) need(actionRows.some((a) => a.kind === k), 'actions.csv', `no ${k} recorded`);
need(actionRows.length >= 4, 'actions.csv', 'fewer than 4 actions');
const used = new Set<Row>();
const unrecorded: Due[] = [];
for (const d of dues) {
  const from = d.trigger.length === 4 ? `${d.trigger}-12-01` : `${d.trigger}-01`;
  const until = addDays(d.trigger.length === 4 ? `${Number(d.trigger) + 1}-01-01` : monthEnd(d.trigger), 120);
  const hit = actionRows.find((a) => !used.has(a) && a.kind === d.kind && d.chiefs.includes(a.chief) && a.date >= from && a.date <= until);
  if (hit) used.add(hit);
  else unrecorded.push(d);
}
for (const a of actionRows) if (!used.has(a)) notes.push(`action ${a.__line} (${a.kind} ${a.chief}) answers no rule-required action`);
need(unrecorded.length >= 1, 'actions.csv', 'every rule-required action is recorded; leave at least one gap');

// ------------------------------------------------------------------ targets

const targetRows = readCsv('targets.csv', HEADERS['targets.csv']);
uniq(targetRows, 'id', 'targets.csv');
const tstate = { achieved: 0, onTrack: 0, missed: 0 };
for (const t of targetRows) {
  inEnum(t, 'direction', E.direction);
  for (const col of ['baseline', 'target', 'current']) need(isNum(t[col]), t.__line, `${col} is not a number`);
  for (const col of ['baseline_date', 'deadline', 'current_date']) date(t, col);
  need(t.baseline_date <= t.current_date && t.current_date <= asOf, t.__line, 'dates out of order');
  if (t.document) ref(docs, t.document, t.__line, 'document');
  const reached = t.direction === 'up' ? Number(t.current) >= Number(t.target) : Number(t.current) <= Number(t.target);
  if (reached) tstate.achieved++;
  else if (t.deadline < asOf) tstate.missed++;
  else tstate.onTrack++;
}
need(targetRows.length >= 5, 'targets.csv', 'fewer than 5 targets');
need(tstate.achieved > 0 && tstate.onTrack > 0 && tstate.missed === 1, 'targets.csv', `achieved ${tstate.achieved}, on track ${tstate.onTrack}, missed ${tstate.missed}: expected some, some and one`);

// ------------------------------------------------------------------ documents

for (const d of docs.values()) {
  const where = d.file;
  for (const k of ['title', 'issuer', 'date', 'status', 'kind']) need(typeof d.fm[k] === 'string' && d.fm[k] !== '', where, `frontmatter ${k} missing`);
  need(isDate(String(d.fm.date)), where, `date "${d.fm.date}" invalid`);
  need(String(d.fm.date) <= asOf, where, 'date after as_of');
  need(E.docStatus.includes(String(d.fm.status)), where, `status "${d.fm.status}" invalid`);
  need(E.docKind.includes(String(d.fm.kind)), where, `kind "${d.fm.kind}" invalid`);
  if (d.fm.number) need(/^示\S+〔\d{4}〕\d+号$/.test(String(d.fm.number)), where, `number "${d.fm.number}" is not like 示河长办〔2025〕3号`);
  if (d.fm.waters !== undefined) {
    need(Array.isArray(d.fm.waters), where, 'waters is not a list');
    for (const w of Array.isArray(d.fm.waters) ? d.fm.waters : []) ref(waters, w, where, 'water');
  }
  if (d.fm.supersedes) {
    const s = String(d.fm.supersedes);
    ref(docs, s, where, 'supersedes');
    need(docs.get(s)?.fm.status === 'repealed', where, `superseded ${s} is not repealed`);
  }
  if (d.fm.kind === 'one_river_one_policy') need(Array.isArray(d.fm.waters) && d.fm.waters.length === 1, where, 'a 一河一策 names exactly its river');
  const han = (d.body.match(/\p{Script=Han}/gu) ?? []).length;
  need(han >= 400 && han <= 1200, where, `${han} Chinese characters, expected 400–1200`);
  need(/^## /m.test(d.body) && /^### /m.test(d.body), where, 'needs ## and ### headings');
  need(/^\d+\. /m.test(d.body), where, 'needs a numbered list');
  need(/^\|.*\|\n\|( *:?-+:? *\|)+$/m.test(d.body), where, 'needs a Markdown table');
}
const docKinds = [...docs.values()].map((d) => `${d.fm.kind}/${d.fm.status}`);
for (const k of ['plan/in_force', 'one_river_one_policy/in_force', 'rules/in_force', 'rules/repealed', 'notice/in_force']) need(docKinds.includes(k), 'documents', `no ${k} document`);
need([...docs.values()].some((d) => d.fm.status === 'draft'), 'documents', 'no draft');
need(docs.size >= 6, 'documents', 'fewer than 6 documents');
const planDoc = [...docs.values()].find((d) => d.fm.kind === 'plan');
if (planDoc) for (const ph of ['动员部署', '全面推进', '检查落实', '验收总结']) need(planDoc.body.includes(ph), planDoc.file, `phase ${ph} missing`);

// ------------------------------------------------------------------ geometry

type Pt = [number, number];
const geo = JSON.parse(readText('geo/waters.geojson'));
need(geo.type === 'FeatureCollection', 'geo/waters.geojson', 'not a FeatureCollection');
const geom = new Map<string, { type: string; pts: Pt[] }>();
for (const f of geo.features ?? []) {
  const id = f.properties?.id;
  const where = `geo/waters.geojson (${id})`;
  ref(waters, id, where, 'properties.id');
  need(!geom.has(id), where, 'second feature for the same water');
  const w = waters.get(id);
  if (!w) continue;
  need(f.properties.name === w.name, where, `name "${f.properties.name}" is not "${w.name}"`);
  const line = ['river', 'canal'].includes(w.kind);
  need(f.geometry.type === (line ? 'LineString' : 'Polygon'), where, `a ${w.kind} should be a ${line ? 'LineString' : 'Polygon'}`);
  let pts: Pt[] = [];
  if (f.geometry.type === 'LineString') pts = f.geometry.coordinates;
  if (f.geometry.type === 'Polygon') {
    const ring: Pt[] = f.geometry.coordinates[0];
    need(ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1], where, 'ring not closed');
    let a = 0;
    for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
    need(a > 0, where, 'outer ring is not counter-clockwise (RFC 7946)');
    pts = ring;
  }
  for (const [lon, lat] of pts) need(lon >= 114.05 && lon <= 114.65 && lat >= 30.15 && lat <= 30.65, where, `point ${lon},${lat} is far outside the county`);
  geom.set(id, { type: f.geometry.type, pts });
}
for (const w of watersRows) need(geom.has(w.id), 'geo/waters.geojson', `no feature for ${w.id}`);
for (const w of watersRows) {
  if (!w.parent || !geom.has(w.id) || !geom.has(w.parent)) continue;
  const a = geom.get(w.id)!.pts;
  const b = geom.get(w.parent)!.pts;
  need(a.some((p) => b.some((q) => p[0] === q[0] && p[1] === q[1])), `geo/waters.geojson (${w.id})`, `does not touch its parent ${w.parent}`);
}
// distance in km from a point to a water's geometry (0 inside a polygon)
const KX = 111.32 * Math.cos((30.4 * Math.PI) / 180);
const KY = 110.57;
function distance(lat: number, lon: number, id: string): number {
  const g = geom.get(id);
  if (!g) return Infinity;
  const P: Pt = [lon * KX, lat * KY];
  const pts = g.pts.map(([x, y]) => [x * KX, y * KY] as Pt);
  if (g.type === 'Polygon') {
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i];
      const [xj, yj] = pts[j];
      if (yi > P[1] !== yj > P[1] && P[0] < ((xj - xi) * (P[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (inside) return 0;
  }
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1];
    const [bx, by] = pts[i];
    const t = Math.max(0, Math.min(1, ((P[0] - ax) * (bx - ax) + (P[1] - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
    best = Math.min(best, Math.hypot(P[0] - (ax + t * (bx - ax)), P[1] - (ay + t * (by - ay))));
  }
  return best;
}
for (const s of stationsRows) {
  const d = distance(Number(s.lat), Number(s.lon), s.water);
  need(d <= 0.5, s.__line, `station is ${d.toFixed(2)} km from ${s.water}`);
}
for (const c of casesRows) {
  if (!c.lat) continue;
  const d = distance(Number(c.lat), Number(c.lon), c.water);
  need(d <= 1.0, c.__line, `case is ${d.toFixed(2)} km from ${c.water}`);
}

// ------------------------------------------------------------------ report

console.log(`data folder: ${DIR}`);
console.log(`regions ${regionsRows.length} (${townships.length} townships, ${villages.length} villages), waters ${watersRows.length}, segments ${segmentsRows.length}`);
console.log(`chiefs ${chiefsRows.length}, assignments ${assignRows.length} (${departed.length} ended, ${replaced} replaced), stations ${stationsRows.length}, readings ${readings.length}`);
console.log(`results by class: ${[1, 2, 3, 4, 5, 6].map((c) => `${CLASS_NAMES[c - 1]} ${classCount.get(c) ?? 0}`).join(', ')}; black-odorous results ${blackOdorous.length}`);
console.log(`cases ${casesRows.length}: ${E.status.map((s) => `${s} ${perStatus.get(s) ?? 0}`).join(', ')}; overdue ${overdue}; rejected-then-closed ${rejectedThenClosed}; closed late ${closedLate}`);
console.log(`inspections ${inspRows.length} (${periods.join(', ')}), patrols ${patrolRows.length} (${short} short of the requirement), actions ${actionRows.length}, targets ${targetRows.length} (achieved ${tstate.achieved}, on track ${tstate.onTrack}, missed ${tstate.missed}), documents ${docs.size}`);
console.log('rule-required actions not recorded:');
for (const d of unrecorded) console.log(`  ${d.station}: ${d.kind} after ${d.trigger} (responsible: ${d.chiefs.join(', ') || '?'})`);
for (const n of notes) console.log(`note: ${n}`);
if (errors.length) {
  console.error(`\n${errors.length} problem(s):`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
console.log('\nOK: the sample data passes every check.');
