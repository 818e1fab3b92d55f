import type { SheetSpec } from '../../src/core/sheet-spec';
import { planBlocks, styleAreas } from '../../src/office/render-sheet-spec';
import { mergeMarks, parseRecord } from '../../src/office/mark-record';
import { SyncBatcher } from '../../src/office/sync-batcher';
import { OP_OVERHEAD_BYTES } from '../../src/office/payload';

describe('rendering helpers', () => {
  it('merges equal styles into rectangles: a table body is one area per column run', () => {
    const row = () => [{ v: 'a', style: { bold: true } }, { v: 'b', style: { bold: true } }, { v: 1, style: { numFmt: '#,##0' } }];
    const spec: SheetSpec = { name: 'K', rows: [[{ v: 'Rubrik', style: { fontSize: 14 } }], row(), row(), row()] };
    expect(styleAreas(spec).map(({ row, col, rows, cols }) => [row, col, rows, cols])).toEqual([[0, 0, 1, 1], [1, 0, 3, 2]]);
  });

  it('plans value blocks by size and covers every row once', () => {
    const spec: SheetSpec = { name: 'K', rows: Array.from({ length: 1000 }, (_, i) => [{ v: `rad ${i} `.repeat(20) }]) };
    const blocks = planBlocks(spec, 20_000);
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(1000);
    blocks.slice(1).forEach((b, i) => expect(b.first).toBe(blocks[i].first + blocks[i].count));
  });

  it('the batcher syncs before a request would pass its budget', async () => {
    let syncs = 0;
    const op = 300 + OP_OVERHEAD_BYTES;
    const batch = new SyncBatcher({ sync: async () => void syncs++ }, { maxBytes: 2 * op + 100 });
    for (let i = 0; i < 10; i++) await batch.add(300, () => undefined);
    await batch.flush();
    expect(syncs).toBe(5); // two operations fit, three do not
  });
});

describe('mark record', () => {
  it('keeps one mark per cell: the most severe fill and every note line', () => {
    const merged = mergeMarks([
      { sheet: 'Budget', cell: '$F$17', severity: 'info', note: 'a' },
      { sheet: 'Budget', cell: 'F17', severity: 'fel', note: 'b' },
      { sheet: 'Budget', cell: 'f17', severity: 'varning', note: 'a' },
    ]);
    expect(merged).toEqual([{ sheet: 'Budget', cell: 'F17', severity: 'fel', note: 'a\nb' }]);
  });

  it('treats an unreadable record as nothing to undo', () => {
    expect(parseRecord('{bad')).toEqual({ v: 1, sheets: {} });
    expect(parseRecord(JSON.stringify({ v: 1, sheets: { Budget: [['A1', null, '#FFC7CE', 1], ['bad']] } }))).toEqual({ v: 1, sheets: { Budget: [['A1', null, '#FFC7CE', 1]] } });
  });
});
