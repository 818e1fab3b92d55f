import { buildModel } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { budget, BUDGET_HEADER, line, sheet, workbook, withRule, withoutUnit } from './builders';

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
