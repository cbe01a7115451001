/**
 * Quick verifier of a generated data folder (no dependencies): ids unique, every
 * reference resolves, enumerations and dates valid, case histories in a valid order.
 * Prints counts and a few distributions; exits 1 when anything is wrong.
 *
 *   node scripts/bench/check-generated.ts <dir>
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTION_KIND,
  CASE_CATEGORY,
  CASE_SOURCE,
  CASE_STATUS,
  DOC_KIND,
  DOC_STATUS,
  READING_ITEM_KEYS,
  REGION_LEVEL,
  ROLE,
  STATION_KIND,
  SUBJECT_KIND,
  TARGET_CLASS,
  WATER_CLASSES,
  WATER_KIND,
} from '../../src/lib/enums.ts';
import type { ReadingItem, WaterClass } from '../../src/lib/enums.ts';

type Row = Record<string, string> & { __line: string };

const errors: string[] = [];
let errorCount = 0;
function fail(msg: string): void {
  errorCount++;
  if (errors.length < 50) errors.push(msg);
}

/** Parse a CSV text (RFC 4180, BOM tolerated) into records keyed by header. */
export function parseCsv(text: string, file: string, required: readonly string[]): Row[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      lines.push(startLine);
      field = '';
      record = [];
      line++;
      startLine = line;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
    lines.push(startLine);
  }
  const header = records[0] ?? [];
  for (const r of required) if (!header.includes(r)) fail(`${file}: header lacks column "${r}"`);
  const rows: Row[] = [];
  for (let k = 1; k < records.length; k++) {
    const rec = records[k]!;
    if (rec.length === 1 && rec[0] === '') continue;
    if (rec.length !== header.length) fail(`${file}:${lines[k]}: ${rec.length} cells, header has ${header.length}`);
    const row = { __line: `${file}:${lines[k]}` } as Row;
    header.forEach((h, j) => {
      row[h] = rec[j] ?? '';
    });
    rows.push(row);
  }
  return rows;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[a-z0-9-]+$/;
function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// GB 3838-2002 Table 1, as the contract gives it
const LIMITS: Partial<Record<ReadingItem | 'tpLake', readonly number[]>> = {
  codmn: [2, 4, 6, 10, 15], cod: [15, 15, 20, 30, 40], bod5: [3, 3, 4, 6, 10], nh3n: [0.15, 0.5, 1, 1.5, 2],
  tp: [0.02, 0.1, 0.2, 0.3, 0.4], tpLake: [0.01, 0.025, 0.05, 0.1, 0.2], cu: [0.01, 1, 1, 1, 1], zn: [0.05, 1, 1, 2, 2],
  f: [1, 1, 1, 1.5, 1.5], se: [0.01, 0.01, 0.01, 0.02, 0.02], as: [0.05, 0.05, 0.05, 0.1, 0.1],
  hg: [0.00005, 0.00005, 0.0001, 0.001, 0.001], cd: [0.001, 0.005, 0.005, 0.005, 0.01], cr6: [0.01, 0.05, 0.05, 0.05, 0.1],
  pb: [0.01, 0.01, 0.05, 0.05, 0.1], cn: [0.005, 0.05, 0.2, 0.2, 0.2], phenol: [0.002, 0.002, 0.005, 0.01, 0.1],
  oil: [0.05, 0.05, 0.05, 0.5, 1], las: [0.2, 0.2, 0.2, 0.3, 0.3], s2: [0.05, 0.1, 0.2, 0.5, 1],
};
const DO_LIMITS = [7.5, 6, 5, 3, 2];

function classify(row: Row, lake: boolean): WaterClass | null {
  let worst = -1;
  for (const key of READING_ITEM_KEYS) {
    const raw = row[key] ?? '';
    if (raw === '' || key === 'temp' || key === 'tn' || key === 'fecal_coliform' || key === 'transparency_cm' || key === 'orp_mv') continue;
    const below = raw.endsWith('L');
    const v = Number(below ? raw.slice(0, -1) : raw);
    if (!Number.isFinite(v)) {
      fail(`${row.__line}: ${key} "${raw}" is not a number`);
      continue;
    }
    const x = below ? v / 2 : v;
    let cls: number;
    if (key === 'ph') cls = x < 6 || x > 9 ? 5 : 0;
    else if (key === 'do') {
      cls = DO_LIMITS.findIndex((l) => x >= l);
      if (cls < 0) cls = 5;
    } else {
      const lim = LIMITS[key === 'tp' && lake ? 'tpLake' : key];
      if (!lim) continue;
      cls = lim.findIndex((l) => x <= l);
      if (cls < 0) cls = 5;
    }
    if (cls > worst) worst = cls;
  }
  return worst < 0 ? null : WATER_CLASSES[worst]!;
}

