/** Changes or adds values in existing sheets, keeping everything else of the package. */
import { StyrkollError } from '../../common/errors';
import type { CellStyle } from '../../core';
import type { CellValue } from '../../core';
import { finish, openSession } from './session';
import { SheetEditor } from './sheet-edit';
import type { PackageOptions } from './zip-package';
import { dropCalcChain, findSheet, setFullCalcOnLoad } from './workbook-part';

export interface CellEdit {
  sheet: string;
  cell: string;
  value: CellValue;
  style?: CellStyle;
}

export function setCellValues(original: Uint8Array, edits: CellEdit[], pkgOptions: PackageOptions = {}): Uint8Array {
  const s = openSession(original, pkgOptions);
  if (edits.length === 0) return original;
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) {
    const entry = findSheet(s.wb, e.sheet);
    if (!entry || entry.kind !== 'worksheet' || !entry.part) {
      throw new StyrkollError('ARGUMENT', `Bladet "${e.sheet}" finns inte i arbetsboken.`);
    }
    if (!bySheet.has(entry.part)) bySheet.set(entry.part, []);
    bySheet.get(entry.part)!.push(e);
  }
  let formulaReplaced = false;
  for (const [part, list] of bySheet) {
    const editor = new SheetEditor(s.pkg.bytes(part, false)!, part);
    for (const e of list) editor.change(e.cell, { kind: 'value', v: e.value, s: e.style ? s.styles.register(e.style) : undefined });
    s.pkg.setBytes(part, editor.apply());
    formulaReplaced ||= editor.formulaReplaced;
  }
  if (formulaReplaced) dropCalcChain(s.pkg, s.wb);
  // Formulas that depend on the new values are recalculated when Excel opens the file.
  setFullCalcOnLoad(s.pkg, s.wb);
  return finish(s);
}
