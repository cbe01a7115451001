/**
 * Reads a data folder (docs/data-contract.md): decodes and parses every
 * file, recognises English or Chinese headers, validates each row with the
 * zod schemas of src/schemas, and collects every problem with its file, line
 * and column instead of stopping at the first one.
 *
 * Cross-file checks (references, duplicates, case histories) are in
 * validate.ts; loadDataFolder() in index.ts runs both.
 */
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, visit, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { decodeText, invalidByteMessages, parseCsv, type Encoding } from '../lib/csv.ts';
import { TABLES, type TableName } from '../schemas/tables.ts';
import type { TableDef } from '../schemas/table.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { documentSchema, type DocumentMeta } from '../schemas/document.ts';
import { splitMessage, type Problem } from './problems.ts';
import { listMedia, type MediaListing } from './media.ts';
import { decodeFile, listFolder, MAX_BYTES, present, readDataFile } from './files.ts';
import { checkDocumentBody, type ComponentRef } from './document-body.ts';

export { MAX_BYTES };

export type { ComponentRef };

/** A validated row and where it came from. */
export interface Row<T> {
  data: T;
  file: string;
  line: number;
  /** Column number of each English column name, for later messages. */
  columns: Record<string, number>;
}

export interface DocumentFile {
  id: string;
  file: string;
  meta: DocumentMeta;
  /** Line of each top-level frontmatter field. */
  fieldLines: Record<string, number>;
  /** The ids an MDX document's components refer to, with where they are written. */
  componentRefs: ComponentRef[];
}

export interface GeoFeature {
  id: string;
  name?: string;
  geometry: { type: string; coordinates: unknown };
}

type Rows = { [K in TableName]: Row<z.output<(typeof TABLES)[K]['row']>>[] };

export interface RawFolder extends Rows {
  dir: string;
  site: Site | null;
  siteLines: Record<string, number>;
  documents: DocumentFile[];
  geo: GeoFeature[];
  media: MediaListing;
  encodings: Record<string, Encoding>;
  /**
   * Ids of rows (and documents) that are present but were rejected for a bad
   * cell, by table (`documents` for documents/). A reference to one of them is
   * not reported again as "unknown": the row's own problem is the one to fix.
   */
  rejectedIds: Partial<Record<TableName | 'documents', Set<string>>>;
}

/** Files that must exist; the others may be absent (an empty table). */
const REQUIRED_FILES = new Set(['regions.csv', 'waters.csv', 'chiefs.csv', 'assignments.csv']);

function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/[（(].*[)）]$/, (m) => (/[a-z]/i.test(m) ? '' : m))
    .trim();
}

/** Map each header cell to an English column name, or null when unknown. */
function mapHeader(table: TableDef, header: string[]): (string | null)[] {
  const lookup = new Map<string, string>();
  for (const [name, col] of Object.entries(table.columns)) {
    lookup.set(name.toLowerCase(), name);
    for (const alias of col.zh) lookup.set(alias, name);
  }
  return header.map((h) => {
    const raw = h.replace(/^\uFEFF/, '').trim();
    return lookup.get(raw.toLowerCase()) ?? lookup.get(raw) ?? lookup.get(normaliseHeader(raw)) ?? null;
  });
}

