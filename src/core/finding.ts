/** Findings: the core's output, in the public `--json` shape of docs/workbook-format.md. */

/** Rule families: one folder under rules/ each, and the finding category of their rules. */
export const FAMILIES = ['budget', 'mal', 'mal-medel', 'rod-trad', 'arshjul'] as const;
export type Family = (typeof FAMILIES)[number];

/** The finding categories: the rule families, and indata for what could not be read. */
export const CATEGORIES = [...FAMILIES, 'indata'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ordered from most to least severe: findings are sorted in this order. */
export const SEVERITIES = ['fel', 'varning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The Swedish name of each category, the same on the Kontroll sheet, in the CLI and in the pane. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  budget: 'Budget',
  mal: 'Mål',
  'mal-medel': 'Mål och medel',
  'rod-trad': 'Röd tråd',
  arshjul: 'Årshjul',
  indata: 'Indata',
};

/** The Swedish name of each severity. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { fel: 'Fel', varning: 'Varning', info: 'Info' };

/** The more severe of two severities (SEVERITIES order). */
export const moreSevere = (a: Severity, b: Severity): Severity => (SEVERITIES.indexOf(b) < SEVERITIES.indexOf(a) ? b : a);

/** Negative when `a` is more severe than `b`, 0 when equal (for sorting, most severe first). */
export const compareSeverity = (a: Severity, b: Severity): number => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);

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
  const s = compareSeverity(a.severity, b.severity);
  if (s !== 0) return s;
  const sheet = compareSwedish(a.sheet ?? '', b.sheet ?? '');
  if (sheet !== 0) return sheet;
  const row = (a.row ?? 0) - (b.row ?? 0);
  if (row !== 0) return row;
  return compareSwedish(a.rule, b.rule);
}
