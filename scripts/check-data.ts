/**
 * `npm run check:data`: validate the data folder (RIVER_DATA_DIR or the
 * bundled sample) without building. Prints every problem with file, line,
 * column, value and what was expected; exits 1 if there is any.
 */
import { dataDir, loadDataFolder } from '../src/loader/index.ts';
import { formatReport } from '../src/loader/problems.ts';

const dir = process.argv[2] ?? dataDir();
const { problems } = loadDataFolder(dir);
const report = formatReport(problems, dir);
if (problems.length) {
  console.error(report);
  process.exit(1);
}
console.log(report);
