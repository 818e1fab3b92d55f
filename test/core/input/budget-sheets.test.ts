import { buildModel, describeInlast } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { sheet, workbook, withRule } from './builders';

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

describe('a per-nämnd summary sheet beside the detail sheet', () => {
  const summary = sheet('Sammandrag', [['Nämnd', 'Budget', 'Prognos', 'Avvikelse'], ['Kommunstyrelsen', 58150, 58690, -540], ['Socialnämnden', 250600, 250800, -200], ['Totalt', 308750, 309490, -740]]);
  const detail = sheet('Detalj', [
    ['Nämnd', 'Verksamhet', 'Budget', 'Prognos', 'Avvikelse'],
    ['Kommunstyrelsen', 'Politisk verksamhet', 9850, 9790, 60],
    ['Kommunstyrelsen', 'Kommunledning', 48300, 48900, -600],
    ['Socialnämnden', 'Hemtjänst', 96400, 97700, -1300],
    ['Socialnämnden', 'Särskilt boende', 154200, 153100, 1100],
  ]);

  it('is not read too: every amount would count twice; the detail is read and that is said', () => {
    const { model } = buildModel(workbook(summary, detail));
    const b = model.budget!;
    expect(b.lines.map((l) => l.row)).toEqual([2, 3, 4, 5]);
    expect(b.namndSums!.map((s) => [s.namnd, s.budget, s.prognos])).toEqual([
      ['Kommunstyrelsen', 58150, 58690],
      ['Socialnämnden', 250600, 250800],
    ]);
    expect(model.inlast.skipped).toEqual([expect.objectContaining({ sheet: 'Sammandrag', why: expect.stringContaining('samma nämnder som bladet Detalj') })]);
    expect(model.notes.join(' ')).toContain('bara Detalj kontrolleras');
  });

  it('sheets for different nämnder are all read', () => {
    const ks = sheet('KS', [['Nämnd', 'Verksamhet', 'Budget'], ['Kommunstyrelsen', 'Politik', 100], ['Kommunstyrelsen', 'Ledning', 200]]);
    const sn = sheet('SN', [['Nämnd', 'Verksamhet', 'Budget'], ['Socialnämnden', 'Hemtjänst', 300]]);
    const { model } = buildModel(workbook(ks, sn));
    expect(model.budget!.lines).toHaveLength(3);
    expect(model.inlast.skipped).toEqual([]);
  });
});
