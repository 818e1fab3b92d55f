/**
 * The add-in reads real ekonomisystem exports as the CLI does. Every export shape of
 * scripts/lib/export-workbooks.ts and every workbook in examples/ is written to .xlsx, read back
 * with exceljs (not with Styrkoll's reader) into the host model as Excel holds it and gives it to
 * Office.js – numbers as numbers, dates as serial numbers, a formula as its cached value, error
 * cells typed Error, a merged area's value in its top-left cell only, blanks as "" – and checked
 * by the add-in (checkOpenWorkbook, the real Office.js client) on Excel on the web and desktop.
 * Its findings and summary.inlast must be the CLI's (`check --json`, in process) and the core's
 * on the xlsx reader's snapshot for the same file.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CheckResult, Finding } from '../../../src/core';
import { OWN_SHEET_NAMES } from '../../../src/core/input';
import { runCheck } from '../../../src/cli/commands/check';
import { readWorkbook } from '../../../src/xlsx/read';
import { BUILDERS } from '../../../scripts/lib/export-workbooks';
import { ExcelHost, type HostSheetInit } from './excel-host';

jest.mock('../../../taskpane/rule-files', () => jest.requireActual('../../builders/rule-files').taskpaneRuleFilesModule());
// No MessageChannel turns in jest: the check yields with a resolved promise.
jest.mock('../../../taskpane/pane/yield-to-host', () => ({ createYieldToHost: () => () => Promise.resolve() }));

const { checkOpenWorkbook } = require('../../../taskpane/app-services') as typeof import('../../../taskpane/app-services');
const { bundledEngine } = require('../../../taskpane/engine') as typeof import('../../../taskpane/engine');

const REPO = path.resolve(__dirname, '..', '..', '..');
const OUT = path.join(REPO, 'test', '.out', 'exports-parity');
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The workbook as Excel holds it, for the host: what Range.values and valueTypes give. exceljs
 * turns a date-formatted number into a Date (back to the serial Excel keeps, in the workbook's
 * date system), gives a merged area's value in every cell of it (Excel: the top-left only) and a
 * formula with its cached result (Excel gives that result; without one, Excel would calculate).
 */
export async function hostSheetsOf(bytes: Uint8Array): Promise<HostSheetInit[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const epoch = wb.properties.date1904 ? EPOCH_1904 : EPOCH_1900;
  const serial = (d: Date) => (d.getTime() - epoch) / DAY_MS;
  return wb.worksheets.map((ws) => {
    const rows: (string | number | boolean)[][] = [];
    const errors: { row: number; col: number; code: string }[] = [];
    const put = (r: number, c: number, v: string | number | boolean) => ((rows[r - 1] ??= [])[c - 1] = v);
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.type === ExcelJS.ValueType.Formula ? (cell.value as ExcelJS.CellFormulaValue).result : cell.value;
        if (cell.type === ExcelJS.ValueType.Merge || value === null || value === undefined) return;
        if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') put(r, c, value);
        else if (value instanceof Date) put(r, c, serial(value));
        else if (typeof value === 'object' && 'error' in value) errors.push({ row: r, col: c, code: String(value.error) });
        else if (typeof value === 'object' && 'richText' in value) put(r, c, value.richText.map((t) => t.text).join(''));
        else if (typeof value === 'object' && 'text' in value) put(r, c, String((value as { text: unknown }).text));
        else throw new Error(`${ws.name}!${cell.address}: no Excel value for ${JSON.stringify(value)}`);
      }),
    );
    for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (v) => v ?? '');
    const tables = Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref: string } }> }).tables ?? {}).map((t) => ({
      name: t.table.name,
      ref: t.table.tableRef ?? t.table.ref,
    }));
    const visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
    return { name: ws.name, rows, errors, tables, visibility };
  });
}

/** The CLI's --json is the findings as the core gives them (rule, sheet, cell, severity, message, suggestion …). */
type Public = Finding;
const publicShape = (findings: Finding[]): Public[] => findings;
const NO_SETTINGS = { profile: null, thresholds: {} };

