/** Turns a rule hit into a Finding: the cell it points at, filled templates and the source text. */
import type { Finding } from '../finding';
import type { BudgetLine, SheetLocation } from '../model';
import { paramFacts, type Hit } from './evaluate';
import type { FactValue } from './fact-registry';
import { cellAddress } from '../input/address';
import { BudgetLineObject, lineFactReader } from './line-facts';
import type { LoadedRule } from './load';
import { compileTemplate, readFact } from './template';

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

interface Templates<T> {
  message: (item: T) => string;
  suggestion: (item: T) => string;
}

/**
 * A toFinding for many hits of one run: what depends only on the rule and the sheet (source
 * text, target column, compiled templates) is worked out once per rule, not once per hit.
 */
export function findingMaker(paramValues: Record<string, number>, profile: string, beloppI: 'kr' | 'tkr' | null): (hit: Hit) => Finding {
  interface PerRule {
    source: string;
    columns: Map<SheetLocation, number>;
    /** The templates reading a fact object's facts, and those reading a budget line itself. */
    facts?: Templates<Readonly<Record<string, FactValue>>>;
    line?: Templates<BudgetLine>;
  }
  const perRule = new Map<LoadedRule, PerRule>();
  const templates = <T>(rule: LoadedRule, reader: (name: string) => (item: T) => FactValue | undefined): Templates<T> => {
    const params = paramFacts(rule, paramValues);
    return {
      message: compileTemplate(rule.message, params, beloppI, reader),
      suggestion: compileTemplate(rule.suggestion, params, beloppI, reader),
    };
  };
  return (hit) => {
    const { rule, object } = hit;
    let known = perRule.get(rule);
    if (!known) perRule.set(rule, (known = { source: sourceText(rule, profile), columns: new Map() }));
    const { anchor } = object;
    const { row, location } = anchor;
    let cell: string | null = null;
    if (row !== null && location) {
      let col = known.columns.get(location);
      if (col === undefined) known.columns.set(location, (col = targetColumn(rule, location)));
      cell = cellAddress(row, col);
    }
    let message: string;
    let suggestion: string;
    if (object instanceof BudgetLineObject) {
      const t = (known.line ??= templates(rule, lineFactReader));
      message = t.message(object.line);
      suggestion = t.suggestion(object.line);
    } else {
      const t = (known.facts ??= templates(rule, readFact));
      message = t.message(object.facts);
      suggestion = t.suggestion(object.facts);
    }
    return {
      rule: rule.id,
      category: rule.category,
      severity: rule.severity,
      sheet: anchor.sheet,
      row,
      cell,
      namnd: anchor.namnd,
      message,
      source: known.source,
      suggestion,
    };
  };
}

export function toFinding(hit: Hit, paramValues: Record<string, number>, profile: string, beloppI: 'kr' | 'tkr' | null): Finding {
  return findingMaker(paramValues, profile, beloppI)(hit);
}
