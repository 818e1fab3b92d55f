/**
 * Worker-thread entry for readWorkbookGuarded: reads the bytes it is given and posts back the
 * workbook in compact form with its cell buffers transferred (not cloned; the main thread builds
 * the rows), or the StyrkollError's code, message and details. Never posts a raw exception.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isStyrkollError } from '../common/errors';
import { readWorkbookCompact, transferables, type CompactWorkbook, type ReadOptions } from '../xlsx/read';
import { nativeInflate } from './native-inflate';

export interface ReadWorkerInput {
  bytes: Uint8Array;
  options: Omit<ReadOptions, 'sheets'>;
}

export type ReadWorkerOutput =
  | { ok: true; workbook: CompactWorkbook }
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };

async function run(input: ReadWorkerInput): Promise<ReadWorkerOutput> {
  try {
    return { ok: true, workbook: await readWorkbookCompact(input.bytes, input.options, { inflate: nativeInflate }) };
  } catch (e) {
    if (isStyrkollError(e)) return { ok: false, code: e.code, message: e.message, details: e.details };
    return { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as ReadWorkerInput).then((out) => port.postMessage(out, out.ok ? transferables(out.workbook) : []));
}
