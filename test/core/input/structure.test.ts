import { buildModel, describeInlast } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { settings, sheet, workbook, withoutUnit, withRule } from './builders';

const TKR = settings({ 'Belopp i': 'tkr' });

describe('total rows wherever their label stands', () => {
  it('reads Excel Delsumma output: "X Summa" and "Totalsumma" in the Nämnd column are totals, never nämnder', () => {
    const rows: CellValue[][] = [
      ['Nämnd', 'Verksamhet', 'Budget', 'Prognos'],
      ['Socialnämnden', 'Äldreomsorg', 1000, 1100],
      ['Socialnämnden', 'IFO', 500, 500],
      ['Socialnämnden Summa', null, 1500, 1600],
      ['Kommunstyrelsen', 'Kansli', 300, 300],
      ['Kommunstyrelsen Summa', null, 300, 300],
      ['Totalsumma', null, 1800, 1900],
    ];
    const { model, findings } = buildModel(workbook(sheet('Blad1', rows), TKR));
    expect(model.budget!.lines.map((l) => [l.row, l.namnd])).toEqual([[2, 'Socialnämnden'], [3, 'Socialnämnden'], [5, 'Kommunstyrelsen']]);
    expect(model.budget!.totals.map((t) => t.row)).toEqual([4, 6, 7]);
    expect(model.budget!.namndSums!.map((s) => [s.namnd, s.budget])).toEqual([['Socialnämnden', 1500], ['Kommunstyrelsen', 300]]);
    expect(withRule(findings, 'IN-SUMMA')).toEqual([]);
  });

  it('takes "Summa" in the Verksamhet column as a total row, though the Nämnd cell names the nämnd', () => {
    const rows: CellValue[][] = [
      ['Nämnd', 'Verksamhet', 'Budget', 'Prognos'],
      ['Socialnämnden', 'Äldreomsorg', 1000, 1100],
      ['Socialnämnden', 'IFO', 500, 500],
      ['Socialnämnden', 'Summa', 1500, 1600],
    ];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows), TKR));
    expect(model.budget!.lines.map((l) => l.row)).toEqual([2, 3]);
    expect(model.budget!.namndSums![0].budget).toBe(1500);
    expect(withRule(findings, 'IN-SUMMA')).toEqual([]);
  });

  it('takes a row that names only its nämnd and holds the sum of its rows (a SUM row without Summa) as a total', () => {
    const rows: CellValue[][] = [
      ['Nämnd', 'Verksamhet', 'Budget', 'Prognos'],
      ['Socialnämnden', 'Äldreomsorg', 1000, 1100],
      ['Socialnämnden', 'IFO', 500, 500],
      ['Socialnämnden', null, 1500, 1600],
      ['Kommunstyrelsen', 'Kansli', 300, 320],
      // One line with only its nämnd is a line: there is nothing above it to be the sum of.
      ['Tekniska nämnden', null, 200, 200],
    ];
    const { model } = buildModel(workbook(sheet('Budget', rows), TKR));
    expect(model.budget!.lines.map((l) => l.row)).toEqual([2, 3, 5, 6]);
    expect(model.budget!.totals.map((t) => [t.row, t.label])).toEqual([[4, 'Socialnämnden']]);
    expect(model.budget!.namndSums!.map((s) => [s.namnd, s.budget])).toEqual([['Socialnämnden', 1500], ['Kommunstyrelsen', 300], ['Tekniska nämnden', 200]]);
  });

  it('still reports a total that does not add up', () => {
    const rows: CellValue[][] = [
      ['Nämnd', 'Verksamhet', 'Budget'],
      ['SN', 'A', 1000],
      ['SN', 'B', 500],
      ['SN Summa', null, 1600],
    ];
    const { findings } = buildModel(workbook(sheet('Budget', rows), TKR));
    expect(withRule(findings, 'IN-SUMMA').map((f) => f.cell)).toEqual(['C4']);
  });
});

