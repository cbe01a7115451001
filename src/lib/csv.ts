/**
 * CSV reading for office spreadsheets: encoding detection and an RFC 4180
 * parser that remembers where every record starts, so a validation message
 * can name the line and column a clerk sees in a text editor.
 *
 * Plain TypeScript: no Astro imports.
 */

export type Encoding = 'utf-8' | 'gb18030';

/**
 * Decode a CSV file without being told its encoding. UTF-8 (with or without
 * BOM) is tried first with `fatal: true`: GBK/GB18030 text of any length is
 * almost never valid UTF-8, so a decoding failure is a reliable signal to fall
 * back to GB18030 (a superset of GBK and GB2312, what Chinese Excel writes).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
  /** 1-based character column at which each cell starts. */
  columns: number[];
}

export interface CsvSyntaxError {
  line: number;
  /** 1-based character column in the line. */
  column: number;
  /** 1-based number of the cell (the spreadsheet column) in its record. */
  cell: number;
  message: { zh: string; en: string };
}

export interface CsvTable {
  records: CsvRecord[];
  errors: CsvSyntaxError[];
}

/**
 * Parse CSV text (comma separated, `"` quoting, `""` escapes, CRLF or LF).
 * Fully empty lines are skipped. An unbalanced quote is reported at the line
 * and column where the quoted cell opened; parsing then stops, since every
 * later cell would be misread.
 */
export function parseCsv(text: string): CsvTable {
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const recLine = line;
    const cells: string[] = [];
    const columns: number[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      columns.push(col);
      let cell = '';
      if (text[i] === '"') {
        const openLine = line;
        const openCol = col;
        i++;
        col++;
        let closed = false;
        while (i < n) {
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              col += 2;
              continue;
            }
            i++;
            col++;
            closed = true;
            break;
          }
          if (ch === '\n') {
            line++;
            col = 1;
          } else col++;
          cell += ch;
          i++;
        }
        if (!closed) {
          errors.push({
            line: openLine,
            column: openCol,
            cell: columns.length,
            message: {
              zh: '引号不成对：此处开始的带引号单元格没有结束引号',
              en: 'unbalanced quote: the quoted cell that starts here is never closed',
            },
          });
          return { records, errors };
        }
        // Text after a closing quote and before the separator is malformed.
        let junk = '';
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          junk += text[i];
          i++;
          col++;
        }
        if (junk.trim() !== '') {
          errors.push({
            line,
            column: col - junk.length,
            cell: columns.length,
            message: {
              zh: `引号后有多余内容"${junk}"：单元格内的引号应写成两个引号 ""`,
              en: `unexpected text "${junk}" after a closing quote: write a quote inside a cell as ""`,
            },
          });
        }
      } else {
        const startCol = col;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          cell += text[i];
          i++;
          col++;
        }
        if (cell.includes('"')) {
          errors.push({
            line,
            column: startCol + cell.indexOf('"'),
            cell: columns.length,
            message: {
              zh: '未加引号的单元格中出现引号：整个单元格应以引号括起，内部引号写成 ""',
              en: 'a quote inside an unquoted cell: quote the whole cell and write inner quotes as ""',
            },
          });
        }
      }
      cells.push(cell);
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === ',') {
        i++;
        col++;
      } else {
        // \r\n, \n or a lone \r
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        col = 1;
        endOfRecord = true;
      }
    }
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: recLine, cells, columns });
  }
  return { records, errors };
}

/** Quote a cell for CSV output when it needs it. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A plain decimal number, as a spreadsheet reads one ('-1.5', '+3', '2e-3'). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * True when a spreadsheet opening the cell would run it as a formula: it
 * starts with =, +, -, @, a tab or a carriage return, or the full-width
 * ＝ ＋ － ＠ (some spreadsheets fold them), and is not a number
 * (data contract, "More open data").
 */
export function runsAsFormula(value: string): boolean {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) && !NUMBER.test(value);
}

/** A cell a spreadsheet shows as text: a leading ' when it would run as a formula, else unchanged. */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === 'string' && runsAsFormula(value) ? `'${value}` : value;
}

/**
 * Write rows as CSV text with CRLF line ends (what Excel expects). With
 * `safe`, every cell that would run as a formula gets a leading ' (see
 * runsAsFormula): for CSV files the site publishes, which journalists open
 * in a spreadsheet. Data-folder files are written as they are.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, opts: { safe?: boolean } = {}): string {
  const cell = opts.safe ? (v: unknown) => csvCell(spreadsheetSafe(v)) : csvCell;
  let out = header.map(cell).join(',') + '\r\n';
  for (const row of rows) out += row.map(cell).join(',') + '\r\n';
  return out;
}
