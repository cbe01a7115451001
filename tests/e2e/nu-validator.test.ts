/**
 * Every HTML page of the built site (SITE_DIST, default the checkout's
 * dist/) is valid by the W3C Nu HTML checker (the `vnu-jar` devDependency),
 * the checker browsers' makers and validator.w3.org use. It knows the HTML
 * parsing rules html-validate does not (a <script> after </html> is a
 * "stray start tag" that ends the checking of the page) and the outline
 * rules (a heading level skipped, h1 → h3).
 *
 * One Java process checks the whole dist folder (about 260 pages of the
 * sample in 10–15 s) plus one known-bad page written by this test, so an
 * empty report means the pages were checked and passed, not that nothing
 * was checked. Errors only: the checker's warnings (sections labelled by a
 * table caption instead of a heading; resources "blocked" by the CSP
 * because a file: URL has no origin for 'self' to match) are not failures.
 *
 * The checker needs Java 17 or later on PATH (Debian: default-jre-headless).
 * Without it the test fails and says so: it is never skipped. The package's
 * own postinstall would download a Java runtime from GitHub; package.json
 * denies it (allowScripts), the system's Java is used.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteDist } from '../helpers/site.ts';

const dist = resolve(siteDist());
/** The path of vnu.jar: the package's main export is that path (a String object). */
const jar = String(createRequire(import.meta.url)('vnu-jar'));

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** A page with one error the checker must report: the heading level skipped from h1 to h3. */
const canaryDir = realpathSync(mkdtempSync(join(tmpdir(), 'nu-canary-')));
const canary = join(canaryDir, 'canary.html');
writeFileSync(
  canary,
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>检查</title></head><body><main><h1>标题</h1><h3>跳级的小标题</h3></main></body></html>\n',
);
afterAll(() => rmSync(canaryDir, { recursive: true, force: true }));

/** Run the checker once over dist and the canary; its messages, or an Error that says why it could not run. */
function runChecker(): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    // -Xss: the checker needs a thread stack of at least 512k (it says so when it overflows).
    const child = spawn(
      'java',
      ['-Xss2m', '-jar', jar, '--errors-only', '--format', 'json', '--stdout', '--skip-non-html', dist, canary],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new Error(
              'Java is not installed (no `java` on PATH). The Nu HTML checker (vnu-jar) needs Java 17 or later; on Debian: apt-get install -y default-jre-headless',
            )
          : e,
      );
    });
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      try {
        resolve((JSON.parse(stdout) as { messages: NuMessage[] }).messages);
      } catch {
        reject(
          new Error(
            `the Nu HTML checker (java -jar ${relative(process.cwd(), jar)}) exited with ${code} without a JSON report:\n${stdout}${stderr}`.trim(),
          ),
        );
      }
    });
  });
}

let run: Promise<NuMessage[]> | undefined;
/** The one run both tests read (started by whichever test comes first). */
const messages = () => (run ??= runChecker());

const fileOf = (m: NuMessage) => (m.url ? fileURLToPath(m.url) : '(no file)');

/** "file:line:column message — extract", the file relative to dist. */
function describeMessage(m: NuMessage): string {
  const file = fileOf(m);
  const where = `${file.startsWith(dist) ? relative(dist, file) : file}:${m.lastLine ?? m.firstLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
  const extract = m.extract ? ` — “${m.extract.replace(/\s+/g, ' ').trim()}”` : '';
  return `${where} ${m.subType === 'fatal' ? '[fatal] ' : ''}${m.message}${extract}`;
}

describe('HTML validity (W3C Nu HTML checker)', () => {
  it('the checker runs and reports errors (a known-bad page is flagged)', async () => {
    const mine = (await messages()).filter((m) => m.url && fileOf(m) === canary);
    expect(mine.map((m) => m.message)).toEqual([
      expect.stringMatching(/heading “h3”.*follows the heading “h1”.*skipping 1 heading level/),
    ]);
  }, 120_000);

  it('every page of the built site has no errors', async () => {
    const problems = (await messages()).filter((m) => !(m.url && fileOf(m) === canary)).map(describeMessage);
    const pages = new Set(problems.map((p) => p.split(':')[0]));
    expect(problems.slice(0, 60), `${problems.length} errors on ${pages.size} pages`).toEqual([]);
  }, 120_000);
});
