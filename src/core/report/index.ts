/** Report templates → per-nämnd report sheets, and collecting the answers back. */
export { buildReports, buildNamndSheet, reportYear, type BuildReportsInput, type BuildReportsOutput } from './build-reports';
export { collectAnswers, SUMMARY_SHEET, REVIEW_SHEET, MAX_CELL_TEXT, type CollectInput, type CollectOutput, type ReportAnswer, type ReturnedReport } from './collect-answers';
export { pureReportSigner, reportKeyMaterial, rapportnyckel, fileTagValue, FILE_TAG_NAME, type Signer } from './integrity';
export type { Rejected } from './review-sheet';
export type { Edit } from './master-sheet';
export { indicatorStatus, type IndicatorStatus, type IndicatorStatusCode, type IndicatorValues } from './indicator-status';
export { parseReportTemplate, loadReportTemplates, ReportTemplate, Section } from './template-schema';
export { readReports, readReportSheet, refuseOwnSheets, type ReportReading } from './read-report';
export { listNamnder, sameNamnd, sheetNames } from './namnd-data';
export { reportFileName, reportFileNames, cutUtf16 } from './file-name';
