/**
 * The Office adapter and the xlsx reader must give the core the same snapshot for the same data:
 * each workbook is written to .xlsx with exceljs and read back by src/xlsx/read (every sheet but
 * Styrkoll's own, as the CLI reads), and the same data goes through readSnapshot on the real
 * Office.js client against the host model (real-client/), which reads the sheets the core picks from their first 40 rows. Which sheets those are is
 * written out here, not taken from the code under test.
 */
import ExcelJS from 'exceljs';
import { checkWorkbook, loadRuleSet, type RuleSet } from '../src/core';
import { OWN_SHEET_NAMES } from '../src/core/input';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { readWorkbook } from '../src/xlsx/read';
import { readSnapshot } from '../src/office/read-snapshot';
import { ruleFilesFromDisk } from './builders/rule-files';
import { driftRows } from './builders/driftredovisning';
import type { FakeSheetInit } from './office/fake-excel';
import { ExcelHost } from './office/real-client/excel-host';
import { budgetRows, contractWorkbook, toHostSheets } from './office/workbook-fixture';

/** The sheets in Excel on the web (the host model behind the real client). */
const hostOf = (sheets: FakeSheetInit[]) => new ExcelHost(toHostSheets(sheets), 'web');

/**
 * The large case: 30 000 lines with a 256 KiB response budget take 30 value syncs, more than
 * 100 000 lines take with the real budget, at a fifth of the cost of writing the xlsx side.
 */
const LARGE_LINES = 30_000;
const LARGE_RESPONSE_BYTES = 256 * 1024;

