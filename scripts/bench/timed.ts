/**
 * Running and measuring the bench's commands: wall time, CPU time and peak
 * memory of a command's whole process tree, and the size of what it built.
 * Shared by scripts/bench/run.ts (one build per size) and
 * scripts/bench/province.ts (many county builds, then a portal).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface Step {
  seconds: number;
  /** CPU seconds (user + system) of the command and every process it started. */
  cpuSeconds: number;
  /** Peak of the summed resident memory of the command and every process it started (the build and Pagefind run side by side). */
  peakMB: number;
  ok: boolean;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const TICKS = 100;

/**
 * One look at `pid` and all its descendants in /proc: their summed resident
 * memory (KB), and each one's CPU time so far (user + system, in ticks).
 */
function treeSample(pid: number): { rssKb: number; cpuTicks: Map<number, number> } {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name: state ppid ... utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  let rssKb = 0;
  const cpuTicks = new Map<number, number>();
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended
    }
    if (ticks.has(p)) cpuTicks.set(p, ticks.get(p)!);
    stack.push(...(children.get(p) ?? []));
  }
  return { rssKb, cpuTicks };
}

/**
 * Run a command: wall seconds, CPU seconds and the peak memory of its whole
 * process tree. CPU is the larger of GNU time's count and the sampled one:
 * GNU time sees only processes that were waited for, and Pagefind's binary,
 * which does the indexing, is stopped by its Node wrapper without a wait, so
 * its CPU time is read from /proc while it runs (each process's last reading,
 * at most 250 ms short).
 */
export function timed(cmd: string[], env: Record<string, string>, log: string): Promise<Step> {
  const timeFile = `${log}.time`;
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, ...cmd], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (out += s));
  let peakKb = 0;
  const lastTicks = new Map<number, number>();
  const sampler = setInterval(() => {
    const { rssKb, cpuTicks } = treeSample(child.pid!);
    peakKb = Math.max(peakKb, rssKb);
    for (const [p, t] of cpuTicks) lastTicks.set(p, t);
  }, 250);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - t0) / 1000;
      writeFileSync(log, out);
      const time = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
      const cpu = (k: string) => Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(time)?.[1] ?? 0);
      const sampled = [...lastTicks.values()].reduce((a, b) => a + b, 0) / TICKS;
      resolve({
        seconds,
        cpuSeconds: Math.max(cpu('User') + cpu('System'), sampled),
        peakMB: Math.round(peakKb / 1024),
        ok: code === 0,
      });
    });
  });
}

export function spawnSyncQuiet(cmd: string): void {
  spawnSync(cmd, { stdio: 'ignore' });
}

export function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

export function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += e.name === 'pagefind' || e.name === '_astro' ? 0 : countPages(join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}
