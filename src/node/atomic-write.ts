import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { StyrkollError } from '../core/errors';

export interface WriteOptions {
  /** Replace an existing file at the target path. */
  force?: boolean;
  /** Paths that must never be written (the input files). */
  protect?: string[];
}

/**
 * Writes bytes so that a reader (or a crash) sees either the old file or the complete new one:
 * a temporary file in the same folder, flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const abs = path.resolve(target);
  for (const p of options.protect ?? []) {
    if (await samePath(abs, p)) {
      throw new StyrkollError('FIL', `Utfilen ${target} är samma fil som indata – Styrkoll ändrar aldrig indatafilen. Ange en annan fil med -o.`);
    }
  }
  if (!options.force && (await exists(abs))) {
    throw new StyrkollError('FIL', `Filen ${target} finns redan – välj ett annat namn eller lägg till --force för att skriva över den.`);
  }
  const dir = path.dirname(abs);
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, abs);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new StyrkollError('FIL', `Kunde inte skriva ${target}: ${describeFsError(err)}.`);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** A short Swedish reason for a file system error. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'filen eller mappen finns inte';
    case 'EACCES':
    case 'EPERM':
      return 'behörighet saknas';
    case 'EISDIR':
      return 'det är en mapp, inte en fil';
    case 'ENOSPC':
      return 'disken är full';
    case 'EROFS':
      return 'filsystemet är skrivskyddat';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
