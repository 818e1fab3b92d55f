import type { CellErrorRef, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core';
import { StyrkollError } from '../core';
import { parseRangeRef } from '../core';
import { type ColumnMapping, HEADER_SCAN_COLS, HEADER_SCAN_ROWS } from '../core';
import { OWN_SHEET_NAMES, sheetsToRead } from '../core';
import { findSheet, SHEET_TITLES, type SheetKind } from '../core';
import { foldText } from '../core';
import { stripSheet } from './a1';

/** Excel on the web handles ranges of this many rows well; larger sheets are read in row blocks. */
const MAX_BLOCK_ROWS = 20_000;

/**
 * Excel answers values of a range over 5 000 000 cells with null (desktop has no payload limit to
 * stop it first), so no range and no sync asks for more than this: a 20 000-row block of a sheet
 * used to column 250 would pass the limit.
 */
export const MAX_SYNC_CELLS = 4_000_000;

/**
 * What one sync's values may cost, estimated. Excel on the web rejects a response over 5 MB
 * (RequestPayloadSizeLimitExceeded); 4 MiB leaves room for framing and for cells above the estimate.
 */
export const TARGET_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * Estimated response bytes per cell for values + valueTypes. The longest number is about 25 bytes
 * of JSON ("-1.2345678901234567e-300,") and its type 9 ("Double",), so a group of numbers stays
 * under 5 MB; typical cells cost 10–20 bytes (20 on average on the 100 000-line bench workbook).
 * Only long texts can overflow, and a group that does is split and retried.
 */
export const CELL_RESPONSE_BYTES = 32;

/**
 * The response budget where the check runs: Excel on the web has the 5 MB limit; desktop Excel
 * has none, so there value blocks go together up to MAX_SYNC_CELLS cells a sync, and a check of
 * a budget-sized sheet takes the same number of syncs whatever the row count.
 */
export function hostResponseBudget(): number {
  if (typeof Office === 'undefined') return Number.POSITIVE_INFINITY;
  return Office.context?.diagnostics?.platform === Office.PlatformType?.OfficeOnline ? TARGET_RESPONSE_BYTES : Number.POSITIVE_INFINITY;
}

/**
 * A rejected block of at most this many rows is not split again: over 5 MB in 100 rows is more
 * than 50 KB a row, text no budget sheet holds, and reading it would take hundreds of round trips.
 */
const MIN_RETRY_ROWS = 100;

export interface ReadOptions {
  /** Cells in all used ranges together; above it the workbook is refused (FOR_STOR). */
  maxCells?: number;
  /**
   * Which sheets to read in full. By default the core decides (sheetsToRead) from the first
   * HEADER_SCAN_ROWS rows of every sheet but Styrkoll's own, as the CLI reads every sheet.
   */
  sheets?: (name: string) => boolean;
  /** The mapping given besides Inställningar's (Budgetblad …), as CheckOptions.mapping. */
  mapping?: ColumnMapping | null;
  /**
   * Gets the first HEADER_SCAN_ROWS rows of every sheet but Styrkoll's own (whole sheets where
   * read in full), from which the sheets to read were decided: what Koppla kolumner offers.
   */
  onHeads?: (heads: WorkbookSnapshot) => void;
  /** Estimated response bytes per value sync; hostResponseBudget() by default. */
  maxResponseBytes?: number;
  /** Cells read so far of all cells to read: once before the values are read, then after each sync. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_MAX_CELLS = 20_000_000;

/**
 * Excel's error values. A cell typed Error is an input error; where no valueTypes were loaded, a
 * value equal to one of these is taken as one.
 */
const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!',
  '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
]);

export function isErrorValue(v: unknown): v is string {
  return typeof v === 'string' && ERROR_VALUES.has(v);
}

interface SheetPlan {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  tables: Excel.TableCollection;
  /** Hidden or very hidden in Excel. */
  hidden: boolean;
}