async function viaCli(name: string, bytes: Uint8Array): Promise<Public[]> {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, bytes);
  const out: string[] = [];
  const err: string[] = [];
  const rc = await runCheck(file, { json: true, quiet: true }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  expect(err).toEqual([]);
  expect([0, 1]).toContain(rc);
  return JSON.parse(out.join('\n')) as Public[];
}

/** The core on the xlsx reader's snapshot, as the CLI runs it (every sheet but Styrkoll's own). */
async function viaCore(bytes: Uint8Array): Promise<CheckResult> {
  const snapshot = await readWorkbook(bytes, { skipSheetNames: [...OWN_SHEET_NAMES] });
  const { findings, summary } = await bundledEngine().check(snapshot, {});
  return { findings, summary };
}

async function viaExcel(bytes: Uint8Array, platform: 'web' | 'desktop'): Promise<CheckResult> {
  const host = new ExcelHost(await hostSheetsOf(bytes), platform);
  (globalThis as Record<string, unknown>).Excel = { run: (work: (c: Excel.RequestContext) => Promise<unknown>) => host.run(work) };
  try {
    return (await checkOpenWorkbook(NO_SETTINGS)).result;
  } finally {
    delete (globalThis as Record<string, unknown>).Excel;
  }
}

async function expectParity(name: string, bytes: Uint8Array): Promise<CheckResult> {
  const core = await viaCore(bytes);
  const cli = await viaCli(name, bytes);
  expect(cli).toEqual(publicShape(core.findings));
  for (const platform of ['web', 'desktop'] as const) {
    const excel = await viaExcel(bytes, platform);
    expect({ platform, findings: publicShape(excel.findings) }).toEqual({ platform, findings: cli });
    expect({ platform, inlast: excel.summary.inlast }).toEqual({ platform, inlast: core.summary.inlast });
    expect({ platform, summary: excel.summary }).toEqual({ platform, summary: core.summary });
  }
  return core;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('export shapes (scripts/lib/export-workbooks.ts)', () => {
  test.each(BUILDERS.map((b) => [b().definition.file, b] as const))('%s: the add-in finds what the CLI finds, on the web and desktop', async (file, build) => {
    const core = await expectParity(file, await bytesOf(build().workbook));
    if (file !== 'ingen-budget.xlsx') expect(core.findings.some((f) => f.rule.startsWith('BUD-UNDERSKOTT'))).toBe(true);
  });
});

describe('examples/', () => {
  const files = readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.xlsx'));
  test('there are examples', () => expect(files.length).toBeGreaterThanOrEqual(3));
  test.each(files)('%s: the add-in finds what the CLI finds, on the web and desktop', async (file) => {
    const core = await expectParity(file, new Uint8Array(readFileSync(path.join(REPO, 'examples', file))));
    expect(core.findings.length).toBeGreaterThan(0);
  });
});

/** A budget as a kommun exports it, in kr, with the nämnd and a deficit or two. */
const BUDGET_HEADER = ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos', 'Kommentar'];
const BUDGET_LINES: (string | number)[][] = [
  ['Socialnämnden', 'Äldreomsorg', 120_000_000, 85_000_000, 131_000_000, ''],
  ['Socialnämnden', 'Individ- och familjeomsorg', 40_000_000, 26_000_000, 41_300_000, ''],
  ['Kultur- och fritidsnämnden', 'Bibliotek', 9_800_000, 6_100_000, 10_400_000, ''],
  ['Tekniska nämnden', 'Gator och vägar', 30_000_000, 19_000_000, 29_000_000, ''],
];

function put(ws: ExcelJS.Worksheet, top: number, left: number, rows: ExcelJS.CellValue[][]): void {
  rows.forEach((row, r) => row.forEach((v, c) => void (v !== '' && v !== null && (ws.getCell(top + r, left + c).value = v))));
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return bytesOf(wb);
}

describe('what exports hold besides plain values', () => {
  test('error values: a cached formula error and an error cell', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Budget');
      put(ws, 1, 1, [BUDGET_HEADER, ...BUDGET_LINES]);
      ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      ws.getCell('E4').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    });
    const core = await expectParity('fel.xlsx', bytes);
    expect(core.findings.filter((f) => f.rule === 'IN-FELVARDE').map((f) => f.cell)).toEqual(['D3', 'E4']);
  });

  test('the text "#N/A" an export wrote as text (valueTypes String) is a comment, not an error value', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Budget');
      put(ws, 1, 1, [BUDGET_HEADER, ...BUDGET_LINES]);
      ws.getCell('F2').value = '#N/A';
      ws.getCell('F3').value = '#REF!';
    });
    const core = await expectParity('fel-som-text.xlsx', bytes);
    expect(core.findings.filter((f) => f.rule === 'IN-FELVARDE')).toEqual([]);
  });

  test('a budget whose used range starts at B3, with merged title cells and formulas for the totals', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Driftredovisning');
      ws.getCell('B3').value = 'Driftredovisning augusti, belopp i kr';
      ws.mergeCells('B3:G3');
      put(ws, 5, 2, [BUDGET_HEADER, ...BUDGET_LINES]);
      ws.getCell('B10').value = 'Totalt';
      for (const c of ['D', 'E', 'F']) ws.getCell(`${c}10`).value = { formula: `SUM(${c}6:${c}9)`, result: BUDGET_LINES.reduce((n, l) => n + (l['DEF'.indexOf(c) + 2] as number), 0) } as ExcelJS.CellFormulaValue;
      ws.mergeCells('B11:C11');
      ws.getCell('B11').value = 'Kommentar: prognosen är osäker';
    });
    await expectParity('b3.xlsx', bytes);
  });

  test('a hidden sheet and a very hidden sheet, and the budget in an Excel table', async () => {
    const bytes = await workbook((wb) => {
      const notes = wb.addWorksheet('Dolt');
      put(notes, 1, 1, [BUDGET_HEADER, ['Barn- och utbildningsnämnden', 'Förskola', 50_000_000, 40_000_000, 60_000_000, '']]);
      notes.state = 'hidden';
      const very = wb.addWorksheet('Mycket dolt');
      put(very, 1, 1, [['Kommun', 'Flen']]);
      very.state = 'veryHidden';
      const ws = wb.addWorksheet('Uppföljning');
      ws.addTable({ name: 'Budgettabell', ref: 'A1', headerRow: true, columns: BUDGET_HEADER.map((name) => ({ name })), rows: BUDGET_LINES });
    });
    await expectParity('dolda.xlsx', bytes);
  });

  test('the header of a large sheet below row 40', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Export');
      for (let r = 1; r <= 44; r++) ws.getCell(r, 1).value = `Parameter ${r}`;
      const lines = Array.from({ length: 4000 }, (_, i) => [`Nämnd ${i % 5}`, `Verksamhet ${i}`, 1000 + i, 700 + i, 1200 + i, '']);
      put(ws, 45, 1, [BUDGET_HEADER, ...lines]);
    });
    await expectParity('rad45.xlsx', bytes);
  });

  /**
   * A 1904 workbook (from a Mac) keeps its date serials 1 462 days lower, and Office.js gives them
   * as kept; the xlsx reader moves date-formatted cells to the 1900 system. The add-in cannot do
   * the same yet: the office.js it ships has no Workbook.use1904DateSystem, and telling dates
   * from amounts needs each cell's number format. A known difference, kept here until fixed.
   */
  test.failing('dates in a 1904 workbook: the add-in reads the date four years early (known)', async () => {
    await datesCase(true);
  });

  test('dates as Excel holds them (serial numbers)', async () => {
    await datesCase(false);
  });
});

