/**
 * The clerks' template workbook, generated from the schemas (so it cannot
 * drift from them): an instructions sheet, then one sheet per table with the
 * Chinese headers, a note on each header giving the expected format, drop-down
 * lists of Chinese labels for every enumeration, and date formats on date
 * columns. Optionally pre-filled with the rows of an existing data folder, so
 * a clerk edits the current data rather than retyping it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { decodeText, parseCsv } from '../lib/csv.ts';
import { TABLES, type TableName } from '../schemas/tables.ts';
import type { TableDef } from '../schemas/table.ts';
import { columnLetter, columnsOf, mapHeader, type ColumnInfo } from './columns.ts';

/** Rows of each sheet that carry drop-down lists and date formats. */
export const TEMPLATE_ROWS = 500;
export const INSTRUCTIONS_SHEET = '填写说明';

/** The format line of a column's header note. */
export function formatHint(c: ColumnInfo): string {
  switch (c.kind) {
    case 'date':
      return '格式：日期，如 2026-03-15（可直接输入 Excel 日期）';
    case 'month':
      return '格式：月份，如 2026-03';
    case 'dateOrMonth':
      return '格式：采样日期如 2026-03-15，或月均值的月份如 2026-03';
    case 'enum':
      return `从下拉列表选择：${Object.values(c.enumeration!.labels).join('、')}`;
    case 'number':
      return '格式：数字，不要带单位';
    case 'id':
      return '格式：编码，只能含小写字母、数字和连字符，如 heyuan-he';
    default:
      return '格式：文字';
  }
}

export function headerNote(c: ColumnInfo): string {
  return `${c.def.doc}\n${c.def.optional ? '可留空' : '必填'}\n${formatHint(c)}`;
}

/** Excel list validations take at most 255 characters: the labels, quoted. */
function listFormula(c: ColumnInfo): string {
  return `"${Object.values(c.enumeration!.labels).join(',')}"`;
}

