/** Row heights, hidden columns and the AutoFilter of a SheetSpec, as Excel (exceljs) reads them back. */
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { createWorkbook } from '../../../src/xlsx/write';
import { loadExcel, partText, parts, sheetParts } from './helpers';

const spec: SheetSpec = {
  name: 'Lista',
  rows: [
    [{ v: 'Rubrik' }],
    [{ v: 'Id' }, { v: 'Namn' }, { v: 'Belopp' }],
    [{ v: 'a1' }, { v: 'Bibliotek' }, { v: 500 }],
    [{ v: 'a2' }, { v: 'Äldreomsorg' }, { v: 1200 }],
  ],
  columnWidths: [10, 30],
  rowHeights: { 1: 30, 4: 18.5, 7: 40 },
  hiddenColumns: [1, 5],
  autoFilter: 'A2:C4',
};

describe('renderSheet: rowHeights, hiddenColumns, autoFilter', () => {
  const bytes = createWorkbook([spec]);

  test('row heights are custom heights, also for a row without cells', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet('Lista')!;
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getRow(4).height).toBe(18.5);
    expect(ws.getRow(7).height).toBe(40);
    expect(ws.getRow(2).height).toBeUndefined();
    expect(partText(bytes, sheetParts(parts(bytes)).get('Lista')!)).toContain('<row r="1" ht="30" customHeight="1">');
  });

  test('hidden columns are hidden and keep a width; the others are not', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet('Lista')!;
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getColumn(1).width).toBeCloseTo(10.71);
    expect(ws.getColumn(2).hidden).toBe(false);
    expect(ws.getColumn(2).width).toBeCloseTo(30.71);
    expect(ws.getColumn(5).hidden).toBe(true);
    expect(ws.getColumn(3).hidden).toBe(false);
  });

  test('the AutoFilter is on the range, with Excel’s hidden _FilterDatabase name', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet('Lista')!;
    expect(ws.autoFilter).toBe('A2:C4');
    const xml = partText(bytes, sheetParts(parts(bytes)).get('Lista')!);
    // Schema order: after sheetData, before mergeCells and pageMargins.
    expect(xml.indexOf('<autoFilter ref="A2:C4"/>')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    expect(xml.indexOf('<autoFilter')).toBeLessThan(xml.indexOf('<pageMargins'));
    expect(partText(bytes, 'xl/workbook.xml')).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'Lista\'!$A$2:$C$4</definedName>');
  });

  test('without them nothing is added', () => {
    const plain = createWorkbook([{ name: 'Lista', rows: spec.rows }]);
    const xml = partText(plain, sheetParts(parts(plain)).get('Lista')!);
    expect(xml).not.toMatch(/autoFilter|hidden=|customHeight/);
    expect(partText(plain, 'xl/workbook.xml')).not.toContain('_FilterDatabase');
  });
});
