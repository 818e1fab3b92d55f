import { promises as fs, constants as fsConstants, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { StyrkollError } from '../common/errors';

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
  await removeStaleTemps(abs);
  const tmp = path.join(dir, tempName(path.basename(abs), process.pid, Date.now()));
  let handle: fs.FileHandle | undefined;
  track(tmp);
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
  } finally {
    untrack(tmp);
  }
}

/** The temporary file's name next to the target: `.out.xlsx.<pid>.<ms>.tmp` (hidden). */
export function tempName(base: string, pid: number, stamp: number): string {
  return `.${base}.${pid}.${stamp}.tmp`;
}

/** Our temporary files for `base`, exactly: the pattern tempName makes, nothing looser. */
function tempPattern(base: string): RegExp {
  return new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.(\\d+)\\.tmp$`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files a killed run (SIGKILL, power cut) left next to `target`: only files
 * named by our exact pattern for this target, and only when the process that wrote them is gone.
 * Best effort: a folder that cannot be listed or a file that cannot be removed is left as it is.
 */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const pattern = tempPattern(path.basename(abs));
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    try {
      await fs.unlink(path.join(dir, name));
      removed.push(name);
    } catch {
      // Someone else's or already gone: not ours to insist on.
    }
  }
  return removed;
}

/**
 * Temporary files being written right now. While there are any, SIGINT and SIGTERM remove them
 * before the process ends (with 130 or 143, as the shell would report the signal); otherwise the
 * signals keep Node's default behaviour.
 */
const pending = new Set<string>();
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Not created yet, or gone already.
    }
  }
  pending.clear();
  process.exit(SIGNAL_EXIT[signal]);
}
const onSigint = () => onSignal('SIGINT');
const onSigterm = () => onSignal('SIGTERM');

function track(tmp: string): void {
  if (pending.size === 0) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  }
  pending.add(tmp);
}

function untrack(tmp: string): void {
  if (!pending.delete(tmp) || pending.size > 0) return;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
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
