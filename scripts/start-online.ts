/**
 * `npm run start:online [-- --endpoint URL]`: build the site with online
 * reports switched on and serve it on http://localhost:4321, for trying
 * the form with a receiver on the same machine (README, docs/receiver.md).
 *
 * The data folder (RIVER_DATA_DIR, or the bundled sample) is copied to
 * .local/site-online/ with site.yaml `report.endpoint` set to URL (default
 * http://127.0.0.1:8787/reports, where `npm run receiver` listens by
 * default); the folder itself is not changed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { dataDir } from '../src/loader/index.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { endpoint: { type: 'string', default: 'http://127.0.0.1:8787/reports' } } });
const source = dataDir();
const copy = join(root, '.local', 'site-online');

rmSync(copy, { recursive: true, force: true });
cpSync(source, copy, { recursive: true });
const file = join(copy, 'site.yaml');
const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
doc.setIn(['report', 'endpoint'], values.endpoint);
writeFileSync(file, doc.toString());
console.log(`${source} → ${copy}，report.endpoint: ${values.endpoint}`);

const env = { ...process.env, RIVER_DATA_DIR: copy };
for (const script of ['build', 'preview']) {
  const r = spawnSync('npm', ['run', script], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
