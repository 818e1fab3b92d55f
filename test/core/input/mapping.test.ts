import { buildModel } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { settings, sheet, workbook, withRule } from './builders';

describe('the mapping', () => {
  it('reads the sheet, header row and columns Inställningar names, when guessing is not enough', () => {
    const rows: CellValue[][] = [
      ['Rapport'],
      ['Ansvar', 'Belopp A', 'Belopp B', 'Belopp C'],
      ['Kansli', 1000, 700, 1100],
    ];
    const { model } = buildModel(
      workbook(
        sheet('Data', rows),
        settings({ Budgetblad: 'Data', Rubrikrad: 2, 'Kolumn Budget': 'Belopp A', 'Kolumn Utfall': 'C', 'Kolumn Prognos': 'Belopp C', Nämnd: 'KS', 'Belopp i': 'tkr' }),
      ),
    );
    expect(model.budget!.location).toMatchObject({ name: 'Data', headerRow: 2, columns: { budget: 2, utfall: 3, prognos: 4, verksamhet: 1 } });
    expect(model.budget!.lines[0]).toMatchObject({ namnd: 'KS', budget: 1000, prognos: 1100, avvikelse: -100 });
  });

  it('says so as an error when Budgetblad names a sheet that does not exist', () => {
    const { model, findings } = buildModel(workbook(sheet('Data', [['Nämnd', 'Budget'], ['KS', 1]]), settings({ Budgetblad: 'Drift' })));
    expect(model.budget).toBeNull();
    expect(withRule(findings, 'IN-BLAD-SAKNAS')[0]).toMatchObject({ severity: 'fel' });
    expect(withRule(findings, 'IN-BLAD-SAKNAS')[0].message).toContain('”Drift”');
  });
});
