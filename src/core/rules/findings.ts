/** Turns a rule hit into a Finding: the cell it points at, filled templates and the source text. */
import type { Finding } from '../finding';
import type { BudgetLine, Enhet, SheetLocation } from '../model';
import { paramFacts, type Hit } from './evaluate';
import type { FactValue } from './fact-types';
import { addressIn, columnLetter } from '../input/address';
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

/** What a rule's findings share: worked out at its first hit, not once per hit. */
interface RuleFindings {
  source: string;
  /** The sheet of the last hit and the column letters of the cell a finding points at there. */
  location: SheetLocation | null;
  letters: string;
  /**
   * Templates reading a budget line itself, and those reading a fact object's facts: a rule's
   * hits are of one kind, but compiling both is cheap and leaves no optional template per hit.
   */
  lineMessage: (line: BudgetLine) => string;
  lineSuggestion: (line: BudgetLine) => string;
  factsMessage: (facts: Readonly<Record<string, FactValue>>) => string;
  factsSuggestion: (facts: Readonly<Record<string, FactValue>>) => string;
}

/**
 * A toFinding for many hits of one run: what a rule's findings share (source text, column
 * letters, compiled templates) is worked out at the rule's first hit, not once per hit.
 */
export function findingMaker(paramValues: Record<string, number>, profile: string, beloppI: Enhet | null): (hit: Hit) => Finding {
  const perRule = new Map<LoadedRule, RuleFindings>();
  const prepare = (rule: LoadedRule): RuleFindings => {
    const params = paramFacts(rule, paramValues);
    const known: RuleFindings = {
      source: sourceText(rule, profile),
      location: null,
      letters: '',
      lineMessage: compileTemplate(rule.message, params, beloppI, lineFactReader),
      lineSuggestion: compileTemplate(rule.suggestion, params, beloppI, lineFactReader),
      factsMessage: compileTemplate(rule.message, params, beloppI, readFact),
      factsSuggestion: compileTemplate(rule.suggestion, params, beloppI, readFact),
    };
    perRule.set(rule, known);
    return known;
  };
  const toFinding = (hit: Hit): Finding => {
    const { rule, object } = hit;
    const known = perRule.get(rule) ?? prepare(rule);
    const { anchor } = object;
    const { row, location } = anchor;
    let cell: string | null = null;
    if (row !== null && location) {
      // A rule's hits lie in one sheet (its scope's), so the letters are worked out once.
      if (location !== known.location) {
        known.location = location;
        known.letters = columnLetter(targetColumn(rule, location));
      }
      cell = addressIn(known.letters, row);
    }
    let message: string;
    let suggestion: string;
    if (object instanceof BudgetLineObject) {
      message = known.lineMessage(object.line);
      suggestion = known.lineSuggestion(object.line);
    } else {
      message = known.factsMessage(object.facts);
      suggestion = known.factsSuggestion(object.facts);
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
  return toFinding;
}

export function toFinding(hit: Hit, paramValues: Record<string, number>, profile: string, beloppI: Enhet | null): Finding {
  return findingMaker(paramValues, profile, beloppI)(hit);
}
