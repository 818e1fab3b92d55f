import { buildModel } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { budget, BUDGET_HEADER, line, sheet, workbook, withRule, withoutUnit, settings } from './builders';

const TKR = settings({ 'Belopp i': 'tkr' });

describe('budget rows', () => {
  it('skips empty rows, blank-text rows and ragged rows', () => {
    const rows: CellValue[][] = [line('KS', 'A', 1), [], [null, null, '  '], line('KS', 'B', 2)];
    const { model, findings } = buildModel(workbook(budget(rows)));
    expect(model.budget!.lines.map((l) => l.row)).toEqual([2, 5]);
    expect(withoutUnit(findings)).toEqual([]);
  });

  it('reads Verksamhet, Konto and Kommentar as text and numbers in text', () => {
    const { model } = buildModel(workbook(budget([['KS', 'Kansli', 4010, 'Kostnad', '1 234,5', '(200)', '1\u00a0300 tkr', ' Ökade hyror ']])));
    expect(model.budget!.lines[0]).toMatchObject({ verksamhet: 'Kansli', konto: '4010', budget: 1234.5, utfall: -200, prognos: 1300, kommentar: 'Ökade hyror' });
  });

  it('carries a merged Nämnd cell down to the rows below it, until a total row', () => {
    const rows: CellValue[][] = [line('Socialnämnden', 'A', 10), line(null as unknown as string, 'B', 20), ['Summa', null, null, null, 30], line(null as unknown as string, 'C', 5)];
    const { model, findings } = buildModel(workbook(budget(rows)));
    expect(model.budget!.lines.map((l) => l.namnd)).toEqual(['Socialnämnden', 'Socialnämnden', '']);
    const missing = withRule(findings, 'IN-NAMND-SAKNAS');
    expect(missing.map((f) => f.cell)).toEqual(['A5']);
  });

  it('takes a nämnd heading row without amounts as the nämnd of the rows below, not as a line', () => {
    const rows: CellValue[][] = [['Kultur- och fritidsnämnden'], [null, 'Bibliotek', null, null, 400], [null, 'Fritidsgårdar', null, null, 300]];
    const { model } = buildModel(workbook(budget(rows)));
    expect(model.budget!.lines.map((l) => [l.row, l.namnd, l.verksamhet])).toEqual([
      [3, 'Kultur- och fritidsnämnden', 'Bibliotek'],
      [4, 'Kultur- och fritidsnämnden', 'Fritidsgårdar'],
    ]);
  });

  it('reports unreadable amounts with sheet, cell and raw text and keeps the line with null', () => {
    const { model, findings } = buildModel(workbook(budget([line('KS', 'A', 'cirka 100', 50, 60)])));
    expect(model.budget!.lines[0].budget).toBeNull();
    const tal = withRule(findings, 'IN-TAL');
    expect(tal).toHaveLength(1);
    expect(tal[0]).toMatchObject({ sheet: 'Budget', row: 2, cell: 'E2', namnd: 'KS', severity: 'varning' });
    expect(tal[0].message).toContain('Budget!E2');
    expect(tal[0].message).toContain('”cirka 100”');
  });

  it('reports error cells in used columns of data and total rows, and ignores the rest', () => {
    const rows: CellValue[][] = [line('KS', 'A', null, 5, 5), line('KS', 'B', 10, 5, 5), ['Summa', null, null, null, null, 10, 10], [], ['anteckning']];
    const errors = [
      { row: 2, col: 5, code: '#REF!' },
      { row: 4, col: 5, code: '#DIV/0!' },
      { row: 3, col: 12, code: '#N/A' }, // unused column
      { row: 1, col: 5, code: '#NAME?' }, // header row
      { row: 5, col: 2, code: '#VALUE!' }, // an otherwise empty row
    ];
    const { model, findings } = buildModel(workbook(budget(rows, { errors })));
    const fel = withRule(findings, 'IN-FELVARDE');
    expect(fel.map((f) => f.cell).sort()).toEqual(['B5', 'E2', 'E4']);
    expect(fel.every((f) => f.severity === 'fel')).toBe(true);
    expect(fel.find((f) => f.cell === 'E2')!.message).toContain('#REF!');
    expect(model.budget!.lines[0].budget).toBeNull();
  });

  it('reads data inside a table only', () => {
    const rows: CellValue[][] = [['Nämnd', 'Budget'], ['KS', 1], ['KS', 2], ['Fotnot: preliminärt', 99]];
    const { model } = buildModel(workbook(sheet('Budget', rows, { tables: [{ name: 'T', ref: 'A1:B3' }] })));
    expect(model.budget!.lines.map((l) => l.budget)).toEqual([1, 2]);
  });

  it('walks a sheet with 1 048 576 rows', () => {
    const rows: CellValue[][] = new Array(1048576);
    for (let i = 0; i < rows.length; i++) rows[i] = [];
    rows[0] = BUDGET_HEADER;
    rows[1] = line('KS', 'A', 1);
    rows[1048575] = line('KS', 'Z', 2);
    const { model } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.lines.map((l) => l.row)).toEqual([2, 1048576]);
  });

  it('lists at most a fixed number of findings of one kind per sheet and says how many more there are', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 700; i++) rows.push(line('KS', 'A', 'x'));
    const { findings } = buildModel(workbook(budget(rows)));
    const tal = withRule(findings, 'IN-TAL');
    expect(tal).toHaveLength(501);
    expect(tal[500]).toMatchObject({ row: null, sheet: 'Budget' });
    expect(tal[500].message).toContain('Ytterligare 200 celler');
  });
});

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

