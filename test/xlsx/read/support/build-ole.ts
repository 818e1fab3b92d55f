/**
 * A minimal OLE compound file (512-byte sectors: header, one FAT sector, one directory sector)
 * whose directory lists the given stream names — enough to stand in for a password-protected
 * workbook (EncryptionInfo + EncryptedPackage) or an old .xls (Workbook).
 */
export function buildOle(streamNames: string[]): Uint8Array {
  if (streamNames.length > 3) throw new Error('at most three streams fit in one directory sector');
  const out = new Uint8Array(512 * 3);
  const view = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // Sector 0 (file offset 512): the FAT. Entry 0 marks itself, entry 1 ends the directory chain.
  const fat = 512;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, 0xfffffffe, true);
  // Sector 1 (file offset 1024): the directory.
  const dir = 1024;
  const entry = (index: number, name: string, type: number) => {
    const base = dir + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(base + i * 2, name.charCodeAt(i), true);
    view.setUint16(base + 0x40, (name.length + 1) * 2, true);
    out[base + 0x42] = type;
    view.setUint32(base + 0x44, 0xffffffff, true); // left sibling
    const isRoot = index === 0;
    const hasNext = !isRoot && index < streamNames.length;
    view.setUint32(base + 0x48, hasNext ? index + 1 : 0xffffffff, true); // right sibling
    view.setUint32(base + 0x4c, isRoot && streamNames.length ? 1 : 0xffffffff, true); // child
    view.setUint32(base + 0x74, 0xfffffffe, true); // start sector
  };
  entry(0, 'Root Entry', 5);
  streamNames.forEach((name, i) => entry(i + 1, name, 2));
  return out;
}
