/**
 * Header detection for the plan sheets (Mål, Indikatorer, Uppdrag, Åtgärder): the header row of an
 * Excel table on the sheet, else the row among the first 40 that holds all required headers and
 * the most known ones (the first among equals). Budget tables: budget-header.ts.
 */
import type { CellValue, SheetSnapshot } from '../snapshot';
import { parseRangeRef } from './address';
import { type ColumnSpec, headerIndex } from './header-specs';
import { normalizeHeader, planYearOf } from './text';

/** Rows searched for the header when no table gives it (as for budget tables). */
export const HEADER_SEARCH_ROWS = 40;
/** Columns searched in a header row (a row can be 16 384 cells wide). */
export const HEADER_SEARCH_COLS = 1024;

export interface HeaderFound {
  found: true;
  /** 1-based header row. */
  headerRow: number;
  /** field key → 1-based column; plan years as "plan2026". */
  columns: Record<string, number>;
  headers: Record<string, string>;
  planYears: number[];
  /** 0-based row index of the first and one past the last row to read. */
  dataStart: number;
  dataEnd: number;
  /** 0-based first column of the data area (where a total row's label is looked for). */
  firstCol: number;
}

export interface HeaderMissing {
  found: false;
  /** Required field keys missing from the best candidate row. */
  missing: string[];
}

interface RowMatch {
  columns: Record<string, number>;
  headers: Record<string, string>;
  planYears: number[];
  recognized: number;
}

function matchRow(row: CellValue[] | undefined, spec: ColumnSpec, from: number, to: number): RowMatch {
  const index = headerIndex(spec);
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const planYears: number[] = [];
  let recognized = 0;
  if (!Array.isArray(row)) return { columns, headers, planYears, recognized };
  const end = Math.min(row.length, to, from + HEADER_SEARCH_COLS);
  for (let c = from; c < end; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.trim() === '') continue;
    const year = spec.planYears ? planYearOf(v) : null;
    const key = year !== null ? 'plan' + year : index.get(normalizeHeader(v));
    if (key === undefined) continue;
    if (key in columns) {
      // "Utfall 2024 | … | Utfall 2025": the newest year wins, otherwise the first column.
      if (!(yearIn(v) > yearIn(headers[key]))) continue;
    } else recognized++;
    columns[key] = c + 1;
    headers[key] = v.trim();
    if (year !== null) planYears.push(year);
  }
  planYears.sort((a, b) => a - b);
  return { columns, headers, planYears, recognized };
}

const YEAR = /(?:^|\D)((?:19|20)\d\d)(?!\d)/;

/** The year written in a header, or 0. */
function yearIn(header: string): number {
  const m = YEAR.exec(header);
  return m ? Number(m[1]) : 0;
}

function missingOf(m: RowMatch, required: string[]): string[] {
  return required.filter((k) => !(k in m.columns));
}

export function detectHeader(sheet: SheetSnapshot, spec: ColumnSpec, required: string[], searchRows = HEADER_SEARCH_ROWS): HeaderFound | HeaderMissing {
  const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
  let best: string[] = required;

  for (const table of Array.isArray(sheet.tables) ? sheet.tables : []) {
    const range = parseRangeRef(table?.ref);
    if (!range) continue;
    const m = matchRow(rows[range.top - 1], spec, range.left - 1, range.right);
    const missing = missingOf(m, required);
    if (missing.length === 0) {
      return {
        found: true,
        headerRow: range.top,
        ...m,
        dataStart: range.top,
        dataEnd: Math.min(rows.length, range.bottom),
        firstCol: range.left - 1,
      };
    }
    if (missing.length < best.length) best = missing;
  }

  // A title row such as "Budget 2025" alone would match a one-column requirement, so a row that
  // names at least two known columns is preferred; a lone match is the fallback.
  let fallback: { row: number; m: RowMatch } | null = null;
  let top: { row: number; m: RowMatch } | null = null;
  const limit = Math.min(rows.length, searchRows);
  for (let r = 0; r < limit; r++) {
    const m = matchRow(rows[r], spec, 0, Number.MAX_SAFE_INTEGER);
    const missing = missingOf(m, required);
    if (missing.length === 0) {
      if (m.recognized >= 2) {
        if (top === null || m.recognized > top.m.recognized) top = { row: r, m };
      } else if (!fallback) fallback = { row: r, m };
    } else if (missing.length < best.length) {
      best = missing;
    }
  }
  if (top) return found(top.row, top.m, rows.length);
  if (fallback) return found(fallback.row, fallback.m, rows.length);
  return { found: false, missing: best };
}

function found(r: number, m: RowMatch, rowCount: number): HeaderFound {
  return { found: true, headerRow: r + 1, ...m, dataStart: r + 1, dataEnd: rowCount, firstCol: 0 };
}