async function toXlsx(sheets: FakeSheetInit[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    (s.rows ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== undefined && v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const [k, code] of Object.entries(s.errors ?? {})) {
      const [r, c] = k.split(',').map(Number);
      ws.getCell(r + 1, c + 1).value = { error: code } as ExcelJS.CellErrorValue;
    }
    for (const t of s.tables ?? []) {
      const [a, b] = t.ref.split(':');
      const first = ws.getCell(a);
      const last = ws.getCell(b);
      const header = (s.rows ?? [])[Number(first.row) - 1] ?? [];
      const cols = Array.from({ length: Number(last.col) - Number(first.col) + 1 }, (_, i) => ({ name: String(header[Number(first.col) - 1 + i] ?? `K${i + 1}`) }));
      const body = (s.rows ?? []).slice(Number(first.row), Number(last.row)).map((r) => cols.map((_, i) => r[Number(first.col) - 1 + i] ?? null));
      ws.addTable({ name: t.name, ref: a, headerRow: true, columns: cols, rows: body });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** What the CLI reads: every sheet but Styrkoll's own. */
async function viaXlsx(sheets: FakeSheetInit[]): Promise<WorkbookSnapshot> {
  return readWorkbook(await toXlsx(sheets), { skipSheetNames: [...OWN_SHEET_NAMES] });
}

const only = (snapshot: WorkbookSnapshot, names: string[]): WorkbookSnapshot => ({ sheets: snapshot.sheets.filter((s) => names.includes(s.name)) });

/**
 * The Office snapshot holds the sheets the core uses in full and every other sheet as far as it
 * was read: at least its first 40 rows, as the xlsx reader has them.
 */
function expectSameRead(fromOffice: WorkbookSnapshot, fromXlsx: WorkbookSnapshot, used: string[]): void {
  expect(fromOffice.sheets.map((s) => s.name)).toEqual(fromXlsx.sheets.map((s) => s.name));
  expect(only(fromOffice, used)).toEqual(only(fromXlsx, used));
  for (const sheet of fromOffice.sheets.filter((s) => !used.includes(s.name))) {
    const full = fromXlsx.sheets.find((s) => s.name === sheet.name)!;
    expect(sheet.rows.length).toBeGreaterThanOrEqual(Math.min(40, full.rows.length));
    expect(sheet.rows).toEqual(full.rows.slice(0, sheet.rows.length));
  }
}

let ruleSet: RuleSet;
beforeAll(() => {
  ruleSet = loadRuleSet(ruleFilesFromDisk());
});

const findingsOf = async (snapshot: WorkbookSnapshot) => (await checkWorkbook(snapshot, { ruleSet })).findings;

/** Budgetuppföljning, Atgarder and Settings: names the core knows that no exact list had. */
function namedWorkbook(): FakeSheetInit[] {
  return [
    { name: 'Kontroll', rows: [['Styrkoll – kontroll'], ['gammalt resultat']] },
    { name: 'Noteringar', rows: [['Att göra'], ['Ringa ekonomichefen']] },
    {
      name: 'Budgetuppföljning',
      rows: [
        ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos', 'Kommentar'],
        ['Socialnämnden', 'Äldreomsorg', 120_000_000, 85_000_000, 131_000_000, ''],
        ['Socialnämnden', 'Individ- och familjeomsorg', 40_000_000, 26_000_000, 40_100_000, ''],
        ['Kultur- och fritidsnämnden', 'Bibliotek', 9_800_000, 6_100_000, 9_700_000, '=inte en formel'],
      ],
    },
    { name: 'Atgarder', rows: [['Nämnd', 'Åtgärd', 'Belopp', 'Ansvarig'], ['Socialnämnden', 'Se över bemanningen', 3_000_000, 'Socialchefen']] },
    { name: 'Settings', rows: [['Kommun', 'Hedemora'], ['Profil', 'hedemora'], ['Period', '2025-08']] },
  ];
}

/**
 * A Driftredovisning found by its content, large enough that the adapter reads its first 40 rows
 * before it knows it is the budget, beside a large sheet of other rows that it must not read.
 */
function contentWorkbook(): FakeSheetInit[] {
  const other = Array.from({ length: 6_000 }, (_, i) => [`Post ${i}`, i, i * 2, 'anteckning']);
  return [
    { name: 'Blad1', rows: [['Lista över lokaler'], ['Lokal', 'Yta', 'Hyra', 'Not'], ...other] },
    { name: 'Driftredovisning', rows: driftRows(2_000) },
    { name: 'Installningar', rows: [['Kommun', 'Exempelby'], ['Period', '2025-08']] },
  ];
}

describe('Office adapter and xlsx reader agree', () => {
  it('give the same snapshot of the contract workbook', async () => {
    const sheets = contractWorkbook();
    const fromOffice = await readSnapshot(hostOf(sheets).context());
    expect(fromOffice).toEqual(await viaXlsx(sheets));
  });

  it('read Budgetuppföljning, Atgarder and Settings, and give the same findings', async () => {
    const sheets = namedWorkbook();
    const fromOffice = await readSnapshot(hostOf(sheets).context());
    const fromXlsx = await viaXlsx(sheets);
    expect(fromOffice.sheets.map((s) => s.name)).toEqual(['Noteringar', 'Budgetuppföljning', 'Atgarder', 'Settings']);
    expectSameRead(fromOffice, fromXlsx, ['Budgetuppföljning', 'Atgarder', 'Settings']);
    const findings = await findingsOf(fromOffice);
    expect(findings.some((f) => f.sheet === 'Budgetuppföljning' && f.row === 2)).toBe(true);
    expect(findings.some((f) => f.rule === 'IN-BLAD-SAKNAS')).toBe(false);
    expect(findings).toEqual(await findingsOf(fromXlsx));
  });

  it('read a Driftredovisning found by content in full, leave the other large sheet unread, and give the same findings', async () => {
    const sheets = contentWorkbook();
    const host = hostOf(sheets);
    const progress: [number, number][] = [];
    const fromOffice = await readSnapshot(host.context(), { onProgress: (done, total) => progress.push([done, total]) });
    const fromXlsx = await viaXlsx(sheets);
    expectSameRead(fromOffice, fromXlsx, ['Driftredovisning', 'Installningar']);
    // The bar only moves forward and ends full.
    const shares = progress.map(([d, t]) => d / t);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[shares.length - 1]).toBe(1);
    expect(fromOffice.sheets.find((s) => s.name === 'Blad1')!.rows).toHaveLength(40);
    // Names, used ranges, the heads (and the small sheets), then the rest of Driftredovisning.
    expect(host.syncs.length).toBe(4);
    // Blad1's 24 000 cells beyond its head were never asked for.
    const read = host.syncs.reduce((a, b) => a + b.responseBytes, 0);
    expect(read).toBeLessThan(JSON.stringify(sheets[1].rows).length * 3);
    const findings = await findingsOf(fromOffice);
    expect(findings.filter((f) => f.severity !== 'info' && f.rule.startsWith('BUD')).map((f) => f.namnd)).toEqual(expect.arrayContaining(['Kommunstyrelsen', 'Barn- och utbildningsnämnden']));
    expect(findings).toEqual(await findingsOf(fromXlsx));
  });

  it('read a budget table whose header row is below row 40, found by its Excel table', async () => {
    const rows: (string | number)[][] = Array.from({ length: 45 }, (_, i) => [`Parameter ${i + 1}`, 'x']);
    rows.push(['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos']);
    for (let i = 0; i < 5_000; i++) rows.push([`Nämnd ${i % 5}`, `Verksamhet ${i}`, 1000 + i, 700 + i, 1000 + i]);
    const sheets: FakeSheetInit[] = [{ name: 'Export', rows, tables: [{ name: 'Budgettabell', ref: `A46:E${rows.length}` }] }];
    const fromOffice = await readSnapshot(hostOf(sheets).context());
    expect(fromOffice).toEqual(await viaXlsx(sheets));
  });

  it('give the same findings for a workbook with no budget data, naming the sheets that were not read', async () => {
    const other = Array.from({ length: 6_000 }, (_, i) => [`Post ${i}`, 'text', i]);
    const sheets: FakeSheetInit[] = [
      { name: 'Blad1', rows: [['Lista'], ['Post', 'Typ', 'Nr'], ...other] },
      { name: 'Blad2', rows: [['Anteckningar'], ['Ring ekonomichefen']] },
    ];
    const fromOffice = await readSnapshot(hostOf(sheets).context());
    const fromXlsx = await viaXlsx(sheets);
    expectSameRead(fromOffice, fromXlsx, []);
    const office = await checkWorkbook(fromOffice, { ruleSet });
    const xlsx = await checkWorkbook(fromXlsx, { ruleSet });
    expect(office.summary.budgetRead).toBe(false);
    expect(office.findings.find((f) => f.rule === 'IN-BLAD-SAKNAS')!.message).toContain('”Blad1” och ”Blad2”');
    expect(office.findings).toEqual(xlsx.findings);
    expect(office.summary.inlast).toEqual(xlsx.summary.inlast);
  });

  it('agree on a large Budget sheet read in many value syncs', async () => {
    const sheets: FakeSheetInit[] = [
      { name: 'Budget', rows: budgetRows(LARGE_LINES), errors: { '17,3': '#N/A' } },
      { name: 'Inställningar', rows: [['Kommun', 'Hedemora']] },
    ];
    const host = hostOf(sheets);
    const fromOffice = await readSnapshot(host.context(), { maxResponseBytes: LARGE_RESPONSE_BYTES });
    expect(host.syncs.length).toBeGreaterThan(10);
    expect(fromOffice).toEqual(await viaXlsx(sheets));
  });

  it('agree on a used range that starts at C5', async () => {
    const rows: (string | number | null)[][] = [];
    rows[4] = [null, null, 'Nämnd', 'Budget'];
    rows[6] = [null, null, 'KS', 1250.75];
    const sheets: FakeSheetInit[] = [{ name: 'Budget', rows }];
    expect(await readSnapshot(hostOf(sheets).context())).toEqual(await viaXlsx(sheets));
  });
});
