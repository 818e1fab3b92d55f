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
