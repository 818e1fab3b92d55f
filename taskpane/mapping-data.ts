/**
 * The Koppla kolumner form's data, from a check: the budget the core recognised (sheet, header row,
 * column per field), the mapping in force, and each sheet's first rows to choose from. Used in
 * Excel (from the heads the adapter read) and in the page's worker (from the whole workbook), so
 * the pane itself imports no part of the core.
 */
import type { CheckedWorkbook } from '../src/core';
import type { ColumnMapping } from '../src/core';
import { HEADER_SCAN_ROWS } from '../src/core';
import { FindingSink } from '../src/core';
import { OWN_SHEET_NAMES } from '../src/core';
import { MAPPABLE_FIELDS, mappingFromSettings } from '../src/core';
import { emptySettings, readSettings } from '../src/core';
import { findSheet } from '../src/core';
import { foldText } from '../src/core';
import type { WorkbookSnapshot } from '../src/core';
import type { MappingData, MappingSheet } from './services';

/** The form's order: the amounts first, then the text columns. */
const ORDER = ['budget', 'utfall', 'prognos', 'avvikelse', 'namnd', 'verksamhet', 'konto', 'typ', 'kommentar'];
/** A header row wider than this is offered in part; a longer text is cut. */
const MAX_COLS = 80;
const MAX_TEXT = 80;

const OWN = new Set(OWN_SHEET_NAMES.map(foldText));

export const MAPPING_FIELDS: { key: string; title: string }[] = [...MAPPABLE_FIELDS].sort((a, b) => rank(a.key) - rank(b.key)).map((f) => ({ ...f }));

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  return i < 0 ? ORDER.length : i;
}

function textRow(row: unknown[] | undefined): { col: number; text: string }[] {
  const cells: { col: number; text: string }[] = [];
  if (!Array.isArray(row)) return cells;
  for (let c = 0; c < row.length && cells.length < MAX_COLS; c++) {
    const v = row[c];
    if (typeof v === 'string' && v.trim() !== '') cells.push({ col: c + 1, text: v.trim().slice(0, MAX_TEXT) });
  }
  return cells;
}

/** The mapping in force: Inställningar's Budgetblad, Rubrikrad and Kolumn keys, overridden by `given`. */
export function mappingInForce(snapshot: WorkbookSnapshot, given?: ColumnMapping | null): ColumnMapping {
  const found = findSheet(snapshot, 'installningar');
  const sink = new FindingSink();
  const settings = found && Array.isArray(found.rows) ? readSettings(found, sink) : emptySettings(null);
  return mappingFromSettings(settings, given ?? undefined, sink);
}

export function buildMappingData(snapshot: WorkbookSnapshot, result: CheckedWorkbook | null, given?: ColumnMapping | null): MappingData {
  const location = result?.model?.budget?.location ?? null;
  const recognised: MappingData['recognised'] = location
    ? {
        sheet: location.name,
        headerRow: location.headerRow,
        columns: Object.fromEntries(
          Object.entries(location.columns)
            .filter(([key]) => ORDER.includes(key))
            .map(([key, col]) => [key, { col, header: location.headers[key] ?? '' }]),
        ),
      }
    : null;
  const current = mappingInForce(snapshot, given);
  const settingsSheet = findSheet(snapshot, 'installningar');
  const sheets: MappingSheet[] = [];
  for (const sheet of Array.isArray(snapshot.sheets) ? snapshot.sheets : []) {
    if (!sheet || typeof sheet.name !== 'string' || OWN.has(foldText(sheet.name)) || sheet === settingsSheet) continue;
    const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
    const wanted = new Set<number>();
    for (let r = 1; r <= Math.min(rows.length, HEADER_SCAN_ROWS); r++) wanted.add(r);
    if (recognised?.sheet === sheet.name) wanted.add(recognised.headerRow);
    if (current.headerRow && foldText(current.sheet ?? '') === foldText(sheet.name)) wanted.add(current.headerRow);
    const out: MappingSheet['rows'] = [];
    for (const r of [...wanted].sort((a, b) => a - b)) {
      const cells = textRow(rows[r - 1]);
      if (cells.length > 0) out.push({ row: r, cells });
    }
    let likely: number | null = recognised?.sheet === sheet.name ? recognised.headerRow : null;
    if (likely === null) {
      let most = 1;
      for (const row of out) if (row.cells.length > most) [most, likely] = [row.cells.length, row.row];
    }
    sheets.push({ name: sheet.name, rows: out, likelyHeaderRow: likely });
  }
  return { fields: MAPPING_FIELDS, sheets, recognised, current };
}
