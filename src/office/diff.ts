/**
 * What changed between two versions of a data folder, for the office to read
 * before it publishes: chiefs appointed and removed, cases opened, closed and
 * newly overdue, readings added, stations newly off target, and rows added or
 * removed per table. Pure: works on two loaded folders (src/loader).
 */
import { caseState } from '../lib/cases.ts';
import { push } from '../lib/collections.ts';
import { classifyReading, type ReadingValues } from '../lib/gb3838.ts';
import { ROLE, WATER_CLASS_LABEL, type Role, type TargetClass, type Waterbody } from '../lib/enums.ts';
import type { RawFolder } from '../loader/read.ts';
import { TABLES, type TableName } from '../schemas/tables.ts';

export interface DataDiff {
  asOf: { old: string | null; new: string | null };
  appointed: string[];
  removed: string[];
  chiefsAdded: string[];
  chiefsRemoved: string[];
  casesOpened: string[];
  casesClosed: string[];
  newlyOverdue: string[];
  readingsAdded: { station: string; count: number; dates: string[] }[];
  newlyOffTarget: string[];
  tables: { table: TableName; title: string; added: number; removed: number }[];
}

type Folder = Pick<
  RawFolder,
  'site' | 'chiefs' | 'waters' | 'assignments' | 'cases' | 'caseEvents' | 'stations' | 'readings'
> &
  Partial<RawFolder>;

const roleLabel = (r: string) => ROLE.labels[r as Role] ?? r;

function assignmentKey(a: { chief: string; water: string; segment?: string; role: string; start: string }): string {
  return `${a.chief}|${a.water}|${a.segment ?? ''}|${a.role}|${a.start}`;
}

function describeAssignment(
  f: Folder,
  a: { chief: string; water: string; segment?: string; role: string; start: string; end?: string },
): string {
  const chief = f.chiefs.find((c) => c.data.id === a.chief)?.data;
  const water = f.waters.find((w) => w.data.id === a.water)?.data.name ?? a.water;
  return `${chief ? `${chief.name}（${chief.position}）` : a.chief} ${water}${a.segment ? ` ${a.segment}` : ''} ${roleLabel(a.role)}`;
}

function caseStates(f: Folder) {
  const asOf = f.site?.as_of ?? '9999-12-31';
  const events = new Map<string, { case: string; date: string; status: string; line?: number }[]>();
  for (const e of f.caseEvents) {
    push(events, e.data.case, { ...e.data, line: e.line });
  }
  return new Map(
    f.cases.map((c) => [c.data.id, { c: c.data, s: caseState(c.data, (events.get(c.data.id) ?? []) as never, asOf) }]),
  );
}

/** The latest reading's target verdict per station (true = meets, false = misses, null = unknown). */
function latestVerdicts(f: Folder): Map<string, { date: string; meets: boolean | null; cls: string | null }> {
  const waterKind = new Map(f.waters.map((w) => [w.data.id, w.data.kind]));
  const out = new Map<string, { date: string; meets: boolean | null; cls: string | null }>();
  const latest = new Map<string, (typeof f.readings)[number]>();
  for (const r of f.readings) {
    const prev = latest.get(r.data.station);
    if (!prev || prev.data.date <= r.data.date) latest.set(r.data.station, r);
  }
  for (const s of f.stations) {
    const r = latest.get(s.data.id);
    if (!r) continue;
    const kind = waterKind.get(s.data.water);
    const wb: Waterbody = s.data.waterbody ?? (kind === 'lake' || kind === 'reservoir' ? 'lake' : 'river');
    const { station: _s, date, ...values } = r.data;
    const c = classifyReading(values as ReadingValues, wb, s.data.target_class as TargetClass);
    out.set(s.data.id, { date, meets: c.meetsTarget, cls: c.class });
  }
  return out;
}

function rowKey(table: TableName, data: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(TABLES[table].columns).map((k) => data[k] ?? null));
}

