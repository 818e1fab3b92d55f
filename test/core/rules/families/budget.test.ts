import fc from 'fast-check';
import { checkModel } from '../../../../src/core/check';
import type { Finding } from '../../../../src/core/finding';
import type { Model } from '../../../../src/core/model';
import { atgard, budgetLine, budgetSheet, location, model, realRuleSet, table } from '../builders';

const ruleSet = realRuleSet();
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

async function findings(m: Model, profile = 'standard'): Promise<Finding[]> {
  return (await checkModel(m, [], { ruleSet, profile })).findings;
}
const ids = (fs: Finding[]) => fs.map((f) => f.rule).sort();

describe('BUD-UNDERSKOTT and BUD-UNDERSKOTT-STORT (budgetrad)', () => {
  test('a 6 % deficit of at least the minimum amount is a varning on the prognos cell', async () => {
    const line = budgetLine({ budget: 2_000_000, prognos: 2_120_000 });
    const [f, ...rest] = await findings(model({ budget: budgetSheet([line]) }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'BUD-UNDERSKOTT', severity: 'varning', category: 'budget', sheet: 'Budget', row: line.row, cell: `F${line.row}`, namnd: 'Socialnämnden' });
    expect(plain(f.message)).toBe('Socialnämnden, Hemtjänst: underskott på 120 000 kr mot budget, 6,0 % av budgeten 2 000 000 kr.');
    expect(f.source).toBe('Hedemora styrmodell, Budgetavvikelser');
  });

  test('a line with no verksamhet is named by its konto, and by "–" when it has neither', async () => {
    const byKonto = budgetLine({ verksamhet: null, konto: '4010', budget: 2_000_000, prognos: 2_120_000 });
    const bare = budgetLine({ verksamhet: null, konto: null, budget: 2_000_000, prognos: 2_120_000 });
    const fs = await findings(model({ budget: budgetSheet([byKonto, bare]) }));
    expect(fs.map((f) => plain(f.message).split(':')[0])).toEqual(['Socialnämnden, konto 4010', 'Socialnämnden, –']);
  });

  test('escalates to fel from 10 % and does not also warn', async () => {
    const fs = await findings(model({ budget: budgetSheet([budgetLine({ budget: 2_000_000, prognos: 2_200_000 })]) }));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['BUD-UNDERSKOTT-STORT', 'fel']]);
  });

  test('stays silent below the percent threshold, below the minimum amount and on a surplus', async () => {
    const lines = [
      budgetLine({ budget: 10_000_000, prognos: 10_400_000 }), // 4 %
      budgetLine({ budget: 1_000_000, prognos: 1_080_000 }), // 8 % but 80 000 kr
      budgetLine({ budget: 1_000_000, prognos: 950_000 }), // surplus 5 %
    ];
    expect(await findings(model({ budget: budgetSheet(lines) }))).toEqual([]);
  });

  test('without a Prognos column the deviation on Utfall points at the Utfall cell', async () => {
    const cols = { namnd: 1, verksamhet: 2, budget: 3, utfall: 4 };
    const line = budgetLine({ budget: 2_000_000, utfall: 2_150_000, prognos: null });
    const sheet = budgetSheet([line], { hasPrognos: false, location: location('Budget', cols) });
    const [f] = await findings(model({ budget: sheet }));
    expect(f).toMatchObject({ rule: 'BUD-UNDERSKOTT', cell: `D${line.row}` });
  });

  test('fires exactly within its band for random amounts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: -30_000_000, max: 30_000_000 }), async (budget, delta) => {
        const line = budgetLine({ budget, prognos: budget + delta });
        const fired = ids(await findings(model({ budget: budgetSheet([line]) })));
        const deficit = Math.max(0, delta);
        const pct = (deficit / budget) * 100;
        const big = deficit >= 100_000;
        expect(fired.includes('BUD-UNDERSKOTT')).toBe(big && deficit > 0 && pct >= 5 && pct < 10);
        expect(fired.includes('BUD-UNDERSKOTT-STORT')).toBe(big && deficit > 0 && pct >= 10);
        expect(fired.includes('BUD-OVERSKOTT')).toBe(-delta >= 100_000 && (-delta / budget) * 100 >= 10);
      }),
      { numRuns: 150 },
    );
  });
});

describe('BUD-OVERSKOTT (budgetrad)', () => {
  test('a surplus from 10 % is info', async () => {
    const [f] = await findings(model({ budget: budgetSheet([budgetLine({ budget: 2_000_000, prognos: 1_700_000 })]) }), 'hedemora');
    expect(f).toMatchObject({ rule: 'BUD-OVERSKOTT', severity: 'info' });
    expect(plain(f.message)).toContain('överskott på 300 000 kr');
  });
});

