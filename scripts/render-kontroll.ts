/**
 * Renders the Kontroll sheet of a real check to a PNG, to look at what users get:
 * `node dist/scripts/render-kontroll.js [in.xlsx] [out.png]` (needs soffice and pdftoppm).
 * The sheet is written alone into a new workbook, so the picture shows only the Kontroll sheet.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkbook, loadRuleSet } from '../src/core';
import { buildKontrollSheet } from '../src/core';
import { readWorkbook } from '../src/xlsx/read';
import { createWorkbook } from '../src/xlsx/write';
import { packageRoot, readRuleFiles } from '../src/node/rule-files';

async function main(): Promise<void> {
  const root = packageRoot();
  const [input = path.join(root, 'examples', 'hedemora-delarsrapport-2025-08.xlsx'), out = path.join(root, 'docs', 'kontroll.png')] = process.argv.slice(2);
  const snapshot = await readWorkbook(new Uint8Array(fs.readFileSync(input)));
  const result = await checkWorkbook(snapshot, { ruleSet: loadRuleSet(await readRuleFiles()) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-kontroll-'));
  const xlsx = path.join(dir, 'kontroll.xlsx');
  fs.writeFileSync(xlsx, createWorkbook([buildKontrollSheet(result)]));
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore', timeout: 120_000 });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'kontroll.pdf'), out.replace(/\.png$/, '')]);
  process.stdout.write(`Skrev ${out}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
