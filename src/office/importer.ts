/**
 * Importing office sheets into a data folder. Every recognised sheet becomes
 * the contract's CSV file of its table (readings: one file per year,
 * readings/<year>.csv). The new files are first written into a temporary copy
 * of the data folder, which is loaded and cross-checked with the same loader
 * as the build; only when the copy has no problem at all are the real files
 * replaced. Every problem is mapped back to sheet, row and column letter.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runsAsFormula, toCsv } from '../lib/csv.ts';
import { loadDataFolder } from '../loader/index.ts';
import type { Problem } from '../loader/problems.ts';
import { TABLES, type TableName } from '../schemas/tables.ts';
import type { TableDef } from '../schemas/table.ts';
import { columnsOf } from './columns.ts';
import { sheetLabel, sheetToTable, type Sheet, type SheetTable } from './sheets.ts';

export interface ImportProblem {
  /** 工作表「河长名录」 / 文件「x.csv」, or the data file for problems outside the import. */
  where: string;
  row?: number;
  letter?: string;
  /** Chinese column header. */
  field?: string;
  value?: string;
  key?: string;
  zh: string;
  en?: string;
}

export interface ImportedFile {
  file: string;
  table: TableName;
  rows: number;
  from: string[];
}

export interface ImportResult {
  files: ImportedFile[];
  problems: ImportProblem[];
  /** True when the data folder was changed. */
  written: boolean;
  skipped: string[];
}

interface Pending {
  file: string;
  table: TableName;
  header: string[];
  rows: string[][];
  /** Per CSV line (index 0 = line 2): the sheet row it came from. */
  origin: { st: SheetTable; row: number }[];
  sources: SheetTable[];
}

/** One problem as a line a clerk can act on. */
export function formatImportProblem(p: ImportProblem): string {
  const at = `${p.where}${p.row ? `第 ${p.row} 行` : ''}${p.letter ? ` ${p.letter} 列` : ''}`;
  const field = p.field ? ` [${p.field}]` : '';
  const key = p.key ? `（${p.key}）` : '';
  const value = p.value !== undefined && p.value !== '' ? ` 值“${p.value}”` : '';
  return `${at}${field}${key}${value}：${p.zh}`;
}

function zhHeader(table: TableName, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const col = (TABLES[table].columns as TableDef['columns'])[name];
  return col ? col.zh[0] : name;
}

/** Group recognised sheets into the files they will become. */
function plan(tables: SheetTable[], problems: ImportProblem[]): Pending[] {
  const out = new Map<string, Pending>();
  const firstSheet = new Map<TableName, SheetTable>();
  for (const st of tables) {
    const t = TABLES[st.table] as TableDef;
    if (st.table !== 'readings') {
      const prev = firstSheet.get(st.table);
      if (prev) {
        problems.push({
          where: sheetLabel(st.sheet),
          row: st.headerRow,
          zh: `与${sheetLabel(prev.sheet)}是同一张表「${t.title}」：每张表只能有一个工作表`,
        });
        continue;
      }
      firstSheet.set(st.table, st);
    }
    const all = columnsOf(t);
    for (const r of st.rows) {
      let file = t.file;
      if (st.table === 'readings') {
        const y = /^(\d{4})/.exec(r.values.date ?? '')?.[1] ?? 'unknown';
        file = `readings/${y}.csv`;
      }
      let p = out.get(file);
      if (!p) {
        p = { file, table: st.table, header: [], rows: [], origin: [], sources: [] };
        out.set(file, p);
      }
      if (!p.sources.includes(st)) p.sources.push(st);
      p.origin.push({ st, row: r.row });
      p.rows.push(all.map((c) => r.values[c.name] ?? ''));
    }
  }
  // Columns: every column of the table, except reading items no sheet has.
  for (const p of out.values()) {
    const all = columnsOf(TABLES[p.table] as TableDef);
    const keep = all.map((c, i) => !c.def.optional || p.table !== 'readings' || p.rows.some((r) => r[i] !== ''));
    p.header = all.filter((_, i) => keep[i]).map((c) => c.name);
    p.rows = p.rows.map((r) => r.filter((_, i) => keep[i]));
  }
  return [...out.values()];
}

function csvText(p: Pending): string {
  return toCsv(p.header, p.rows).replace(/\r\n/g, '\n');
}

/**
 * A temporary copy of the data folder. Photos are hard-linked where the
 * file system allows (no copy of a large media/), else copied; a symbolic
 * link is copied as a link, so the check of the copy refuses it as the
 * build would refuse the original.
 */
function copyFolder(dataDir: string): string {
  const tmp = mkdtempSync(join(tmpdir(), 'river-import-'));
  for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    if (name === 'media') copyMedia(join(dataDir, 'media'), join(tmp, 'media'));
    else cpSync(join(dataDir, name), join(tmp, name), { recursive: true });
  }
  return tmp;
}

function copyMedia(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isSymbolicLink()) return symlinkSync(readlinkSync(from), to);
  if (!st.isDirectory()) {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
    return;
  }
  mkdirSync(to);
  for (const name of readdirSync(from)) copyMedia(join(from, name), join(to, name));
}

