import { readFileSync } from 'node:fs';
import { isStyrkollError } from '../../../../src/core/errors';
import { readWorkbook } from '../../../../src/xlsx/read';
import type { ReadOptions } from '../../../../src/xlsx/read';
import { buildXlsx, sheetData, zipParts } from '../support/build-xlsx';
import { patchCentralEntry } from '../support/patch-zip';
import * as h from '../support/hostile-packages';
import { corpusFile } from '../../../fixtures/files';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

async function refusal(bytes: Uint8Array, options?: ReadOptions) {
  try {
    await readWorkbook(bytes, options);
  } catch (e) {
    if (!isStyrkollError(e)) throw e;
    expect(e.details?.internal).toBeUndefined();
    return e;
  }
  throw new Error('expected a refusal');
}

const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`;

describe('XML with a DOCTYPE is refused before any entity can expand', () => {
  it('an entity bomb in a worksheet', async () => {
    const xml = `<?xml version="1.0"?>${LAUGHS}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: xml }] }));
    expect(e.code).toBe('TRASIG_XML');
    expect(e.message).toMatch(/DOCTYPE\/ENTITY i xl\/worksheets\/sheet1\.xml/);
  });

  it('an external entity in the shared strings', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst ${NS}><si><t>&xxe;</t></si></sst>`;
    const e = await refusal(buildXlsx({ sharedStrings: { xml }, sheets: [{ name: 'S', body: sheetData([['<c r="A1" t="s"><v>0</v></c>']]) }] }));
    expect(e.code).toBe('TRASIG_XML');
    expect(e.details).toEqual({ part: 'xl/sharedStrings.xml' });
  });

  it('a plain DOCTYPE in the relationships part', async () => {
    const rels = `<?xml version="1.0"?><!DOCTYPE Relationships><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', body: '' }], parts: { '_rels/.rels': rels } }));
    expect(e.details).toEqual({ part: '_rels/.rels' });
  });
});

