import { buildModel, describeInlast } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { settings, sheet, workbook } from './builders';

const TKR = settings({ 'Belopp i': 'tkr' });

describe('the Inläst section', () => {
  it('names every column read, as what, and every column not used, with why', () => {
    const rows: CellValue[][] = [
      ['Nämnd', 'Verksamhet', 'Budget 2025', 'Utfall jan–aug 2025', 'Prognos helår 2025', 'Avvikelse %', 'Ansvarig chef'],
      ['SN', 'Äldreomsorg', 1000, 600, 1000, 0, 'Anna'],
    ];
    const { model } = buildModel(workbook(sheet('Budget', rows), TKR));
    const [budget, enhet] = describeInlast(model.inlast).filter((l) => !l.startsWith('Inställningar'));
    expect(budget).toContain('Kolumner: A Nämnd, B Verksamhet, C Budget 2025, D Utfall jan–aug 2025 → Utfall, E Prognos helår 2025 → Prognos.');
    expect(budget).toContain('Används inte: F Avvikelse % (en andel i procent, inget belopp), G Ansvarig chef (okänd rubrik).');
    expect(enhet).toBe('Enhet: tkr (Belopp i i bladet Inställningar).');
  });
});

describe('the Inläst section on code + text pairs', () => {
  it('says which column of a pair is the code and which the text', () => {
    const rows: CellValue[][] = [
      ['Nämnd', 'Nämnd (T)', 'Ansvar', 'Ansvar (T)', 'Budget år', 'Prognos helår'],
      ['5', 'Socialnämnden', '5100', 'Äldreomsorg', 1000, 1000],
    ];
    const { model } = buildModel(workbook(sheet('Export', rows), TKR));
    const budget = describeInlast(model.inlast).find((l) => l.startsWith('Budget'))!;
    expect(budget).toContain('Kolumner: A Nämnd → Nämnd (kod), B Nämnd (T), C Ansvar → Verksamhet (kod), D Ansvar (T) → Verksamhet, E Budget år → Budget, F Prognos helår → Prognos.');
    expect(model.budget!.lines[0]).toMatchObject({ namnd: 'Socialnämnden', verksamhet: 'Äldreomsorg' });
  });
});
