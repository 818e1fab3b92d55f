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

describe('hidden sheets', () => {
  const detail = sheet('Detalj', [['Nämnd', 'Verksamhet', 'Budget', 'Prognos'], ['KS', 'Politik', 9850, 9790], ['SN', 'Hemtjänst', 96400, 97700]]);
  const old = sheet('Gammal 2023', [['Nämnd', 'Verksamhet', 'Budget', 'Prognos'], ['KS', 'Politik', 5000, 9000]], { hidden: true });

  it('are not found by content: last year’s data in a hidden sheet is neither read nor judged, and that is said', () => {
    const { model, findings } = buildModel(workbook(detail, old));
    expect(model.budget!.lines.map((l) => l.location?.name ?? model.budget!.location.name)).toEqual(['Detalj', 'Detalj']);
    expect(findings.filter((f) => f.sheet === 'Gammal 2023')).toEqual([]);
    expect(JSON.stringify(model.inlast)).toContain('Gammal 2023');
    expect(JSON.stringify(model.inlast)).toContain('dolt blad');
  });

  it('a hidden sheet named Budget is read by its name', () => {
    const { model } = buildModel(workbook(sheet('Budget', [['Nämnd', 'Budget'], ['KS', 100]], { hidden: true })));
    expect(model.budget!.lines).toHaveLength(1);
  });

  it('when the only budget table is hidden, IN-BLAD-SAKNAS names it as hidden rather than as having no header', () => {
    const { model, findings } = buildModel(workbook(old));
    expect(model.budget).toBeNull();
    const f = findings.find((x) => x.rule === 'IN-BLAD-SAKNAS')!;
    expect(f.message).toContain('dolda bladet ”Gammal 2023” lästes inte');
    expect(f.message).not.toContain('rubrikrad med en budgetkolumn');
  });
});
