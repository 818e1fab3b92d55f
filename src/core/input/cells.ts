/** Reading cells of data rows: error cells, numbers and dates, with a finding for each unreadable one. */
import type { CellErrorRef, CellValue, SheetSnapshot } from '../snapshot';
import { cellAddress } from './address';
import { parseDateCell } from './dates';
import { AVSNITT, type FindingSink } from './findings';
import { parseSwedishNumber } from './numbers';
import { quoteRaw } from './text';

/** Error cells by 1-based row, for rows in [fromRow, toRow] and the given 1-based columns. */
export function errorsByRow(sheet: SheetSnapshot, fromRow: number, toRow: number, cols: number[]): Map<number, CellErrorRef[]> | null {
  const errors = Array.isArray(sheet.errors) ? sheet.errors : [];
  if (errors.length === 0) return null;
  const wanted = new Set(cols);
  const map = new Map<number, CellErrorRef[]>();
  for (const e of errors) {
    if (!e || typeof e.row !== 'number' || typeof e.col !== 'number') continue;
    if (e.row < fromRow || e.row > toRow || !wanted.has(e.col)) continue;
    const list = map.get(e.row);
    if (list) list.push(e);
    else map.set(e.row, [e]);
  }
  return map.size === 0 ? null : map;
}

export function reportErrorCell(sink: FindingSink, sheet: string, e: CellErrorRef, columnTitle: string, namnd: string | null): void {
  if (sink.skip('IN-FELVARDE', sheet, 'fel', AVSNITT.tal)) return;
  const code = typeof e.code === 'string' && e.code !== '' ? e.code : '#FEL';
  sink.push({
    rule: 'IN-FELVARDE',
    severity: 'fel',
    sheet,
    row: e.row,
    col: e.col,
    namnd,
    message: `Cellen ${sheet}!${cellAddress(e.row, e.col)} (kolumn ${columnTitle}) innehåller felvärdet ${code} och kan inte läsas.`,
    suggestion: 'Rätta formeln så att den ger ett värde (felvärden som #REF! uppstår ofta när en rad, ett blad eller en länkad fil tagits bort).',
    avsnitt: AVSNITT.tal,
  });
}

/** Context for reading one data row's cells. */
export interface RowContext {
  sink: FindingSink;
  sheet: string;
  /** 1-based row. */
  row: number;
  namnd: string | null;
  avsnitt: string;
}

/** A number cell; null when empty or unreadable (an unreadable one is reported as IN-TAL). */
export function readNumber(ctx: RowContext, v: CellValue | undefined, col: number, title: string): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const n = parseSwedishNumber(v);
  if (n !== undefined) return n;
  reportUnreadableNumber(ctx, v, col, title);
  return null;
}

export function reportUnreadableNumber(ctx: RowContext, v: CellValue | undefined, col: number, title: string): void {
  if (ctx.sink.skip('IN-TAL', ctx.sheet, 'varning', AVSNITT.tal)) return;
  ctx.sink.push({
    rule: 'IN-TAL',
    severity: 'varning',
    sheet: ctx.sheet,
    row: ctx.row,
    col,
    namnd: ctx.namnd,
    message: `Cellen ${ctx.sheet}!${cellAddress(ctx.row, col)} (kolumn ${title}) innehåller ${quoteRaw(v)}, som inte kan läsas som ett tal.`,
    suggestion: 'Skriv ett tal, t.ex. 1 234, -12,5 eller (1 200), utan annan text i cellen.',
    avsnitt: AVSNITT.tal,
  });
}

/** A date cell as ISO yyyy-mm-dd; null when empty or unreadable (reported as IN-DATUM). */
export function readDate(ctx: RowContext, v: CellValue | undefined, col: number, title: string): string | null {
  const d = parseDateCell(v);
  if (d !== undefined) return d;
  if (ctx.sink.skip('IN-DATUM', ctx.sheet, 'varning', AVSNITT.tal)) return null;
  ctx.sink.push({
    rule: 'IN-DATUM',
    severity: 'varning',
    sheet: ctx.sheet,
    row: ctx.row,
    col,
    namnd: ctx.namnd,
    message: `Cellen ${ctx.sheet}!${cellAddress(ctx.row, col)} (kolumn ${title}) innehåller ${quoteRaw(v)}, som inte kan läsas som ett datum.`,
    suggestion: 'Skriv datumet som 2025-08-31 eller som ett Excel-datum.',
    avsnitt: AVSNITT.tal,
  });
  return null;
}

/** Reports a value outside a column's accepted set (IN-VARDE). */
export function reportUnknownValue(ctx: RowContext, v: CellValue | undefined, col: number, title: string, accepted: string): void {
  ctx.sink.add({
    rule: 'IN-VARDE',
    severity: 'varning',
    sheet: ctx.sheet,
    row: ctx.row,
    col,
    namnd: ctx.namnd,
    message: `Cellen ${ctx.sheet}!${cellAddress(ctx.row, col)} (kolumn ${title}) innehåller ${quoteRaw(v)}, som inte är ett känt värde.`,
    suggestion: `Använd ${accepted}.`,
    avsnitt: ctx.avsnitt,
  });
}
