/**
 * The fast worksheet scanner must give exactly what the saxes path gives: the same snapshot (numbers
 * compared with Object.is, so -0 and 0 differ) or the same refusal. Compared on built workbooks with
 * every cell type and odd spelling, and on random sheets; corpus/sheet-scanner.test.ts compares them
 * on the corpus.
 */
import fc from 'fast-check';
import { readWorkbookSync } from '../../../src/xlsx/read/read-workbook';
import { buildXlsx, escapeXml, sheetData, type WorkbookDef } from './support/build-xlsx';
import { compare, outcome } from './support/scanner-compare';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** Every cell type, and the spellings the fast path reads from bytes next to those it hands to the generic code. */
const everyType = (): WorkbookDef => ({
  sharedStrings: ['Nämnd', '', 'Tabell & "citat"', 'rad1_x000D_\nrad2'],
  styles: { numFmts: [{ id: 164, code: 'yyyy-mm-dd' }], cellXfs: [0, 14, 164, 3] },
  date1904: true,
  sheets: [
    {
      name: 'Typer',
      body:
        sheetData([
          ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>', '<c r="C1" t="s"><v>2</v></c>', '<c r="D1" t="s"><v>3</v></c>', '<c r="E1" t="s"><v>007</v></c>', '<c r="F1" t="s"><v>99</v></c>', '<c r="G1" t="s"><v>-1</v></c>', '<c r="H1" t="s"><v>1.0</v></c>', '<c r="I1" t="s"><v> 2</v></c>', '<c r="J1" t="s"><v>1e0</v></c>', '<c r="K1" t="s"><v>-0</v></c>'],
          ['<c r="A2"><v>1</v></c>', '<c r="B2"><v>-0</v></c>', '<c r="C2"><v>1234.5</v></c>', '<c r="D2"><v>-0.001</v></c>', '<c r="E2"><v>1E3</v></c>', '<c r="F2"><v> 12 </v></c>', '<c r="G2"><v>0x10</v></c>', '<c r="H2"><v>12 tkr</v></c>', '<c r="I2"><v>0.30000000000000004</v></c>', '<c r="J2"><v>123456789012345678</v></c>', '<c r="K2"><v>.5</v></c>', '<c r="L2"><v>5.</v></c>', '<c r="M2"><v>+5</v></c>', '<c r="N2"><v>-</v></c>', '<c r="O2"><v></v></c>', '<c r="P2"><v>999999999999999.9</v></c>', '<c r="Q2"><v>Infinity</v></c>'],
          ['<c r="A3" t="b"><v>1</v></c>', '<c r="B3" t="b"><v>0</v></c>', '<c r="C3" t="b"><v>TRUE</v></c>', '<c r="D3" t="b"><v> </v></c>', '<c r="E3" t="e"><v>#N/A</v></c>', '<c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c>', '<c r="G3" t="d"><v>2025-08-31</v></c>', '<c r="H3" t="d"><v>inte ett datum</v></c>', '<c r="I3" t="str"><f>A1&amp;"x"</f><v>Nämndx &lt;&gt;</v></c>', '<c r="J3" t="n"><v>5</v></c>', '<c r="K3" t="x"><v>7</v></c>', '<c r="L3" t=""><v>8</v></c>'],
          ['<c r="A4" t="inlineStr"><is><t>A &amp; B &#13;&#x1F600; &apos;&quot;</t></is></c>', '<c r="B4" t="inlineStr"><is><r><t>Röd </t></r><r><rPr><b/></rPr><t xml:space="preserve">tråd</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c>', '<c r="C4" t="inlineStr"><is><t>rad1_x000D_\r\nrad2\rrad3</t></is></c>', '<c r="D4" t="inlineStr"><v>från v</v></c>', '<c r="E4"><is><t>inline utan typ</t></is></c>', '<c r="F4" t="inlineStr"><is><t></t></is></c>', '<c r="G4" t="inlineStr"/>'],
          ['<c r="A5" s="1"><v>43707</v></c>', '<c r="B5" s="2"><v>43707</v></c>', '<c r="C5" s="3"><v>43707</v></c>', '<c r="D5" s=""><v>1</v></c>', '<c r="E5" s=" 1"><v>43707</v></c>', '<c r="F5" s="1.0"><v>43707</v></c>', '<c r="G5" s="01"><v>43707</v></c>'],
          ['<c r="$A$6"><v>1</v></c>', '<c r="c6"><v>2</v></c>', '<c r="E"><v>3</v></c>', '<c r="6"><v>4</v></c>', '<c><v>5</v></c>', '<c r=""><v>6</v></c>', '<c r="A6"><v>overwritten</v></c>', '<x:c xmlns:x="urn:x" r="M6"><x:v>7</x:v></x:c>'],
          ['<c r="A7"><v>1</v><v>2</v></c>', '<c r="B7"><v>1<!-- c -->2</v></c>', '<c r="C7" t="s"><v>0</v><v>1</v></c>', "<c r='D7' t='inlineStr'><is><t>enkla citat</t></is></c>", '<c  r = "E7"  ><v>9</v></c>', '<c r="F7" cm="1"><f t="array" ref="F7">SUM(A1:A2)</f><v>3</v></c>'],
        ]) +
        '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C7:D8"/></mergeCells>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="A1:A9 C3" prompt="Välj &amp; spara"><formula1>"Ja,Nej"</formula1></dataValidation></dataValidations>',
      tables: [{ name: 'T1', ref: 'A1:C3' }],
    },
    {
      name: 'Rader',
      body: '<sheetData><row><c><v>1</v></c></row><row r="3" spans="1:2"><c><v>3</v></c></row><row><c t="s"><v>0</v></c></row><row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="D3"><v>4</v></c></row></sheetData>',
    },
    { name: 'Tom', body: '<sheetData/>' },
  ],
});

