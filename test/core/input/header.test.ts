import { buildModel, cellAddress, columnLetter, normalizeHeader } from '../../../src/core/input';
import { budget, BUDGET_HEADER, line, preamble, sheet, workbook, withoutUnit, withRule } from './builders';

describe('normalizeHeader', () => {
  it.each([
    ['Budget 2025', 'budget'],
    ['Utfall 2025 (tkr)', 'utfall'],
    ['Verksamheter (tkr)', 'verksamheter'],
    ['Prognos helår 2025', 'prognoshelar'],
    ['  NÄMND  ', 'namnd'],
    ['Nämnd/styrelse', 'namndstyrelse'],
    ['Återstår, tkr', 'aterstar'],
    ['Mål-ID', 'malid'],
    ['Tröskel varning %', 'troskelvarning'],
    ['Utfall ack 2025-08', 'utfallack'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });

  it('does not strip letters that merely end like a unit', () => {
    expect(normalizeHeader('Verkr')).toBe('verkr');
    expect(normalizeHeader('Plan2026')).toBe('plan2026');
  });

  it('treats empty values as the empty key', () => {
    expect(normalizeHeader(null)).toBe('');
    expect(normalizeHeader('   ')).toBe('');
  });
});

describe('cell addresses', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s', (col, letters) => expect(columnLetter(col)).toBe(letters));

  it('builds A1 addresses', () => {
    expect(cellAddress(17, 6)).toBe('F17');
    expect(cellAddress(1048576, 16384)).toBe('XFD1048576');
  });
});

