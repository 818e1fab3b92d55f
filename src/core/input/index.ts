/**
 * The input layer: workbook snapshot → typed model and `indata` findings (rule ids `IN-…`).
 *
 * Decisions worth knowing:
 * - "1.234" is 1.234 (a decimal point); a dot groups thousands only as in "1.234.567" or "1.234,5".
 * - A Budget row without any amount is a heading: not a line, but its Nämnd carries down to the
 *   rows below (as merged cells do) until the next total row.
 * - When most rows of a given Avvikelse column have the opposite sign, that is one info finding
 *   and `avvikelseAngiven` is turned to deficit-negative for every line.
 * - A line without any nämnd keeps `namnd: ''` and gets an IN-NAMND-SAKNAS finding.
 * - At most MAX_FINDINGS_PER_RULE_AND_SHEET findings per rule and sheet are listed, plus one
 *   finding that counts the rest.
 */
export { buildModel, type BuildResult } from './build-model';
export { normalizeHeader, foldText } from './text';
export { parseSwedishNumber, formatSwedishNumber, formatSwedishNumberTrimmed } from './numbers';
export { parseDateCell, parsePeriod, serialToIso, type Period } from './dates';
export { cellAddress, columnLetter, parseCellAddress, parseRangeRef } from './address';
export { CONTRACT_SHEET_NAMES, findSheet, SHEET_TITLES, type SheetKind } from './sheet-lookup';
export { hasStyrkollTitle, locateSheets, OWN_SHEET_NAMES, sheetsToRead, type SheetPlan } from './locate';
export { classifyBudgetHeader, detectBudgetHeader, type ColumnMapping, HEADER_SCAN_ROWS } from './budget-header';
export { parseMapArgs, MAPPABLE_FIELDS, MAPPING_KEYS, fieldOfName } from './mapping';
export { describeInlast } from './inlast';
export { inferUnit, unitInText } from './unit';
export { MAX_FINDINGS_PER_RULE_AND_SHEET } from './findings';
export { TECKEN_ASSUMED_NOTE } from './budget-sign';
