/**
 * The plain picture of a workbook that every adapter produces and the core reads.
 * Office.js and the xlsx reader must produce exactly the same snapshot for the same data.
 */

/** A cell as the core sees it. Dates are Excel serial numbers (1900 date system). */
export type CellValue = string | number | boolean | null;

/** A cell holding an Excel error value (#REF!, #DIV/0!, #N/A …). 1-based row and column. */
export interface CellErrorRef {
  row: number;
  col: number;
  code: string;
}

export interface SheetSnapshot {
  /** The sheet name exactly as in the workbook. */
  name: string;
  /**
   * rows[r][c] is the value of worksheet row r+1, column c+1 (always anchored at A1; leading
   * empty rows are empty arrays). Rows may be ragged; a missing cell is null.
   * - formula cells hold their cached result
   * - rich text is flattened to plain text
   * - empty cells and the non-top-left cells of a merged area are null
   * - error cells are null here and listed in `errors`
   * - dates are serial numbers (1900 system, also for 1904 workbooks)
   */
  rows: CellValue[][];
  errors: CellErrorRef[];
  /** Excel tables (ListObjects) on the sheet, with their A1 range, e.g. "B3:H120". */
  tables?: { name: string; ref: string }[];
  /** True when the sheet is hidden or very hidden in Excel (absent: visible, or not known). */
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}
