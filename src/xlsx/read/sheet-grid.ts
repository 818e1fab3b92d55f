/**
 * Rows anchored at A1, filled as cells arrive, with every allocated slot counted against maxCells.
 * Cells are kept compactly (a kind byte and a float per slot, rows as offsets into them) while they
 * arrive in reading order, which is what every writer produces; a cell that lands behind the end of
 * an earlier row switches the grid to plain arrays. The compact form crosses a worker boundary as
 * transferred buffers instead of millions of cloned values.
 */
import type { CellErrorRef, CellValue } from '../../core';
import { parseRange } from './cell-ref';
import { readErrors } from './errors';

/** Slot kinds in CompactCells.kinds; a string's value is its index into the workbook's string list. */
export const EMPTY = 0;
export const NUMBER = 1;
export const STRING = 2;
export const TRUE = 3;
export const FALSE = 4;

/** Rows r (0-based) are kinds/values[rowStart[r] … rowStart[r] + rowLen[r]). */
export interface CompactCells {
  rowStart: Int32Array;
  rowLen: Int32Array;
  kinds: Uint8Array;
  values: Float64Array;
}

export class CellBudget {
  used = 0;
  constructor(readonly max: number) {}
  spend(n: number): void {
    this.used += n;
    if (this.used > this.max) throw readErrors.tooLarge('antal celler', this.max);
  }
}

export class SheetGrid {
  readonly errors: CellErrorRef[] = [];
  private kinds = new Uint8Array(4096);
  private values = new Float64Array(4096);
  private size = 0;
  private rowStart: Int32Array = new Int32Array(1024);
  private rowLen: Int32Array = new Int32Array(1024);
  private rowCount = 0;
  /** Set once a cell arrives out of reading order; from then on the grid is plain arrays. */
  private rows: CellValue[][] | null = null;

  /** `strings` is the workbook's string list (shared strings first); new texts are appended to it. */
  constructor(
    private readonly budget: CellBudget,
    readonly strings: string[],
  ) {}

  /** Sets a non-null, non-empty value at a 1-based position. */
  set(row: number, col: number, value: CellValue): void {
    if (typeof value === 'number') this.put(row, col, NUMBER, value);
    else if (typeof value === 'string') this.put(row, col, STRING, this.strings.push(value) - 1);
    else if (value === true) this.put(row, col, TRUE, 0);
    else if (value === false) this.put(row, col, FALSE, 0);
  }

  /** Sets a string already in the string list (a shared string) by its index. */
  setStringIndex(row: number, col: number, index: number): void {
    this.put(row, col, STRING, index);
  }

  setNumber(row: number, col: number, value: number): void {
    this.put(row, col, NUMBER, value);
  }

  private put(row: number, col: number, kind: number, value: number): void {
    if (this.rows) return this.setInArrays(row, col, kindValue(kind, value, this.strings));
    if (this.rowCount < row) this.addRows(row);
    const r = row - 1;
    const len = this.rowLen[r];
    if (col <= len) {
      const at = this.rowStart[r] + col - 1;
      this.kinds[at] = kind;
      this.values[at] = value;
      return;
    }
    if (r !== this.rowCount - 1) {
      // Behind the end of an earlier row: the compact layout cannot grow it in place.
      this.rows = this.toArrays();
      return this.setInArrays(row, col, kindValue(kind, value, this.strings));
    }
    this.budget.spend(col - len);
    const end = this.rowStart[r] + col;
    if (end > this.kinds.length) this.growCells(end);
    // Slots between the old end and the new cell are still zero (EMPTY): nothing is written past `size`.
    this.kinds[end - 1] = kind;
    this.values[end - 1] = value;
    this.rowLen[r] = col;
    this.size = end;
  }

  private addRows(row: number): void {
    this.budget.spend(row - this.rowCount);
    if (row > this.rowStart.length) {
      const cap = Math.max(row, this.rowStart.length * 2);
      this.rowStart = growInt32(this.rowStart, cap);
      this.rowLen = growInt32(this.rowLen, cap);
    }
    this.rowStart.fill(this.size, this.rowCount, row);
    this.rowCount = row;
  }

