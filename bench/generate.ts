/**
 * Bench workbooks: Budget sheets of 1 000 to 1 048 575 lines plus the plan sheets, written with
 * exceljs's streaming WorkbookWriter (rows are committed as they are made, so memory stays flat)
 * and cached in bench/.work/ by size and generator version.
 *
 *   node dist/bench/generate.js <lines> [--plan] [--out file]
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { BUDGET_HEADER, budgetRows } from './budget-rows';
import { planSheets, settingsSheet, type PlanCounts, type Row } from './plan-rows';

/** Bump when the generated content changes, so cached files are made again. */
export const GENERATOR_VERSION = 2;
export const SEED = 20250831;

/** Excel's last row: a Budget sheet of this many rows is header + 1 048 575 lines. */
export const EXCEL_MAX_ROWS = 1_048_576;

export interface WorkbookSpec {
  /** Budget lines (rows below the header). */
  lines: number;
  /** Mål, Indikatorer, Uppdrag and Åtgärder rows; none when absent. */
  plan?: PlanCounts;
  seed?: number;
}

/** The plan sheets the bench uses at 100 000 lines. */
export const FULL_PLAN: PlanCounts = { goals: 2000, indicators: 5000, uppdrag: 500, atgarder: 40 };

export function benchSpec(lines: number): WorkbookSpec {
  return { lines, plan: lines >= 100_000 && lines < EXCEL_MAX_ROWS - 1 ? FULL_PLAN : { goals: 0, indicators: 0, uppdrag: 0, atgarder: 12 } };
}

export function workDir(): string {
  // dist/bench/ → repository root; bench/ when run from the sources (tests).
  const root = path.basename(path.dirname(__dirname)) === 'dist' ? path.resolve(__dirname, '..', '..') : path.resolve(__dirname, '..');
  return path.join(root, 'bench', '.work');
}

export function cachedPath(spec: WorkbookSpec): string {
  const plan = spec.plan ? `-p${spec.plan.goals}.${spec.plan.indicators}.${spec.plan.uppdrag}.${spec.plan.atgarder}` : '';
  return path.join(workDir(), `budget-${spec.lines}${plan}-s${spec.seed ?? SEED}-v${GENERATOR_VERSION}.xlsx`);
}

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, rows: Iterable<Row>): void {
  const ws = wb.addWorksheet(name);
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
}

function* budgetSheetRows(lines: number, seed: number): Iterable<Row> {
  yield [...BUDGET_HEADER];
  const source = budgetRows(lines, seed);
  for (let i = 0; i < lines; i++) yield source.row(i);
}

/** Writes the workbook to `file` (via a temporary name, so a cache never holds half a file). */
export async function generateWorkbook(file: string, spec: WorkbookSpec): Promise<void> {
  if (spec.lines + 1 > EXCEL_MAX_ROWS) throw new Error(`at most ${EXCEL_MAX_ROWS - 1} budget lines`);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const seed = spec.seed ?? SEED;
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: false });
    addSheet(wb, 'Budget', budgetSheetRows(spec.lines, seed));
    if (spec.plan) for (const sheet of planSheets(spec.plan, seed + 1)) addSheet(wb, sheet.name, sheet.rows);
    const settings = settingsSheet();
    addSheet(wb, settings.name, settings.rows);
    await wb.commit();
    renameSync(tmp, file);
  } finally {
    if (existsSync(tmp)) rmSync(tmp);
  }
}

/** The cached workbook for a spec, generated first when missing. */
export async function ensureWorkbook(spec: WorkbookSpec): Promise<{ file: string; generated: boolean }> {
  const file = cachedPath(spec);
  if (existsSync(file)) return { file, generated: false };
  await generateWorkbook(file, spec);
  return { file, generated: true };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const lines = Number(args[0]);
  if (!Number.isInteger(lines) || lines < 0) {
    process.stderr.write('användning: node dist/bench/generate.js <antal rader> [--out fil]\n');
    process.exit(2);
  }
  const out = args.indexOf('--out');
  const spec = benchSpec(lines);
  const run = out >= 0 ? generateWorkbook(args[out + 1], spec).then(() => args[out + 1]) : ensureWorkbook(spec).then((r) => r.file);
  run.then(
    (file) => process.stdout.write(`${file}\n`),
    (err) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
