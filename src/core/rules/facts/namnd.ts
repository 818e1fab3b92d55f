/** The facts of the namnd scope: one object per nämnd, from its budget sums and its rows in the plan sheets. */
import type { Model } from '../../model';
import type { Profile } from '../profile-schema';
import type { FactObject } from '../fact-object';
import { blank, moneyFacts, num } from '../line-facts';
import { looseKey } from '../text';
import { countBy, periodReport, sum, type SharedFacts } from './shared';

export function namndObjects(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
  const budget = model.budget;
  if (!budget) return [];
  const { periodKraverPrognos, rapport } = periodReport(model, profile);
  const harPrognosvarden = shared.harPrognosvarden();
  // Lines with a budget but no prognos, per nämnd (only counted when the period asks for a prognos).
  const utanPrognos = new Map<string, number>();
  if (periodKraverPrognos && budget.hasPrognos) {
    for (const l of budget.lines) {
      // A prognos that could not be read is an input error already, not a missing one.
      if (num(l.budget) !== null && num(l.prognos) === null && !budget.unreadablePrognos?.has(l)) {
        const k = looseKey(l.namnd ?? '');
        utanPrognos.set(k, (utanPrognos.get(k) ?? 0) + 1);
      }
    }
  }
  const atgarder = countBy(model.atgarder?.items ?? [], (a) => looseKey(a.namnd ?? ''));
  const goals = countBy(model.goals?.items ?? [], (g) => (g.namnd ? looseKey(g.namnd) : null));
  const uppdrag = countBy(model.uppdrag?.items ?? [], (u) => (u.ansvarig ? looseKey(u.ansvarig) : null));
  return shared.namndTotals().map((sums) => {
    const { namnd, key } = sums;
    const own = atgarder.get(key) ?? [];
    const ownGoals = goals.get(key) ?? [];
    const ownUppdrag = uppdrag.get(key) ?? [];
    // Point at the nämnd's total row when one names it ("Summa Socialnämnden"), else its first row.
    const total = key === '' ? undefined : budget.totals.find((t) => looseKey(t.label).includes(key));
    // A budget over several sheets (one per nämnd): the sheet of that row, or of the nämnd's first line.
    const where = total?.location ?? (budget.parts ? budget.lines.find((l) => looseKey(l.namnd) === key)?.location : null) ?? budget.location;
    return {
      facts: {
        namnd: blank(namnd),
        ...moneyFacts(sums.budget, sums.utfall, sums.prognos, sums.avvikelse),
        antalRader: sums.lines,
        antalAtgarder: own.length,
        atgarderBelopp: sum(own.map((a) => num(a.belopp))),
        harAtgardsplan: own.length > 0,
        harAtgardsblad: model.atgarder !== null,
        antalMal: ownGoals.length,
        antalMalMedPrognos: ownGoals.filter((g) => g.prognos !== null).length,
        allaMalUppnas: ownGoals.some((g) => g.prognos !== null) && ownGoals.every((g) => g.prognos === null || g.prognos === 'uppnas'),
        malKraverMedel: sum(ownGoals.map((g) => num(g.kraverMedel))),
        antalUppdrag: ownUppdrag.length,
        uppdragKostnadOfinansierad: sum(ownUppdrag.filter((u) => u.finansierad === false).map((u) => num(u.kostnad))),
        antalRaderUtanPrognos: utanPrognos.get(key) ?? 0,
        periodKraverPrognos,
        rapport,
        harPrognosvarden,
      },
      anchor: { sheet: where.name, row: total?.row ?? sums.firstRow, namnd: blank(namnd), location: where },
    };
  });
}
