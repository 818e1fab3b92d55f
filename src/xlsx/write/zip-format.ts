/**
 * The ZIP container format, just as much as a package needs: reading the central directory
 * (zip64 included) without inflating anything, and writing an archive whose entries are given
 * already compressed. That is what lets unchanged parts keep their compressed bytes and CRC.
 */
import { StyrkollError } from '../../common/errors';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (other methods are copied as they are, never inflated). */
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** The compressed bytes (a view into the archive when read). */
  data: Uint8Array;
}

const notZip = () =>
  new StyrkollError('INTE_ARBETSBOK', 'Filen kunde inte öppnas som en Excel-arbetsbok (.xlsx); spara den som .xlsx i Excel och försök igen.');

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

export function readZip(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 12);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) throw notZip();
    count = u64(bytes, z + 32);
    offset = u64(bytes, z + 48);
  }
  const decoderUtf8 = new TextDecoder('utf-8');
  const decoderLatin1 = new TextDecoder('latin1');
  const out: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw notZip();
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let csize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? decoderUtf8 : decoderLatin1).decode(nameBytes);
    // zip64: the fields that overflowed follow in this order in the 0x0001 extra block.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let f = e + 4;
        if (size === 0xffffffff) (size = u64(bytes, f)), (f += 8);
        if (csize === 0xffffffff) (csize = u64(bytes, f)), (f += 8);
        if (local === 0xffffffff) local = u64(bytes, f);
      }
      e += 4 + len;
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw notZip(); // encrypted entries: not something Excel writes into a package
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw notZip();
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + csize > bytes.length) throw notZip();
    out.push({ name, method, crc, size, data: bytes.subarray(start, start + csize) });
  }
  return out;
}

/** 2000-01-01 00:00 as a DOS date and time: the same bytes in every time zone. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export function writeZip(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.data.length));
  if (entries.length > 0xfffe || total > 0xfffffff0) {
    throw new StyrkollError('FOR_STOR', 'Resultatet blir större än 4 GB och kan inte sparas som en .xlsx-fil.');
  }
  const out = new Uint8Array(total);
  const put16 = (i: number, v: number) => ((out[i] = v & 255), (out[i + 1] = (v >>> 8) & 255));
  const put32 = (i: number, v: number) => (put16(i, v & 0xffff), put16(i + 2, v >>> 16));
  const header = (at: number, e: ZipEntry, name: Uint8Array, central: boolean): number => {
    const ascii = name.every((b) => b < 0x80);
    let i = at;
    put32(i, central ? 0x02014b50 : 0x04034b50);
    i += 4;
    if (central) (put16(i, 20), (i += 2));
    put16(i, 20);
    put16(i + 2, ascii ? 0 : 0x800);
    put16(i + 4, e.method);
    put16(i + 6, DOS_TIME);
    put16(i + 8, DOS_DATE);
    put32(i + 10, e.crc);
    put32(i + 14, e.data.length);
    put32(i + 18, e.size);
    put16(i + 22, name.length);
    put16(i + 24, 0);
    i += 26;
    if (central) i += 14; // comment length, disk, attributes: zero; the local offset is set by the caller
    out.set(name, i);
    return i + name.length;
  };
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    p = header(p, e, names[i], false);
    out.set(e.data, p);
    p += e.data.length;
  });
  const cdStart = p;
  entries.forEach((e, i) => {
    const next = header(p, e, names[i], true);
    put32(next - names[i].length - 4, offsets[i]);
    p = next;
  });
  put32(p, 0x06054b50);
  put16(p + 8, entries.length);
  put16(p + 10, entries.length);
  put32(p + 12, p - cdStart);
  put32(p + 16, cdStart);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 255];
  return t;
})();

/** CRC-32 (ZIP), eight bytes a step. */
export function crc32(d: Uint8Array): number {
  const t = CRC_TABLE;
  let c = ~0;
  let i = 0;
  const n8 = d.length - (d.length % 8);
  for (; i < n8; i += 8) {
    c ^= d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24);
    c =
      t[1792 + (c & 255)] ^ t[1536 + ((c >>> 8) & 255)] ^ t[1280 + ((c >>> 16) & 255)] ^ t[1024 + (c >>> 24)] ^
      t[768 + d[i + 4]] ^ t[512 + d[i + 5]] ^ t[256 + d[i + 6]] ^ t[d[i + 7]];
  }
  for (; i < d.length; i++) c = t[(c ^ d[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}
