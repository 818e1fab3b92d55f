/**
 * Which sheet holds what, by name and by content: the one function the CLI, the browser page, the
 * task pane and the ribbon use (through buildModel and sheetsToRead). A sheet named as the contract
 * says is taken by its name; otherwise a sheet whose header row scores as a budget table is a
 * budget sheet whatever it is called (several such sheets: one per nämnd), and a sheet whose
 * header holds the required columns of Mål, Indikatorer, Uppdrag or Åtgärder, and of no other
 * kind, is that sheet.
 */
import { OWN_SHEET_NAMES } from '../../common/sheet-names';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { type BudgetHeader, type ColumnMapping, detectBudgetHeader, HEADER_SCAN_ROWS } from './budget-header';
import { detectHeader } from './header';
import { ATGARD_COLUMNS, type ColumnSpec, INDIKATOR_COLUMNS, MAL_COLUMNS, UPPDRAG_COLUMNS } from './header-specs';
import { FindingSink } from './findings';
import { mappingFromSettings } from './mapping';
import { emptySettings, readSettings } from './settings';
import { findSheet, type SheetKind } from './sheet-lookup';
import { foldText } from './text';

export type PlanKind = Exclude<SheetKind, 'budget' | 'installningar'>;

export interface BudgetSource {
  sheet: SheetSnapshot;
  header: BudgetHeader;
  foundBy: 'namn' | 'innehall' | 'koppling';
}

export interface LocatedSheet {
  sheet: SheetSnapshot;
  foundBy: 'namn' | 'innehall';
}

export interface SheetPlan {
  budget: BudgetSource[];
  /** A sheet named Budget (or given as Budgetblad) whose header was not found. */
  budgetUnread: SheetSnapshot | null;
  plan: Record<PlanKind, LocatedSheet | null>;
  /** Sheets looked at and not used, with why (for the Inläst section). */
  skipped: { sheet: string; why: string }[];
}

const PLAN_SPECS: Record<PlanKind, ColumnSpec> = {
  mal: MAL_COLUMNS,
  indikatorer: INDIKATOR_COLUMNS,
  uppdrag: UPPDRAG_COLUMNS,
  atgarder: ATGARD_COLUMNS,
};
const PLAN_KINDS = Object.keys(PLAN_SPECS) as PlanKind[];

/** Sheets Styrkoll writes itself (src/common/sheet-names.ts): never read as input. */
export { OWN_SHEET_NAMES };
const OWN_SHEETS = new Set(OWN_SHEET_NAMES.map(foldText));

/** A1 of a sheet Styrkoll wrote: its title starts with "Styrkoll" ("Styrkoll – kontroll av …"). */
export function hasStyrkollTitle(a1: unknown): boolean {
  return typeof a1 === 'string' && /^styrkoll\b/i.test(a1.trim());
}

function isOwnSheet(sheet: SheetSnapshot): boolean {
  return OWN_SHEETS.has(foldText(sheet.name)) || hasStyrkollTitle(sheet.rows?.[0]?.[0]);
}

function usable(sheet: SheetSnapshot | null | undefined): sheet is SheetSnapshot {
  return !!sheet && typeof sheet.name === 'string' && Array.isArray(sheet.rows);
}

/** The sheet a mapping names (Budgetblad or --sheet), compared folded. */
function namedSheet(sheets: SheetSnapshot[], name: string): SheetSnapshot | null {
  const want = foldText(name);
  return sheets.find((s) => foldText(s.name) === want) ?? null;
}

/**
 * Locates every input sheet. `settingsSheet` is excluded from the search (it is read first, since
 * its Budgetblad, Rubrikrad and Kolumn keys are part of `mapping`).
 */
