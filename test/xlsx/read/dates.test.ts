import { readFileSync } from 'node:fs';
import { readWorkbook } from '../../../src/xlsx/read';
import { buildXlsx, sheetData } from './support/build-xlsx';
import { corpusFile } from '../../fixtures/files';

const CORPUS = corpusFile('SheetJS-test_files/1904');

/** The 1900-system serial as a yyyy-mm-dd string (valid from March 1900 on). */
const serialToIso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

describe('readWorkbook: dates', () => {
  // Both corpus files hold serials in column B (date-formatted) and Excel's own TEXT(B, "YYYY-MM-DD") in column C.
  it.each(['1900.xlsx', '1904.xlsx'])('%s: date serials come out in the 1900 system, matching the text Excel computed', async (file) => {
    const sheet = (await readWorkbook(new Uint8Array(readFileSync(`${CORPUS}/${file}`)))).sheets[0];
    const checked = sheet.rows.filter((row) => typeof row[1] === 'number' && (row[1] as number) >= 61);
    expect(checked.length).toBeGreaterThanOrEqual(file === '1904.xlsx' ? 5 : 3);
    for (const row of checked) expect(serialToIso(row[1] as number)).toBe(row[2]);
  });

  it('1904.xlsx: numbers without a date format are left alone', async () => {
    const sheet = (await readWorkbook(new Uint8Array(readFileSync(`${CORPUS}/1904.xlsx`)))).sheets[0];
    expect(sheet.rows.map((r) => r[0])).toEqual([1, 11, 111, 1111, 11111]);
  });

  it('a built 1904 workbook: built-in and custom date formats move by 1462 days, amounts and percentages do not', async () => {
    const snap = await readWorkbook(
      buildXlsx({
        date1904: true,
        styles: { numFmts: [{ id: 164, code: 'yyyy\\-mm\\-dd;@' }, { id: 165, code: '#,##0 "kr"' }, { id: 166, code: '[Red]0.0%' }], cellXfs: [0, 14, 164, 165, 166, 3] },
        sheets: [
          {
            name: 'Uppdrag',
            body: sheetData([
              ['<c r="A1" s="1"><v>43707</v></c>', '<c r="B1" s="2"><v>43707</v></c>', '<c r="C1" s="3"><v>43707</v></c>'],
              ['<c r="A2" s="4"><v>0.5</v></c>', '<c r="B2" s="5"><v>100</v></c>', '<c r="C2"><v>100</v></c>', '<c r="D2" t="d"><v>2025-08-31</v></c>'],
            ]),
          },
        ],
      }),
    );
    expect(snap.sheets[0].rows).toEqual([
      [45169, 45169, 43707],
      [0.5, 100, 100, 45900],
    ]);
    expect(serialToIso(45169)).toBe('2023-08-31');
  });

  it('a 1900 workbook keeps date serials as they are', async () => {
    const snap = await readWorkbook(
      buildXlsx({ styles: { cellXfs: [0, 14] }, sheets: [{ name: 'S', body: sheetData([['<c r="A1" s="1"><v>45900</v></c>']]) }] }),
    );
    expect(snap.sheets[0].rows).toEqual([[45900]]);
  });
});
