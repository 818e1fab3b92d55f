/**
 * What the pane needs from the rest of Styrkoll, as interfaces. The pane's modules depend only on
 * these; taskpane/app-services.ts provides the real ones (core, xlsx, Office adapter) and
 * taskpane/preview/ a fake set for screenshots.
 */
import type { CheckProgress, CheckResult } from '../src/core/check-types';
import type { StyrkollSettings } from '../src/office/settings';

export type { StyrkollSettings };

/** Where the workbook comes from: the open Excel workbook, or (standalone) a file's bytes. */
export type WorkbookSource = { kind: 'excel' } | { kind: 'file'; name: string; bytes: Uint8Array };

export interface ProfileOption {
  id: string;
  name: string;
}

export interface ThresholdOption {
  /** The key as written in Inställningar, e.g. "Tröskel varning %"; also the stored key. */
  key: string;
  description: string;
  kind: 'procent' | 'belopp' | 'antal';
  defaultValue: number;
}

export interface CheckService {
  profiles(): ProfileOption[];
  thresholds(): ThresholdOption[];
  /** Runs the check; in Excel it also writes the Kontroll sheet and the marks. */
  check(source: WorkbookSource, settings: StyrkollSettings, onProgress: (p: CheckProgress) => void): Promise<CheckResult>;
}

export interface ReportTemplateOption {
  id: string;
  title: string;
}

export type ReportMode = 'sheets' | 'workbooks';

export interface ReportRequest {
  result: CheckResult;
  template: string;
  mode: ReportMode;
  /** Nämnder to report on; all when empty. */
  namnder: string[];
}

export interface ReportOutcome {
  /** What was made: sheet names, or one line per new workbook. */
  created: string[];
  /** Plain Swedish notes from the report builder. */
  notes: string[];
}

export interface ReportService {
  templates(): ReportTemplateOption[];
  namnder(result: CheckResult): string[];
  /** 'workbooks' needs ExcelApi 1.8 (Excel.createWorkbook). */
  modes(): ReportMode[];
  createReports(request: ReportRequest, onProgress: (done: number, total: number) => void): Promise<ReportOutcome>;
}

/** The Excel side of the pane; null when the pane runs outside Office. */
export interface ExcelBridge {
  loadSettings(): Promise<StyrkollSettings>;
  saveSettings(settings: StyrkollSettings): Promise<void>;
  /** Selects a finding's cell in its sheet. */
  selectCell(sheet: string, cell: string): Promise<void>;
}

export interface PaneServices {
  check: CheckService;
  reports: ReportService;
  excel: ExcelBridge | null;
}
