/** A clean model with every sheet the rule families read, and a runner; tests change one thing at a time. */
import { checkModel } from '../../../../src/core/check';
import type { Finding } from '../../../../src/core/finding';
import type { Goal, Indicator, Model } from '../../../../src/core/model';
import { atgard, budgetLine, budgetSheet, goal, model, realRuleSet, settings, table, uppdrag } from '../builders';

export const ruleSet = realRuleSet();

export const GOAL_COLS = { id: 1, niva: 2, text: 3, parentId: 4, namnd: 5, perspektiv: 6, prognos: 7, kraverMedel: 8 };
export const IND_COLS = { id: 1, goalId: 2, text: 3, koladaId: 4, baseline: 5, baselineYear: 6, target: 7, targetYear: 8, outcome: 9, outcomeYear: 10, riktning: 11 };
export const UPP_COLS = { id: 1, text: 2, givetAv: 3, ansvarig: 4, kostnad: 5, finansierad: 6, status: 7, klartSenast: 8 };
export const ATG_COLS = { namnd: 1, text: 2, belopp: 3, ansvarig: 4, klartSenast: 5, status: 6 };

export function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    row: 2, id: 'I1', goalId: 'NM', text: 'Andel nöjda brukare (%)', koladaId: null, baseline: 80, baselineYear: 2023, target: 90, targetYear: 2027,
    outcome: 83, outcomeYear: 2024, riktning: 'hogre', ...over,
  };
}

const g = (row: number, id: string, niva: string, parentId: string | null, over: Partial<Goal> = {}): Goal =>
  goal({ row, id, niva, text: `Mål ${id}`, parentId, namnd: 'Socialnämnden', perspektiv: 'Invånare', prognos: 'uppnas', ...over });

/** Vision → inriktningsmål → nämndmål → förvaltningsmål → aktivitet, all linked, measured and funded. */
export function cleanModel(): Model {
  return model({
    budget: budgetSheet([budgetLine({ row: 2, budget: 1_000_000, prognos: 1_000_000 })]),
    goals: table('Mål', [
      g(2, 'V', 'Vision', null, { namnd: 'Kommunfullmäktige', perspektiv: null, prognos: null }),
      g(3, 'IM', 'Inriktningsmål', 'V', { namnd: 'Kommunfullmäktige' }),
      g(4, 'NM', 'Nämndmål', 'IM'),
      g(5, 'FM', 'Förvaltningsmål', 'NM'),
      g(6, 'AK', 'Aktivitet', 'FM'),
    ], GOAL_COLS),
    indicators: table('Indikatorer', [indicator({ row: 2, id: 'I1', goalId: 'IM' }), indicator({ row: 3, id: 'I2', goalId: 'NM' }), indicator({ row: 4, id: 'I3', goalId: 'FM', riktning: 'lagre', baseline: 10, target: 6, outcome: 9 })], IND_COLS),
    uppdrag: table('Uppdrag', [uppdrag({ row: 2, id: 'U1', kostnad: 300_000, finansierad: true, status: 'Pågår', klartSenast: '2025-12-31' })], UPP_COLS),
    atgarder: table('Åtgärder', [atgard({ row: 2, text: 'Minska inhyrd personal', klartSenast: '2025-12-31', status: 'Pågår' })], ATG_COLS),
    settings: settings({ period: { year: 2025, month: 8 }, budgetar: 2025 }, { Kommun: 'Testkommun' }),
  });
}

export async function check(m: Model, profile = 'hedemora'): Promise<Finding[]> {
  return (await checkModel(m, [], { ruleSet, profile })).findings;
}

export const where = (f: Finding) => ({ rule: f.rule, category: f.category, sheet: f.sheet, row: f.row, cell: f.cell });
export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
export const goalOf = (m: Model, id: string) => m.goals!.items.find((x) => x.id === id)!;
export const indicatorOf = (m: Model, id: string) => m.indicators!.items.find((x) => x.id === id)!;