function readCsvTable<T>(
  dir: string,
  file: string,
  table: TableDef,
  problems: Problem[],
  encodings: Record<string, Encoding>,
  rejected?: Set<string>,
): Row<T>[] {
  const bytes = readDataFile(join(dir, file), file, MAX_BYTES.csv, problems);
  if (!bytes) return [];
  const { text, encoding, invalid } = decodeText(bytes);
  encodings[file] = encoding;
  for (const m of invalidByteMessages(invalid))
    problems.push({ file, line: m.line, column: m.cell, zh: m.zh, en: m.en });
  const { records, errors } = parseCsv(text);
  // Problem.column of a CSV file is the spreadsheet column (cell number), as for every other CSV problem.
  for (const e of errors) problems.push({ file, line: e.line, column: e.cell, zh: e.message.zh, en: e.message.en });
  if (records.length === 0) {
    problems.push({
      file,
      line: 1,
      zh: '文件为空：第一行应为表头',
      en: 'empty file: the first row must be the header',
    });
    return [];
  }
  const [headerRec, ...body] = records;
  const names = mapHeader(table, headerRec.cells);
  const columnOf: Record<string, number> = {};
  names.forEach((n, i) => {
    if (!n) return;
    if (columnOf[n] !== undefined) {
      problems.push({
        file,
        line: headerRec.line,
        column: i + 1,
        field: headerRec.cells[i],
        zh: `列 ${n} 重复出现`,
        en: `column ${n} appears twice`,
      });
    } else columnOf[n] = i;
  });
  const missing = new Set<string>();
  for (const [name, col] of Object.entries(table.columns)) {
    if (!col.optional && columnOf[name] === undefined) {
      missing.add(name);
      problems.push({
        file,
        line: headerRec.line,
        field: name,
        zh: `缺少必需的列 ${name}（${col.zh[0]}）`,
        en: `missing required column ${name} (${col.zh[0]})`,
      });
    }
  }
  const rows: Row<T>[] = [];
  const colNumbers: Record<string, number> = {};
  for (const [n, i] of Object.entries(columnOf)) colNumbers[n] = i + 1;
  const keyCol = table.key ? columnOf[table.key] : undefined;
  for (const rec of body) {
    if (
      rec.cells.length > headerRec.cells.length &&
      rec.cells.slice(headerRec.cells.length).some((c) => c.trim() !== '')
    ) {
      problems.push({
        file,
        line: rec.line,
        column: headerRec.cells.length + 1,
        zh: `该行有 ${rec.cells.length} 个单元格，表头只有 ${headerRec.cells.length} 列（是否有未加引号的逗号？）`,
        en: `the row has ${rec.cells.length} cells but the header has ${headerRec.cells.length} columns (an unquoted comma?)`,
      });
      continue;
    }
    const input: Record<string, string | undefined> = {};
    for (const [name, i] of Object.entries(columnOf)) {
      const v = (rec.cells[i] ?? '').trim();
      input[name] = v === '' ? undefined : v;
    }
    const result = table.row.safeParse(input);
    if (result.success) {
      rows.push({ data: result.data as T, file, line: rec.line, columns: colNumbers });
      continue;
    }
    const key = keyCol !== undefined ? rec.cells[keyCol]?.trim() || undefined : undefined;
    const idCol = columnOf.id ?? columnOf.code;
    if (rejected && idCol !== undefined && rec.cells[idCol]?.trim()) rejected.add(rec.cells[idCol].trim());
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      // A missing required column is reported once, on the header, not on every row.
      if (missing.has(name)) continue;
      const i = columnOf[name];
      const { zh, en } = splitMessage(issue.message);
      problems.push({
        file,
        line: rec.line,
        column: i !== undefined ? i + 1 : undefined,
        field: name || undefined,
        value: i !== undefined ? (rec.cells[i] ?? '').trim() : undefined,
        key,
        zh,
        en,
      });
    }
  }
  return rows;
}

/** Line (1-based) of the node at `path` in a YAML document, or of its closest parent. */
function yamlLine(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  offsetLines = 0,
): { line: number; column: number } | undefined {
  let p = [...path];
  while (true) {
    const node =
      p.length === 0
        ? doc.contents
        : (doc.getIn(p as unknown[], true) as { range?: [number, number, number] } | undefined);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const pos = counter.linePos(range[0]);
      return { line: pos.line + offsetLines, column: pos.col };
    }
    if (p.length === 0) return undefined;
    p = p.slice(0, -1);
  }
}

/** A problem per issue the schema found in a YAML document, located by line and column. */
function schemaProblems(
  doc: Document,
  counter: LineCounter,
  issues: readonly z.core.$ZodIssue[],
  file: string,
  problems: Problem[],
  offsetLines = 0,
): void {
  for (const issue of issues) {
    const pos = yamlLine(doc, counter, issue.path, offsetLines);
    const value = doc.getIn(issue.path as unknown[]);
    const { zh, en } = splitMessage(issue.message);
    problems.push({
      file,
      line: pos?.line,
      column: pos?.column,
      field: issue.path.join('.'),
      value: value === undefined || typeof value === 'object' ? undefined : String(value),
      zh,
      en,
    });
  }
}

