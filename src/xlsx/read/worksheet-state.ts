/**
 * What a worksheet's XML events mean: cell values (every cell type), error cells, merged ranges and
 * table-part ids. Both readers drive it with the same events in the same order: saxes through
 * open/text/close, the fast scanner (sheet-scanner.ts) through the same methods plus a few typed
 * shortcuts that skip building attribute records and strings for the common cells.
 */
import type { CellValue } from '../../core';
import { MAX_ROWS, parseCellRef } from './cell-ref';
import { readErrors } from './errors';
import { CellBudget, SheetGrid } from './sheet-grid';
import { DAYS_1904_TO_1900, isoToSerial, parseNumber, unescapeOoxml } from './text-values';
import { attrByLocalName, FastPathBail } from './xml-part';

export interface WorksheetContext {
  /** The workbook's string list: the shared strings first, other texts appended as sheets are read. */
  strings: string[];
  /** How many entries of `strings` are shared strings (cells of type s index only these). */
  sharedCount: number;
  date1904: boolean;
  /** Style indexes with a date format (filled only for 1904 workbooks). */
  dateStyles: Set<number>;
  budget: CellBudget;
}

export class WorksheetState {
  readonly grid: SheetGrid;
  readonly merges: string[] = [];
  readonly tablePartIds: string[] = [];
  private validationRanges = 0;
  private readonly maxMergedRanges: number;
  private readonly maxDataValidationRanges: number;

  private rowNum = 0; // current row (1-based)
  private lastRow = 0;
  private col = 0; // last column used in the current row
  private cellRow = 0;
  private cellCol = 0;
  private cellType = 'n';
  private cellStyle = -1;
  /** True while inside <v>: text then belongs to the cell's value. */
  inV = false;
  private vText = '';
  /** A value the fast scanner read as a number straight from the bytes (see vNumber). */
  private vFast = false;
  private vNum = 0;
  private inIs = false;
  private inT = false;
  private isText: string | null = null;
  private phonetic = 0;
  private inSqref = false;

  constructor(
    private readonly part: string,
    private readonly ctx: WorksheetContext,
    limits: { maxMergedRanges: number; maxDataValidationRanges: number },
  ) {
    this.grid = new SheetGrid(ctx.budget, ctx.strings);
    this.maxMergedRanges = limits.maxMergedRanges;
    this.maxDataValidationRanges = limits.maxDataValidationRanges;
  }

  private broken(reason: string) {
    return readErrors.brokenPart(this.part, reason);
  }

  private countValidation(sqref: string): void {
    this.validationRanges += sqref.split(/\s+/).filter(Boolean).length;
    if (this.validationRanges > this.maxDataValidationRanges) throw readErrors.tooLarge('dataverifieringsområden', this.maxDataValidationRanges);
  }

  /** Whether text at this point is kept (anything else is only checked by the scanner). */
  wantsText(): boolean {
    return this.inV || this.inSqref || this.inT;
  }

  /**
   * Whether the scanner may hand the text of this <v> over as a number (vNumber) instead of a
   * string: the first text of a numeric or shared-string cell's value.
   */
  numericV(): 0 | 1 | 2 {
    if (!this.inV || this.inSqref || this.vFast || this.vText !== '') return 0;
    const t = this.cellType;
    if (t === 's') return 2;
    return t === 'inlineStr' || t === 'str' || t === 'b' || t === 'e' || t === 'd' ? 0 : 1;
  }

  /** The <v> text was plain decimal digits (2: a non-negative integer) with exactly this value. */
  vNumber(n: number): void {
    this.vFast = true;
    this.vNum = n;
  }

  open(name: string, attrs: Record<string, string>): void {
    switch (name) {
      case 'c':
        return this.openCell(attrs.r, attrs.t, attrs.s);
      case 'v':
        this.inV = true;
        return;
      case 'row':
        return this.openRow(attrs.r);
      case 'is':
        this.inIs = true;
        this.isText = '';
        return;
      case 't':
        if (this.inIs && this.phonetic === 0) this.inT = true;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'mergeCell':
        if (this.merges.length >= this.maxMergedRanges) throw readErrors.tooLarge('sammanfogade områden', this.maxMergedRanges);
        if (attrs.ref) this.merges.push(attrs.ref);
        return;
      case 'dataValidation':
        if (attrs.sqref) this.countValidation(attrs.sqref);
        return;
      case 'sqref':
        this.inSqref = true;
        this.vText = '';
        return;
      case 'tablePart': {
        const id = attrByLocalName(attrs, 'id');
        if (id) this.tablePartIds.push(id);
        return;
      }
    }
  }

