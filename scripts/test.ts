/**
 * `npm test`: every test, ending with one line "N passed, N failed".
 *
 * 1. Check the code's formatting (`npm run format:check`, Prettier with the
 *    Astro plugin): a file that `npm run format` would change counts as one
 *    failed test.
 * 2. Build the bundled sample site (dist/), as `npm run build` does; the
 *    browser tests and the checks on the built site read it.
 * 3. Run vitest over the unit, build and browser (e2e) tests.
 * A failed build counts as one failed test, and the browser tests are then
 * not run (they would only repeat the build's failure). A test that vitest
 * reports as skipped or todo counts as failed: a test that cannot run is
 * not a test that passed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, '.test-output');
mkdirSync(out, { recursive: true });
const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
delete env.RIVER_DATA_DIR; // the browser tests read the bundled sample

let passed = 0;
let failed = 0;

function step(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  return r.status === 0;
}

const formatted = step('formatting (npm run format:check; fix with npm run format)', 'npm', [
  'run',
  '--silent',
  'format:check',
]);
if (formatted) passed++;
else failed++;

const built = step('build the sample site', 'npm', ['run', '--silent', 'build']);
if (built) passed++;
else failed++;

const report = join(out, 'vitest.json');
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit', '--project', 'build'];
step('vitest', 'npx', [
  'vitest',
  'run',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { name: string; status: string; assertionResults: { status: string; fullName: string }[] }[];
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  const skipped = r.numPendingTests + r.numTodoTests;
  if (skipped > 0) {
    console.log(`\n${skipped} test(s) skipped or todo: counted as failed`);
    for (const t of r.testResults)
      for (const a of t.assertionResults)
        if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo')
          console.log(`  skipped: ${t.name.replace(root, '.')} > ${a.fullName}`);
    failed += skipped;
  }
  // A test file can fail with no failed test in it: it did not load, or a
  // beforeAll/afterAll hook failed and its tests were skipped. It counts.
  failed += r.testResults.filter(
    (t) => t.status === 'failed' && !t.assertionResults.some((a) => a.status === 'failed'),
  ).length;
} else {
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