async function datesCase(date1904: boolean): Promise<void> {
    {
      const bytes = await workbook((wb) => {
        wb.properties.date1904 = date1904;
        put(wb.addWorksheet('Budget'), 1, 1, [BUDGET_HEADER, ...BUDGET_LINES]);
        const u = wb.addWorksheet('Uppdrag');
        put(u, 1, 1, [
          ['ID', 'Uppdrag', 'Nämnd', 'Status', 'Klart senast'],
          ['U1', 'Utred skolskjuts', 'Socialnämnden', 'Pågår', new Date(Date.UTC(2025, 5, 30))],
          ['U2', 'Ny taxa', 'Tekniska nämnden', 'Klart', new Date(Date.UTC(2024, 11, 31))],
        ]);
        u.getColumn(5).numFmt = 'yyyy-mm-dd';
        put(wb.addWorksheet('Inställningar'), 1, 1, [['Period', '2025-08']]);
      });
      await expectParity(`datum-${date1904 ? 1904 : 1900}.xlsx`, bytes);
    }
}

describe('sheets Styrkoll writes, and a Kontroll of the user\'s own', () => {

  test("a sheet Styrkoll wrote (A1 \"Styrkoll …\") is not read", async () => {
    const bytes = await workbook((wb) => {
      put(wb.addWorksheet('Sammanställning'), 1, 1, [['Styrkoll – rapport'], BUDGET_HEADER, ['Barn- och utbildningsnämnden', 'Förskola', 50_000_000, 40_000_000, 60_000_000, '']]);
      put(wb.addWorksheet('Budget'), 1, 1, [BUDGET_HEADER, ...BUDGET_LINES]);
    });
    const core = await expectParity('styrkoll-blad.xlsx', bytes);
    expect(core.findings.some((f) => f.namnd === 'Barn- och utbildningsnämnden')).toBe(false);
  });

  /**
   * Kontroll is the name of Styrkoll's own sheet: a sheet of the user's own by that name is read
   * by neither the CLI nor the add-in. `check -o` writes its sheet as "Kontroll (2)" beside it; the
   * add-in would replace it, so it stops before anything is written and asks for a rename.
   */
  test.each(['web', 'desktop'] as const)("a sheet of the user's own named Kontroll is not read, and the add-in (%s) does not replace it", async (platform) => {
    const own = [BUDGET_HEADER, ['Barn- och utbildningsnämnden', 'Förskola', 50_000_000, 40_000_000, 60_000_000, 'egna anteckningar']];
    const bytes = await workbook((wb) => {
      put(wb.addWorksheet('Kontroll'), 1, 1, own);
      put(wb.addWorksheet('Budget'), 1, 1, [BUDGET_HEADER, ...BUDGET_LINES]);
    });
    const core = await viaCore(bytes);
    expect(await viaCli('kontroll.xlsx', bytes)).toEqual(publicShape(core.findings));
    expect(core.findings.some((f) => f.namnd === 'Barn- och utbildningsnämnden')).toBe(false);
    expect(core.summary.inlast.join('\n')).not.toContain('Kontroll');

    const host = new ExcelHost(await hostSheetsOf(bytes), platform);
    (globalThis as Record<string, unknown>).Excel = { run: (work: (c: Excel.RequestContext) => Promise<unknown>) => host.run(work) };
    try {
      await expect(checkOpenWorkbook(NO_SETTINGS)).rejects.toThrow(/eget blad som heter "Kontroll".*Byt namn/);
    } finally {
      delete (globalThis as Record<string, unknown>).Excel;
    }
    expect(host.sheetNames()).toEqual(['Kontroll', 'Budget']);
    expect(host.values('Kontroll')).toEqual(own);
    // Nothing marked either: no cell of Budget has a fill.
    expect(host.sheet('Budget').fills.size).toBe(0);
  });

  test("Styrkoll's own Kontroll sheet is replaced on the next check, as before", async () => {
    const bytes = await workbook((wb) => put(wb.addWorksheet('Budget'), 1, 1, [BUDGET_HEADER, ...BUDGET_LINES]));
    const host = new ExcelHost(await hostSheetsOf(bytes), 'web');
    (globalThis as Record<string, unknown>).Excel = { run: (work: (c: Excel.RequestContext) => Promise<unknown>) => host.run(work) };
    try {
      const first = await checkOpenWorkbook(NO_SETTINGS);
      const second = await checkOpenWorkbook(NO_SETTINGS);
      expect(second.result).toEqual(first.result);
    } finally {
      delete (globalThis as Record<string, unknown>).Excel;
    }
    expect(host.sheetNames()).toEqual(['Budget', 'Kontroll']);
  });
});
