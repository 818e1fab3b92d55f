/** Turns a rule hit into a Finding: the cell it points at, filled templates and the source text. */
import type { Finding } from '../finding';
import type { SheetLocation } from '../model';
import type { Hit } from './evaluate';
import { cellAddress } from '../input';
import type { LoadedRule } from './load';
import { compileTemplate, fillCompiled, type CompiledTemplate } from './template';

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
  interface PerRule {
    source: string;
    columns: Map<SheetLocation, number>;
    message: CompiledTemplate;
    suggestion: CompiledTemplate;
  }
  const perRule = new Map<LoadedRule, PerRule>();
  const prepare = (rule: LoadedRule): PerRule => {
    // A placeholder names a param of the rule or else a fact (params and facts never share a name).
    const isParam = (name: string) => rule.params !== undefined && Object.prototype.hasOwnProperty.call(rule.params, name);
    return {
      source: sourceText(rule, profile),
      columns: new Map(),
      message: compileTemplate(rule.message, isParam),
      suggestion: compileTemplate(rule.suggestion, isParam),
    };
  };
  return (hit) => {
    const { rule, object } = hit;
    let known = perRule.get(rule);
    if (!known) perRule.set(rule, (known = prepare(rule)));
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
      message: fillCompiled(known.message, object.facts, paramValues, beloppI),
      source: known.source,
      suggestion: fillCompiled(known.suggestion, object.facts, paramValues, beloppI),
    };
  };
}

export function toFinding(hit: Hit, paramValues: Record<string, number>, profile: string, beloppI: 'kr' | 'tkr' | null): Finding {
  return findingMaker(paramValues, profile, beloppI)(hit);
}