export function locateSheets(snapshot: WorkbookSnapshot, mapping: ColumnMapping, settingsSheet: SheetSnapshot | null): SheetPlan {
  const sheets = (Array.isArray(snapshot?.sheets) ? snapshot.sheets : []).filter(usable);
  const taken = new Set<SheetSnapshot>();
  if (settingsSheet) taken.add(settingsSheet);
  const skipped: SheetPlan['skipped'] = [];
  const plan: SheetPlan = { budget: [], budgetUnread: null, plan: { mal: null, indikatorer: null, uppdrag: null, atgarder: null }, skipped };

  // Named sheets first: the contract's names win over any content.
  for (const kind of PLAN_KINDS) {
    const s = findSheet({ sheets }, kind);
    if (s && !taken.has(s)) {
      plan.plan[kind] = { sheet: s, foundBy: 'namn' };
      taken.add(s);
    }
  }

  if (mapping.sheet) {
    const s = namedSheet(sheets, mapping.sheet);
    if (s) {
      taken.add(s);
      const header = detectBudgetHeader(s, mapping, true);
      if (header) plan.budget.push({ sheet: s, header, foundBy: 'koppling' });
      else plan.budgetUnread = s;
      if (header) noteSecondTable(s, header, skipped);
    }
  } else {
    const named = findSheet({ sheets }, 'budget');
    if (named && !taken.has(named)) {
      taken.add(named);
      const header = detectBudgetHeader(named, mapping, true);
      if (header) plan.budget.push({ sheet: named, header, foundBy: header.foundBy === 'koppling' ? 'koppling' : 'namn' });
      else plan.budgetUnread = named;
      if (header) noteSecondTable(named, header, skipped);
    }
  }

  // By content: every other sheet whose header scores as a budget table, or as one plan sheet.
  const searchBudget = plan.budget.length === 0 && plan.budgetUnread === null && !mapping.sheet;
  for (const s of sheets) {
    if (taken.has(s)) continue;
    if (isOwnSheet(s)) continue;
    // A hidden sheet is old data or a helper (last year's figures, a lookup list): not searched by
    // content, and said so; it is read when named (Budget, Budgetblad or --sheet).
    if (s.hidden === true) {
      if (hasContent(s)) skipped.push({ sheet: s.name, why: HIDDEN_WHY });
      continue;
    }
    if (searchBudget) {
      const header = detectBudgetHeader(s, mapping.columns ? { columns: mapping.columns } : undefined);
      if (header) {
        plan.budget.push({ sheet: s, header, foundBy: 'innehall' });
        noteSecondTable(s, header, skipped);
        taken.add(s);
        continue;
      }
    }
    const kinds = PLAN_KINDS.filter((k) => plan.plan[k] === null && detectHeader(s, PLAN_SPECS[k], PLAN_SPECS[k].required, HEADER_SCAN_ROWS).found);
    if (kinds.length === 1) {
      plan.plan[kinds[0]] = { sheet: s, foundBy: 'innehall' };
      taken.add(s);
    } else if (kinds.length > 1) {
      skipped.push({ sheet: s.name, why: `rubrikerna passar flera blad (${kinds.join(', ')}); ge bladet det namn det ska läsas som` });
    } else if (hasContent(s)) {
      skipped.push({ sheet: s.name, why: 'ingen rubrikrad som Styrkoll känner igen bland de 40 första raderna' });
    }
  }
  return plan;
}

/** A second table below the budget table (an investeringsredovisning): not read, and said so. */
function noteSecondTable(sheet: SheetSnapshot, header: BudgetHeader, skipped: SheetPlan['skipped']): void {
  const t = header.secondTable;
  if (!t) return;
  skipped.push({
    sheet: `${sheet.name}, rad ${t.row}–${sheet.rows.length}`,
    why: `en andra tabell med egen rubrikrad (”${t.label}”) under budgettabellen; bara tabellen på rubrikrad ${header.headerRow} läses`,
  });
}

/** Why a hidden sheet was not read (Inläst section, IN-BLAD-SAKNAS). */
export const HIDDEN_WHY = 'dolt blad; dolda blad läses bara när de anges som Budgetblad (--sheet) eller heter Budget';

function hasContent(sheet: SheetSnapshot): boolean {
  const rows = sheet.rows;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const row = rows[r];
    if (Array.isArray(row) && row.some((v: CellValue) => v !== null && v !== '')) return true;
  }
  return false;
}

/** A generic sheet name that says nothing about whose rows it holds. */
const GENERIC_NAME = /^(?:blad|sheet|ark|tabell|table|data|export|rapport|report|budget|utfall|prognos|drift|driftredovisning|driftsredovisning|budgetuppfoljning|uppfoljning|resultat|resultatrakning|sammandrag|sammanstallning|pivot|pivottabell)(?![a-z])/;

/** Whether a sheet's name can be a nämnd's name (not "Blad1", "Driftredovisning 2025", "Export"). */
export function isNamndLikeSheetName(name: string): boolean {
  const f = foldText(name);
  return f !== '' && !GENERIC_NAME.test(f) && !/^\d+$/.test(f);
}

/**
 * The sheets a check must read in full, decided from the first HEADER_SCAN_ROWS rows of every
 * sheet (`heads`): the settings sheet and every sheet locateSheets picks. For hosts where reading
 * a sheet is costly (Excel): read the heads of all sheets, then only these in full. The result is
 * the same as locating on the full workbook, since the header search looks at those rows only.
 */
export function sheetsToRead(heads: WorkbookSnapshot, given?: ColumnMapping): string[] {
  const found = findSheet(heads, 'installningar');
  const settings = found && Array.isArray(found.rows) ? found : null;
  // Budgetblad, Rubrikrad and Kolumn … in Inställningar decide too (its findings are the check's to report).
  const mapping = mappingFromSettings(settings ? readSettings(settings, new FindingSink()) : emptySettings(null), given, new FindingSink());
  const located = locateSheets(heads, mapping, settings);
  const names = new Set<string>();
  if (found) names.add(found.name);
  for (const b of located.budget) names.add(b.sheet.name);
  if (located.budgetUnread) names.add(located.budgetUnread.name);
  for (const kind of PLAN_KINDS) {
    const p = located.plan[kind];
    if (p) names.add(p.sheet.name);
  }
  return [...names];
}