describe('zip bombs are refused from the central directory, before inflating', () => {
  it('a part claiming more than the part limit is refused before inflating', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: sheetData([['<c r="A1"><v>1</v></c>']]) }] });
    const bomb = patchCentralEntry(bytes, 'xl/worksheets/sheet1.xml', { size: 0xfffffff0 });
    const e = await refusal(bomb);
    expect(e.code).toBe('FOR_STOR');
    // Same file within raised limits: now the data is inflated and found to be a lie.
    const e2 = await refusal(bomb, { limits: { maxPartBytes: 2 ** 33, maxTotalBytes: 2 ** 34, maxCompressionRatio: Infinity } });
    expect(e2.code).not.toBe('FOR_STOR');
  });

  it('a package whose parts add up to more than the total limit', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: '' }], parts: { 'docProps/big.bin': new Uint8Array(4096) } });
    const e = await refusal(bytes, { limits: { maxTotalBytes: 4000 } });
    expect(e.code).toBe('FOR_STOR');
    expect(e.message).toMatch(/^Filen är för stor att kontrollera \(uppackad storlek i byte, gränsen är 4[\s\u00a0]000\) – /);
  });

  it('a part that compresses at an implausible ratio', async () => {
    const padding = ' '.repeat(8 * 1024 * 1024);
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${padding}</worksheet>`;
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: xml }], level: 9 });
    const e = await refusal(bytes);
    expect(e.code).toBe('FOR_STOR');
    expect(e.details).toEqual({ part: 'xl/worksheets/sheet1.xml' });
    const snap = await readWorkbook(bytes, { limits: { maxCompressionRatio: 5000 } });
    expect(snap.sheets[0].rows).toEqual([[1]]);
  });

  it('a directory that understates a part: inflation stops at the stated size', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`<c r="A${i + 1}"><v>${i}</v></c>`]);
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: sheetData(rows) }] });
    const e = await refusal(patchCentralEntry(bytes, 'xl/worksheets/sheet1.xml', { size: 1000 }));
    expect(e.code).toBe('FOR_STOR');
  });
});

describe('limits on what a sheet may make the reader build', () => {
  const cells = (n: number) => sheetData([Array.from({ length: n }, (_, i) => `<c><v>${i}</v></c>`)]);

  it('max cells, counted over all sheets (each row is a slot too)', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'A', body: cells(6) }, { name: 'B', body: cells(6) }] });
    expect((await readWorkbook(bytes, { limits: { maxCells: 14 } })).sheets).toHaveLength(2);
    expect((await refusal(bytes, { limits: { maxCells: 13 } })).code).toBe('FOR_STOR');
  });

  it('max cells also counts the empty slots that anchor a far-away cell at A1', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'A', body: '<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>' }] });
    expect((await refusal(bytes, { limits: { maxCells: 1_000_000 } })).code).toBe('FOR_STOR');
    const sheet = (await readWorkbook(bytes)).sheets[0];
    expect(sheet.rows).toHaveLength(1_048_576);
    expect(sheet.rows[1_048_575][16_383]).toBe(1);
  });

  it('row numbers outside the grid are a broken sheet, not a billion empty rows', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'A', body: '<sheetData><row r="999999999"><c><v>1</v></c></row></sheetData>' }] });
    expect((await refusal(bytes)).code).toBe('TRASIG_XML');
  });

  it('max merged ranges', async () => {
    const body = cells(3) + '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="C1:D1"/><mergeCell ref="E1:F1"/></mergeCells>';
    const bytes = buildXlsx({ sheets: [{ name: 'A', body }] });
    expect((await readWorkbook(bytes, { limits: { maxMergedRanges: 3 } })).sheets[0].rows).toEqual([[0, null, 2]]);
    expect((await refusal(bytes, { limits: { maxMergedRanges: 2 } })).code).toBe('FOR_STOR');
  });

  it('overlapping whole-sheet merges cannot make the reader spin', async () => {
    const rows = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `<c><v>${r * c}</v></c>`));
    const merges = `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(5000)}</mergeCells>`;
    const bytes = buildXlsx({ sheets: [{ name: 'A', body: sheetData(rows) + merges }] });
    expect((await refusal(bytes, { limits: { maxCells: 100_000 } })).code).toBe('FOR_STOR');
  });

  it('max data-validation ranges, counted and never expanded', async () => {
    const body =
      cells(1) +
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576 B2"><formula1>"Ja,Nej"</formula1></dataValidation></dataValidations>' +
      '<extLst><ext><x14:dataValidations xmlns:x14="x14" xmlns:xm="xm"><x14:dataValidation><xm:sqref>C1:C9 D1</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    const bytes = buildXlsx({ sheets: [{ name: 'A', body }] });
    expect((await readWorkbook(bytes, { limits: { maxDataValidationRanges: 4 } })).sheets[0].rows).toEqual([[0]]);
    expect((await refusal(bytes, { limits: { maxDataValidationRanges: 3 } })).code).toBe('FOR_STOR');
  });

  it('the corpus file with one validation over A1:XFD1048576 (hangs exceljs) reads at once', async () => {
    const bytes = new Uint8Array(readFileSync(corpusFile('exceljs-exceljs/spec/integration/data/test-issue-1842.xlsx')));
    const snap = await readWorkbook(bytes);
    expect(snap.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('max shared strings, by the declared count and by the actual count', async () => {
    const strings = ['a', 'b', 'c'];
    const bytes = buildXlsx({ sharedStrings: strings, sheets: [{ name: 'A', body: '' }] });
    expect((await refusal(bytes, { limits: { maxSharedStrings: 2 } })).code).toBe('FOR_STOR');
    const undeclared = buildXlsx({ sharedStrings: { xml: `<sst ${NS}><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>` }, sheets: [{ name: 'A', body: '' }] });
    expect((await refusal(undeclared, { limits: { maxSharedStrings: 2 } })).code).toBe('FOR_STOR');
    expect(await readWorkbook(undeclared, { limits: { maxSharedStrings: 3 } })).toBeDefined();
  });

  it('an encrypted zip entry is reported as password protection', async () => {
    const bytes = zipParts({ '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>', 'xl/workbook.xml': '<workbook/>' });
    // Set bit 0 (encrypted) in every central directory entry's flags.
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    let p = view.getUint32(out.length - 22 + 16, true);
    for (let i = 0; i < view.getUint16(out.length - 22 + 10, true); i++) {
      view.setUint16(p + 8, view.getUint16(p + 8, true) | 1, true);
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    expect((await refusal(out)).code).toBe('LOSENORDSSKYDDAD');
  });
});

describe('deep nesting and duplicate names (shared with the writer)', () => {
  const deep = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;

  it('a worksheet nested deeper than maxXmlDepth is refused (the fast scanner hands it to saxes)', async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${deep(100_000)}</worksheet>`;
    const e = await refusal(buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: xml }] }));
    expect(e.code).toBe('TRASIG_XML');
    expect(e.details).toEqual({ part: 'xl/worksheets/sheet1.xml', limit: 256 });
    // Within the limit it is read as before.
    const ok = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${deep(200)}</worksheet>`;
    expect((await readWorkbook(buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: ok }] }))).sheets[0].rows).toEqual([[1]]);
  });

  it('the workbook part nested too deep', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: '' }] });
    const e = await refusal(bytes, { limits: { maxXmlDepth: 2 } });
    expect(e.message).toMatch(/nästlad djupare än 2 nivåer \(xl\/workbook\.xml\)/);
  });

  it('two entries that are one part: same name, other case, backslashes', async () => {
    for (const twin of ['xl/worksheets/sheet1.xml', 'xl/worksheets/SHEET1.xml', 'xl\\worksheets\\sheet1.xml']) {
      const e = await refusal(h.duplicateSheet(twin));
      expect(e.code).toBe('TRASIG_XML');
      expect(e.message).toMatch(/^Filen innehåller två delar med samma namn \(xl\/worksheets\/sheet1\.xml/);
    }
  });
});

describe('what would become one huge string or a huge part for the writer', () => {
  it('a text run, comment or CDATA longer than maxXmlTextChars', async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><!--${'x'.repeat(50_000)}--></worksheet>`;
    // Stored, so the part arrives in 16 KiB pieces and the comment spans several (the check runs between pieces).
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: xml }], level: 0 });
    const e = await refusal(bytes, { limits: { maxXmlTextChars: 1000 } });
    expect(e.message).toMatch(/^Arbetsboken har en text eller kommentar längre än 1[\s\u00a0]000 tecken \(xl\/worksheets\/sheet1\.xml\)/);
    expect((await readWorkbook(bytes)).sheets[0].rows).toEqual([[1]]);
  });

  it('a sheet padded far beyond its cells (the writer would hold it whole)', async () => {
    const pad = `${' '.repeat(60)}<x/>`.repeat(100);
    const xml = `<worksheet ${NS}><sheetData>${pad}<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const bytes = buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: xml }] });
    const e = await refusal(bytes, { limits: { maxPaddedSheetBytes: 1000, maxBytesPerCell: 1000 } });
    expect(e.message).toMatch(/^Bladet xl\/worksheets\/sheet1\.xml är orimligt stort för sitt innehåll/);
    // Small sheets, and sheets with a cell per maxBytesPerCell, are not judged.
    expect((await readWorkbook(bytes, { limits: { maxPaddedSheetBytes: 1000, maxBytesPerCell: 10_000 } })).sheets[0].rows).toEqual([[1]]);
    expect((await readWorkbook(bytes)).sheets[0].rows).toEqual([[1]]);
  });
});
