/** A1 addresses: 1-based rows and columns, as in findings and the model. */

/** Column letters for a 1-based column: 1 → "A", 27 → "AA", 16384 → "XFD". */
export function columnLetter(col: number): string {
  let n = Math.floor(col);
  if (!(n >= 1)) return 'A';
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// The letters of the first columns, where nearly every address lies, made once.
const LETTERS: string[] = [];
for (let col = 0; col <= 64; col++) LETTERS.push(columnLetter(col));

/** A1 address of a 1-based row and column, e.g. cellAddress(17, 6) → "F17". */
export function cellAddress(row: number, col: number): string {
  return addressIn(col >= 1 && col <= 64 && col % 1 === 0 ? LETTERS[col] : columnLetter(col), row);
}

/** A1 address of a 1-based row in the column with these letters (columnLetter's). */
export function addressIn(letters: string, row: number): string {
  return letters + (row >= 1 && row % 1 === 0 ? row : Math.max(1, Math.floor(row)));
}

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "F17" or "$F$17" into 1-based row and column; null when it is not an A1 address. */
export function parseCellAddress(text: string): CellRef | null {
  const m = A1.exec(text.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || col < 1) return null;
  return { row, col };
}

/** Parses a table range such as "B3:H120" (or a single cell); null when unreadable. */
export function parseRangeRef(ref: unknown): RangeRef | null {
  if (typeof ref !== 'string') return null;
  const bare = ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref;
  const parts = bare.split(':');
  if (parts.length > 2) return null;
  const a = parseCellAddress(parts[0]);
  const b = parts.length === 2 ? parseCellAddress(parts[1]) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}
