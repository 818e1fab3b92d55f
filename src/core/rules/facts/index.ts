/**
 * Facts per scope, computed once per run from the model (json-rules-engine's advice: rules are
 * data, facts are code), one module per scope. Blanks are always null, never "" or undefined, so
 * both evaluation paths see the same values. Budget lines are not turned into objects: their facts
 * are read straight from the model (line-facts.ts).
 */
import type { BudgetLine, Model } from '../../model';
import type { Profile } from '../profile-schema';
import type { Scope } from '../rule-schema';
import { objectTable, type FactObject, type FactTable } from '../fact-object';
import { budgetLineTable } from '../line-facts';
import { goalObjects } from './goals';
import { indicatorObjects } from './indicators';
import { namndObjects } from './namnd';
import { SharedFacts } from './shared';
import { atgardObjects, uppdragObjects } from './work';
import { workbookObject } from './workbook';

export { SCOPE_FACTS, TARGET_FIELDS, type FactDef, type FactType, type FactValue } from '../fact-registry';
export type { Anchor, FactObject, FactTable } from '../fact-object';
export { SharedFacts, periodEnd } from './shared';

/** The fact objects of one scope, in sheet order. */
export function buildFactObjects(model: Model, scope: Scope, profile: Profile, shared = new SharedFacts(model)): FactObject[] {
  const table = buildFactTable(model, scope, profile, shared) as FactTable<unknown>;
  return table.items.map((item) => table.object(item));
}

/** The items of one scope, in sheet order, with how to read their facts. */
export function buildFactTable(model: Model, scope: Scope, profile: Profile, shared = new SharedFacts(model)): FactTable<BudgetLine> | FactTable<FactObject> {
  switch (scope) {
    case 'budgetrad': {
      const budget = model.budget;
      if (!budget) return objectTable([]);
      return budgetLineTable(budget);
    }
    case 'namnd':
      return objectTable(namndObjects(model, profile, shared));
    case 'mal':
      return objectTable(goalObjects(model, profile, shared));
    case 'indikator':
      return objectTable(indicatorObjects(model));
    case 'uppdrag':
      return objectTable(uppdragObjects(model));
    case 'atgard':
      return objectTable(atgardObjects(model));
    case 'arbetsbok':
      return objectTable(workbookObject(model, profile, shared));
  }
}
