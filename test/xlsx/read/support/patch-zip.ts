/** Rewrites fields of a zip's central directory in place, to make hostile packages in tests. */
export function patchCentralEntry(bytes: Uint8Array, name: string, patch: { size?: number; compressedSize?: number }): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const eocd = out.length - 22;
  let p = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const nameLen = view.getUint16(p + 28, true);
    const entryName = decoder.decode(out.subarray(p + 46, p + 46 + nameLen));
    if (entryName === name) {
      if (patch.compressedSize !== undefined) view.setUint32(p + 20, patch.compressedSize, true);
      if (patch.size !== undefined) view.setUint32(p + 24, patch.size, true);
      return out;
    }
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  throw new Error(`no entry ${name}`);
}
