import * as fs from 'fs';
import { setCellValues } from '../../../src/xlsx/write';
import { budgetWorkbook, cellValues, loadExcel, partText, parts, sheetParts } from './helpers';
import { corpusFile } from '../../fixtures/files';

describe('setCellValues', () => {
  test('changes and adds values, keeps the rest of the workbook', async () => {
    const original = await budgetWorkbook();
    const out = setCellValues(original, [
      { sheet: 'Budget', cell: 'D2', value: 1150 },
      { sheet: 'budget', cell: 'B3', value: '=Bibliotek' },
      { sheet: 'Budget', cell: 'G2', value: 'Riket', style: { bold: true } },
      { sheet: 'Budget', cell: 'A10', value: 2025 },
      { sheet: 'Mål', cell: 'C2', value: null },
    ]);
    const before = await loadExcel(original);
    const after = await loadExcel(out);
    const ws = after.getWorksheet('Budget')!;
    expect(ws.getCell('D2').value).toBe(1150);
    expect(ws.getCell('B3').value).toBe('=Bibliotek');
    expect(ws.getCell('G2').value).toBe('Riket');
    expect(ws.getCell('G2').font).toMatchObject({ bold: true });
    expect(ws.getCell('A10').value).toBe(2025);
    expect(after.getWorksheet('Mål')!.getCell('C2').value).toBeNull();
    const changed = new Set(['Budget!D2', 'Budget!B3', 'Budget!G2', 'Budget!A10', 'Mål!C2']);
    const valuesAfter = cellValues(after);
    for (const [k, v] of cellValues(before)) if (!changed.has(k)) expect([k, valuesAfter.get(k)]).toEqual([k, v]);
    // The style of a changed cell stays; formulas are recalculated when Excel opens the file.
    expect(ws.getCell('C2').numFmt).toBe('#,##0');
    expect(partText(out, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(partText(out, sheetParts(parts(out)).get('Budget')!)).toMatch(/<c r="B3"[^>]*t="inlineStr"><is><t>=Bibliotek<\/t><\/is><\/c>/);
  });

  test('overwriting a formula drops the calculation chain, which Excel rebuilds', () => {
    const original = new Uint8Array(fs.readFileSync(corpusFile('SheetJS-test_files/formulae_test_simple.xlsx')));
    expect(parts(original)).toHaveProperty(['xl/calcChain.xml']);
    const sheet = [...sheetParts(parts(original)).keys()][0];
    const xml = partText(original, sheetParts(parts(original)).get(sheet)!);
    const formulaCell = /<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*<f[ >]/.exec(xml)![1];
    const out = setCellValues(original, [{ sheet, cell: formulaCell, value: 7 }]);
    expect(parts(out)).not.toHaveProperty(['xl/calcChain.xml']);
    expect(partText(out, '[Content_Types].xml')).not.toContain('calcChain');
  });

  test('unknown sheets and bad addresses are Swedish errors', async () => {
    const original = await budgetWorkbook();
    expect(() => setCellValues(original, [{ sheet: 'Finns ej', cell: 'A1', value: 1 }])).toThrow(/Bladet "Finns ej" finns inte/);
    expect(() => setCellValues(original, [{ sheet: 'Budget', cell: 'A0', value: 1 }])).toThrow(/Celladressen|Ogiltig celladress/);
  });
});
