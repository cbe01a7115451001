import { describe, expect, it } from 'vitest';
import { buildTemplate, INSTRUCTIONS_SHEET } from '../../src/office/template.ts';
import { readWorkbook, sheetToTable } from '../../src/office/sheets.ts';
import { TABLES } from '../../src/schemas/tables.ts';
import type { TableDef } from '../../src/schemas/table.ts';

describe('template workbook', () => {
  it('has an instructions sheet and one sheet per table with Chinese headers, notes and drop-downs', async () => {
    const wb = buildTemplate();
    expect(wb.worksheets[0].name).toBe(INSTRUCTIONS_SHEET);
    for (const t of Object.values(TABLES) as TableDef[]) {
      const ws = wb.getWorksheet(t.title)!;
      expect(ws, t.title).toBeTruthy();
      const names = Object.values(t.columns).map((c) => c.zh[0]);
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(names);
      Object.values(t.columns).forEach((c, i) => {
        const note = ws.getRow(1).getCell(i + 1).note;
        expect(String(note)).toContain(c.doc);
      });
    }
    const kind = wb.getWorksheet('江河湖库名录')!.getCell('C2').dataValidation;
    expect(kind.type).toBe('list');
    expect(kind.formulae[0]).toBe('"河流,湖泊,水库,渠道,山塘,其他水体"');
  });
  it('is recognised sheet by sheet when read back, and its empty sheets are skipped', async () => {
    const buf = await buildTemplate().xlsx.writeBuffer();
    const sheets = await readWorkbook(buf as ArrayBuffer);
    for (const s of sheets) {
      const r = sheetToTable(s);
      if (s.name === INSTRUCTIONS_SHEET) expect(r.skipped).toBe(true);
      else expect(r.table?.rows.length, s.name).toBe(0);
    }
  });
  it('pre-fills current data with Chinese labels', async () => {
    const wb = buildTemplate({
      data: { waters: [{ id: 'a', name: '甲河', kind: 'river', level: 'county', regions: '1', target_class: 'III' }] },
    });
    const ws = wb.getWorksheet('江河湖库名录')!;
    expect(ws.getCell('C2').value).toBe('河流');
    expect(ws.getCell('I2').value).toBe('Ⅲ类');
  });
});
