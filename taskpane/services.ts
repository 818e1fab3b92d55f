/**
 * What the pane needs from the rest of Styrkoll, as interfaces. The pane's modules depend only on
 * these; taskpane/app-services.ts provides the real ones (core, xlsx, Office adapter) and
 * taskpane/preview/ a fake set for screenshots.
 */
import type { CheckProgress, CheckResult, ColumnMapping, NamndChartData, ProfileOption, TemplateOption, ThresholdOption } from '../src/core';
import type { StyrkollSettings } from '../src/office/settings';

export type { StyrkollSettings, ColumnMapping };

/** One sheet as the Koppla kolumner form offers it: the text cells of its first rows. */
export interface MappingSheet {
  name: string;
  /** Rows with at least one text cell, 1-based, each with its text cells (1-based columns). */
  rows: { row: number; cells: { col: number; text: string }[] }[];
  /** The row that most looks like a header (the recognised one, or the one with most texts). */
  likelyHeaderRow: number | null;
}

/** What the Koppla kolumner form needs from a check: what was recognised and what can be chosen. */
export interface MappingData {
  /** The fields that can be mapped, in the order the form shows them. */
  fields: { key: string; title: string }[];
  /** Every sheet but Styrkoll's own. */
  sheets: MappingSheet[];
  /** The budget as the check read it: sheet, header row and each field's column; null when none was read. */
  recognised: { sheet: string; headerRow: number; columns: Record<string, { col: number; header: string }> } | null;
  /** The mapping in force for the check (Inställningar's keys and the session's). */
  current: ColumnMapping;
}

/** A chosen workbook file (standalone). */
export interface WorkbookFile {
  name: string;
  bytes: Uint8Array;
}

export type { ProfileOption, ThresholdOption } from '../src/core';

export interface CheckService {
  profiles(): ProfileOption[];
  thresholds(): ThresholdOption[];
  /**
   * Runs the check: in Excel on the open workbook (`file` is null) and writes the Kontroll sheet
   * and the marks; standalone on the chosen file. `mapping` (standalone) is the session's Koppla
   * kolumner choice; in Excel it lives in Inställningar.
   */
  check(file: WorkbookFile | null, settings: StyrkollSettings, onProgress: (p: CheckProgress) => void, mapping?: ColumnMapping | null): Promise<PaneCheck>;
}

/**
 * One check as the pane holds it: the findings and summary it shows, and the handle to what lies
 * behind them.
 */
export interface PaneCheck {
  result: CheckResult;
  handle: CheckHandle;
}

/**
 * What the pane asks of one check beyond its findings and summary: the Rapporter tab its nämnder,
 * pictures and reports, Koppla kolumner its mapping data. In Excel it holds the engine's
 * CheckedWorkbook (the model reports are built from); standalone, what the worker sent with the
 * result and the check's id, while the model stays in the worker with its last check (a handle
 * whose check a newer one has replaced gets a Swedish error, never another check's reports).
 */
export interface CheckHandle {
  /** The nämnder reports can be made for. */
  namnder(): string[];
  /**
   * The budget and indicator pictures for one nämnd (the Diagram section); null when there is
   * nothing to draw. Without it the pane shows no Diagram section.
   */
  pictures?(namnd: string): NamndChartData | null;
  /** What the Koppla kolumner form shows; null when unknown. */
  mapping(): MappingData | null;
  createReports(request: ReportRequest, onProgress: (done: number, total: number) => void): Promise<ReportOutcome>;
}

/** A report template as the pane offers it (the engine's TemplateOption). */
export type ReportTemplateOption = TemplateOption;

/** 'download': standalone, one workbook per nämnd offered as downloads (and as one zip). */
export type ReportMode = 'sheets' | 'workbooks' | 'download';

/** Reports asked of a check's handle. */
export interface ReportRequest {
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
  /** Standalone: the files made, to offer as downloads; `all` holds them in one zip. */
  downloads?: { files: DownloadFile[]; all: DownloadFile | null };
}

/** A file made in the browser, offered as a download. */
export interface DownloadFile {
  name: string;
  bytes: Uint8Array;
}

/** What the Rapporter tab offers whatever was checked; the reports themselves come from a check's handle. */
export interface ReportService {
  templates(): ReportTemplateOption[];
  /** 'workbooks' needs ExcelApi 1.8 (Excel.createWorkbook). */
  modes(): ReportMode[];
}

/** The Excel side of the pane; null when the pane runs outside Office (the one record of where it runs). */
export interface ExcelBridge {
  loadSettings(): Promise<StyrkollSettings>;
  saveSettings(settings: StyrkollSettings): Promise<void>;
  /** Selects a finding's cell in its sheet. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes the mapping as Budgetblad, Rubrikrad and Kolumn … rows in Inställningar (made if missing). */
  saveMapping(mapping: ColumnMapping): Promise<void>;
}

/** Where settings are kept outside Excel (standalone: this browser's localStorage). */
export interface SettingsStore {
  where: 'browser';
  load(): Promise<StyrkollSettings>;
  save(settings: StyrkollSettings): Promise<void>;
}

/** Standalone only: the chosen file with the Kontroll sheet and marks, made in the browser. */
export interface CheckedWorkbookService {
  /**
   * Made from the check behind `check` (the handle a check returned); the name is
   * "<original>-kontroll.xlsx". Refused with a Swedish message when a newer check has replaced it.
   */
  checkedWorkbook(check: CheckHandle, onProgress: (p: CheckProgress) => void): Promise<DownloadFile>;
}

export interface PaneServices {
  check: CheckService;
  reports: ReportService;
  excel: ExcelBridge | null;
  /** Standalone settings storage; ignored in Excel, where the workbook keeps them. */
  settingsStore?: SettingsStore;
  /** Standalone download of the checked workbook. */
  files?: CheckedWorkbookService;
}
