/**
 * The mapping for when guessing is not enough: Inställningar's `Budgetblad`, `Rubrikrad` and
 * `Kolumn Budget = Nettokostnad budget 2025` (one key per field), merged with what the user said on
 * the command line (`--sheet`, `--map`) or in the task pane, which wins.
 */
import type { Settings } from '../model';
import type { ColumnMapping } from './budget-header';
import { AVSNITT, type FindingSink } from './findings';
import { BUDGET_COLUMNS, headerIndex } from './header-specs';
import { parseSwedishNumber } from './numbers';
import { cellText, normalizeHeader } from './text';

/** Fields that can be mapped, with the name users write after "Kolumn". */
export const MAPPABLE_FIELDS: readonly { key: string; title: string }[] = BUDGET_COLUMNS.fields.map((f) => ({ key: f.key, title: f.title }));

/** Inställningar keys of the mapping, as written in the sheet. */
export const MAPPING_KEYS = { sheet: 'Budgetblad', headerRow: 'Rubrikrad', column: (title: string) => `Kolumn ${title}` } as const;

/** A field key from a field name as users write it ("Budget", "nämnd", "Avvikelse"); null when unknown. */
export function fieldOfName(name: string): string | null {
  return headerIndex(BUDGET_COLUMNS).get(normalizeHeader(name)) ?? null;
}

/**
 * Parses `--map` texts: "Budget=Nettokostnad budget 2025", "Utfall=E", several separated by ";".
 * Returns the mapping and the parts that could not be read.
 */
export function parseMapArgs(args: readonly string[]): { columns: Record<string, string>; errors: string[] } {
  const columns: Record<string, string> = {};
  const errors: string[] = [];
  for (const arg of args) {
    for (const part of arg.split(';')) {
      if (part.trim() === '') continue;
      const eq = part.indexOf('=');
      const field = eq > 0 ? fieldOfName(part.slice(0, eq)) : null;
      const target = eq > 0 ? part.slice(eq + 1).trim() : '';
      if (field === null || target === '') errors.push(part.trim());
      else columns[field] = target;
    }
  }
  return { columns, errors };
}

/** The mapping in force: Inställningar's keys, overridden by `given` field by field. */
export function mappingFromSettings(settings: Settings, given: ColumnMapping | undefined, sink: FindingSink): ColumnMapping {
  const e = settings.entries;
  const sheetEntry = e[normalizeHeader(MAPPING_KEYS.sheet)];
  const rowEntry = e[normalizeHeader(MAPPING_KEYS.headerRow)];
  const columns: Record<string, string> = {};
  for (const f of MAPPABLE_FIELDS) {
    const entry = e[normalizeHeader(MAPPING_KEYS.column(f.title))];
    const text = entry ? cellText(entry.value as string | number | null) : null;
    if (text) columns[f.key] = text;
  }
  let headerRow: number | null = null;
  if (rowEntry && rowEntry.value !== null) {
    const n = parseSwedishNumber(rowEntry.value as string | number);
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1_048_576) headerRow = n;
    else {
      sink.add({
        rule: 'IN-INSTALLNING',
        severity: 'varning',
        sheet: settings.sheet,
        row: rowEntry.row,
        col: 2,
        message: `Inställningen ${rowEntry.key} har värdet ”${String(rowEntry.value)}”, som inte är ett radnummer; rubrikraden letas upp i stället.`,
        suggestion: 'Skriv radnumret för rubrikraden i budgetbladet, t.ex. 14.',
        avsnitt: AVSNITT.installningar,
      });
    }
  }
  const sheet = given?.sheet ?? (sheetEntry ? cellText(sheetEntry.value as string | number | null) : null);
  const merged: ColumnMapping = {
    sheet: sheet ?? null,
    headerRow: given?.headerRow ?? headerRow,
    columns: { ...columns, ...(given?.columns ?? {}) },
  };
  if (Object.keys(merged.columns!).length === 0) delete merged.columns;
  return merged;
}