/** The used range of one sheet, once loaded (empty sheets have rowCount 0). */
interface SheetArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Rows of one sheet read as one range. */
interface BlockSpec {
  sheet: number; // index into the sheets being read
  firstRow: number; // 0-based worksheet row
  rows: number;
  cols: number;
}

type TableRange = { name: string; range: Excel.Range };

/**
 * A sheet of at most this many cells is read in full in the first value pass even when only its
 * head is needed to decide: a second sync for the rest would cost more than the cells.
 */
const SMALL_SHEET_CELLS = 20_000;

const OWN = new Set(OWN_SHEET_NAMES.map(foldText));

/**
 * Reads the sheets a check uses into the snapshot the xlsx reader produces. Which sheets is the
 * core's decision (sheetsToRead), made from the first HEADER_SCAN_ROWS rows of every sheet (and
 * the header row of any Excel table): (1) sheet names, (2) used ranges and tables, (3) the values
 * of the sheets named as the contract says and of small sheets in full, and the heads of the
 * others, then (4) the rest of the sheets the core picked by content. Every sheet but Styrkoll's
 * own is in the snapshot; one the core did not pick holds only the rows read (at least its head).
 * Values go in groups of row blocks, one sync per group, each group's estimated response under
 * the budget. A workbook whose data sheets are named or small (and any such workbook in desktop
 * Excel) takes three syncs. With `options.sheets`, exactly those sheets are read in full.
 */
export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  // Visibility (ExcelApi 1.1): a hidden sheet is never found by content, as in the CLI.
  sheets.load('items/name,items/visibility');
  await context.sync();

  const chosen = options.sheets;
  const plans: SheetPlan[] = sheets.items
    .filter((ws) => (chosen ? chosen(ws.name) : !OWN.has(foldText(ws.name))))
    .map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const tables = ws.tables;
      tables.load('items/name');
      return { name: ws.name, ws, used, tables, hidden: ws.visibility !== 'Visible' };
    });
  await context.sync();

  const areas: SheetArea[] = plans.map(({ used }) =>
    used.isNullObject ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 } : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount },
  );
  const cellsOfArea = (a: SheetArea) => a.rowCount * a.columnCount;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const refuse = (cells: number) => {
    if (cells > maxCells) {
      throw new StyrkollError(
        'FOR_STOR',
        `Arbetsboken är för stor för en kontroll i Excel (${cells.toLocaleString('sv-SE')} celler i bladen som ska läsas). Ta bort tomma rader och kolumner eller kör kontrollen med kommandoraden.`,
        { cells, maxCells },
      );
    }
  };

  // The first pass: named and small sheets in full, the others' heads (whose rows decide).
  const named = chosen ? null : new Set(namedSheets(plans.map((p) => p.name), options.mapping));
  const full = plans.map((p, i) => !named || named.has(p.name) || cellsOfArea(areas[i]) <= SMALL_SHEET_CELLS || areas[i].rowIndex + areas[i].rowCount <= HEADER_SCAN_ROWS);
  const firstAreas = areas.map((a, i) => (full[i] ? a : headOf(a)));
  const firstCells = firstAreas.reduce((n, a) => n + cellsOfArea(a), 0);
  refuse(firstCells);

  const budgetCells = Math.max(1, Math.min(MAX_SYNC_CELLS, Math.floor((options.maxResponseBytes ?? hostResponseBudget()) / CELL_RESPONSE_BYTES)));
  const read: ValueBlock[][] = plans.map(() => []);
  // Counted as if every sheet read in part were read in full, so the bar only moves forward.
  const mayFollow = areas.reduce((n, a, i) => n + (full[i] ? 0 : cellsOfArea(restOf(a))), 0);
  const progress = { done: 0, total: firstCells + mayFollow };
  options.onProgress?.(0, progress.total);
  const tables = await readBlocks(context, plans, firstAreas, budgetCells, read, progress, options.onProgress, true);

  if (!named) return { sheets: plans.map((plan, i) => sheetOf(plan, areas[i], read[i], tables![i])) };

  // The core decides from the heads; a table's header row below the heads is read for it too.
  const headers = await readTableHeaders(context, plans, areas, full, tables!);
  const heads: WorkbookSnapshot = {
    sheets: plans.map((plan, i) => sheetOf(plan, areas[i], [...read[i], ...headers[i]], tables![i])),
  };
  options.onHeads?.(heads);
  const wanted = new Set(sheetsToRead(heads, options.mapping ?? undefined));
  const keep = plans.map((p) => wanted.has(p.name));

  // The second pass: the rest of each picked sheet whose head alone was read.
  const restAreas = areas.map((a, i) => (keep[i] && !full[i] ? restOf(a) : { ...a, rowCount: 0 }));
  const restCells = restAreas.reduce((n, a) => n + cellsOfArea(a), 0);
  progress.total = progress.done + restCells;
  if (restCells === 0 && mayFollow > 0) options.onProgress?.(progress.done, progress.total);
  if (restCells > 0) {
    refuse(plans.reduce((n, _p, i) => n + (keep[i] ? cellsOfArea(areas[i]) : 0), 0));
    options.onProgress?.(progress.done, progress.total);
    await readBlocks(context, plans, restAreas, budgetCells, read, progress, options.onProgress, false);
  }
  // The other sheets go as far as they were read (their heads), so the core names them as it
  // would from the whole workbook ("Inte läst: bladet Blad1 – …") and the findings are the same.
  return { sheets: plans.map((plan, i) => sheetOf(plan, areas[i], read[i], tables![i])) };
}

