/**
 * An error means the input as a whole is unusable (a finding is used for everything else).
 * `message` is one Swedish line saying what is wrong and what to do.
 *
 * Shared by every layer and importing nothing: the core throws it and re-exports it from
 * src/core/index.ts; the xlsx reader and writer, the Node helpers and the CLI's start-up import it
 * from here, so a read or write worker does not load the rule engine (zod, json-rules-engine and
 * the rules) just to name its errors.
 */
export type ErrorCode =
  | 'LOSENORDSSKYDDAD'
  | 'XLS'
  | 'ODS'
  | 'DOCX'
  | 'INTE_ARBETSBOK'
  | 'TRUNKERAD'
  | 'TOM_FIL'
  | 'INGA_BLAD'
  | 'FOR_STOR'
  | 'TIDSGRANS'
  | 'TRASIG_XML'
  | 'REGELFIL'
  | 'PROFIL'
  | 'MALL'
  | 'ARGUMENT'
  | 'FIL'
  | 'KOLADA'
  | 'UPPTAGEN';

export class StyrkollError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'StyrkollError';
    this.code = code;
    this.details = details;
  }
}

export function isStyrkollError(e: unknown): e is StyrkollError {
  return e instanceof Error && (e as StyrkollError).name === 'StyrkollError' && typeof (e as StyrkollError).code === 'string';
}
