/**
 * The add-in's whole Excel path on the host model behind the real Office.js client, as the pane
 * and the ribbon run it: readSnapshot → checkWorkbook → writeResult, each in its own Excel.run, on
 * a Budget sheet of N synthetic lines (the bench's generator). Run twice: the first check writes
 * the Kontroll sheet and the marks, the re-run reads, undoes and writes them again. Used by the
 * 260 000-line test and by the bench (bench/office-sync.ts), which report the bytes the client
 * really sends and gets back per sync.
 */
import { buildKontrollSheet, buildMarks, checkWorkbook, type RuleSet } from '../../../src/core';
import { readSnapshot, TARGET_RESPONSE_BYTES } from '../../../src/office/read-snapshot';
import { writeResult } from '../../../src/office/write-result';
import { BUDGET_HEADER, budgetRows } from '../../../bench/budget-rows';
import { settingsSheet } from '../../../bench/plan-rows';
import { ExcelHost, type HostSheetInit, type SyncRecord } from './excel-host';

export interface RunStats {
  syncs: number;
  readSyncs: number;
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Most tracked objects released in one request (Excel.run's clean-up, about 82 bytes each). */
  maxReleases: number;
  /** Syncs Excel refused (error codes); readSnapshot retries a response over 5 MB in halves. */
  errors: string[];
  findings: number;
  marks: number;
  readMs: number;
  checkMs: number;
  writeMs: number;
}

export interface BudgetRunsResult {
  first: RunStats;
  rerun: RunStats;
  host: ExcelHost;
}

/** The bench's Budget sheet of `lines` lines and its Inställningar sheet. */
export function budgetWorkbook(lines: number, seed: number): HostSheetInit[] {
  const source = budgetRows(lines, seed);
  const rows: (string | number | null)[][] = [[...BUDGET_HEADER]];
  for (let i = 0; i < lines; i++) rows.push(source.row(i));
  const settings = settingsSheet();
  return [
    { name: 'Budget', rows },
    { name: settings.name, rows: settings.rows },
  ];
}

function stats(syncs: SyncRecord[], readSyncs: number): Omit<RunStats, 'findings' | 'marks' | 'readMs' | 'checkMs' | 'writeMs'> {
  return {
    syncs: syncs.length,
    readSyncs,
    writeSyncs: syncs.length - readSyncs,
    maxRequestBytes: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    maxResponseBytes: Math.max(0, ...syncs.map((s) => s.responseBytes)),
    maxReleases: Math.max(0, ...syncs.map((s) => s.releases)),
    errors: syncs.flatMap((s) => (s.error ? [s.error] : [])),
  };
}

/**
 * Checks and writes the workbook twice on one host. `supports` is what the host reports (a
 * current Microsoft 365 reports every set; the client library then decides what exists).
 */
export async function budgetRuns(
  lines: number,
  ruleSet: RuleSet,
  options: { platform?: 'web' | 'desktop'; seed?: number; supports?: (v: string) => boolean } = {},
): Promise<BudgetRunsResult> {
  const platform = options.platform ?? 'web';
  const host = new ExcelHost(budgetWorkbook(lines, options.seed ?? 20250831), platform);
  // Excel.run releases what it tracked in one more request after the batch, possibly after run
  // resolves; waiting lets that request count in the run it belongs to.
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
  const once = async (): Promise<RunStats> => {
    const start = host.syncs.length;
    const t0 = performance.now();
    // Excel on the web answers at most 5 MB; readSnapshot learns which host it is from Office.context.
    const snapshot = await host.run((context) => readSnapshot(context, { maxResponseBytes: platform === 'web' ? TARGET_RESPONSE_BYTES : Number.POSITIVE_INFINITY }));
    await settle();
    const readSyncs = host.syncs.length - start;
    const t1 = performance.now();
    const result = await checkWorkbook(snapshot, { ruleSet });
    const t2 = performance.now();
    const marks = buildMarks(result.findings);
    await host.run((context) => writeResult(context, { kontroll: buildKontrollSheet(result), marks }, { supports: options.supports ?? (() => true) }));
    const t3 = performance.now();
    await settle();
    return { ...stats(host.syncs.slice(start), readSyncs), findings: result.findings.length, marks: marks.length, readMs: t1 - t0, checkMs: t2 - t1, writeMs: t3 - t2 };
  };
  const first = await once();
  const rerun = await once();
  return { first, rerun, host };
}