/**
 * Sheets the contract names (found with the core's findSheet, so every synonym counts), and the
 * sheet a mapping names: always read in full.
 */
function namedSheets(names: string[], mapping: ColumnMapping | null | undefined): string[] {
  const byName: WorkbookSnapshot = { sheets: names.map((name) => ({ name, rows: [], errors: [] })) };
  const out: string[] = [];
  for (const kind of Object.keys(SHEET_TITLES) as SheetKind[]) {
    const s = findSheet(byName, kind);
    if (s) out.push(s.name);
  }
  if (mapping?.sheet) {
    const want = foldText(mapping.sheet);
    out.push(...names.filter((n) => foldText(n) === want));
  }
  return out;
}

/** The rows of an area within the first HEADER_SCAN_ROWS rows of the worksheet. */
function headOf(a: SheetArea): SheetArea {
  return { ...a, rowCount: Math.max(0, Math.min(a.rowCount, HEADER_SCAN_ROWS - a.rowIndex)) };
}

/** The rows of an area below its head. */
function restOf(a: SheetArea): SheetArea {
  const head = headOf(a).rowCount;
  return { ...a, rowIndex: a.rowIndex + head, rowCount: a.rowCount - head };
}

function sheetOf(plan: SheetPlan, area: SheetArea, blocks: ValueBlock[], tableRanges: TableRange[]): SheetSnapshot {
  const ordered = blocks.length > 1 ? [...blocks].sort((a, b) => a.firstRow - b.firstRow) : blocks;
  const sheet = toSheetSnapshot(plan.name, area.columnIndex, ordered);
  if (plan.hidden) sheet.hidden = true;
  if (tableRanges.length > 0) sheet.tables = tableRanges.map((t) => ({ name: t.name, ref: stripSheet(t.range.address) }));
  return sheet;
}

/**
 * Reads `areas` in groups of row blocks into `read`, one sync per group; a rejected group is
 * halved and its halves go first, so rows stay in order. With `withTables`, the table addresses
 * ride along with the first sync that gets through, and are returned.
 */
