/**
 * Reading office CSV files: encodings (UTF-8 with or without BOM, GB18030 as
 * Chinese Excel saves it), RFC 4180 quoting with the line of each record,
 * unbalanced quotes, Chinese header aliases and detection-limit values.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { csvCell, decodeText, invalidByteMessages, parseCsv, toCsv } from '../../src/lib/csv.ts';
import { parseMeasurement, formatMeasurement } from '../../src/lib/measurement.ts';
import { loadDataFolder } from '../../src/loader/index.ts';
import { TABLES } from '../../src/schemas/tables.ts';
import {
  cleanupTemp,
  listFiles,
  makeFixture,
  tableOfFile,
  toChineseGb18030,
  VALID,
  withChineseHeaders,
} from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

const WATERS = readFileSync(join(VALID, 'waters.csv'), 'utf8');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(utf8(WATERS))).toEqual({ text: WATERS, encoding: 'utf-8', invalid: [] });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const r = decodeText(concat(BOM, utf8(WATERS)));
    expect(r).toEqual({ text: WATERS, encoding: 'utf-8', invalid: [] });
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads GB18030 (what Chinese Excel writes) to the same text', () => {
    const bytes = new Uint8Array(iconv.encode(WATERS, 'gb18030'));
    expect(Buffer.from(bytes).equals(Buffer.from(WATERS, 'utf8'))).toBe(false);
    expect(decodeText(bytes)).toEqual({ text: WATERS, encoding: 'gb18030', invalid: [] });
  });

  it('reads GBK text and short Chinese headers', () => {
    const text = '编码,名称,类型\r\nheyuan-he,禾源河,river\r\n';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual({ text, encoding: 'gb18030', invalid: [] });
    expect(decodeText(new Uint8Array(iconv.encode('名称', 'gb18030'))).text).toBe('名称');
  });

  it('reads characters outside GBK that GB18030 encodes in four bytes', () => {
    const text = 'id,name\nx,𠀀河€\n';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gb18030'))).text).toBe(text);
  });

  it('reads every file of the valid fixture the same in UTF-8, UTF-8 with BOM and GB18030', () => {
    for (const f of listFiles(VALID).filter((x) => x.endsWith('.csv'))) {
      const text = readFileSync(join(VALID, f), 'utf8');
      expect(decodeText(utf8(text)).text, f).toBe(text);
      expect(decodeText(concat(BOM, utf8(text))).text, f).toBe(text);
      expect(decodeText(new Uint8Array(iconv.encode(text, 'gb18030'))).text, f).toBe(text);
    }
  });
});

describe('a file that is UTF-8 but for a few bytes', () => {
  const lines = WATERS.split('\n');
  it('one invalid byte at the end of a UTF-8 file is reported there; the text stays UTF-8, not garbled GB18030', () => {
    const bytes = concat(utf8(WATERS), new Uint8Array([0xff]));
    const r = decodeText(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text.startsWith(WATERS)).toBe(true);
    expect(r.invalid).toEqual([{ line: lines.length, column: 1, cell: 1, byte: 0xff }]);
  });
  it('a bad byte inside a line: its line, character column and cell', () => {
    const text = 'id,name,kind\nqingxi-he,清溪\u0000河,river\n';
    const bytes = utf8(text);
    bytes[bytes.indexOf(0)] = 0xc0; // an overlong lead byte, never valid UTF-8
    const r = decodeText(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.invalid).toEqual([{ line: 2, column: 13, cell: 2, byte: 0xc0 }]);
    const [m] = invalidByteMessages(r.invalid);
    expect(m!.zh).toContain('按 UTF-8 编码读取，第 2 行第 13 个字符处的字节 0xC0');
    expect(m!.en).toContain('read as UTF-8');
  });
  it('a GB18030 file with one valid UTF-8 sequence by chance is still GB18030', () => {
    const gb = new Uint8Array(iconv.encode(WATERS, 'gb18030'));
    const r = decodeText(concat(gb, utf8('é')));
    expect(r.encoding).toBe('gb18030');
    expect(r.text.startsWith(WATERS)).toBe(true);
  });
  it('a file with a BOM is UTF-8 whatever follows', () => {
    const r = decodeText(concat(BOM, new Uint8Array(iconv.encode('名称', 'gbk'))));
    expect(r.encoding).toBe('utf-8');
    expect(r.invalid.length).toBeGreaterThan(0);
  });
  it('bytes neither UTF-8 nor GB18030 are listed as UTF-8 errors, at most five messages', () => {
    const r = decodeText(new Uint8Array([0x61, 0x2c, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0a]));
    expect(r.encoding).toBe('utf-8');
    expect(r.invalid).toHaveLength(6);
    const ms = invalidByteMessages(r.invalid);
    expect(ms).toHaveLength(5);
    expect(ms[4]!.zh).toContain('共 6 处');
  });
  it('the folder check names the file, line and column of the bad byte', () => {
    const dir = makeFixture();
    writeFileSync(
      join(dir, 'waters.csv'),
      concat(utf8(readFileSync(join(dir, 'waters.csv'), 'utf8')), new Uint8Array([0xff])),
    );
    const p = loadDataFolder(dir).problems.find((x) => x.zh.includes('UTF-8'));
    expect(p).toMatchObject({ file: 'waters.csv', column: 1 });
  });
});

describe('parseCsv', () => {
  it('splits plain records and remembers each line and cell column', () => {
    const { records, errors } = parseCsv('a,b,c\n1,22,333\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'], columns: [1, 3, 5] },
      { line: 2, cells: ['1', '22', '333'], columns: [1, 3, 6] },
    ]);
  });

  it('keeps commas, newlines and "" escapes inside quoted cells, and the start line of their record', () => {
    const text = ['id,note,by', 'a,"one, two",x', 'b,"line 1', 'line 2, still ""quoted""",y', 'c,"",z', ''].join('\n');
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(records[1]!.cells).toEqual(['a', 'one, two', 'x']);
    expect(records[2]!.cells).toEqual(['b', 'line 1\nline 2, still "quoted"', 'y']);
    expect(records[3]!.cells).toEqual(['c', '', 'z']);
  });

  it('handles CRLF line ends, inside and outside quotes', () => {
    const text = 'id,note\r\na,"x\r\ny"\r\nb,z\r\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'note']],
      [2, ['a', 'x\r\ny']],
      [4, ['b', 'z']],
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const { records } = parseCsv('a,b\n\n1,2\n\n\n3,4');
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [6, ['3', '4']],
    ]);
  });

  it('keeps empty cells, including trailing ones', () => {
    expect(parseCsv('a,,c,\n').records[0]!.cells).toEqual(['a', '', 'c', '']);
  });

  it('reports an unbalanced quote at the line and column where it opens', () => {
    const text = [
      'case,date,status,note,by',
      'c1,2026-01-01,reported,ok,x',
      'c1,2026-01-02,assigned,"never closed,x',
      'c1,2026-01-03,rectifying,more,x',
      '',
    ].join('\n');
    const { records, errors } = parseCsv(text);
    expect(errors).toHaveLength(1);
    // `c1,2026-01-02,assigned,` is 23 characters: the quote is character 24, in the 4th cell
    expect(errors[0]).toMatchObject({ line: 3, column: 24, cell: 4 });
    expect(errors[0]!.message.zh).toMatch(/引号/);
    expect(errors[0]!.message.en).toMatch(/quote/);
    // records before the broken one are kept; nothing after it is guessed
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('reports an unbalanced quote after a multi-line cell at its own line', () => {
    const text = 'a,b\n"x\ny",1\n2,"open\n3,4\n';
    const { errors } = parseCsv(text);
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 3, cell: 2 })]);
  });

  it('reports text after a closing quote and a quote inside an unquoted cell', () => {
    const junk = parseCsv('a,b\n"x"y,1\n');
    expect(junk.errors).toEqual([expect.objectContaining({ line: 2, column: 4, cell: 1 })]);
    const inner = parseCsv('a,b\n1,ab"c\n');
    expect(inner.errors).toEqual([expect.objectContaining({ line: 2, column: 5, cell: 2 })]);
  });

  it('counts columns in characters, not bytes, for Chinese text', () => {
    const { records } = parseCsv('编码,名称,类型\n');
    expect(records[0]!.columns).toEqual([1, 4, 7]);
  });

  it('round-trips what toCsv writes', () => {
    const rows = [
      ['a', 'one, two', 'say "hi"'],
      ['b', 'line 1\nline 2', ''],
    ];
    const text = toCsv(['id', 'x', 'y'], rows);
    expect(parseCsv(text).records.map((r) => r.cells)).toEqual([['id', 'x', 'y'], ...rows]);
    expect(csvCell(null)).toBe('');
  });
});

describe('Chinese headers', () => {
  it('map waters.csv to the same rows as English headers', () => {
    const dir = makeFixture();
    const english = loadDataFolder(dir).folder.waters;
    const zh = withChineseHeaders(WATERS, 'waters');
    expect(zh.split('\n')[0]).toBe(
      '编码,名称,类型,汇入水体编码,管理级别,流经区划,长度,面积,水质目标,一河一策文件编号,简介',
    );
    writeFileSync(join(dir, 'waters.csv'), zh);
    const { folder, problems } = loadDataFolder(dir);
    expect(problems).toEqual([]);
    expect(folder.waters.map((r) => [r.line, r.data])).toEqual(english.map((r) => [r.line, r.data]));
  });

  it('accept every alias and a mix of English and Chinese names', () => {
    const dir = makeFixture();
    const english = loadDataFolder(dir).folder.chiefs;
    const lines = readFileSync(join(dir, 'chiefs.csv'), 'utf8').split('\n');
    lines[0] = '河长编码,姓名,position,区划代码,联系电话,核实日期';
    writeFileSync(join(dir, 'chiefs.csv'), lines.join('\n'));
    const { folder, problems } = loadDataFolder(dir);
    expect(problems).toEqual([]);
    expect(folder.chiefs.map((r) => r.data)).toEqual(english.map((r) => r.data));
  });

  it('in GB18030 give the same folder as the UTF-8 original, file by file', () => {
    const original = loadDataFolder(VALID).folder;
    const dir = makeFixture();
    const converted = toChineseGb18030(dir);
    expect(converted.length).toBe(listFiles(VALID).filter((f) => f.endsWith('.csv')).length);
    const { folder, problems } = loadDataFolder(dir);
    expect(problems).toEqual([]);
    for (const f of converted) expect(folder.encodings[f], f).toBe('gb18030');
    for (const t of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      expect(
        folder[t].map((r) => [r.file, r.line, r.data]),
        t,
      ).toEqual(original[t].map((r) => [r.file, r.line, r.data]));
    }
    expect(tableOfFile('readings/2026.csv')).toBe('readings');
  });
});

describe('detection limits', () => {
  it('keep 0.004L as a value with belowLimit', () => {
    expect(parseMeasurement('0.004L')).toEqual({ value: 0.004, belowLimit: true });
    expect(parseMeasurement('0.004l')).toEqual({ value: 0.004, belowLimit: true });
    expect(parseMeasurement(' 0.004L ')).toEqual({ value: 0.004, belowLimit: true });
    expect(parseMeasurement('0.004')).toEqual({ value: 0.004, belowLimit: false });
    expect(formatMeasurement({ value: 0.004, belowLimit: true })).toBe('0.004L');
  });

  it('reject values that are not numbers', () => {
    for (const bad of ['L', '<0.004', '0.004mg', 'ND', '0,004', '—']) expect(parseMeasurement(bad), bad).toBeNull();
  });

  it('are read from a readings file as {value, belowLimit}', () => {
    const { folder } = loadDataFolder(VALID);
    for (const r of folder.readings) expect(r.data.cr6).toEqual({ value: 0.004, belowLimit: true });
    expect(
      folder.readings.find((r) => r.data.date === '2026-08-12' && r.data.station === 'heyuan-chujing')!.data.cu,
    ).toEqual({ value: 0.002, belowLimit: false });
  });
});
