/** Findings: the core's output, in the public `--json` shape of docs/workbook-format.md. */

export const CATEGORIES = ['budget', 'mal', 'mal-medel', 'rod-trad', 'arshjul', 'indata'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ordered from most to least severe: findings are sorted in this order. */
export const SEVERITIES = ['fel', 'varning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** Sheet a person must look at; null only for whole-workbook findings. */
  sheet: string | null;
  /** 1-based worksheet row; null for a finding about a whole sheet or the whole workbook. */
  row: number | null;
  /** A1 address of the cell to look at, e.g. "F17"; null with row null. */
  cell: string | null;
  namnd: string | null;
  message: string;
  /** The styrmodell clause the rule enforces, "Dokument, avsnitt". */
  source: string;
  /** What to do about it (Swedish). An extension of the public format. */
  suggestion: string;
}

/** Swedish collation, the same on every machine whatever its locale. */
export const compareSwedish: (a: string, b: string) => number = new Intl.Collator('sv').compare;

/** Sorts by severity (fel first), then sheet, row, rule — stable and reproducible. */
export function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (s !== 0) return s;
  const sheet = compareSwedish(a.sheet ?? '', b.sheet ?? '');
  if (sheet !== 0) return sheet;
  const row = (a.row ?? 0) - (b.row ?? 0);
  if (row !== 0) return row;
  return compareSwedish(a.rule, b.rule);
}
