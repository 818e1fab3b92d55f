/**
 * Renders one nämnd's report as the nämnd will print it, to look at the layout:
 * example workbook → buildReports → createWorkbook → soffice --convert-to pdf → pdftoppm page 1
 * → docs/report-page.png.
 *
 *   npm run build:cli && node dist/scripts/render-report-pdf.js [template-id] [example.xlsx] [nämnd]
 *
 * Needs LibreOffice (soffice) and poppler-utils (pdftoppm) on PATH.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { readWorkbook } from '../src/xlsx/read/read-workbook';
import { createWorkbook } from '../src/xlsx/write';
import { buildModel } from '../src/core';
import { checkWorkbook } from '../src/core';
import { loadRuleSet } from '../src/core';
import { readRuleFiles } from '../src/node/rule-files';
import { buildReports } from '../src/core';
import { pureReportSigner } from '../src/core';
import { parseReportTemplate } from '../src/core';

async function main(): Promise<void> {
  const root = resolve(__dirname, existsSync(resolve(__dirname, '../rules')) ? '..' : '../..');
  const [templateId = 'delarsrapport', example = 'examples/hedemora-delarsrapport-2025-08.xlsx', namnd] = process.argv.slice(2);
  const templatePath = join(root, 'rules/templates', `${templateId}.json`);
  const template = parseReportTemplate({ path: templatePath, json: JSON.parse(readFileSync(templatePath, 'utf8')) });
  const snapshot = await readWorkbook(new Uint8Array(readFileSync(join(root, example))));
  const { model } = buildModel(snapshot);
  // With the check's findings, as `styrkoll report` makes it: the iakttagelser section is filled.
  const result = await checkWorkbook(snapshot, { ruleSet: loadRuleSet(await readRuleFiles()) });
  const { sheets, summary } = buildReports({ model, result, template, sign: pureReportSigner(model), ...(namnd ? { namnd } : {}) });
  const sheet = namnd ? sheets[0] : sheets.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
  const dir = mkdtempSync(join(tmpdir(), 'styrkoll-pdf-'));
  const xlsx = join(dir, 'rapport.xlsx');
  writeFileSync(xlsx, createWorkbook([sheet], { title: `${template.title} – ${sheet.name}` }));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'rapport.pdf'), join(dir, 'page')]);
  copyFileSync(join(dir, 'page.png'), join(root, 'docs/report-page.png'));
  copyFileSync(xlsx, join(dir, `${sheet.name}.xlsx`));
  console.log([...summary, `Blad: ${sheet.name}`, `PDF: ${join(dir, 'rapport.pdf')}`, 'Bild: docs/report-page.png'].join('\n'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
