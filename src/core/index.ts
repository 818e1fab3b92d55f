/** The core's only public entry: adapters (CLI, add-in, xlsx) import from here. */
export type { WorkbookSnapshot, SheetSnapshot, CellValue, CellErrorRef } from './snapshot';
export type * from './model';
export { CATEGORIES, SEVERITIES, compareFindings, type Category, type Severity, type Finding } from './finding';
export { StyrkollError, isStyrkollError, type ErrorCode } from './errors';
export type { SheetSpec, SpecCell, CellStyle, CellMark, ChartSpec, ChartSeries } from './sheet-spec';
export { CHART_NAME_PREFIX, chartName } from './sheet-spec';
export type { CheckResult, CheckSummary, CheckProgress } from './check-types';
export { buildModel, type BuildResult } from './input';
export { describeInlast, locateSheets, OWN_SHEET_NAMES, sheetsToRead, parseMapArgs, MAPPABLE_FIELDS, MAPPING_KEYS, type ColumnMapping } from './input';
export { checkWorkbook, checkModel, type CheckOptions } from './check';
export { loadRuleSet, listRules, type FileInput, type RuleSet, type LoadedRule, type RuleListRow } from './rules';
export type { Profile, ReportEntry, GoalLevel } from './rules';
export {
  buildKontrollSheet,
  buildMarks,
  KONTROLL_SHEET_NAME,
  CATEGORY_LABELS,
  SEVERITY_LABELS,
  SEVERITY_FILLS,
  FINDING_HEADERS,
} from './kontroll';
