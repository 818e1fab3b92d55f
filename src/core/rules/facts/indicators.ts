/** The facts of the indikator scope: one object per indicator, with the status the reports use too. */
import type { Model } from '../../model';
import { indicatorStatus } from '../../report/indicator-status';
import type { FactObject } from '../fact-object';
import { blank, num } from '../line-facts';
import { RIKTNING_TEXT } from '../words';
import { referenceYear } from './shared';

export function indicatorObjects(model: Model): FactObject[] {
  const sheet = model.indicators;
  if (!sheet) return [];
  // Per goal ID the owner of the last goal with it (a goal ID listed at all makes malFinns true).
  const goalOwner = new Map<string, string | null>();
  for (const g of model.goals?.items ?? []) goalOwner.set(g.id, blank(g.namnd));
  const year = referenceYear(model);
  const location = sheet.location;
  const items = sheet.items;
  const objects: FactObject[] = new Array(items.length);
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    const values = {
      baseline: num(i.baseline),
      baselineYear: num(i.baselineYear),
      target: num(i.target),
      targetYear: num(i.targetYear),
      outcome: num(i.outcome),
      outcomeYear: num(i.outcomeYear),
      riktning: i.riktning,
    };
    // One computation for the report sheets and the rules.
    const st = indicatorStatus(values);
    const koladaId = blank(i.koladaId);
    objects[k] = {
      facts: {
        id: blank(i.id),
        malId: blank(i.goalId),
        malFinns: goalOwner.has(i.goalId),
        text: blank(i.text),
        koladaId,
        harKoladaId: koladaId !== null,
        utgangsvarde: values.baseline,
        utgangsar: values.baselineYear,
        malvarde: values.target,
        malar: values.targetYear,
        utfall: values.outcome,
        utfallsar: values.outcomeYear,
        riktning: i.riktning,
        riktningText: RIKTNING_TEXT[i.riktning === 'lagre' ? 'lagre' : 'hogre'],
        forvantatVarde: st.expected,
        iFas: st.onTrack,
        status: st.status,
        malvardeNatt: st.status === 'underlag-saknas' ? null : st.status === 'uppnatt',
        referensar: year,
        malarPasserat: values.targetYear === null || year === null ? null : values.targetYear < year,
      },
      anchor: { sheet: location.name, row: i.row, namnd: goalOwner.get(i.goalId) ?? null, location },
    };
  }
  return objects;
}
