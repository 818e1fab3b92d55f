import { buildFactObjects, SCOPE_FACTS } from '../../../../src/core/rules/facts';
import { SCOPES } from '../../../../src/core/rules/rule-schema';
import type { Indicator } from '../../../../src/core/model';
import { atgard, budgetLine, budgetSheet, goal, model, realRuleSet, table, uppdrag } from '../builders';

const profiles = realRuleSet().profiles;

function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    row: 2, id: 'I1', goalId: 'M2', text: 'Nöjd inflytande', koladaId: null, baseline: 34, baselineYear: 2020, target: 40, targetYear: 2026,
    outcome: 37, outcomeYear: 2023, riktning: 'hogre', ...over,
  };
}

const full = () =>
  model({
    budget: budgetSheet([
      budgetLine({ budget: 1_000, prognos: 1_100, kommentar: '  ' }),
      budgetLine({ budget: 3_000, prognos: 2_800, namnd: 'SOCIALNÄMNDEN' }),
      budgetLine({ namnd: 'Kommunstyrelsen', budget: null, prognos: 5 }),
    ]),
    goals: table('Mål', [goal({ id: 'M1', niva: 'Inriktningsmål', parentId: null, namnd: null }), goal({ id: 'M2', niva: 'nämndmål', parentId: 'M1', perspektiv: 'Ekonomi', kraverMedel: 200 })]),
    indicators: table('Indikatorer', [indicator()]),
    uppdrag: table('Uppdrag', [uppdrag({ kostnad: 300, finansierad: false }), uppdrag({ id: 'U2', ansvarig: '' })]),
    atgarder: table('Åtgärder', [atgard({ belopp: 50 }), atgard({ belopp: null })]),
  });

describe('facts', () => {
  test.each([...SCOPES])('%s objects carry exactly the documented facts, blanks as null', (scope) => {
    const objects = buildFactObjects(full(), scope, profiles.hedemora);
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) {
      expect(Object.keys(o.facts).sort()).toEqual(Object.keys(SCOPE_FACTS[scope]).sort());
      for (const v of Object.values(o.facts)) {
        expect(v).not.toBe('');
        expect(v).not.toBeUndefined();
      }
    }
  });

  test('nämnd aggregates group loosely written names and count åtgärder, goals and uppdrag', () => {
    const [soc, ks] = buildFactObjects(full(), 'namnd', profiles.hedemora).map((o) => o.facts);
    expect(soc).toMatchObject({ namnd: 'Socialnämnden', budget: 4_000, prognos: 3_900, avvikelse: 100, overskott: 100, underskott: 0, antalRader: 2 });
    expect(soc).toMatchObject({ antalAtgarder: 2, atgarderBelopp: 50, harAtgardsplan: true, antalMal: 1, malKraverMedel: 200, antalUppdrag: 1, uppdragKostnadOfinansierad: 300 });
    expect(soc.avvikelseProcent).toBeCloseTo(2.5);
    expect(ks).toMatchObject({ namnd: 'Kommunstyrelsen', budget: null, avvikelse: null, avvikelseProcent: null, harBudget: false, harAtgardsplan: false });
  });

  test('goal levels follow the profile chain and indicators their line', () => {
    const [m1, m2] = buildFactObjects(full(), 'mal', profiles.hedemora).map((o) => o.facts);
    expect(m1).toMatchObject({ nivaNyckel: 'inriktningsmal', harForalder: false, forvantadForalderNivaNyckel: 'vision' });
    expect(m2).toMatchObject({ nivaNyckel: 'namndmal', foralderFinns: true, foralderNivaNyckel: 'inriktningsmal', perspektivTillatet: true, antalIndikatorer: 1 });
    const [i] = buildFactObjects(full(), 'indikator', profiles.hedemora).map((o) => o.facts);
    expect(i.forvantatVarde).toBeCloseTo(37);
    expect(i.iFas).toBe(true);
    const [flenM1] = buildFactObjects(full(), 'mal', profiles.flen).map((o) => o.facts);
    expect(flenM1.nivaNyckel).toBeNull();
  });
});
