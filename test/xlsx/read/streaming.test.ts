import { SaxesParser } from 'saxes';
import { readWorkbook } from '../../../src/xlsx/read';
import { INPUT_CHUNK } from '../../../src/xlsx/read/xml-part';
import { buildXlsx } from './support/build-xlsx';

describe('a worksheet is inflated in chunks straight into the XML parser', () => {
  afterEach(() => jest.restoreAllMocks());

  it('never hands the parser the sheet text whole, only pieces bounded by the inflate chunk', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 40_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Verksamhet ${r % 97}</t></is></c></row>`);
    const body = `<sheetData>${rows.join('')}</sheetData>`;
    const bytes = buildXlsx({ sheets: [{ name: 'Budget', body }] });

    const writes: number[] = [];
    const write = SaxesParser.prototype.write;
    jest.spyOn(SaxesParser.prototype, 'write').mockImplementation(function (this: SaxesParser, chunk: string | object | null) {
      if (typeof chunk === 'string') writes.push(chunk.length);
      return write.call(this, chunk as string);
    });
    const sheet = (await readWorkbook(bytes)).sheets[0];

    expect(sheet.rows).toHaveLength(40_000);
    expect(sheet.rows[39_999]).toEqual([40_000, `Verksamhet ${40_000 % 97}`]);
    expect(body.length).toBeGreaterThan(3_000_000);
    expect(Math.max(...writes)).toBeLessThan(body.length / 10);
    expect(Math.max(...writes)).toBeLessThanOrEqual(INPUT_CHUNK * 1032);
    expect(writes.length).toBeGreaterThan(10);
  });
});
