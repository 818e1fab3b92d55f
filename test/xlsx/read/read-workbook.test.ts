import { readWorkbook } from '../../../src/xlsx/read';
import { buildXlsx, sheetData } from './support/build-xlsx';
import { readFileSync } from 'node:fs';
import { corpusFile } from '../../fixtures/files';

const one = async (def: Parameters<typeof buildXlsx>[0]) => (await readWorkbook(buildXlsx(def))).sheets[0];

const CORPUS = corpusFile('SheetJS-test_files/1904');

/** The 1900-system serial as a yyyy-mm-dd string (valid from March 1900 on). */
const serialToIso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

// The unwanted sheet is not even well-formed XML: reading it at all would fail.
const workbook = () =>
  buildXlsx({
    sheets: [
      { name: 'Budget', body: sheetData([['<c r="A1"><v>1</v></c>']]) },
      { name: 'Diagramdata', body: '', rawXml: '<worksheet><sheetData><row>' },
      { name: 'Mål ', body: sheetData([['<c r="A1"><v>2</v></c>']]) },
    ],
  });

describe('readWorkbook: cell types', () => {
  it('reads numbers, shared strings, inline strings, formula strings, booleans, errors and ISO dates', async () => {
    const sheet = await one({
      sharedStrings: ['Nämnd', 'Socialnämnden'],
      sheets: [
        {
          name: 'Budget',
          body: sheetData([
            ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="inlineStr"><is><t>Budget 2025</t></is></c>'],
            ['<c r="A2" t="s"><v>1</v></c>', '<c r="B2"><v>1234.5</v></c>', '<c r="C2" t="n"><v>-3E2</v></c>'],
            ['<c r="A3" t="str"><f>A2&amp;"x"</f><v>Socialnämndenx</v></c>', '<c r="B3"><f>B2*2</f><v>2469</v></c>'],
            ['<c r="A4" t="b"><v>1</v></c>', '<c r="B4" t="b"><v>0</v></c>', '<c r="C4" t="b"><f>1=1</f><v>1</v></c>'],
            ['<c r="A5" t="e"><v>#REF!</v></c>', '<c r="B5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', '<c r="C5"><v>7</v></c>'],
            ['<c r="A6" t="d"><v>2025-08-31T00:00:00Z</v></c>', '<c r="B6" t="d"><v>1900-01-01</v></c>', '<c r="C6" t="d"><v>2025-08-31T12:00:00</v></c>'],
          ]),
        },
      ],
    });
    expect(sheet.name).toBe('Budget');
    expect(sheet.rows).toEqual([
      ['Nämnd', 'Budget 2025'],
      ['Socialnämnden', 1234.5, -300],
      ['Socialnämndenx', 2469],
      [true, false, true],
      [null, null, 7],
      [45900, 1, 45900.5],
    ]);
    expect(sheet.errors).toEqual([
      { row: 5, col: 1, code: '#REF!' },
      { row: 5, col: 2, code: '#DIV/0!' },
    ]);
  });

  it('concatenates rich-text runs and leaves out phonetic runs, in shared and inline strings', async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><rPr><b/></rPr><t>Röd </t></r><r><t xml:space="preserve">tråd</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si><si><t>rad1_x000D_
rad2</t></si></sst>`;
    const sheet = await one({
      sharedStrings: { xml: sst },
      sheets: [
        {
          name: 'Mål',
          body: sheetData([
            ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>', '<c r="C1" t="s"><v>2</v></c>'],
            ['<c r="A2" t="inlineStr"><is><r><t>Vision </t></r><r><rPr><i/></rPr><t>2038</t></r><rPh><t>x</t></rPh></is></c>'],
          ]),
        },
      ],
    });
    expect(sheet.rows).toEqual([['Röd tråd', '漢字', 'rad1\r\nrad2'], ['Vision 2038']]);
  });

  it('treats empty cells, empty strings and out-of-range shared strings as null and trims trailing empties', async () => {
    const sheet = await one({
      sharedStrings: [''],
      sheets: [
        {
          name: 'S',
          body: sheetData([
            ['<c r="A1" s="1"/>', '<c r="B1"><v>1</v></c>', '<c r="C1" t="s"><v>0</v></c>', '<c r="D1" t="s"><v>99</v></c>'],
            ['<c r="A2" s="3"/>'],
          ]),
        },
      ],
    });
    expect(sheet.rows).toEqual([[null, 1]]);
  });

  it('keeps non-numeric text of a numeric cell as a string so the core can report it', async () => {
    const sheet = await one({ sheets: [{ name: 'S', body: sheetData([['<c r="A1"><v>12 tkr</v></c>']]) }] });
    expect(sheet.rows).toEqual([['12 tkr']]);
  });
});

describe('readWorkbook: positions', () => {
  it('anchors rows at A1 and fills gaps with empty rows and null cells', async () => {
    const sheet = await one({
      sheets: [{ name: 'S', body: '<sheetData><row r="3"><c r="C3"><v>1</v></c><c r="E3"><v>2</v></c></row><row r="5"><c r="B5"><v>3</v></c></row></sheetData>' }],
    });
    expect(sheet.rows).toEqual([[], [], [null, null, 1, null, 2], [], [null, 3]]);
  });

  it('places rows and cells without an r attribute by position', async () => {
    const sheet = await one({
      sheets: [
        {
          name: 'S',
          body: '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c><v>3</v></c><c r="D4"><v>4</v></c><c><v>5</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        },
      ],
    });
    expect(sheet.rows).toEqual([[1, 2], [], [], [3, null, null, 4, 5], ['x']]);
  });

  it('reads elements with a namespace prefix (x:row, x:c)', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1"><x:v>9</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const sheet = await one({ sheets: [{ name: 'S', body: '', rawXml: xml }] });
    expect(sheet.rows).toEqual([[null, 9]]);
  });

  it('empties the non-top-left cells of merged ranges', async () => {
    const sheet = await one({
      sheets: [
        {
          name: 'S',
          body:
            sheetData([
              ['<c r="A1"><v>1</v></c>', '<c r="B1"><v>2</v></c>', '<c r="C1"><v>3</v></c>'],
              ['<c r="A2"><v>4</v></c>', '<c r="B2"><v>5</v></c>', '<c r="C2"><v>6</v></c>'],
            ]) + '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:C1048576"/></mergeCells>',
        },
      ],
    });
    expect(sheet.rows).toEqual([[1, null, 3]]);
  });

  it("lists a sheet's tables with name and ref", async () => {
    const sheet = await one({
      sheets: [{ name: 'Budget', body: sheetData([['<c r="A1"><v>1</v></c>']]), tables: [{ name: 'BudgetTabell', ref: 'B3:H120' }, { name: 'T2', ref: 'J1:K2' }] }],
    });
    expect(sheet.tables).toEqual([
      { name: 'BudgetTabell', ref: 'B3:H120' },
      { name: 'T2', ref: 'J1:K2' },
    ]);
  });

  it('keeps sheet order and names, including hidden sheets (marked hidden), and has no tables or hidden key when there is none', async () => {
    const snap = await readWorkbook(
      buildXlsx({
        sheets: [
          { name: 'Inställningar', body: '<sheetData/>', state: 'hidden' },
          { name: ' Budget ', body: '<sheetData/>' },
          { name: 'Dold', body: '<sheetData/>', state: 'veryHidden' },
        ],
      }),
    );
    expect(snap.sheets.map((s) => s.name)).toEqual(['Inställningar', ' Budget ', 'Dold']);
    expect(snap.sheets[0]).toEqual({ name: 'Inställningar', rows: [], errors: [], hidden: true });
    expect(snap.sheets[1]).toEqual({ name: ' Budget ', rows: [], errors: [] });
    expect(snap.sheets[2].hidden).toBe(true);
  });
});

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

describe('readWorkbook: reading only some sheets', () => {
  it('without a filter, the broken sheet is read and refused', async () => {
    await expect(readWorkbook(workbook())).rejects.toMatchObject({ code: 'TRASIG_XML', details: { part: 'xl/worksheets/sheet2.xml' } });
  });

  it('with a predicate, other sheets are never parsed', async () => {
    const snap = await readWorkbook(workbook(), { sheets: (name) => name.trim() !== 'Diagramdata' });
    expect(snap.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Budget', [[1]]],
      ['Mål ', [[2]]],
    ]);
  });

  it('with sheetNames, names match case-insensitively with surrounding spaces ignored', async () => {
    const snap = await readWorkbook(workbook(), { sheetNames: ['MÅL', ' budget'] });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Budget', 'Mål ']);
  });

  it('with both, a sheet must pass both', async () => {
    const snap = await readWorkbook(workbook(), { sheetNames: ['Budget', 'Mål'], sheets: (n) => n === 'Budget' });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Budget']);
  });

  it('a filter that matches nothing gives no sheets (the core then reports the missing ones)', async () => {
    expect(await readWorkbook(workbook(), { sheetNames: ['Indikatorer'] })).toEqual({ sheets: [] });
  });
});