describe('group headers and parent rows', () => {
  it('gives the verksamheter below a group-header row its nämnd, until its total row', () => {
    const rows: CellValue[][] = [
      ['Driftredovisning januari–augusti 2025'],
      ['Belopp i tkr'],
      [],
      ['Verksamhet', 'Budget 2025', 'Utfall jan-aug 2025', 'Prognos helår 2025'],
      ['Kommunstyrelsen'],
      ['Kansli', 1000, 600, 1000],
      ['IT', 500, 350, 540],
      ['Summa Kommunstyrelsen', 1500, 950, 1540],
      ['Socialnämnden'],
      ['Individ- och familjeomsorg'],
      ['Försörjningsstöd', 800, 600, 900],
      ['Summa Socialnämnden', 800, 600, 900],
      ['Totalt', 2300, 1550, 2440],
    ];
    const { model, findings } = buildModel(workbook(sheet('Driftredovisning', rows)));
    expect(model.budget!.lines.map((l) => [l.row, l.namnd, l.verksamhet])).toEqual([
      [6, 'Kommunstyrelsen', 'Kansli'],
      [7, 'Kommunstyrelsen', 'IT'],
      // A heading that names no nämnd, under a nämnd's header, is a sub-group of it.
      [11, 'Socialnämnden', 'Försörjningsstöd'],
    ]);
    expect(withRule(findings, 'IN-SUMMA')).toEqual([]);
    expect(withRule(findings, 'IN-NAMND-SAKNAS')).toEqual([]);
    expect(model.settings.beloppI).toBe('tkr');
  });

  it('reads nämnd rows above their verksamheter (no Summa label) as totals, nested two levels, counting nothing twice', () => {
    const rows: CellValue[][] = [
      ['Driftredovisning 2025, mnkr'],
      ['Nämnd/verksamhet', 'Nettokostnad', 'Budget', 'Avvikelse'],
      ['Kommunstyrelsen', -30.5, -30.0, -0.5],
      ['Kansli', -20.2, -20.0, -0.2],
      ['IT', -10.3, -10.0, -0.3],
      ['Omsorgsnämnden', -110.0, -105.0, -5.0],
      ['Vård och omsorg', -80.0, -78.0, -2.0],
      ['Hemtjänst', -50.0, -49.0, -1.0],
      ['Särskilt boende', -30.0, -29.0, -1.0],
      ['IFO', -30.0, -27.0, -3.0],
      ['Summa nämnder', -140.5, -135.0, -5.5],
    ];
    const { model, findings } = buildModel(workbook(sheet('Driftredovisning', rows)));
    expect(model.budget!.lines.map((l) => [l.row, l.namnd])).toEqual([
      [4, 'Kommunstyrelsen'],
      [5, 'Kommunstyrelsen'],
      [8, 'Omsorgsnämnden'],
      [9, 'Omsorgsnämnden'],
      [10, 'Omsorgsnämnden'],
    ]);
    expect(model.budget!.totals.map((t) => t.row).sort((a, b) => a - b)).toEqual([3, 6, 7, 11]);
    expect(model.budget!.namndSums!.map((s) => [s.namnd, s.budget])).toEqual([['Kommunstyrelsen', 30], ['Omsorgsnämnden', 105]]);
    expect(withoutUnit(findings).filter((f) => f.category === 'indata')).toEqual([]);
    expect(model.settings.beloppI).toBe('mnkr');
  });

  it('finds no parent rows in a plain table whose lines merely have different sizes', () => {
    const rows: CellValue[][] = [
      ['Verksamhet', 'Budget', 'Prognos'],
      ['Kansli', 900, 950],
      ['IT', 500, 520],
      ['Kost', 300, 310],
      ['Lokaler', 250, 240],
    ];
    const { model } = buildModel(workbook(sheet('Budget', rows), settings({ Nämnd: 'KS', 'Belopp i': 'tkr' })));
    expect(model.budget!.lines).toHaveLength(4);
    expect(model.budget!.totals).toEqual([]);
  });
});

describe('one sheet per nämnd', () => {
  it('reads every budget sheet, the nämnd from its title cell or name, findings on each sheet', () => {
    const perNamnd = (namnd: string | null, lines: CellValue[][]): CellValue[][] => [
      ...(namnd ? [[`Nämnd: ${namnd}`]] : [['Budgetuppföljning augusti']]),
      ['Belopp i tkr'],
      ['Verksamhet', 'Budget', 'Utfall', 'Prognos'],
      ...lines,
    ];
    const { model, findings } = buildModel(
      workbook(
        sheet('KS', perNamnd('Kommunstyrelsen', [['Kansli', 1000, 600, 1000]])),
        sheet('Socialnämnden', perNamnd(null, [['Försörjningsstöd', 800, 600, 1000], ['Äldreomsorg', 4000, 2600, 4000]])),
      ),
    );
    expect(model.budget!.parts!.map((p) => p.name)).toEqual(['KS', 'Socialnämnden']);
    expect(model.budget!.lines.map((l) => [l.location?.name, l.row, l.namnd])).toEqual([
      ['KS', 4, 'Kommunstyrelsen'],
      ['Socialnämnden', 4, 'Socialnämnden'],
      ['Socialnämnden', 5, 'Socialnämnden'],
    ]);
    expect(withRule(findings, 'IN-NAMND-SAKNAS')).toEqual([]);
    const lines = describeInlast(model.inlast);
    expect(lines[0]).toMatch(/^Budget: bladet KS \(hittat efter innehållet\), rubrikrad 3, rad 4–4: 1 budgetrad\./);
    expect(lines[0]).toMatch(/Nämnd: från rubriken på rad 1\./);
    expect(lines[1]).toMatch(/Nämnd: från bladets namn\./);
  });
});

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
