/** Filtering and grouping of findings for the list: pure, so it is tested without a DOM. */
import { CATEGORIES, CATEGORY_LABELS, SEVERITIES, SEVERITY_LABELS, type Category, type Finding, type Severity } from '../../src/core';

export { CATEGORY_LABELS, SEVERITY_LABELS };
export const SEVERITY_PLURAL: Record<Severity, string> = { fel: 'fel', varning: 'varningar', info: 'info' };

export interface FindingFilter {
  severities: Set<Severity>;
  /** Empty string = all nämnder. */
  namnd: string;
  text: string;
}

export function emptyFilter(): FindingFilter {
  return { severities: new Set(SEVERITIES), namnd: '', text: '' };
}

const fold = (s: string) => s.toLocaleLowerCase('sv').normalize('NFC');

export function matches(f: Finding, filter: FindingFilter): boolean {
  if (!filter.severities.has(f.severity)) return false;
  if (filter.namnd && (f.namnd ?? '') !== filter.namnd) return false;
  const q = fold(filter.text.trim());
  if (!q) return true;
  const hay = fold([f.message, f.suggestion, f.rule, f.sheet ?? '', f.cell ?? '', f.namnd ?? '', f.source].join(' '));
  return q.split(/\s+/).every((word) => hay.includes(word));
}

export interface FindingGroup {
  category: Category;
  label: string;
  findings: Finding[];
}

/** Groups in the fixed category order; empty groups are left out. */
export function groupFindings(findings: Finding[], filter: FindingFilter): FindingGroup[] {
  const groups = new Map<Category, Finding[]>();
  for (const f of findings) if (matches(f, filter)) (groups.get(f.category) ?? groups.set(f.category, []).get(f.category)!).push(f);
  return CATEGORIES.filter((c) => groups.has(c)).map((c) => ({ category: c, label: CATEGORY_LABELS[c], findings: groups.get(c)! }));
}

export function namnderOf(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.namnd).filter((n): n is string => !!n))].sort((a, b) => a.localeCompare(b, 'sv'));
}

/** "Budget!F17" style location text for a finding, or null for whole-workbook findings. */
export function locationText(f: Finding): string | null {
  if (!f.sheet) return null;
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}
