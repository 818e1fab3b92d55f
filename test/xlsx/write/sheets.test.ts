import * as fs from 'fs';
import { strToU8, zipSync } from 'fflate';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { createWorkbook, addSheets } from '../../../src/xlsx/write';
import { loadExcel, partText, parts, sheetParts, budgetWorkbook, cellValues } from './helpers';
import { corpusFile } from '../../fixtures/files';

const report: SheetSpec = {
  name: "Rapport & 'analys' <2025>",
  rows: [
    [{ v: 'Månadsrapport – Socialnämnden', style: { bold: true, fontSize: 14 } }],
    [{ v: 'Verksamhet', style: { bold: true, fill: 'FF1F3864', color: 'FFFFFFFF', border: 'thin' } }, { v: 'Budget' }, { v: 'Prognos' }, { v: 'Avvikelse' }, { v: 'Status' }],
    [
      { v: '=SUMMA(1;2)' },
      { v: 1234.5, style: { numFmt: '#,##0' } },
      { v: 1000, style: { locked: false, fill: 'FFFFF2CC' }, id: 'prognos-1' },
      { v: 234.5, f: 'B3-C3', style: { numFmt: '#,##0' } },
      { v: null, style: { locked: false } },
    ],
    [{ v: '+46 70 123' }, { v: '-12' }, { v: '@hemlig' }, { v: true }, { v: 45900, date: true }],
    [{ v: 'Styrmodell', link: { url: 'https://www.hedemora.se/styrmodell?a=1&b=2' } }, { v: 'Till Kontroll', link: { sheet: 'Kontroll', cell: 'B7' } }],
    [{ v: '  mellanslag  och\nny rad _x0041_ ', style: { wrap: true, valign: 'top', align: 'center' } }],
  ],
  columnWidths: [30, 12, undefined, 12],
  merges: ['A1:E1'],
  freeze: { rows: 2, cols: 1 },
  protect: true,
  print: { orientation: 'landscape', fitToWidth: true, repeatRows: [1, 2] },
  tabColor: 'FF00B050',
  validations: [{ ref: 'E3:E20', list: ['Uppnås', 'Delvis', 'Uppnås ej', 'Säg "hej"'] }],
};

const rapport = (text: string): SheetSpec => ({
  name: 'Rapport Socialnämnden',
  rows: [[{ v: text, style: { bold: true } }], [{ v: 'Analys', style: { locked: false } }]],
  protect: true,
  print: { orientation: 'portrait', fitToWidth: true, repeatRows: [1, 1] },
});

describe('createWorkbook', () => {
  const bytes = createWorkbook([report, { name: 'Kontroll', rows: [[{ v: 'x' }]] }], { title: 'Månadsrapport 2025-08' });

  test('is deterministic: same input, same bytes', () => {
    expect(Buffer.compare(Buffer.from(createWorkbook([report, { name: 'Kontroll', rows: [[{ v: 'x' }]] }], { title: 'Månadsrapport 2025-08' })), Buffer.from(bytes))).toBe(0);
  });

  test('values: text stays text whatever it starts with, numbers, booleans, dates, formulas', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet(report.name)!;
    expect(ws.getCell('A3').value).toBe('=SUMMA(1;2)');
    expect(ws.getCell('A4').value).toBe('+46 70 123');
    expect(ws.getCell('B4').value).toBe('-12');
    expect(ws.getCell('C4').value).toBe('@hemlig');
    expect(ws.getCell('D4').value).toBe(true);
    expect(ws.getCell('B3').value).toBe(1234.5);
    expect(ws.getCell('D3').value).toEqual({ formula: 'B3-C3', result: 234.5 });
    expect(ws.getCell('E4').numFmt).toBe('yyyy-mm-dd');
    const xml = partText(bytes, sheetParts(parts(bytes)).get(report.name)!);
    expect(xml).not.toMatch(/<f>SUMMA/);
    // Excel decodes _xHHHH_ in text, so a literal one has its underscore escaped (exceljs does not decode).
    expect(xml).toContain('<t xml:space="preserve">  mellanslag  och\nny rad _x005F_x0041_ </t>');
  });

  test('styles are registered once and read back', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet(report.name)!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('A2').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FF1F3864' } });
    expect(ws.getCell('A2').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(ws.getCell('A2').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getCell('B3').numFmt).toBe('#,##0');
    expect(ws.getCell('A6').alignment).toMatchObject({ wrapText: true, vertical: 'top', horizontal: 'center' });
    expect(ws.getCell('C3').protection).toMatchObject({ locked: false });
    expect(ws.getCell('B2').protection?.locked).not.toBe(false);
    const styles = partText(bytes, 'xl/styles.xml');
    expect(styles.match(/formatCode="yyyy-mm-dd"/g)).toHaveLength(1);
    // B3 and D3 share one style entry.
    const xml = partText(bytes, sheetParts(parts(bytes)).get(report.name)!);
    expect(/<c r="B3" s="(\d+)"/.exec(xml)?.[1]).toBe(/<c r="D3" s="(\d+)"/.exec(xml)?.[1]);
  });

  test('merges, widths, freeze panes, protection, tab colour', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet(report.name)!;
    expect(ws.model.merges).toEqual(['A1:E1']);
    expect(ws.getColumn(1).width).toBeCloseTo(30.71, 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF00B050' });
  });

  test('print setup: A4 landscape, one page wide, print titles', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet(report.name)!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(partText(bytes, 'xl/workbook.xml')).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Rapport &amp; ''analys'' &lt;2025&gt;'!$1:$2</definedName>`,
    );
  });

  test('list validations', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet(report.name)!;
    const dv = ((ws as unknown as { dataValidations: unknown }).dataValidations as { model: Record<string, { type: string; formulae: string[] }> }).model;
    const entry = Object.entries(dv).find(([k]) => k.startsWith('E3'));
    expect(entry?.[1]).toMatchObject({ type: 'list', formulae: ['"Uppnås,Delvis,Uppnås ej,Säg ""hej"""'] });
  });

  test('hyperlinks: URL through a relationship, cell links by location with the sheet quoted', async () => {
    const ws = (await loadExcel(bytes)).getWorksheet(report.name)!;
    expect(ws.getCell('A5').value).toEqual({ text: 'Styrmodell', hyperlink: 'https://www.hedemora.se/styrmodell?a=1&b=2' });
    const xml = partText(bytes, sheetParts(parts(bytes)).get(report.name)!);
    expect(xml).toContain(`<hyperlink ref="B5" location="'Kontroll'!B7" display="Till Kontroll"/>`);
  });

  test('the first sheet is active and the title is set', async () => {
    const wb = await loadExcel(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([report.name, 'Kontroll']);
    expect(wb.title).toBe('Månadsrapport 2025-08');
    expect(wb.views[0]).toMatchObject({ activeTab: 0 });
  });

  test('bad input gives a Swedish StyrkollError', () => {
    expect(() => createWorkbook([])).toThrow(/minst ett blad/);
    expect(() => createWorkbook([{ name: 'a/b', rows: [] }])).toThrow(/Bladnamnet "a\/b"/);
    expect(() => createWorkbook([{ name: 'Blad', rows: [] }, { name: 'BLAD', rows: [] }])).toThrow(/två gånger/);
    expect(() => createWorkbook([{ name: 'Blad', rows: [], validations: [{ ref: 'A1', list: ['a,b'] }] }])).toThrow(/kommatecken/);
  });
});