describe('fast scanner and saxes agree on built workbooks', () => {
  it('every cell type and spelling, with merges, validations, tables and out-of-order rows', () => {
    const stats = compare(buildXlsx(everyType()));
    // Row 7 holds two <v> in one cell and a comment: that sheet is handed to saxes; the other two are read fast.
    expect(stats.bails).toEqual([{ part: 'xl/worksheets/sheet1.xml', reason: expect.any(String) }]);
    expect(stats.fast).toBe(2);
  });

  it('the same sheet without the comment and the double values is read by the fast scanner alone', () => {
    const def = everyType();
    def.sheets[0].body = def.sheets[0].body.replace('<v>1</v><v>2</v>', '<v>12</v>').replace('<!-- c -->', '').replace('<v>0</v><v>1</v>', '<v>01</v>');
    const stats = compare(buildXlsx(def));
    expect(stats).toEqual({ fast: 3, saxes: 0, bails: [] });
    const snap = readWorkbookSync(buildXlsx(def));
    // Spot checks that the comparison is about real values.
    const rows = snap.sheets[0].rows;
    expect(rows[0]).toEqual(['Nämnd', null, 'Tabell & "citat"', 'rad1\r\nrad2', null, null, null, null, 'Tabell & "citat"', null, 'Nämnd']);
    expect(Object.is(rows[1][1], -0)).toBe(true);
    expect(rows[3][0]).toBe("A & B \r\u{1F600} '\"");
    expect(rows[3][2]).toBe('rad1\r\nrad2\nrad3');
    expect(rows[6].slice(0, 2)).toEqual([12, 12]);
    expect(snap.sheets[1].rows).toEqual([[1], [null, 2], [3, null, null, 4], ['Nämnd']]);
  });

  it.each([
    ['a DOCTYPE', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet ${NS}><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>`, /DOCTYPE\/ENTITY/],
    ['an undeclared entity', `<worksheet ${NS}><sheetData><row><c t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`, /skadad/],
    ['a mismatched close tag', `<worksheet ${NS}><sheetData><row><c><v>1</v></row></sheetData></worksheet>`, /skadad/],
    ['two roots', `<worksheet ${NS}><sheetData/></worksheet><worksheet/>`, /skadad/],
    ['a control character', `<worksheet ${NS}><sheetData><row><c><v>1\u0001</v></c></row></sheetData></worksheet>`, /skadad/],
    [']]> in text', `<worksheet ${NS}><sheetData><row><c t="str"><v>a]]>b</v></c></row></sheetData></worksheet>`, /skadad/],
    ['a duplicate attribute', `<worksheet ${NS}><sheetData><row><c r="A1" r="B1"><v>1</v></c></row></sheetData></worksheet>`, /skadad/],
    ['a character reference to NUL', `<worksheet ${NS}><sheetData><row><c t="str"><v>&#0;</v></c></row></sheetData></worksheet>`, /skadad/],
    ['an unfinished document', `<worksheet ${NS}><sheetData><row><c><v>1</v></c>`, /skadad/],
    ['an invalid cell reference', `<worksheet ${NS}><sheetData><row><c r="A0B"><v>1</v></c></row></sheetData></worksheet>`, /skadad/],
    ['a row outside the grid', `<worksheet ${NS}><sheetData><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>`, /skadad/],
  ])('%s is refused the same way', (_label, xml, message) => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: xml }] });
    compare(bytes);
    const refused = outcome(bytes, true);
    expect(refused).toMatchObject({ code: 'TRASIG_XML', message: expect.stringMatching(message) });
  });
});

