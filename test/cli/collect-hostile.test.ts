/**
 * Issue 17 end to end: real `styrkoll report --per-namnd` output, returned as a careless or hostile
 * sender would edit it (with exceljs, as another spreadsheet program would save it), then
 * `styrkoll collect`. Nothing a report was not issued for reaches the master; each attempt is
 * reported in the output workbook; amounts typed in tkr land in kronor; -o never replaces an input.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { buildModel, type Model } from '../../src/core';
import { readReports, reportFileName } from '../../src/core/report';
import { readWorkbook } from '../../src/xlsx/read';
import { REPO, looksLikeStackTrace, runCli, type CliRun } from './run-cli';
import type { PublicFinding } from './helpers/cli-files';

const HEDEMORA = path.join(REPO, 'examples/hedemora-delarsrapport-2025-08.xlsx');
const ON = 'Omsorgsnämnden';
const KS = 'Kommunstyrelsen';

let tmp: string;
let masterFile: string;
let master: Model;
let made: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-hostile-'));
  masterFile = path.join(tmp, 'huvudarbetsbok.xlsx');
  await fs.copyFile(HEDEMORA, masterFile);
  master = buildModel(await readWorkbook(new Uint8Array(await fs.readFile(masterFile)))).model;
  made = path.join(tmp, 'utskick');
  const run = await runCli(['report', masterFile, '--type', 'delarsrapport', '--per-namnd', made], { timeoutMs: 90_000 });
  expect(run.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function open(namnd: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(made, reportFileName(namnd)));
  return wb;
}

/** The 1-based row whose id cell (column A) starts with `prefix`. */
function rowOf(ws: ExcelJS.Worksheet, prefix: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    const v = row.getCell(1).value;
    if (!found && typeof v === 'string' && v.startsWith(prefix)) found = r;
  });
  if (!found) throw new Error(`no row ${prefix}`);
  return found;
}

/** Column of a field in a row's id cell, e.g. "status" in `uppdrag:U1#f.status=G#…`. */
function fieldCol(ws: ExcelJS.Worksheet, row: number, field: string): string {
  return new RegExp(`#f\\.${field}=([A-Z]+)`).exec(String(ws.getCell(row, 1).value))![1];
}

async function collect(dir: string, files: Record<string, ExcelJS.Workbook>): Promise<{ run: CliRun; findings: PublicFinding[]; out: ExcelJS.Workbook }> {
  await fs.mkdir(dir, { recursive: true });
  for (const [name, wb] of Object.entries(files)) await wb.xlsx.writeFile(path.join(dir, name));
  const out = path.join(tmp, `${path.basename(dir)}-ut.xlsx`);
  const run = await runCli(['collect', dir, '--into', masterFile, '-o', out, '--json'], { timeoutMs: 90_000 });
  expect(looksLikeStackTrace(run.stderr)).toBe(false);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { run, findings: JSON.parse(run.stdout) as PublicFinding[], out: wb };
}

function uppdragStatus(wb: ExcelJS.Workbook, id: string): unknown {
  const u = master.uppdrag!.items.find((x) => x.id === id)!;
  return wb.getWorksheet(master.uppdrag!.location.name)!.getCell(u.row, master.uppdrag!.location.columns.status).value;
}

function reviewTexts(wb: ExcelJS.Workbook): unknown[] {
  const out: unknown[] = [];
  wb.getWorksheet('Saknas eller behöver granskas')!.eachRow((row) => row.eachCell((c) => out.push(c.value)));
  return out;
}

