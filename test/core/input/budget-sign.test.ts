import fc from 'fast-check';
import { buildModel, TECKEN_ASSUMED_NOTE } from '../../../src/core/input';
import { checkAvvikelse } from '../../../src/core/input/budget-sign';
import { FindingSink } from '../../../src/core/input/findings';
import type { BudgetSheet } from '../../../src/core/model';
import type { CellValue } from '../../../src/core/snapshot';
import { budget, line, preamble, settings, sheet, workbook, withRule, withoutUnit } from './builders';

describe('sign convention', () => {
  it('negates Intäkt rows under kostnad positiv (the default)', () => {
    const { model, findings } = buildModel(workbook(budget([line('KS', 'Lokaler', 1000, 600, 1100), line('KS', 'Hyresintäkter', 300, 200, 350, 'Intäkt')])));
    expect(model.tecken).toEqual({ value: 'kostnad positiv', assumed: false });
    const [cost, income] = model.budget!.lines;
    expect(cost).toMatchObject({ typ: 'kostnad', budget: 1000, utfall: 600, prognos: 1100, avvikelse: -100 });
    // Revenue above budget is a surplus: avvikelse = prognos − budget = 50
    expect(income).toMatchObject({ typ: 'intakt', budget: -300, utfall: -200, prognos: -350, avvikelse: 50 });
    expect(withoutUnit(findings)).toHaveLength(0);
  });

  it('reads a kostnad negativ export (Utfall 2025, Verksamheter (tkr)) with one nämnd from Inställningar', () => {
    const rows: CellValue[][] = [
      ...preamble(4),
      ['Verksamheter (tkr)', 'Budget 2025', 'Utfall 2025', 'Återstår'],
      ['Gator och vägar', -12000, -12500, -500],
      ['Parker', -3000, -2800, 200],
      ['Avgifter', 1500, 1650, 150],
      ['Summa', -13500, -13650, -150],
    ];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows), settings({ Kommun: 'Flen', Nämnd: 'Samhällsbyggnadsnämnden' })));
    expect(model.tecken).toEqual({ value: 'kostnad negativ', assumed: true });
    expect(model.notes).toContain(TECKEN_ASSUMED_NOTE);
    expect(TECKEN_ASSUMED_NOTE).toMatch(/^Tecken saknas i Inställningar;.*antas.*kostnad negativ/);
    const b = model.budget!;
    expect(b.hasPrognos).toBe(false);
    expect(b.lines.map((l) => [l.namnd, l.verksamhet, l.budget, l.utfall, l.avvikelse])).toEqual([
      ['Samhällsbyggnadsnämnden', 'Gator och vägar', 12000, 12500, -500],
      ['Samhällsbyggnadsnämnden', 'Parker', 3000, 2800, 200],
      ['Samhällsbyggnadsnämnden', 'Avgifter', -1500, -1650, 150],
    ]);
    expect(b.lines.map((l) => l.avvikelseAngiven)).toEqual([-500, 200, 150]);
    expect(withoutUnit(findings)).toEqual([]);
  });

  it('follows Tecken in Inställningar and ignores Typ under kostnad negativ', () => {
    const { model } = buildModel(workbook(budget([line('KS', 'A', 100, 50, 120, 'Intäkt')]), settings({ Tecken: 'Kostnad negativ' })));
    expect(model.tecken).toEqual({ value: 'kostnad negativ', assumed: false });
    expect(model.notes).not.toContain(TECKEN_ASSUMED_NOTE);
    expect(model.budget!.lines[0]).toMatchObject({ budget: -100, utfall: -50, prognos: -120, avvikelse: 20 });
  });

  it('keeps kostnad positiv when Tecken says so even if most amounts are negative', () => {
    const { model } = buildModel(workbook(budget([line('KS', 'A', -100), line('KS', 'B', -50)]), settings({ Tecken: 'kostnad positiv' })));
    expect(model.tecken.value).toBe('kostnad positiv');
    expect(model.budget!.lines.map((l) => l.budget)).toEqual([-100, -50]);
  });

  it('does not assume kostnad negativ when half or fewer of the amounts are negative', () => {
    const { model } = buildModel(workbook(budget([line('KS', 'A', -100), line('KS', 'B', 50), line('KS', 'C', 0)])));
    expect(model.tecken).toEqual({ value: 'kostnad positiv', assumed: false });
  });

  it('reports an unknown Typ under kostnad positiv and counts the row as a cost', () => {
    const { model, findings } = buildModel(workbook(budget([line('KS', 'A', 100, null, null, 'Bidrag')])));
    expect(model.budget!.lines[0]).toMatchObject({ typ: 'kostnad', budget: 100 });
    expect(withRule(findings, 'IN-VARDE').map((f) => f.cell)).toEqual(['D2']);
  });

  it('converts negated plan years too', () => {
    const rows = [['Nämnd', 'Typ', 'Budget', 'Plan 2026'], ['KS', 'Intäkt', 10, 12]];
    const { model } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.planYears).toEqual([2026]);
    expect(model.budget!.lines[0].plan).toEqual([-12]);
  });
});

