import { SEVERITY_FILLS, type CellMark } from '../core';
import { argbToHex } from './colors';

/**
 * What Styrkoll changed in the user's sheets, kept in the workbook settings so the next run can
 * undo it: per sheet, each marked cell with its fill before the mark, the fill Styrkoll applied
 * and whether Styrkoll added the note. Settings travel with the file, are invisible to the user
 * and cannot be edited by accident, unlike a hidden sheet.
 */
export const MARK_RECORD_KEY = 'styrkoll.marks';

/** [cell, fill before the mark (null = no fill), fill applied, 1 when Styrkoll added the note] */
export type MarkEntry = [cell: string, previousFill: string | null, appliedFill: string, note: 0 | 1];

export interface MarkRecord {
  v: 1;
  sheets: Record<string, MarkEntry[]>;
}

/** The same fills as the Kontroll sheet and the xlsx writer's marks. */
export const MARK_FILLS: Record<CellMark['severity'], string> = {
  fel: argbToHex(SEVERITY_FILLS.fel),
  varning: argbToHex(SEVERITY_FILLS.varning),
  info: argbToHex(SEVERITY_FILLS.info),
};

export function emptyRecord(): MarkRecord {
  return { v: 1, sheets: {} };
}

/** Parses a stored record; anything unreadable counts as no record (nothing to undo). */
export function parseRecord(value: unknown): MarkRecord {
  let data = value;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return emptyRecord();
    }
  }
  if (!data || typeof data !== 'object' || (data as MarkRecord).v !== 1 || typeof (data as MarkRecord).sheets !== 'object') return emptyRecord();
  const sheets: Record<string, MarkEntry[]> = {};
  for (const [sheet, entries] of Object.entries((data as MarkRecord).sheets ?? {})) {
    if (!Array.isArray(entries)) continue;
    sheets[sheet] = entries.filter(
      (e): e is MarkEntry => Array.isArray(e) && typeof e[0] === 'string' && (e[1] === null || typeof e[1] === 'string') && typeof e[2] === 'string',
    );
  }
  return { v: 1, sheets };
}

/** A cell's one mark: the core's merge (mergeMarks in src/core/marks.ts). */
export type MergedMark = CellMark;
export { mergeMarks } from '../core';

export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').toUpperCase() === (b ?? '').toUpperCase();
}

/** Excel reports "no fill" as white; both are restored by clearing the fill. */
export function normalizeFill(color: string | null | undefined): string | null {
  if (!color || sameColor(color, '#FFFFFF')) return null;
  return color.toUpperCase();
}