async function readBlocks(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  areas: SheetArea[],
  budgetCells: number,
  read: ValueBlock[][],
  progress: { done: number; total: number },
  onProgress: ReadOptions['onProgress'],
  withTables: boolean,
): Promise<TableRange[][] | null> {
  const pending = planGroups(areas, budgetCells);
  // Sheets without values still need one sync for their table addresses.
  if (pending.length === 0 && withTables) pending.push([]);
  let tables: TableRange[][] | null = null;
  for (let group = pending.shift(); group; group = pending.shift()) {
    const ranges = group.map((b) => {
      const range = plans[b.sheet].ws.getRangeByIndexes(b.firstRow, areas[b.sheet].columnIndex, b.rows, b.cols);
      range.load('values,valueTypes');
      return range;
    });
    const queuedTables: TableRange[][] | null = withTables ? tables ?? plans.map((p) => queueTableRanges(p.tables)) : null;
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      pending.unshift(...halve(group, plans));
      continue;
    }
    tables = queuedTables;
    group.forEach((b, i) => read[b.sheet].push(valueBlock(plans[b.sheet].name, b.firstRow, b.rows, ranges[i])));
    progress.done += cellsOf(group);
    onProgress?.(progress.done, progress.total);
  }
  return tables;
}

/**
 * The header rows of Excel tables that start below the head of a sheet read only in part, in one
 * sync (none when there are none): the core takes a table's header row wherever it stands.
 */
async function readTableHeaders(context: Excel.RequestContext, plans: SheetPlan[], areas: SheetArea[], full: boolean[], tables: TableRange[][]): Promise<ValueBlock[][]> {
  const queued: { sheet: number; firstRow: number; range: Excel.Range }[] = [];
  plans.forEach((plan, i) => {
    if (full[i]) return;
    const a = areas[i];
    for (const t of tables[i]) {
      const ref = parseRangeRef(stripSheet(t.range.address));
      if (!ref || ref.top - 1 < HEADER_SCAN_ROWS || ref.top - 1 >= a.rowIndex + a.rowCount) continue;
      const range = plan.ws.getRangeByIndexes(ref.top - 1, a.columnIndex, 1, Math.min(a.columnCount, HEADER_SCAN_COLS));
      range.load('values,valueTypes');
      queued.push({ sheet: i, firstRow: ref.top - 1, range });
    }
  });
  const out: ValueBlock[][] = plans.map(() => []);
  if (queued.length === 0) return out;
  await context.sync();
  for (const q of queued) out[q.sheet].push(valueBlock(plans[q.sheet].name, q.firstRow, 1, q.range));
  return out;
}

/**
 * The loaded values of a range as a block. Excel answers a range it will not read (over
 * 5 000 000 cells) with null values: that is the host refusing, not an empty sheet.
 */
function valueBlock(sheet: string, firstRow: number, rows: number, range: Excel.Range): ValueBlock {
  const values = range.values as unknown[][] | null;
  const valueTypes = range.valueTypes as string[][] | null;
  if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
    throw new StyrkollError(
      'FOR_STOR',
      `Excel lämnade inga värden för bladet ${sheet}, raderna ${firstRow + 1}–${firstRow + rows}. Området är troligen för stort för Excel att läsa på en gång. Ta bort tomma rader och kolumner eller kör kontrollen med kommandoraden.`,
      { sheet, firstRow: firstRow + 1, rows },
    );
  }
  return { firstRow, values, valueTypes: Array.isArray(valueTypes) ? valueTypes : undefined };
}

function queueTableRanges(tables: Excel.TableCollection): TableRange[] {
  return tables.items.map((t) => {
    const range = t.getRange();
    range.load('address');
    return { name: t.name, range };
  });
}

/**
 * Cuts the sheets, in order, into row blocks and packs them into groups of at most `budgetCells`
 * cells, so small sheets share a sync with the end of a large one. A row wider than the budget
 * still goes, alone.
 */
