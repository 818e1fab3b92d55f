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
import { contractWorkbook } from './workbook-fixture';

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
