/**
 * Worker-thread entry for the guarded writer (guarded-write.ts): waits for one job, runs the package
 * writer on it with Node's zlib and the reader's limits, and posts back the new package (its buffer
 * transferred) or the StyrkollError's code, message and details. Never posts a raw exception.
 */
import { parentPort } from 'node:worker_threads';
import { isStyrkollError } from '../common/errors';
import type { CellMark, SheetSpec } from '../core';
import { addSheets, setCellValues, writeCheckedWorkbook, type CellEdit } from '../xlsx/write';
import type { ReadLimits } from '../xlsx/read';
import { NODE_CODEC } from './zip-codec';

/** One step of a write; each step works on the package the previous one produced. */
export type WriteStep =
  | { op: 'checked'; kontroll: SheetSpec; marks: CellMark[] }
  | { op: 'addSheets'; specs: SheetSpec[]; replaceExisting?: boolean }
  | { op: 'setCellValues'; edits: CellEdit[] };

export interface WriteJob {
  bytes: Uint8Array;
  steps: WriteStep[];
  limits?: Partial<ReadLimits>;
}

export type WriteWorkerOutput =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };

export function runWriteJob(job: WriteJob): Uint8Array {
  const options = { codec: NODE_CODEC, limits: job.limits };
  let bytes = job.bytes;
  for (const step of job.steps) {
    if (step.op === 'checked') bytes = writeCheckedWorkbook(bytes, { kontroll: step.kontroll, marks: step.marks }, options);
    else if (step.op === 'addSheets') bytes = addSheets(bytes, step.specs, { replaceExisting: step.replaceExisting }, options);
    else bytes = setCellValues(bytes, step.edits, options);
  }
  return bytes;
}

function run(job: WriteJob): WriteWorkerOutput {
  try {
    return { ok: true, bytes: runWriteJob(job) };
  } catch (e) {
    if (isStyrkollError(e)) return { ok: false, code: e.code, message: e.message, details: e.details };
    return { ok: false, code: 'INTERNAL', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  port.once('message', (job: WriteJob) => {
    const out = run(job);
    // The output is a fresh buffer of its own unless a job changed nothing (then it is the input's).
    const transfer = out.ok && out.bytes.byteOffset === 0 && out.bytes.byteLength === out.bytes.buffer.byteLength ? [out.bytes.buffer as ArrayBuffer] : [];
    port.postMessage(out, transfer);
  });
}
