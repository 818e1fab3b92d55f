/**
 * The add-in's Excel path through the real Office.js client (node_modules/@microsoft/office-js,
 * excel-web-16.00.debug.js) against the host model of test/office/real-client: readSnapshot →
 * checkWorkbook → writeResult on a Budget sheet of N lines, first run and re-run, on Excel on the
 * web (the 5 MB limits) and, for the read, on desktop. Bytes are the request and response JSON as
 * the client sends and gets them.
 *
 *   node dist/bench/office-sync.js <lines>
 *
 * src/office and the host model are TypeScript that needs the Office typings, which the CLI build
 * (tsconfig.build.json: no office-js types, no test/) leaves out, so they are transpiled on load
 * here from the source tree (typescript's transpileModule, as ts-jest does). The bench and the
 * 260 000-line test run the same code: test/office/real-client/budget-run.ts.
 * Prints one line `BENCH_RESULT {json}`.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { packageRoot } from '../src/node/rule-files';

/* eslint-disable @typescript-eslint/no-explicit-any -- the host model and src/office are loaded untyped on purpose */
type AnyModule = { _compile(code: string, filename: string): void };

/** What office-sync needs from the source tree (bench/run.ts checks them before it starts). */
export const OFFICE_BENCH_SOURCES = ['test/office/real-client/budget-run.ts', 'test/office/real-client/excel-host.ts', 'src/office/index.ts', 'node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js'];

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
  const missing = OFFICE_BENCH_SOURCES.filter((p) => !existsSync(path.join(root, p)));
  if (missing.length) throw new Error(`saknas: ${missing.join(', ')}`);
  registerTypeScript();
  // Loaded from the source tree, so core, office and host are one consistent set of modules.
  const scenario = require(path.join(root, 'test', 'office', 'real-client', 'budget-run.ts')) as any;
  const core = require(path.join(root, 'src', 'core', 'index.ts')) as any;
  const ruleFiles = require(path.join(root, 'src', 'node', 'rule-files.ts')) as any;
  const ruleSet = core.loadRuleSet(await ruleFiles.readRuleFiles());

  const t0 = performance.now();
  const web = await scenario.budgetRuns(lines, ruleSet, { platform: 'web' });
  const ms = performance.now() - t0;
  const desktop = await scenario.budgetRuns(lines, ruleSet, { platform: 'desktop' });
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      ms,
      first: web.first,
      rerun: web.rerun,
      desktopFirst: desktop.first,
      desktopRerun: desktop.rerun,
      client: path.basename(OFFICE_BENCH_SOURCES[3]),
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
