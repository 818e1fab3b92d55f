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
