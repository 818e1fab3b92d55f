import type { Category, Finding, Severity } from './finding';
import type { Model } from './model';

export interface CheckSummary {
  /** The profile in force (hedemora, flen, standard). */
  profile: string;
  kommun: string | null;
  /** Report period as written, e.g. "2025-08", or null. */
  period: string | null;
  counts: {
    total: number;
    byCategory: Record<Category, number>;
    bySeverity: Record<Severity, number>;
  };
  /** Number of active rules. */
  ruleCount: number;
  /** Plain Swedish notes: missing sheets and skipped rule families, an assumed sign convention … */
  notes: string[];
  /**
   * What was read, one line per sheet: where, which rows, which column as what, the columns not
   * used, the unit and why (the Inläst section of the terminal, the Kontroll sheet and the pane).
   */
  inlast: string[];
  /** False when no budget data was read at all (the result must not look like a clean check). */
  budgetRead: boolean;
}

/** What a check says: its findings and summary (all the CLI, the Kontroll sheet and the pane show). */
export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
}

/**
 * A check together with the model it was made on: the handle reports are built from. An adapter
 * that only shows or writes the result keeps the CheckResult and lets the model go.
 */
export interface CheckedWorkbook extends CheckResult {
  model: Model;
}

export interface CheckProgress {
  phase: 'indata' | 'regler' | 'klart';
  done: number;
  total: number;
}
