/**
 * Renders a checked workbook's Kontroll sheet to PDF with LibreOffice (headless), to look at the
 * layout and print setup: `node dist/scripts/render-pdf.js [in.xlsx] [out-dir]`.
 * Without an input it checks a small built-in workbook. Needs `soffice` on the PATH.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildKontrollSheet, buildMarks } from '../src/core';
import type { CheckResult } from '../src/core';
import type { Finding } from '../src/core';
import { createWorkbook, writeCheckedWorkbook } from '../src/xlsx/write';

function sampleFindings(): Finding[] {
  const base = { namnd: 'Socialnämnden', source: 'Hedemora styrmodell, Budgetavvikelser', suggestion: 'Ta fram en åtgärdsplan och redovisa den med nämndrapporten.' };
  return [
    { ...base, rule: 'BUD-UNDERSKOTT', category: 'budget', severity: 'fel', sheet: 'Budget', row: 2, cell: 'D2', message: 'Prognosen 1 200 tkr överstiger budgeten 1 000 tkr (underskott 200 tkr) och det finns ingen åtgärdsplan.' },
    { ...base, rule: 'MAL-INDIKATOR', category: 'mal', severity: 'varning', sheet: 'Budget', row: 3, cell: 'B3', message: '=HYPERLINK("http://example.invalid","text, inte formel")' },
    { ...base, rule: 'ARSHJUL-DELAR', category: 'arshjul', severity: 'info', sheet: null, row: null, cell: null, namnd: null, message: 'Delårsrapporten per 31 augusti ska till KF inom två månader.' },
  ];
}

function sampleResult(findings: Finding[]): CheckResult {
  return {
    findings,
    summary: {
      profile: 'hedemora', kommun: 'Hedemora kommun', period: '2025-08', ruleCount: 42,
      counts: { total: findings.length, byCategory: { budget: 1, mal: 1, 'mal-medel': 0, 'rod-trad': 0, arshjul: 1, indata: 0 }, bySeverity: { fel: 1, varning: 1, info: 1 } },
      notes: ['Bladet Åtgärder saknas; reglerna för åtgärdsplaner kördes inte.'],
      inlast: ['Budget: bladet Budget (hittat efter namnet), rubrikrad 1, rad 2–40: 39 budgetrader.'],
      budgetRead: true,
    },
  };
}

function main(): void {
  const [input, outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkoll-pdf-'))] = process.argv.slice(2);
  const findings = sampleFindings();
  const original = input
    ? new Uint8Array(fs.readFileSync(input))
    : createWorkbook([{ name: 'Budget', rows: [['Nämnd', 'Verksamhet', 'Budget', 'Prognos'], ['Socialnämnden', 'Äldreomsorg', 1000, 1200], ['Kultur', 'Bibliotek', 500, 450]].map((r) => r.map((v) => ({ v }))) }]);
  const checked = writeCheckedWorkbook(original, { kontroll: buildKontrollSheet(sampleResult(findings)), marks: buildMarks(findings) });
  const xlsx = path.join(outDir, 'kontroll.xlsx');
  fs.writeFileSync(xlsx, checked);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { stdio: 'inherit', timeout: 120_000 });
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(outDir, 'sida')], { stdio: 'inherit' });
  process.stdout.write(`Skrev ${pdf} och sidbilder i ${outDir}\n`);
}

main();
