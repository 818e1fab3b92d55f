/**
 * `styrkoll report` as a controller runs it (the built CLI, in its own process, on copies in a temp
 * dir): one workbook per nämnd holding that nämnd's data and nothing of the others, live totals,
 * a protected A4 sheet with unlocked yellow fields; report sheets added to a copy with -o; every
 * template on its example; and regeneration that keeps what the nämnd typed after rows moved.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { buildModel, type Model } from '../../src/core';
import { listNamnder, readReports, sameNamnd } from '../../src/core/report';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbook } from '../../src/xlsx/read';
import { setCellValues } from '../../src/xlsx/write';
import { reportFileName as fileNameFor } from '../../src/core/report';
import { REPO, looksLikeStackTrace, runCli, type CliRun } from './run-cli';

const HEDEMORA = path.join(REPO, 'examples/hedemora-delarsrapport-2025-08.xlsx');
const FLEN = path.join(REPO, 'examples/flen-namndrapport-2-2025.xlsx');
const FILL_SCRIPT = path.join(REPO, 'dist/scripts/fill-returned-report.js');

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-report-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function copyTo(src: string, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await fs.copyFile(src, file);
  return file;
}

/** Runs `styrkoll report` and fails the test when the input changed. */
async function report(input: string, args: string[]): Promise<CliRun> {
  const before = await fs.readFile(input);
  const run = await runCli(['report', input, ...args], { timeoutMs: 90_000 });
  expect((await fs.readFile(input)).equals(before)).toBe(true);
  expect(looksLikeStackTrace(run.stderr)).toBe(false);
  return run;
}

function expectOk(run: CliRun): void {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
}

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return readWorkbook(new Uint8Array(await fs.readFile(file)));
}

async function modelOf(file: string): Promise<Model> {
  return buildModel(await snapshotOf(file)).model;
}

function sheetXml(bytes: Uint8Array, index = 1): string {
  return strFromU8(unzipSync(bytes)[`xl/worksheets/sheet${index}.xml`]);
}

/** Every text a reader sees in a sheet, with its address. */
function texts(snapshot: WorkbookSnapshot): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  for (const s of snapshot.sheets) {
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && out.push({ at: `${s.name}!${String.fromCharCode(65 + c)}${r + 1}`, text: String(v) })));
  }
  return out;
}

