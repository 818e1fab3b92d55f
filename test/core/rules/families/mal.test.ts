import { check, cleanModel, goalOf, indicatorOf, plain, where } from './family-builders';

describe('MAL-INDIKATOR-EJ-I-FAS (indikator)', () => {
  test('an outcome behind the line from baseline to target fires on the Utfall cell', async () => {
    const m = cleanModel();
    indicatorOf(m, 'I2').outcome = 82; // line 80 (2023) → 90 (2027) is 82.5 in 2024
    const fs = await check(m);
    expect(fs.map(where)).toEqual([{ rule: 'MAL-INDIKATOR-EJ-I-FAS', category: 'mal', sheet: 'Indikatorer', row: 3, cell: 'I3' }]);
    expect(plain(fs[0].message)).toContain('utfallet 82 år 2024 ligger efter linjen från 80 (2023) mot målvärdet 90 (2027), som år 2024 är 82,5 (högre är bättre)');
  });
  test('on the line, and lower-is-better moving down fast enough, stay silent', async () => {
    const m = cleanModel();
    indicatorOf(m, 'I2').outcome = 82.5;
    indicatorOf(m, 'I3').outcome = 9; // 10 → 6 over 2023–2027: 9 in 2024 is on the line
    expect(await check(m)).toEqual([]);
  });
  test('lower is better: a rise is off track', async () => {
    const m = cleanModel();
    indicatorOf(m, 'I3').outcome = 10.5;
    expect((await check(m)).map((f) => [f.rule, f.row])).toEqual([['MAL-INDIKATOR-EJ-I-FAS', 4]]);
  });
  test('missing data is not judged', async () => {
    const m = cleanModel();
    indicatorOf(m, 'I2').outcome = null;
    expect(await check(m)).toEqual([]);
  });
});

describe('MAL-INDIKATOR-MALAR-PASSERAT (indikator)', () => {
  test('a target year before the Period year without reaching the target fires instead of the off-track rule', async () => {
    const m = cleanModel();
    Object.assign(indicatorOf(m, 'I2'), { targetYear: 2024, outcome: 85 });
    const fs = await check(m);
    expect(fs.map(where)).toEqual([{ rule: 'MAL-INDIKATOR-MALAR-PASSERAT', category: 'mal', sheet: 'Indikatorer', row: 3, cell: 'I3' }]);
  });
  test('is relative to the workbook, not the clock: the same indicator in a 2024 workbook is only off track', async () => {
    const m = cleanModel();
    Object.assign(indicatorOf(m, 'I2'), { targetYear: 2024, outcome: 85 });
    m.settings.period = { year: 2024, month: 8 };
    m.settings.budgetar = 2024;
    expect((await check(m)).map((f) => f.rule)).toEqual(['MAL-INDIKATOR-EJ-I-FAS']);
  });
  test('a reached target, or the target year being the Period year, stays silent', async () => {
    const m = cleanModel();
    Object.assign(indicatorOf(m, 'I2'), { targetYear: 2024, outcome: 91 });
    Object.assign(indicatorOf(m, 'I1'), { targetYear: 2025, outcome: 86 }); // line 80 → 90 (2023–2025) is 85 in 2024
    expect(await check(m)).toEqual([]);
  });
  test('without a Period the Budgetår is the reference year', async () => {
    const m = cleanModel();
    Object.assign(indicatorOf(m, 'I2'), { targetYear: 2024, outcome: 85 });
    m.settings.period = null;
    expect((await check(m)).map((f) => f.rule)).toEqual(['MAL-INDIKATOR-MALAR-PASSERAT']);
  });
});

describe('MAL-UPPNAS-EJ-UTAN-ATGARD (mal)', () => {
  test('Uppnås ej with no åtgärd naming the goal fires on the Prognos cell', async () => {
    const m = cleanModel();
    goalOf(m, 'FM').prognos = 'uppnas-ej';
    const fs = await check(m);
    expect(fs.map(where)).toEqual([{ rule: 'MAL-UPPNAS-EJ-UTAN-ATGARD', category: 'mal', sheet: 'Mål', row: 5, cell: 'G5' }]);
    expect(plain(fs[0].message)).toContain('ingen åtgärd för Socialnämnden i bladet Åtgärder nämner målet (nämnden har 1 åtgärder)');
  });
  test('an åtgärd of the nämnd that names the goal ID satisfies it; Delvis is not flagged', async () => {
    const m = cleanModel();
    goalOf(m, 'FM').prognos = 'uppnas-ej';
    goalOf(m, 'NM').prognos = 'delvis';
    m.atgarder!.items[0].text = 'Ny rutin för mål FM.';
    expect(await check(m)).toEqual([]);
  });
  test('an åtgärd that quotes the whole goal text (loosely) satisfies it; part of the text does not', async () => {
    for (const [goalText, atgardText, fires] of [
      ['Trygg och säker skolmiljö', 'Arbeta för en TRYGG OCH SÄKER skolmiljö.', false],
      ['Öka andelen behöriga lärare', 'Rekrytering: öka andelen behöriga lärare', false],
      ['Öka andelen behöriga lärare', 'Rekrytering: öka andelen behöriga', true],
      ['Trygg och säker skolmiljö', 'Trygg skolmiljö', true],
    ] as const) {
      const m = cleanModel();
      Object.assign(goalOf(m, 'FM'), { prognos: 'uppnas-ej', text: goalText });
      m.atgarder!.items[0].text = atgardText;
      expect((await check(m)).map((f) => f.rule)).toEqual(fires ? ['MAL-UPPNAS-EJ-UTAN-ATGARD'] : []);
    }
  });
  test('an åtgärd of another nämnd does not count', async () => {
    const m = cleanModel();
    goalOf(m, 'FM').prognos = 'uppnas-ej';
    Object.assign(m.atgarder!.items[0], { namnd: 'Kommunstyrelsen', text: 'Åtgärd för FM' });
    expect((await check(m)).map((f) => f.rule)).toEqual(['MAL-UPPNAS-EJ-UTAN-ATGARD']);
  });
});
