/**
 * `npm run check:data [-- <dir>] [--html <file>]`: validate the data folder
 * (RIVER_DATA_DIR or the bundled sample) without building. Prints every
 * problem grouped by file, with the row's key, the Chinese and English
 * message and a summary count; with --html also writes the report as an HTML
 * page a clerk can open. Exits 1 if there is any problem.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataDir, loadDataFolder } from '../src/loader/index.ts';
import { formatReportGrouped } from '../src/loader/problems.ts';
import { fieldZh, fileTitles, renderReportHtml } from '../src/office/report-html.ts';

const args = process.argv.slice(2);
let dir: string | undefined;
let html: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--html') html = args[i + 1] && !args[i + 1].startsWith('--') ? args[++i] : 'data-check.html';
  else dir = args[i];
}
dir ??= dataDir();
const { problems } = loadDataFolder(dir);
const report = formatReportGrouped(problems, dir, fileTitles(problems), fieldZh);
if (html) {
  writeFileSync(html, renderReportHtml(problems, dir));
}
const out = problems.length ? console.error : console.log;
out(report);
if (html) out(`\nHTML 报告 / HTML report: ${resolve(html)}`);
if (problems.length) process.exit(1);
