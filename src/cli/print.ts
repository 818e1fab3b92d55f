import type { CheckResult } from '../core';
import { CATEGORIES, SEVERITIES, type Finding } from '../core';
import { CATEGORY_LABELS as CATEGORY_LABEL, SEVERITY_LABELS as SEVERITY_LABEL } from '../core';
import { oneLine } from './terminal-text';

/** The public --json shape: the contract's keys first, in the contract's order, then extensions. */
export function toPublicJson(findings: Finding[]): string {
  const rows = findings.map((f) => ({
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    sheet: f.sheet,
    row: f.row,
    cell: f.cell,
    namnd: f.namnd,
    message: f.message,
    source: f.source,
    suggestion: f.suggestion,
  }));
  return JSON.stringify(rows, null, 2);
}

/** A plain Swedish summary for a person at a terminal. */
export function formatSummary(result: CheckResult, options: { maxFindings: number }): string {
  const { summary, findings } = result;
  const lines: string[] = [];
  const head = [`Styrkoll – kontroll${summary.kommun ? ` av ${oneLine(summary.kommun)}` : ''}`];
  const meta = [`profil ${oneLine(summary.profile)}`];
  if (summary.period) meta.push(`period ${oneLine(summary.period)}`);
  meta.push(`${summary.ruleCount} regler`);
  lines.push(`${head.join('')} (${meta.join(', ')})`, '');
  if (!summary.budgetRead) {
    lines.push('INGEN BUDGETDATA LÄSTES – budgeten har inte kontrollerats (se felet nedan).', '');
  }

  const w = 15;
  lines.push(`${''.padEnd(w)}${SEVERITIES.map((s) => SEVERITY_LABEL[s].padStart(9)).join('')}`);
  for (const c of CATEGORIES) {
    const n = findings.filter((f) => f.category === c);
    lines.push(`${CATEGORY_LABEL[c].padEnd(w)}${SEVERITIES.map((s) => String(n.filter((f) => f.severity === s).length).padStart(9)).join('')}`);
  }
  lines.push(`${'Totalt'.padEnd(w)}${SEVERITIES.map((s) => String(summary.counts.bySeverity[s]).padStart(9)).join('')}`);

  if (summary.inlast.length > 0) {
    lines.push('', 'Inläst:');
    for (const n of summary.inlast) lines.push(`  – ${oneLine(n)}`);
  }
  if (summary.notes.length > 0) {
    lines.push('', 'Att notera:');
    for (const n of summary.notes) lines.push(`  – ${oneLine(n)}`);
  }
  if (findings.length === 0) {
    lines.push('', summary.budgetRead ? 'Inga avvikelser hittades.' : 'Inga fynd – men ingen budget lästes.');
    return lines.join('\n');
  }
  lines.push('', 'Fynd:');
  const shown = findings.slice(0, options.maxFindings);
  const where = (f: Finding) => oneLine(f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ''}` : 'arbetsboken');
  const ruleWidth = Math.max(...shown.map((f) => f.rule.length));
  const whereWidth = Math.max(...shown.map((f) => where(f).length));
  for (const f of shown) {
    lines.push(`  ${SEVERITY_LABEL[f.severity].toUpperCase().padEnd(8)} ${f.rule.padEnd(ruleWidth)}  ${where(f).padEnd(whereWidth)}  ${oneLine(f.message)}`);
    // What to do about the input itself is said at once: the rest of the check depends on it.
    if (f.category === 'indata' && f.severity === 'fel' && f.suggestion) lines.push(`  ${''.padEnd(8)} ${''.padEnd(ruleWidth)}  ${''.padEnd(whereWidth)}  → ${oneLine(f.suggestion)}`);
  }
  if (findings.length > options.maxFindings) {
    lines.push(`  … och ${findings.length - options.maxFindings} till (alla finns i bladet Kontroll med -o, eller med --json).`);
  }
  return lines.join('\n');
}
