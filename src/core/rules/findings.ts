/** Turns a rule hit into a Finding: the cell it points at, filled templates and the source text. */
import type { Finding } from '../finding';
import type { SheetLocation } from '../model';
import type { Hit } from './evaluate';
import type { FactValue } from './facts';
import { cellAddress } from '../input';
import type { LoadedRule } from './load';
import { fillTemplate } from './template';

/** "Dokument, avsnitt" of the rule's source for the profile, else of its first source. */
export function sourceText(rule: Pick<LoadedRule, 'source'>, profile: string | null): string {
  const src = rule.source.find((s) => s.profile === profile) ?? rule.source.find((s) => s.profile === undefined) ?? rule.source[0];
  return `${src.document}, ${src.section}`;
}

function targetColumn(rule: LoadedRule, location: SheetLocation): number {
  const targets = rule.target === undefined ? [] : Array.isArray(rule.target) ? rule.target : [rule.target];
  for (const t of targets) if (location.columns[t] !== undefined) return location.columns[t];
  // No target column in the sheet: point at the row's first known column.
  const cols = Object.values(location.columns);
  return cols.length > 0 ? Math.min(...cols) : 1;
}

/**
 * A toFinding for many hits of one run: what depends only on the rule and the sheet (source
 * text, target column) is worked out once per rule, not once per hit.
 */
export function findingMaker(paramValues: Record<string, number>, profile: string, beloppI: 'kr' | 'tkr' | null): (hit: Hit) => Finding {
  const perRule = new Map<LoadedRule, { source: string; columns: Map<SheetLocation, number> }>();
  return (hit) => {
    const { rule, object } = hit;
    let known = perRule.get(rule);
    if (!known) perRule.set(rule, (known = { source: sourceText(rule, profile), columns: new Map() }));
    const lookup = (name: string): FactValue | undefined =>
      rule.params && Object.prototype.hasOwnProperty.call(rule.params, name) ? paramValues[name] : object.facts[name];
    const { row, location } = object.anchor;
    let cell: string | null = null;
    if (row !== null && location) {
      let col = known.columns.get(location);
      if (col === undefined) known.columns.set(location, (col = targetColumn(rule, location)));
      cell = cellAddress(row, col);
    }
    return {
      rule: rule.id,
      category: rule.category,
      severity: rule.severity,
      sheet: object.anchor.sheet,
      row,
      cell,
      namnd: object.anchor.namnd,
      message: fillTemplate(rule.message, lookup, beloppI),
      source: known.source,
      suggestion: fillTemplate(rule.suggestion, lookup, beloppI),
    };
  };
}

export function toFinding(hit: Hit, paramValues: Record<string, number>, profile: string, beloppI: 'kr' | 'tkr' | null): Finding {
  return findingMaker(paramValues, profile, beloppI)(hit);
}