function mapProblem(p: Problem, pending: Map<string, Pending>): ImportProblem {
  const pd = pending.get(p.file);
  if (!pd) {
    return {
      where: `数据文件 ${p.file} `,
      row: p.line,
      letter: undefined,
      field: p.field,
      value: p.value,
      key: p.key,
      zh: `${p.zh}（导入的数据与此现有文件不一致，或此文件本身有误）`,
      en: p.en,
    };
  }
  const field = zhHeader(pd.table, p.field);
  if (p.line && p.line >= 2 && pd.origin[p.line - 2]) {
    const { st, row } = pd.origin[p.line - 2];
    const letter = st.columns.find((c) => c.name === p.field)?.letter;
    const missingColumn = p.field && !letter && st.columns.every((c) => c.name !== p.field);
    const col = st.columns.find((c) => c.name === p.field);
    let zh = missingColumn ? `${p.zh}（工作表中没有“${field}”这一列）` : p.zh;
    if (col?.kind === 'enum' && p.value) zh += `（可填：${Object.values(col.enumeration!.labels).join('、')}）`;
    return { where: sheetLabel(st.sheet), row, letter, field, value: p.value, key: p.key, zh, en: p.en };
  }
  const st = pd.sources[0];
  return { where: sheetLabel(st.sheet), row: st.headerRow, field, value: p.value, key: p.key, zh: p.zh, en: p.en };
}

const ORDER = Object.keys(TABLES);

/** Digits, spaces and + - ( ): a phone number or a signed number, which no spreadsheet runs. */
const PHONE_OR_NUMBER = /^[+\-]?[\d\s().+\-]+$/;

/**
 * Text cells that a spreadsheet would run as a formula (=HYPERLINK(…),
 * @SUM(…), a leading tab …): refused, each at its cell. Published as they
 * are, they would run in the spreadsheet of whoever opens the open data;
 * and text that starts so is almost always a pasted formula, not data.
 * (A cell that holds a real formula is imported as its computed value.)
 */
function formulaCells(tables: SheetTable[]): ImportProblem[] {
  const out: ImportProblem[] = [];
  for (const st of tables) {
    for (const r of st.rows) {
      for (const c of st.columns) {
        const v = r.values[c.name] ?? '';
        if (!runsAsFormula(v) || PHONE_OR_NUMBER.test(v)) continue;
        out.push({
          where: sheetLabel(st.sheet),
          row: r.row,
          letter: c.letter,
          field: zhHeader(st.table, c.name),
          value: v.length > 60 ? `${v.slice(0, 60)}…` : v,
          zh: '以 = + - @ 或制表符开头，表格软件打开公开数据时会把它当作公式运行：请删去开头的符号，或改写这段文字',
          en: 'starts with = + - @ or a tab, which a spreadsheet runs as a formula: remove the leading sign or reword the text',
        });
      }
    }
  }
  return out;
}

/**
 * Import sheets into `dataDir`. With `dryRun`, only check. `extraIssues`
 * (e.g. CSV syntax errors) make the import fail as well.
 */
export function importSheets(sheets: Sheet[], dataDir: string, opts: { dryRun?: boolean } = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const tables: SheetTable[] = [];
  const skipped: string[] = [];
  for (const s of sheets) {
    const r = sheetToTable(s);
    if (r.skipped) skipped.push(sheetLabel(s));
    else if (r.issue)
      problems.push({ where: sheetLabel(r.issue.sheet), row: r.issue.row, letter: r.issue.letter, zh: r.issue.zh });
    else if (r.table && r.table.rows.length === 0) skipped.push(`${sheetLabel(s)}（没有数据行）`);
    else if (r.table) tables.push(r.table);
  }
  tables.sort((a, b) => ORDER.indexOf(a.table) - ORDER.indexOf(b.table));
  problems.push(...formulaCells(tables));
  const pending = plan(tables, problems);
  const files: ImportedFile[] = pending.map((p) => ({
    file: p.file,
    table: p.table,
    rows: p.rows.length,
    from: p.sources.map((s) => sheetLabel(s.sheet)),
  }));
  if (pending.length === 0 && problems.length === 0) {
    problems.push({
      where: sheets.length === 1 ? sheetLabel(sheets[0]) : '文件',
      zh: '没有可导入的数据：没有找到带数据行的表',
    });
  }
  if (problems.length) return { files, problems, written: false, skipped };

  const tmp = copyFolder(dataDir);
  try {
    for (const p of pending) {
      mkdirSync(dirname(join(tmp, p.file)), { recursive: true });
      writeFileSync(join(tmp, p.file), csvText(p));
    }
    const byFile = new Map(pending.map((p) => [p.file, p]));
    const { problems: found } = loadDataFolder(tmp);
    for (const p of found) problems.push(mapProblem(p, byFile));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (problems.length || opts.dryRun) return { files, problems, written: false, skipped };

  // Replace each file atomically (write beside it, then rename).
  for (const p of pending) {
    const target = join(dataDir, p.file);
    mkdirSync(dirname(target), { recursive: true });
    const part = `${target}.import-${process.pid}.tmp`;
    writeFileSync(part, csvText(p));
    renameSync(part, target);
  }
  return { files, problems, written: true, skipped };
}
