/**
 * `npm run import -- <file.xlsx|file.csv> [...] [--data <dir>] [--dry-run]`:
 * import office spreadsheets into the data folder (RIVER_DATA_DIR, the
 * bundled sample, or --data). Each sheet (or CSV file) is one table,
 * recognised from its headers. Nothing is changed unless the resulting data
 * folder passes the full data check; otherwise every problem is listed by
 * sheet, row and column, and the command exits 1.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { dataDir } from '../src/loader/index.ts';
import { formatImportProblem, importSheets } from '../src/office/importer.ts';
import { readCsvSheet, readWorkbook, type Sheet } from '../src/office/sheets.ts';
import { checkOfficeZip } from '../src/office/zip-guard.ts';

const args = process.argv.slice(2);
const inputs: string[] = [];
let dir = dataDir();
let dryRun = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') dir = resolve(args[++i]);
  else if (args[i] === '--dry-run') dryRun = true;
  else inputs.push(args[i]);
}
if (inputs.length === 0) {
  console.error('用法：npm run import -- 文件.xlsx|文件.csv [更多文件] [--data 数据文件夹] [--dry-run]');
  process.exit(2);
}

const sheets: Sheet[] = [];
const syntax: string[] = [];
for (const input of inputs) {
  const bytes = readFileSync(input);
  if (/\.xlsx$/i.test(input)) {
    const zip = checkOfficeZip(bytes, 'xlsx');
    if (!zip.ok) {
      console.error(`无法导入 ${input}：${zip.zh}\n  cannot import ${input}: ${zip.en}`);
      process.exit(1);
    }
    sheets.push(...(await readWorkbook(bytes)));
  } else if (/\.csv$/i.test(input)) {
    const { sheet, errors } = readCsvSheet(bytes, basename(input));
    sheets.push(sheet);
    syntax.push(...errors.map((e) => `文件「${basename(input)}」${e}`));
  } else {
    console.error(`无法导入 ${input}：只支持 .xlsx 和 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）`);
    process.exit(2);
  }
}
if (syntax.length) {
  console.error(syntax.join('\n'));
  console.error(`\n导入失败：CSV 格式有 ${syntax.length} 个问题，数据未作任何修改。`);
  process.exit(1);
}

const result = importSheets(sheets, dir, { dryRun });
for (const s of result.skipped) console.log(`跳过 ${s}`);
for (const f of result.files) console.log(`${f.from.join('、')} → ${f.file}（${f.rows} 行）`);
if (result.problems.length) {
  console.error('');
  for (const p of result.problems) console.error(formatImportProblem(p));
  console.error(
    `\n导入失败：发现 ${result.problems.length} 个问题，数据文件夹 ${dir} 未作任何修改。请在表格中改正后重新导入。`,
  );
  console.error(`Import refused: ${result.problems.length} problem(s); ${dir} is unchanged.`);
  process.exit(1);
}
console.log(dryRun ? `检查通过（--dry-run，未写入）：${dir}` : `导入完成，数据检查通过：${dir}`);
