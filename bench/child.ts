/** Runs one measured phase in a fresh Node process and parses its `BENCH_RESULT` line. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measured {
  ok: boolean;
  /** Phase time (ms): measured inside the child, or the whole process for the CLI. */
  ms: number;
  maxRssMb: number;
  extra: Record<string, unknown>;
  error?: string;
}

const TIMEOUT_MS = 15 * 60 * 1000;
const TIME_BIN = '/usr/bin/time';

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter((l) => l.trim() !== '');
  return (lines[lines.length - 1] ?? '').slice(0, 300);
}

/** `node <script> …args`; the child prints `BENCH_RESULT {json}`. */
export function runPhase(script: string, args: string[], nodeArgs: string[] = []): Measured {
  const r = spawnSync(process.execPath, [...nodeArgs, script, ...args], { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (r.status !== 0 || !line) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}: ${lastLine(r.stderr ?? '')}`;
    return { ok: false, ms: NaN, maxRssMb: NaN, extra: {}, error: why };
  }
  const { ms, maxRssMb, ...extra } = JSON.parse(line.slice('BENCH_RESULT '.length)) as { ms: number; maxRssMb: number };
  return { ok: true, ms, maxRssMb, extra };
}

/**
 * A whole command as a user runs it, timed from outside (wall clock, Node start-up included) with
 * its peak RSS from /usr/bin/time (ru_maxrss of the process; worker threads are in the same process).
 */
export function runCommand(command: string, args: string[]): Measured {
  const hasTime = existsSync(TIME_BIN);
  const argv = hasTime ? ['-f', 'BENCH_TIME %e %M', command, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(hasTime ? TIME_BIN : command, argv, { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const timeLine = (r.stderr ?? '').split('\n').find((l) => l.startsWith('BENCH_TIME '));
  const rssKb = timeLine ? Number(timeLine.split(' ')[2]) : NaN;
  // /usr/bin/time adds its own lines ("Command exited with non-zero status 2"); keep the command's.
  const stderr = (r.stderr ?? '')
    .split('\n')
    .filter((l) => !l.startsWith('BENCH_TIME ') && !/^Command (exited|terminated)/.test(l))
    .join('\n');
  if (r.status !== 0) {
    const oom = /heap out of memory|Allocation failed/i.exec(stderr);
    const detail = oom ? `V8: ${oom[0]}` : lastLine(stderr) || lastLine(r.stdout ?? '');
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}: ${detail}`;
    return { ok: false, ms, maxRssMb: rssKb / 1024, extra: {}, error: why };
  }
  return { ok: true, ms, maxRssMb: rssKb / 1024, extra: { stdoutTail: lastLine(r.stdout ?? '') } };
}

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The median run of several (by ms), keeping its extra data; the first failure if none succeeded. */
export function medianOf(runs: Measured[]): Measured & { runs: number } {
  const good = runs.filter((r) => r.ok);
  if (good.length === 0) return { ...(runs[0] ?? { ok: false, ms: NaN, maxRssMb: NaN, extra: {}, error: 'not run' }), runs: runs.length };
  const ms = median(good.map((r) => r.ms));
  const rss = median(good.map((r) => r.maxRssMb));
  const closest = good.reduce((a, b) => (Math.abs(b.ms - ms) < Math.abs(a.ms - ms) ? b : a));
  const extra: Record<string, unknown> = { ...closest.extra };
  for (const [key, value] of Object.entries(extra)) {
    if (typeof value === 'number') extra[key] = median(good.map((r) => r.extra[key] as number));
  }
  return { ...closest, ms, maxRssMb: rss, extra, runs: good.length };
}
