import type { CellErrorRef, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { StyrkollError } from '../core/errors';
import { stripSheet } from './a1';
import { isContractSheet } from './contract-sheets';

/** Row blocks keep each range well under the sizes where Excel on the web fails or returns null. */
export const MAX_BLOCK_ROWS = 20_000;
export const MAX_BLOCK_CELLS = 1_500_000;

export interface ReadLimits {
  /** Cells in all used ranges together; above it the workbook is refused (FOR_STOR). */
  maxCells?: number;
  /** Which sheets to read; the contract sheets by default. */
  sheets?: (name: string) => boolean;
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

interface Block {
  firstRow: number; // 0-based worksheet row of the block's first row
  range: Excel.Range;
}

/**
 * Reads the contract sheets into the snapshot the xlsx reader produces, with exactly three syncs
 * whatever the size: (1) sheet names, (2) used ranges and tables, (3) every value block at once.
 */
export async function readSnapshot(context: Excel.RequestContext, limits: ReadLimits = {}): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();

  const plans: SheetPlan[] = sheets.items
    .filter((ws) => (limits.sheets ?? isContractSheet)(ws.name))
    .map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount,cellCount');
      const tables = ws.tables;
      tables.load('items/name');
      return { name: ws.name, ws, used, tables };
    });
  await context.sync();

  const totalCells = plans.reduce((n, p) => n + (p.used.isNullObject ? 0 : p.used.cellCount), 0);
  const maxCells = limits.maxCells ?? DEFAULT_MAX_CELLS;
  if (totalCells > maxCells) {
    throw new StyrkollError(
      'FOR_STOR',
      `Arbetsboken är för stor för en kontroll i Excel (${totalCells.toLocaleString('sv-SE')} celler i kontrollbladen). Ta bort tomma rader och kolumner eller kör kontrollen med kommandoraden.`,
      { cells: totalCells, maxCells },
    );
  }

  const queued = plans.map((p) => {
    const blocks: Block[] = [];
    if (!p.used.isNullObject) {
      const { rowIndex, columnIndex, rowCount, columnCount } = p.used;
      const step = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(MAX_BLOCK_CELLS / columnCount)));
      for (let r = 0; r < rowCount; r += step) {
        const range = p.ws.getRangeByIndexes(rowIndex + r, columnIndex, Math.min(step, rowCount - r), columnCount);
        range.load('values,valueTypes');
        blocks.push({ firstRow: rowIndex + r, range });
      }
    }
    const tableRanges = p.tables.items.map((t) => {
      const range = t.getRange();
      range.load('address');
      return { name: t.name, range };
    });
    return { plan: p, blocks, tableRanges };
  });
  await context.sync();

  return {
    sheets: queued.map(({ plan, blocks, tableRanges }) => {
      const sheet = toSheetSnapshot(
        plan.name,
        plan.used.isNullObject ? 0 : plan.used.columnIndex,
        blocks.map((b) => ({ firstRow: b.firstRow, values: b.range.values, valueTypes: b.range.valueTypes })),
      );
      if (tableRanges.length > 0) sheet.tables = tableRanges.map((t) => ({ name: t.name, ref: stripSheet(t.range.address) }));
      return sheet;
    }),
  };
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
