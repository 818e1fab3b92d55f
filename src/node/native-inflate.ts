/**
 * Raw-deflate inflation with Node's zlib for the xlsx reader (src/xlsx stays free of Node imports
 * and uses fflate on its own). zlib inflates on the libuv thread pool, several times faster than
 * fflate, while the reader scans the previous piece on the JavaScript thread.
 */
import * as zlib from 'node:zlib';
import type { AsyncInflater } from '../xlsx/read/xml-part';

/** Output piece size: large enough that per-piece overhead vanishes, small enough to stay streamed. */
const OUTPUT_CHUNK = 256 * 1024;

export const nativeInflate: AsyncInflater = (data, sink) =>
  new Promise<void>((resolve, reject) => {
    const z = zlib.createInflateRaw({ chunkSize: OUTPUT_CHUNK });
    let done = false;
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      z.destroy();
      reject(e);
    };
    z.on('data', (chunk: Buffer) => {
      if (done) return;
      try {
        sink(chunk);
      } catch (e) {
        fail(e);
      }
    });
    z.on('error', fail);
    z.on('end', () => {
      if (done) return;
      done = true;
      resolve();
    });
    z.end(data);
  });
