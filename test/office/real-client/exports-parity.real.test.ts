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

jest.mock('../../../taskpane/rule-files', () => {
  const actual = jest.requireActual('../../../taskpane/rule-files');
  const { readdirSync: list, readFileSync: read, statSync: stat } = jest.requireActual('node:fs');
  const p = jest.requireActual('node:path');
  const root = p.resolve(__dirname, '..', '..', '..');
  const walk = (dir: string): string[] => list(dir).flatMap((n: string) => (stat(p.join(dir, n)).isDirectory() ? walk(p.join(dir, n)) : [p.join(dir, n)]));
  const files = walk(p.join(root, 'rules'))
    .filter((f: string) => f.endsWith('.json'))
    .map((f: string) => ({ path: p.relative(root, f).split(p.sep).join('/'), json: JSON.parse(read(f, 'utf8')) }));
  return { ...actual, bundledRuleFiles: () => actual.partitionRuleFiles(files) };
});
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
    return { name: ws.name, rows, errors, tables };
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
