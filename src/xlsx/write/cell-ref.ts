/** A1 addresses and sheet names in references. */
import { StyrkollError } from '../../common/errors';

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface CellPos {
  row: number;
  col: number;
}

export function parseA1(ref: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) throw new StyrkollError('ARGUMENT', `Ogiltig celladress: "${ref}".`);
  const pos = { col: colNumber(m[1]), row: Number(m[2]) };
  if (pos.col > 16384 || pos.row < 1 || pos.row > 1048576) throw new StyrkollError('ARGUMENT', `Celladressen "${ref}" ligger utanför bladet.`);
  return pos;
}

export function toA1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** 'Budget 2025'!F17 — always quoted, which Excel accepts for every name. */
export function sheetRef(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Throws a Swedish error for names Excel refuses. */
export function validateSheetName(name: string): void {
  const bad =
    name.length === 0 ? 'namnet är tomt'
    : name.length > 31 ? 'namnet är längre än 31 tecken'
    : /[[\]:*?/\\]/.test(name) ? 'namnet innehåller något av tecknen [ ] : * ? / \\'
    : name.startsWith("'") || name.endsWith("'") ? 'namnet börjar eller slutar med apostrof'
    : name.toLowerCase() === 'history' ? 'namnet "History" är reserverat i Excel'
    : null;
  if (bad) throw new StyrkollError('ARGUMENT', `Bladnamnet "${name}" går inte att använda: ${bad}.`);
}
