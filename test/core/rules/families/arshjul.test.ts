import { budgetLine, budgetSheet, location } from '../builders';
import { check, cleanModel, plain, where } from './family-builders';

describe('ARS-PROGNOS-SAKNAS (arbetsbok)', () => {
  const noPrognos = (month: number) => {
    const m = cleanModel();
    const cols = { namnd: 1, verksamhet: 2, budget: 3, utfall: 4 };
    m.budget = budgetSheet([budgetLine({ row: 2, budget: 1_000_000, utfall: 1_000_000, prognos: null })], { hasPrognos: false, location: location('Budget', cols) });
    m.settings.period = { year: 2025, month };
    return m;
  };
  test('Hedemora August (delårsrapport with helårsprognos) without a Prognos column fires', async () => {
    const fs = await check(noPrognos(8));
    expect(fs.map(where)).toEqual([{ rule: 'ARS-PROGNOS-SAKNAS', category: 'arshjul', sheet: null, row: null, cell: null }]);
    expect(plain(fs[0].message)).toContain('Perioden gäller Delårsrapport per 31 augusti med helårsprognos');
  });
  test('an empty Prognos column fires too; Flen nämndrapport 4 (October) requires one', async () => {
    const m = cleanModel();
    m.budget!.lines[0].prognos = null;
    m.settings.period = { year: 2025, month: 10 };
    expect((await check(m, 'flen')).map((f) => f.rule)).toContain('ARS-PROGNOS-SAKNAS');
  });
  test('a period without prognos in the calendar, or no Period, stays silent', async () => {
    expect((await check(noPrognos(4))).map((f) => f.rule)).not.toContain('ARS-PROGNOS-SAKNAS');
    expect((await check(noPrognos(5), 'flen')).map((f) => f.rule)).not.toContain('ARS-PROGNOS-SAKNAS');
    const m = noPrognos(8);
    m.settings.period = null;
    expect((await check(m)).map((f) => f.rule)).not.toContain('ARS-PROGNOS-SAKNAS');
  });
});

describe('ARS-PROGNOS-NAMND-SAKNAS and ARS-PROGNOS-RADER-SAKNAS (nämnd)', () => {
  const twoNamnder = (month: number) => {
    const m = cleanModel();
    m.budget = budgetSheet([
      budgetLine({ row: 2, namnd: 'Socialnämnden', budget: 1_000_000, prognos: 1_000_000 }),
      budgetLine({ row: 3, namnd: 'Socialnämnden', budget: 500_000, prognos: null }),
      budgetLine({ row: 4, namnd: 'Kommunstyrelsen', budget: 800_000, prognos: null }),
      budgetLine({ row: 5, namnd: 'Kommunstyrelsen', budget: 200_000, prognos: null }),
    ]);
    m.settings.period = { year: 2025, month };
    return m;
  };
  test('in a month that asks for a helårsprognos: a nämnd with none is a fel, a nämnd missing it on some lines a varning', async () => {
    const fs = (await check(twoNamnder(8))).filter((f) => f.rule.startsWith('ARS-PROGNOS'));
    expect(fs.map((f) => [f.rule, f.severity, f.namnd, f.row])).toEqual([
      ['ARS-PROGNOS-NAMND-SAKNAS', 'fel', 'Kommunstyrelsen', 4],
      ['ARS-PROGNOS-RADER-SAKNAS', 'varning', 'Socialnämnden', 2],
    ]);
    expect(plain(fs[0].message)).toContain('Kommunstyrelsen har ingen helårsprognos på någon av sina 2 budgetrader');
    expect(plain(fs[1].message)).toContain('1 av 2 budgetrader');
  });
  test('a month without a prognos in the calendar stays silent, and so does a workbook with no prognos at all (ARS-PROGNOS-SAKNAS says that)', async () => {
    expect((await check(twoNamnder(4))).map((f) => f.rule).filter((r) => r.startsWith('ARS-PROGNOS'))).toEqual([]);
    const none = twoNamnder(8);
    for (const l of none.budget!.lines) l.prognos = null;
    expect((await check(none)).map((f) => f.rule).filter((r) => r.startsWith('ARS-PROGNOS'))).toEqual(['ARS-PROGNOS-SAKNAS']);
  });
  test('a prognos that could not be read is an input error, not a missing prognos', async () => {
    const m = twoNamnder(8);
    m.budget!.unreadablePrognos = new Set([m.budget!.lines[1]]);
    expect((await check(m)).map((f) => f.rule)).not.toContain('ARS-PROGNOS-RADER-SAKNAS');
  });
});

describe('ARS-UPPDRAG-FORSENAT and ARS-ATGARD-FORSENAD', () => {
  test('Klart senast before the end of the Period and not done fires on the Klart senast cell', async () => {
    const m = cleanModel();
    m.uppdrag!.items[0].klartSenast = '2025-06-30';
    m.atgarder!.items[0].klartSenast = '2025-08-30';
    const fs = await check(m);
    expect(fs.map(where)).toEqual([
      { rule: 'ARS-UPPDRAG-FORSENAT', category: 'arshjul', sheet: 'Uppdrag', row: 2, cell: 'H2' },
      { rule: 'ARS-ATGARD-FORSENAD', category: 'arshjul', sheet: 'Åtgärder', row: 2, cell: 'E2' },
    ].sort((a, b) => a.sheet.localeCompare(b.sheet, 'sv')));
    expect(plain(fs.find((f) => f.rule === 'ARS-UPPDRAG-FORSENAT')!.message)).toContain('klart senast 2025-06-30 men har status Pågår när perioden slutar 2025-08-31');
  });
  test('done, due on the last day of the Period, or no Period, stays silent', async () => {
    const m = cleanModel();
    Object.assign(m.uppdrag!.items[0], { klartSenast: '2025-06-30', status: 'Genomförd' });
    m.atgarder!.items[0].klartSenast = '2025-08-31';
    expect(await check(m)).toEqual([]);
    m.uppdrag!.items[0].status = 'Pågår';
    m.settings.period = null;
    expect(await check(m)).toEqual([]);
  });
});

describe('ARS-PLANAR-SAKNAS (arbetsbok)', () => {
  const budgetOnly = (planYears: number[]) => {
    const m = cleanModel();
    m.budget = budgetSheet([budgetLine({ row: 2, utfall: null, prognos: null })], { hasPrognos: false, planYears, location: location('Budget', { namnd: 1, budget: 2 }) });
    m.settings.period = null; // a budget, not a follow-up
    return m;
  };
  test('a budget (no utfall, no prognos) without plan years fires', async () => {
    expect((await check(budgetOnly([]))).map((f) => f.rule)).toEqual(['ARS-PLANAR-SAKNAS']);
  });
  test('a budget with plan years, or a follow-up workbook without, stays silent', async () => {
    expect(await check(budgetOnly([2026, 2027]))).toEqual([]);
    expect(await check(cleanModel())).toEqual([]);
  });
});