export function diffFolders(a: Folder, b: Folder): DataDiff {
  const oldAssign = new Map(a.assignments.map((r) => [assignmentKey(r.data), r.data]));
  const newAssign = new Map(b.assignments.map((r) => [assignmentKey(r.data), r.data]));
  const appointed: string[] = [];
  const removed: string[] = [];
  for (const [k, x] of newAssign) {
    const was = oldAssign.get(k);
    if (!was && !x.end) appointed.push(`${describeAssignment(b, x)}，${x.start} 起`);
    if (x.end && (!was || !was.end)) removed.push(`${describeAssignment(b, x)}，${x.end} 离任`);
  }
  for (const [k, x] of oldAssign)
    if (!newAssign.has(k) && !x.end) removed.push(`${describeAssignment(a, x)}（任职记录已删除）`);

  const oldChiefs = new Set(a.chiefs.map((c) => c.data.id));
  const newChiefs = new Set(b.chiefs.map((c) => c.data.id));
  const chiefsAdded = b.chiefs
    .filter((c) => !oldChiefs.has(c.data.id))
    .map((c) => `${c.data.name}（${c.data.position}，${c.data.id}）`);
  const chiefsRemoved = a.chiefs
    .filter((c) => !newChiefs.has(c.data.id))
    .map((c) => `${c.data.name}（${c.data.position}，${c.data.id}）`);

  const oc = caseStates(a);
  const nc = caseStates(b);
  const label = (c: { id: string; title: string; deadline: string }) => `${c.id} ${c.title}`;
  const casesOpened = [...nc.values()].filter((x) => !oc.has(x.c.id)).map((x) => `${label(x.c)}（${x.c.found} 发现）`);
  const casesClosed = [...nc.values()]
    .filter((x) => x.s.closed && !oc.get(x.c.id)?.s.closed)
    .map((x) => `${label(x.c)}（${x.s.closedOn ?? ''} 销号）`);
  const newlyOverdue = [...nc.values()]
    .filter((x) => x.s.overdue && !oc.get(x.c.id)?.s.overdue)
    .map((x) => `${label(x.c)}（整改时限 ${x.c.deadline}）`);

  const oldReadings = new Set(a.readings.map((r) => `${r.data.station}|${r.data.date}`));
  const added = new Map<string, string[]>();
  for (const r of b.readings) {
    if (oldReadings.has(`${r.data.station}|${r.data.date}`)) continue;
    push(added, r.data.station, r.data.date);
  }
  const stationName = new Map(b.stations.map((s) => [s.data.id, s.data.name]));
  const readingsAdded = [...added].map(([station, dates]) => ({
    station: stationName.get(station) ? `${stationName.get(station)}（${station}）` : station,
    count: dates.length,
    dates: dates.sort(),
  }));

  const ov = latestVerdicts(a);
  const nv = latestVerdicts(b);
  const newlyOffTarget: string[] = [];
  for (const s of b.stations) {
    const v = nv.get(s.data.id);
    if (v?.meets !== false) continue;
    if (ov.get(s.data.id)?.meets === false) continue;
    newlyOffTarget.push(
      `${s.data.name}（${s.data.id}）：${v.date} ${v.cls ? (WATER_CLASS_LABEL as Record<string, string>)[v.cls] : ''}，目标 ${s.data.target_class} 类`,
    );
  }

  const tables: DataDiff['tables'] = [];
  for (const t of Object.keys(TABLES) as TableName[]) {
    const ra = (a as Partial<RawFolder>)[t] as { data: Record<string, unknown> }[] | undefined;
    const rb = (b as Partial<RawFolder>)[t] as { data: Record<string, unknown> }[] | undefined;
    if (!ra || !rb) continue;
    const ka = new Set(ra.map((r) => rowKey(t, r.data)));
    const kb = new Set(rb.map((r) => rowKey(t, r.data)));
    const addedN = [...kb].filter((k) => !ka.has(k)).length;
    const removedN = [...ka].filter((k) => !kb.has(k)).length;
    if (addedN || removedN) tables.push({ table: t, title: TABLES[t].title, added: addedN, removed: removedN });
  }

  return {
    asOf: { old: a.site?.as_of ?? null, new: b.site?.as_of ?? null },
    appointed,
    removed,
    chiefsAdded,
    chiefsRemoved,
    casesOpened,
    casesClosed,
    newlyOverdue,
    readingsAdded,
    newlyOffTarget,
    tables,
  };
}

/** The diff as text for the office. */
export function formatDiff(d: DataDiff): string {
  const out: string[] = [];
  if (d.asOf.old !== d.asOf.new) out.push(`数据截止日期：${d.asOf.old ?? '无'} → ${d.asOf.new ?? '无'}`);
  const section = (title: string, items: string[]) => {
    out.push(`\n${title}（${items.length}）`);
    for (const i of items) out.push(`  · ${i}`);
  };
  section('新任河长（任职记录新增）', d.appointed);
  section('河长离任', d.removed);
  section('河长名录新增', d.chiefsAdded);
  section('河长名录删除', d.chiefsRemoved);
  section('新登记的问题', d.casesOpened);
  section('新销号的问题', d.casesClosed);
  section('新逾期的问题', d.newlyOverdue);
  section(
    '新增监测数据',
    d.readingsAdded.map((r) => `${r.station}：${r.count} 条（${r.dates.join('、')}）`),
  );
  section('新出现未达标的断面（最新一次监测）', d.newlyOffTarget);
  section(
    '各表增删行数',
    d.tables.map((t) => `${t.title}：新增 ${t.added} 行，删除 ${t.removed} 行`),
  );
  return out.join('\n').trim();
}
