/**
 * Reports as rows of the ledger (cases.csv), for a clerk to turn into
 * cases: a workbook whose 问题台账 sheet is the clerks' template sheet
 * (src/office/template.ts, so the headers, notes and drop-downs are exactly
 * what `npm run import` reads), one row per report with what a report can
 * say — report_ref, title, water, found, source, category, description —
 * and the cells only the office can fill (id, region, responsible,
 * deadline …) left empty and marked. Name, phone and the browser's
 * coordinates are never written: the ledger is published.
 */
import type ExcelJS from 'exceljs';
import { CATEGORY_LABEL, UNKNOWN_WATER } from '../lib/report.ts';
import type { CaseCategory } from '../lib/enums.ts';
import { columnsOf } from '../office/columns.ts';
import { buildTemplate } from '../office/template.ts';
import { SHORT_TEXT_MAX } from '../schemas/fields.ts';
import { TABLES } from '../schemas/tables.ts';
import type { StoredReport } from './store.ts';

export const CASES_SHEET = TABLES.cases.title;
export const NOTES_SHEET = '说明';

/** The name of the water as the form sent it, without the townships the list adds: 清溪河（青山镇、白沙镇） → 清溪河. */
export const waterLabel = (r: Pick<StoredReport, 'water_name'>): string =>
  (r.water_name ?? '').replace(/\s*[（(][^（()）]*[)）]\s*$/, '').trim();

/** A first title for the case, for the clerk to edit: 水体污染：清溪河，青石桥下游约100米左岸. */
export function caseTitle(r: StoredReport): string {
  const label = CATEGORY_LABEL[r.category as CaseCategory] ?? r.category;
  const water = waterLabel(r);
  const title = `${label}：${water ? `${water}，` : ''}${r.place}`;
  return title.length > SHORT_TEXT_MAX ? `${title.slice(0, SHORT_TEXT_MAX - 1)}…` : title;
}

/** The description: where, then what the person saw; a water not chosen from the list is named as typed. */
export function caseDescription(r: StoredReport): string {
  const parts: string[] = [];
  if (r.water === UNKNOWN_WATER && waterLabel(r)) parts.push(`河湖：${waterLabel(r)}（反映人填写）。`);
  parts.push(`位置：${r.place}。`);
  parts.push(r.description);
  return parts.join('');
}

/** One report as a cases.csv row (contract text by column name; '' = for the clerk). */
export function caseRow(r: StoredReport): Record<string, string> {
  const row: Record<string, string> = Object.fromEntries(columnsOf(TABLES.cases).map((c) => [c.name, '']));
  return {
    ...row,
    title: caseTitle(r),
    water: r.water === UNKNOWN_WATER ? '' : r.water,
    found: r.seen_date,
    source: 'report',
    category: r.category,
    description: caseDescription(r),
    report_ref: r.ref,
  };
}

export interface ExportOptions {
  /** Rows of the data folder's cases.csv, put before the reports (so importing the sheet keeps them). */
  existing?: Record<string, string>[];
  /** The data folder they came from, named in the notes. */
  existingFrom?: string;
  /** How the next export takes up after this one, for the notes. */
  nextCommand?: string;
}

/** Fill of the header of a required column in the template: the same marks the cells to fill. */
const TO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE9A8' } };

/** The workbook of an export: the 问题台账 sheet, then the notes. */
export function exportWorkbook(reports: readonly StoredReport[], opts: ExportOptions = {}): ExcelJS.Workbook {
  const existing = opts.existing ?? [];
  const wb = buildTemplate({ data: { cases: [...existing, ...reports.map(caseRow)] } });
  for (const ws of [...wb.worksheets]) if (ws.name !== CASES_SHEET) wb.removeWorksheet(ws.id);
  const sheet = wb.getWorksheet(CASES_SHEET)!;
  const cols = columnsOf(TABLES.cases);
  const first = existing.length + 2;
  const last = first + reports.length - 1;
  for (let r = first; r <= last; r++) {
    const row = sheet.getRow(r);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (!c.def.optional && (cell.value === null || cell.value === '')) cell.fill = TO_FILL;
    });
  }

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 110 }];
  const range = reports.length ? `${reports[0]!.ref} 至 ${reports.at(-1)!.ref}` : '';
  const lines = [
    `群众反映导出：${reports.length} 条（${range}）`,
    '',
    existing.length
      ? `“${CASES_SHEET}”第 2—${first - 1} 行是${opts.existingFrom ? ` ${opts.existingFrom} 中` : ''}现有的问题台账，第 ${first}—${last} 行是新的反映。`
      : `“${CASES_SHEET}”每行是一条新的反映（第 ${first}—${last} 行）。`,
    '已填写：问题、水体编码、发现日期、来源（群众举报）、类别、描述、举报受理编号。',
    '请补填黄色的必填格：问题编号、区划代码、责任单位、整改时限（反映人不知道河湖名称时还有水体编码）。',
    '“问题”和“描述”会在网站上公开：请核对，删去其中可能有的个人信息（如他人的姓名、电话、门牌号）。',
    '姓名和电话不在本表中，也不会进入网站：需要联系反映人时，请管理员运行 npm run reports -- show 受理编号。',
    '',
    existing.length
      ? '导入：npm run import -- 本文件.xlsx 。导入会用本表替换整个问题台账，本表已包含现有问题。'
      : '导入会用表中的行替换整个问题台账：请把这些行复制到现有数据（npm run template -- --with-data 生成）的“问题台账”末尾再导入，或导出时加 --with-data 数据文件夹。',
    ...(opts.nextCommand ? ['', `下次只导出此后收到的反映：${opts.nextCommand}`] : []),
  ];
  for (const l of lines) notes.addRow([l]);
  notes.getRow(1).font = { bold: true, size: 14 };
  return wb;
}
