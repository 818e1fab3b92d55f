/** The .xlsx reader: bytes in, WorkbookSnapshot out (no fs, so it also runs in a browser). */
export { readWorkbook } from './read-workbook';
export { DEFAULT_LIMITS, type ReadLimits, type ReadOptions } from './options';
