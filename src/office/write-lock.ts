import { StyrkollError } from '../core';

/**
 * One writer at a time. The task pane and the ribbon's "Kontrollera budget" run in separate
 * runtimes (manifest.xml has no shared runtime: the ribbon's FunctionFile is its own page), so
 * they share nothing but the workbook. The lock therefore lives in the workbook settings: who
 * holds it and when it last wrote. A writer takes it before its first write, renews it with every
 * request it sends and gives it back when done; a lock not renewed for LOCK_STALE_MS is taken
 * over, so a pane closed mid-write never blocks the workbook for good.
 *
 * Settings have no compare-and-set: two writers that take the lock within one round trip of each
 * other could both see their own id. Taking it is therefore a write and a read back in separate
 * syncs; the loser of such a race sees the other's id and backs off.
 */
export const LOCK_KEY = 'styrkoll.skrivlas';
/** A lock not renewed for this long is stale (a writer renews it with every request). */
export const LOCK_STALE_MS = 2 * 60_000;

export type LockHolder = 'rutan' | 'menyfliken';

export interface LockOwner {
  /** Unique per page load. */
  id: string;
  who: LockHolder;
}

interface LockValue {
  id: string;
  who: LockHolder;
  at: number;
}

const HOLDER_TEXT: Record<LockHolder, string> = {
  rutan: 'Styrkoll-rutan',
  menyfliken: 'Knappen Kontrollera budget i menyfliken',
};

/** A new owner id for this page. */
export function newLockOwner(who: LockHolder): LockOwner {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return { id: random, who };
}

function parseLock(value: unknown): LockValue | null {
  let data = value;
  if (typeof data === 'string') {
    if (data === '') return null;
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  const v = data as Partial<LockValue> | null;
  if (!v || typeof v !== 'object' || typeof v.id !== 'string' || typeof v.at !== 'number' || (v.who !== 'rutan' && v.who !== 'menyfliken')) return null;
  return { id: v.id, who: v.who, at: v.at };
}

async function readLock(context: Excel.RequestContext): Promise<LockValue | null> {
  const item = context.workbook.settings.getItemOrNullObject(LOCK_KEY);
  item.load('value');
  await context.sync();
  return item.isNullObject ? null : parseLock(item.value);
}

function busy(holder: LockValue): StyrkollError {
  return new StyrkollError(
    'UPPTAGEN',
    `${HOLDER_TEXT[holder.who]} skriver redan i arbetsboken. Vänta tills den är klar (högst ett par minuter) och försök sedan igen.`,
  );
}

/** The held lock: `renew` queues a new time stamp (no sync of its own). */
export interface HeldLock {
  renew(): void;
}

/**
 * Runs `work` holding the write lock; throws a Swedish StyrkollError (UPPTAGEN) when another
 * writer holds a fresh one. The lock is given back whatever `work` does; if giving it back fails
 * (Excel stopped answering), it goes stale.
 */
export async function withWriteLock<T>(
  context: Excel.RequestContext,
  owner: LockOwner,
  work: (lock: HeldLock) => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const current = await readLock(context);
  if (current && current.id !== owner.id && now() - current.at < LOCK_STALE_MS) throw busy(current);
  const stamp = () => JSON.stringify({ id: owner.id, who: owner.who, at: now() } satisfies LockValue);
  context.workbook.settings.add(LOCK_KEY, stamp());
  await context.sync();
  const after = await readLock(context);
  if (after && after.id !== owner.id) throw busy(after);
  try {
    return await work({ renew: () => void context.workbook.settings.add(LOCK_KEY, stamp()) });
  } finally {
    try {
      const held = await readLock(context);
      if (held?.id === owner.id) {
        context.workbook.settings.add(LOCK_KEY, '{}');
        await context.sync();
      }
    } catch {
      // Excel stopped answering; the lock goes stale and the next writer takes it.
    }
  }
}