describe('a second table under the budget table, and repeated header rows', () => {
  it('an investeringsredovisning below the driftredovisning is not read as lines, and that is said', () => {
    const rows: CellValue[][] = [
      ['Driftredovisning, tkr'],
      ['Nämnd', 'Budget', 'Utfall ack', 'Prognos'],
      ['Kommunstyrelsen', 58150, 40000, 58690],
      ['Socialnämnden', 250600, 170000, 250800],
      ['Summa drift', 308750, 210000, 309490],
      [],
      ['Investeringsredovisning, tkr'],
      ['Projekt', 'Budget', 'Utfall ack', 'Prognos'],
      ['Ny förskola Björkdalen', 30000, 5000, 42000],
      ['Gator och vägar', 12000, 8000, 12000],
      ['Summa investeringar', 42000, 13000, 54000],
    ];
    const { model, findings } = buildModel(workbook(sheet('Rapport', rows)));
    expect(model.budget!.lines.map((l) => l.namnd)).toEqual(['Kommunstyrelsen', 'Socialnämnden']);
    expect(findings.filter((f) => f.rule === 'IN-TAL' || f.namnd === 'Ny förskola Björkdalen')).toEqual([]);
    expect(model.inlast.skipped).toEqual([
      expect.objectContaining({ sheet: 'Rapport, rad 8–11', why: expect.stringContaining('”Projekt | Budget | Utfall ack | Prognos”') }),
    ]);
  });

  it('a header row repeated under each nämnd (a printed report) is skipped, and the table goes on', () => {
    const head: CellValue[] = ['Nämnd', 'Verksamhet', 'Budget', 'Prognos'];
    const rows: CellValue[][] = [head, ['KS', 'Politik', 100, 90], ['KS', 'Ledning', 200, 210], [], head.slice(), ['SN', 'Hemtjänst', 300, 330]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.lines.map((l) => l.row)).toEqual([2, 3, 6]);
    expect(findings.filter((f) => f.rule === 'IN-TAL')).toEqual([]);
    expect(model.inlast.skipped).toEqual([]);
  });
});

describe('Intäkter and Kostnader blocks without a Typ column', () => {
  const rows = (sign: 1 | -1): CellValue[][] => [
    ['Konto', 'Budget 2025', 'Prognos 2025'],
    ['Intäkter'],
    ['Avgifter', sign * 12000, sign * 11500],
    ['Statsbidrag', sign * 30000, sign * 32000],
    ['Summa intäkter', sign * 42000, sign * 43500],
    ['Kostnader'],
    ['Personal', 200000, 206000],
    ['Lokaler', 30000, 30000],
    ['Summa kostnader', 230000, 236000],
  ];
  const check = (sign: 1 | -1) => buildModel(workbook(sheet('Uppföljning', rows(sign)), settings({ Nämnd: 'Socialnämnden', 'Belopp i': 'tkr' })));

  it('intäkter written as positive amounts under their heading are intäkter: more statsbidrag is no deficit', () => {
    const { model, findings } = check(1);
    const b = model.budget!;
    expect(b.lines.map((l) => l.typ)).toEqual(['intakt', 'intakt', 'kostnad', 'kostnad']);
    // Net: budget 230 000 − 42 000 = 188 000, prognos 236 000 − 43 500 = 192 500: a deficit of 4 500.
    expect(b.namndSums).toEqual([expect.objectContaining({ budget: 188000, prognos: 192500, avvikelse: -4500 })]);
    expect(findings.filter((f) => f.rule.startsWith('BUD-UNDERSKOTT') && f.row === 4)).toEqual([]);
    expect(model.inlast.sheets.find((s) => s.kind === 'budget')!.details.join(' ')).toContain('2 rader under rubriken Intäkter');
  });

  it('intäkter already written negative (net cost) stay as written', () => {
    const { model } = check(-1);
    expect(model.budget!.lines.map((l) => l.typ)).toEqual(['kostnad', 'kostnad', 'kostnad', 'kostnad']);
    expect(model.budget!.namndSums).toEqual([expect.objectContaining({ budget: 188000, prognos: 192500 })]);
  });
});
