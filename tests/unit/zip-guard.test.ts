/**
 * Office files are checked as ZIP archives before they are inflated
 * (src/office/zip-guard.ts): a renamed non-ZIP and a zip bomb are refused
 * with a message; a real workbook passes.
 */
import { describe, expect, it } from 'vitest';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkOfficeZip, MAX_UNCOMPRESSED } from '../../src/office/zip-guard.ts';

/** A minimal ZIP writer: deflated entries, each with a local header and a central directory record. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

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
    for (const b of [Buffer.from('<html><body>表格</body></html>'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(40).fill(0)]), Buffer.alloc(0)]) {
      const r = checkOfficeZip(b, 'xlsx');
      expect(r.ok).toBe(false);
      expect(r.zh).toContain('不是有效的 .xlsx 文件');
    }
  });
  it('a small archive that inflates past the limit is refused before it is inflated', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(MAX_UNCOMPRESSED + 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = checkOfficeZip(bomb, 'docx');
    expect(r).toMatchObject({ ok: false, uncompressed: MAX_UNCOMPRESSED + 1024 * 1024 });
    expect(r.zh).toContain('超过 100 MB');
  });
  it('a truncated archive is refused, not read past its end', () => {
    const good = zip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    const cut = Buffer.concat([good.subarray(0, 20), good.subarray(good.length - 22)]);
    expect(checkOfficeZip(cut, 'xlsx').ok).toBe(false);
  });
});