test('an id changed in column A, an added unhashed row and a changed nämnd in the first row change nothing they were not issued for', async () => {
  const wb = await open(ON);
  const ws = wb.worksheets[0];
  // 1. U1 is Omsorgsnämndens; the id is changed to U4 (Kommunstyrelsens), hash kept.
  const r = rowOf(ws, 'uppdrag:U1#');
  ws.getCell(r, 1).value = String(ws.getCell(r, 1).value).replace('uppdrag:U1#', 'uppdrag:U4#');
  ws.getCell(`${fieldCol(ws, r, 'status')}${r}`).value = 'Avbrutet';
  // 2. A row added with an id but no tag: an Utfall for I22 (87 in the master) and KS's uppdrag U6.
  const last = ws.rowCount + 2;
  ws.getCell(last, 1).value = 'indikator:I22#f.utfall=F';
  ws.getCell(last, 6).value = 999;
  ws.getCell(last + 1, 1).value = 'uppdrag:U6#f.status=G';
  ws.getCell(last + 1, 7).value = 'Avbrutet';
  const ks = await open(KS);
  // 3. Kommunstyrelsens report claims to be Bildningsnämndens in its first row.
  const k = ks.worksheets[0];
  k.getCell(1, 1).value = String(k.getCell(1, 1).value).replace(`namnd=${KS}`, 'namnd=Bildningsn%C3%A4mnden').replace(`namnd=${encodeURIComponent(KS)}`, 'namnd=Bildningsnämnden');
  const u4 = rowOf(k, 'uppdrag:U4#');
  k.getCell(`${fieldCol(k, u4, 'status')}${u4}`).value = 'Klar';

  const { findings, out } = await collect(path.join(tmp, 'fientlig'), { 'on.xlsx': wb, 'ks.xlsx': ks });
  expect(uppdragStatus(out, 'U4')).toBe('Klar'); // KS's own answer, in KS's own report, is taken
  expect(uppdragStatus(out, 'U6')).toBe('Pågår');
  expect(uppdragStatus(out, 'U1')).toBe('Pågår');
  const i22 = master.indicators!.items.find((i) => i.id === 'I22')!;
  expect(out.getWorksheet(master.indicators!.location.name)!.getCell(i22.row, master.indicators!.location.columns.outcome).value).toBe(87);
  const rules = findings.map((f) => `${f.rule}|${f.namnd}`);
  expect(rules).toEqual(expect.arrayContaining([`RAP-OGILTIG-RAD|${ON}`, `RAP-NAMND-ANDRAD|${KS}`]));
  expect(rules).not.toContain('RAP-DUBBLETT|Bildningsnämnden');
  expect(reviewTexts(out)).toEqual(expect.arrayContaining([999, 'Avbrutet']));
}, 120_000);

test('an extra sheet copied from another nämnd’s report is not taken', async () => {
  const wb = await open(ON);
  const ks = (await open(KS)).worksheets[0];
  const copy = wb.addWorksheet('Kopia');
  ks.eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = c.value)));
  const u4 = rowOf(copy, 'uppdrag:U4#');
  copy.getCell(`${fieldCol(copy, u4, 'status')}${u4}`).value = 'Avbrutet';
  const { findings, out } = await collect(path.join(tmp, 'kopia'), { 'on.xlsx': wb });
  expect(uppdragStatus(out, 'U4')).toBe('Ej påbörjad');
  expect(findings.some((f) => f.rule === 'RAP-FRAMMANDE-BLAD' && f.namnd === KS)).toBe(true);
  expect(reviewTexts(out)).toContain('Avbrutet');
}, 120_000);

test('a Belopp typed as 1500 in the report’s tkr lands as 1 500 000 kr; "1,2 mnkr" is read; Klart senast is a date', async () => {
  const wb = await open(ON);
  const ws = wb.worksheets[0];
  const a1 = rowOf(ws, 'atgard:1#');
  const a2 = rowOf(ws, 'atgard:2#');
  ws.getCell(`${fieldCol(ws, a1, 'atgard')}${a1}`).value = 'Färre vikarier';
  ws.getCell(`${fieldCol(ws, a1, 'belopp')}${a1}`).value = 1500;
  ws.getCell(`${fieldCol(ws, a1, 'klart')}${a1}`).value = new Date(Date.UTC(2025, 11, 31));
  ws.getCell(`${fieldCol(ws, a2, 'atgard')}${a2}`).value = 'Samordna inköp';
  ws.getCell(`${fieldCol(ws, a2, 'belopp')}${a2}`).value = '1,2 mnkr';
  expect(JSON.stringify(ws.getRow(a1 - 1).values)).toContain('Belopp (tkr)');
  const { out } = await collect(path.join(tmp, 'belopp'), { 'on.xlsx': wb });
  const loc = master.atgarder!.location;
  const sheet = out.getWorksheet(loc.name)!;
  const rows: unknown[][] = [];
  sheet.eachRow((row, r) => r > loc.headerRow && row.getCell(loc.columns.namnd).value === ON && rows.push([row.getCell(loc.columns.text).value, row.getCell(loc.columns.belopp).value, row.getCell(loc.columns.klartSenast).value]));
  expect(rows).toEqual(expect.arrayContaining([['Färre vikarier', 1_500_000, new Date(Date.UTC(2025, 11, 31))], ['Samordna inköp', 1_200_000, null]]));
}, 120_000);

test('collect -o refuses to write over one of the returned reports', async () => {
  const dir = path.join(tmp, 'skriv-over');
  await fs.mkdir(dir);
  const target = path.join(dir, reportFileName(ON));
  await fs.copyFile(path.join(made, reportFileName(ON)), target);
  const before = await fs.readFile(target);
  const run = await runCli(['collect', dir, '--into', masterFile, '-o', target, '--force'], { timeoutMs: 90_000 });
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain('returnerade rapporterna');
  expect((await fs.readFile(target)).equals(before)).toBe(true);
  expect(readReports(await readWorkbook(new Uint8Array(before)))).toHaveLength(1);
}, 120_000);