  openRow(r: string | undefined): void {
    const n = r !== undefined && r !== '' ? Number(r) : this.lastRow + 1;
    if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) throw this.broken(`ogiltigt radnummer ${String(r).slice(0, 20)}`);
    this.openRowNumber(n);
  }

  /** A row whose r attribute is a valid row number (or absent: then pass lastRow + 1 via openRow). */
  openRowNumber(n: number): void {
    this.rowNum = n;
    this.col = 0;
  }

  openCell(ref: string | undefined, type: string | undefined, style: string | undefined): void {
    let refRow = 0;
    let refCol = 0;
    if (ref !== undefined && ref !== '') {
      const pos = parseCellRef(ref);
      if (!pos) throw this.broken(`ogiltig cellreferens ${ref.slice(0, 20)}`);
      refRow = pos.row;
      refCol = pos.col;
    }
    this.openCellAt(refRow, refCol, type ?? 'n', style !== undefined ? Number(style) : -1);
  }

  /** A cell whose reference is already parsed (0 for a missing row or column part). */
  openCellAt(refRow: number, refCol: number, type: string, style: number): void {
    if (this.rowNum === 0) this.rowNum = this.lastRow + 1;
    this.cellRow = refRow || this.rowNum;
    this.cellCol = refCol || this.col + 1;
    if (this.cellCol > 16_384) throw this.broken('för många kolumner');
    this.col = this.cellCol;
    this.cellType = type;
    this.cellStyle = style;
    this.vText = '';
    this.vFast = false;
    this.isText = null;
  }

  text(t: string): void {
    if (this.inV || this.inSqref) {
      // A second piece of value text after one read as a number: only saxes keeps the original text.
      if (this.vFast) throw new FastPathBail('mer än en text i <v>');
      this.vText += t;
    } else if (this.inT) this.isText += t;
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.inV = false;
        return;
      case 'c':
        return this.finishCell();
      case 'row':
        this.lastRow = this.rowNum;
        this.rowNum = 0;
        return;
      case 't':
        this.inT = false;
        return;
      case 'is':
        this.inIs = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'sqref':
        this.inSqref = false;
        this.countValidation(this.vText);
        return;
    }
  }

  private finishCell(): void {
    const { ctx, grid, cellRow, cellCol } = this;
    if (this.vFast) {
      if (this.cellType === 's') {
        const idx = this.vNum;
        if (idx < ctx.sharedCount && ctx.strings[idx] !== '') grid.setStringIndex(cellRow, cellCol, idx);
      } else {
        let n = this.vNum;
        if (ctx.date1904 && ctx.dateStyles.has(this.cellStyle)) n += DAYS_1904_TO_1900;
        grid.setNumber(cellRow, cellCol, n);
      }
      return;
    }
    const vText = this.vText;
    const isText = this.isText;
    let value: CellValue = null;
    switch (this.cellType) {
      case 's': {
        const idx = Number(vText);
        if (Number.isInteger(idx) && vText.trim() !== '' && idx >= 0 && idx < ctx.sharedCount) {
          if (ctx.strings[idx] !== '') grid.setStringIndex(cellRow, cellCol, idx);
        }
        return;
      }
      case 'inlineStr':
        value = isText !== null ? unescapeOoxml(isText) : vText !== '' ? unescapeOoxml(vText) : null;
        break;
      case 'str':
        value = unescapeOoxml(vText);
        break;
      case 'b': {
        const t = vText.trim().toLowerCase();
        value = t === '' ? null : t === '1' || t === 'true';
        break;
      }
      case 'e':
        if (vText.trim() !== '') grid.errors.push({ row: cellRow, col: cellCol, code: vText.trim() });
        break;
      case 'd':
        value = vText.trim() === '' ? null : (isoToSerial(vText) ?? vText);
        break;
      default:
        if (vText === '' && isText !== null) value = unescapeOoxml(isText);
        else {
          value = parseNumber(vText);
          if (ctx.date1904 && typeof value === 'number' && ctx.dateStyles.has(this.cellStyle)) value += DAYS_1904_TO_1900;
        }
    }
    if (value !== null && value !== '') grid.set(cellRow, cellCol, value);
  }

  /** Merges applied and trailing empties dropped: the grid as the snapshot will show it. */
  finish(): SheetGrid {
    this.grid.applyMerges(this.merges);
    this.grid.trim();
    return this.grid;
  }
}
