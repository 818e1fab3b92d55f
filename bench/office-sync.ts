/**
 * The Office path under the fake Excel of test/office/fake-excel.ts (office-addin-mock has no
 * Excel semantics, so the team's own fake is what counts context.sync calls and queued bytes):
 * readSnapshot → checkWorkbook → writeResult on a Budget sheet of N lines.
 *
 *   node dist/bench/office-sync.js <lines>
 *
 * src/office and the fake are TypeScript that needs the Office typings, which the CLI build
 * leaves out, so they are transpiled on load here (typescript's transpileModule, as ts-jest does).
 * Prints one line `BENCH_RESULT {json}`.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { checkWorkbook, loadRuleSet, buildKontrollSheet, buildMarks, type RuleSet } from '../src/core';
import { readRuleFiles, packageRoot } from '../src/node/rule-files';
import { BUDGET_HEADER, budgetRows } from './budget-rows';
import { settingsSheet } from './plan-rows';
import { SEED } from './generate';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake and src/office are loaded untyped on purpose */
type AnyModule = { _compile(code: string, filename: string): void };

function registerTypeScript(): void {
  const extensions = (require as unknown as { extensions: Record<string, (m: AnyModule, f: string) => void> }).extensions;
  if (extensions['.ts']) return;
  extensions['.ts'] = (module, filename) => {
    const out = ts.transpileModule(readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    module._compile(out.outputText, filename);
  };
}

async function run(lines: number): Promise<void> {
  const root = packageRoot();
  const fakePath = path.join(root, 'test', 'office', 'fake-excel.ts');
  const officePath = path.join(root, 'src', 'office', 'index.ts');
  for (const p of [fakePath, officePath]) if (!existsSync(p)) throw new Error(`saknas: ${path.relative(root, p)}`);
  registerTypeScript();
  const fake = require(fakePath) as any;
  const office = require(officePath) as any;

  const ruleSet = loadRuleSet(await readRuleFiles());
  try {
    return await measure(fake, office, ruleSet, lines, () => true, null);
  } catch (err) {
    // The fake models only part of Excel; retry without the ExcelApi 1.9 extras (page layout,
    // screen updating) rather than report nothing, and say so.
    const why = err instanceof Error ? err.message : String(err);
    return await measure(fake, office, ruleSet, lines, (v: string) => v !== office.API.pageLayout, `utan ExcelApi ${office.API.pageLayout} (den falska Excel klarar inte: ${why})`);
  }
}

async function measure(fake: any, office: any, ruleSet: RuleSet, lines: number, supports: (v: string) => boolean, degraded: string | null): Promise<void> {
  const source = budgetRows(lines, SEED);
  const rows: unknown[][] = [[...BUDGET_HEADER]];
  for (let i = 0; i < lines; i++) rows.push(source.row(i).map((v) => (v === null ? undefined : v)));
  const settings = settingsSheet();
  const ctx = new fake.FakeContext([
    { name: 'Budget', rows },
    { name: settings.name, rows: settings.rows },
  ]);

  // Excel on the web, whose 5 MB limit is the harder case; desktop Excel reads in one batch.
  const t0 = performance.now();
  const snapshot = await office.readSnapshot(ctx, { maxResponseBytes: office.TARGET_RESPONSE_BYTES });
  const readSyncs = ctx.syncCount;
  const t1 = performance.now();
  const result = await checkWorkbook(snapshot, { ruleSet });
  const t2 = performance.now();
  await office.writeResult(ctx, { kontroll: buildKontrollSheet(result), marks: buildMarks(result.findings) }, { supports });
  const t3 = performance.now();

  const desktop = new fake.FakeContext(
    [
      { name: 'Budget', rows },
      { name: settings.name, rows: settings.rows },
    ],
    'desktop',
  );
  await office.readSnapshot(desktop);

  // The fake measures both: queued data per request, values and value types per response.
  const requests: number[] = ctx.requestBytes;
  const responses: number[] = ctx.responseBytes;
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      ms: t3 - t0,
      readMs: t1 - t0,
      checkMs: t2 - t1,
      writeMs: t3 - t2,
      syncs: ctx.syncCount,
      readSyncs,
      desktopReadSyncs: desktop.syncCount,
      writeSyncs: ctx.syncCount - readSyncs,
      maxRequestBytes: Math.max(0, ...requests),
      maxResponseBytes: Math.max(0, ...responses),
      rejectedSyncs: ctx.syncCount - responses.length,
      limitBytes: office.MAX_REQUEST_BYTES,
      findings: result.findings.length,
      degraded,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

if (require.main === module) {
  run(Number(process.argv[2])).catch((err) => {
    process.stderr.write(`office: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    process.exit(1);
  });
}
