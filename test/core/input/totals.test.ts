import { buildModel } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { budget, line, sheet, workbook, withRule } from './builders';

const total = (label: string, b: CellValue, u: CellValue = null, p: CellValue = null): CellValue[] => [label, null, null, null, b, u, p, null];

function summaFindings(rows: CellValue[][], errors: { row: number; col: number; code: string }[] = []) {
  const { model, findings } = buildModel(workbook(budget(rows, { errors }), sheet('Inställningar', [['Tecken', 'kostnad positiv']])));
  return { model, summa: withRule(findings, 'IN-SUMMA'), findings };
}

describe('total rows', () => {
  it('are kept apart from the lines and pass when they match', () => {
    const { model, summa } = summaFindings([line('SN', 'A', 100, 40, 110), line('SN', 'B', 200, 90, 190), total('Summa Socialnämnden', 300, 130, 300)]);
    expect(summa).toHaveLength(0);
    expect(model.budget!.lines.map((l) => l.row)).toEqual([2, 3]);
    expect(model.budget!.totals).toEqual([{ row: 4, label: 'Summa Socialnämnden' }]);
  });

  it('accept rounding within half a unit per value summed', () => {
    // Exported rounded: 10.4, 20.4 and 30.4 become 10, 20 and 30, their total 61.2 becomes 61 (1 ≤ 3 × 0.5)
    const { summa } = summaFindings([line('SN', 'A', 10), line('SN', 'B', 20), line('SN', 'C', 30), total('Totalt', 61)]);
    expect(summa).toHaveLength(0);
    const beyond = summaFindings([line('SN', 'A', 10), line('SN', 'B', 20), line('SN', 'C', 30), total('Totalt', 62)]);
    expect(beyond.summa).toHaveLength(1);
  });

  it('report a real mismatch on the total cell, naming both sums in sv-SE format', () => {
    const { summa } = summaFindings([line('SN', 'A', 1000, 400), line('SN', 'B', 2500, 1200), total('SUMMA', 3600, 1600)]);
    expect(summa).toHaveLength(1);
    expect(summa[0]).toMatchObject({ category: 'indata', severity: 'varning', sheet: 'Budget', row: 4, cell: 'E4' });
    expect(summa[0].message).toContain('3\u00a0600');
    expect(summa[0].message).toContain('3\u00a0500');
    expect(summa[0].message).toContain('skillnad 100');
  });

  it('flag a difference just beyond the rounding allowance', () => {
    const { summa } = summaFindings([line('SN', 'A', 10), line('SN', 'B', 20), total('Summa', 31.01)]);
    expect(summa).toHaveLength(1);
  });

  it('check subtotals against their rows and a grand total against the subtotals', () => {
    const rows = [
      line('SN', 'A', 100),
      line('SN', 'B', 50),
      total('Summa SN', 150),
      line('KS', 'C', 70),
      total('Summa KS', 70),
      total('Totalt', 220),
    ];
    const { model, summa } = summaFindings(rows);
    expect(summa).toHaveLength(0);
    expect(model.budget!.totals.map((t) => t.row)).toEqual([4, 6, 7]);
  });

  it('report a wrong grand total against the data rows under the subtotals', () => {
    const rows = [line('SN', 'A', 100), total('Summa SN', 100), line('KS', 'C', 70), total('Summa KS', 70), total('Totalt', 200)];
    const { summa } = summaFindings(rows);
    expect(summa).toHaveLength(1);
    expect(summa[0].row).toBe(6);
    expect(summa[0].message).toContain('raderna ovanför');
    expect(summa[0].message).toContain('170');
  });

  it('report one wrong subtotal once, not again on a grand total that matches the data rows', () => {
    const rows = [line('SN', 'A', 100), total('Summa SN', 130), line('KS', 'C', 70), total('Summa KS', 70), total('Totalt', 170)];
    const { summa } = summaFindings(rows);
    expect(summa.map((f) => f.row)).toEqual([3]);
  });

  it('accept a grand total that adds up the subtotals as shown, even when one subtotal is wrong', () => {
    const rows = [line('SN', 'A', 100), total('Summa SN', 130), line('KS', 'C', 70), total('Summa KS', 70), total('Totalt', 200)];
    const { summa } = summaFindings(rows);
    expect(summa.map((f) => f.row)).toEqual([3]);
  });

  it('accept a grand total over subtotals and the rows after the last subtotal', () => {
    const rows = [line('SN', 'A', 100), total('Summa SN', 100), line('KS', 'C', 70), total('Totalt', 170)];
    expect(summaFindings(rows).summa).toHaveLength(0);
  });

  it('start again after a grand total', () => {
    const rows = [line('SN', 'A', 100), total('Summa SN', 100), total('Totalt kostnader', 100), line('SN', 'I', 30), total('Summa intäkter', 30), total('Totalt intäkter', 30)];
    expect(summaFindings(rows).summa).toHaveLength(0);
  });

  it('skip a column with an unreadable cell in its span but check the others', () => {
    const rows = [line('SN', 'A', 100, 'okänt'), line('SN', 'B', 50, 20), total('Summa', 999, 5)];
    const { summa, findings } = summaFindings(rows);
    expect(withRule(findings, 'IN-TAL').map((f) => f.cell)).toEqual(['F2']);
    expect(summa.map((f) => f.cell)).toEqual(['E4']);
  });

  it('skip a column with an error cell in its span', () => {
    const rows = [line('SN', 'A', 100, null), line('SN', 'B', 50, 20), total('Summa', 150, 5)];
    const { summa, findings } = summaFindings(rows, [{ row: 2, col: 6, code: '#REF!' }]);
    expect(withRule(findings, 'IN-FELVARDE')).toHaveLength(1);
    expect(summa).toHaveLength(0);
  });

  it('treat text amounts like numbers and empty cells as nothing', () => {
    const rows = [line('SN', 'A', '1 000', null), line('SN', 'B', '(200)', null), total('Summa', '800 tkr', null)];
    expect(summaFindings(rows).summa).toHaveLength(0);
  });

  it('check plan years and the Avvikelse column too', () => {
    const header = ['Nämnd', 'Budget', 'Prognos', 'Avvikelse', 'Plan 2026'];
    const rows = [header, ['SN', 100, 90, 10, 105], ['SN', 50, 60, -10, 55], ['Summa', 150, 150, 5, 170]];
    const { findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(withRule(findings, 'IN-SUMMA').map((f) => f.cell).sort()).toEqual(['D4', 'E4']);
  });

  it('do not count words that only begin like Total as total rows', () => {
    const header = ['Verksamhet', 'Budget'];
    const rows = [header, ['Totalförsvar', 10], ['Summering av året', 5]];
    const { model } = buildModel(workbook(sheet('Budget', rows), sheet('Inställningar', [['Nämnd', 'KS']])));
    expect(model.budget!.lines.map((l) => l.verksamhet)).toEqual(['Totalförsvar', 'Summering av året']);
    expect(model.budget!.totals).toHaveLength(0);
  });
});

describe('a Nettokostnad row under Intäkter and Kostnader blocks', () => {
  // A nämnd's uppföljning: intäkter (negative) and kostnader as blocks with their Summa rows, then
  // the bottom line "Nettokostnad". It is a total: counting it as a line would double the budget.
  const rows = (bottom: string): CellValue[][] => [
    ['Konto', 'Budget 2025', 'Utfall ack', 'Prognos 2025'],
    ['Intäkter'],
    ['Avgifter', -12000, -8100, -11500],
    ['Statsbidrag', -30000, -21000, -32000],
    ['Summa intäkter', -42000, -29100, -43500],
    [],
    ['Kostnader'],
    ['Personal', 200000, 140000, 206000],
    ['Lokaler', 30000, 20000, 30000],
    ['Summa kostnader', 230000, 160000, 236000],
    [],
    [bottom, 188000, 130900, 192500],
    [],
    ['Källa: ekonomisystemet, uttag 2025-09-05'],
  ];

  it.each(['Nettokostnad', 'Verksamhetens nettokostnader', 'Netto', 'Resultat'])('%s is a total checked against all the lines, never a line', (bottom) => {
    const { model, summa, findings } = (() => {
      const { model, findings } = buildModel(workbook(sheet('Resultat', rows(bottom)), sheet('Inställningar', [['Tecken', 'kostnad positiv'], ['Nämnd', 'Socialnämnden']])));
      return { model, findings, summa: withRule(findings, 'IN-SUMMA') };
    })();
    expect(summa).toHaveLength(0);
    expect(findings.filter((f) => f.rule === 'IN-TAL')).toHaveLength(0);
    expect(model.budget!.lines.map((l) => l.row)).toEqual([3, 4, 8, 9]);
    expect(model.budget!.totals.map((t) => t.row)).toEqual([5, 10, 12]);
    expect(model.budget!.namndSums).toEqual([expect.objectContaining({ namnd: 'Socialnämnden', budget: 188000, prognos: 192500 })]);
  });

  it('a wrong Nettokostnad is reported, as any total', () => {
    const r = rows('Nettokostnad');
    r[11] = ['Nettokostnad', 190000, 130900, 192500];
    const { findings } = buildModel(workbook(sheet('Resultat', r), sheet('Inställningar', [['Nämnd', 'Socialnämnden']])));
    expect(withRule(findings, 'IN-SUMMA')).toEqual([expect.objectContaining({ row: 12 })]);
  });

  it('"Nettokostnad budget 2025" and a verksamhet named "Nettokostnadsanalys" are not totals', () => {
    const { model } = buildModel(workbook(sheet('Resultat', [['Verksamhet', 'Budget'], ['Nettokostnadsanalys', 10], ['Nettokostnad budget 2025', 20]]), sheet('Inställningar', [['Nämnd', 'SN']])));
    expect(model.budget!.lines.map((l) => l.row)).toEqual([2, 3]);
  });
});