export function check(dir: string): boolean {
  const t0 = performance.now();
  const read = (name: string, required: readonly string[]) => {
    const p = join(dir, name);
    if (!existsSync(p)) {
      fail(`${name}: missing`);
      return [];
    }
    return parseCsv(readFileSync(p, 'utf8'), name, required);
  };
  const counts: Record<string, number | string> = {};
  const unique = (rows: Row[], key: string, file: string, idRule = true) => {
    const map = new Map<string, Row>();
    for (const r of rows) {
      const id = r[key]!;
      if (idRule && !ID.test(id)) fail(`${r.__line}: ${key} "${id}" is not lowercase [a-z0-9-]+`);
      if (map.has(id)) fail(`${r.__line}: duplicate ${key} "${id}" (first at ${map.get(id)!.__line})`);
      map.set(id, r);
    }
    counts[file] = rows.length;
    return map;
  };
  const enumOk = (r: Row, col: string, values: readonly string[], optional = false) => {
    const v = r[col]!;
    if (optional && v === '') return;
    if (!values.includes(v)) fail(`${r.__line}: ${col} "${v}" not one of ${values.join('|')}`);
  };
  const dateOk = (r: Row, col: string, optional = false) => {
    const v = r[col]!;
    if (optional && v === '') return;
    if (!validDate(v)) fail(`${r.__line}: ${col} "${v}" is not a valid YYYY-MM-DD date`);
  };
  const ref = <T>(r: Row, col: string, map: Map<string, T>, what: string, optional = false): T | undefined => {
    const v = r[col]!;
    if (optional && v === '') return undefined;
    const hit = map.get(v);
    if (!hit) fail(`${r.__line}: ${col} "${v}" is no ${what}`);
    return hit;
  };

  // site.yaml (just the fields this checker needs)
  const site = existsSync(join(dir, 'site.yaml')) ? readFileSync(join(dir, 'site.yaml'), 'utf8') : '';
  const asOf = /^as_of:\s*"?(\d{4}-\d{2}-\d{2})"?\s*$/m.exec(site)?.[1] ?? '';
  const area = /^area:\s*"?(\d{12})"?\s*$/m.exec(site)?.[1] ?? '';
  if (!validDate(asOf)) fail('site.yaml: as_of missing or invalid');
  for (const key of ['name', 'url', 'office', 'hotlines', 'report', 'rules']) {
    if (!new RegExp(`^${key}:`, 'm').test(site)) fail(`site.yaml: no "${key}"`);
  }

  // regions
  const regions = read('regions.csv', ['code', 'name', 'level', 'parent']);
  const regionMap = unique(regions, 'code', 'regions');
  const depth: Record<string, number> = { county: 0, township: 1, village: 2 };
  for (const r of regions) {
    if (!/^99\d{10}$/.test(r.code!)) fail(`${r.__line}: code "${r.code}" is not 12 digits starting 99`);
    enumOk(r, 'level', REGION_LEVEL.values);
    if (r.parent === '') {
      if (r.level !== 'county') fail(`${r.__line}: a ${r.level} without parent`);
    } else {
      const p = ref(r, 'parent', regionMap, 'region');
      if (p && depth[p.level!]! + 1 !== depth[r.level!]) fail(`${r.__line}: parent level ${p.level} above ${r.level}`);
    }
  }
  if (!regionMap.has(area)) fail(`site.yaml: area "${area}" is not in regions.csv`);

  // documents
  const docs = new Map<string, Record<string, string>>();
  const docDir = join(dir, 'documents');
  const docWaters: [string, string][] = [];
  if (existsSync(docDir)) {
    for (const file of readdirSync(docDir).sort()) {
      const m = /^(.*)\.(md|mdx)$/.exec(file);
      if (!m) continue;
      const id = m[1]!;
      if (!ID.test(id)) fail(`documents/${file}: id "${id}" is not lowercase [a-z0-9-]+`);
      const text = readFileSync(join(docDir, file), 'utf8');
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!fm) {
        fail(`documents/${file}: no frontmatter`);
        continue;
      }
      const fields: Record<string, string> = {};
      let list = '';
      for (const line of fm[1]!.split('\n')) {
        const item = /^\s+-\s+(.*)$/.exec(line);
        if (item && list === 'waters') {
          docWaters.push([id, item[1]!]);
          continue;
        }
        const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
        if (!kv) {
          fail(`documents/${file}: unreadable frontmatter line "${line}"`);
          continue;
        }
        list = kv[1]!;
        fields[kv[1]!] = kv[2]!.replace(/^"(.*)"$/, '$1');
      }
      for (const k of ['title', 'issuer', 'date', 'status', 'kind']) if (!fields[k]) fail(`documents/${file}: no ${k}`);
      if (fields.date && !validDate(fields.date)) fail(`documents/${file}: date "${fields.date}" invalid`);
      if (fields.status && !DOC_STATUS.values.includes(fields.status as never)) fail(`documents/${file}: status "${fields.status}"`);
      if (fields.kind && !DOC_KIND.values.includes(fields.kind as never)) fail(`documents/${file}: kind "${fields.kind}"`);
      docs.set(id, fields);
    }
  }
  for (const [id, f] of docs) if (f.supersedes && !docs.has(f.supersedes)) fail(`documents/${id}: supersedes unknown "${f.supersedes}"`);
  counts.documents = docs.size;

  // waters
  const waters = read('waters.csv', ['id', 'name', 'kind', 'parent', 'level', 'regions', 'length_km', 'area_km2', 'target_class', 'plan', 'description']);
  const waterMap = new Map<string, Row>();
  const waterIndex = new Map<string, number>();
  const waterNames = new Set<string>();
  waters.forEach((w, k) => {
    if (!ID.test(w.id!)) fail(`${w.__line}: id "${w.id}" is not lowercase [a-z0-9-]+`);
    if (waterMap.has(w.id!)) fail(`${w.__line}: duplicate id "${w.id}"`);
    if (waterNames.has(w.name!)) fail(`${w.__line}: duplicate name "${w.name}"`);
    waterNames.add(w.name!);
    enumOk(w, 'kind', WATER_KIND.values);
    enumOk(w, 'level', REGION_LEVEL.values);
    enumOk(w, 'target_class', TARGET_CLASS.values);
    if (w.parent) {
      const p = waterMap.get(w.parent);
      if (!p) fail(`${w.__line}: parent "${w.parent}" is not an earlier water`);
      else if (p.kind !== 'river') fail(`${w.__line}: parent "${w.parent}" is a ${p.kind}, not a river`);
    }
    const regs = w.regions!.split(';');
    if (regs.length === 0 || regs[0] === '') fail(`${w.__line}: no regions`);
    for (const c of regs) if (!regionMap.has(c)) fail(`${w.__line}: region "${c}" unknown`);
    for (const col of ['length_km', 'area_km2']) if (w[col] && !(Number(w[col]) > 0)) fail(`${w.__line}: ${col} "${w[col]}" not positive`);
    if (w.plan) {
      const d = docs.get(w.plan);
      if (!d) fail(`${w.__line}: plan "${w.plan}" is no document`);
      else if (d.kind !== 'one_river_one_policy') fail(`${w.__line}: plan "${w.plan}" is a ${d.kind}`);
    }
    waterMap.set(w.id!, w);
    waterIndex.set(w.id!, k);
  });
  counts.waters = waters.length;
  for (const [doc, w] of docWaters) if (!waterMap.has(w)) fail(`documents/${doc}: water "${w}" unknown`);

  // segments
  const segments = read('segments.csv', ['id', 'water', 'name', 'region', 'start', 'end', 'length_km']);
  const segMap = unique(segments, 'id', 'segments');
  for (const s of segments) {
    ref(s, 'water', waterMap, 'water');
    ref(s, 'region', regionMap, 'region');
  }

  // chiefs and assignments
  const chiefs = read('chiefs.csv', ['id', 'name', 'position', 'region', 'phone', 'verified']);
  const chiefMap = unique(chiefs, 'id', 'chiefs');
  for (const c of chiefs) {
    ref(c, 'region', regionMap, 'region');
    dateOk(c, 'verified');
    if (c.verified! > asOf) fail(`${c.__line}: verified after as_of`);
    if (!c.phone!.startsWith('0000-')) fail(`${c.__line}: phone "${c.phone}" lacks the 0000- prefix`);
  }
  const assignments = read('assignments.csv', ['chief', 'water', 'segment', 'role', 'start', 'end', 'duties']);
  counts.assignments = assignments.length;
  const assigned = new Set<string>();
  let ended = 0;
  const roles: Record<string, number> = {};
  for (const a of assignments) {
    ref(a, 'chief', chiefMap, 'chief');
    ref(a, 'water', waterMap, 'water');
    const s = ref(a, 'segment', segMap, 'segment', true);
    if (s && s.water !== a.water) fail(`${a.__line}: segment "${a.segment}" belongs to ${s.water}, not ${a.water}`);
    enumOk(a, 'role', ROLE.values);
    dateOk(a, 'start');
    dateOk(a, 'end', true);
    if (a.end && a.end < a.start!) fail(`${a.__line}: ends before it starts`);
    if (a.start! > asOf) fail(`${a.__line}: starts after as_of`);
    if (a.end) ended++;
    assigned.add(a.chief!);
    roles[a.role!] = (roles[a.role!] ?? 0) + 1;
  }
  for (const c of chiefs) if (!assigned.has(c.id!)) fail(`${c.__line}: chief ${c.id} holds no post`);
  counts['assignments.ended'] = ended;
  counts['assignments.roles'] = Object.entries(roles).map(([k, v]) => `${k}=${v}`).join(' ');

  // stations and readings
  const stations = read('stations.csv', ['id', 'name', 'water', 'region', 'kind', 'target_class', 'lat', 'lon']);
  const stationMap = unique(stations, 'id', 'stations');
  for (const s of stations) {
    ref(s, 'water', waterMap, 'water');
    ref(s, 'region', regionMap, 'region');
    enumOk(s, 'kind', STATION_KIND.values);
    enumOk(s, 'target_class', TARGET_CLASS.values);
    if (s.waterbody) enumOk(s, 'waterbody', ['river', 'lake']);
    for (const col of ['lat', 'lon']) if (s[col] && !Number.isFinite(Number(s[col]))) fail(`${s.__line}: ${col} "${s[col]}"`);
  }
  const classes: Record<string, number> = {};
  let readingRows = 0;
  let belowLimit = 0;
  let meets = 0;
  const rdDir = join(dir, 'readings');
  const rank = (c: string) => WATER_CLASSES.indexOf(c as WaterClass);
  for (const file of existsSync(rdDir) ? readdirSync(rdDir).filter((f) => f.endsWith('.csv')).sort() : []) {
    const rows = read(`readings/${file}`, ['station', 'date', ...READING_ITEM_KEYS]);
    const seen = new Set<string>();
    for (const r of rows) {
      readingRows++;
      const s = ref(r, 'station', stationMap, 'station');
      const d = r.date!;
      if (!(MONTH.test(d) || validDate(d))) fail(`${r.__line}: date "${d}" is neither YYYY-MM-DD nor YYYY-MM`);
      if (d.slice(0, d.length === 7 ? 7 : 10) > asOf.slice(0, d.length === 7 ? 7 : 10)) fail(`${r.__line}: date after as_of`);
      const key = `${r.station}|${d.slice(0, 7)}`;
      if (seen.has(key)) fail(`${r.__line}: second reading of ${r.station} in ${d.slice(0, 7)}`);
      seen.add(key);
      for (const k of READING_ITEM_KEYS) if (r[k]!.endsWith('L')) belowLimit++;
      if (!s) continue;
      const w = waterMap.get(s.water!);
      const lake = s.waterbody ? s.waterbody === 'lake' : w?.kind === 'lake' || w?.kind === 'reservoir';
      const c = classify(r, lake);
      if (c) {
        classes[c] = (classes[c] ?? 0) + 1;
        if (rank(c) <= rank(s.target_class!)) meets++;
      }
    }
  }
  counts.readings = readingRows;
  counts['readings.L-values'] = belowLimit;
  counts['readings.classes'] = WATER_CLASSES.map((c) => `${c}=${classes[c] ?? 0}`).join(' ');
  counts['readings.meet-target'] = `${((meets / Math.max(1, readingRows)) * 100).toFixed(1)}%`;

  // cases and events
  const cases = read('cases.csv', ['id', 'title', 'water', 'segment', 'region', 'found', 'source', 'category', 'description', 'responsible', 'deadline', 'report_ref', 'lat', 'lon', 'photos']);
  const caseMap = unique(cases, 'id', 'cases');
  const refs = new Set<string>();
  for (const c of cases) {
    ref(c, 'water', waterMap, 'water');
    const s = ref(c, 'segment', segMap, 'segment', true);
    if (s && s.water !== c.water) fail(`${c.__line}: segment "${c.segment}" belongs to ${s.water}, not ${c.water}`);
    if (s && s.region !== c.region) fail(`${c.__line}: region differs from its segment's`);
    ref(c, 'region', regionMap, 'region');
    const w = waterMap.get(c.water!);
    if (w && !w.regions!.split(';').includes(c.region!)) fail(`${c.__line}: region ${c.region} is not one of ${c.water}'s`);
    dateOk(c, 'found');
    dateOk(c, 'deadline');
    if (c.found! > asOf) fail(`${c.__line}: found after as_of`);
    if (c.deadline! < c.found!) fail(`${c.__line}: deadline before found`);
    enumOk(c, 'source', CASE_SOURCE.values);
    enumOk(c, 'category', CASE_CATEGORY.values);
    if (c.report_ref) {
      if (refs.has(c.report_ref)) fail(`${c.__line}: duplicate report_ref ${c.report_ref}`);
      refs.add(c.report_ref);
    }
    if (c.photos) fail(`${c.__line}: photos given but the generator writes no media`);
  }
  const events = read('case-events.csv', ['case', 'date', 'status', 'note', 'by']);
  counts['case-events'] = events.length;
  const NEXT: Record<string, string[]> = {
    '': ['reported'], reported: ['assigned'], assigned: ['rectifying'], rectifying: ['submitted'],
    submitted: ['closed', 'rejected'], rejected: ['rectifying'], closed: [],
  };
  const state = new Map<string, { status: string; date: string }>();
  for (const e of events) {
    const c = ref(e, 'case', caseMap, 'case');
    enumOk(e, 'status', CASE_STATUS.values);
    dateOk(e, 'date');
    if (e.date! > asOf) fail(`${e.__line}: event after as_of`);
    const prev = state.get(e.case!) ?? { status: '', date: '' };
    if (!NEXT[prev.status]!.includes(e.status!)) fail(`${e.__line}: ${prev.status || '(start)'} → ${e.status} is not a valid step`);
    if (prev.status === '' && c && e.date !== c.found) fail(`${e.__line}: first event ${e.date} is not on the found date ${c.found}`);
    if (e.date! < prev.date) fail(`${e.__line}: event dated before the previous one`);
    state.set(e.case!, { status: e.status!, date: e.date! });
  }
  const statuses: Record<string, number> = {};
  let overdue = 0;
  for (const c of cases) {
    const s = state.get(c.id!)?.status;
    if (!s) {
      fail(`${c.__line}: case ${c.id} has no events`);
      continue;
    }
    statuses[s] = (statuses[s] ?? 0) + 1;
    if (s !== 'closed' && asOf > c.deadline!) overdue++;
  }
  counts['cases.status'] = CASE_STATUS.values.map((s) => `${s}=${statuses[s] ?? 0}`).join(' ');
  counts['cases.overdue'] = overdue;
  for (const s of CASE_STATUS.values) if (!statuses[s]) console.log(`note: no case currently ${s}`);

  // inspections, patrols, actions, targets
  const inspections = read('inspections.csv', ['id', 'period', 'date', 'subject_kind', 'subject', 'score', 'rank', 'result', 'document', 'note']);
  unique(inspections, 'id', 'inspections');
  for (const i of inspections) {
    if (!/^\d{4}(-Q[1-4])?$/.test(i.period!)) fail(`${i.__line}: period "${i.period}"`);
    dateOk(i, 'date');
    if (i.date! > asOf) fail(`${i.__line}: dated after as_of`);
    enumOk(i, 'subject_kind', SUBJECT_KIND.values);
    const map = i.subject_kind === 'region' ? regionMap : i.subject_kind === 'chief' ? chiefMap : waterMap;
    ref(i, 'subject', map as Map<string, unknown>, i.subject_kind!);
    if (i.document && !docs.has(i.document)) fail(`${i.__line}: document "${i.document}" unknown`);
  }
  // rules.inspection_grades (written on one line as a flow map): results and ranks agree with scores.
  const gradesText = /^\s+inspection_grades:\s*\{(.*)\}\s*$/m.exec(site)?.[1];
  if (gradesText !== undefined) {
    const grades = gradesText.split(',').map((g) => g.split(':').map((x) => x.trim())).map(([name, min]) => ({ name: name!, min: Number(min) })).sort((a, b) => b.min - a.min);
    if (grades.length === 0 || grades.some((g) => !g.name || !Number.isFinite(g.min))) fail(`site.yaml: inspection_grades "${gradesText}"`);
    const byGroup = new Map<string, Row[]>();
    for (const i of inspections) {
      if (i.score === '') continue;
      const score = Number(i.score);
      const want = grades.find((g) => score >= g.min)?.name;
      if (i.result !== want) fail(`${i.__line}: result "${i.result}" for score ${i.score}, expected "${want}"`);
      if (i.rank === '') continue;
      const key = `${i.period}|${i.subject_kind}`;
      byGroup.set(key, [...(byGroup.get(key) ?? []), i]);
    }
    // By score descending (ties by rank), the ranks never go down.
    for (const rows of byGroup.values()) {
      rows.sort((a, b) => Number(b.score) - Number(a.score) || Number(a.rank) - Number(b.rank));
      for (let k = 1; k < rows.length; k++) {
        if (Number(rows[k]!.rank) < Number(rows[k - 1]!.rank)) fail(`${rows[k]!.__line}: rank ${rows[k]!.rank} for score ${rows[k]!.score}, above ${rows[k - 1]!.__line} (score ${rows[k - 1]!.score}, rank ${rows[k - 1]!.rank})`);
      }
    }
  }
  const patrols = read('patrols.csv', ['chief', 'month', 'count', 'km', 'issues_found']);
  counts.patrols = patrols.length;
  const patrolKeys = new Set<string>();
  for (const p of patrols) {
    ref(p, 'chief', chiefMap, 'chief');
    if (!MONTH.test(p.month!) || p.month! > asOf.slice(0, 7)) fail(`${p.__line}: month "${p.month}"`);
    if (!/^\d+$/.test(p.count!)) fail(`${p.__line}: count "${p.count}"`);
    const key = `${p.chief}|${p.month}`;
    if (patrolKeys.has(key)) fail(`${p.__line}: second row for ${key}`);
    patrolKeys.add(key);
  }
  const actions = read('actions.csv', ['date', 'chief', 'kind', 'reason', 'document']);
  counts.actions = actions.length;
  for (const a of actions) {
    dateOk(a, 'date');
    if (a.date! > asOf) fail(`${a.__line}: dated after as_of`);
    ref(a, 'chief', chiefMap, 'chief');
    enumOk(a, 'kind', ACTION_KIND.values);
    if (a.document && !docs.has(a.document)) fail(`${a.__line}: document "${a.document}" unknown`);
  }
  const targets = read('targets.csv', ['id', 'name', 'unit', 'direction', 'baseline', 'baseline_date', 'target', 'deadline', 'current', 'current_date', 'document']);
  unique(targets, 'id', 'targets');
  for (const t of targets) {
    enumOk(t, 'direction', ['up', 'down']);
    for (const col of ['baseline_date', 'deadline', 'current_date']) dateOk(t, col);
    if (t.document && !docs.has(t.document)) fail(`${t.__line}: document "${t.document}" unknown`);
  }

  // geometry
  const geoPath = join(dir, 'geo', 'waters.geojson');
  if (existsSync(geoPath)) {
    const geo = JSON.parse(readFileSync(geoPath, 'utf8')) as { type: string; features: { properties: { id: string }; geometry: { type: string } }[] };
    const ids = new Set<string>();
    for (const f of geo.features) {
      if (!waterMap.has(f.properties.id)) fail(`geo/waters.geojson: feature id "${f.properties.id}" is no water`);
      if (ids.has(f.properties.id)) fail(`geo/waters.geojson: duplicate feature "${f.properties.id}"`);
      ids.add(f.properties.id);
    }
    counts.geojson = geo.features.length;
  }

  console.log(`checked ${dir} (as_of ${asOf}) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  for (const [k, v] of Object.entries(counts)) console.log(`  ${k.padEnd(22)} ${v}`);
  if (errorCount > 0) {
    console.error(`${errorCount} error(s):`);
    for (const e of errors) console.error(`  ${e}`);
    if (errorCount > errors.length) console.error(`  … and ${errorCount - errors.length} more`);
    return false;
  }
  console.log('OK: ids unique, references resolve');
  return true;
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/bench/check-generated.ts <data-dir>');
    process.exit(2);
  }
  process.exit(check(dir) ? 0 : 1);
}
