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