const text = fc.oneof(
  fc.constantFrom('1', '-0', '0', '42', '1.5', '-12.25', '1e5', ' 7', '007', '99999999999999999', '0.1', 'x', '', '#REF!', '2025-01-31', 'TRUE', '_x000D_'),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
);
const cell = fc.record({
  ref: fc.option(fc.constantFrom('A1', 'B2', 'C', '3', '$D$4', 'e5', 'XFD1', 'A300', 'AAAA1', ''), { nil: undefined }),
  type: fc.option(fc.constantFrom('s', 'n', 'b', 'e', 'd', 'str', 'inlineStr', 'q', ''), { nil: undefined }),
  style: fc.option(fc.constantFrom('0', '1', '2', '', 'x'), { nil: undefined }),
  value: fc.option(text, { nil: undefined }),
  inline: fc.option(text, { nil: undefined }),
  formula: fc.boolean(),
});
const row = fc.record({ r: fc.option(fc.constantFrom('1', '2', '5', '', '0', 'x'), { nil: undefined }), cells: fc.array(cell, { maxLength: 5 }) });

interface RandomCell {
  ref?: string;
  type?: string;
  style?: string;
  value?: string;
  inline?: string;
  formula: boolean;
}

function cellXml(c: RandomCell): string {
  const attrs = [c.ref !== undefined ? ` r="${c.ref}"` : '', c.type !== undefined ? ` t="${c.type}"` : '', c.style !== undefined ? ` s="${c.style}"` : ''].join('');
  const inner = [c.formula ? '<f>A1&amp;1</f>' : '', c.value !== undefined ? `<v>${escapeXml(c.value)}</v>` : '', c.inline !== undefined ? `<is><t>${escapeXml(c.inline)}</t></is>` : ''].join('');
  return inner ? `<c${attrs}>${inner}</c>` : `<c${attrs}/>`;
}

describe('fast scanner and saxes agree on random sheets', () => {
  it('any mix of cells, types, styles, references and texts', () => {
    let fastRuns = 0;
    let bails = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.boolean(), (rows, date1904) => {
        const body = `<sheetData>${rows.map((r) => `<row${r.r !== undefined ? ` r="${r.r}"` : ''}>${r.cells.map(cellXml).join('')}</row>`).join('')}</sheetData>`;
        const bytes = buildXlsx({ sharedStrings: ['a', '', 'c'], date1904, styles: { cellXfs: [0, 14, 3] }, sheets: [{ name: 'S', body }] });
        const stats = compare(bytes);
        fastRuns += stats.fast;
        bails += stats.bails.length;
      }),
      { numRuns: 300 },
    );
    // Invalid references and row numbers make some sheets a refusal either way; the rest are read
    // fast, never handed over (the grammar only makes XML the fast scanner handles).
    expect(fastRuns).toBeGreaterThan(50);
    expect(bails).toBe(0);
  });
});
