/**
 * The round trip as a controller runs it: `styrkoll report --per-namnd`, the nämnder fill in
 * their workbooks (scripts/fill-returned-report.ts, as a separate process), `styrkoll collect`
 * brings the answers into a copy of the master. Every answer must land where docs/reports.md says,
 * the findings must be exactly the unanswered fields, and a workbook changed outside its yellow
 * fields must be named and left out.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { buildModel, type Model } from '../../src/core';
import { listNamnder, readReports, sameNamnd, type ReportReading } from '../../src/core/report';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbook } from '../../src/xlsx/read';
import { setCellValues } from '../../src/xlsx/write';
import { reportFileName as fileNameFor } from '../../src/core/report';
import { REPO, looksLikeStackTrace, runCli, type CliRun } from './run-cli';
import type { PublicFinding } from './helpers/cli-files';

const HEDEMORA = path.join(REPO, 'examples/hedemora-delarsrapport-2025-08.xlsx');
const FILL_SCRIPT = path.join(REPO, 'dist/scripts/fill-returned-report.js');
const TEMPLATE = require('../../rules/templates/delarsrapport.json') as { sections: { kind: string; id?: string; required?: boolean }[] };

interface Filled {
  sheet: string;
  cell: string;
  id: string;
  value: string | number;
}

let tmp: string;
let masterFile: string;
let master: Model;
let masterSnap: WorkbookSnapshot;
let namnder: string[];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-collect-'));
  masterFile = path.join(tmp, 'huvudarbetsbok.xlsx');
  await fs.copyFile(HEDEMORA, masterFile);
  masterSnap = await snapshotOf(masterFile);
  master = buildModel(masterSnap).model;
  namnder = listNamnder(master);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return readWorkbook(new Uint8Array(await fs.readFile(file)));
}

/** Runs the CLI and fails the test when a file it must only read changed. */
async function cli(args: string[], readOnly: string[]): Promise<CliRun> {
  const before = await Promise.all(readOnly.map((f) => fs.readFile(f)));
  const run = await runCli(args, { timeoutMs: 90_000 });
  const after = await Promise.all(readOnly.map((f) => fs.readFile(f)));
  readOnly.forEach((f, i) => expect({ f, unchanged: after[i].equals(before[i]) }).toEqual({ f, unchanged: true }));
  expect(looksLikeStackTrace(run.stderr)).toBe(false);
  return run;
}

async function fill(file: string, args: string[]): Promise<Filled[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [FILL_SCRIPT, file, file, ...args]);
  return JSON.parse(stdout) as Filled[];
}

async function readingOf(file: string): Promise<ReportReading> {
  const readings = readReports(await snapshotOf(file));
  expect(readings).toHaveLength(1);
  return readings[0];
}

async function excel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function serialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

const REQUIRED_TEXTS = new Set(TEMPLATE.sections.filter((s) => s.kind === 'text' && s.required !== false).map((s) => s.id!));

/** The findings the unanswered fields of one returned report must give, as "rule|namnd|sheet|cell". */
function expectedFindings(namnd: string, reading: ReportReading, blank: Set<string>): string[] {
  const out: string[] = [];
  const at = (rule: string, cell: string) => out.push(`${rule}|${namnd}|${reading.sheet}|${cell}`);
  for (const f of reading.fields.values()) {
    if (!blank.has(f.id)) continue;
    if (/^avvikelse:.*:analys$/.test(f.id)) at('RAP-AVVIKELSE-ANALYS', f.cell);
    else if (/^mal:.*:prognos$/.test(f.id)) at('RAP-MAL-PROGNOS', f.cell);
    else if (/^indikator:.*:utfall$/.test(f.id)) at('RAP-INDIKATOR-UTFALL', f.cell);
    else if (REQUIRED_TEXTS.has(f.id)) at('RAP-TEXT-SAKNAS', f.cell);
  }
  // A deficit with no åtgärd written, and none in the master already, needs an åtgärdsplan.
  const deficit = (master.budget?.lines ?? []).filter((l) => sameNamnd(l.namnd, namnd)).reduce((s, l) => s + (l.avvikelse ?? 0), 0);
  const atgarder = [...reading.fields.values()].filter((f) => /^atgard:\d+:atgard$/.test(f.id));
  const existing = (master.atgarder?.items ?? []).some((a) => sameNamnd(a.namnd, namnd));
  if (deficit <= -0.5 && !existing && atgarder.length && atgarder.every((f) => blank.has(f.id))) {
    const first = [...reading.fields.values()].find((f) => f.id.startsWith('atgard:'))!;
    at('RAP-ATGARDSPLAN', first.cell);
  }
  return out;
}

