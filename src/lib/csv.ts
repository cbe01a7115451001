/**
 * CSV reading for office spreadsheets: encoding detection and an RFC 4180
 * parser that remembers where every record starts, so a validation message
 * can name the line and column a clerk sees in a text editor.
 *
 * Why the project keeps its own reader instead of a CSV package: positions
 * are the point. Every message of the data check names the line and
 * character column where a clerk fixes the fault, so the reader keeps, for
 * each record, the line it starts on (a quoted cell may run over several
 * lines) and the column of each cell; it reports an unbalanced quote where
 * the quoted cell opened; and it locates a byte that is invalid in the
 * file's encoding by line, column and cell before the text is decoded,
 * after telling UTF-8 from GB18030 (what Chinese Excel saves) by itself.
 * Quoting and escaping are the easy part of RFC 4180; the positions kept
 * around them are what a general-purpose parser does not hand back in this
 * form.
 *
 * Plain TypeScript: no Astro imports.
 */

export type Encoding = 'utf-8' | 'gb18030';

/** A byte that is not valid in the encoding the file was read in: where a text editor shows it. */
export interface InvalidByte {
  /** 1-based line. */
  line: number;
  /** 1-based character column in the line (the bad byte counts as one character). */
  column: number;
  /** 1-based cell number in the line (commas outside quotes before it, plus one). */
  cell: number;
  /** The byte, e.g. 0xFF. */
  byte: number;
}

/**
 * Scan bytes as UTF-8: the offsets of bytes that do not belong to a valid
 * sequence (overlong forms and surrogates included), and how many valid
 * multi-byte characters there are.
 */
export function scanUtf8(b: Uint8Array): { invalid: number[]; multibyte: number } {
  const invalid: number[] = [];
  let multibyte = 0;
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (x >= 0xc2 && x <= 0xdf) ((need = 1), (min = 0x80));
    else if (x >= 0xe0 && x <= 0xef) ((need = 2), (min = 0x800));
    else if (x >= 0xf0 && x <= 0xf4) ((need = 3), (min = 0x10000));
    let ok = need > 0 && i + need < b.length;
    let cp = need === 1 ? x & 0x1f : need === 2 ? x & 0x0f : x & 0x07;
    for (let k = 1; ok && k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || (y & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (y & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid.push(i);
      i++;
    }
  }
  return { invalid, multibyte };
}

/** Line, column and cell of a byte offset in a file decoded as UTF-8. */
function locate(body: Uint8Array, offset: number): InvalidByte {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (body[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(body.subarray(lineStart, offset));
  let cell = 1;
  let quoted = false;
  for (const ch of prefix) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) cell++;
  }
  return { line, column: [...prefix].length + 1, cell, byte: body[offset]! };
}

/**
 * Decode a CSV (or YAML, Markdown) file without being told its encoding.
 *
 * - Valid UTF-8 (with or without BOM) is UTF-8.
 * - A file with a BOM, or whose non-ASCII text is mostly valid UTF-8, is
 *   UTF-8 with a few bad bytes (a truncated copy, one character typed in
 *   another program): it is decoded as UTF-8 and every bad byte is listed
 *   with its line and column, so the check fails where the fault is rather
 *   than garbling the whole file as GB18030.
 * - Otherwise a file that decodes cleanly as GB18030 (a superset of GBK and
 *   GB2312, what Chinese Excel writes) is GB18030: text in GBK almost never
 *   forms valid UTF-8 sequences.
 * - A file that is neither is read as UTF-8 with its bad bytes listed.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding; invalid: InvalidByte[] } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bytes.subarray(bom ? 3 : 0);
  const { invalid, multibyte } = scanUtf8(body);
  const asUtf8 = () => ({
    text: new TextDecoder('utf-8').decode(body),
    encoding: 'utf-8' as const,
    invalid: invalid.map((o) => locate(body, o)),
  });
  if (invalid.length === 0 || bom || multibyte >= invalid.length) return asUtf8();
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030', invalid: [] };
  } catch {
    return asUtf8();
  }
}

/** What to tell a clerk about the first bad bytes of a file (at most `limit`). */
export function invalidByteMessages(
  invalid: readonly InvalidByte[],
  limit = 5,
): { line: number; column: number; cell: number; zh: string; en: string }[] {
  return invalid.slice(0, limit).map((b) => {
    const hex = `0x${b.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      line: b.line,
      column: b.column,
      cell: b.cell,
      zh: `文件按 UTF-8 编码读取，第 ${b.line} 行第 ${b.column} 个字符处的字节 ${hex} 不是有效的 UTF-8${invalid.length > limit && b === invalid[limit - 1] ? `（共 ${invalid.length} 处，只列出前 ${limit} 处）` : ''}：请用“UTF-8”或“GB18030/GBK”重新保存整个文件`,
      en: `read as UTF-8: the byte ${hex} at line ${b.line}, character ${b.column} is not valid UTF-8${invalid.length > limit && b === invalid[limit - 1] ? ` (${invalid.length} in all, the first ${limit} listed)` : ''}; expected the whole file saved as UTF-8 or GB18030/GBK`,
    };
  });
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
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
  opts: { safe?: boolean } = {},
): string {
  const cell = opts.safe ? (v: unknown) => csvCell(spreadsheetSafe(v)) : csvCell;
  let out = header.map(cell).join(',') + '\r\n';
  for (const row of rows) out += row.map(cell).join(',') + '\r\n';
  return out;
}
