/**
 * "One mark per cell, most severe wins": the one merge every adapter uses. Marks on the same cell
 * of the same sheet (sheet names compared case-insensitively, as Excel does; "$F$17", "f17" and
 * "F17" are one cell) become one mark with the most severe severity and the notes joined one line
 * each, in input order; a note line the cell already has is not repeated. The first mark's sheet
 * name is kept, the cell is written "F17". Marks come out in the order their cells first appear.
 */
import { moreSevere } from './finding';
import type { CellMark } from './sheet-spec';

/** A cell address without $ and in capitals: "$f$17" → "F17". */
export const normalizeCell = (cell: string): string => cell.replace(/\$/g, '').toUpperCase();

export function mergeMarks(marks: readonly CellMark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const m of marks) {
    const cell = normalizeCell(m.cell);
    const key = `${m.sheet.toLowerCase()}\u0000${cell}`;
    const prev = byCell.get(key);
    if (!prev) {
      byCell.set(key, { sheet: m.sheet, cell, severity: m.severity, note: m.note });
      continue;
    }
    prev.severity = moreSevere(prev.severity, m.severity);
    if (m.note && !prev.note.split('\n').includes(m.note)) prev.note = prev.note ? `${prev.note}\n${m.note}` : m.note;
  }
  return [...byCell.values()];
}