/** An id as a whole token: "NM-ON-1" is not found in "NM-ON-1.1". */
function containsToken(text: string, token: string): boolean {
  const esc = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}.-])${esc}($|[^\\p{L}\\p{N}-]|\\.(?!\\d))`, 'u').test(text);
}

describe('report --type delarsrapport --per-namnd on the Hedemora example', () => {
  let dir: string;
  let model: Model;
  let namnder: string[];
  let run: CliRun;

  beforeAll(async () => {
    const input = await copyTo(HEDEMORA, 'hedemora.xlsx');
    dir = path.join(tmp, 'per-namnd');
    model = await modelOf(input);
    namnder = listNamnder(model);
    run = await report(input, ['--type', 'delarsrapport', '--per-namnd', dir]);
  });

  test('one workbook per nämnd, named after it', async () => {
    expectOk(run);
    expect(namnder.length).toBeGreaterThanOrEqual(4);
    expect((await fs.readdir(dir)).sort()).toEqual(namnder.map(fileNameFor).sort());
    for (const n of namnder) expect(run.stdout).toContain(fileNameFor(n));
  });

  test("each holds its nämnd's goals, indicators, uppdrag and budget total, and nothing of any other nämnd", async () => {
    const goalsOf = (n: string) => (model.goals?.items ?? []).filter((g) => sameNamnd(g.namnd, n));
    const uppdragOf = (n: string) => (model.uppdrag?.items ?? []).filter((u) => sameNamnd(u.ansvarig, n));
    for (const namnd of namnder) {
      const snap = await snapshotOf(path.join(dir, fileNameFor(namnd)));
      expect(snap.sheets).toHaveLength(1);
      const all = texts(snap);
      const has = (t: string) => all.some((x) => x.text.includes(t));

      expect(has(namnd)).toBe(true);
      const goals = goalsOf(namnd);
      const goalIds = new Set(goals.map((g) => g.id));
      for (const g of goals) {
        expect({ namnd, goal: g.id, id: has(g.id), text: has(g.text) }).toEqual({ namnd, goal: g.id, id: true, text: true });
      }
      for (const i of (model.indicators?.items ?? []).filter((x) => goalIds.has(x.goalId))) {
        expect({ namnd, indicator: i.id, found: has(i.text) }).toEqual({ namnd, indicator: i.id, found: true });
      }
      for (const u of uppdragOf(namnd)) expect({ namnd, uppdrag: u.id, found: has(u.text) }).toEqual({ namnd, uppdrag: u.id, found: true });

      const leaks: string[] = [];
      for (const other of namnder.filter((n) => n !== namnd)) {
        const tokens = [...goalsOf(other).map((g) => g.id), ...uppdragOf(other).map((u) => u.id)];
        for (const cell of all) {
          if (cell.text.toLowerCase().includes(other.toLowerCase())) leaks.push(`${cell.at}: namnet ${other}`);
          for (const t of tokens) if (containsToken(cell.text, t)) leaks.push(`${cell.at}: ${t} (${other})`);
        }
      }
      expect({ namnd, leaks }).toEqual({ namnd, leaks: [] });
    }
  });

  test('budget totals are live SUM formulas whose values match the master', async () => {
    for (const namnd of namnder) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, fileNameFor(namnd)));
      const ws = wb.worksheets[0];
      let totalRow = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(2).value === `Summa ${namnd}`) totalRow = r;
      });
      expect({ namnd, totalRow: totalRow > 0 }).toEqual({ namnd, totalRow: true });
      const lines = (model.budget?.lines ?? []).filter((l) => sameNamnd(l.namnd, namnd));
      const expected = { budget: 0, utfall: 0, prognos: 0 };
      for (const l of lines) for (const k of ['budget', 'utfall', 'prognos'] as const) expected[k] += l[k] ?? 0;
      // Columns D, E, F: Budget, Utfall, Helårsprognos; G: Avvikelse.
      const formulas = [4, 5, 6, 7].map((c) => (ws.getRow(totalRow).getCell(c).value as ExcelJS.CellFormulaValue).formula);
      expect(formulas).toEqual(['D', 'E', 'F', 'G'].map((L) => expect.stringMatching(new RegExp(`^SUM\\(${L}\\d+:${L}${totalRow - 1}\\)$`))));
      // The cached values (what a reader sees before Excel recalculates) match the master.
      const cached = (await snapshotOf(path.join(dir, fileNameFor(namnd)))).sheets[0].rows[totalRow - 1].slice(3, 7).map((v) => Math.round(Number(v)));
      expect(cached).toEqual([expected.budget, expected.utfall, expected.prognos, expected.budget - expected.prognos].map(Math.round));
      // Each verksamhet's avvikelse is a formula of its own row, and every amount has a number format.
      for (let r = totalRow - 1; r > 0 && ws.getRow(r).getCell(4).type === ExcelJS.ValueType.Number; r--) {
        expect((ws.getRow(r).getCell(7).value as ExcelJS.CellFormulaValue).formula).toBe(`D${r}-F${r}`);
        for (const c of [4, 5, 6, 7]) expect(ws.getRow(r).getCell(c).numFmt).toBe('#,##0');
      }
      for (const c of [4, 5, 6, 7]) expect(ws.getRow(totalRow).getCell(c).numFmt).toBe('#,##0');
    }
  });

  test('the id column A is hidden and long texts get row heights (SheetSpec.hiddenColumns and rowHeights, rendered by the writer)', async () => {
    const xml = sheetXml(new Uint8Array(await fs.readFile(path.join(dir, fileNameFor(namnder[0])))));
    expect(xml).toMatch(/<col min="1" max="1" [^>]*hidden="1"/);
    // Goal rows hold a Kommentar field: at least two lines (30 pt) to write in.
    const goalRow = /<row r="(\d+)"[^>]*>(?:(?!<\/row>).)*?<t>mal:[^<]*f\.kommentar/.exec(xml);
    expect(goalRow?.[0]).toMatch(/<row r="\d+" [^>]*ht="(3\d|[4-9]\d|\d{3})(\.\d+)?"[^>]*customHeight="1"/);
  });

  test('frozen header, A4 fit to width, protected without password, fill-in cells unlocked', async () => {
    for (const namnd of namnder) {
      const file = path.join(dir, fileNameFor(namnd));
      const bytes = new Uint8Array(await fs.readFile(file));
      const xml = sheetXml(bytes);
      expect(xml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/);
      expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      const protection = /<sheetProtection [^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(protection).toMatch(/sheet="1"/);
      expect(protection).not.toMatch(/password|hashValue|saltValue/i);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0];
      const [reading] = readReports(await snapshotOf(file));
      expect(reading.namnd).toBe(namnd);
      expect(reading.fields.size).toBeGreaterThan(0);
      for (const f of reading.fields.values()) {
        expect({ id: f.id, locked: ws.getCell(f.cell).protection?.locked }).toEqual({ id: f.id, locked: false });
      }
      // Locked by default: the title and a budget amount.
      expect(ws.getCell('B1').protection?.locked).not.toBe(false);
      expect(ws.getCell('D9').protection?.locked).not.toBe(false);
    }
  });
});

test('-o adds one report sheet per nämnd to a copy, keeping every original sheet and part', async () => {
  const input = await copyTo(HEDEMORA, 'hedemora-o.xlsx');
  const out = path.join(tmp, 'rapporter.xlsx');
  const run = await report(input, ['--type', 'delarsrapport', '-o', out]);
  expectOk(run);
  const before = await snapshotOf(input);
  const after = await snapshotOf(out);
  const namnder = listNamnder(buildModel(before).model);
  const added = after.sheets.filter((s) => !before.sheets.some((b) => b.name === s.name));
  expect(added).toHaveLength(namnder.length);
  expect(readReports(after).map((r) => r.namnd)).toEqual(namnder);
  for (const s of before.sheets) expect(after.sheets.find((a) => a.name === s.name)?.rows).toEqual(s.rows);
  const partsIn = Object.keys(unzipSync(new Uint8Array(await fs.readFile(input)))).filter((p) => !p.endsWith('/'));
  const partsOut = new Set(Object.keys(unzipSync(new Uint8Array(await fs.readFile(out)))));
  expect(partsIn.filter((p) => !partsOut.has(p))).toEqual([]);
});

test("-o refuses to replace a sheet of the user's own that has a report's name (any case), and writes nothing", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(HEDEMORA);
  wb.addWorksheet('omsorgsnämnden').getCell('A1').value = 'Mina egna anteckningar';
  const input = path.join(tmp, 'own-sheet.xlsx');
  await wb.xlsx.writeFile(input);
  const out = path.join(tmp, 'own-sheet-rapporter.xlsx');
  const run = await report(input, ['--type', 'delarsrapport', '-o', out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/redan ett eget blad som heter "omsorgsnämnden".*Byt namn på bladet/s);
  await expect(fs.access(out)).rejects.toThrow();
  // Styrkoll's own report sheets are still replaced: -o over its own output.
  const once = path.join(tmp, 'once.xlsx');
  expectOk(await report(HEDEMORA, ['--type', 'delarsrapport', '-o', once]));
  expectOk(await report(once, ['--type', 'delarsrapport', '-o', path.join(tmp, 'twice.xlsx')]));
});

describe('every --type on its example', () => {
  const cases: [string, string][] = [
    ...['namndrapport-1', 'namndrapport-2', 'namndrapport-3', 'namndrapport-4'].map((t): [string, string] => [t, FLEN]),
    ...['manadsrapport', 'delarsrapport', 'arsredovisning', 'atgardsplan'].map((t): [string, string] => [t, HEDEMORA]),
  ];
  test.each(cases)('%s', async (type, example) => {
    const input = await copyTo(example, `${type}-in.xlsx`);
    const out = path.join(tmp, `${type}.xlsx`);
    const run = await report(input, ['--type', type, '-o', out]);
    expectOk(run);
    const namnder = listNamnder(await modelOf(input));
    const readings = readReports(await snapshotOf(out));
    expect(readings.map((r) => [r.template, r.namnd])).toEqual(namnder.map((n) => [type, n]));
    expect(readings.every((r) => r.fields.size > 0)).toBe(true);
  });
});

test('an unknown --type exits 2 and names the valid ones', async () => {
  const input = await copyTo(HEDEMORA, 'unknown-type.xlsx');
  const out = path.join(tmp, 'never.xlsx');
  const run = await report(input, ['--type', 'kvartalsrapport', '-o', out]);
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^styrkoll: Okänd rapporttyp "kvartalsrapport"/);
  const templates = (await fs.readdir(path.join(REPO, 'rules/templates'))).filter((f) => f.endsWith('.json') && !f.includes('schema')).map((f) => f.replace(/\.json$/, ''));
  expect(templates.length).toBe(8);
  for (const t of templates) expect(lines[0]).toContain(t);
  await expect(fs.access(out)).rejects.toThrow();
});

describe('regeneration keeps every typed answer after a row was inserted', () => {
  const NAMND = 'Omsorgsnämnden';
  let master: string;
  let dir: string;
  let target: string;
  let filled: { id: string; cell: string; value: string | number }[];

  beforeAll(async () => {
    master = await copyTo(HEDEMORA, 'regen-master.xlsx');
    dir = path.join(tmp, 'regen');
    expectOk(await report(master, ['--type', 'delarsrapport', '--per-namnd', dir, '--namnd', NAMND]));
    target = path.join(dir, fileNameFor(NAMND));
    const { stdout } = await promisify(execFile)(process.execPath, [FILL_SCRIPT, target, target, '--seed', '4']);
    filled = JSON.parse(stdout);
  });

  test('the fill script filled every field', async () => {
    const [reading] = readReports(await snapshotOf(target));
    expect(filled.map((f) => f.id).sort()).toEqual([...reading.fields.keys()].sort());
    for (const f of filled) expect(reading.fields.get(f.id)?.value).toEqual(f.value);
  });

  test('insert a row, then report again: without --force nothing changes, with --force every answer is kept', async () => {
    const [before] = readReports(await snapshotOf(target));
    const firstGoal = before.rows.find((r) => r.key.key.startsWith('mal:') && Object.keys(r.key.fields).length > 0)!;
    await insertRowAbove(target, firstGoal.row, 'Nämndens egen anteckning');

    // The row really moved: the field's cell is one row further down.
    const [moved] = readReports(await snapshotOf(target));
    const id = `${firstGoal.key.key}:prognos`;
    expect(moved.fields.get(id)?.row).toBe(firstGoal.row + 1);
    for (const f of filled) expect({ id: f.id, value: moved.fields.get(f.id)?.value }).toEqual({ id: f.id, value: f.value });

    // The master gains a goal for the nämnd, so the summary has something to report.
    const changedMaster = await addGoal(master, NAMND, 'NM-ON-9', 'Fler äldre deltar i digitala aktiviteter');

    const kept = await fs.readFile(target);
    const refused = await report(changedMaster, ['--type', 'delarsrapport', '--per-namnd', dir, '--namnd', NAMND]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/--force/);
    expect((await fs.readFile(target)).equals(kept)).toBe(true);

    const again = await report(changedMaster, ['--type', 'delarsrapport', '--per-namnd', dir, '--namnd', NAMND, '--force']);
    expectOk(again);
    expect(again.stdout).toContain(`behöll ${filled.length} ifyllda svar`);
    expect(again.stdout).toMatch(/nya mål: NM-ON-9/);

    const [after] = readReports(await snapshotOf(target));
    for (const f of filled) expect({ id: f.id, value: after.fields.get(f.id)?.value }).toEqual({ id: f.id, value: f.value });
    expect(after.fields.has('mal:NM-ON-9:prognos')).toBe(true);
  });
});

/**
 * Inserts a row the way Excel does: cells below move down, and so do the merged ranges (exceljs'
 * spliceRows moves cells but leaves merges where they were, which Excel never does).
 */
async function insertRowAbove(file: string, row: number, note: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const merges: string[] = [...(ws.model as unknown as { merges: string[] }).merges];
  for (const m of merges) ws.unMergeCells(m);
  ws.spliceRows(row, 0, [null, note]);
  const shift = (ref: string) => ref.replace(/(\d+)$/, (n) => String(Number(n) >= row ? Number(n) + 1 : Number(n)));
  for (const m of merges) ws.mergeCells(m.split(':').map(shift).join(':'));
  await wb.xlsx.writeFile(file);
}

/** A copy of the master with one more goal for the nämnd (a row appended to Mål). */
async function addGoal(master: string, namnd: string, id: string, text: string): Promise<string> {
  const snap = await snapshotOf(master);
  const goals = buildModel(snap).model.goals!;
  const sibling = goals.items.find((g) => sameNamnd(g.namnd, namnd) && g.parentId)!;
  const sheet = snap.sheets.find((s) => s.name === goals.location.name)!;
  const row = sheet.rows.length + 1;
  const col = (k: string) => String.fromCharCode(64 + goals.location.columns[k]);
  const values: Record<string, string> = { id, niva: sibling.niva, text, parentId: sibling.parentId!, namnd };
  const edits = Object.entries(values).map(([k, v]) => ({ sheet: sheet.name, cell: `${col(k)}${row}`, value: v }));
  const out = path.join(tmp, 'regen-master-changed.xlsx');
  await fs.writeFile(out, setCellValues(new Uint8Array(await fs.readFile(master)), edits));
  return out;
}
