/**
 * `npm run template -- [out.xlsx] [--with-data [<data-dir>]]`: write the
 * clerks' template workbook, generated from the schemas (src/office/template.ts).
 * With --with-data, the sheets are pre-filled with the current data folder
 * (RIVER_DATA_DIR or the bundled sample, or the folder given), so the office
 * edits its current data and imports it back with `npm run import`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeText, parseCsv } from '../src/lib/csv.ts';
import { dataDir } from '../src/loader/index.ts';
import { buildTemplate } from '../src/office/template.ts';
import { mapHeader } from '../src/office/columns.ts';
import { TABLES, type TableName } from '../src/schemas/tables.ts';
import type { TableDef } from '../src/schemas/table.ts';

const args = process.argv.slice(2);
let out = '河长制数据模板.xlsx';
let withData: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--with-data') {
    withData = args[i + 1] && !args[i + 1].startsWith('--') && !args[i + 1].endsWith('.xlsx') ? args[++i] : dataDir();
  } else if (a === '--help' || a === '-h') {
    console.log('用法：npm run template -- [输出文件.xlsx] [--with-data [数据文件夹]]');
    process.exit(0);
  } else out = a;
}

/** Rows of a CSV file as contract text by English column name. */
function readRows(file: string, table: TableDef): Record<string, string>[] {
  const { records } = parseCsv(decodeText(readFileSync(file)).text);
  if (!records.length) return [];
  const names = mapHeader(table, records[0].cells);
  return records.slice(1).map((r) => {
    const o: Record<string, string> = {};
    names.forEach((n, i) => n && (o[n] = (r.cells[i] ?? '').trim()));
    return o;
  });
}

let data: Partial<Record<TableName, Record<string, string>[]>> | undefined;
if (withData) {
  const dir = resolve(withData);
  data = {};
  for (const [key, t] of Object.entries(TABLES) as [TableName, TableDef][]) {
    if (key === 'readings') {
      const base = join(dir, 'readings');
      const files = existsSync(base) ? readdirSync(base).filter((f) => f.toLowerCase().endsWith('.csv')).sort() : [];
      data[key] = files.flatMap((f) => readRows(join(base, f), t));
    } else if (existsSync(join(dir, t.file))) data[key] = readRows(join(dir, t.file), t);
  }
}

await buildTemplate({ data }).xlsx.writeFile(out);
console.log(`已生成模板 / template written: ${resolve(out)}${withData ? `（含 ${resolve(withData)} 中的现有数据）` : ''}`);
