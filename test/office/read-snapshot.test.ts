import { hostResponseBudget, readSnapshot, toSheetSnapshot, CELL_RESPONSE_BYTES, TARGET_RESPONSE_BYTES } from '../../src/office/read-snapshot';

/** Excel on the web's budget, as hostResponseBudget() gives it there. */
const WEB = { maxResponseBytes: TARGET_RESPONSE_BYTES };
import { isStyrkollError } from '../../src/core/errors';
import type { FakeSheetInit } from './fake-excel';
import { ExcelHost, PAYLOAD_LIMIT_BYTES } from './real-client/excel-host';
import { budgetRows, contractWorkbook, expectedSnapshot, toHostSheets } from './workbook-fixture';

/**
 * readSnapshot through the real Office.js client against the host model (real-client/): bytes
 * are the JSON the client gets back, and Excel on the web refuses a response over 5 MB.
 */
class HostWorkbook {
  readonly host: ExcelHost;
  constructor(sheets: FakeSheetInit[], platform: 'web' | 'desktop' = 'web') {
    this.host = new ExcelHost(toHostSheets(sheets), platform);
  }
  get context(): Excel.RequestContext {
    return this.host.context();
  }
  get syncCount(): number {
    return this.host.syncs.length;
  }
  /** Response bytes of the syncs that got through. */
  get responseBytes(): number[] {
    return this.host.syncs.filter((s) => s.error === null).map((s) => s.responseBytes);
  }
}

/** The snapshot rows of rows without leading empty columns or trailing empty cells. */
const asSnapshotRows = (rows: (string | number | boolean)[][]) => rows.map((r) => r.map((v) => (v === '' ? null : v)));

/** Syncs that Excel on the web rejected: every sync that got through recorded its response. */
const rejected = (ctx: HostWorkbook) => ctx.host.syncs.filter((s) => s.error !== null).length;

