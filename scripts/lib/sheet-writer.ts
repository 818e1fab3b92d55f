/**
 * Writes plain sheet descriptions to .xlsx bytes with exceljs, styled so the workbooks are pleasant
 * to open: bold header, column widths, thousands format, frozen header.
 */
import ExcelJS from 'exceljs';

/** A cell to write. `{ error }` is an Excel error value; `{ formula, error }` a formula whose cached result is an error. */
export type OutCell =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string; result: number | string }
  | { formula?: string; error: '#REF!' | '#DIV/0!' | '#N/A' | '#VALUE!' | '#NAME?' };

export interface OutSheet {
  name: string;
  /** rows[0] is worksheet row 1. */
  rows: OutCell[][];
  /** 1-based header row: bold, bottom border, frozen. */
  headerRow?: number;
  widths?: number[];
  /** 1-based columns written with number format "#,##0" (or `decimalCols` with "#,##0.0"). */
  numberCols?: number[];
  decimalCols?: number[];
  /** 1-based rows written in bold (total rows, titles). */
  boldRows?: number[];
  /** An Excel table (ListObject) over part of the sheet. */
  table?: { name: string; ref: string; columns: string[]; rows: OutCell[][] };
}

/** Fixed timestamps keep the package metadata stable between runs. */
const FIXED_DATE = new Date(Date.UTC(2025, 8, 1, 8, 0, 0));

function toExcelValue(cell: OutCell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== 'object' || cell instanceof Date) return cell as ExcelJS.CellValue;
  if ('error' in cell) {
    if (cell.formula) return { formula: cell.formula, result: { error: cell.error } } as unknown as ExcelJS.CellValue;
    return { error: cell.error } as ExcelJS.CellValue;
  }
  return { formula: cell.formula, result: cell.result } as ExcelJS.CellValue;
}

export async function writeWorkbook(sheets: OutSheet[], creator = 'Styrkoll exempel'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, spec.headerRow ? { views: [{ state: 'frozen', ySplit: spec.headerRow }] } : {});
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = toExcelValue(cell);
        if (cell instanceof Date) target.numFmt = 'yyyy-mm-dd';
      });
    });
    if (spec.table) {
      const [ref] = spec.table.ref.split(':');
      ws.addTable({
        name: spec.table.name,
        ref,
        headerRow: true,
        style: { theme: 'TableStyleMedium2', showRowStripes: true },
        columns: spec.table.columns.map((name) => ({ name, filterButton: true })),
        rows: spec.table.rows.map((row) => row.map(toExcelValue)),
      });
    }
    const lastRow = Math.max(spec.rows.length, ws.rowCount);
    for (const col of spec.numberCols ?? []) {
      for (let r = (spec.headerRow ?? 0) + 1; r <= lastRow; r++) ws.getCell(r, col).numFmt = '#,##0';
    }
    for (const col of spec.decimalCols ?? []) {
      for (let r = (spec.headerRow ?? 0) + 1; r <= lastRow; r++) ws.getCell(r, col).numFmt = '#,##0.0';
    }
    if (spec.headerRow) {
      const header = ws.getRow(spec.headerRow);
      header.font = { bold: true };
      header.eachCell((cell) => {
        cell.border = { bottom: { style: 'thin' } };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      });
    }
    for (const r of spec.boldRows ?? []) ws.getRow(r).font = { bold: true };
    (spec.widths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
