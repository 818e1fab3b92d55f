import { readSnapshot, toSheetSnapshot, MAX_BLOCK_CELLS, MAX_BLOCK_ROWS } from '../../src/office/read-snapshot';
import { isStyrkollError } from '../../src/core/errors';
import { FakeContext, asExcel, type FakeSheetInit } from './fake-excel';
import { budgetRows, contractWorkbook, expectedSnapshot } from './workbook-fixture';

describe('readSnapshot', () => {
  it('maps a mocked workbook to the snapshot the contract describes', async () => {
    const ctx = new FakeContext(contractWorkbook());
    const snapshot = await readSnapshot(asExcel(ctx));
    expect(snapshot).toEqual(expectedSnapshot());
  });

  it('reads only contract sheets, matching names case-insensitively and trimmed, in workbook order', async () => {
    const ctx = new FakeContext([
      { name: 'Anteckningar', rows: [['x']] },
      { name: ' inställningar ', rows: [['Kommun', 'Flen']] },
      { name: 'BUDGET', rows: [['Nämnd', 'Budget']] },
      { name: 'Måltal', rows: [['y']] },
    ]);
    const snapshot = await readSnapshot(asExcel(ctx));
    expect(snapshot.sheets.map((s) => s.name)).toEqual([' inställningar ', 'BUDGET']);
  });

  it('anchors a used range that starts at C5 at A1', async () => {
    const rows: (string | number | null)[][] = [];
    rows[4] = [null, null, 'Nämnd', 'Budget'];
    rows[5] = [null, null, 'KS', 100];
    const ctx = new FakeContext([{ name: 'Budget', rows }]);
    const [sheet] = (await readSnapshot(asExcel(ctx))).sheets;
    expect(sheet.rows).toEqual([[], [], [], [], [null, null, 'Nämnd', 'Budget'], [null, null, 'KS', 100]]);
  });

  it('turns error cells into null plus an errors entry, whether typed Error or only written as #REF!', async () => {
    const ctx = new FakeContext([{ name: 'Budget', rows: [['Nämnd', 'Budget'], ['KS', '#DIV/0!']], errors: { '1,0': '#REF!' } }]);
    const [sheet] = (await readSnapshot(asExcel(ctx))).sheets;
    expect(sheet.rows).toEqual([['Nämnd', 'Budget'], []]);
    expect(sheet.errors).toEqual([
      { row: 2, col: 1, code: '#REF!' },
      { row: 2, col: 2, code: '#DIV/0!' },
    ]);
  });

  it('lists tables with their ref and no sheet prefix', async () => {
    const ctx = new FakeContext([{ name: 'Mål', rows: [['ID', 'Nivå', 'Mål'], ['1', 'Vision', 'Bra']], tables: [{ name: 'Maltabell', ref: 'A1:C2' }] }]);
    const [sheet] = (await readSnapshot(asExcel(ctx))).sheets;
    expect(sheet.tables).toEqual([{ name: 'Maltabell', ref: 'A1:C2' }]);
  });

  it('uses the same number of syncs for 100 and 100 000 rows', async () => {
    const count = async (n: number) => {
      const ctx = new FakeContext([{ name: 'Budget', rows: budgetRows(n) }, { name: 'Mål', rows: budgetRows(n / 10) }]);
      const snapshot = await readSnapshot(asExcel(ctx));
      expect(snapshot.sheets[0].rows).toHaveLength(n + 1);
      return ctx.syncCount;
    };
    const small = await count(100);
    const large = await count(100_000);
    expect(large).toBe(small);
    expect(small).toBe(3);
  });

  it('refuses a workbook above the cell limit with a Swedish FOR_STOR error', async () => {
    const ctx = new FakeContext([{ name: 'Budget', rows: budgetRows(50) }]);
    const error = await readSnapshot(asExcel(ctx), { maxCells: 100 }).catch((e: unknown) => e);
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

  it('block limits keep a range under the sizes Excel on the web handles', () => {
    expect(MAX_BLOCK_ROWS).toBeLessThanOrEqual(20_000);
    expect(MAX_BLOCK_CELLS).toBeLessThanOrEqual(1_500_000);
  });
});

export type { FakeSheetInit };
