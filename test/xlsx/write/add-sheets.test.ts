import * as fs from 'fs';
import { strToU8, zipSync } from 'fflate';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { addSheets } from '../../../src/xlsx/write';
import { budgetWorkbook, cellValues, loadExcel, partText, parts, sheetParts } from './helpers';
import { corpusFile } from '../../fixtures/files';

const rapport = (text: string): SheetSpec => ({
  name: 'Rapport Socialnämnden',
  rows: [[{ v: text, style: { bold: true } }], [{ v: 'Analys', style: { locked: false } }]],
  protect: true,
  print: { orientation: 'portrait', fitToWidth: true, repeatRows: [1, 1] },
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
