/** Rows anchored at A1, filled as cells arrive, with every allocated slot counted against maxCells. */
import type { CellErrorRef, CellValue } from '../../core/snapshot';
import { parseRange } from './cell-ref';
import { readErrors } from './errors';

export class CellBudget {
  used = 0;
  constructor(readonly max: number) {}
  spend(n: number): void {
    this.used += n;
    if (this.used > this.max) throw readErrors.tooLarge('antal celler', this.max);
  }
}

export class SheetGrid {
  readonly rows: CellValue[][] = [];
  readonly errors: CellErrorRef[] = [];

  constructor(private readonly budget: CellBudget) {}

  /** Sets a non-null value at a 1-based position. */
  set(row: number, col: number, value: CellValue): void {
    const rows = this.rows;
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

  /**
   * Empties the non-top-left cells of merged ranges. Work is bounded: overlapping or huge ranges in
   * a hostile file must not turn into billions of steps.
   */
  applyMerges(refs: string[]): void {
    let work = 0;
    const maxWork = this.budget.max * 2;
    for (const ref of refs) {
      const range = parseRange(ref);
      if (!range) continue;
      const lastRow = Math.min(range.bottom, this.rows.length);
      for (let r = range.top; r <= lastRow; r++) {
        const cells = this.rows[r - 1];
        const lastCol = Math.min(range.right, cells.length);
        work += 1 + Math.max(0, lastCol - range.left + 1);
        if (work > maxWork) throw readErrors.tooLarge('sammanfogade celler', this.budget.max);
        for (let c = range.left; c <= lastCol; c++) {
          if (r !== range.top || c !== range.left) cells[c - 1] = null;
        }
      }
    }
  }

  /** Drops trailing nulls in each row and trailing empty rows: a missing cell is null anyway. */
  trim(): void {
    for (const cells of this.rows) {
      let n = cells.length;
      while (n > 0 && cells[n - 1] === null) n--;
      if (n < cells.length) cells.length = n;
    }
    let last = this.rows.length;
    while (last > 0 && this.rows[last - 1].length === 0) last--;
    this.rows.length = last;
  }
}
