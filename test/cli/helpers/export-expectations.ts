/**
 * What a correct check reports on the workbooks of scripts/lib/export-workbooks.ts, worked out
 * from their definitions with the default (standard) profile's thresholds, as read from the rule
 * files' declared defaults (rules/budget/troskler.json).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { UNIT_FACTOR, type ExportDefinition, type LineDef, type NamndDef, type PlacedLine } from '../../../scripts/lib/export-workbooks';

const RULES = path.resolve(__dirname, '..', '..', '..', 'rules', 'budget');

/** The budget family's thresholds, declared once with their defaults. */
function params(): Record<string, number> {
  const json = JSON.parse(readFileSync(path.join(RULES, 'troskler.json'), 'utf8')) as { params: Record<string, { default: number }> };
  return Object.fromEntries(Object.entries(json.params).map(([k, v]) => [k, v.default]));
}

export interface Thresholds {
  varningProcent: number;
  felProcent: number;
  lagstaBeloppKr: number;
  atgardsplanProcent: number;
  lagstaBeloppAtgardsplanKr: number;
}

/** The standard profile's thresholds (it sets none of its own: rules/profiles/standard.json). */
export function standardThresholds(): Thresholds {
  const p = params();
  return {
    varningProcent: p.troskelVarningProcent,
    felProcent: p.troskelFelProcent,
    lagstaBeloppKr: p.lagstaBelopp,
    atgardsplanProcent: p.troskelAtgardsplanProcent,
    lagstaBeloppAtgardsplanKr: p.lagstaBeloppAtgardsplan,
  };
}

export function outcomeOf(def: ExportDefinition, l: LineDef): number {
  return def.outcome === 'prognos' ? (l.prognos as number) : l.utfall;
}

/** The line's deficit in kr (negative: a surplus). */
export function deficitKr(def: ExportDefinition, l: LineDef): number {
  return Math.round((outcomeOf(def, l) - l.budget) * UNIT_FACTOR[def.unit] * 100) / 100;
}

/** The deficit in per cent of the budget (of its absolute value, for a net-revenue line). */
export function deficitPercent(def: ExportDefinition, l: LineDef): number {
  return (100 * (outcomeOf(def, l) - l.budget)) / Math.abs(l.budget);
}

export type LineClass = 'BUD-UNDERSKOTT-STORT' | 'BUD-UNDERSKOTT' | 'under-lagsta-belopp' | 'inom-marginal' | 'annan';

export function classify(def: ExportDefinition, l: LineDef, t: Thresholds): LineClass {
  const kr = deficitKr(def, l);
  const pct = deficitPercent(def, l);
  if (kr > 0 && l.budget > 0 && pct >= t.varningProcent) {
    if (kr < t.lagstaBeloppKr) return 'under-lagsta-belopp';
    return pct >= t.felProcent ? 'BUD-UNDERSKOTT-STORT' : 'BUD-UNDERSKOTT';
  }
  if (Math.abs(pct) <= 2) return 'inom-marginal';
  return 'annan';
}

export interface ExpectedLineFinding {
  rule: string;
  sheet: string;
  row: number;
  namnd: string;
}

export function expectedLineFindings(def: ExportDefinition, t: Thresholds): ExpectedLineFinding[] {
  const out: ExpectedLineFinding[] = [];
  for (const p of def.lines) {
    const c = classify(def, p.line, t);
    if (c === 'BUD-UNDERSKOTT' || c === 'BUD-UNDERSKOTT-STORT') out.push({ rule: c, sheet: p.sheet, row: p.row, namnd: p.namnd });
  }
  return out;
}

/** A nämnd's net deficit in kr (budget minus outcome over all its lines; negative: a surplus). */
export function namndDeficitKr(def: ExportDefinition, n: NamndDef): number {
  const net = n.lines.reduce((a, l) => a + (outcomeOf(def, l) - l.budget), 0);
  return Math.round(net * UNIT_FACTOR[def.unit] * 100) / 100;
}

export function namndBudgetKr(def: ExportDefinition, n: NamndDef): number {
  return n.lines.reduce((a, l) => a + l.budget, 0) * UNIT_FACTOR[def.unit];
}

/** The nämnder that BUD-ATGARDSPLAN-SAKNAS must name (no workbook here has an Åtgärder sheet). */
export function expectedAtgardsplanSaknas(def: ExportDefinition, t: Thresholds): string[] {
  return def.namnder
    .filter((n) => {
      const d = namndDeficitKr(def, n);
      return d > 0 && d >= t.lagstaBeloppAtgardsplanKr && (100 * d) / namndBudgetKr(def, n) >= t.atgardsplanProcent;
    })
    .map((n) => n.namnd);
}

export function linesOf(def: ExportDefinition, namnd: string): PlacedLine[] {
  return def.lines.filter((l) => l.namnd === namnd);
}
