/**
 * The package writer in the same envelope as the reader (guarded-read.ts): a worker thread with a
 * deadline and a memory ceiling. The writer takes its package from the reader's zip directory and
 * inflates through the reader's gate (see src/xlsx/write/zip-package.ts); here it also gets the
 * reader's deadline and memory cap, so a part the reader never looks at cannot make a write run
 * away either.
 */
import { compiledWorkerPath, startGuardedWorker, type Envelope, type GuardedWorker } from './guarded-worker';
import type { WriteJob } from './write-worker';

export type { WriteJob, WriteStep } from './write-worker';

export interface GuardedWriteOptions extends Envelope {
  /** The compiled worker script; defaults to write-worker.js next to this module. */
  workerPath?: string;
}

export function defaultWriteWorkerPath(): string {
  return compiledWorkerPath(__dirname, __filename, 'write-worker.js');
}

const WORDING = {
  subject: 'Skrivningen av resultatet',
  verb: 'skrivas',
  unexpected: 'Resultatet kunde inte skrivas – öppna arbetsboken i Excel, spara en ny kopia och kör igen.',
};

/**
 * Starts the write worker now, so that it loads its modules while the check runs; `run` hands it
 * the job. Call `close` when the job is not needed after all.
 */
export function startGuardedWriter(options: GuardedWriteOptions = {}): GuardedWorker<WriteJob, Uint8Array> {
  return startGuardedWorker<WriteJob, Uint8Array>(options.workerPath ?? defaultWriteWorkerPath(), options, WORDING, {
    receive: (out) => (out as unknown as { bytes: Uint8Array }).bytes,
  });
}

/** One write in its own guarded worker. */
export async function writeGuarded(job: WriteJob, options: GuardedWriteOptions = {}): Promise<Uint8Array> {
  const writer = startGuardedWriter(options);
  try {
    return await writer.run(job);
  } finally {
    writer.close();
  }
}
