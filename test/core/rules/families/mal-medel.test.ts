import { budgetLine, budgetSheet } from '../builders';
import { check, cleanModel, goalOf, plain, where } from './family-builders';

describe('MM-UPPDRAG-OFINANSIERAT (uppdrag)', () => {
  test('a cost that is not funded fires on the Finansierad cell, with the amount in kr', async () => {
    const m = cleanModel();
    m.uppdrag!.items[0].finansierad = false;
    m.settings.beloppI = 'tkr';
    const fs = await check(m);
    expect(fs.map(where)).toEqual([{ rule: 'MM-UPPDRAG-OFINANSIERAT', category: 'mal-medel', sheet: 'Uppdrag', row: 2, cell: 'F2' }]);
    expect(plain(fs[0].message)).toContain('kostar 300 000 kr men är inte finansierat (Finansierad: Nej)');
  });
  test('a blank Finansierad with a cost fires too; no cost, or funded, stays silent', async () => {
    const m = cleanModel();
    m.uppdrag!.items[0].finansierad = null;
    expect((await check(m)).map((f) => f.rule)).toEqual(['MM-UPPDRAG-OFINANSIERAT']);
    m.uppdrag!.items[0].kostnad = 0;
    expect(await check(m)).toEqual([]);
  });
});

describe('MM-MAL-KRAVER-MEDEL-VID-UNDERSKOTT (mal)', () => {
  const deficit = () => {
    const m = cleanModel();
    m.budget = budgetSheet([budgetLine({ row: 2, budget: 1_000_000, prognos: 1_004_000 })]);
    goalOf(m, 'NM').prognos = 'delvis'; // so MM-UNDERSKOTT-ALLA-MAL-UPPNAS stays out of it
    return m;
  };
  test('a goal that needs money while its nämnd forecasts a deficit fires on Kräver medel', async () => {
    const m = deficit();
    goalOf(m, 'AK').kraverMedel = 850_000;
    const fs = await check(m);
    expect(fs.map(where)).toEqual([{ rule: 'MM-MAL-KRAVER-MEDEL-VID-UNDERSKOTT', category: 'mal-medel', sheet: 'Mål', row: 6, cell: 'H6' }]);
    expect(plain(fs[0].message)).toBe('AK (Aktivitet) kräver 850 000 kr i nya medel medan Socialnämnden prognostiserar ett underskott på 4 000 kr.');
  });
  test('no deficit, or a goal of another nämnd, stays silent', async () => {
    const m = cleanModel();
    goalOf(m, 'AK').kraverMedel = 850_000;
    expect(await check(m)).toEqual([]);
    const d = deficit();
    Object.assign(goalOf(d, 'AK'), { kraverMedel: 850_000, namnd: 'Kommunstyrelsen' });
    expect(await check(d)).toEqual([]);
  });
});

describe('MM-UNDERSKOTT-ALLA-MAL-UPPNAS (namnd)', () => {
  test('a deficit while every goal with a prognos is Uppnås fires on the nämnd in Budget', async () => {
    const m = cleanModel();
    m.budget = budgetSheet([budgetLine({ row: 2, budget: 1_000_000, prognos: 1_004_000 })], { totals: [{ row: 3, label: 'Summa Socialnämnden' }] });
    const fs = await check(m);
    expect(fs.map(where)).toEqual([{ rule: 'MM-UNDERSKOTT-ALLA-MAL-UPPNAS', category: 'mal-medel', sheet: 'Budget', row: 3, cell: 'F3' }]);
    expect(plain(fs[0].message)).toContain('alla 3 mål med prognos uppnås');
  });
  test('one goal Delvis, or no goal with a prognos, stays silent', async () => {
    const m = cleanModel();
    m.budget = budgetSheet([budgetLine({ row: 2, budget: 1_000_000, prognos: 1_004_000 })]);
    goalOf(m, 'FM').prognos = 'delvis';
    expect(await check(m)).toEqual([]);
    for (const g of m.goals!.items) g.prognos = null;
    expect(await check(m)).toEqual([]);
  });
});
