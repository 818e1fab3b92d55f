/** Snapshot builders for the input-layer tests: valid defaults, override what a test is about. */
import type { Finding } from '../../../src/core/finding';
import type { CellErrorRef, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';

export function sheet(name: string, rows: CellValue[][], extra: Partial<Omit<SheetSnapshot, 'name' | 'rows'>> = {}): SheetSnapshot {
  return { name, rows, errors: extra.errors ?? [], ...(extra.tables ? { tables: extra.tables } : {}), ...(extra.hidden ? { hidden: true } : {}) };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

export function settings(entries: Record<string, CellValue>): SheetSnapshot {
  return sheet('Inställningar', Object.entries(entries).map(([k, v]) => [k, v]));
}

export const BUDGET_HEADER: CellValue[] = ['Nämnd', 'Verksamhet', 'Konto', 'Typ', 'Budget', 'Utfall', 'Prognos', 'Kommentar'];

/** A Budget sheet with the default header in row 1 and the given data rows below it. */
export function budget(rows: CellValue[][], extra: { header?: CellValue[]; errors?: CellErrorRef[] } = {}): SheetSnapshot {
  return sheet('Budget', [extra.header ?? BUDGET_HEADER, ...rows], { errors: extra.errors });
}

/** A data row for BUDGET_HEADER. */
export function line(namnd: string, verksamhet: string, budgetAmount: CellValue, utfall: CellValue = null, prognos: CellValue = null, typ: CellValue = 'Kostnad'): CellValue[] {
  return [namnd, verksamhet, null, typ, budgetAmount, utfall, prognos, null];
}

/** The findings but the statement of the unit (IN-ENHET), for tests about something else. */
export function withoutUnit(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.rule !== 'IN-ENHET');
}

export function withRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Rows before the header: title, blank lines, notes, as real exports have them. */
export function preamble(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) rows.push(i === 0 ? ['Budgetuppföljning 2025'] : i === 2 ? ['Utskriven 2025-09-05', null, 'Belopp i tkr'] : []);
  return rows;
}
