/**
 * A worker thread with a deadline and a memory ceiling: the envelope the reader and the writer
 * both run in, so a hostile or pathological file can neither hang the process nor exhaust its
 * memory. A worker is terminated from outside, which works even when its event loop is blocked.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker, type TransferListItem } from 'node:worker_threads';
import { StyrkollError, type ErrorCode } from '../common/errors';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_MEMORY_MB = 2048;

/** What a worker posts back: a result, or a StyrkollError's parts ('INTERNAL' for anything else). */
export type WorkerOutput<T> = { ok: true } & T | { ok: false; code: string; message: string; details?: Record<string, unknown> };

export interface Envelope {
  /** Deadline from the moment the job is handed over, in milliseconds. */
  timeoutMs?: number;
  /** Old-generation heap ceiling of the worker, in MB. */
  maxMemoryMb?: number;
}

/** The Swedish wording of one kind of work: "Läsningen av filen", "Skrivningen av resultatet" … */
export interface EnvelopeWording {
  /** Subject of the timeout sentence, e.g. "Läsningen av filen". */
  subject: string;
  /** Infinitive for the memory sentence, e.g. "läsas". */
  verb: string;
  /** The message for a failure nobody anticipated. */
  unexpected: string;
}

/** A compiled worker script next to the compiled module; from the TypeScript sources, the copy built into dist/. */
export function compiledWorkerPath(dirname: string, filename: string, script: string): string {
  if (filename.endsWith('.ts')) return path.resolve(dirname, '..', '..', 'dist', 'src', 'node', script);
  return path.join(dirname, script);
}

export function missingWorker(workerPath: string): StyrkollError {
  return new StyrkollError('FIL', `Styrkoll är inte fullständigt installerad (${path.basename(workerPath)} saknas) – bygg eller installera om och kör igen.`, {
    workerPath,
  });
}

export interface GuardedWorker<I, T> {
  /** Hands the job over (once) and starts the deadline. */
  run(input: I, transfer?: TransferListItem[]): Promise<T>;
  /** Ends the worker (when its job is not needed after all). */
  close(): void;
}

/**
 * Starts a worker now (it loads its modules while the caller does other work); `run` hands over the
 * job and resolves with what the worker posts back, or rejects with one Swedish line.
 */
export function startGuardedWorker<I, T>(
  workerPath: string,
  envelope: Envelope,
  wording: EnvelopeWording,
  options: { workerData?: unknown; receive: (out: { ok: true } & T) => T },
): GuardedWorker<I, T> {
  const timeoutMs = envelope.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxMemoryMb = envelope.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  if (!existsSync(workerPath)) {
    const failure = missingWorker(workerPath);
    return { run: () => Promise.reject(failure), close: () => undefined };
  }
  // A small young generation: the writer's garbage is short-lived strings and splices, and a 64 MB
  // nursery would add its size to the process's peak while the main thread still holds the check.
  const worker = new Worker(workerPath, {
    workerData: options.workerData,
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.min(16, Math.max(8, maxMemoryMb / 8)) },
    stdout: false,
    stderr: false,
  });
  // A worker started ahead and never used must not keep the process alive (the deadline does while it runs).
  worker.unref();
  const unexpected = (internal: string) => new StyrkollError('TRASIG_XML', wording.unexpected, { internal });
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveRun: (value: T) => void = () => undefined;
  let rejectRun: (e: unknown) => void = () => undefined;
  // Failures before `run` (a worker that dies while loading) are kept for it.
  let early: StyrkollError | null = null;
  const finish = (fn: () => void) => {
    if (settled) return;
    settled = true;
    if (timer) clearTimeout(timer);
    fn();
    void worker.terminate();
  };
  const fail = (e: StyrkollError) => {
    if (timer === undefined && !settled) {
      early ??= e;
      return;
    }
    finish(() => rejectRun(e));
  };
  worker.on('message', (out: WorkerOutput<T>) => {
    finish(() => {
      if (out.ok) {
        try {
          resolveRun(options.receive(out));
        } catch (e) {
          rejectRun(unexpected(e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
        }
      } else if (out.code === 'INTERNAL') rejectRun(unexpected(out.message));
      else rejectRun(new StyrkollError(out.code as ErrorCode, out.message, out.details));
    });
  });
  worker.on('error', (e: Error & { code?: string }) => {
    fail(
      e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new StyrkollError(
            'FOR_STOR',
            `Filen kräver mer minne än tillåtna ${maxMemoryMb} MB för att ${wording.verb} – dela upp arbetsboken eller ta bort onödiga blad och kör igen.`,
            { maxMemoryMb },
          )
        : e.code === 'MODULE_NOT_FOUND'
          ? new StyrkollError(
              'FIL',
              `Styrkoll är inte fullständigt installerad (${/'([^']+)'/.exec(e.message)?.[1] ?? 'en modul'} saknas) – bygg eller installera om och kör igen.`,
              { internal: e.message.split('\n')[0] },
            )
          : unexpected(`${e.name}: ${e.message}`),
    );
  });
  worker.on('exit', (code) => fail(unexpected(`worker exited with code ${code}`)));
  return {
    run(input, transfer = []) {
      return new Promise<T>((resolve, reject) => {
        if (settled || timer !== undefined) {
          reject(unexpected('worker already used'));
          return;
        }
        if (early) {
          settled = true;
          void worker.terminate();
          reject(early);
          return;
        }
        resolveRun = resolve;
        rejectRun = reject;
        timer = setTimeout(() => {
          finish(() =>
            reject(
              new StyrkollError(
                'TIDSGRANS',
                `${wording.subject} tog längre tid än ${formatSeconds(timeoutMs)} och avbröts – kontrollera att filen är en vanlig arbetsbok eller spara om den i Excel och kör igen.`,
                { timeoutMs },
              ),
            ),
          );
        }, timeoutMs);
        worker.postMessage(input, transfer);
      });
    },
    close() {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      void worker.terminate();
    },
  };
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} s`;
}