describe('the Avvikelse column', () => {
  const header = ['Nämnd', 'Verksamhet', 'Budget', 'Prognos', 'Avvikelse'];

  it('passes when it agrees within one unit', () => {
    const rows = [header, ['SN', 'A', 100, 120, -20], ['SN', 'B', 100.4, 90, 11]];
    const { findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(withoutUnit(findings)).toEqual([]);
  });

  it('reports a row that differs by more than one unit', () => {
    const rows = [header, ['SN', 'A', 100, 120, -20], ['SN', 'B', 100, 90, 13]];
    const { findings } = buildModel(workbook(sheet('Budget', rows)));
    const f = withRule(findings, 'IN-AVVIKELSE');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'varning', row: 3, cell: 'E3', namnd: 'SN' });
    expect(f[0].message).toContain('13');
    expect(f[0].message).toContain('budget − prognos');
  });

  it('says once that the column uses the opposite sign instead of reporting every row', () => {
    const rows = [header, ['SN', 'A', 100, 120, 20], ['SN', 'B', 100, 90, -10], ['SN', 'C', 50, 75, 25], ['SN', 'D', 10, 10, 0]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(withRule(findings, 'IN-AVVIKELSE')).toHaveLength(0);
    const info = withRule(findings, 'IN-AVVIKELSE-TECKEN');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', row: 1, cell: 'E1' });
    expect(model.budget!.lines.map((l) => l.avvikelseAngiven)).toEqual([-20, 10, -25, 0]);
  });

  it('still reports rows that match neither sign when the column is opposite', () => {
    const rows: CellValue[][] = [header];
    for (let i = 0; i < 20; i++) rows.push(['SN', 'V' + i, 100, 100 + i + 1, i + 1]);
    rows.push(['SN', 'X', 100, 110, 55]);
    const { findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(withRule(findings, 'IN-AVVIKELSE-TECKEN')).toHaveLength(1);
    expect(withRule(findings, 'IN-AVVIKELSE').map((f) => f.row)).toEqual([22]);
  });

  it('reports each row when only a few have the opposite sign', () => {
    const rows = [header, ['SN', 'A', 100, 120, 20], ['SN', 'B', 100, 90, 10], ['SN', 'C', 50, 75, -25]];
    const { findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(withRule(findings, 'IN-AVVIKELSE-TECKEN')).toHaveLength(0);
    expect(withRule(findings, 'IN-AVVIKELSE').map((f) => f.row)).toEqual([2]);
  });

  it('compares with utfall when there is no Prognos column', () => {
    const rows = [['Nämnd', 'Budget', 'Utfall', 'Budgetavvikelse'], ['SN', 100, 130, -30], ['SN', 100, 70, 20]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.lines.map((l) => l.avvikelse)).toEqual([-30, 30]);
    const f = withRule(findings, 'IN-AVVIKELSE');
    expect(f.map((x) => x.row)).toEqual([3]);
    expect(f[0].message).toContain('budget − utfall');
  });

  it('leaves avvikelse null when budget or prognos is missing', () => {
    const rows = [header, ['SN', 'A', 100, null, 5], ['SN', 'B', null, 50, 5]];
    const { model, findings } = buildModel(workbook(sheet('Budget', rows)));
    expect(model.budget!.lines.map((l) => l.avvikelse)).toEqual([null, null]);
    expect(withRule(findings, 'IN-AVVIKELSE')).toHaveLength(0);
  });
});

describe('checkAvvikelse against the line-by-line way', () => {
  /** The plain algorithm: count, maybe turn the column, then compare every line again. */
  function reference(budget: BudgetSheet, sink: FindingSink): void {
    const col = budget.location.columns['avvikelse'];
    if (col === undefined) return;
    const tol = (x: number) => 1 + 1e-9 * Math.max(1, Math.abs(x));
    let signed = 0;
    let opposite = 0;
    for (const l of budget.lines) {
      if (l.avvikelse === null || l.avvikelseAngiven === null) continue;
      if (Math.abs(l.avvikelse) <= tol(l.avvikelse)) continue;
      signed++;
      if (Math.abs(l.avvikelseAngiven + l.avvikelse) <= tol(l.avvikelse)) opposite++;
    }
    const flipped = signed > 0 && opposite >= Math.max(1, Math.ceil(0.9 * signed));
    if (flipped) {
      for (const l of budget.lines) l.avvikelseAngiven = l.avvikelseAngiven === null || l.avvikelseAngiven === 0 ? l.avvikelseAngiven : -l.avvikelseAngiven;
      sink.add({ rule: 'IN-AVVIKELSE-TECKEN', severity: 'info', sheet: budget.location.name, row: budget.location.headerRow, message: `${opposite} av ${signed}`, suggestion: '', avsnitt: 'Budget' });
    }
    for (const l of budget.lines) {
      if (l.avvikelse === null || l.avvikelseAngiven === null) continue;
      if (Math.abs(l.avvikelseAngiven - l.avvikelse) <= tol(l.avvikelse)) continue;
      sink.add({ rule: 'IN-AVVIKELSE', severity: 'varning', sheet: budget.location.name, row: l.row, message: '', suggestion: '', avsnitt: 'Budget' });
    }
  }

  const amount = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
    { weight: 2, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(null, 0, -0, 1, -1, 1.0000000005, 2, 1e12, -1e12 - 1) },
  );
  // Given values: the computed one, its negation, near misses and unrelated values.
  const given = (avvikelse: number | null) =>
    fc.oneof(fc.constant(avvikelse), fc.constant(avvikelse === null ? null : -avvikelse), fc.constant(avvikelse === null ? null : avvikelse + 1.5), amount);
  const line = amount.chain((avvikelse) => given(avvikelse).map((avvikelseAngiven) => ({ avvikelse, avvikelseAngiven })));

  it('turns the column and reports the same lines, in the same order', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (values) => {
        const make = (): BudgetSheet => ({
          location: { name: 'Budget', headerRow: 1, columns: { namnd: 1, budget: 2, avvikelse: 3 }, headers: {} },
          lines: values.map((v, i) => ({ row: i + 2, namnd: 'N', verksamhet: null, konto: null, typ: 'kostnad', budget: 1, utfall: null, prognos: 1, avvikelse: v.avvikelse, avvikelseAngiven: v.avvikelseAngiven, kommentar: null, plan: [] })),
          totals: [],
          hasPrognos: true,
          planYears: [],
        });
        const [a, b] = [make(), make()];
        const [sa, sb] = [new FindingSink(), new FindingSink()];
        checkAvvikelse(a, sa);
        reference(b, sb);
        expect(a.lines).toEqual(b.lines);
        const shape = (s: FindingSink) => s.finish().map((f) => [f.rule, f.row]);
        expect(shape(sa)).toEqual(shape(sb));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('amounts near the limits of a double', () => {
  it('gives no deviation when budget − prognos is beyond what a double holds (found by the fuzz test)', () => {
    const { model } = buildModel(workbook(budget([line('KS', 'A', 1.7e308, null, -1.7e308)]), settings({ 'Belopp i': 'kr', Tecken: 'kostnad positiv' })));
    expect(model.budget!.lines[0]).toMatchObject({ budget: 1.7e308, prognos: -1.7e308, avvikelse: null });
  });
});
