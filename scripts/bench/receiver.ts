/**
 * `npm run bench:receiver`: sustained submissions per second of the report
 * receiver on this machine. Starts `scripts/receiver.ts` on a free port
 * with a fresh data directory (no rate limit), then sends `--reports`
 * valid reports from `--clients` concurrent clients, each waiting for its
 * answer before sending the next, once without photos and once with one
 * photo each (`--photo-kb`, bytes that are a JPEG by their signature).
 * Every answer must be 201. Prints reports per second, latency
 * percentiles, the receiver's CPU time per report and the size on disk.
 *
 *   npm run bench:receiver
 *   npm run bench:receiver -- --reports 500 --clients 5 --photo-kb 300
 *
 * The clients run in this process on the same machine, so on 2 cores they
 * share the CPU with the receiver: the figures are a floor.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newReference } from '../../src/lib/report.ts';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '20' },
    'photo-kb': { type: 'string', default: '150' },
    keep: { type: 'boolean', default: false },
  },
});
const REPORTS = Number(values.reports);
const CLIENTS = Number(values.clients);
const PHOTO_BYTES = Number(values['photo-kb']) * 1024;

/** CPU seconds (user + system) of a process so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? dirBytes(p) : st.size;
  }
  return total;
}

function photo(size: number, seed: number): string {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 131 + seed * 7919) & 0xff;
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  b.set([0xff, 0xd9], size - 2);
  return b.toString('base64');
}

function report(i: number, withPhoto: boolean): string {
  return JSON.stringify({
    ref: newReference(),
    water: 'qingxi-he',
    water_name: '清溪河（青山镇、白沙镇）',
    place: `青石桥下游约${100 + (i % 400)}米左岸`,
    category: 'pollution',
    description: `第${i}份测试反映：水面有一层油污，闻起来有柴油味，已经两天了`,
    seen_date: '2026-10-30',
    seen_time: '14:30',
    contact: i % 2 ? 'anonymous' : 'named',
    ...(i % 2 ? {} : { name: '测试', phone: '13800000000', consent: true }),
    ...(withPhoto ? { photos: [{ name: `p${i}.jpg`, type: 'image/jpeg', data: photo(PHOTO_BYTES, i) }] } : {}),
  });
}

async function start(data: string) {
  const proc = spawn(
    process.execPath,
    ['scripts/receiver.ts', '--data', data, '--origin', 'https://hzz.example.org', '--port', '0', '--rate', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout.setEncoding('utf8').on('data', (s: string) => {
      if (!out.includes('listening')) {
        out += s;
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      }
      // The per-request log lines are read and dropped.
    });
    proc.once('exit', (code) => reject(new Error(`receiver exited ${code}: ${out}`)));
  });
  return { proc, endpoint: `http://127.0.0.1:${port}/reports` };
}

interface Result {
  scenario: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerReport: number;
  diskBytes: number;
}

async function run(scenario: string, withPhoto: boolean): Promise<Result> {
  const data = mkdtempSync(join(tmpdir(), 'bench-receiver-'));
  const { proc, endpoint } = await start(data);
  try {
    const bodies = Array.from({ length: REPORTS }, (_, i) => report(i, withPhoto));
    const send = async (body: string) => {
      const t = performance.now();
      const res = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`answer ${res.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await send(report(REPORTS + i, withPhoto)); // warm-up, not counted
    const cpu0 = cpuSeconds(proc.pid!);
    const latencies: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < bodies.length) latencies.push(await send(bodies[next++]!));
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(proc.pid!) - cpu0;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!);
    return {
      scenario,
      seconds,
      perSecond: REPORTS / seconds,
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      cpuMsPerReport: (cpu * 1000) / REPORTS,
      diskBytes: dirBytes(data),
    };
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    if (!values.keep) rmSync(data, { recursive: true, force: true });
  }
}

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  /* not a checkout */
}
console.log(
  `receiver benchmark · commit ${commit} · ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`,
);
console.log(`${REPORTS} reports from ${CLIENTS} concurrent clients, WAL + synchronous=FULL\n`);
const results = [await run('text only', false), await run(`one ${Math.round(PHOTO_BYTES / 1024)} KB photo each`, true)];
console.log('| reports | time | reports/s | latency p50 / p95 / p99 | receiver CPU per report | on disk |');
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.scenario} | ${r.seconds.toFixed(1)} s | **${r.perSecond.toFixed(0)}** | ${r.p50} / ${r.p95} / ${r.p99} ms | ${r.cpuMsPerReport.toFixed(2)} ms | ${(r.diskBytes / 1024 / 1024).toFixed(1)} MB |`,
  );
}
