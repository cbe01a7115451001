/**
 * Office files are checked as ZIP archives before they are inflated
 * (src/office/zip-guard.ts): a renamed non-ZIP and a zip bomb are refused
 * with a message; a real workbook passes.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkOfficeZip, MAX_UNCOMPRESSED } from '../../src/office/zip-guard.ts';
import { zip } from '../fixtures/docx/make-docx.ts';

describe('office files as ZIP archives', () => {
  it('a workbook exceljs wrote passes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('河长名录').addRow(['编码', '姓名']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = checkOfficeZip(bytes, 'xlsx');
    expect(r.ok).toBe(true);
    expect(r.uncompressed).toBeGreaterThan(0);
  });
  it('a file that is no ZIP (an old .xls, an HTML page, text) is refused as such', () => {
    for (const b of [
      Buffer.from('<html><body>表格</body></html>'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(40).fill(0)]),
      Buffer.alloc(0),
    ]) {
      const r = checkOfficeZip(b, 'xlsx');
      expect(r.ok).toBe(false);
      expect(r.zh).toContain('不是有效的 .xlsx 文件');
    }
  });
  it('a small archive that inflates past the limit is refused before it is inflated', () => {
    const bomb = zip({ 'xl/worksheets/sheet1.xml': Buffer.alloc(MAX_UNCOMPRESSED + 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = checkOfficeZip(bomb, 'docx');
    expect(r).toMatchObject({ ok: false, uncompressed: MAX_UNCOMPRESSED + 1024 * 1024 });
    expect(r.zh).toContain('超过 100 MB');
  });
  it('a truncated archive is refused, not read past its end', () => {
    const good = zip({ 'a.xml': '<a/>' });
    const cut = Buffer.concat([good.subarray(0, 20), good.subarray(good.length - 22)]);
    expect(checkOfficeZip(cut, 'xlsx').ok).toBe(false);
  });
});
