/**
 * Worker-thread entry for readWorkbookGuarded: reads the bytes it is given and posts back the
 * snapshot, or the StyrkollError's code, message and details. Never posts a raw exception.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isStyrkollError } from '../core/errors';
import { readWorkbook } from '../xlsx/read';
import type { ReadOptions } from '../xlsx/read';

export interface ReadWorkerInput {
  bytes: Uint8Array;
  options: Omit<ReadOptions, 'sheets'>;
}

export type ReadWorkerOutput =
  | { ok: true; snapshot: import('../core/snapshot').WorkbookSnapshot }
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };

async function run(input: ReadWorkerInput): Promise<ReadWorkerOutput> {
  try {
    return { ok: true, snapshot: await readWorkbook(input.bytes, input.options) };
  } catch (e) {
    if (isStyrkollError(e)) return { ok: false, code: e.code, message: e.message, details: e.details };
    return { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as ReadWorkerInput).then((out) => port.postMessage(out));
}
