/** Turns a rule hit into a Finding: the cell it points at, filled templates and the source text. */
import type { Finding } from '../finding';
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

function targetColumn(hit: Hit): number | null {
  const location = hit.object.anchor.location;
  if (!location) return null;
  const targets = hit.rule.target === undefined ? [] : Array.isArray(hit.rule.target) ? hit.rule.target : [hit.rule.target];
  for (const t of targets) if (location.columns[t] !== undefined) return location.columns[t];
  // No target column in the sheet: point at the row's first known column.
  const cols = Object.values(location.columns);
  return cols.length > 0 ? Math.min(...cols) : 1;
}

export function toFinding(hit: Hit, paramValues: Record<string, number>, profile: string, beloppI: 'kr' | 'tkr' | null): Finding {
  const { rule, object } = hit;
  const lookup = (name: string): FactValue | undefined =>
    rule.params && Object.prototype.hasOwnProperty.call(rule.params, name) ? paramValues[name] : object.facts[name];
  const row = object.anchor.row;
  const col = row === null ? null : targetColumn(hit);
  return {
    rule: rule.id,
    category: rule.category,
    severity: rule.severity,
    sheet: object.anchor.sheet,
    row,
    cell: row === null || col === null ? null : cellAddress(row, col),
    namnd: object.anchor.namnd,
    message: fillTemplate(rule.message, lookup, beloppI),
    source: sourceText(rule, profile),
    suggestion: fillTemplate(rule.suggestion, lookup, beloppI),
  };
}
