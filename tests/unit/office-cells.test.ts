import { describe, expect, it } from 'vitest';
import {
  cellText,
  dateToExcelSerial,
  excelSerialToDate,
  normaliseDateText,
  normaliseMonthText,
  numberText,
} from '../../src/office/cells.ts';
import { columnsOf, columnLetter, recogniseHeader, normaliseHeader } from '../../src/office/columns.ts';
import { TABLES } from '../../src/schemas/tables.ts';
import { sheetToTable, type Sheet } from '../../src/office/sheets.ts';

const col = (table: keyof typeof TABLES, name: string) => columnsOf(TABLES[table]).find((c) => c.name === name)!;

describe('Excel dates', () => {
  it('converts date numbers of the 1900 system both ways', () => {
    expect(excelSerialToDate(46096)).toBe('2026-03-15');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(dateToExcelSerial('2026-03-15')).toBe(46096);
    expect(excelSerialToDate(-1)).toBeUndefined();
  });
  it('normalises dates and months written as text', () => {
    expect(normaliseDateText('2026/3/5')).toBe('2026-03-05');
    expect(normaliseDateText('2026年3月5日')).toBe('2026-03-05');
    expect(normaliseDateText('2026.03.05')).toBe('2026-03-05');
    expect(normaliseDateText('20260305')).toBe('2026-03-05');
    expect(normaliseDateText('三月五日')).toBeUndefined();
    expect(normaliseMonthText('2026年3月')).toBe('2026-03');
    expect(normaliseMonthText('2026/03')).toBe('2026-03');
  });
});

describe('cells by column kind', () => {
  it('knows the kinds of columns from the schemas', () => {
    expect(col('chiefs', 'verified').kind).toBe('date');
    expect(col('patrols', 'month').kind).toBe('month');
    expect(col('readings', 'date').kind).toBe('dateOrMonth');
    expect(col('waters', 'kind').kind).toBe('enum');
    expect(col('stations', 'waterbody').enumeration?.values).toEqual(['river', 'lake']);
    expect(col('waters', 'kind').enumeration?.values).toContain('reservoir');
    expect(col('patrols', 'count').kind).toBe('number');
    expect(col('chiefs', 'id').kind).toBe('id');
    expect(col('chiefs', 'name').kind).toBe('text');
  });
  it('turns Excel values into contract text', () => {
    expect(cellText(46096, col('chiefs', 'verified'))).toBe('2026-03-15');
    expect(cellText(new Date(Date.UTC(2026, 2, 15)), col('chiefs', 'verified'))).toBe('2026-03-15');
    expect(cellText(new Date(Date.UTC(2026, 2, 1)), col('patrols', 'month'))).toBe('2026-03');
    expect(cellText('2026/3/15', col('chiefs', 'verified'))).toBe('2026-03-15');
    expect(cellText('2026-13-45', col('chiefs', 'verified'))).toBe('2026-13-45');
    expect(cellText('河流', col('waters', 'kind'))).toBe('river');
    expect(cellText('River', col('waters', 'kind'))).toBe('river');
    expect(cellText('Ⅲ类', col('waters', 'target_class'))).toBe('III');
    expect(cellText('河段长', col('assignments', 'role'))).toBe('segment_chief');
    expect(cellText('大河', col('waters', 'kind'))).toBe('大河');
    expect(cellText(880100000000, col('regions', 'code'))).toBe('880100000000');
    expect(cellText({ formula: 'A1+B1', result: 0.1 + 0.2 }, col('patrols', 'km'))).toBe('0.3');
    expect(cellText({ richText: [{ text: '王' }, { text: '丽' }] }, col('chiefs', 'name'))).toBe('王丽');
    expect(cellText(null, col('chiefs', 'name'))).toBe('');
    expect(numberText(12)).toBe('12');
  });
});

describe('header recognition', () => {
  it('recognises a table from Chinese or English headers', () => {
    expect(recogniseHeader(['编码', '姓名', '职务', '区划代码', '联系电话', '核实日期'])?.table).toBe('chiefs');
    expect(recogniseHeader(['code', 'name', 'level', 'parent'])?.table).toBe('regions');
    expect(recogniseHeader(['断面编码', '采样日期', 'pH', '溶解氧（mg/L）'])?.table).toBe('readings');
    expect(recogniseHeader(['河长编码', '月份', '巡河次数'])?.table).toBe('patrols');
    expect(recogniseHeader(['青禾县河长名录'])).toBeUndefined();
    expect(normaliseHeader(' *长度（公里） ')).toBe('长度');
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
  });
  it('skips a title row above the header and maps rows back', () => {
    const sheet: Sheet = {
      name: 'Sheet1',
      kind: 'sheet',
      rows: [
        { row: 1, cells: ['青禾县河长名录（2026年9月）'] },
        { row: 3, cells: ['编码', '姓名', '职务', '区划代码', '联系电话', '核实日期'] },
        { row: 4, cells: ['wang-li', '王丽', '副县长', 880100000000, '0000-1', 46096] },
      ],
    };
    const { table } = sheetToTable(sheet);
    expect(table?.table).toBe('chiefs');
    expect(table?.headerRow).toBe(3);
    expect(table?.rows).toEqual([
      {
        row: 4,
        values: {
          id: 'wang-li',
          name: '王丽',
          position: '副县长',
          region: '880100000000',
          phone: '0000-1',
          verified: '2026-03-15',
        },
      },
    ]);
  });
  it('names the missing required columns of a sheet named after its table', () => {
    const { issue } = sheetToTable({
      name: '河长名录',
      kind: 'sheet',
      rows: [{ row: 1, cells: ['编码', '姓名', '职务'] }],
    });
    expect(issue?.zh).toContain('核实日期');
  });
});
