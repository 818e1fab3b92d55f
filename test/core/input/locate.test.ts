import { buildModel } from '../../../src/core/input';
import { budget, line, sheet, workbook } from './builders';

describe('finding the Budget sheet', () => {
  it('is case-insensitive and ignores surrounding spaces', () => {
    const { model } = buildModel(workbook(sheet('Notes', [['x']]), { ...budget([line('KS', 'A', 1)]), name: '  BUDGET ' }));
    expect(model.budget?.location.name).toBe('  BUDGET ');
  });

  it('reads a sheet with the contract columns whatever it is called', () => {
    const { model } = buildModel(workbook(sheet('Blad1', [['Nämnd', 'Budget'], ['KS', 1]])));
    expect(model.budget?.location.name).toBe('Blad1');
    expect(model.budget?.lines).toMatchObject([{ row: 2, namnd: 'KS', budget: 1 }]);
  });

  it('reports a workbook without budget data as a workbook-level finding', () => {
    const { model, findings } = buildModel(workbook(sheet('Blad1', [['Namn', 'Telefon'], ['Anna', '0225-34000']])));
    expect(model.budget).toBeNull();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'IN-BLAD-SAKNAS', category: 'indata', severity: 'fel', sheet: null, row: null, cell: null });
    expect(findings[0].source).toBe('Styrkolls indataformat, Hitta data');
  });

  it('notes each missing optional sheet in Swedish', () => {
    const { model } = buildModel(workbook(budget([line('KS', 'A', 1)])));
    expect(model.notes).toEqual([
      'Bladet Inställningar saknas i arbetsboken; standardinställningarna används.',
      'Bladet Mål saknas i arbetsboken.',
      'Bladet Indikatorer saknas i arbetsboken.',
      'Bladet Uppdrag saknas i arbetsboken.',
      'Bladet Åtgärder saknas i arbetsboken.',
    ]);
  });
});
