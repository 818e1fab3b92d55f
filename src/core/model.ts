/**
 * The typed model the core builds from a snapshot (src/core/input). Rules get their facts from it.
 * Amounts are normalised to the net-cost convention: positive = cost, whatever `Tecken` says.
 */

/** Where a contract sheet was found and which column holds which field (1-based columns). */
export interface SheetLocation {
  /** Sheet name as written in the workbook. */
  name: string;
  /** 1-based row of the header row. */
  headerRow: number;
  /** field key (e.g. "budget", "prognos") → 1-based column; absent when the column is missing. */
  columns: Record<string, number>;
  /** Header text as written, per field key (for messages). */
  headers: Record<string, string>;
}

export type BudgetTyp = 'kostnad' | 'intakt';

/** The unit of amounts. */
export type Enhet = 'kr' | 'tkr' | 'mnkr';

export interface BudgetLine {
  row: number;
  namnd: string;
  verksamhet: string | null;
  konto: string | null;
  /** The type as written; amounts below are already net cost. */
  typ: BudgetTyp;
  budget: number | null;
  utfall: number | null;
  prognos: number | null;
  /** Deviation computed by Styrkoll: budget − prognos (or − utfall without a Prognos column). Negative = deficit. */
  avvikelse: number | null;
  /** The Avvikelse column as written in the sheet (deficit negative), when present. */
  avvikelseAngiven: number | null;
  kommentar: string | null;
  /** Plan amounts (net cost), aligned with BudgetSheet.planYears (columns like `Plan 2027`). */
  plan: (number | null)[];
  /** The sheet the line is on when the budget spans several sheets (one per nämnd); absent: BudgetSheet.location. */
  location?: SheetLocation | null;
}

export interface TotalRow {
  row: number;
  label: string;
  /** The sheet of the row when the budget spans several sheets; absent: BudgetSheet.location. */
  location?: SheetLocation | null;
}

export interface BudgetSheet {
  location: SheetLocation;
  lines: BudgetLine[];
  totals: TotalRow[];
  /** True when the sheet has a Prognos column (otherwise deviations use Utfall: bokslut). */
  hasPrognos: boolean;
  /** Years of the plan columns present, ascending. */
  planYears: number[];
  /** Every sheet read, in order, when the budget spans several (one per nämnd); else absent. */
  parts?: SheetLocation[];
  /** Lines whose Prognos cell could not be read (already reported as input errors); absent when none. */
  unreadablePrognos?: Set<BudgetLine>;
  /**
   * Sums per nämnd name exactly as written, in order of first appearance, added up while the
   * amounts are normalised (so the nämnd facts need no pass of their own). Absent on a sheet
   * built some other way; whoever changes the lines afterwards must drop it.
   */
  namndSums?: NamndSum[];
}

export interface NamndSum {
  namnd: string;
  lines: number;
  firstRow: number;
  /** Sums of the lines' finite values; null when no line has one. */
  budget: number | null;
  utfall: number | null;
  prognos: number | null;
  avvikelse: number | null;
}

export type GoalPrognos = 'uppnas' | 'delvis' | 'uppnas-ej';

export interface Goal {
  row: number;
  id: string;
  /** Nivå as written (trimmed). Profiles map it to a level in the chain. */
  niva: string;
  text: string;
  parentId: string | null;
  namnd: string | null;
  perspektiv: string | null;
  prognos: GoalPrognos | null;
  kraverMedel: number | null;
}

export type Riktning = 'hogre' | 'lagre';

export interface Indicator {
  row: number;
  id: string;
  goalId: string;
  text: string;
  koladaId: string | null;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  targetYear: number | null;
  outcome: number | null;
  outcomeYear: number | null;
  riktning: Riktning;
}

export interface Uppdrag {
  row: number;
  id: string;
  text: string;
  givetAv: string | null;
  ansvarig: string | null;
  kostnad: number | null;
  finansierad: boolean | null;
  status: string | null;
  /** ISO date yyyy-mm-dd. */
  klartSenast: string | null;
}

export interface Atgard {
  row: number;
  namnd: string;
  text: string;
  belopp: number | null;
  ansvarig: string | null;
  klartSenast: string | null;
  status: string | null;
}

export interface TableSheet<T> {
  location: SheetLocation;
  items: T[];
}

export interface SettingEntry {
  row: number;
  /** Key as written. */
  key: string;
  value: string | number | boolean | null;
}

export interface Settings {
  kommun: string | null;
  kommunkod: string | null;
  profil: string | null;
  budgetar: number | null;
  /** Report period, e.g. { year: 2025, month: 8 } from `2025-08`. */
  period: { year: number; month: number } | null;
  beloppI: Enhet | null;
  tecken: 'kostnad positiv' | 'kostnad negativ' | null;
  namnd: string | null;
  koladaUrl: string | null;
  /** Every key/value, keyed by the normalised key (see normalizeHeader), for rule thresholds. */
  entries: Record<string, SettingEntry>;
  /** Sheet name as written, or null when there is no Inställningar sheet. */
  sheet: string | null;
}

export interface Model {
  budget: BudgetSheet | null;
  goals: TableSheet<Goal> | null;
  indicators: TableSheet<Indicator> | null;
  uppdrag: TableSheet<Uppdrag> | null;
  atgarder: TableSheet<Atgard> | null;
  settings: Settings;
  /** The sign convention in force, and whether it was assumed from the data. */
  tecken: { value: 'kostnad positiv' | 'kostnad negativ'; assumed: boolean };
  /** Plain Swedish notes for the summary (e.g. a sheet that is missing, a sign convention assumed). */
  notes: string[];
  /** What was read, from where, as what, and what was not used (the Inläst section). */
  inlast: Inlast;
}

/** One sheet read: where, which rows, which column as what, and the columns not used. */
export interface InlastSheet {
  /** What the sheet was read as: 'budget', 'mal', 'indikatorer', 'uppdrag', 'atgarder', 'installningar'. */
  kind: string;
  sheet: string;
  /** How it was found: by its name, by its content, or by Budgetblad/--sheet. */
  foundBy: 'namn' | 'innehall' | 'koppling';
  headerRow: number | null;
  /** 1-based first and last row read (0 when none). */
  firstRow: number;
  lastRow: number;
  /** Rows read as data (budget lines, goals …). */
  rows: number;
  columns: { col: number; header: string; as: string }[];
  unused: { col: number; header: string; why: string }[];
  /** Plain Swedish details: total rows, group headers, where the nämnd came from. */
  details: string[];
}

export interface Inlast {
  sheets: InlastSheet[];
  /** The unit in force and where it came from (null: no budget read). */
  enhet: { unit: Enhet; source: 'installningar' | 'blad' | 'storlek' | 'koppling'; why: string } | null;
  /** Sheets looked at and not used, with why. */
  skipped: { sheet: string; why: string }[];
}
