/**
 * Reads a zip's central directory without inflating anything, so sizes and ratios can be checked
 * before a single byte is unpacked. Supports zip64; refuses what is cut off, and refuses two entries
 * whose names are the same part (equal after case-folding and `\\` → `/`): the reader and the
 * writer both take their package from here, so they can never pick different copies of a part.
 */
import { readErrors } from './errors';

export interface ZipEntry {
  /** Name as stored (slashes normalised, no leading slash). */
  name: string;
  method: number;
  flags: number;
  /** CRC-32 as the directory states it (copied through when the part is written unchanged). */
  crc: number;
  compressedSize: number;
  /** Uncompressed size as the directory claims it; inflation never produces more. */
  size: number;
  /** Offset of the compressed data (after the local header). */
  dataOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Case-insensitive lookup by part name (OPC part names are case-insensitive). */
  get(name: string): ZipEntry | undefined;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;

export function isZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function normalizePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** Parses the central directory; throws TRUNKERAD when the end record or entries are missing. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => u32(o) + u32(o + 4) * 0x1_0000_0000;

  const eocd = findEndRecord(view, len);
  if (eocd < 0) throw readErrors.truncated();
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== SIG_ZIP64_LOCATOR) throw readErrors.truncated();
    const z64 = u64(loc + 8);
    if (z64 + 56 > len || u32(z64) !== SIG_ZIP64_EOCD) throw readErrors.truncated();
    count = u64(z64 + 32);
    cdSize = u64(z64 + 40);
    cdOffset = u64(z64 + 48);
  }
  if (cdOffset + cdSize > len) throw readErrors.truncated();
  if (count > MAX_ENTRIES) throw readErrors.tooLarge('antal delar i filen', MAX_ENTRIES);

  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const latin1 = new TextDecoder('latin1');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > len || u32(p) !== SIG_CENTRAL) throw readErrors.truncated();
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressedSize = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    let localOffset = u32(p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > len) throw readErrors.truncated();
    const rawName = decodeName(bytes.subarray(p + 46, p + 46 + nameLen), utf8, latin1);
    // zip64 extra field: the 64-bit values follow in this order, each only when its 32-bit field is saturated.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(e);
      const dataLen = u16(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = Math.min(q + dataLen, extraEnd);
        if (size === 0xffffffff && q + 8 <= end) (size = u64(q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= end) (compressedSize = u64(q)), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= end) localOffset = u64(q);
      }
      e += 4 + dataLen;
    }
    const name = rawName.replace(/\\/g, '/').replace(/^\/+/, '');
    if (localOffset + 30 > len) throw readErrors.truncated();
    if (u32(localOffset) !== SIG_LOCAL) throw readErrors.brokenPart(name, 'lokalt huvud saknas');
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataOffset + compressedSize > len) throw readErrors.truncated();
    const entry: ZipEntry = { name, method, flags, crc, compressedSize, size, dataOffset };
    entries.push(entry);
    const key = normalizePartName(name);
    const twin = byName.get(key);
    if (twin) throw readErrors.duplicatePart(twin.name === name ? name : `${twin.name}, ${name}`);
    byName.set(key, entry);
    p = next;
  }
  return { entries, get: (n) => byName.get(normalizePartName(n)) };
}

/** UTF-8 (what Excel writes, flagged or not); bytes that are not UTF-8 as Latin-1, never as U+FFFD. */
function decodeName(raw: Uint8Array, utf8: TextDecoder, latin1: TextDecoder): string {
  try {
    return utf8.decode(raw);
  } catch {
    return latin1.decode(raw);
  }
}

/** The end-of-central-directory record sits in the last 64 KiB + 22 bytes. */
function findEndRecord(view: DataView, len: number): number {
  const stop = Math.max(0, len - 22 - 0xffff);
  for (let i = len - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) return i;
  }
  return -1;
}
