/** The input layer: workbook snapshot → typed model and `indata` findings. */
export { buildModel, type BuildResult } from './build-model';
export { normalizeHeader, foldText } from './text';
export { parseSwedishNumber, formatSwedishNumber } from './numbers';
export { parseDateCell, parsePeriod, serialToIso, type Period } from './dates';
export { cellAddress, columnLetter, parseCellAddress, parseRangeRef } from './address';
export { CONTRACT_SHEET_NAMES, findSheet, SHEET_TITLES, type SheetKind } from './sheet-lookup';
export { MAX_FINDINGS_PER_RULE_AND_SHEET } from './findings';
export { TECKEN_ASSUMED_NOTE } from './budget-sign';
