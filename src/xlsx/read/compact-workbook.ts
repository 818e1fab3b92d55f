/**
 * The snapshot before its rows are built: per sheet, cells as typed arrays, and one string list for
 * the workbook. A worker sends this with its buffers transferred (no copy, nothing to serialise
 * per cell); the receiving side builds the rows.
 */
import type { CellErrorRef, SheetSnapshot, WorkbookSnapshot } from '../../core';
import { materializeRows, type CompactCells } from './sheet-grid';

export interface CompactSheet {
  name: string;
  cells: CompactCells;
  errors: CellErrorRef[];
  tables?: { name: string; ref: string }[];
  /** Hidden or very hidden in Excel. */
  hidden?: boolean;
}

export interface CompactWorkbook {
  sheets: CompactSheet[];
  /** Texts referred to by the cells' string slots (shared strings first). */
  strings: string[];
}

export function materializeWorkbook(compact: CompactWorkbook): WorkbookSnapshot {
  return {
    sheets: compact.sheets.map((s) => {
      const sheet: SheetSnapshot = { name: s.name, rows: materializeRows(s.cells, compact.strings), errors: s.errors };
      if (s.tables) sheet.tables = s.tables;
      if (s.hidden) sheet.hidden = true;
      return sheet;
    }),
  };
}

/** The buffers under a compact workbook's cells, each once, to pass as postMessage's transfer list. */
export function transferables(compact: CompactWorkbook): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const { cells } of compact.sheets) {
    for (const a of [cells.rowStart, cells.rowLen, cells.kinds, cells.values]) seen.add(a.buffer as ArrayBuffer);
  }
  return [...seen];
}
