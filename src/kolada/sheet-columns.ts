/**
 * Finding and adding columns on the Indikatorer sheet by header text. Header matching follows
 * the workbook contract: case, spaces and å/ä/ö versus a/o are ignored, and so is a trailing
 * year or unit ("Riket 2024", "Utfall (%)").
 */
import type { SheetLocation } from '../core';
import type { CellValue, WorkbookSnapshot } from '../core';

export function normalizeHeaderText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\s\d\-–:,.]+$/g, '')
    .replace(/[^a-z]/g, '');
}

export { columnLetter, cellAddress as a1 } from '../core';

/** Columns of one sheet: lookup by header, cell values, and new columns after the last header. */
export class SheetColumns {
  private readonly byHeader = new Map<string, number>();
  private lastColumn: number;
  private readonly rows: CellValue[][] | null;

  constructor(readonly location: SheetLocation, snapshot?: WorkbookSnapshot) {
    const want = location.name.trim().toLowerCase();
    const sheet = snapshot?.sheets.find((s) => s.name.trim().toLowerCase() === want);
    this.rows = sheet?.rows ?? null;
    let last = 0;
    const headerCells = this.rows?.[location.headerRow - 1] ?? [];
    headerCells.forEach((v, i) => {
      if (v === null || String(v).trim() === '') return;
      last = i + 1;
      const key = normalizeHeaderText(String(v));
      if (key && !this.byHeader.has(key)) this.byHeader.set(key, i + 1);
    });
    for (const [field, col] of Object.entries(location.columns)) {
      last = Math.max(last, col);
      const key = normalizeHeaderText(location.headers[field] ?? field);
      if (key && !this.byHeader.has(key)) this.byHeader.set(key, col);
    }
    this.lastColumn = last;
  }

  find(header: string): number | null {
    return this.byHeader.get(normalizeHeaderText(header)) ?? null;
  }

  /** Appends a column after the last header column; returns its 1-based index. */
  append(header: string): number {
    this.lastColumn += 1;
    this.byHeader.set(normalizeHeaderText(header), this.lastColumn);
    return this.lastColumn;
  }

  /** The cell's value from the snapshot, or undefined when no snapshot was given. */
  value(row: number, col: number): CellValue | undefined {
    if (!this.rows) return undefined;
    return this.rows[row - 1]?.[col - 1] ?? null;
  }
}
