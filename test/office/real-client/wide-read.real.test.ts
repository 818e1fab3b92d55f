/**
 * Desktop reads of a wide sheet through the real Office.js client: Excel answers a range of more
 * than 5 000 000 cells with null values (the host model does the same), so readSnapshot must keep
 * every range and every sync under that.
 */
import { readSnapshot } from '../../../src/office/read-snapshot';
import { ExcelHost, MAX_READ_CELLS } from './excel-host';

/** A sheet used to row 20 000 and column 300 (KN), sparse like a real export with a far note. */
function wideSheet(): { name: string; rows: (string | number | null)[][] } {
  const rows: (string | number | null)[][] = [];
  for (let r = 0; r < 20_000; r++) rows.push(r % 1000 === 0 ? [`Rad ${r + 1}`, r] : [null, r]);
  rows[0][299] = 'långt ut';
  rows[19_999][299] = 42;
  return { name: 'Bred', rows };
}

describe('desktop reads of a wide sheet (#16, defect 4)', () => {
  it('reads a 20 000 × 300 sheet in ranges under 5 000 000 cells', async () => {
    const host = new ExcelHost([wideSheet()], 'desktop');
    const snapshot = await readSnapshot(host.context(), { sheets: () => true, maxCells: 10_000_000 });
    const [sheet] = snapshot.sheets;
    expect(sheet.rows).toHaveLength(20_000);
    expect(sheet.rows[0][299]).toBe('långt ut');
    expect(sheet.rows[19_999][299]).toBe(42);
    expect(sheet.rows[1000]).toEqual(['Rad 1001', 1000]);
    expect(host.syncs.every((s) => s.error === null)).toBe(true);
    // 6 000 000 cells: more than one value sync, none of them asking for more than Excel reads.
    expect(host.syncs.length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('a range Excel answers with null values is a Swedish error, not a TypeError', async () => {
    // A host that reads fewer cells than readSnapshot asks for stands in for Excel refusing a range.
    const host = new ExcelHost([{ name: 'Bred', rows: Array.from({ length: 100 }, (_, r) => [r, r, r]) }], 'desktop', 100);
    const error = await readSnapshot(host.context(), { sheets: () => true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StyrkollError', code: 'FOR_STOR' });
    expect((error as Error).message).toMatch(/Excel lämnade inga värden för bladet Bred, raderna 1–100/);
  });

  it('the host answers null values for a range over 5 000 000 cells, as Excel does', async () => {
    const host = new ExcelHost([{ name: 'Bred', rows: [['a']] }], 'desktop');
    const context = host.context();
    const range = context.workbook.worksheets.getItem('Bred').getRangeByIndexes(0, 0, 1000, MAX_READ_CELLS / 1000 + 1);
    range.load('values');
    await context.sync();
    expect(range.values).toBeNull();
  });
});