/** Display text of a contract value in the template: enumeration values as Chinese labels. */
function displayValue(c: ColumnInfo, v: string): string | number | Date {
  if (v === '') return '';
  if (c.kind === 'enum') return c.enumeration!.labels[v] ?? v;
  if (c.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  if (c.kind === 'number' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** Rows of a CSV file of a data folder as contract text by English column name. */
export function readTableRows(file: string, table: TableDef): Record<string, string>[] {
  const { records } = parseCsv(decodeText(readFileSync(file)).text);
  if (!records.length) return [];
  const names = mapHeader(table, records[0].cells);
  return records.slice(1).map((r) => {
    const o: Record<string, string> = {};
    names.forEach((n, i) => n && (o[n] = (r.cells[i] ?? '').trim()));
    return o;
  });
}

/** The rows of every table of a data folder (readings: all years), to pre-fill the template. */
export function readDataFolder(dir: string): NonNullable<TemplateOptions['data']> {
  const data: NonNullable<TemplateOptions['data']> = {};
  for (const [key, t] of Object.entries(TABLES) as [TableName, TableDef][]) {
    if (key === 'readings') {
      const base = join(dir, 'readings');
      const files = existsSync(base)
        ? readdirSync(base)
            .filter((f) => f.toLowerCase().endsWith('.csv'))
            .sort()
        : [];
      data[key] = files.flatMap((f) => readTableRows(join(base, f), t));
    } else if (existsSync(join(dir, t.file))) data[key] = readTableRows(join(dir, t.file), t);
  }
  return data;
}

export interface TemplateOptions {
  /** Current rows of each table (contract text by English column name), to pre-fill the sheets. */
  data?: Partial<Record<TableName, Record<string, string>[]>>;
}

function instructions(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 22 }, { width: 20 }, { width: 90 }];
  const lines: string[][] = [
    ['河长制信息公开数据填写模板'],
    [],
    ['怎样填写'],
    ['1', '每个工作表是一张表', '工作表名就是表名，请不要改名、不要改动第一行表头；一行填写一条记录，从第 2 行开始。'],
    ['2', '表头批注', '把鼠标停在表头上可以看到该列的含义、是否必填和填写格式。加粗的表头为必填列。'],
    ['3', '下拉列表', '带下拉箭头的列只能从列表中选择（导入时会自动转换为系统使用的代码）。'],
    ['4', '日期', '日期写成 2026-03-15，或直接输入 Excel 日期；月份写成 2026-03。'],
    [
      '5',
      '编码',
      '编码（水体编码、河长编码等）只能含小写字母、数字和连字符，如 heyuan-he；其他表通过编码引用它，所以编码一经使用请不要改动。',
    ],
    ['6', '多个值', '“流经区划”“照片”等一格多个值时用英文分号 ; 分隔。'],
    ['7', '不填的表', '没有填写数据行的工作表导入时会被跳过，原有数据保持不变。'],
    [
      '8',
      '整表替换',
      '导入时，填写了数据的工作表会替换该表的全部数据（监测数据按年份替换，如 2026 年的全部数据）。请在现有数据基础上修改，而不是只填新增的几行。',
    ],
    [
      '9',
      '导入',
      '保存后交给系统管理员运行：npm run import -- 文件名.xlsx 。有任何错误时不会修改数据，并会逐条列出工作表、行号和列号。',
    ],
    [],
    ['数据表', '工作表名', '说明'],
  ];
  for (const [key, t] of Object.entries(TABLES) as [TableName, TableDef][]) {
    const cols = columnsOf(t)
      .map((c) => `${c.def.zh[0]}${c.def.optional ? '' : '（必填）'}`)
      .join('、');
    lines.push([t.file + (key === 'readings' ? '/<年份>.csv' : ''), t.title, cols]);
  }
  lines.forEach((l) => ws.addRow(l));
  ws.getRow(1).font = { bold: true, size: 16 };
  ws.getRow(3).font = { bold: true };
  ws.getRow(14).font = { bold: true };
  ws.eachRow((r) => (r.alignment = { wrapText: true, vertical: 'top' }));
}

/** Build the template workbook. */
export function buildTemplate(opts: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '河长公开';
  instructions(wb.addWorksheet(INSTRUCTIONS_SHEET));
  for (const [key, t] of Object.entries(TABLES) as [TableName, TableDef][]) {
    const ws = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    const cols = columnsOf(t);
    ws.columns = cols.map((c) => ({
      header: c.def.zh[0],
      key: c.name,
      width: Math.max(10, Math.min(30, c.def.zh[0].length * 2 + 4, c.kind === 'text' ? 24 : 14)),
    }));
    /** exceljs has `dataValidations` on a worksheet but does not declare it. */
    const validations = (
      ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations;
    const header = ws.getRow(1);
    cols.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.note = headerNote(c);
      cell.font = { bold: !c.def.optional, color: { argb: c.def.optional ? 'FF333333' : 'FF000000' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.def.optional ? 'FFEFEFEF' : 'FFFFE9A8' } };
      const letter = columnLetter(i + 1);
      if (c.kind === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
      if (c.kind === 'id' || c.kind === 'text' || c.kind === 'month') ws.getColumn(i + 1).numFmt = '@';
      for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
        if (c.kind === 'enum') {
          validations.add(`${letter}${r}`, {
            type: 'list',
            allowBlank: true,
            formulae: [listFormula(c)],
            showErrorMessage: true,
            errorStyle: 'error',
            errorTitle: c.def.zh[0],
            error: `请从下拉列表中选择：${Object.values(c.enumeration!.labels).join('、')}`,
          });
        } else if (c.kind === 'date') {
          validations.add(`${letter}${r}`, {
            type: 'date',
            operator: 'greaterThan',
            allowBlank: true,
            formulae: [new Date(Date.UTC(1990, 0, 1))],
            showErrorMessage: true,
            errorStyle: 'warning',
            errorTitle: c.def.zh[0],
            error: '请输入日期，如 2026-03-15',
          });
        }
      }
    });
    header.commit?.();
    for (const row of opts.data?.[key] ?? []) {
      ws.addRow(cols.map((c) => displayValue(c, row[c.name] ?? '')));
    }
  }
  return wb;
}
