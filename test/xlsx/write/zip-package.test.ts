/**
 * The package keeps unchanged parts compressed exactly as they were (same bytes, same CRC) and
 * recompresses only what changed; the archive is read without inflating untouched parts.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildKontrollSheet, buildMarks } from '../../../src/core/kontroll';
import { writeCheckedWorkbook } from '../../../src/xlsx/write';
import { ZipPackage } from '../../../src/xlsx/write/zip-package';
import { budgetWorkbook, checkResult, finding } from './helpers';

/** name → compressed bytes and CRC, read from the local headers (independent of the writer). */
function rawEntries(zip: Uint8Array): Map<string, { method: number; crc: number; data: string }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, { method: number; crc: number; data: string }>();
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const nameLen = view.getUint16(p + 28, true);
    const name = strFromU8(zip.subarray(p + 46, p + 46 + nameLen));
    const local = view.getUint32(p + 42, true);
    const size = view.getUint32(p + 20, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, { method: view.getUint16(p + 10, true), crc: view.getUint32(p + 16, true), data: Buffer.from(zip.subarray(start, start + size)).toString('hex') });
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

describe('ZipPackage', () => {
  test('unchanged parts are copied compressed, byte for byte; changed parts are new', async () => {
    // Stored, not deflated: a part the writer recompressed would come out deflated.
    const fromExcel = unzipSync(await budgetWorkbook());
    const original = zipSync(Object.fromEntries(Object.entries(fromExcel).map(([n, d]) => [n, [d, { level: 0 }]])));
    const f = finding({ sheet: 'Budget', cell: 'C2' });
    const out = writeCheckedWorkbook(original, { kontroll: buildKontrollSheet(checkResult([f])), marks: buildMarks([f]) });
    const before = rawEntries(original);
    const after = rawEntries(out);
    const same = [...before].filter(([name, e]) => JSON.stringify(after.get(name)) === JSON.stringify(e)).map(([n]) => n);
    expect(same).toEqual(expect.arrayContaining(['xl/theme/theme1.xml', 'docProps/core.xml', 'xl/worksheets/sheet2.xml']));
    expect(same).not.toContain('xl/worksheets/sheet1.xml');
    expect(same).not.toContain('xl/workbook.xml');
    // Whatever was copied or recompressed, every part inflates to the right content.
    const parts = unzipSync(out);
    expect(strFromU8(parts['xl/theme/theme1.xml'])).toBe(strFromU8(fromExcel['xl/theme/theme1.xml']));
  });

  test('a part set back to its original content keeps its original bytes', () => {
    const original = zipSync({ '[Content_Types].xml': [strToU8('<Types/>'), { level: 0 }], 'a.xml': [strToU8('<a>'.repeat(500)), { level: 0 }] });
    const pkg = ZipPackage.fromBytes(original);
    pkg.setText('a.xml', '<b/>');
    pkg.setText('a.xml', '<a>'.repeat(500));
    pkg.setText('b.xml', '<b/>');
    const out = pkg.toBytes();
    expect(rawEntries(out).get('a.xml')).toEqual(rawEntries(original).get('a.xml'));
    expect(rawEntries(out).get('a.xml')!.method).toBe(0);
    expect(strFromU8(unzipSync(out)['b.xml'])).toBe('<b/>');
  });

  test('stored entries are read', () => {
    const small = zipSync({ '[Content_Types].xml': [strToU8('<Types/>'), { level: 0 }], 'b.bin': [new Uint8Array([1, 2, 3]), { level: 0 }] });
    const pkg = ZipPackage.fromBytes(small);
    expect([...pkg.bytes('b.bin')!]).toEqual([1, 2, 3]);
    expect(pkg.text('[Content_Types].xml')).toBe('<Types/>');
  });

  test('a broken archive is a Swedish INTE_ARBETSBOK error', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
    expect(() => ZipPackage.fromBytes(bytes.subarray(0, bytes.length - 30))).toThrow(expect.objectContaining({ code: 'INTE_ARBETSBOK' }));
  });
});
