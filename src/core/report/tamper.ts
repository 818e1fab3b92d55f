/**
 * Finds changes outside the fill-in fields of a returned report: rows whose locked cells no longer
 * match their stored hash, and text in rows Styrkoll did not write. The changed cells are named
 * by comparing with the sheet rebuilt from the master (same template and nämnd).
 */
import type { SheetSpec } from '../sheet-spec';
import type { SheetSnapshot } from '../snapshot';
import { address, isBlank } from './cell-ref';
import type { ReportReading } from './read-report';
import { decodeRowKey, ID_COLUMN } from './row-key';

function same(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/** A1 addresses (in the returned sheet) of locked cells changed in Styrkoll's rows, in row order (stray cells are separate). */
export function changedCells(reading: ReportReading, returned: SheetSnapshot, expected: SheetSpec | null): string[] {
  const expectedRows = new Map<string, (unknown)[]>();
  if (expected) {
    for (const row of expected.rows) {
      const k = decodeRowKey(row[ID_COLUMN - 1]?.v ?? null);
      if (k) expectedRows.set(k.key, row.map((c) => c?.v ?? null));
    }
  }
  const out: string[] = [];
  for (const r of reading.rows) {
    if (!r.changed) continue;
    const got = returned.rows[r.row - 1] ?? [];
    const want = expectedRows.get(r.key.key);
    const fieldCols = new Set(Object.values(r.key.fields));
    const width = Math.max(got.length, want?.length ?? 0);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      if (c === ID_COLUMN || fieldCols.has(c)) continue;
      const g = got[c - 1] ?? null;
      if (want ? !same(g, want[c - 1] ?? null) : !isBlank(g)) cells.push(address(r.row, c));
    }
    // The master changed too, so the comparison names nothing: point at the whole row.
    out.push(...(cells.length ? cells : [`${address(r.row, 2)}:${address(r.row, Math.max(2, width))}`]));
  }
  return out.sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
}