describe('readSnapshot', () => {
  it('maps a mocked workbook to the snapshot the contract describes', async () => {
    const ctx = new HostWorkbook(contractWorkbook());
    const snapshot = await readSnapshot(ctx.context);
    expect(snapshot).toEqual(expectedSnapshot());
  });

  it('reads every sheet but Styrkoll\'s own, in workbook order', async () => {
    const ctx = new HostWorkbook([
      { name: 'Anteckningar', rows: [['x']] },
      { name: ' inställningar ', rows: [['Kommun', 'Flen']] },
      { name: 'BUDGET', rows: [['Nämnd', 'Budget']] },
      { name: 'Måltal', rows: [['y']] },
      { name: 'Kontroll', rows: [['Styrkoll – kontroll']] },
    ]);
    const snapshot = await readSnapshot(ctx.context);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Anteckningar', ' inställningar ', 'BUDGET', 'Måltal']);
  });

  it('anchors a used range that starts at C5 at A1', async () => {
    const rows: (string | number | null)[][] = [];
    rows[4] = [null, null, 'Nämnd', 'Budget'];
    rows[5] = [null, null, 'KS', 100];
    const ctx = new HostWorkbook([{ name: 'Budget', rows }]);
    const [sheet] = (await readSnapshot(ctx.context)).sheets;
    expect(sheet.rows).toEqual([[], [], [], [], [null, null, 'Nämnd', 'Budget'], [null, null, 'KS', 100]]);
  });

  it('turns error cells (typed Error) into null plus an errors entry; a text that reads #DIV/0! stays text, as the xlsx reader keeps it', async () => {
    const ctx = new HostWorkbook([{ name: 'Budget', rows: [['Nämnd', 'Budget'], ['KS', '#DIV/0!']], errors: { '1,0': '#REF!' } }]);
    const [sheet] = (await readSnapshot(ctx.context)).sheets;
    expect(sheet.rows).toEqual([['Nämnd', 'Budget'], [null, '#DIV/0!']]);
    expect(sheet.errors).toEqual([{ row: 2, col: 1, code: '#REF!' }]);
  });

  it('lists tables with their ref and no sheet prefix', async () => {
    const ctx = new HostWorkbook([{ name: 'Mål', rows: [['ID', 'Nivå', 'Mål'], ['1', 'Vision', 'Bra']], tables: [{ name: 'Maltabell', ref: 'A1:C2' }] }]);
    const [sheet] = (await readSnapshot(ctx.context)).sheets;
    expect(sheet.tables).toEqual([{ name: 'Maltabell', ref: 'A1:C2' }]);
  });

  it('reads a small workbook in three syncs and reports its progress in cells', async () => {
    const ctx = new HostWorkbook([{ name: 'Budget', rows: budgetRows(100) }, { name: 'Mål', rows: budgetRows(10) }]);
    const progress: [number, number][] = [];
    const snapshot = await readSnapshot(ctx.context, { onProgress: (done, total) => progress.push([done, total]) });
    expect(snapshot.sheets[0].rows).toHaveLength(101);
    expect(ctx.syncCount).toBe(3);
    const cells = 8 * (101 + 11);
    expect(progress).toEqual([[0, cells], [cells, cells]]);
  });

  it('reads 100 000 budget lines in syncs whose responses all stay under 5 MB', async () => {
    const budget = budgetRows(100_000);
    const ctx = new HostWorkbook([{ name: 'Budget', rows: budget }, { name: 'Mål', rows: budgetRows(10_000) }]);
    const progress: number[] = [];
    const snapshot = await readSnapshot(ctx.context, { maxResponseBytes: TARGET_RESPONSE_BYTES, onProgress: (done) => progress.push(done) });
    expect(snapshot.sheets[0].rows).toEqual(asSnapshotRows(budget));
    expect(snapshot.sheets[1].rows).toEqual(asSnapshotRows(budgetRows(10_000)));
    expect(rejected(ctx)).toBe(0);
    expect(Math.max(...ctx.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const cells = 8 * (100_001 + 10_001);
    expect(ctx.syncCount).toBe(2 + Math.ceil(cells / (TARGET_RESPONSE_BYTES / CELL_RESPONSE_BYTES)));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(cells);
  });

  it('in desktop Excel reads 100 and 100 000 rows with the same number of syncs', async () => {
    const count = async (n: number) => {
      const ctx = new HostWorkbook([{ name: 'Budget', rows: budgetRows(n) }, { name: 'Mål', rows: budgetRows(10) }], 'desktop');
      const snapshot = await readSnapshot(ctx.context);
      expect(snapshot.sheets[0].rows).toHaveLength(n + 1);
      return ctx.syncCount;
    };
    expect(await count(100)).toBe(3);
    expect(await count(100_000)).toBe(3);
  });

  it('uses the 5 MB budget only in Excel on the web', () => {
    const global = globalThis as { Office?: unknown };
    const platform = (name: string) => ({ context: { diagnostics: { platform: name } }, PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC' } });
    try {
      delete global.Office;
      expect(hostResponseBudget()).toBe(Number.POSITIVE_INFINITY);
      global.Office = platform('OfficeOnline');
      expect(hostResponseBudget()).toBe(TARGET_RESPONSE_BYTES);
      global.Office = platform('PC');
      expect(hostResponseBudget()).toBe(Number.POSITIVE_INFINITY);
    } finally {
      delete global.Office;
    }
  });

  it('keeps a response of nothing but full-precision numbers under 5 MB without a retry', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => Array.from({ length: 10 }, (_, j) => -1.2345678901234567e-300 * (i + j + 1)));
    const ctx = new HostWorkbook([{ name: 'Budget', rows }]);
    await readSnapshot(ctx.context, WEB);
    expect(rejected(ctx)).toBe(0);
    expect(Math.max(...ctx.responseBytes)).toBeGreaterThan(0.8 * PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...ctx.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it('splits a group whose long texts overflow the estimate and retries it, keeping rows, errors and tables', async () => {
    const text = (i: number) => `Kommentar ${i}: ${'å'.repeat(1_000)}`;
    const budget = [['Nämnd', 'Kommentar', 'Budget'], ...Array.from({ length: 3_000 }, (_, i) => [`Nämnd ${i % 7}`, text(i), i])];
    const mal = [['ID', 'Mål'], ['1', 'Bra']];
    const ctx = new HostWorkbook([
      { name: 'Budget', rows: budget, errors: { '2999,2': '#REF!' } },
      { name: 'Mål', rows: mal, tables: [{ name: 'Maltabell', ref: 'A1:B2' }] },
    ]);
    const snapshot = await readSnapshot(ctx.context, WEB);
    expect(rejected(ctx)).toBeGreaterThan(0);
    expect(Math.max(...ctx.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const expected = asSnapshotRows(budget);
    expected[2999] = [budget[2999][0], budget[2999][1]];
    expect(snapshot.sheets[0].rows).toEqual(expected);
    expect(snapshot.sheets[0].errors).toEqual([{ row: 3000, col: 3, code: '#REF!' }]);
    expect(snapshot.sheets[1]).toEqual({ name: 'Mål', rows: mal, errors: [], tables: [{ name: 'Maltabell', ref: 'A1:B2' }] });
  });

  it('gives up with a Swedish FOR_STOR error when a few rows alone are over 5 MB', async () => {
    const rows = Array.from({ length: 100 }, () => ['x'.repeat(30_000), 'y'.repeat(30_000)]);
    const ctx = new HostWorkbook([{ name: 'Budget', rows }]);
    const error = await readSnapshot(ctx.context, WEB).catch((e: unknown) => e);
    expect(isStyrkollError(error) && error.code).toBe('FOR_STOR');
    expect((error as Error).message).toBe(
      'Bladet Budget har för mycket text för att läsas i Excel på webben: redan raderna 1–100 ger ett svar över 5 MB. Korta de långa texterna eller kör kontrollen med kommandoraden.',
    );
  });

  it('passes on other Office errors untouched', async () => {
    const ctx = new HostWorkbook([{ name: 'Budget', rows: budgetRows(10) }]);
    ctx.host.failAtSync = { sync: 3, code: 'GeneralException' };
    await expect(readSnapshot(ctx.context)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(ctx.syncCount).toBe(3);
  });

  it('refuses a workbook above the cell limit with a Swedish FOR_STOR error', async () => {
    const ctx = new HostWorkbook([{ name: 'Budget', rows: budgetRows(50) }]);
    const error = await readSnapshot(ctx.context, { maxCells: 100 }).catch((e: unknown) => e);
    expect(isStyrkollError(error) && error.code).toBe('FOR_STOR');
    expect((error as Error).message).toMatch(/för stor/);
  });
});

describe('toSheetSnapshot blocks', () => {
  it('joins row blocks in order and keeps booleans, numbers and serial dates', () => {
    const sheet = toSheetSnapshot('Budget', 1, [
      { firstRow: 0, values: [['a', true]] },
      { firstRow: 1, values: [[45658, '']] },
      { firstRow: 2, values: [['', '']] },
    ]);
    expect(sheet.rows).toEqual([[null, 'a', true], [null, 45658]]);
  });
});

export type { FakeSheetInit };
