/**
 * The worksheet editor works on the part's bytes without a tree: these tests pin the exact markup
 * it writes for the shapes of XML real writers produce, and that broken parts are refused.
 */
import { strFromU8, strToU8 } from 'fflate';
import { SheetEditor, withoutTabSelected } from '../../../src/xlsx/write/sheet-edit';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (data: string, after = '', root = 'worksheet', p = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}${root} xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}"><${p}sheetViews><${p}sheetView tabSelected="1" workbookViewId="0"/></${p}sheetViews>${data}${after}</${p}${root}>`;

function edit(xml: string, fn: (e: SheetEditor) => void): string {
  const e = new SheetEditor(strToU8(xml), 'xl/worksheets/sheet1.xml');
  fn(e);
  return strFromU8(e.apply());
}

describe('SheetEditor', () => {
  const data =
    '<sheetData>' +
    '<row r="2" spans="1:3"><c r="A2" s=\'4\' t="s"><v>0</v></c><c r="C2"><f>A2*2</f><v>2</v></c></row>' +
    '<!-- a comment between rows: </row> -->' +
    '<row r="5"/>' +
    '<row r="7"><c r="B7" s="3"/></row>' +
    '</sheetData>';

  test('finds cells with their style, children and formula', () => {
    const e = new SheetEditor(strToU8(sheet(data)), 'p');
    expect(e.cell('A2')).toMatchObject({ col: 1, attrs: { r: 'A2', s: '4', t: 's' }, empty: false, formula: null });
    expect(e.cell('C2')).toMatchObject({ empty: false, formula: {} });
    expect(e.cell('B7')).toMatchObject({ empty: true, attrs: { s: '3' } });
    expect(e.cell('B2')).toBeUndefined();
    expect(e.cell('A5')).toBeUndefined();
    expect(e.cell('A99')).toBeUndefined();
  });

  test('style changes keep the quotes and everything around them', () => {
    const out = edit(sheet(data), (e) => {
      e.change('A2', { kind: 'style', s: 9 });
      e.change('C2', { kind: 'style', s: 8 });
      e.change('B7', { kind: 'style', s: null });
    });
    expect(out).toBe(
      sheet(
        '<sheetData>' +
          '<row r="2" spans="1:3"><c r="A2" s=\'9\' t="s"><v>0</v></c><c r="C2" s="8"><f>A2*2</f><v>2</v></c></row>' +
          '<!-- a comment between rows: </row> -->' +
          '<row r="5"/>' +
          '<row r="7"><c r="B7"/></row>' +
          '</sheetData>',
      ),
    );
  });

  test('adds cells and rows in order: into a row, a self-closing row, between and after rows', () => {
    const out = edit(sheet(data), (e) => {
      e.change('B2', { kind: 'style', s: 5 });
      e.change('D2', { kind: 'style', s: 5 });
      e.change('A5', { kind: 'style', s: 6 });
      e.change('A3', { kind: 'style', s: 7 });
      e.change('A1', { kind: 'style', s: 7 });
      e.change('E9', { kind: 'value', v: 'ny' });
    });
    expect(out).toBe(
      sheet(
        '<sheetData>' +
          '<row r="1"><c r="A1" s="7"/></row>' +
          '<row r="2" spans="1:3"><c r="A2" s=\'4\' t="s"><v>0</v></c><c r="B2" s="5"/><c r="C2"><f>A2*2</f><v>2</v></c><c r="D2" s="5"/></row>' +
          '<!-- a comment between rows: </row> -->' +
          '<row r="3"><c r="A3" s="7"/></row>' +
          '<row r="5"><c r="A5" s="6"/></row>' +
          '<row r="7"><c r="B7" s="3"/></row>' +
          '<row r="9"><c r="E9" t="inlineStr"><is><t>ny</t></is></c></row>' +
          '</sheetData>',
      ),
    );
  });

  test('a row that only carried marks goes; an empty sheetData is restored as written', () => {
    const opened = edit(sheet('<sheetData />'), (e) => e.change('B2', { kind: 'style', s: 5 }));
    expect(opened).toBe(sheet('<sheetData><row r="2"><c r="B2" s="5"/></row></sheetData>'));
    const e = new SheetEditor(strToU8(sheet('<sheetData />')), 'p');
    e.change('B2', { kind: 'style', s: 5 });
    e.apply();
    expect(e.openedSheetData).toBe('<sheetData />');
    const back = edit(opened, (x) => {
      x.change('B2', { kind: 'remove-if-empty' });
      x.restoreSheetData('<sheetData />');
    });
    expect(back).toBe(sheet('<sheetData />'));
  });

  test('prefixed markup, rows and cells without r, and a legacyDrawing in schema order', () => {
    const xml = sheet('<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c/></x:row><x:row/></x:sheetData>', '<x:pageMargins left="0.7"/><x:tableParts count="0"/>', 'worksheet', 'x:');
    const e = new SheetEditor(strToU8(xml), 'p');
    expect(e.cell('B1')).toMatchObject({ col: 2, empty: true });
    e.change('B1', { kind: 'style', s: 2 });
    e.change('A2', { kind: 'value', v: 3 });
    e.insertLegacyDrawing('rId9', 'urn:r');
    expect(strFromU8(e.apply())).toBe(
      sheet(
        '<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c s="2"/></x:row><x:row><x:c r="A2"><x:v>3</x:v></x:c></x:row></x:sheetData>',
        '<x:pageMargins left="0.7"/><x:legacyDrawing xmlns:r="urn:r" r:id="rId9"/><x:tableParts count="0"/>',
        'worksheet',
        'x:',
      ),
    );
  });

  test('a value over a formula is noted; over the start of a shared formula it is refused', () => {
    const e = new SheetEditor(strToU8(sheet('<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f><v>1</v></c><c r="B1"><f>1+1</f></c></row></sheetData>')), 'p');
    e.change('B1', { kind: 'value', v: 5 });
    e.apply();
    expect(e.formulaReplaced).toBe(true);
    e.change('A1', { kind: 'value', v: 5 });
    expect(() => e.apply()).toThrow(expect.objectContaining({ code: 'ARGUMENT' }));
  });

  test.each([
    ['an unclosed row', sheet('<sheetData><row r="1"><c r="A1"/></sheetData>')],
    ['a cell closed by the wrong tag', sheet('<sheetData><row r="1"><c r="A1"><v>1</x></c></row></sheetData>')],
    ['another root element', sheet('<sheetData/>', '', 'chartsheet')],
    ['an unterminated attribute', sheet('<sheetData><row r="1><c/></row></sheetData>')],
    ['UTF-16', '\ufeff<worksheet/>'],
  ])('broken XML (%s) is a TRASIG_XML error', (_, xml) => {
    const bytes = xml.startsWith('\ufeff<w') ? new Uint8Array([0xff, 0xfe, 0x3c, 0]) : strToU8(xml);
    expect(() => {
      const e = new SheetEditor(bytes, 'p');
      e.change('A1', { kind: 'style', s: 1 });
      e.apply();
    }).toThrow(expect.objectContaining({ code: 'TRASIG_XML' }));
  });
});

describe('withoutTabSelected', () => {
  test('takes tabSelected off the sheet views only', () => {
    const xml = sheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>tabSelected="1"</t></is></c></row></sheetData>');
    const out = withoutTabSelected(strToU8(xml), 'p');
    expect(strFromU8(out!)).toBe(xml.replace(' tabSelected="1"', ''));
    expect(withoutTabSelected(out!, 'p')).toBeNull();
  });
});