  private growCells(needed: number): void {
    const cap = Math.max(needed, this.kinds.length * 2);
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds.subarray(0, this.size));
    const values = new Float64Array(cap);
    values.set(this.values.subarray(0, this.size));
    this.kinds = kinds;
    this.values = values;
  }

  private setInArrays(row: number, col: number, value: CellValue): void {
    const rows = this.rows!;
    if (rows.length < row) {
      this.budget.spend(row - rows.length);
      while (rows.length < row) rows.push([]);
    }
    const cells = rows[row - 1];
    if (cells.length >= col) {
      cells[col - 1] = value;
      return;
    }
    this.budget.spend(col - cells.length);
    while (cells.length < col - 1) cells.push(null);
    cells.push(value);
  }

  private toArrays(): CellValue[][] {
    return materializeRows(this.compactView(), this.strings);
  }

  private compactView(): CompactCells {
    return {
      rowStart: this.rowStart.subarray(0, this.rowCount),
      rowLen: this.rowLen.subarray(0, this.rowCount),
      kinds: this.kinds.subarray(0, this.size),
      values: this.values.subarray(0, this.size),
    };
  }

  /**
   * Empties the non-top-left cells of merged ranges. Work is bounded: overlapping or huge ranges in
   * a hostile file must not turn into billions of steps.
   */
  applyMerges(refs: string[]): void {
    let work = 0;
    const maxWork = this.budget.max * 2;
    const rows = this.rows;
    const rowCount = rows ? rows.length : this.rowCount;
    for (const ref of refs) {
      const range = parseRange(ref);
      if (!range) continue;
      const lastRow = Math.min(range.bottom, rowCount);
      for (let r = range.top; r <= lastRow; r++) {
        const len = rows ? rows[r - 1].length : this.rowLen[r - 1];
        const lastCol = Math.min(range.right, len);
        work += 1 + Math.max(0, lastCol - range.left + 1);
        if (work > maxWork) throw readErrors.tooLarge('sammanfogade celler', this.budget.max);
        for (let c = range.left; c <= lastCol; c++) {
          if (r === range.top && c === range.left) continue;
          if (rows) rows[r - 1][c - 1] = null;
          else this.kinds[this.rowStart[r - 1] + c - 1] = EMPTY;
        }
      }
    }
  }

  /** Drops trailing empty slots in each row and trailing empty rows: a missing cell is null anyway. */
  trim(): void {
    if (this.rows) {
      for (const cells of this.rows) {
        let n = cells.length;
        while (n > 0 && cells[n - 1] === null) n--;
        if (n < cells.length) cells.length = n;
      }
      let last = this.rows.length;
      while (last > 0 && this.rows[last - 1].length === 0) last--;
      this.rows.length = last;
      return;
    }
    const { rowStart, rowLen, kinds } = this;
    for (let r = 0; r < this.rowCount; r++) {
      let n = rowLen[r];
      while (n > 0 && kinds[rowStart[r] + n - 1] === EMPTY) n--;
      rowLen[r] = n;
    }
    while (this.rowCount > 0 && rowLen[this.rowCount - 1] === 0) this.rowCount--;
  }

  /** The cells in compact form (views, not copies); appends array-mode text to the string list. */
  compact(): CompactCells {
    if (this.rows) return compactFromRows(this.rows, this.strings);
    return this.compactView();
  }
}

function kindValue(kind: number, value: number, strings: string[]): CellValue {
  switch (kind) {
    case NUMBER:
      return value;
    case STRING:
      return strings[value];
    case TRUE:
      return true;
    case FALSE:
      return false;
    default:
      return null;
  }
}

function growInt32(a: Int32Array, cap: number): Int32Array {
  const out = new Int32Array(cap);
  out.set(a);
  return out;
}

/** The snapshot's rows from compact cells. */
export function materializeRows(cells: CompactCells, strings: string[]): CellValue[][] {
  const { rowStart, rowLen, kinds, values } = cells;
  const rows: CellValue[][] = new Array(rowStart.length);
  for (let r = 0; r < rowStart.length; r++) {
    const start = rowStart[r];
    const end = start + rowLen[r];
    const row: CellValue[] = [];
    for (let i = start; i < end; i++) {
      switch (kinds[i]) {
        case NUMBER:
          row.push(values[i]);
          break;
        case STRING:
          row.push(strings[values[i]]);
          break;
        case TRUE:
          row.push(true);
          break;
        case FALSE:
          row.push(false);
          break;
        default:
          row.push(null);
      }
    }
    rows[r] = row;
  }
  return rows;
}

function compactFromRows(rows: CellValue[][], strings: string[]): CompactCells {
  let total = 0;
  for (const row of rows) total += row.length;
  const out: CompactCells = {
    rowStart: new Int32Array(rows.length),
    rowLen: new Int32Array(rows.length),
    kinds: new Uint8Array(total),
    values: new Float64Array(total),
  };
  let at = 0;
  rows.forEach((row, r) => {
    out.rowStart[r] = at;
    out.rowLen[r] = row.length;
    for (const v of row) {
      if (typeof v === 'number') (out.kinds[at] = NUMBER), (out.values[at] = v);
      else if (typeof v === 'string') (out.kinds[at] = STRING), (out.values[at] = strings.push(v) - 1);
      else if (v === true) out.kinds[at] = TRUE;
      else if (v === false) out.kinds[at] = FALSE;
      at++;
    }
  });
  return out;
}