describe('addSheets', () => {
  test('adds report sheets after the user’s sheets and keeps everything else', async () => {
    const original = await budgetWorkbook();
    const out = addSheets(original, [rapport('Månadsrapport'), { name: 'Åtgärdsplan', rows: [[{ v: 'Åtgärd' }]] }]);
    const before = await loadExcel(original);
    const after = await loadExcel(out);
    expect(after.worksheets.map((w) => w.name)).toEqual(['Budget', 'Mål', 'Rapport Socialnämnden', 'Åtgärdsplan']);
    const valuesAfter = cellValues(after);
    for (const [k, v] of cellValues(before)) expect([k, valuesAfter.get(k)]).toEqual([k, v]);
    // The user's sheet parts keep their bytes (the active tab is not changed by adding reports).
    const sheets = sheetParts(parts(original));
    for (const part of sheets.values()) expect(partText(out, part)).toBe(partText(original, part));
    expect(partText(out, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'Rapport Socialnämnden'!$1:$1</definedName>`);
  });

  test('a sheet with the same name is refused in Swedish, or replaced when asked', async () => {
    const once = addSheets(await budgetWorkbook(), [rapport('Första')]);
    expect(() => addSheets(once, [rapport('Andra')])).toThrow(/redan ett blad som heter "Rapport Socialnämnden"/);
    const twice = addSheets(once, [rapport('Andra')], { replaceExisting: true });
    const wb = await loadExcel(twice);
    expect(wb.worksheets.filter((w) => w.name === 'Rapport Socialnämnden')).toHaveLength(1);
    expect(wb.getWorksheet('Rapport Socialnämnden')!.getCell('A1').value).toBe('Andra');
    expect(partText(twice, 'xl/workbook.xml').match(/_xlnm.Print_Titles/g)).toHaveLength(1);
  });

  test('works on a workbook with pivot tables and VBA (every part kept)', () => {
    const original = new Uint8Array(fs.readFileSync(corpusFile('SheetJS-test_files/pivot_table_test.xlsm')));
    const out = addSheets(original, [rapport('x')]);
    const inParts = parts(original);
    const outParts = parts(out);
    for (const name of Object.keys(inParts)) expect(outParts).toHaveProperty([name]);
    const untouched = Object.keys(inParts).filter((n) => /pivot|vbaProject|sharedStrings|theme/.test(n));
    expect(untouched.length).toBeGreaterThan(0);
    for (const name of untouched) expect(Buffer.compare(Buffer.from(inParts[name]), Buffer.from(outParts[name]))).toBe(0);
  });

  test('a styles part with empty self-closing lists (<numFmts count="0"/>, as openpyxl writes) gets the new formats', async () => {
    const p = parts(await budgetWorkbook());
    const styles = partText(zipSync(p), 'xl/styles.xml').replace(/<numFmts\b[^>]*\/>|<numFmts\b[\s\S]*?<\/numFmts>/, '');
    p['xl/styles.xml'] = strToU8(styles.replace(/(<styleSheet\b[^>]*>)/, '$1<numFmts count="0"/>'));
    const withFormat: SheetSpec = { name: 'Rapport', rows: [[{ v: 1234, style: { numFmt: '#,##0 "tkr"' } }]] };
    const out = addSheets(zipSync(p), [withFormat]);
    const written = partText(out, 'xl/styles.xml');
    expect(written).toMatch(/<numFmts count="1"><numFmt numFmtId="\d+" formatCode="#,##0 &quot;tkr&quot;"\/><\/numFmts>/);
    expect((await loadExcel(out)).getWorksheet('Rapport')!.getCell('A1').numFmt).toBe('#,##0 "tkr"');
  });
});
