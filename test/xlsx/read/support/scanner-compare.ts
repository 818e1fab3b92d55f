/** Reading a workbook both ways, with the fast worksheet scanner and with the saxes path. */
import { isStyrkollError } from '../../../../src/core/errors';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot';
import { readWorkbookSync } from '../../../../src/xlsx/read/read-workbook';
import type { ScannerStats } from '../../../../src/xlsx/read/worksheet';

export type Outcome = { snapshot: WorkbookSnapshot } | { code: string; message: string };

export function outcome(bytes: Uint8Array, fast: boolean, stats?: ScannerStats): Outcome {
  try {
    return { snapshot: readWorkbookSync(bytes, undefined, { fastScanner: fast, stats }) };
  } catch (e) {
    if (!isStyrkollError(e)) throw e;
    return { code: e.code, message: e.message };
  }
}

export const newStats = (): ScannerStats => ({ fast: 0, saxes: 0, bails: [] });

/** Reads both ways, expects the same outcome, and returns the fast side's stats. */
export function compare(bytes: Uint8Array): ScannerStats {
  const stats = newStats();
  const fast = outcome(bytes, true, stats);
  const reference = outcome(bytes, false);
  expect(fast).toEqual(reference);
  return stats;
}
