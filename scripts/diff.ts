/**
 * `npm run diff -- <old-dir> <new-dir>`: what changed between two versions
 * of the data folder (chiefs appointed and removed, cases opened, closed and
 * newly overdue, readings added, stations newly off target, rows per table),
 * for the office to check before it publishes. Problems in either folder are
 * listed too (the diff is then of the valid rows only); exits 1 if the new
 * folder has problems.
 */
import { loadDataFolder } from '../src/loader/index.ts';
import { diffFolders, formatDiff } from '../src/office/diff.ts';

const [oldDir, newDir] = process.argv.slice(2);
if (!oldDir || !newDir) {
  console.error('用法：npm run diff -- 旧数据文件夹 新数据文件夹');
  process.exit(2);
}
const a = loadDataFolder(oldDir);
const b = loadDataFolder(newDir);
console.log(`比较 / comparing: ${oldDir} → ${newDir}\n`);
console.log(formatDiff(diffFolders(a.folder, b.folder)));
if (a.problems.length) console.warn(`\n注意：旧数据有 ${a.problems.length} 个问题（未计入比较的行）。`);
if (b.problems.length) {
  console.error(`\n注意：新数据有 ${b.problems.length} 个问题，发布前请先运行 npm run check:data 改正。`);
  process.exit(1);
}
