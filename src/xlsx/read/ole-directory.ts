/**
 * Names in an OLE compound file's directory (the container of .xls files and of password-protected
 * Office files, which hold EncryptionInfo + EncryptedPackage streams). Only the directory is read.
 */

const END_OF_CHAIN = 0xfffffffe;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** Directory entry names; an empty list when the directory cannot be followed. */
export function oleEntryNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number) => view.getUint32(o, true);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const maxSectors = Math.floor(bytes.length / sectorSize);
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const inFile = (n: number) => n < maxSectors && sectorOffset(n) + sectorSize <= bytes.length;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = Math.min(u32(0x2c), maxSectors);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let guard = 0; fatSectors.length < fatCount && difat !== END_OF_CHAIN && inFile(difat) && guard < maxSectors; guard++) {
    const base = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(u32(base + i * 4));
    difat = u32(base + perSector * 4);
  }
  const next = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || !inFile(fatSector)) return END_OF_CHAIN;
    return u32(sectorOffset(fatSector) + (sector % perSector) * 4);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  for (let sector = u32(0x30); sector !== END_OF_CHAIN && inFile(sector) && !seen.has(sector); sector = next(sector)) {
    seen.add(sector);
    const base = sectorOffset(sector);
    for (let e = base; e + 128 <= base + sectorSize; e += 128) {
      const nameBytes = Math.min(view.getUint16(e + 0x40, true), 64);
      const type = bytes[e + 0x42];
      if (type === 0 || nameBytes < 2) continue;
      let name = '';
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(e + i, true));
      names.push(name);
    }
  }
  return names;
}

/** Whether the container holds an encrypted Office package (Excel's "Encrypt with password"). */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  const names = oleEntryNames(bytes);
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return true;
  if (names.length > 0) return false;
  // Directory not followable (e.g. cut off): fall back to looking for the stream name itself.
  return containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo');
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pattern[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
