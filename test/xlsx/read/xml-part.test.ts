import { SaxesParser } from 'saxes';
import { readWorkbook } from '../../../src/xlsx/read';
import { readWorkbookSync } from '../../../src/xlsx/read/read-workbook';
import { SheetScanner } from '../../../src/xlsx/read/sheet-scanner';
import { INPUT_CHUNK } from '../../../src/xlsx/read/xml-part';
import { buildXlsx } from './support/build-xlsx';

const rows: string[] = [];
for (let r = 1; r <= 40_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Verksamhet ${r % 97}</t></is></c></row>`);
const body = `<sheetData>${rows.join('')}</sheetData>`;
const bytes = buildXlsx({ sheets: [{ name: 'Budget', body }] });

function expectChunked(sizes: number[]): void {
  expect(body.length).toBeGreaterThan(3_000_000);
  expect(Math.max(...sizes)).toBeLessThan(body.length / 10);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(INPUT_CHUNK * 1032);
  expect(sizes.length).toBeGreaterThan(10);
}

describe('a worksheet is inflated in chunks straight into the XML reader', () => {
  afterEach(() => jest.restoreAllMocks());

  it('the fast scanner gets the sheet only in pieces bounded by the inflate chunk', async () => {
    const pushes: number[] = [];
    const push = SheetScanner.prototype.push;
    jest.spyOn(SheetScanner.prototype, 'push').mockImplementation(function (this: SheetScanner, chunk: Uint8Array) {
      pushes.push(chunk.length);
      return push.call(this, chunk);
    });
    const sheet = (await readWorkbook(bytes)).sheets[0];

    expect(sheet.rows).toHaveLength(40_000);
    expect(sheet.rows[39_999]).toEqual([40_000, `Verksamhet ${40_000 % 97}`]);
    expectChunked(pushes);
  });

  it('so does saxes when it reads the sheet', () => {
    const writes: number[] = [];
    const write = SaxesParser.prototype.write;
    jest.spyOn(SaxesParser.prototype, 'write').mockImplementation(function (this: SaxesParser, chunk: string | object | null) {
      if (typeof chunk === 'string') writes.push(chunk.length);
      return write.call(this, chunk as string);
    });
    const sheet = readWorkbookSync(bytes, undefined, { fastScanner: false }).sheets[0];

    expect(sheet.rows).toHaveLength(40_000);
    expect(sheet.rows[39_999]).toEqual([40_000, `Verksamhet ${40_000 % 97}`]);
    expectChunked(writes);
  });
});
