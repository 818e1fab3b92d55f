/**
 * One measured phase per process, so each peak RSS belongs to that phase alone:
 *
 *   node dist/bench/phases.js read <xlsx> <snapshot.bin>      Styrkoll's reader, as the CLI runs it; saves the snapshot
 *   node dist/bench/phases.js check <snapshot.bin> <out.bin>   core checkWorkbook; saves Kontroll + marks
 *   node dist/bench/phases.js reference <snapshot.bin>         the hand-written loop over the line rules
 *   node dist/bench/phases.js lines <snapshot.bin>             the same line rules through the core's rule path
 *   node dist/bench/phases.js write <xlsx> <out.bin>           package writer (Node's zlib, as the CLI)
 *   node dist/bench/phases.js exceljs <xlsx>                   exceljs load + writeBuffer, no checking
 *
 * Inputs prepared by an earlier phase are passed as v8-serialised files and are not timed.
 * Prints one line `BENCH_RESULT {json}`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import type ExcelJSType from 'exceljs';
import { buildKontrollSheet, buildMarks, buildModel, checkWorkbook, loadRuleSet, type CheckProgress, type WorkbookSnapshot } from '../src/core';
import type { CellMark, SheetSpec } from '../src/core/sheet-spec';
import { evaluateRules } from '../src/core/rules/evaluate';
import { buildFactTable, type FactTable } from '../src/core/rules/facts';
import { prepareRules } from '../src/core/check';
import { readRuleFiles } from '../src/node/rule-files';
import { readWorkbookGuarded } from '../src/node/guarded-read';
import { writeCheckedWorkbook } from '../src/xlsx/write';
import { NODE_CODEC } from '../src/node/zip-codec';
import { OWN_SHEET_NAMES } from '../src/core/input/locate';
import { budgetRulesJson, LINE_RULES, referenceLoop, referenceThresholds } from './reference-loop';


export interface PhaseResult {
  ms: number;
  maxRssMb: number;
  [extra: string]: unknown;
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * CPU time this thread has run, in ms (Linux: /proc/thread-self/schedstat), NaN elsewhere. Unlike
 * the wall clock it leaves out the time the thread waited for a core – on a shared machine that
 * is much of the spread between runs – but V8's compiler and GC threads are not in it.
 */
export function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