describe('report → fill → collect', () => {
  const FULL = ['Kommunstyrelsen', 'Omsorgsnämnden'];
  const PARTLY = 'Bildningsnämnden';
  const PARTLY_MATCH = '^(mal:[^:]+:prognos|atgard:1:|analys:|uppdrag:[^:]+:status)';
  let dir: string;
  let out: string;
  let run: CliRun;
  const filled = new Map<string, Filled[]>();
  const readings = new Map<string, ReportReading>();
  /** What each report held before the nämnd touched it (the pre-filled prognoser and statuses). */
  const prefilled = new Map<string, ReportReading>();

  beforeAll(async () => {
    dir = path.join(tmp, 'returnerade');
    const made = await cli(['report', masterFile, '--type', 'delarsrapport', '--per-namnd', dir], [masterFile]);
    expect(made.code).toBe(0);
    for (const n of namnder) prefilled.set(n, await readingOf(path.join(dir, fileNameFor(n))));
    for (const [i, n] of FULL.entries()) filled.set(n, await fill(path.join(dir, fileNameFor(n)), ['--seed', String(i + 1)]));
    filled.set(PARTLY, await fill(path.join(dir, fileNameFor(PARTLY)), ['--seed', '9', '--match', PARTLY_MATCH]));
    for (const n of namnder) readings.set(n, await readingOf(path.join(dir, fileNameFor(n))));
    out = path.join(tmp, 'insamlad.xlsx');
    run = await cli(['collect', dir, '--into', masterFile, '-o', out, '--json'], [masterFile, ...namnder.map((n) => path.join(dir, fileNameFor(n)))]);
  });

  test('the nämnder filled what was asked: all of two workbooks, some of a third, none of the rest', () => {
    expect(namnder.length).toBeGreaterThanOrEqual(5);
    for (const n of FULL) expect(filled.get(n)!.map((f) => f.id).sort()).toEqual([...readings.get(n)!.fields.keys()].sort());
    const partly = filled.get(PARTLY)!;
    expect(partly.length).toBeGreaterThan(0);
    expect(partly.length).toBeLessThan(readings.get(PARTLY)!.fields.size);
  });

  test('collect exits 0 and the findings are exactly the unanswered fields', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const findings = JSON.parse(run.stdout) as PublicFinding[];
    const expected: string[] = [];
    for (const n of namnder) {
      const reading = readings.get(n)!;
      const done = new Set((filled.get(n) ?? []).map((f) => f.id));
      const blank = new Set([...reading.fields.values()].filter((f) => !done.has(f.id) && (f.value === null || String(f.value).trim() === '')).map((f) => f.id));
      expected.push(...expectedFindings(n, reading, blank));
    }
    expect(expected.length).toBeGreaterThan(5);
    expect(findings.map((f) => `${f.rule}|${f.namnd}|${f.sheet}|${f.cell}`).sort()).toEqual(expected.sort());
    for (const f of findings) expect(f.message).toContain(fileNameFor(f.namnd!));
  });

  test('every answer lands in the master: Mål Prognos, Uppdrag Status, new Åtgärder rows, Sammanställning', async () => {
    const wb = await excel(out);
    const goals = master.goals!;
    const goalSheet = wb.getWorksheet(goals.location.name)!;
    const uppdrag = master.uppdrag!;
    const uppdragSheet = wb.getWorksheet(uppdrag.location.name)!;
    const summary = wb.getWorksheet('Sammanställning')!;
    expect(summary).toBeDefined();
    const summaryRows: unknown[][] = [];
    summary.eachRow((row) => summaryRows.push([1, 2, 3, 4].map((c) => row.getCell(c).value)));

    const atgardSheet = wb.getWorksheet(master.atgarder!.location.name)!;
    const atgardHeader = master.atgarder!.location.headerRow;
    const originalAtgardRows = masterSnap.sheets.find((s) => s.name === master.atgarder!.location.name)!.rows.length;
    const col = (k: string) => master.atgarder!.location.columns[k];
    const newAtgarder: unknown[][] = [];
    atgardSheet.eachRow((row, r) => {
      if (r > originalAtgardRows && r > atgardHeader) {
        newAtgarder.push(['namnd', 'text', 'belopp', 'ansvarig', 'klartSenast', 'status'].map((k) => {
          const v = row.getCell(col(k)).value;
          return v instanceof Date ? v.toISOString().slice(0, 10) : v;
        }));
      }
    });

    const expectedAtgarder: unknown[][] = [];
    let checked = 0;
    for (const [namnd, list] of filled) {
      const file = fileNameFor(namnd);
      const byId = new Map(list.map((f) => [f.id, f]));
      for (const f of list) {
        // Every answer, with the cell it came from, in Sammanställning; a value left as pre-filled is no answer.
        const hit = summaryRows.find((r) => r[0] === namnd && r[3] === `${file}: ${f.sheet}!${f.cell}`);
        const unchanged = prefilled.get(namnd)!.fields.get(f.id)?.value === f.value;
        const shown = hit?.[2] instanceof Date ? Math.round((hit[2] as Date).getTime() / 86_400_000) + 25569 : hit?.[2];
        expect({ id: f.id, value: shown }).toEqual({ id: f.id, value: unchanged ? undefined : f.value });
        let m: RegExpExecArray | null;
        if ((m = /^mal:(.+):prognos$/.exec(f.id))) {
          const g = goals.items.find((x) => x.id === m![1])!;
          expect({ goal: g.id, prognos: goalSheet.getCell(g.row, goals.location.columns.prognos).value }).toEqual({ goal: g.id, prognos: f.value });
          checked++;
        } else if ((m = /^uppdrag:(.+):status$/.exec(f.id))) {
          const u = uppdrag.items.find((x) => x.id === m![1])!;
          expect({ uppdrag: u.id, status: uppdragSheet.getCell(u.row, uppdrag.location.columns.status).value }).toEqual({ uppdrag: u.id, status: f.value });
          checked++;
        } else if ((m = /^atgard:(\d+):atgard$/.exec(f.id))) {
          const v = (field: string) => byId.get(`atgard:${m![1]}:${field}`)?.value ?? null;
          const klart = v('klart');
          // Belopp is typed in tkr (the report's unit) and lands in kronor; Klart senast as a date.
          const belopp = v('belopp');
          expectedAtgarder.push([namnd, v('atgard'), typeof belopp === 'number' ? belopp * 1000 : belopp, v('ansvarig'), typeof klart === 'number' ? serialToIso(klart) : klart, v('status')]);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(expectedAtgarder.length).toBeGreaterThanOrEqual(11);
    const key = (r: unknown[]) => JSON.stringify(r);
    expect(newAtgarder.map(key).sort()).toEqual(expectedAtgarder.map(key).sort());
  });

  test('a returned workbook changed in a locked budget cell is named; that row’s answer is listed, not merged, and the rest comes in', async () => {
    const tampered = path.join(tmp, 'andrad');
    await fs.mkdir(tampered);
    const namnd = FULL[0];
    const file = path.join(tampered, fileNameFor(namnd));
    const reading = readings.get(namnd)!;
    const budgetRow = reading.rows.find((r) => r.key.key.startsWith('avvikelse:'))!;
    const cell = `D${budgetRow.row}`;
    const original = (await snapshotOf(path.join(dir, fileNameFor(namnd)))).sheets[0].rows[budgetRow.row - 1][3] as number;
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, fileNameFor(namnd))));
    await fs.writeFile(file, setCellValues(bytes, [{ sheet: reading.sheet, cell, value: original + 1000 }]));
    // A nämnd that filled nothing comes along, so the run is not only the changed file.
    await fs.copyFile(path.join(dir, fileNameFor(PARTLY)), path.join(tampered, fileNameFor(PARTLY)));

    const out2 = path.join(tmp, 'insamlad-andrad.xlsx');
    const run2 = await cli(['collect', tampered, '--into', masterFile, '-o', out2, '--json'], [masterFile, file]);
    expect(run2.code).toBe(0);
    const findings = JSON.parse(run2.stdout) as PublicFinding[];
    const changed = findings.filter((f) => f.rule === 'RAP-LAST-CELL-ANDRAD');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ namnd, sheet: reading.sheet, cell, severity: 'fel' });
    expect(changed[0].message).toContain(cell);
    // The other workbook's answers still came in.
    expect(findings.some((f) => f.namnd === PARTLY)).toBe(true);

    const wb = await excel(out2);
    const goals = master.goals!;
    const goalSheet = wb.getWorksheet(goals.location.name)!;
    // The other rows' answers came in (issue 17: a changed locked cell costs only its own row).
    for (const f of filled.get(namnd)!.filter((x) => /^mal:.*:prognos$/.test(x.id))) {
      const g = goals.items.find((x) => `mal:${x.id}:prognos` === f.id)!;
      expect({ goal: g.id, value: goalSheet.getCell(g.row, goals.location.columns.prognos).value }).toEqual({ goal: g.id, value: f.value });
    }
    const summaryTexts: unknown[] = [];
    wb.getWorksheet('Sammanställning')!.eachRow((row, r) => r > 4 && summaryTexts.push(row.getCell(1).value, row.getCell(3).value));
    expect(summaryTexts).toContain(namnd);
    expect(summaryTexts).toContain(PARTLY);
    // The changed row's analysis is not in Sammanställning but in the review sheet, with its text.
    const analysis = filled.get(namnd)!.find((x) => x.id === `${budgetRow.key.key}:analys`);
    const review: unknown[] = [];
    wb.getWorksheet('Saknas eller behöver granskas')!.eachRow((row) => row.eachCell((c) => review.push(c.value)));
    expect(review).toContain(cell === '' ? null : changed[0].message);
    if (analysis) {
      expect(summaryTexts).not.toContain(analysis.value);
      expect(review).toContain(analysis.value);
    }
  });
});
