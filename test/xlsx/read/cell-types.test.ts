import { readWorkbook } from '../../../src/xlsx/read';
import { buildXlsx, sheetData } from './support/build-xlsx';

const one = async (def: Parameters<typeof buildXlsx>[0]) => (await readWorkbook(buildXlsx(def))).sheets[0];

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

  it('keeps sheet order and names, including hidden sheets, and has no tables key without tables', async () => {
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
    expect(snap.sheets[0]).toEqual({ name: 'Inställningar', rows: [], errors: [] });
  });
});