function planGroups(areas: SheetArea[], budgetCells: number): BlockSpec[][] {
  const groups: BlockSpec[][] = [];
  let group: BlockSpec[] = [];
  let room = budgetCells;
  areas.forEach((a, sheet) => {
    for (let r = 0; r < a.rowCount; ) {
      let rows = Math.min(a.rowCount - r, MAX_BLOCK_ROWS, Math.floor(Math.max(0, room) / a.columnCount));
      if (rows === 0 && group.length > 0) {
        groups.push(group);
        group = [];
        room = budgetCells;
        continue;
      }
      rows = Math.max(rows, 1);
      group.push({ sheet, firstRow: a.rowIndex + r, rows, cols: a.columnCount });
      room -= rows * a.columnCount;
      r += rows;
    }
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Splits a rejected group in two: between its blocks, or a lone block between its rows. A lone
 * block of at most MIN_RETRY_ROWS rows is not split again.
 */
function halve(group: BlockSpec[], plans: SheetPlan[]): [BlockSpec[], BlockSpec[]] {
  if (group.length > 1) {
    const half = cellsOf(group) / 2;
    let i = 1;
    for (let seen = cellsOf([group[0]]); i < group.length - 1 && seen < half; i++) seen += cellsOf([group[i]]);
    return [group.slice(0, i), group.slice(i)];
  }
  const [b] = group;
  if (b.rows <= MIN_RETRY_ROWS) {
    const name = plans[b.sheet].name;
    throw new StyrkollError(
      'FOR_STOR',
      `Bladet ${name} har för mycket text för att läsas i Excel på webben: redan raderna ${b.firstRow + 1}–${b.firstRow + b.rows} ger ett svar över 5 MB. Korta de långa texterna eller kör kontrollen med kommandoraden.`,
      { sheet: name, firstRow: b.firstRow + 1, rows: b.rows },
    );
  }
  const head = Math.ceil(b.rows / 2);
  return [[{ ...b, rows: head }], [{ ...b, firstRow: b.firstRow + head, rows: b.rows - head }]];
}

function cellsOf(group: BlockSpec[]): number {
  return group.reduce((n, b) => n + b.rows * b.cols, 0);
}

/** Excel on the web's answer to a request or response over 5 MB (OfficeExtension.Error.code). */
function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

export interface ValueBlock {
  /** 0-based worksheet row of values[0]. */
  firstRow: number;
  values: unknown[][];
  valueTypes?: string[][];
}

/**
 * Maps value blocks (starting at 0-based column `firstCol`) to the A1-anchored snapshot form:
 * "" → null, errors (typed Error; without valueTypes, an error value) → null plus an errors[] entry, trailing empty cells and rows dropped (a row
 * holding only errors stays as an empty array).
 */
export function toSheetSnapshot(name: string, firstCol: number, blocks: ValueBlock[]): SheetSnapshot {
  const rows: CellValue[][] = [];
  const errors: CellErrorRef[] = [];
  for (const block of blocks) {
    block.values.forEach((source, i) => {
      const rowNumber = block.firstRow + i + 1;
      const types = block.valueTypes?.[i];
      const row: CellValue[] = new Array(firstCol).fill(null);
      source.forEach((v, j) => {
        const col = firstCol + j + 1;
        // Excel types an error cell Error; a text that only reads like one ("#N/A" written by an
        // export as text) is String, and the xlsx reader keeps it as text too.
        if (types ? types[j] === 'Error' : isErrorValue(v)) {
          errors.push({ row: rowNumber, col, code: typeof v === 'string' && v !== '' ? v : '#VALUE!' });
          row.push(null);
        } else row.push(toCellValue(v));
      });
      rows[rowNumber - 1] = trimTrailingNulls(row);
    });
  }
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  // Trailing empty rows go, unless an error cell is on them (the error's row must exist).
  const lastErrorRow = errors.reduce((m, e) => Math.max(m, e.row), 0);
  while (rows.length > lastErrorRow && rows[rows.length - 1].length === 0) rows.pop();
  return { name, rows, errors };
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function trimTrailingNulls(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  row.length = end;
  return row;
}
