/**
 * Office spreadsheets as plain sheets of cells, and a sheet as rows of one
 * table of the data contract: the header row found (a title row above it is
 * tolerated), the table recognised from the header, every data row turned
 * into contract text, and where each value came from (sheet, row, column
 * letter) so a message can point the clerk at the cell.
 */
import ExcelJS from 'exceljs';
import { decodeText, invalidByteMessages, parseCsv, type Encoding } from '../lib/csv.ts';
import { TABLES, type TableName } from '../schemas/tables.ts';
import { columnLetter, columnsOf, recogniseHeader, tableOfName, type ColumnInfo } from './columns.ts';
import { cellText, plainValue } from './cells.ts';

export interface SheetRow {
  /** 1-based row number the clerk sees (Excel row, or CSV line). */
  row: number;
  /** Raw cell values, index 0 = column A. */
  cells: unknown[];
}

export interface Sheet {
  name: string;
  /** 'sheet' for a workbook sheet, 'file' for a CSV file: how messages name it. */
  kind: 'sheet' | 'file';
  rows: SheetRow[];
  encoding?: Encoding;
}

/** The sheet names of template sheets that hold no table. */
export const INSTRUCTION_SHEETS = new Set(['填写说明', '说明', 'instructions', 'readme']);

/** Every worksheet of an .xlsx workbook, with its non-empty rows. */
export async function readWorkbook(data: Uint8Array | ArrayBuffer): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const cells: unknown[] = [];
      r.eachCell({ includeEmpty: false }, (c, col) => {
        cells[col - 1] = c.value;
      });
      for (let i = 0; i < cells.length; i++) if (!(i in cells)) cells[i] = null;
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: ws.name, kind: 'sheet', rows });
  });
  return sheets;
}

/** A CSV file (UTF-8 or GB18030/GBK, detected) as one sheet. */
export function readCsvSheet(bytes: Uint8Array, name: string): { sheet: Sheet; errors: string[] } {
  const { text, encoding, invalid } = decodeText(bytes);
  const { records, errors } = parseCsv(text);
  return {
    sheet: { name, kind: 'file', encoding, rows: records.map((r) => ({ row: r.line, cells: r.cells })) },
    errors: [
      ...invalidByteMessages(invalid).map((m) => `第 ${m.line} 行 ${columnLetter(m.cell)} 列：${m.zh}`),
      ...errors.map((e) => `第 ${e.line} 行 ${columnLetter(e.cell)} 列：${e.message.zh}`),
    ],
  };
}

/** How a message names a sheet: 工作表「河长名录」 or 文件「chiefs.csv」. */
export function sheetLabel(s: Pick<Sheet, 'name' | 'kind'>): string {
  return s.kind === 'sheet' ? `工作表「${s.name}」` : `文件「${s.name}」`;
}

const text = (v: unknown) => {
  const p = plainValue(v);
  return p === null ? '' : p instanceof Date ? p.toISOString() : String(p).trim();
};

export interface TableRow {
  /** Contract text by English column name ('' when empty). */
  values: Record<string, string>;
  /** Sheet row number. */
  row: number;
}

export interface SheetTable {
  sheet: Sheet;
  table: TableName;
  headerRow: number;
  /** Columns present, in schema order, with their sheet column letter. */
  columns: (ColumnInfo & { letter: string })[];
  rows: TableRow[];
}

export interface SheetIssue {
  sheet: Sheet;
  row?: number;
  letter?: string;
  zh: string;
}

/**
 * Find the header within the first rows (rows above it, such as a title, are
 * skipped), recognise the table and convert every non-empty data row.
 * Returns undefined with an issue when the sheet is no table.
 */
export function sheetToTable(sheet: Sheet): { table?: SheetTable; issue?: SheetIssue; skipped?: boolean } {
  if (sheet.kind === 'sheet' && INSTRUCTION_SHEETS.has(sheet.name.trim().toLowerCase())) return { skipped: true };
  if (sheet.rows.length === 0) return { skipped: true };
  const hint = tableOfName(sheet.name);
  let found: { index: number; rec: NonNullable<ReturnType<typeof recogniseHeader>> } | undefined;
  let partial: { index: number; rec: NonNullable<ReturnType<typeof recogniseHeader>> } | undefined;
  for (let i = 0; i < Math.min(sheet.rows.length, 10); i++) {
    const rec = recogniseHeader(sheet.rows[i].cells.map(text), hint);
    if (!rec) continue;
    if (rec.missing.length === 0) {
      found = { index: i, rec };
      break;
    }
    partial ??= { index: i, rec };
  }
  if (!found) {
    if (partial) {
      const t = TABLES[partial.rec.table];
      const missing = partial.rec.missing
        .map((n) => `${(t.columns as Record<string, { zh: readonly string[] }>)[n].zh[0]}（${n}）`)
        .join('、');
      return {
        issue: {
          sheet,
          row: sheet.rows[partial.index].row,
          zh: `按表头应为「${t.title}」，但缺少必需的列：${missing}`,
        },
      };
    }
    return {
      issue: {
        sheet,
        row: sheet.rows[0].row,
        zh: '无法识别是哪一张表：前 10 行中没有找到与任何数据表相符的表头（请使用模板中的中文表头，表头行之上最多保留标题行）',
      },
    };
  }
  const { index, rec } = found;
  const table = TABLES[rec.table];
  const byName = new Map<string, number>();
  rec.names.forEach((n, i) => n && byName.set(n, i));
  const columns = columnsOf(table)
    .filter((c) => byName.has(c.name))
    .map((c) => ({ ...c, letter: columnLetter(byName.get(c.name)! + 1) }));
  const rows: TableRow[] = [];
  for (const r of sheet.rows.slice(index + 1)) {
    const values: Record<string, string> = {};
    let any = false;
    for (const c of columns) {
      const v = cellText(r.cells[byName.get(c.name)!], c);
      values[c.name] = v;
      if (v !== '') any = true;
    }
    if (any) rows.push({ values, row: r.row });
  }
  return { table: { sheet, table: rec.table, headerRow: sheet.rows[index].row, columns, rows } };
}
