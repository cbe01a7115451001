/**
 * Turning what a spreadsheet cell holds (an Excel date number, a Date, text
 * like "2026年3月5日", a Chinese enumeration label, a formula result) into
 * the text the data contract expects. Anything not recognised is passed on
 * unchanged, so the schema's own message reports it.
 *
 * Plain TypeScript: no Astro runtime, no file system.
 */
import type { ColumnInfo } from './columns.ts';

const DAY_MS = 86_400_000;
/** Excel's day 0 for the 1900 date system, allowing for its 1900-02-29 bug. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** An Excel date number (1900 system: 46096 → 2026-03-15) as YYYY-MM-DD; undefined when out of range. */
export function excelSerialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  return isoDate(new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS));
}

/** YYYY-MM-DD as an Excel date number. */
export function dateToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS);
}

/** "2026/3/5", "2026.3.5", "2026年3月5日", "20260305" → "2026-03-05"; undefined when not a date shape. */
export function normaliseDateText(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s+0{1,2}:0{2}(?::0{2})?)?$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return undefined;
}

/** "2026/3", "2026.03", "2026年3月", "202603" → "2026-03"; undefined when not a month shape. */
export function normaliseMonthText(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}`;
  m = /^(\d{4})(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]}`;
  return undefined;
}

/** A number as plain text without binary floating-point noise (0.30000000000000004 → 0.3). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Number(n.toPrecision(15)));
  if (!/e/i.test(s)) return s;
  // Very small or large numbers: avoid exponent notation where the schema allows plain digits.
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, '');
}

/** The plain value of an exceljs cell value (formula result, rich text, hyperlink text…). */
export function plainValue(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return plainValue(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('text' in o) return plainValue(o.text);
    if ('error' in o) return String(o.error);
    if ('sharedFormula' in o || 'formula' in o) return null;
  }
  return String(v);
}

/** An enumeration cell: the value itself, any case, its Chinese label, or "label（value）". */
function enumValue(s: string, col: ColumnInfo): string {
  const e = col.enumeration!;
  if (e.values.includes(s)) return s;
  const lower = s.toLowerCase();
  const byValue = e.values.find((v) => v.toLowerCase() === lower);
  if (byValue) return byValue;
  const paren = /^(.*?)\s*[（(]\s*(.*?)\s*[)）]$/.exec(s);
  for (const [v, label] of Object.entries(e.labels)) {
    if (s === label || s === label.replace(/类$/, '') || (paren && (paren[1] === label || paren[2] === v))) return v;
  }
  return s;
}

/** The contract text of one cell of column `col`; '' for an empty cell. */
export function cellText(raw: unknown, col: ColumnInfo): string {
  const v = plainValue(raw);
  if (v === null) return '';
  if (v instanceof Date) {
    const d = isoDate(v);
    return col.kind === 'month' ? d.slice(0, 7) : d;
  }
  if (typeof v === 'number') {
    if (col.kind === 'date' || col.kind === 'dateOrMonth') return excelSerialToDate(v) ?? numberText(v);
    if (col.kind === 'month')
      return normaliseMonthText(String(v)) ?? excelSerialToDate(v)?.slice(0, 7) ?? numberText(v);
    return numberText(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const s = v.replace(/\r\n?/g, '\n').trim();
  if (s === '') return '';
  switch (col.kind) {
    case 'date':
      if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToDate(Number(s)) ?? s;
      return normaliseDateText(s) ?? s;
    case 'month':
      return normaliseMonthText(s) ?? s;
    case 'dateOrMonth':
      if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToDate(Number(s)) ?? s;
      return normaliseDateText(s) ?? normaliseMonthText(s) ?? s;
    case 'enum':
      return enumValue(s, col);
    case 'number':
      return s.replace(/^(-?[\d,]+(\.\d+)?)$/, (m) => m.replace(/,/g, ''));
    default:
      return s;
  }
}
