/** The .xlsx reader: bytes in, WorkbookSnapshot out (no fs, so it also runs in a browser). */
export { readWorkbook, readWorkbookCompact } from './read-workbook';
export { materializeWorkbook, transferables, type CompactWorkbook, type CompactSheet } from './compact-workbook';
export { DEFAULT_LIMITS, type ReadLimits, type ReadOptions } from './options';
