/**
 * The report receiver as a real process for the tests: started with the
 * project's Node on a free port with its own data directory, stopped (or
 * killed with SIGKILL) by the test. The process is Node itself, not an npm
 * or npx wrapper, so a kill reaches the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { newReference } from '../../src/lib/report.ts';
import { childEnv, ROOT, runNpx, type RunResult } from './fixtures.ts';

export interface RunningReceiver {
  proc: ChildProcess;
  port: number;
  origin: string;
  /** http://127.0.0.1:PORT/reports */
  endpoint: string;
  data: string;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM and wait for the exit; the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash or the OOM killer would, and wait for the exit. */
  kill9(): Promise<void>;
}

/** A port no one listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const exited = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null
      ? resolve(proc.exitCode)
      : proc.once('exit', (code) => resolve(code)),
  );

export interface StartOptions {
  data: string;
  origins: string[];
  /** 0 (default): any free port, read back from the start-up line. */
  port?: number;
  args?: string[];
  env?: Record<string, string>;
}

/** Start `node scripts/receiver.ts` and wait for its start-up line. */
export async function startReceiver(opts: StartOptions): Promise<RunningReceiver> {
  const args = [
    'scripts/receiver.ts',
    '--data',
    opts.data,
    '--origin',
    opts.origins.join(','),
    '--port',
    String(opts.port ?? 0),
    ...(opts.args ?? []),
  ];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv(opts.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const port = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\/reports/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => reject(new Error(`receiver exited (${code}) before listening:\n${out}`)));
    setTimeout(() => reject(new Error(`receiver did not start within 20 s:\n${out}`)), 20_000).unref();
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    proc,
    port,
    origin,
    endpoint: `${origin}/reports`,
    data: opts.data,
    output: () => out,
    async stop() {
      proc.kill('SIGTERM');
      return exited(proc);
    },
    async kill9() {
      proc.kill('SIGKILL');
      await exited(proc);
    },
  };
}

/** Run the receiver expecting it to exit (a start-up error): its code and output. */
export function runReceiverToExit(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['scripts/receiver.ts', ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    proc.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}`, ms: Date.now() - started });
    });
  });
}

/** `npm run reports -- …` (as `npx node scripts/reports.ts …`). */
export const reportsCli = (args: string[]): Promise<RunResult> => runNpx(['node', 'scripts/reports.ts', ...args]);

export interface ListedReport {
  ref: string;
  received: string;
  water: string;
  category: string;
  description: string;
  contact: string;
  name?: string;
  phone?: string;
  photos: { file: string; type: string; bytes: number; sha256: string }[];
}

/** `reports list --json`: what the office sees. */
export async function listReports(data: string): Promise<ListedReport[]> {
  const r = await reportsCli(['list', '--data', data, '--json']);
  if (r.code !== 0) throw new Error(`reports list failed:\n${r.output}`);
  return JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as ListedReport[];
}

/** SQLite's own check of the database file. */
export function integrityCheck(data: string): string {
  const db = new DatabaseSync(join(data, 'reports.sqlite'), { readOnly: true });
  try {
    return String((db.prepare('PRAGMA integrity_check').get() as Record<string, unknown>).integrity_check);
  } finally {
    db.close();
  }
}

/** A fresh reference in the form's format, made as the form makes it (random), dated 2026-10-30. */
export const testRef = (): string => newReference(new Date(2026, 9, 30));

/** A valid anonymous report as the form sends it (JSON), with `extra` merged in. */
export function validReport(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ref: testRef(),
    water: 'qingxi-he',
    water_name: '清溪河（青山镇、白沙镇）',
    place: '青石桥下游约100米左岸',
    category: 'pollution',
    description: '水面有一层油污，闻起来有柴油味，已经两天了',
    seen_date: '2026-10-30',
    seen_time: '14:30',
    contact: 'anonymous',
    ...extra,
  };
}

/** Bytes that are a JPEG by their signature (what the receiver checks), `size` long. */
export function jpegBytes(size = 2048, seed = 1): Buffer<ArrayBuffer> {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed * 17) & 0xff;
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  b.set([0xff, 0xd9], size - 2);
  return b;
}

/** POST a JSON report; the status, headers and parsed body. */
export async function postJson(
  endpoint: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
