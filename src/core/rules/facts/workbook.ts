/** The facts of the arbetsbok scope: one object for the whole workbook. */
import type { Model } from '../../model';
import type { Profile } from '../profile-schema';
import type { FactObject } from '../fact-object';
import { blank, num } from '../line-facts';
import { periodReport, type SharedFacts } from './shared';

export function workbookObject(model: Model, profile: Profile, shared: SharedFacts): FactObject[] {
  const st = model.settings;
  const { periodKraverPrognos, rapport } = periodReport(model, profile);
  return [
    {
      facts: {
        kommun: blank(st.kommun),
        profil: profile.name,
        budgetar: num(st.budgetar),
        periodAr: st.period?.year ?? null,
        periodManad: st.period?.month ?? null,
        beloppI: st.beloppI,
        antalNamnder: model.budget ? shared.namndTotals().length : 0,
        antalBudgetrader: model.budget?.lines.length ?? 0,
        antalPlanar: model.budget?.planYears.length ?? 0,
        planarKrav: profile.planYears,
        harPrognoskolumn: model.budget?.hasPrognos ?? false,
        harPrognosvarden: shared.harPrognosvarden(),
        harUtfallskolumn: model.budget?.location.columns.utfall !== undefined,
        rapport,
        periodKraverPrognos,
        harBudgetblad: model.budget !== null,
        harMalblad: model.goals !== null,
        harIndikatorblad: model.indicators !== null,
        harUppdragsblad: model.uppdrag !== null,
        harAtgardsblad: model.atgarder !== null,
      },
      anchor: { sheet: null, row: null, namnd: null, location: null },
    },
  ];
}
