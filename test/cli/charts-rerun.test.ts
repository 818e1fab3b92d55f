/**
 * Charts across re-runs, end to end: `check -o` on its own output, `report -o` over a file that
 * already has the reports, and `report --per-namnd --force` over the earlier files each leave
 * exactly one of every chart – the same chart parts, never a second set.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { REPO, runCli } from './run-cli';

const EXAMPLE = path.join(REPO, 'examples/hedemora-delarsrapport-2025-08.xlsx');

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-charts-rerun-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Chart parts by the name of their anchor ("Styrkoll: budget" …), per drawing. */
async function charts(file: string): Promise<{ parts: string[]; anchors: string[] }> {
  const all = unzipSync(new Uint8Array(await fs.readFile(file)));
  const parts = Object.keys(all).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
  const anchors = Object.keys(all)
    .filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))
    .sort()
    .flatMap((d) => [...strFromU8(all[d]).matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => `${d}:${m[1]}`));
  return { parts, anchors };
}

async function ok(args: string[]): Promise<void> {
  const r = await runCli(args, { timeoutMs: 90_000 });
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
}

test('check -o on its own output keeps exactly one Kontroll chart', async () => {
  const a = path.join(tmp, 'a.xlsx');
  const b = path.join(tmp, 'b.xlsx');
  await ok(['check', EXAMPLE, '-o', a]);
  await ok(['check', a, '-o', b]);
  const first = await charts(a);
  expect(first.parts).toHaveLength(1);
  expect(first.anchors.map((x) => x.split(':').slice(1).join(':'))).toEqual(['Styrkoll: kontroll']);
  expect(await charts(b)).toEqual(first);
});

test('report -o over its own output and report --per-namnd --force give the same charts again', async () => {
  const a = path.join(tmp, 'r.xlsx');
  const b = path.join(tmp, 'r2.xlsx');
  await ok(['report', EXAMPLE, '--type', 'delarsrapport', '-o', a]);
  await ok(['report', a, '--type', 'delarsrapport', '-o', b]);
  const first = await charts(a);
  // One budget chart per nämnd, and no anchor twice.
  expect(first.anchors.filter((x) => x.endsWith('Styrkoll: budget')).length).toBeGreaterThan(1);
  expect(new Set(first.anchors).size).toBe(first.anchors.length);
  expect((await charts(b)).parts).toEqual(first.parts);
  expect((await charts(b)).anchors).toEqual(first.anchors);

  const dir = path.join(tmp, 'ut');
  await ok(['report', EXAMPLE, '--type', 'delarsrapport', '--per-namnd', dir]);
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.xlsx')).sort();
  const before = await Promise.all(files.map((f) => charts(path.join(dir, f))));
  await ok(['report', EXAMPLE, '--type', 'delarsrapport', '--per-namnd', dir, '--force']);
  const after = await Promise.all(files.map((f) => charts(path.join(dir, f))));
  expect(after).toEqual(before);
  for (const c of after) expect(c.anchors.filter((x) => x.endsWith('Styrkoll: budget'))).toHaveLength(1);
});
