import type { CellErrorRef, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { StyrkollError } from '../core/errors';
import { stripSheet } from './a1';
import { isContractSheet } from './contract-sheets';

/** Excel on the web handles ranges of this many rows well; larger sheets are read in row blocks. */
const MAX_BLOCK_ROWS = 20_000;

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
 * has none, so there every value block goes in one sync and a check takes the same number of
 * syncs whatever the row count.
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
  /** Which sheets to read; the contract sheets by default. */
  sheets?: (name: string) => boolean;
  /** Estimated response bytes per value sync; hostResponseBudget() by default. */
  maxResponseBytes?: number;
  /** Cells read so far of all cells to read: once before the values are read, then after each sync. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_MAX_CELLS = 20_000_000;

/** Excel's error values. A value equal to one of these (or typed Error) is an input error. */
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
 * Reads the contract sheets into the snapshot the xlsx reader produces: (1) sheet names, (2) used
 * ranges and tables, then the values in groups of row blocks, one sync per group, each group's
 * estimated response under the budget. A workbook under the budget (and any workbook in desktop
 * Excel) takes three syncs in all.
 */
export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();

  const plans: SheetPlan[] = sheets.items
    .filter((ws) => (options.sheets ?? isContractSheet)(ws.name))
    .map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const tables = ws.tables;
      tables.load('items/name');
      return { name: ws.name, ws, used, tables };
    });
  await context.sync();

  const areas: SheetArea[] = plans.map(({ used }) =>
    used.isNullObject ? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 } : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount },
  );
  const totalCells = areas.reduce((n, a) => n + a.rowCount * a.columnCount, 0);
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (totalCells > maxCells) {
    throw new StyrkollError(
      'FOR_STOR',
      `Arbetsboken är för stor för en kontroll i Excel (${totalCells.toLocaleString('sv-SE')} celler i kontrollbladen). Ta bort tomma rader och kolumner eller kör kontrollen med kommandoraden.`,
      { cells: totalCells, maxCells },
    );
  }

  const budgetCells = Math.max(1, Math.floor((options.maxResponseBytes ?? hostResponseBudget()) / CELL_RESPONSE_BYTES));
  const pending = planGroups(areas, budgetCells);
  // Sheets without values still need one sync for their table addresses.
  if (pending.length === 0) pending.push([]);
  const read: ValueBlock[][] = plans.map(() => []);
  let tables: TableRange[][] | null = null;
  let done = 0;
  options.onProgress?.(0, totalCells);
  // One sync per group; a rejected group is halved and its halves go first, so rows stay in order.
  for (let group = pending.shift(); group; group = pending.shift()) {
    const ranges = group.map((b) => {
      const range = plans[b.sheet].ws.getRangeByIndexes(b.firstRow, areas[b.sheet].columnIndex, b.rows, b.cols);
      range.load('values,valueTypes');
      return range;
    });
    // Table addresses ride along with the first sync that gets through.
    const queuedTables: TableRange[][] = tables ?? plans.map((p) => queueTableRanges(p.tables));
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      pending.unshift(...halve(group, plans));
      continue;
    }
    tables = queuedTables;
    group.forEach((b, i) => read[b.sheet].push({ firstRow: b.firstRow, values: ranges[i].values, valueTypes: ranges[i].valueTypes }));
    done += cellsOf(group);
    options.onProgress?.(done, totalCells);
  }

  return {
    sheets: plans.map((plan, i) => {
      const sheet = toSheetSnapshot(plan.name, areas[i].columnIndex, read[i]);
      const tableRanges = tables![i]; // set by the first sync that got through; there always is one
      if (tableRanges.length > 0) sheet.tables = tableRanges.map((t) => ({ name: t.name, ref: stripSheet(t.range.address) }));
      return sheet;
    }),
  };
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
 * "" → null, errors → null plus an errors[] entry, trailing empty cells and rows dropped (a row
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
        if (types?.[j] === 'Error' || isErrorValue(v)) {
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
