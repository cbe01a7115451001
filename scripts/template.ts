/**
 * `npm run template -- [out.xlsx] [--with-data [<data-dir>]]`: write the
 * clerks' template workbook, generated from the schemas (src/office/template.ts).
 * With --with-data, the sheets are pre-filled with the current data folder
 * (RIVER_DATA_DIR or the bundled sample, or the folder given), so the office
 * edits its current data and imports it back with `npm run import`.
 */
import { resolve } from 'node:path';
import { dataDir } from '../src/loader/index.ts';
import { buildTemplate, readDataFolder } from '../src/office/template.ts';

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

const data = withData ? readDataFolder(resolve(withData)) : undefined;

await buildTemplate({ data }).xlsx.writeFile(out);
console.log(
  `已生成模板 / template written: ${resolve(out)}${withData ? `（含 ${resolve(withData)} 中的现有数据）` : ''}`,
);
