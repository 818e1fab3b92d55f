/**
 * Running the built CLI on files in a temp dir: every run checks that the input file is
 * byte-identical afterwards, and the --json output is parsed into the public finding shape.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { looksLikeStackTrace, runCli, type CliRun } from '../run-cli';

/** The contract's keys (docs/workbook-format.md) in order, then the `suggestion` extension. */
export const PUBLIC_KEYS = ['rule', 'category', 'severity', 'sheet', 'row', 'cell', 'namnd', 'message', 'source', 'suggestion'] as const;

export interface PublicFinding {
  rule: string;
  category: string;
  severity: string;
  sheet: string | null;
  row: number | null;
  cell: string | null;
  namnd: string | null;
  message: string;
  source: string;
  suggestion: string;
}

export function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `sk-${prefix}-`));
}

export async function writeInput(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

/**
 * Runs `styrkoll check <input> ...args` and fails the test when the input file changed (or
 * vanished). Pass `input: null` for arguments that are not a readable file (a folder, a missing path).
 */
export async function runCheck(input: string, args: string[], options: { timeoutMs?: number } = {}): Promise<CliRun> {
  const before = await readIfFile(input);
  const run = await runCli(['check', input, ...args], { timeoutMs: options.timeoutMs ?? 60_000 });
  const after = await readIfFile(input);
  if (before === null) expect(after).toBeNull();
  else expect({ input, unchanged: after !== null && after.equals(before) }).toEqual({ input, unchanged: true });
  return run;
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? await fs.readFile(file) : null;
  } catch {
    return null;
  }
}

export function parseFindings(stdout: string): PublicFinding[] {
  const parsed: unknown = JSON.parse(stdout);
  if (!Array.isArray(parsed)) throw new Error(`--json did not print an array: ${stdout.slice(0, 200)}`);
  return parsed as PublicFinding[];
}

/** Swedish letters or common Swedish words: a cheap guard against English fallbacks. */
const SWEDISH = /[åäöÅÄÖ]|\b(och|inte|filen|finns|mappen|kör|ange|saknas)\b/i;
/** Words of English library errors that must never reach a user. */
const ENGLISH = /\b(error|cannot|invalid|undefined|the file|no such|unexpected|Usage|Options)\b/i;

/** Exit 2 with exactly one Swedish line on stderr, no stack trace, no "Oväntat fel" fallback. */
export function expectUnusable(run: CliRun, message?: RegExp): void {
  expect({ code: run.code, timedOut: run.timedOut, stderr: run.stderr }).toEqual({ code: 2, timedOut: false, stderr: expect.any(String) });
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^styrkoll: /);
  expect(lines[0]).toMatch(SWEDISH);
  expect(lines[0]).not.toMatch(ENGLISH);
  expect(lines[0]).not.toMatch(/oväntat fel/i);
  expect(looksLikeStackTrace(run.stderr)).toBe(false);
  if (message) expect(lines[0]).toMatch(message);
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