describe('header detection', () => {
  it('finds the header in row 1', () => {
    const { model } = buildModel(workbook(budget([line('Socialnämnden', 'Äldreomsorg', 100, 40, 90)])));
    expect(model.budget?.location.headerRow).toBe(1);
    expect(model.budget?.lines).toHaveLength(1);
    expect(model.budget?.lines[0]).toMatchObject({ row: 2, namnd: 'Socialnämnden', budget: 100, prognos: 90, avvikelse: 10 });
  });

  it('finds the header in row 7 below a title and notes', () => {
    const rows = [...preamble(6), BUDGET_HEADER, line('Kultur', 'Bibliotek', 500, 200, 520)];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget?.location.headerRow).toBe(7);
    expect(model.budget?.lines.map((l) => l.row)).toEqual([8]);
    expect(withRule(findings, 'IN-RUBRIK-SAKNAS')).toHaveLength(0);
  });

  it('reads shuffled headers in any case with years and units', () => {
    const header = ['PROGNOS HELÅR 2025', 'budget 2025 (tkr)', 'Verksamheter (tkr)', 'nämnd/styrelse', 'Utfall 2025 (tkr)', 'Budgetavvikelse'];
    const rows = [header, [110, 100, 'Skola', 'Barn- och utbildningsnämnden', 60, -10]];
    const { model, findings } = buildModel(workbook(sheet(' budget ', rows)));
    const cols = model.budget!.location.columns;
    expect(cols).toMatchObject({ prognos: 1, budget: 2, verksamhet: 3, namnd: 4, utfall: 5, avvikelse: 6 });
    expect(model.budget!.location.headers.budget).toBe('budget 2025 (tkr)');
    expect(model.budget!.lines[0]).toMatchObject({ namnd: 'Barn- och utbildningsnämnden', verksamhet: 'Skola', budget: 100, utfall: 60, prognos: 110, avvikelse: -10, avvikelseAngiven: -10 });
    expect(withRule(findings, 'IN-AVVIKELSE')).toHaveLength(0);
  });

  it('reads English headers', () => {
    const rows = [['Department', 'Budget', 'Actual', 'Forecast', 'Variance'], ['Tekniska nämnden', 10, 5, 12, -2]];
    const { model } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.location.columns).toMatchObject({ namnd: 1, budget: 2, utfall: 3, prognos: 4, avvikelse: 5 });
  });

  it('takes the newest year when a field appears for several years', () => {
    const rows = [['Nämnd', 'Utfall 2024', 'Budget 2025', 'Utfall jan–aug 2025', 'Utfall 2025', 'Prognos 2025'], ['KS', 900, 1000, 1, 600, 1010]];
    const { model } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.location.columns.utfall).toBe(5);
    expect(model.budget!.lines[0].utfall).toBe(600);
  });

  it('reads plan-year columns', () => {
    const rows = [['Nämnd', 'Budget 2025', 'Plan 2026', 'Plan 2027 (tkr)', 'Plan år 2028'], ['KS', 100, 102, 104, 106]];
    const { model } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.planYears).toEqual([2026, 2027, 2028]);
    expect(model.budget!.location.columns).toMatchObject({ plan2026: 3, plan2027: 4, plan2028: 5 });
    expect(model.budget!.planYears).toEqual([2026, 2027, 2028]);
    expect(model.budget!.lines[0].plan).toEqual([102, 104, 106]);
  });

  it('uses an Excel table header even below row 10', () => {
    const rows = [...preamble(14), [null, ...BUDGET_HEADER], [null, ...line('Miljönämnden', 'Tillsyn', 80, 30, 85)], [], ['Nämnd', 'Budget'], ['Utanför', 999]];
    const { model } = buildModel(workbook(sheet('Budget', rows, { tables: [{ name: 'Tabell1', ref: 'B15:I16' }] })));
    expect(model.budget!.location.headerRow).toBe(15);
    expect(model.budget!.location.columns.namnd).toBe(2);
    expect(model.budget!.lines.map((l) => l.namnd)).toEqual(['Miljönämnden']);
  });

  it('finds the header below a 14-line parameter block', () => {
    const rows = [...preamble(14), BUDGET_HEADER, line('Miljönämnden', 'Tillsyn', 80, 30, 85)];
    const { model } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget?.location.headerRow).toBe(15);
    expect(model.budget?.lines.map((l) => l.row)).toEqual([16]);
  });

  it('does not look below row 40 without a table', () => {
    const rows = [...preamble(40), BUDGET_HEADER, line('Miljönämnden', 'Tillsyn', 80, 30, 85)];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget).toBeNull();
    expect(withRule(findings, 'IN-RUBRIK-SAKNAS')).toHaveLength(1);
  });

  it('prefers a real header row over a title that only says Budget', () => {
    const rows = [['Budget 2025'], [], ['Nämnd', 'Budget', 'Prognos'], ['KS', 10, 12]];
    const { model } = buildModel(workbook(sheet('Budget', rows), sheet('Inställningar', [['Nämnd', 'KS']])));
    expect(model.budget!.location.headerRow).toBe(3);
  });

  it('reports a missing required header once, naming the column in Swedish, and skips the sheet', () => {
    const rows = [['Nämnd', 'Verksamhet', 'Utfall', 'Prognos'], ['KS', 'Kansli', 5, 10]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget).toBeNull();
    const missing = withRule(findings, 'IN-RUBRIK-SAKNAS');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ category: 'indata', severity: 'fel', sheet: 'Budget', row: null, cell: null });
    expect(missing[0].message).toContain('kolumnen Budget');
    expect(missing[0].message).not.toContain('Nämnd');
  });

  it('names every missing column of a goal sheet', () => {
    const { findings } = buildModel(workbook(budget([]), sheet('Mål', [['ID', 'Beskrivning'], ['1', 'x']])));
    const missing = withRule(findings, 'IN-RUBRIK-SAKNAS');
    expect(missing).toHaveLength(1);
    expect(missing[0].sheet).toBe('Mål');
    expect(missing[0].message).toContain('kolumnerna Nivå och Mål');
  });

  it('accepts a budget without Nämnd column when Inställningar names the nämnd', () => {
    const rows = [['Verksamhet', 'Budget', 'Prognos'], ['Gata', 100, 90]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows), sheet('Inställningar', [['Nämnd', 'Tekniska nämnden']])));
    expect(model.budget!.lines[0].namnd).toBe('Tekniska nämnden');
    expect(withoutUnit(findings)).toHaveLength(0);
  });

  it('reads the rows and asks once for Nämnd when neither a column nor Inställningar gives it', () => {
    const rows = [['Verksamhet', 'Budget', 'Prognos'], ['Gata', 100, 90], ['Park', 50, 55]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.lines.map((l) => [l.verksamhet, l.namnd, l.avvikelse])).toEqual([['Gata', '', 10], ['Park', '', -5]]);
    expect(withRule(findings, 'IN-RUBRIK-SAKNAS')).toHaveLength(0);
    const f = withRule(findings, 'IN-NAMND-SAKNAS');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'varning', sheet: 'Budget', row: null, cell: null });
    expect(f[0].message).toContain('ingen kolumn Nämnd');
    expect(f[0].suggestion).toContain('Inställningar');
  });

  it('takes the nämnd from the title above the header when a one-nämnd export has no Nämnd column', () => {
    const rows = [['Socialnämnden'], ['Bokslut 2025, belopp i tkr'], [], ['Verksamheter (tkr)', 'Budget 2025', 'Utfall 2025'], ['Äldreomsorg', -100, -120]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.lines.map((l) => l.namnd)).toEqual(['Socialnämnden']);
    const f = withRule(findings, 'IN-NAMND-SAKNAS');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', row: null });
    expect(f[0].message).toContain('Socialnämnden');
    // The unit comes from the headers when Inställningar has no "Belopp i".
    expect(model.settings.beloppI).toBe('tkr');
    const unit = withRule(findings, 'IN-ENHET');
    expect(unit).toHaveLength(1);
    expect(unit[0]).toMatchObject({ severity: 'info', category: 'indata' });
    expect(unit[0].message).toContain('läses i tkr');
    expect(unit[0].message).toContain('Verksamheter (tkr)');
  });

  it('infers the unit from the magnitudes when nothing names one, and says so as a warning', () => {
    const rows = [['Nämnd', 'Budget', 'Prognos'], ['SN', 412_000, 420_000], ['KS', 95_000, 94_000], ['BUN', 610_000, 605_000]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.settings.beloppI).toBe('tkr');
    const unit = withRule(findings, 'IN-ENHET');
    expect(unit).toHaveLength(1);
    expect(unit[0].severity).toBe('varning');
    expect(unit[0].message).toContain('antas vara i tkr');
  });
});
