/** Node's native zlib for the package writer (fflate, its default, is three to ten times slower). */
import * as zlib from 'node:zlib';
import { FFLATE_CODEC, type ZipCodec } from '../xlsx/write';

export const NODE_CODEC: ZipCodec = {
  deflateRaw: (data, level) => zlib.deflateRawSync(data, { level }),
  // Bounded by the directory's size: a part that inflates to more stops there (ERR_BUFFER_TOO_LARGE).
  inflateRaw: (data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) }),
  crc32: typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : FFLATE_CODEC.crc32,
};
