/**
 * The core's only public entry: everything outside src/core (the CLI, the xlsx and Office
 * adapters, Node helpers, Kolada, the pages, scripts) imports the core from here and nowhere else;
 * `npm run lint` fails on an import of any other core file (eslint.config.mjs). Tests may reach
 * inside.
 *
 * The centre is Engine (engine.ts): built once from the rule files, then `check(snapshot, options)`.
 * The rest is what adapters need around it: the snapshot they produce, the sheets and marks they
 * write, errors, the input layer's sheet lookup and column mapping, and the report builders.
 */

// The engine and what a check gives.
export { Engine, type EngineCheckOptions, type ProfileOption, type ThresholdOption, type TemplateOption } from './engine';
export type { CheckResult, CheckedWorkbook, CheckSummary, CheckProgress } from './check-types';
export { sortRuleFiles, isSchemaFile, compareRulePaths, type RuleFiles } from './rule-files';

// What adapters produce and consume.
export type { WorkbookSnapshot, SheetSnapshot, CellValue, CellErrorRef } from './snapshot';
export type * from './model';
export type { SheetSpec, SpecCell, CellStyle, CellMark, ChartSpec, ChartSeries } from './sheet-spec';
export { StyrkollError, isStyrkollError, type ErrorCode } from './errors';

// Findings, their labels and order, and the cell marks.
export {
  CATEGORIES,
  SEVERITIES,
  CATEGORY_LABELS,
  SEVERITY_LABELS,
  compareFindings,
  compareSeverity,
  compareSwedish,
  moreSevere,
  type Category,
  type Severity,
  type Finding,
} from './finding';
export { mergeMarks, normalizeCell } from './marks';
export { CHART_NAME_PREFIX, chartName, scatterXAxis } from './sheet-spec';
export {
  buildKontrollSheet,
  buildMarks,
  KONTROLL_SHEET_NAME,
  SEVERITY_FILLS,
  FINDING_HEADERS,
  MAX_MARKED_CELLS_PER_SHEET,
  MAX_LISTED_FINDINGS,
} from './kontroll';

// The input layer: which sheet is what, and the user's column mapping.
export {
  buildModel,
  type BuildResult,
  normalizeHeader,
  foldText,
  parseSwedishNumber,
  formatSwedishNumber,
  columnLetter,
  cellAddress,
  parseCellAddress,
  parseRangeRef,
  findSheet,
  SHEET_TITLES,
  type SheetKind,
  describeInlast,
  hasStyrkollTitle,
  locateSheets,
  OWN_SHEET_NAMES,
  sheetsToRead,
  HEADER_SCAN_ROWS,
  type ColumnMapping,
  parseMapArgs,
  MAPPABLE_FIELDS,
  MAPPING_KEYS,
} from './input';
export { HEADER_SCAN_COLS } from './input/budget-header';
export { mappingFromSettings } from './input/mapping';
export { emptySettings, readSettings } from './input/settings';
export { FindingSink } from './input/findings';

// Rules: for the rule listing, tooling (the JSON Schema generator) and the bench.
export { checkWorkbook, checkModel, type CheckOptions } from './check';
export {
  loadRuleSet,
  listRules,
  SCOPE_FACTS,
  RuleFile,
  SCOPES,
  type FileInput,
  type RuleSet,
  type LoadedRule,
  type RuleListRow,
} from './rules';
export { Profile, type ReportEntry, type GoalLevel } from './rules';

// Reports: built from a CheckedWorkbook's model, and collected back.
export {
  buildReports,
  reportYear,
  collectAnswers,
  SUMMARY_SHEET,
  REVIEW_SHEET,
  MAX_CELL_TEXT,
  pureReportSigner,
  reportKeyMaterial,
  rapportnyckel,
  fileTagValue,
  FILE_TAG_NAME,
  indicatorStatus,
  parseReportTemplate,
  loadReportTemplates,
  ReportTemplate,
  readReports,
  readReportSheet,
  refuseOwnSheets,
  listNamnder,
  sameNamnd,
  sheetNames,
  reportFileName,
  reportFileNames,
  type Signer,
  type ReturnedReport,
  type ReportAnswer,
  type Rejected,
} from './report';
export { namndChartData, unitDecimals, type NamndChartData, type BudgetBar } from './report/chart-data';
