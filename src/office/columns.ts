/**
 * What an office spreadsheet column is, derived from the schemas of
 * src/schemas/tables.ts (never listed by hand, so it cannot drift): the kind
 * of value a cell holds (date, month, enumeration…), the enumeration with its
 * Chinese labels, and the header names a clerk may write.
 *
 * Plain TypeScript: no Astro runtime, no file system.
 */
import * as ENUMS from '../lib/enums.ts';
import { TABLES, type TableName } from '../schemas/tables.ts';
import type { ColumnDef, TableDef } from '../schemas/table.ts';

export type ColumnKind = 'date' | 'month' | 'dateOrMonth' | 'enum' | 'number' | 'id' | 'text';

export interface Enumeration {
  values: readonly string[];
  labels: Record<string, string>;
}

export interface ColumnInfo {
  name: string;
  def: ColumnDef;
  kind: ColumnKind;
  /** The enumeration of an `enum` column. */
  enumeration?: Enumeration;
}

const ok = (def: ColumnDef, v: string) => def.schema.safeParse(v).success;

/** Every labelled enumeration exported by src/lib/enums.ts. */
export const ENUMERATIONS: Enumeration[] = (Object.values(ENUMS) as unknown[]).filter(
  (e): e is Enumeration =>
    !!e &&
    typeof e === 'object' &&
    Array.isArray((e as Enumeration).values) &&
    typeof (e as Enumeration).labels === 'object',
);
const ALL_ENUM_VALUES = [...new Set(ENUMERATIONS.flatMap((e) => e.values))];

/** The enumeration whose values are exactly what the column accepts, if any. */
function enumerationOf(def: ColumnDef): Enumeration | undefined {
  if (ok(def, 'zzznotavalue') || ok(def, 'Zz Not A Value')) return undefined;
  const accepted = new Set(ALL_ENUM_VALUES.filter((v) => ok(def, v)));
  if (accepted.size === 0) return undefined;
  return ENUMERATIONS.find((e) => e.values.length === accepted.size && e.values.every((v) => accepted.has(v)));
}

export function columnKind(def: ColumnDef): { kind: ColumnKind; enumeration?: Enumeration } {
  const d = ok(def, '2026-03-15');
  const m = ok(def, '2026-03');
  const free = ok(def, 'zzz 文本');
  if (!free) {
    if (ok(def, 'abc-1')) return { kind: 'id' };
    if (d && m) return { kind: 'dateOrMonth' };
    if (d) return { kind: 'date' };
    if (m) return { kind: 'month' };
    const enumeration = enumerationOf(def);
    if (enumeration) return { kind: 'enum', enumeration };
    if (ok(def, '12') && !ok(def, 'abc')) return { kind: 'number' };
  }
  return { kind: 'text' };
}

const cache = new Map<TableDef, ColumnInfo[]>();

/** The columns of a table in schema order, with their kinds. */
export function columnsOf(table: TableDef): ColumnInfo[] {
  let out = cache.get(table);
  if (!out) {
    out = Object.entries(table.columns).map(([name, def]) => ({ name, def, ...columnKind(def) }));
    cache.set(table, out);
  }
  return out;
}

/** A header cell as a clerk may write it: no BOM, no spaces, no `*` required marker, no trailing "（单位）". */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .toLowerCase();
}

/** Map each header cell to an English column name of `table`, or null when unknown. */
export function mapHeader(table: TableDef, header: readonly string[]): (string | null)[] {
  const lookup = new Map<string, string>();
  for (const [name, col] of Object.entries(table.columns)) {
    lookup.set(normaliseHeader(name), name);
    for (const alias of col.zh) lookup.set(normaliseHeader(alias), name);
  }
  const seen = new Set<string>();
  return header.map((h) => {
    const n = lookup.get(normaliseHeader(h)) ?? null;
    if (!n || seen.has(n)) return null;
    seen.add(n);
    return n;
  });
}

export interface Recognition {
  table: TableName;
  names: (string | null)[];
  /** Required columns absent from the header. */
  missing: string[];
  matched: number;
}

/** Whether a sheet (or file) name names a table: its Chinese title, file name or key. */
export function tableOfName(name: string): TableName | undefined {
  const n = name
    .trim()
    .replace(/\.(csv|xlsx?)$/i, '')
    .toLowerCase();
  for (const [key, t] of Object.entries(TABLES) as [TableName, TableDef][]) {
    if (n === t.title || n === t.file.replace(/\.csv$/, '') || n === key.toLowerCase()) return key;
  }
  return undefined;
}

/**
 * Which table a header row is: the table matching most cells among those whose
 * required columns are all present; `hint` (from the sheet name) breaks ties
 * and is chosen, with its missing columns, when no table is complete.
 */
export function recogniseHeader(header: readonly string[], hint?: TableName): Recognition | undefined {
  const nonEmpty = header.filter((h) => h.trim() !== '').length;
  if (nonEmpty < 2) return undefined;
  let best: Recognition | undefined;
  const candidates: Recognition[] = [];
  for (const [key, t] of Object.entries(TABLES) as [TableName, TableDef][]) {
    const names = mapHeader(t, header);
    const present = new Set(names.filter(Boolean));
    const missing = Object.entries(t.columns)
      .filter(([n, c]) => !c.optional && !present.has(n))
      .map(([n]) => n);
    candidates.push({ table: key, names, missing, matched: present.size });
  }
  for (const c of candidates) {
    if (c.missing.length) continue;
    if (!best || c.matched > best.matched || (c.matched === best.matched && c.table === hint)) best = c;
  }
  if (best) return best;
  if (hint) {
    const h = candidates.find((c) => c.table === hint)!;
    if (h.matched >= 2) return h;
  }
  return undefined;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
