/**
 * readWorkbookGuarded: readWorkbook in a worker thread with a deadline and a memory ceiling, so a
 * hostile or pathological file can neither hang the process nor exhaust its memory. A worker is
 * terminated from outside, which works even when its event loop is blocked.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { StyrkollError, type ErrorCode } from '../common/errors';
import type { WorkbookSnapshot } from '../core';
// Straight from its module: the reader's index would load the whole reader, which only the worker runs.
import { materializeWorkbook } from '../xlsx/read/compact-workbook';
import type { ReadOptions } from '../xlsx/read';
import type { ReadWorkerInput, ReadWorkerOutput } from './read-worker';

export interface GuardedReadOptions extends Omit<ReadOptions, 'sheets'> {
  /** Deadline for the whole read, in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** Old-generation heap ceiling of the worker, in MB (default 2048). */
  maxMemoryMb?: number;
  /** The compiled worker script; defaults to read-worker.js next to this module (see defaultWorkerPath). */
  workerPath?: string;
}

// One envelope for the reader and the writer (guarded-write.ts): the same deadline and memory cap.
export { DEFAULT_TIMEOUT_MS, DEFAULT_MAX_MEMORY_MB } from './guarded-worker';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS } from './guarded-worker';

/** read-worker.js next to the compiled module; from the TypeScript sources, the copy built into dist/. */
export function defaultWorkerPath(): string {
  if (__filename.endsWith('.ts')) {
    return path.resolve(__dirname, '..', '..', 'dist', 'src', 'node', 'read-worker.js');
  }
  return path.join(__dirname, 'read-worker.js');
}

export function readWorkbookGuarded(bytes: Uint8Array, options: GuardedReadOptions = {}): Promise<WorkbookSnapshot> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxMemoryMb = DEFAULT_MAX_MEMORY_MB, workerPath = defaultWorkerPath(), ...readOptions } = options;
  if (typeof (readOptions as ReadOptions).sheets === 'function') {
    return Promise.reject(
      new StyrkollError('ARGUMENT', 'Bladfiltret kan inte skickas till läsningen i bakgrunden – ange bladen som sheetNames.'),
    );
  }
  if (!existsSync(workerPath)) {
    return Promise.reject(
      new StyrkollError('FIL', `Styrkoll är inte fullständigt installerad (${path.basename(workerPath)} saknas) – bygg eller installera om och kör igen.`, {
        workerPath,
      }),
    );
  }
  const input: ReadWorkerInput = { bytes, options: readOptions };
  return new Promise<WorkbookSnapshot>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerPath, {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, maxMemoryMb / 8)) },
      stdout: false,
      stderr: false,
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new StyrkollError(
            'TIDSGRANS',
            `Läsningen av filen tog längre tid än ${formatSeconds(timeoutMs)} och avbröts – kontrollera att filen är en vanlig arbetsbok eller spara om den i Excel och kör igen.`,
            { timeoutMs },
          ),
        ),
      );
    }, timeoutMs);
    worker.on('message', (out: ReadWorkerOutput) => {
      finish(() => {
        if (out.ok) {
          // Let the worker's heap go before the rows are built here, so the two do not add up.
          void worker.terminate();
          try {
            resolve(materializeWorkbook(out.workbook));
          } catch (e) {
            reject(unexpected(e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
          }
        }
        else if (out.code === 'INTERNAL') reject(unexpected(out.message));
        else reject(new StyrkollError(out.code as ErrorCode, out.message, out.details));
      });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new StyrkollError(
                'FOR_STOR',
                `Filen kräver mer minne än tillåtna ${maxMemoryMb} MB för att läsas – dela upp arbetsboken eller ta bort onödiga blad och kör igen.`,
                { maxMemoryMb },
              )
            : unexpected(`${e.name}: ${e.message}`),
        ),
      );
    });
    worker.on('exit', (code) => finish(() => reject(unexpected(`worker exited with code ${code}`))));
  });
}

function unexpected(internal: string): StyrkollError {
  return new StyrkollError('TRASIG_XML', 'Arbetsboken kunde inte läsas – öppna den i Excel, spara en ny kopia och kör igen.', { internal });
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} s`;
}
