/**
 * The Office adapter and the xlsx reader must give the core the same snapshot for the same data:
 * the contract workbook is written to .xlsx with exceljs and read back by src/xlsx/read, and the
 * same data goes through readSnapshot on the fake Excel.
 */
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/xlsx/read';
import { readSnapshot } from '../../src/office/read-snapshot';
import { CONTRACT_SHEETS } from '../../src/office/contract-sheets';
import { FakeContext, asExcel, type FakeSheetInit } from './fake-excel';
import { budgetRows, contractWorkbook } from './workbook-fixture';

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
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('Office adapter and xlsx reader agree', () => {
  it('give the same snapshot of the contract workbook', async () => {
    const sheets = contractWorkbook();
    const fromOffice = await readSnapshot(asExcel(new FakeContext(sheets)));
    const fromXlsx = await readWorkbook(await toXlsx(sheets), { sheetNames: [...CONTRACT_SHEETS] });
    expect(fromOffice).toEqual(fromXlsx);
  });

  it('agree on a large Budget sheet read in many value syncs', async () => {
    const sheets: FakeSheetInit[] = [
      { name: 'Budget', rows: budgetRows(LARGE_LINES), errors: { '17,3': '#N/A' } },
      { name: 'Inställningar', rows: [['Kommun', 'Hedemora']] },
    ];
    const ctx = new FakeContext(sheets);
    const fromOffice = await readSnapshot(asExcel(ctx), { maxResponseBytes: LARGE_RESPONSE_BYTES });
    expect(ctx.syncCount).toBeGreaterThan(10);
    const fromXlsx = await readWorkbook(await toXlsx(sheets), { sheetNames: [...CONTRACT_SHEETS] });
    expect(fromOffice).toEqual(fromXlsx);
  });

  it('agree on a used range that starts at C5', async () => {
    const rows: (string | number | null)[][] = [];
    rows[4] = [null, null, 'Nämnd', 'Budget'];
    rows[6] = [null, null, 'KS', 1250.75];
    const sheets: FakeSheetInit[] = [{ name: 'Budget', rows }];
    const fromOffice = await readSnapshot(asExcel(new FakeContext(sheets)));
    const fromXlsx = await readWorkbook(await toXlsx(sheets), { sheetNames: [...CONTRACT_SHEETS] });
    expect(fromOffice).toEqual(fromXlsx);
  });
});
