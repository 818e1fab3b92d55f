/**
 * An error means the input as a whole is unusable (a finding is used for everything else).
 * `message` is one Swedish line saying what is wrong and what to do.
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
