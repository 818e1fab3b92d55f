import { buildModel } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { budget, line, sheet, workbook, withRule } from './builders';

const base = () => budget([line('KS', 'A', 1)]);

describe('Inställningar', () => {
  it('reads key/value pairs anywhere in the first columns and skips a header row', () => {
    const rows: CellValue[][] = [
      [],
      [null, 'Inställning', 'Värde'],
      [null, 'Kommun', 'Hedemora'],
      [null, 'Kommunkod', 2083],
      [null, 'Profil', 'Hedemora'],
      [null, 'Budgetår', '2025'],
      [null, 'Period', 45870],
      [null, 'Belopp i', 'tkr'],
      [null, 'Tecken', 'kostnad negativ'],
      [null, 'Nämnd', 'Socialnämnden'],
      [null, 'Kolada-URL', 'https://api.kolada.se/v3'],
      [null, 'Tröskel varning %', '2,5'],
    ];
    const { model, findings } = buildModel(workbook(base(), sheet(' inställningar', rows)));
    const s = model.settings;
    expect(s).toMatchObject({
      kommun: 'Hedemora',
      kommunkod: '2083',
      profil: 'hedemora',
      budgetar: 2025,
      period: { year: 2025, month: 8 },
      beloppI: 'tkr',
      tecken: 'kostnad negativ',
      namnd: 'Socialnämnden',
      koladaUrl: 'https://api.kolada.se/v3',
      sheet: ' inställningar',
    });
    expect(s.entries['troskelvarning']).toEqual({ row: 12, key: 'Tröskel varning %', value: '2,5' });
    expect(s.entries['installning']).toBeUndefined();
    expect(findings).toEqual([]);
  });

  it('pads a numeric Kommunkod to four digits and reads a text period', () => {
    const { model } = buildModel(workbook(base(), sheet('Inställningar', [['Kommunkod', 180], ['Period', '2025-8']])));
    expect(model.settings.kommunkod).toBe('0180');
    expect(model.settings.period).toEqual({ year: 2025, month: 8 });
  });

  it('reports unreadable known settings and duplicates', () => {
    const rows: CellValue[][] = [['Period', 'hösten'], ['Tecken', 'blandat'], ['Kommun', 'Flen'], ['Kommun', 'Hedemora']];
    const { model, findings } = buildModel(workbook(base(), sheet('Inställningar', rows)));
    expect(model.settings).toMatchObject({ period: null, tecken: null, kommun: 'Flen' });
    expect(withRule(findings, 'IN-INSTALLNING').map((f) => f.cell)).toEqual(['B1', 'B2']);
    expect(withRule(findings, 'IN-INSTALLNING-DUBBEL').map((f) => f.row)).toEqual([4]);
  });
});
