import type { Model } from '../../../../src/core/model';
import { check, cleanModel, goalOf, indicatorOf, plain, where } from './family-builders';

type Case = [string, (m: Model) => void, number, string, string?];

// Each case: rule, the change that makes it fire, the row and the cell it must point at.
const SHEETS: Record<string, string> = { ROD: 'Mål' };
const fires: Case[] = [
  ['ROD-FORALDER-SAKNAS', (m) => void (goalOf(m, 'FM').parentId = null), 5, 'D5'],
  ['ROD-AKTIVITET-UTAN-MAL', (m) => void (goalOf(m, 'AK').parentId = null), 6, 'D6'],
  ['ROD-FORALDER-OKAND', (m) => void (goalOf(m, 'FM').parentId = 'NM-9'), 5, 'D5'],
  ['ROD-FORALDER-NIVA', (m) => void (goalOf(m, 'AK').parentId = 'NM'), 6, 'D6'],
  ['ROD-NIVA-OKAND', (m) => void (goalOf(m, 'AK').niva = 'Delmål'), 6, 'B6'],
  ['ROD-ID-DUBBLETT', (m) => m.goals!.items.push({ ...goalOf(m, 'AK'), row: 7 }), 7, 'A7'],
  ['ROD-KF-MAL-EJ-NEDBRUTET', (m) => m.goals!.items.push({ ...goalOf(m, 'IM'), row: 7, id: 'IM2' }), 7, 'A7'],
  ['ROD-NAMNDMAL-UTAN-INDIKATOR', (m) => void (indicatorOf(m, 'I2').goalId = 'FM'), 4, 'A4'],
  ['ROD-PERSPEKTIV-SAKNAS', (m) => void (goalOf(m, 'NM').perspektiv = null), 4, 'F4'],
  ['ROD-PERSPEKTIV-OKANT', (m) => void (goalOf(m, 'NM').perspektiv = 'Tillväxt'), 4, 'F4'],
];
const firesIndicator: Case[] = [
  ['ROD-IND-MAL-SAKNAS', (m) => m.indicators!.items.push({ ...indicatorOf(m, 'I2'), row: 5, id: 'I9', goalId: 'NM-9' }), 5, 'B5'],
  ['ROD-IND-MALVARDE-SAKNAS', (m) => Object.assign(indicatorOf(m, 'I2'), { target: null, targetYear: null }), 3, 'G3'],
  ['ROD-IND-MALAR-SAKNAS', (m) => void (indicatorOf(m, 'I2').targetYear = null), 3, 'H3'],
  ['ROD-IND-UTGANGSVARDE-SAKNAS', (m) => Object.assign(indicatorOf(m, 'I2'), { baseline: null, baselineYear: null }), 3, 'E3'],
  ['ROD-IND-UTGANGSAR-SAKNAS', (m) => void (indicatorOf(m, 'I2').baselineYear = null), 3, 'F3'],
];

async function only(m: Model, profile = 'hedemora') {
  return (await check(m, profile)).map(where);
}

describe('röd tråd: each rule fires on its cell and nothing else fires', () => {
  test.each(fires)('%s', async (rule, change, row, cell) => {
    const m = cleanModel();
    change(m);
    expect(await only(m)).toEqual([{ rule, category: 'rod-trad', sheet: SHEETS.ROD, row, cell }]);
  });
  test.each(firesIndicator)('%s', async (rule, change, row, cell) => {
    const m = cleanModel();
    change(m);
    expect(await only(m)).toEqual([{ rule, category: 'rod-trad', sheet: 'Indikatorer', row, cell }]);
  });
  test('ROD-UPPDRAG-ANSVARIG-SAKNAS', async () => {
    const m = cleanModel();
    m.uppdrag!.items[0].ansvarig = '  ';
    expect(await only(m)).toEqual([{ rule: 'ROD-UPPDRAG-ANSVARIG-SAKNAS', category: 'rod-trad', sheet: 'Uppdrag', row: 2, cell: 'D2' }]);
  });
  test('ROD-CYKEL marks every goal in the cycle', async () => {
    const m = cleanModel();
    goalOf(m, 'NM').parentId = 'AK';
    const fs = (await only(m)).filter((f) => f.rule === 'ROD-CYKEL');
    expect(fs.map((f) => f.row)).toEqual([4, 5, 6]);
  });
});

describe('röd tråd: near misses stay silent', () => {
  test('the top level needs no parent and no perspektiv; aktiviteter need no indicator', async () => {
    const m = cleanModel();
    expect(goalOf(m, 'V').parentId).toBeNull();
    expect(goalOf(m, 'V').perspektiv).toBeNull();
    expect(await only(m)).toEqual([]);
  });
  test('Nivå synonyms and a bracketed explanation of a perspektiv are accepted', async () => {
    const m = cleanModel();
    goalOf(m, 'IM').niva = 'KF-mål';
    goalOf(m, 'NM').niva = 'Nämnd-/styrelsespecifikt mål';
    goalOf(m, 'NM').perspektiv = 'Värdegrund (KRAM)';
    goalOf(m, 'FM').perspektiv = 'samhälle och miljö';
    expect(await only(m)).toEqual([]);
  });
  test('profiles without a perspektiv list accept any perspektiv and none', async () => {
    const m = cleanModel();
    goalOf(m, 'NM').perspektiv = 'Tillväxt';
    goalOf(m, 'FM').perspektiv = null;
    expect(await only(m, 'standard')).toEqual([]);
  });
  test('a KF goal broken down by one nämnd, a nämndmål with one indicator, a complete indicator', async () => {
    const m = cleanModel();
    m.indicators!.items = m.indicators!.items.filter((i) => i.id === 'I2');
    expect((await only(m)).map((f) => f.rule)).toEqual([]);
  });
  test('Flen levels: a Verksamhetsmål under a Nämndmål is one level down', async () => {
    const m = cleanModel();
    m.goals!.items = m.goals!.items.filter((g) => g.id !== 'AK');
    goalOf(m, 'IM').niva = 'Strategiskt område';
    goalOf(m, 'FM').niva = 'Verksamhetsmål';
    expect(await only(m, 'flen')).toEqual([]);
    goalOf(m, 'FM').parentId = 'IM';
    expect((await only(m, 'flen')).map((f) => f.rule)).toEqual(['ROD-FORALDER-NIVA']);
  });
});

test('messages name the goal and the missing parent', async () => {
  const m = cleanModel();
  goalOf(m, 'FM').parentId = 'NM-9';
  const [f] = await check(m);
  expect(plain(f.message)).toBe('FM (Förvaltningsmål) har förälder NM-9, som inte finns i bladet Mål.');
  expect(f.source).toBe('Hedemora styrmodell, Mål- och resultatstyrning');
  expect((await check(m, 'flen')).find((x) => x.rule === 'ROD-FORALDER-OKAND')!.source).toBe('Flens styrmodell, Styrmodellen - den röda tråden');
});
