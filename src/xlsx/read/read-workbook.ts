/**
 * readWorkbook: .xlsx bytes → WorkbookSnapshot. Bytes only (no fs), so it runs in a browser bundle
 * as well as in Node. Each refusal is a StyrkollError with a one-line Swedish message.
 */
import { isStyrkollError } from '../../common/errors';
import type { WorkbookSnapshot } from '../../core';
import { fileKindError, inspectFile } from '../detect';
import { materializeWorkbook, type CompactSheet, type CompactWorkbook } from './compact-workbook';
import { readDateStyles } from './date-styles';
import { readErrors } from './errors';
import { resolveLimits, sheetSelector, type ReadOptions } from './options';
import { readSharedStrings } from './shared-strings';
import { CellBudget } from './sheet-grid';
import { readTables } from './tables';
import { readWorkbookPart } from './workbook-part';
import { readWorksheet, readWorksheetAsync, type WorksheetContext, type ScannerStats, type WorksheetData } from './worksheet';
import { checkTotal, type AsyncInflater } from './xml-part';
import type { OpcPackage } from './opc-package';

/** Knobs for tests and the bench, not part of the public options. */
export interface ReadInternals {
  /** false: every worksheet through saxes (the reference the fast scanner is compared with). */
  fastScanner?: boolean;
  /** Filled with which reader read each worksheet. */
  stats?: ScannerStats;
  /** A platform inflater for worksheets (Node's zlib in the read worker); fflate otherwise. */
  inflate?: AsyncInflater;
}

export async function readWorkbook(bytes: Uint8Array, options?: ReadOptions): Promise<WorkbookSnapshot> {
  return materializeWorkbook(await readWorkbookCompact(bytes, options));
}

/** The same read, with the cells in compact form (see compact-workbook.ts); for a worker to transfer. */
export async function readWorkbookCompact(bytes: Uint8Array, options?: ReadOptions, internals?: ReadInternals): Promise<CompactWorkbook> {
  try {
    if (!internals?.inflate) return readCompactSync(bytes, options, internals);
    const inflate = internals.inflate;
    return await readCompact(bytes, options, internals, (pkg, part, ctx) =>
      readWorksheetAsync(pkg, part, ctx, { fast: internals.fastScanner, stats: internals.stats, inflate }),
    );
  } catch (e) {
    if (isStyrkollError(e)) throw e;
    // Out-of-memory and similar: still one Swedish line, with the cause kept for diagnosis.
    throw readErrors.internal(e);
  }
}

export function readWorkbookSync(bytes: Uint8Array, options?: ReadOptions, internals?: ReadInternals): WorkbookSnapshot {
  return materializeWorkbook(readCompactSync(bytes, options, internals));
}

function readCompactSync(bytes: Uint8Array, options: ReadOptions | undefined, internals: ReadInternals = {}): CompactWorkbook {
  const sync = { ...internals, inflate: undefined };
  return readCompact(bytes, options, sync, (pkg, part, ctx) => readWorksheet(pkg, part, ctx, { fast: sync.fastScanner, stats: sync.stats }));
}

/**
 * A worksheet far bigger than its cells: the reader streams it in little memory, but the writer
 * holds a sheet it marks whole, so a few cells padded with a gigabyte of whitespace or empty
 * elements would cost the write that gigabyte several times over. Above maxPaddedSheetBytes a
 * sheet must hold a cell (or row) per maxBytesPerCell bytes, as every real sheet does by far.
 */
function checkPadding(pkg: OpcPackage, part: string, slots: number, limits: ReturnType<typeof resolveLimits>): void {
  const size = pkg.zip.get(part)?.size ?? 0;
  if (size > limits.maxPaddedSheetBytes && size / Math.max(1, slots) > limits.maxBytesPerCell) {
    throw readErrors.padded(part, size, slots);
  }
}

type SheetReader<R> = (pkg: OpcPackage, part: string, ctx: WorksheetContext) => R;

/** The read, with worksheets read by `readSheet` (sync, or async with a platform inflater). */
function readCompact(bytes: Uint8Array, options: ReadOptions | undefined, internals: ReadInternals, readSheet: SheetReader<WorksheetData>): CompactWorkbook;
function readCompact(bytes: Uint8Array, options: ReadOptions | undefined, internals: ReadInternals, readSheet: SheetReader<Promise<WorksheetData>>): Promise<CompactWorkbook>;
function readCompact(
  bytes: Uint8Array,
  options: ReadOptions | undefined,
  internals: ReadInternals,
  readSheet: SheetReader<WorksheetData | Promise<WorksheetData>>,
): CompactWorkbook | Promise<CompactWorkbook> {
  const limits = resolveLimits(options?.limits);
  const inspection = inspectFile(bytes, limits);
  const refusal = fileKindError(inspection.kind);
  if (refusal) throw refusal;
  const pkg = inspection.pkg!;
  const workbookPart = inspection.workbookPart!;

  // The directory's sizes are checked before anything big is inflated.
  checkTotal(pkg.zip.entries, limits);

  const info = readWorkbookPart(pkg, workbookPart);
  const worksheets = info.sheets.filter((s) => s.part !== null);
  if (worksheets.length === 0) throw readErrors.noSheets();

  const wanted = sheetSelector(options);
  const selected = worksheets.filter((s) => wanted(s.name));
  if (selected.length === 0) return { sheets: [], strings: [] };

  // One string list for the workbook: the shared strings, then every other text a sheet holds.
  const strings = info.sharedStringsPart ? readSharedStrings(pkg, info.sharedStringsPart) : [];
  const dateStyles = info.date1904 && info.stylesPart ? readDateStyles(pkg, info.stylesPart) : new Set<number>();
  const ctx = { strings, sharedCount: strings.length, date1904: info.date1904, dateStyles, budget: new CellBudget(limits.maxCells) };

  const sheets: CompactSheet[] = [];
  // Slots used before the sheet now being read: what it adds is its own count (see checkPadding).
  let slotsBefore = 0;
  const add = (entry: (typeof selected)[number], { grid, tablePartIds }: WorksheetData) => {
    checkPadding(pkg, entry.part!, ctx.budget.used - slotsBefore, limits);
    slotsBefore = ctx.budget.used;
    const sheet: CompactSheet = { name: entry.name, cells: grid.compact(), errors: grid.errors };
    const tables = readTables(pkg, entry.part!, tablePartIds);
    if (tables.length > 0) sheet.tables = tables;
    if (entry.state === 'hidden' || entry.state === 'veryHidden') sheet.hidden = true;
    sheets.push(sheet);
  };
  const partOf = (entry: (typeof selected)[number]) => {
    if (!pkg.has(entry.part!)) throw readErrors.missingPart(entry.part!);
    return entry.part!;
  };
  if (internals.inflate) {
    return (async () => {
      for (const entry of selected) add(entry, await readSheet(pkg, partOf(entry), ctx));
      return { sheets, strings };
    })();
  }
  for (const entry of selected) add(entry, readSheet(pkg, partOf(entry), ctx) as WorksheetData);
  return { sheets, strings };
}