function parseYaml(text: string, file: string, problems: Problem[], offsetLines = 0) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // Aliases (*name) can expand a small file into gigabytes (a "billion
  // laughs"); the contract's YAML never needs them, so any alias is refused.
  let aliases = 0;
  visit(doc, {
    Alias(_, node) {
      if (aliases++ > 0) return visit.BREAK;
      const pos = node.range ? counter.linePos(node.range[0]) : undefined;
      problems.push({
        file,
        line: pos ? pos.line + offsetLines : undefined,
        column: pos?.col,
        value: `*${node.source}`,
        zh: 'YAML 中不能使用别名（*名称）：请把内容直接写出',
        en: 'YAML aliases (*name) are not allowed: expected the value written out',
      });
      return undefined;
    },
  });
  if (aliases > 0) return { doc, counter, ok: false };
  for (const err of doc.errors) {
    // err.linePos is only filled in with prettyErrors; compute it from the offset.
    const pos = err.linePos?.[0] ?? (err.pos ? counter.linePos(err.pos[0]) : undefined);
    problems.push({
      file,
      line: pos ? pos.line + offsetLines : undefined,
      column: pos?.col,
      zh: `YAML 格式错误：${err.message.split('\n')[0]}`,
      en: `malformed YAML: ${err.message.split('\n')[0]}`,
    });
  }
  return { doc, counter, ok: doc.errors.length === 0 };
}

function topLevelLines(doc: Document, counter: LineCounter, offsetLines: number): Record<string, number> {
  const lines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      const k = item.key as { value?: unknown; range?: [number, number, number] };
      if (k?.range) lines[String(k.value)] = counter.linePos(k.range[0]).line + offsetLines;
    }
  }
  return lines;
}

/**
 * Parse YAML text with a zod schema, as site.yaml is read: each problem
 * located by line and column (a malformed document, an alias, a field the
 * schema refuses). Null when there is any problem. Used for files outside
 * the data folder too (portal.yaml, scripts/portal/build.ts).
 */
export function parseYamlFile<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  problems: Problem[],
): z.output<S> | null {
  const { doc, counter, ok } = parseYaml(text, file, problems);
  if (!ok) return null;
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  schemaProblems(doc, counter, result.error.issues, file, problems);
  return null;
}

function readSite(dir: string, problems: Problem[]): { site: Site | null; lines: Record<string, number> } {
  const file = 'site.yaml';
  const path = join(dir, file);
  if (!present(path)) {
    problems.push({ file, zh: '缺少 site.yaml', en: 'site.yaml is missing' });
    return { site: null, lines: {} };
  }
  const text = decodeFile(path, file, problems, MAX_BYTES.yaml);
  if (text === null) return { site: null, lines: {} };
  const site = parseYamlFile(siteSchema, text, file, problems);
  if (!site) return { site: null, lines: {} };
  const { doc, counter } = parseYaml(text, file, []);
  return { site, lines: topLevelLines(doc, counter, 0) };
}

function readDocuments(dir: string, problems: Problem[], rejected: Set<string>): DocumentFile[] {
  const base = join(dir, 'documents');
  if (!present(base)) return [];
  const docs: DocumentFile[] = [];
  for (const name of listFolder(base, 'documents', problems)) {
    const m = /^(.+)\.(md|mdx)$/.exec(name);
    if (!m) continue;
    const file = `documents/${name}`;
    const id = m[1];
    const text = decodeFile(join(base, name), file, problems, MAX_BYTES.document);
    if (text === null) {
      rejected.add(id);
      continue;
    }
    if (!/^[a-z0-9-]+$/.test(id)) {
      problems.push({
        file,
        value: id,
        zh: '文件名（即文件编号）只能含小写字母、数字和连字符',
        en: 'the file name (the document id) must be [a-z0-9-]+',
      });
    }
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
    if (!fm) {
      problems.push({
        file,
        line: 1,
        zh: '缺少文件头（以 --- 开始和结束的 YAML 元数据）',
        en: 'missing frontmatter (YAML between --- lines at the top)',
      });
      continue;
    }
    const { doc, counter, ok } = parseYaml(fm[1], file, problems, 1);
    if (!ok) {
      rejected.add(id);
      continue;
    }
    const result = documentSchema.safeParse(doc.toJS());
    if (!result.success) {
      schemaProblems(doc, counter, result.error.issues, file, problems, 1);
      rejected.add(id);
      continue;
    }
    const fieldLines = topLevelLines(doc, counter, 1);
    const body = checkDocumentBody(text, m[2] as 'md' | 'mdx');
    for (const p of body.problems) problems.push({ file, ...p });
    docs.push({ id, file, meta: result.data, fieldLines, componentRefs: body.refs });
  }
  return docs;
}

