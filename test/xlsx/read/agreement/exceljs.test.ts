import ExcelJS from 'exceljs';
import type { CellValue } from '../../../../src/core/snapshot';
import { readWorkbook } from '../../../../src/xlsx/read';

/** exceljs's reading of a cell, mapped to the snapshot's conventions. */
function fromExcelJs(cell: ExcelJS.Cell): CellValue | { error: string } {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25569;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return { error: v.error };
    if ('result' in v) {
      const r = v.result;
      if (r && typeof r === 'object' && 'error' in r) return { error: r.error };
      return r instanceof Date ? r.getTime() / 86_400_000 + 25569 : ((r ?? null) as CellValue);
    }
    if ('text' in v) return v.text;
  }
  return v as CellValue;
}

describe('readWorkbook agrees with exceljs on a workbook written by exceljs', () => {
  it('values, errors and sheet names are equal', async () => {
    const wb = new ExcelJS.Workbook();
    const budget = wb.addWorksheet('Budget');
    budget.addRow(['Nämnd', 'Verksamhet', 'Budget 2025', 'Utfall', 'Prognos', 'Kommentar', 'Klart']);
    const namnder = ['Kommunstyrelsen', 'Socialnämnden', 'Barn- och utbildningsnämnden', 'Tekniska nämnden'];
    for (let i = 0; i < 200; i++) {
      const r = budget.addRow([namnder[i % 4], `Verksamhet ${i}`, 1000 + i * 12.5, -i, i % 7 === 0 ? null : i * 3.25, i % 5 === 0 ? 'Över budget' : undefined, new Date(Date.UTC(2025, i % 12, 1 + (i % 28)))]);
      r.getCell(8).value = { formula: `C${r.number}-E${r.number}`, result: 1000 + i * 12.5 - i * 3.25 };
    }
    budget.getCell('J1').value = { richText: [{ text: 'Röd ', font: { bold: true } }, { text: 'tråd' }] };
    budget.getCell('J2').value = true;
    budget.getCell('J3').value = false;
    budget.getCell('J4').value = { error: '#REF!' };
    budget.getCell('J5').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    budget.getCell('J6').value = { formula: 'A2&"!"', result: 'Kommunstyrelsen!' };
    budget.getCell('J7').value = 'Text med\nradbrytning och & < > "';
    budget.mergeCells('L1:M3');
    budget.getCell('L1').value = 'Sammanfogad';
    const mal = wb.addWorksheet('Mål');
    mal.addRow(['ID', 'Nivå', 'Mål']);
    mal.addRow(['M1', 'Vision', 'Hedemora 2038']);
    mal.getCell('E10').value = 42;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    const ours = await readWorkbook(bytes);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);

    expect(ours.sheets.map((s) => s.name)).toEqual(theirs.worksheets.map((w) => w.name));
    let compared = 0;
    for (const ws of theirs.worksheets) {
      const sheet = ours.sheets.find((s) => s.name === ws.name)!;
      const expectedErrors: { row: number; col: number; code: string }[] = [];
      const maxRow = Math.max(ws.rowCount, sheet.rows.length);
      for (let r = 1; r <= maxRow; r++) {
        const maxCol = Math.max(ws.getRow(r).cellCount, sheet.rows[r - 1]?.length ?? 0);
        for (let c = 1; c <= maxCol; c++) {
          const cell = ws.getCell(r, c);
          let expected = cell.isMerged && cell.master !== cell ? null : fromExcelJs(cell);
          if (expected && typeof expected === 'object') {
            expectedErrors.push({ row: r, col: c, code: expected.error });
            expected = null;
          }
          const actual = sheet.rows[r - 1]?.[c - 1] ?? null;
          if (typeof expected === 'number' && typeof actual === 'number') expect(actual).toBeCloseTo(expected, 9);
          else expect([r, c, actual]).toEqual([r, c, expected]);
          compared++;
        }
      }
      expect(sheet.errors).toEqual(expectedErrors);
    }
    expect(compared).toBeGreaterThan(1600);
  });
});
