/**
 * The write lock between the task pane and the ribbon's button (separate runtimes that share only
 * the workbook), through the real Office.js client: two writers on one host, their requests
 * interleaved as Excel would receive them.
 */
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { LOCK_KEY, LOCK_STALE_MS, newLockOwner, withWriteLock, type LockOwner } from '../../../src/office/write-lock';
import { writeResult } from '../../../src/office/write-result';
import { ExcelHost } from './excel-host';

const supports = () => false;

function kontroll(by: string, n = 200): SheetSpec {
  return { name: 'Kontroll', rows: [[{ v: `Skriven av ${by}` }], ...Array.from({ length: n }, (_, i) => [{ v: `rad ${i}`, link: { sheet: 'Budget', cell: 'A1' } }])] };
}

/** Writes the Kontroll sheet holding the lock, in small requests so the write takes many syncs. */
function write(host: ExcelHost, owner: LockOwner, now?: () => number): Promise<void> {
  return host.run((ctx) =>
    withWriteLock(ctx, owner, (lock) => writeResult(ctx, { kontroll: kontroll(owner.who), marks: [{ sheet: 'Budget', cell: 'A1', severity: 'fel', note: '' }] }, { supports, maxRequestBytes: 4000, onRequest: lock.renew }), now),
  );
}

const budget = () => new ExcelHost([{ name: 'Budget', rows: [['Nämnd', 'Budget'], ['KS', 1]] }]);
const lock = (host: ExcelHost) => JSON.parse(String(host.settings.get(LOCK_KEY)));

describe('one writer at a time', () => {
  it('the ribbon is refused in Swedish while the pane writes; the pane finishes; then the ribbon writes', async () => {
    const host = budget();
    const pane = newLockOwner('rutan');
    const ribbon = newLockOwner('menyfliken');
    const paneWrite = write(host, pane);
    // Let the pane take the lock and send a few of its requests first.
    while (host.syncs.length < 5) await new Promise((r) => setImmediate(r));
    const refused = await write(host, ribbon).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'StyrkollError', code: 'UPPTAGEN' });
    expect((refused as Error).message).toBe('Styrkoll-rutan skriver redan i arbetsboken. Vänta tills den är klar (högst ett par minuter) och försök sedan igen.');
    await paneWrite;
    expect(host.values('Kontroll')[0][0]).toBe('Skriven av rutan');
    expect(lock(host)).toEqual({});
    await write(host, ribbon);
    expect(host.values('Kontroll')[0][0]).toBe('Skriven av menyfliken');
    expect(host.sheetNames()).toEqual(['Budget', 'Kontroll']);
  });

  it('two writers starting together: exactly one writes, the other is told to wait', async () => {
    const host = budget();
    const outcomes = await Promise.allSettled([write(host, newLockOwner('rutan')), write(host, newLockOwner('menyfliken'))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: 'UPPTAGEN' });
    expect(host.sheetNames()).toEqual(['Budget', 'Kontroll']);
  });

  it('the lock is renewed with every request, given back after a host error, and a stale one is taken over', async () => {
    let clock = 1_000_000;
    const now = () => (clock += 10);
    const host = budget();
    const pane = newLockOwner('rutan');
    // Every write request renews the time stamp: the stamp Excel holds after each request.
    const stamps: number[] = [];
    const execute = host.execute.bind(host);
    host.execute = (message) => {
      const response = execute(message);
      const v = host.settings.get(LOCK_KEY);
      if (typeof v === 'string' && v.includes('"at"')) stamps.push(JSON.parse(v).at);
      return response;
    };
    await write(host, pane, now);
    expect(host.syncs.length).toBeGreaterThan(10);
    // Taken once, then renewed by each write request: the stamp moves on through the write.
    expect(new Set(stamps).size).toBeGreaterThan(5);

    // A host error half-way: the lock is given back, so the next write is not refused.
    const start = host.syncs.length;
    host.failAtSync = { sync: start + 8, code: 'GeneralException' };
    await expect(write(host, pane, now)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(lock(host)).toEqual({});

    // A lock whose writer vanished (pane closed mid-write) blocks until it is stale.
    host.settings.set(LOCK_KEY, JSON.stringify({ id: 'borta', who: 'menyfliken', at: clock }));
    await expect(write(host, pane, now)).rejects.toMatchObject({ code: 'UPPTAGEN', message: expect.stringMatching(/^Knappen Kontrollera budget i menyfliken skriver redan/) });
    clock += LOCK_STALE_MS;
    await write(host, pane, now);
    expect(host.values('Kontroll')[0][0]).toBe('Skriven av rutan');
  });
});