function readGeo(dir: string, problems: Problem[]): GeoFeature[] {
  const file = 'geo/waters.geojson';
  const path = join(dir, file);
  if (!present(path)) return [];
  const text = decodeFile(path, file, problems, MAX_BYTES.geojson);
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let line: number | undefined;
    let column: number | undefined;
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      line = before.split('\n').length;
      column = Number(pos[1]) - before.lastIndexOf('\n');
    }
    const lc = /line (\d+) column (\d+)/.exec(msg);
    if (lc) {
      line = Number(lc[1]);
      column = Number(lc[2]);
    }
    problems.push({ file, line, column, zh: `GeoJSON 格式错误：${msg}`, en: `malformed JSON: ${msg}` });
    return [];
  }
  const fc = json as { type?: string; features?: unknown[] };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push({ file, line: 1, zh: '应为 GeoJSON FeatureCollection', en: 'a GeoJSON FeatureCollection' });
    return [];
  }
  const features: GeoFeature[] = [];
  fc.features.forEach((f, i) => {
    const feat = f as {
      properties?: { id?: unknown; name?: unknown };
      geometry?: { type?: unknown; coordinates?: unknown };
    };
    const id = feat?.properties?.id;
    const type = feat?.geometry?.type;
    if (
      typeof id !== 'string' ||
      !feat.geometry ||
      !['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'Point'].includes(String(type))
    ) {
      problems.push({
        file,
        field: `features[${i}]`,
        zh: '每个要素应有 properties.id（水体编码）和 LineString/Polygon 等几何',
        en: 'each feature needs properties.id (a water id) and a LineString/Polygon geometry',
      });
      return;
    }
    features.push({
      id,
      name: typeof feat.properties?.name === 'string' ? feat.properties.name : undefined,
      geometry: { type: String(type), coordinates: feat.geometry.coordinates },
    });
  });
  return features;
}

/** Read and validate every file of the folder, row by row. */
export function readFolder(dir: string, problems: Problem[]): RawFolder {
  const encodings: Record<string, Encoding> = {};
  const { site, lines: siteLines } = readSite(dir, problems);
  const rejectedIds: RawFolder['rejectedIds'] = {};
  const out = { dir, site, siteLines, encodings, rejectedIds } as RawFolder;
  for (const [name, table] of Object.entries(TABLES) as [TableName, TableDef][]) {
    if (name === 'readings') {
      const base = join(dir, 'readings');
      const rows: Row<unknown>[] = [];
      if (present(base)) {
        for (const f of listFolder(base, 'readings', problems).filter((f) => f.toLowerCase().endsWith('.csv'))) {
          rows.push(...readCsvTable(dir, `readings/${f}`, table, problems, encodings));
        }
      }
      (out as unknown as Record<string, unknown>)[name] = rows;
      continue;
    }
    const path = join(dir, table.file);
    if (!present(path)) {
      if (REQUIRED_FILES.has(table.file))
        problems.push({ file: table.file, zh: `缺少文件 ${table.file}`, en: `${table.file} is missing` });
      (out as unknown as Record<string, unknown>)[name] = [];
      continue;
    }
    const rejected = new Set<string>();
    (out as unknown as Record<string, unknown>)[name] = readCsvTable(
      dir,
      table.file,
      table,
      problems,
      encodings,
      rejected,
    );
    if (rejected.size) rejectedIds[name] = rejected;
  }
  const rejectedDocs = new Set<string>();
  out.documents = readDocuments(dir, problems, rejectedDocs);
  if (rejectedDocs.size) rejectedIds.documents = rejectedDocs;
  out.geo = readGeo(dir, problems);
  out.media = listMedia(dir);
  return out;
}
