import { readFileSync } from 'node:fs';
import { isStyrkollError, type ErrorCode } from '../../../../src/core/errors';
import { detectFileKind, type FileKind } from '../../../../src/xlsx/detect';
import { readWorkbook } from '../../../../src/xlsx/read';
import { buildOle } from '../support/build-ole';
import { buildXlsx, sheetData, zipParts } from '../support/build-xlsx';
import { corpusFile } from '../../../fixtures/files';

const derived = (name: string) => new Uint8Array(readFileSync(corpusFile(`derived/${name}`)));
const valid = () => buildXlsx({ sheets: [{ name: 'Budget', body: sheetData([['<c r="A1"><v>1</v></c>']]) }] });

async function refusal(bytes: Uint8Array) {
  try {
    await readWorkbook(bytes);
  } catch (e) {
    if (!isStyrkollError(e)) throw e;
    return e;
  }
  throw new Error('expected a refusal');
}

const cases: [string, () => Uint8Array, FileKind | null, ErrorCode, RegExp][] = [
  ['a 0-byte file', () => derived('empty-0byte.xlsx'), 'tom', 'TOM_FIL', /^Filen är tom/],
  ['an OLE file with EncryptionInfo/EncryptedPackage', () => buildOle(['EncryptionInfo', 'EncryptedPackage']), 'losenordsskyddad', 'LOSENORDSSKYDDAD', /^Filen är lösenordsskyddad – spara en kopia utan lösenord och kör igen\.$/],
  ['an OLE file with only EncryptedPackage', () => buildOle(['EncryptedPackage']), 'losenordsskyddad', 'LOSENORDSSKYDDAD', /lösenordsskyddad/],
  ['an old .xls from the corpus', () => derived('xls-renamed_SampleSS.xlsx'), 'xls', 'XLS', /\.xls\).*spara som \.xlsx/],
  ['a built OLE file with a Workbook stream', () => buildOle(['Workbook', 'SummaryInformation']), 'xls', 'XLS', /spara som \.xlsx/],
  ['an .ods renamed to .xlsx', () => derived('ods-renamed_AutoFilter.xlsx'), 'ods', 'ODS', /OpenDocument.*spara som/],
  ['a .docx renamed to .xlsx', () => derived('docx-renamed_sample.xlsx'), 'docx', 'DOCX', /Word-dokument/],
  ['a zip without a workbook part', () => zipParts({ 'readme.txt': 'hej', 'xl/worksheets/sheet1.xml': '<worksheet/>' }), 'inte-arbetsbok', 'INTE_ARBETSBOK', /inte en Excel-arbetsbok/],
  ['a text file', () => new TextEncoder().encode('Nämnd;Budget\nKS;100\n'), 'inte-arbetsbok', 'INTE_ARBETSBOK', /inte en Excel-arbetsbok/],
  ['an .xlsb package', () => zipParts({ 'xl/workbook.bin': new Uint8Array([1, 2, 3]) }), 'xlsb', 'INTE_ARBETSBOK', /\.xlsb/],
  ['the corpus file cut in half', () => derived('truncated-half_SampleSS.xlsx'), 'trunkerad', 'TRUNKERAD', /^Filen är ofullständig \(avbruten kopiering\?\)/],
  ['the corpus file missing its last 22 bytes', () => derived('truncated-tail22_SampleSS.xlsx'), 'trunkerad', 'TRUNKERAD', /ofullständig/],
  ['a built workbook missing its last byte', () => valid().subarray(0, valid().length - 1), 'trunkerad', 'TRUNKERAD', /ofullständig/],
  [
    'a zip whose directory points past the end of the file',
    () => {
      // Keep the end record but cut the data before it: entries are cut off.
      const bytes = valid();
      const eocd = bytes.length - 22;
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const cdOffset = view.getUint32(eocd + 16, true);
      const cdSize = view.getUint32(eocd + 12, true);
      const cut = new Uint8Array(bytes.length - 200);
      cut.set(bytes.subarray(0, 100));
      cut.set(bytes.subarray(300), 100);
      const cutView = new DataView(cut.buffer);
      cutView.setUint32(cut.length - 22 + 16, cdOffset, true);
      cutView.setUint32(cut.length - 22 + 12, cdSize, true);
      return cut;
    },
    'trunkerad',
    'TRUNKERAD',
    /ofullständig/,
  ],
  ['a workbook with no worksheets', () => buildXlsx({ sheets: [] }), 'xlsx', 'INGA_BLAD', /inga kalkylblad/],
  [
    'a workbook with only a chart sheet',
    () =>
      buildXlsx({
        sheets: [],
        parts: {
          'xl/workbook.xml':
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Diagram" sheetId="1" r:id="rId1"/></sheets></workbook>',
          'xl/_rels/workbook.xml.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
        },
      }),
    'xlsx',
    'INGA_BLAD',
    /inga kalkylblad/,
  ],
  ['broken XML in a worksheet', () => buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: '<worksheet><sheetData></worksheet>' }] }), 'xlsx', 'TRASIG_XML', /xl\/worksheets\/sheet1\.xml/],
  ['broken XML in the workbook part', () => buildXlsx({ sheets: [{ name: 'S', body: '' }], parts: { 'xl/workbook.xml': '<workbook><sheets>' } }), 'xlsx', 'TRASIG_XML', /xl\/workbook\.xml/],
  ['a worksheet part that is missing', () => buildXlsx({ sheets: [{ name: 'S', body: '' }], parts: { 'xl/worksheets/sheet1.xml': null } }), 'xlsx', 'TRASIG_XML', /sheet1\.xml saknas/],
];

describe('readWorkbook refuses unusable files with their own code and Swedish message', () => {
  it.each(cases)('%s', async (_label, make, kind, code, message) => {
    const bytes = make();
    if (kind) expect(detectFileKind(bytes)).toBe(kind);
    const e = await refusal(bytes);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).not.toMatch(/\n/);
    expect(e.details?.internal).toBeUndefined();
  });

  it('every message says what to do (ends with an instruction, not a library text)', async () => {
    for (const [, make] of cases) {
      const e = await refusal(make());
      expect(e.message).toMatch(/ – .+\.$/);
    }
  });

  it('a valid workbook is detected as xlsx', () => {
    expect(detectFileKind(valid())).toBe('xlsx');
  });
});
