/**
 * Messages between the standalone page and its Web Worker. Everything here is plain data
 * (structured-clone safe); the full model and the file's bytes stay in the worker, so the page
 * never pays for copying a 100 000-line model back across the boundary.
 */
import type { CheckProgress, CheckSummary, Finding, NamndChartData } from '../../src/core';
import type { StyrkollSettings } from '../../src/office/settings';
import type { ColumnMapping, MappingData, ProfileOption, ReportTemplateOption, ThresholdOption } from '../services';

/** A file made in the worker, offered as a download. */
export interface FileOut {
  name: string;
  bytes: Uint8Array;
}

export type WorkerRequest =
  | { id: number; kind: 'init' }
  | { id: number; kind: 'check'; name: string; bytes: Uint8Array; settings: StyrkollSettings; mapping?: ColumnMapping | null }
  // checkId: the check (CheckReply.checkId) the download or reports are made from; the worker
  // holds only its last check and refuses any other id rather than answer from the wrong one.
  | { id: number; kind: 'write'; checkId: number }
  | { id: number; kind: 'reports'; checkId: number; template: string; namnder: string[] };

export interface InitReply {
  profiles: ProfileOption[];
  thresholds: ThresholdOption[];
  templates: ReportTemplateOption[];
}

export interface CheckReply {
  /** This check's id in the worker: later write and reports requests name it. */
  checkId: number;
  findings: Finding[];
  summary: CheckSummary;
  /** The nämnder reports can be made for; the model itself stays in the worker. */
  namnder: string[];
  /** Each nämnd's two pictures (Diagram), as small plain data. */
  pictures: NamndChartData[];
  /** What Koppla kolumner shows: the budget recognised, the mapping in force, the sheets' first rows. */
  mapping: MappingData;
}

export interface ReportsReply {
  files: FileOut[];
  /** All files in one zip (stored, not deflated: xlsx parts are already compressed). */
  zip: FileOut;
  notes: string[];
}

export interface ReplyMap {
  init: InitReply;
  check: CheckReply;
  write: FileOut;
  reports: ReportsReply;
}

/** A failure, as plain data: a StyrkollError keeps its code and its one Swedish line. */
export interface WorkerFailure {
  code: string | null;
  message: string;
}

export type WorkerResponse =
  | { id: number; kind: 'progress'; progress: CheckProgress }
  | { id: number; kind: 'done'; value: ReplyMap[keyof ReplyMap] }
  | { id: number; kind: 'error'; error: WorkerFailure };
