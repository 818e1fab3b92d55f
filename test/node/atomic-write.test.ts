import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { isStyrkollError } from '../../src/core/errors';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-atomic-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('writes a new file and refuses to overwrite it without force', async () => {
  const target = path.join(dir, 'ut.xlsx');
  await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
  expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
  await expect(writeFileAtomic(target, new Uint8Array([9]))).rejects.toThrow(/finns redan.*--force/);
  expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
  await writeFileAtomic(target, new Uint8Array([9]), { force: true });
  expect([...(await fs.readFile(target))]).toEqual([9]);
  expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('never writes over a protected input path, even with force', async () => {
  const input = path.join(dir, 'in.xlsx');
  await fs.writeFile(input, 'original');
  const err = await writeFileAtomic(path.join(dir, '.', 'in.xlsx'), new Uint8Array([1]), { force: true, protect: [input] }).catch((e) => e);
  expect(isStyrkollError(err)).toBe(true);
  expect(await fs.readFile(input, 'utf8')).toBe('original');
});

test('a missing folder gives a Swedish error, not an exception from fs', async () => {
  const err = await writeFileAtomic(path.join(dir, 'finns-inte', 'ut.xlsx'), new Uint8Array([1])).catch((e) => e);
  expect(isStyrkollError(err)).toBe(true);
  expect(err.message).toMatch(/Kunde inte skriva .*finns inte/);
});

test('a writer killed mid-write leaves either the old file or the complete new one', async () => {
  const target = path.join(dir, 'ut.bin');
  const old = Buffer.alloc(1024, 1);
  await fs.writeFile(target, old);
  const size = 48 * 1024 * 1024;
  const script = `
    const { writeFileAtomic } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'src', 'node', 'atomic-write.js'))});
    const bytes = new Uint8Array(${size}).fill(2);
    process.stdout.write('start\\n');
    writeFileAtomic(${JSON.stringify(target)}, bytes, { force: true }).then(() => process.stdout.write('done\\n'));
  `;
  for (let i = 0; i < 8; i++) {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    // Listen for the end from the start: a fast writer may finish before the kill below.
    const closed = new Promise((r) => child.on('close', r));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    // Kill at a different moment each round: right away, or after a growing delay.
    await new Promise((r) => setTimeout(r, i * 15));
    child.kill('SIGKILL');
    await closed;
    const now = await fs.readFile(target);
    const isOld = now.length === old.length && now.every((b) => b === 1);
    const isNew = now.length === size && now[0] === 2 && now[size - 1] === 2;
    expect(isOld || isNew).toBe(true);
  }
});

const DIST_ATOMIC = path.join(__dirname, '..', '..', 'dist', 'src', 'node', 'atomic-write.js');

/**
 * A child that starts writing `target` and stops right before the temporary file is flushed
 * (fs.promises.open is wrapped so that sync() never settles), then says "tmp" on stdout.
 */
function stalledWriter(target: string) {
  const script = `
    const fsp = require('node:fs').promises;
    const open = fsp.open;
    fsp.open = async (...args) => {
      const handle = await open(...args);
      handle.sync = () => { process.stdout.write('tmp\\n'); return new Promise(() => undefined); };
      return handle;
    };
    const { writeFileAtomic } = require(${JSON.stringify(DIST_ATOMIC)});
    writeFileAtomic(${JSON.stringify(target)}, new Uint8Array(1024).fill(7), { force: true });
    setTimeout(() => process.exit(99), 20000);
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, closed, ready, stderr: () => stderr };
}

test.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s during a write removes the temporary file and ends with %i', async (signal, exitCode) => {
  const target = path.join(dir, 'ut.xlsx');
  const w = stalledWriter(target);
  await w.ready;
  // The temporary file exists while the write is under way …
  expect((await fs.readdir(dir)).filter((f) => /^\.ut\.xlsx\.\d+\.\d+\.tmp$/.test(f))).toHaveLength(1);
  w.child.kill(signal);
  const { code } = await w.closed;
  // … and is gone after the signal, with the shell's code for it and no target.
  expect(code).toBe(exitCode);
  expect(await fs.readdir(dir)).toEqual([]);
  expect(w.stderr()).toBe('');
});

test('the next write removes temporary files of dead runs for the same target, and only those', async () => {
  const target = path.join(dir, 'ut.xlsx');
  // A process that has ended: its pid is no longer alive.
  const dead = spawn(process.execPath, ['-e', '']);
  const deadPid = await new Promise<number>((resolve) => dead.on('close', () => resolve(dead.pid!)));
  expect(() => process.kill(deadPid, 0)).toThrow();
  const stale = `.ut.xlsx.${deadPid}.1700000000000.tmp`;
  const kept = [
    `.ut.xlsx.${process.pid}.1700000000000.tmp`, // a live process (this one) may still be writing
    `.annan.xlsx.${deadPid}.1700000000000.tmp`, // another target's
    `.ut.xlsx.${deadPid}.tmp`, // not our exact pattern
    `ut.xlsx.${deadPid}.1700000000000.tmp`, // not hidden: not ours
    `.ut.xlsx.${deadPid}.1700000000000.tmp.bak`,
  ];
  for (const name of [stale, ...kept]) await fs.writeFile(path.join(dir, name), 'x');
  await writeFileAtomic(target, new Uint8Array([1]));
  expect((await fs.readdir(dir)).sort()).toEqual(['ut.xlsx', ...kept].sort());
});

test('a SIGKILLed writer leaves a temporary file that the next run removes', async () => {
  const target = path.join(dir, 'ut.xlsx');
  const w = stalledWriter(target);
  await w.ready;
  w.child.kill('SIGKILL');
  await w.closed;
  expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
  await writeFileAtomic(target, new Uint8Array([1]));
  expect(await fs.readdir(dir)).toEqual(['ut.xlsx']);
});
