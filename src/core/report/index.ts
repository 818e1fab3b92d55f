/** Report templates → per-nämnd report sheets, and collecting the answers back. */
export { buildReports, buildNamndSheet, type BuildReportsInput, type BuildReportsOutput } from './build-reports';
export { collectAnswers, SUMMARY_SHEET, type CollectInput, type CollectOutput, type ReportAnswer } from './collect-answers';
export type { Edit } from './master-sheet';
export { indicatorStatus, type IndicatorStatus, type IndicatorStatusCode, type IndicatorValues } from './indicator-status';
export { parseReportTemplate, loadReportTemplates, ReportTemplate, Section } from './template-schema';
export { readReports, readReportSheet, type ReportReading } from './read-report';
export { listNamnder, sameNamnd, sheetNames } from './namnd-data';
export { reportFileName } from './file-name';
