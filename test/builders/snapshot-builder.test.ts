import { SnapshotBuilder, cleanSnapshot } from './snapshot-builder';
import { referenceBudgetCheck } from '../fixtures/reference-check';
import type { Grid } from '../fixtures/read-grid';

const asGrid = (s: { name: string; rows: (string | number | boolean | null)[][]; errors: Grid['errors'] }): Grid => ({ ...s, tables: [] });

describe('SnapshotBuilder', () => {
  it('the clean snapshot has every contract sheet and no budget or indata problem', () => {
    const snap = cleanSnapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Budget', 'Mål', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Inställningar']);
    expect(referenceBudgetCheck(asGrid(snap.sheets[0]), { namnderMedAtgard: new Set(['Bildningsnämnden']) })).toEqual([]);
  });

  it('set by header name plants a deficit that a reference reading sees', () => {
    const b = SnapshotBuilder.clean();
    const row = b.rowOf('Budget', 'Kommunstyrelsen');
    const snap = b.set('Budget', row, 'Prognos', 13000).build();
    const found = referenceBudgetCheck(asGrid(snap.sheets[0]), { namnderMedAtgard: new Set() });
    expect(found.map((f) => f.row)).toContain(row);
  });

  it('error() nulls the cell and records the code; addRow shifts it', () => {
    const snap = SnapshotBuilder.clean().error('Budget', 3, 'Utfall', '#DIV/0!').addRow('Budget', ['Kommunstyrelsen', 'HR'], 2).build();
    const budget = snap.sheets[0];
    expect(budget.errors).toEqual([{ row: 4, col: 6, code: '#DIV/0!' }]);
    expect(budget.rows[3][5]).toBeNull();
  });

  it('built snapshots are independent copies', () => {
    const b = SnapshotBuilder.clean();
    const first = b.build();
    b.setting('Profil', 'flen').removeSheet('Uppdrag');
    expect(first.sheets).toHaveLength(6);
    expect(first.sheets[5].rows.find((r) => r[0] === 'Profil')![1]).toBe('hedemora');
  });
});
