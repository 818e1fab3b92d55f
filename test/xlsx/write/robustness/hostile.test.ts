/**
 * The writer behind the reader's gate: one zip directory for both (duplicates refused), the same
 * size, ratio and actual-size checks for every part it inflates, DOCTYPE and deep nesting refused
 * wherever it parses, and untouched parts copied compressed, never inflated.
 */
import { strToU8 } from 'fflate';
import { buildKontrollSheet, buildMarks } from '../../../../src/core/kontroll';
import { isStyrkollError, type StyrkollError } from '../../../../src/core/errors';
import { NODE_CODEC } from '../../../../src/node/zip-codec';
import { readWorkbook } from '../../../../src/xlsx/read';
import { addSheets, FFLATE_CODEC, setCellValues, writeCheckedWorkbook, type ZipCodec } from '../../../../src/xlsx/write';
import { parseXml } from '../../../../src/xlsx/write/xml-tree';
import { ZipPackage } from '../../../../src/xlsx/write/zip-package';
import * as h from '../../read/support/hostile-packages';
import { checkResult, finding } from '../helpers';

const result = checkResult([finding({ sheet: 'Budget', cell: 'C5' })]);
const kontroll = { kontroll: buildKontrollSheet(result), marks: buildMarks(result.findings) };

function refusal(fn: () => unknown): StyrkollError {
  try {
    fn();
  } catch (e) {
    if (!isStyrkollError(e)) throw e;
    return e;
  }
  throw new Error('expected a refusal');
}

/** Every way the CLI and the add-in write a package from a workbook they were given. */
const WRITERS: [string, (bytes: Uint8Array, codec: ZipCodec) => unknown][] = [
  ['writeCheckedWorkbook', (b, codec) => writeCheckedWorkbook(b, kontroll, { codec })],
  ['addSheets', (b, codec) => addSheets(b, [kontroll.kontroll], { replaceExisting: true }, { codec })],
  ['setCellValues', (b, codec) => setCellValues(b, [{ sheet: 'Budget', cell: 'A1', value: 'x' }], { codec })],
];
const CODECS: [string, ZipCodec][] = [
  ['fflate', FFLATE_CODEC],
  ['zlib', NODE_CODEC],
];

describe.each(CODECS)('the writer with %s', (_, codec) => {
  it.each(WRITERS)('%s refuses a styles part that inflates beyond its stated size, after the stated size', (__, write) => {
    const e = refusal(() => write(h.stylesCommentBomb(64, 'false'), codec));
    expect(e.code).toBe('FOR_STOR');
    expect(e.message).toMatch(/^Filen packas upp till orimligt mycket data \(xl\/styles\.xml\)/);
  });

  it.each(WRITERS)('%s refuses a styles part above the limit for parts held whole', (__, write) => {
    const e = refusal(() => write(h.stylesCommentBomb(80, 'true'), codec));
    expect(e.code).toBe('FOR_STOR');
    expect(e.details).toMatchObject({ part: 'xl/styles.xml' });
  });

  // Both add a sheet, so both edit the content types.
  it.each(WRITERS.slice(0, 2))('%s refuses deep nesting in [Content_Types].xml', (__, write) => {
    const e = refusal(() => write(h.deepContentTypesVaried(5000), codec));
    expect(e.message).toMatch(/^Arbetsboken har XML som är nästlad djupare än 256 nivåer \(\[Content_Types\]\.xml\)/);
  });

  it('setCellValues does not need the content types: they are copied compressed, not parsed', () => {
    const bytes = h.deepContentTypesVaried(5000);
    const out = setCellValues(bytes, [{ sheet: 'Budget', cell: 'A1', value: 'x' }], { codec });
    const ct = (zip: Uint8Array) => Buffer.from(ZipPackage.fromBytes(zip).bytes('[Content_Types].xml', false)!).toString('hex');
    expect(ct(out)).toBe(ct(bytes));
  });

  it.each(WRITERS)('%s refuses duplicate part names, as the reader does', async (__, write) => {
    for (const twin of ['xl/worksheets/sheet1.xml', 'XL/Worksheets/Sheet1.xml', 'xl\\worksheets\\sheet1.xml']) {
      const bytes = h.duplicateSheet(twin);
      const w = refusal(() => write(bytes, codec));
      const r = await readWorkbook(bytes).then(
        () => null,
        (e: StyrkollError) => e,
      );
      expect(w.message).toMatch(/^Filen innehåller två delar med samma namn \(/);
      expect(r?.message).toBe(w.message);
    }
  });
});

describe('the writer parses as the reader does', () => {
  it('a DOCTYPE in a part parsed into a tree is refused, not skipped', () => {
    const e = refusal(() => parseXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><styleSheet>&a;</styleSheet>', 'xl/styles.xml'));
    expect(e.message).toMatch(/DOCTYPE\/ENTITY i xl\/styles\.xml/);
  });

  it('a DOCTYPE in xl/styles.xml stops the write', () => {
    const parts = h.baseParts();
    const styles = h.textOf(parts, 'xl/styles.xml').replace('?>', '?><!DOCTYPE styleSheet>');
    const e = refusal(() => writeCheckedWorkbook(h.pack(h.replacePart(parts, { name: 'xl/styles.xml', data: styles })), kontroll));
    expect(e.message).toMatch(/DOCTYPE\/ENTITY i xl\/styles\.xml/);
  });

  it('nesting up to the limit is fine, one more is refused', () => {
    const nest = (n: number) => `<r>${'<a>'.repeat(n - 1)}${'</a>'.repeat(n - 1)}</r>`;
    expect(parseXml(nest(256), 'p').local).toBe('r');
    expect(refusal(() => parseXml(nest(257), 'p')).details).toEqual({ part: 'p', limit: 256 });
  });
});

describe('untouched parts are copied compressed, never inflated', () => {
  it('the check inflates only the parts it edits', () => {
    const inflated: number[] = [];
    const counting: ZipCodec = { ...NODE_CODEC, inflateRaw: (d, size) => (inflated.push(size), NODE_CODEC.inflateRaw(d, size)) };
    // A theme that would be refused if it were ever inflated: it must go through untouched.
    const parts = h.baseParts();
    const bomb = h.repeatedDeflate('<a:theme>', new Uint8Array(1024 * 1024).fill(0x20), 2000, '</a:theme>');
    bomb.size = 10;
    const bytes = h.pack(h.replacePart(parts, { name: 'xl/theme/theme1.xml', raw: bomb }));
    const out = writeCheckedWorkbook(bytes, kontroll, { codec: counting });
    const pkg = ZipPackage.fromBytes(out);
    expect(pkg.has('xl/theme/theme1.xml')).toBe(true);
    // Only the small parts the writer edits, never the theme's two gigabytes.
    expect(Math.max(...inflated)).toBeLessThan(1024 * 1024);
  });

  it('a part looked up in another case is the same part (no second copy is written)', () => {
    const pkg = ZipPackage.fromBytes(h.plainWorkbook());
    pkg.setBytes('XL/Styles.xml', strToU8('<styleSheet/>'));
    expect(pkg.names().filter((n) => n.toLowerCase() === 'xl/styles.xml')).toEqual(['xl/styles.xml']);
  });
});
