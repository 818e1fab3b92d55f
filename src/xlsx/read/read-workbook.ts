/**
 * readWorkbook: .xlsx bytes → WorkbookSnapshot. Bytes only (no fs), so it runs in a browser bundle
 * as well as in Node. Each refusal is a StyrkollError with a one-line Swedish message.
 */
import { isStyrkollError } from '../../core/errors';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { fileKindError, inspectFile } from '../detect';
import { readDateStyles } from './date-styles';
import { readErrors } from './errors';
import { resolveLimits, sheetSelector, type ReadOptions } from './options';
import { readSharedStrings } from './shared-strings';
import { CellBudget } from './sheet-grid';
import { readTables } from './tables';
import { readWorkbookPart } from './workbook-part';
import { readWorksheet } from './worksheet';

export async function readWorkbook(bytes: Uint8Array, options?: ReadOptions): Promise<WorkbookSnapshot> {
  try {
    return readWorkbookSync(bytes, options);
  } catch (e) {
    if (isStyrkollError(e)) throw e;
    // Out-of-memory and similar: still one Swedish line, with the cause kept for diagnosis.
    throw readErrors.internal(e);
  }
}

export function readWorkbookSync(bytes: Uint8Array, options?: ReadOptions): WorkbookSnapshot {
  const limits = resolveLimits(options?.limits);
  const inspection = inspectFile(bytes, limits);
  const refusal = fileKindError(inspection.kind);
  if (refusal) throw refusal;
  const pkg = inspection.pkg!;
  const workbookPart = inspection.workbookPart!;

  // The directory's sizes are checked before anything big is inflated.
  const total = pkg.zip.entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) throw readErrors.tooLarge('uppackad storlek i byte', limits.maxTotalBytes);

  const info = readWorkbookPart(pkg, workbookPart);
  const worksheets = info.sheets.filter((s) => s.part !== null);
  if (worksheets.length === 0) throw readErrors.noSheets();

  const wanted = sheetSelector(options);
  const selected = worksheets.filter((s) => wanted(s.name));
  if (selected.length === 0) return { sheets: [] };

  const sharedStrings = info.sharedStringsPart ? readSharedStrings(pkg, info.sharedStringsPart) : [];
  const dateStyles = info.date1904 && info.stylesPart ? readDateStyles(pkg, info.stylesPart) : new Set<number>();
  const budget = new CellBudget(limits.maxCells);

  const sheets: SheetSnapshot[] = [];
  for (const entry of selected) {
    const part = entry.part!;
    if (!pkg.has(part)) throw readErrors.missingPart(part);
    const { grid, tablePartIds } = readWorksheet(pkg, part, { sharedStrings, date1904: info.date1904, dateStyles, budget });
    const sheet: SheetSnapshot = { name: entry.name, rows: grid.rows, errors: grid.errors };
    const tables = readTables(pkg, part, tablePartIds);
    if (tables.length > 0) sheet.tables = tables;
    sheets.push(sheet);
  }
  return { sheets };
}
