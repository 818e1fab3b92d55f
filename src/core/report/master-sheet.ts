/** Where collect writes in the master: columns found by the model's location or by header text. */
import type { SheetLocation } from '../model';
import type { CellStyle } from '../sheet-spec';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { address, normalizeName } from './cell-ref';

export interface Edit {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** Strings are written as text, never as formulas. */
  value: string | number | null;
  /** A date (serial number) gets a date format. */
  style?: CellStyle;
}

function headerMatches(header: CellValue, name: string): boolean {
  if (typeof header !== 'string') return false;
  const h = normalizeName(header);
  return h === name || h.startsWith(name + ' ') || h.startsWith(name + '(');
}

/** Collects edits for one master sheet; adds a header in the first free column for a missing one. */
export class MasterSheet {
  private readonly added = new Map<string, number>();
  private nextRow: number;
  readonly snapshot: SheetSnapshot | null;

  constructor(readonly location: SheetLocation, master: WorkbookSnapshot, private readonly edits: Edit[]) {
    this.snapshot = master.sheets.find((s) => s.name === location.name) ?? null;
    this.nextRow = (this.snapshot?.rows.length ?? location.headerRow) + 1;
  }

  private headerRow(): CellValue[] {
    return this.snapshot?.rows[this.location.headerRow - 1] ?? [];
  }

  /** 1-based column for a field: the model's column keys first, then the header text. */
  find(keys: string[], headerNames: string[]): number | null {
    for (const k of keys) if (this.location.columns[k]) return this.location.columns[k];
    const row = this.headerRow();
    for (const n of headerNames) {
      const i = row.findIndex((h) => headerMatches(h, normalizeName(n)));
      if (i >= 0) return i + 1;
    }
    return this.added.get(headerNames[0]) ?? null;
  }

  /** Like find, but creates the column (header edit) when the master lacks it. */
  column(keys: string[], headerNames: string[], headerText: string): number {
    const found = this.find(keys, headerNames);
    if (found) return found;
    const row = this.headerRow();
    let last = row.length;
    for (const c of this.added.values()) last = Math.max(last, c);
    for (const c of Object.values(this.location.columns)) last = Math.max(last, c);
    const col = last + 1;
    this.added.set(headerNames[0], col);
    this.edits.push({ sheet: this.location.name, cell: address(this.location.headerRow, col), value: headerText });
    return col;
  }

  value(row: number, col: number): CellValue {
    return this.snapshot?.rows[row - 1]?.[col - 1] ?? null;
  }

  /** Adds an edit unless the cell already holds that value. */
  set(row: number, col: number, value: string | number | null, style?: CellStyle): boolean {
    const cur = this.value(row, col);
    if (cur === value || (typeof cur === 'string' && typeof value === 'string' && cur.trim() === value.trim())) return false;
    this.edits.push({ sheet: this.location.name, cell: address(row, col), value, ...(style ? { style } : {}) });
    return true;
  }

  /** Row number for a new row appended below the data. */
  appendRow(): number {
    return this.nextRow++;
  }
}
