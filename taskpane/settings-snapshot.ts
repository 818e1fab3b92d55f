/**
 * The pane's thresholds reach the core the way a user's would: as rows in Inställningar. A
 * threshold set in the pane replaces a row with the same key, so the pane's choice wins. The
 * settings sheet is the one the core reads (findSheet: Inställningar, Installningar, Settings …).
 */
import { findSheet } from '../src/core/input/sheet-lookup';
import type { WorkbookSnapshot } from '../src/core/snapshot';

const keyOf = (v: unknown) => (typeof v === 'string' ? v.trim().toLocaleLowerCase('sv') : '');

export function withThresholds(snapshot: WorkbookSnapshot, thresholds: Record<string, number>): WorkbookSnapshot {
  const entries = Object.entries(thresholds);
  if (entries.length === 0) return snapshot;
  const keys = new Set(entries.map(([k]) => keyOf(k)));
  const found = findSheet(snapshot, 'installningar');
  const index = found ? snapshot.sheets.indexOf(found) : -1;
  const sheets = [...snapshot.sheets];
  if (index < 0) {
    sheets.push({ name: 'Inställningar', rows: entries.map(([k, v]) => [k, v]), errors: [] });
  } else {
    const sheet = sheets[index];
    // Overridden rows are emptied, not removed, so every other row keeps its row number.
    const rows = sheet.rows.map((row) => (keys.has(keyOf(row[0])) ? [] : row));
    sheets[index] = { ...sheet, rows: [...rows, ...entries.map(([k, v]) => [k, v])] };
  }
  return { ...snapshot, sheets };
}
