import fc from 'fast-check';
import type { BudgetLine } from '../../../src/core/model';
import { namndTotals, totalsFromSums } from '../../../src/core/rules/namnd-totals';
import { SharedFacts } from '../../../src/core/rules/facts';
import { looseKey } from '../../../src/core/rules/text';
import { buildModel, foldText } from '../../../src/core/input';
import { budget, settings, workbook } from '../input/builders';
import { budgetLine } from './builders';

/** The plain way: group the lines by loose name, then add up each group's values row by row. */
function reference(lines: BudgetLine[]) {
  const groups = new Map<string, BudgetLine[]>();
  for (const l of lines) {
    const key = foldText(l.namnd ?? '').replace(/[^a-z0-9]/g, '');
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const sum = (ls: BudgetLine[], f: (l: BudgetLine) => number | null) => {
    let total: number | null = null;
    for (const l of ls) {
      const v = f(l);
      if (typeof v === 'number' && Number.isFinite(v)) total = (total ?? 0) + v;
    }
    return total;
  };
  return [...groups].map(([key, ls]) => ({
    namnd: ls[0].namnd,
    key,
    lines: ls.length,
    firstRow: ls[0].row,
    budget: sum(ls, (l) => l.budget),
    utfall: sum(ls, (l) => l.utfall),
    prognos: sum(ls, (l) => l.prognos),
    avvikelse: sum(ls, (l) => l.avvikelse),
  }));
}

const amount = fc.oneof(fc.integer({ min: -2e6, max: 2e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(null, -0, Number.NaN, Number.POSITIVE_INFINITY));
const name = fc.constantFrom('Socialnämnden', 'SOCIALNÄMNDEN', ' socialnamnden ', 'Social-nämnden', 'Kommunstyrelsen', '', 'Valnämnden');

describe('namndTotals', () => {
  test('groups loosely written names in order of first appearance and sums each column row by row', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ namnd: name, budget: amount, utfall: amount, prognos: amount, avvikelse: amount }), { maxLength: 40 }), (overs) => {
        const lines = overs.map((o, i) => budgetLine({ ...o, row: i + 2 }));
        expect(namndTotals(lines)).toEqual(reference(lines));
      }),
      { numRuns: 1000 },
    );
  });

  test('looseKey folds case, å/ä/ö and punctuation, also when asked again for the same text', () => {
    for (let i = 0; i < 2; i++) {
      expect(looseKey(' Social-NÄMNDEN ')).toBe('socialnamnden');
      expect(looseKey('Barn- och utbildningsnämnden')).toBe('barnochutbildningsnamnden');
    }
  });
});

describe('the sums normalizeBudget keeps per nämnd name', () => {
  const cell = fc.oneof(fc.integer({ min: -2e6, max: 2e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(null, 0, -0));
  const row = fc.record({ namnd: fc.constantFrom('Socialnämnden', 'SOCIALNÄMNDEN', 'Social-nämnden', 'Kommunstyrelsen', 'Valnämnden'), typ: fc.constantFrom('Kostnad', 'Intäkt'), budget: cell, utfall: cell, prognos: cell });

  test('give namndTotals of the normalised lines, or null when two names are loosely equal', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.constantFrom('kostnad positiv', 'kostnad negativ'), (rows, tecken) => {
        const sheet = budget(rows.map((r) => [r.namnd, 'Hemtjänst', null, r.typ, r.budget, r.utfall, r.prognos, null]));
        const { model } = buildModel(workbook(settings({ Tecken: tecken }), sheet));
        const lines = model.budget!.lines;
        const names = new Set(lines.map((l) => l.namnd));
        const keys = new Set([...names].map(looseKey));
        const fromSums = totalsFromSums(model.budget!.namndSums!);
        expect(fromSums).toEqual(names.size === keys.size ? namndTotals(lines) : null);
        expect(new SharedFacts(model).namndTotals()).toEqual(namndTotals(lines));
      }),
      { numRuns: 500 },
    );
  });
});
