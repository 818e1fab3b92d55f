/**
 * `report --per-namnd` with nämnd names that collide as file names, are reserved, too long or full
 * of control characters: every report is written, openable and collectable (or none is written).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { buildModel } from '../../src/core';
import { listNamnder, readReports } from '../../src/core/report';
import { readWorkbook } from '../../src/xlsx/read';
import { REPO, looksLikeStackTrace, runCli } from './run-cli';
import type { PublicFinding } from './helpers/cli-files';

const HEDEMORA = path.join(REPO, 'examples/hedemora-delarsrapport-2025-08.xlsx');
const WEIRD = ['a/b', 'a-b', 'a:b', '..', '.', 'CON', 'LPT1', 'History', 'Nämnd\u0001med styrtecken', 'Na\u0308mnden', 'Nämnden', 'Lång'.repeat(75), 'Glad 😀 nämnd med ett mycket långt namn 😀😀'];

let tmp: string;
let master: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-names-'));
  master = path.join(tmp, 'huvudarbetsbok.xlsx');
  const model = buildModel(await readWorkbook(new Uint8Array(await fs.readFile(HEDEMORA)))).model;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(HEDEMORA);
  const ws = wb.getWorksheet(model.budget!.location.name)!;
  model.budget!.lines.slice(0, WEIRD.length).forEach((l, i) => (ws.getCell(l.row, model.budget!.location.columns.namnd).value = WEIRD[i]));
  await wb.xlsx.writeFile(master);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('every nämnd gets its own openable, collectable report', async () => {
  const namnder = listNamnder(buildModel(await readWorkbook(new Uint8Array(await fs.readFile(master)))).model);
  expect(namnder).toEqual(expect.arrayContaining(['a/b', 'a-b', 'a:b', '..', '.', 'CON', 'LPT1', 'History']));
  expect(namnder.length).toBeGreaterThanOrEqual(WEIRD.length);
  const dir = path.join(tmp, 'ut');
  const run = await runCli(['report', master, '--type', 'delarsrapport', '--per-namnd', dir], { timeoutMs: 90_000 });
  expect(looksLikeStackTrace(run.stderr)).toBe(false);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.xlsx'));
  expect(files).toHaveLength(namnder.length);
  expect(await fs.readdir(dir)).toEqual(files); // no staging folder left behind
  const seen: string[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, f)));
    const readings = readReports(await readWorkbook(bytes));
    expect(readings).toHaveLength(1);
    seen.push(readings[0].namnd!);
    // No control character reaches any XML part (they make Excel refuse the file).
    for (const [part, data] of Object.entries(unzipSync(bytes))) expect({ part, control: /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(strFromU8(data)) }).toEqual({ part, control: false });
  }
  expect(seen.sort()).toEqual([...namnder].sort());

  const out = path.join(tmp, 'insamlad.xlsx');
  const collected = await runCli(['collect', dir, '--into', master, '-o', out, '--json'], { timeoutMs: 90_000 });
  expect(collected.code).toBe(0);
  const findings = JSON.parse(collected.stdout) as PublicFinding[];
  expect(findings.filter((f) => /RAP-(RAPPORT-SAKNAS|OKAND-NAMND|OGILTIG|NAMND-ANDRAD|FRAMMANDE|DUBBLETT)/.test(f.rule))).toEqual([]);
}, 180_000);

test('when one report cannot be written, none is, and the reason is said', async () => {
  const dir = path.join(tmp, 'halv');
  await fs.mkdir(dir);
  // A folder where one report file would go.
  await fs.mkdir(path.join(dir, 'a-b (2).xlsx'));
  const run = await runCli(['report', master, '--type', 'delarsrapport', '--per-namnd', dir, '--force'], { timeoutMs: 90_000 });
  expect(run.code).not.toBe(0);
  expect(looksLikeStackTrace(run.stderr)).toBe(false);
  expect(run.stderr.length).toBeGreaterThan(0);
  expect((await fs.readdir(dir)).sort()).toEqual(['a-b (2).xlsx']);
}, 120_000);
