/** A1 references: Excel's grid is at most 1 048 576 rows × 16 384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface CellPos {
  /** 1-based row, or 0 when the reference has no row part. */
  row: number;
  /** 1-based column, or 0 when the reference has no column part. */
  col: number;
}

/** Parses "B12" / "$B$12" / "B" / "12"; returns null for anything else or out-of-grid positions. */
export function parseCellRef(ref: string): CellPos | null {
  let i = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  while (i < n) {
    let ch = ref.charCodeAt(i);
    if (ch >= 97 && ch <= 122) ch -= 32; // lower-case letters
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    if (col > MAX_COLS) return null;
    i++;
  }
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  while (i < n) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
    if (row > MAX_ROWS) return null;
    i++;
  }
  if (col === 0 && row === 0) return null;
  return { row, col };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses "A1:C3" or a single cell "B2" into a range; null when it is not a valid range. */
export function parseRange(ref: string): CellRange | null {
  const colon = ref.indexOf(':');
  const a = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1));
  if (!a || !b || a.row === 0 || a.col === 0 || b.row === 0 || b.col === 0) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
