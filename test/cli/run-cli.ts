import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const BIN = path.join(REPO, 'bin', 'styrkoll.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs the built CLI (dist/, made by `npm run build:cli`) as a user would, in its own process. */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** True when stderr looks like a stack trace rather than a message for a person. */
export function looksLikeStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /^\s+at /m.test(text);
}

/**
 * A copy of the installed package in a temporary folder (the CLI finds rules/ beside its
 * package.json), for tests that break a part of an installation.
 */
export function copyInstall(prefix: string): { root: string; check: (file: string, extra?: string[]) => SpawnSyncReturns<string> } {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const part of ['package.json', 'bin', 'dist/src', 'rules']) cpSync(path.join(REPO, part), path.join(root, part), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const check = (file: string, extra: string[] = []) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'styrkoll.js'), 'check', file, '--json', ...extra], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { root, check };
}