function done(result: Omit<PhaseResult, 'maxRssMb'>): void {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...result, maxRssMb: rssMb() })}\n`);
}

async function read(file: string, out: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  // As `styrkoll check` reads: in a worker with Node's zlib, the rows built on this thread.
  // As the CLI reads: every sheet but Styrkoll's own (any of them may hold the budget).
  const snapshot = await readWorkbookGuarded(bytes, { skipSheetNames: [...OWN_SHEET_NAMES] });
  const ms = performance.now() - t0;
  const rows = Object.fromEntries(snapshot.sheets.map((s) => [s.name, s.rows.length]));
  writeFileSync(out, v8.serialize(snapshot));
  done({ ms, rows });
}

async function ruleSet() {
  return loadRuleSet(await readRuleFiles());
}

async function check(snapshotFile: string, out: string): Promise<void> {
  const snapshot = v8.deserialize(readFileSync(snapshotFile)) as WorkbookSnapshot;
  const rules = await ruleSet();
  let modelDone = 0;
  const onProgress = (p: CheckProgress) => {
    if (p.phase === 'indata' && p.done === 1) modelDone = performance.now();
  };
  threadCpuMs(); // the file read once before the clock starts
  const c0 = threadCpuMs();
  const t0 = performance.now();
  const result = await checkWorkbook(snapshot, { ruleSet: rules, onProgress });
  const t1 = performance.now();
  const cpuMs = threadCpuMs() - c0;
  const kontroll = buildKontrollSheet(result);
  const marks = buildMarks(result.findings);
  const t2 = performance.now();
  writeFileSync(out, v8.serialize({ kontroll, marks }));
  const byRule: Record<string, number> = {};
  for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  done({
    ms: t1 - t0,
    cpuMs,
    modelMs: modelDone ? modelDone - t0 : null,
    rulesMs: modelDone ? t1 - modelDone : null,
    kontrollMs: t2 - t1,
    findings: result.findings.length,
    ruleCount: result.summary.ruleCount,
    lines: result.model.budget?.lines.length ?? 0,
    byRule,
  });
}

async function reference(snapshotFile: string): Promise<void> {
  const snapshot = v8.deserialize(readFileSync(snapshotFile)) as WorkbookSnapshot;
  const files = await readRuleFiles();
  const fileLineRules = budgetRulesJson(files)
    .filter((r) => r.scope === 'budgetrad')
    .map((r) => r.id ?? '?')
    .sort();
  const { model } = buildModel(snapshot);
  const thresholds = referenceThresholds(files, model.settings.profil ?? 'standard');
  const lines = model.budget?.lines ?? [];
  threadCpuMs();
  const c0 = threadCpuMs();
  const t0 = performance.now();
  const hits = referenceLoop(lines, thresholds);
  const ms = performance.now() - t0;
  const cpuMs = threadCpuMs() - c0;
  const byRule: Record<string, number> = {};
  for (const h of hits) byRule[h.rule] = (byRule[h.rule] ?? 0) + 1;
  done({ ms, cpuMs, hits: hits.length, byRule, lines: lines.length, thresholds, mirrors: [...LINE_RULES].sort(), fileLineRules });
}

/**
 * The work the reference loop does, done the declarative way: the budgetrad rules the check would
 * run (prepareRules: the workbook's profile, params resolved), through evaluateRules (generated
 * loop, code generation included) over the same model lines. Like the reference it yields hits, not
 * findings; the model is built before the clock starts, as the reference's is.
 */
async function lines(snapshotFile: string): Promise<void> {
  const snapshot = v8.deserialize(readFileSync(snapshotFile)) as WorkbookSnapshot;
  const rules = await ruleSet();
  const { model } = buildModel(snapshot);
  const { profile, runnable, params } = prepareRules(rules, model);
  const lineRules = runnable.filter((r) => r.scope === 'budgetrad');
  threadCpuMs();
  const c0 = threadCpuMs();
  const t0 = performance.now();
  const hits = await evaluateRules(lineRules, (scope) => buildFactTable(model, scope, profile) as FactTable, params.values);
  const ms = performance.now() - t0;
  const cpuMs = threadCpuMs() - c0;
  const byRule: Record<string, number> = {};
  for (const h of hits) byRule[h.rule.id] = (byRule[h.rule.id] ?? 0) + 1;
  done({ ms, cpuMs, hits: hits.length, byRule, rules: lineRules.map((r) => r.id).sort(), lines: model.budget?.lines.length ?? 0 });
}

async function write(file: string, resultFile: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const { kontroll, marks } = v8.deserialize(readFileSync(resultFile)) as { kontroll: SheetSpec; marks: CellMark[] };
  const t0 = performance.now();
  // With Node's zlib, as `styrkoll check` writes.
  const out = writeCheckedWorkbook(bytes, { kontroll, marks }, { codec: NODE_CODEC });
  const ms = performance.now() - t0;
  done({ ms, marks: marks.length, bytesOut: out.byteLength });
}

async function exceljs(file: string): Promise<void> {
  // Loaded here only: the other phases must not pay for exceljs in time or memory.
  const ExcelJS = require('exceljs') as typeof ExcelJSType;
  const bytes = readFileSync(file);
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJSType.Buffer);
  const t1 = performance.now();
  const out = await wb.xlsx.writeBuffer();
  const t2 = performance.now();
  done({ ms: t2 - t0, loadMs: t1 - t0, writeMs: t2 - t1, bytesOut: out.byteLength });
}

const PHASES: Record<string, (...args: string[]) => Promise<void>> = { read, check, reference, lines, write, exceljs };

if (require.main === module) {
  const [phase, ...args] = process.argv.slice(2);
  const fn = PHASES[phase];
  if (!fn) {
    process.stderr.write(`okänd fas: ${phase}\n`);
    process.exit(2);
  }
  fn(...args).catch((err) => {
    process.stderr.write(`${phase}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    process.exit(1);
  });
}