describe('BUD-UTAN-BUDGET (budgetrad)', () => {
  test('utfall or prognos on a line without budget points at the Budget cell', async () => {
    const a = budgetLine({ budget: null, utfall: 20_000, prognos: 50_000 });
    const b = budgetLine({ budget: 0, utfall: null, prognos: 10 });
    const fs = await findings(model({ budget: budgetSheet([a, b]) }));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([
      ['BUD-UTAN-BUDGET', `D${a.row}`],
      ['BUD-UTAN-BUDGET', `D${b.row}`],
    ]);
    expect(plain(fs[0].message)).toBe('Socialnämnden, Hemtjänst: utfall 20 000 kr och prognos 50 000 kr men ingen budget.');
  });

  test('an empty line without budget is not reported', async () => {
    expect(await findings(model({ budget: budgetSheet([budgetLine({ budget: null, utfall: null, prognos: 0 })]) }))).toEqual([]);
  });
});

describe('BUD-ATGARDSPLAN-SAKNAS (namnd)', () => {
  // Two lines, each below the line thresholds, together 600 000 kr (3 %) short.
  const lines = () => [
    budgetLine({ budget: 10_000_000, prognos: 10_300_000 }),
    budgetLine({ budget: 10_000_000, prognos: 10_300_000, verksamhet: 'Särskilt boende' }),
  ];

  test('a nämnd deficit without åtgärder is fel on its first row', async () => {
    const ls = lines();
    const fs = await findings(model({ budget: budgetSheet(ls) }), 'hedemora');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'BUD-ATGARDSPLAN-SAKNAS', severity: 'fel', row: ls[0].row, cell: `F${ls[0].row}`, namnd: 'Socialnämnden' });
    expect(plain(fs[0].message)).toBe(
      'Socialnämnden prognostiserar ett underskott på 600 000 kr, 3,0 % av budgeten 20 000 000 kr, men har ingen åtgärdsplan i bladet Åtgärder.',
    );
  });

  test('points at the nämnd total row when there is one', async () => {
    const sheet = budgetSheet(lines(), { totals: [{ row: 90, label: 'Summa Socialnämnden' }] });
    const [f] = await findings(model({ budget: sheet }));
    expect(f).toMatchObject({ row: 90, cell: 'F90' });
  });

  test('an åtgärd for the nämnd (written loosely) satisfies it', async () => {
    const atgarder = table('Åtgärder', [atgard({ namnd: ' socialnämnden' })]);
    expect(await findings(model({ budget: budgetSheet(lines()), atgarder }))).toEqual([]);
  });

  test('an åtgärd for another nämnd does not', async () => {
    const atgarder = table('Åtgärder', [atgard({ namnd: 'Barn- och utbildningsnämnden' })]);
    expect(ids(await findings(model({ budget: budgetSheet(lines()), atgarder })))).toEqual(['BUD-ATGARDSPLAN-SAKNAS']);
  });

  test('Flen requires a plan for any deficit, Hedemora only for larger ones', async () => {
    const small = () => model({ budget: budgetSheet([budgetLine({ budget: 10_000_000, prognos: 10_001_000 })]) });
    expect(ids(await findings(small(), 'flen'))).toEqual(['BUD-ATGARDSPLAN-SAKNAS']);
    expect(await findings(small(), 'hedemora')).toEqual([]);
    const [f] = await findings(small(), 'flen');
    expect(f.source).toBe('Flens styrmodell, Nämndrapport');
  });

  test('nämnder are checked separately', async () => {
    const ls = [...lines(), budgetLine({ namnd: 'Kultur- och fritidsnämnden', budget: 5_000_000, prognos: 4_000_000 })];
    const fs = await findings(model({ budget: budgetSheet(ls) }));
    expect(fs.filter((f) => f.rule === 'BUD-ATGARDSPLAN-SAKNAS').map((f) => f.namnd)).toEqual(['Socialnämnden']);
  });
});

describe('BUD-PLANAR (arbetsbok, through json-rules-engine)', () => {
  const withPlans = (years: number[]) => model({ budget: budgetSheet([budgetLine()], { planYears: years }) });

  test('Flen wants three plan years', async () => {
    const fs = await findings(withPlans([2026, 2027]), 'flen');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'BUD-PLANAR', sheet: null, row: null, cell: null });
    expect(fs[0].message).toBe('Bladet Budget har 2 planår efter budgetåret men styrmodellen kräver 3.');
    expect(await findings(withPlans([2026, 2027, 2028]), 'flen')).toEqual([]);
  });

  test('a follow-up workbook without plan columns is not reported', async () => {
    expect(await findings(withPlans([]), 'flen')).toEqual([]);
    expect(await findings(withPlans([2026]), 'hedemora')).toHaveLength(1);
  });
});
