/**
 * Sign convention and deviation: amounts become net cost (positive = cost), avvikelse is
 * budget − prognos (or − utfall without a Prognos column), and a given Avvikelse column is
 * checked against it.
 */
import type { BudgetSheet, Model } from '../model';
import { cellAddress } from './address';
import type { Tecken } from './enums';
import { AVSNITT, type FindingSink } from './findings';
import { formatAmount } from './totals';

export const TECKEN_ASSUMED_NOTE =
  'Tecken saknas i Inställningar; eftersom de flesta budgetbeloppen är negativa antas beloppen vara kostnad negativ (kostnader negativa, intäkter positiva).';

/** The convention in force: Inställningar's Tecken, else kostnad negativ when most non-zero budget amounts are negative. */
export function decideTecken(budgetSigns: { negative: number; positive: number }, given: Tecken | null): Model['tecken'] {
  if (given) return { value: given, assumed: false };
  return budgetSigns.negative > budgetSigns.positive ? { value: 'kostnad negativ', assumed: true } : { value: 'kostnad positiv', assumed: false };
}

function neg(v: number | null): number | null {
  return v === null || v === 0 ? v : -v;
}

/** Turns amounts as written into net cost and computes avvikelse. */
export function normalizeBudget(budget: BudgetSheet, tecken: Tecken): void {
  const allNegated = tecken === 'kostnad negativ';
  const useUtfall = !budget.hasPrognos;
  const lines = budget.lines;
  // Indexed loops over the lines here and below: a for-of allocates an iterator result per line
  // until the loop is optimised, and these loops run once per check over up to a million lines.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (allNegated || line.typ === 'intakt') {
      line.budget = neg(line.budget);
      line.utfall = neg(line.utfall);
      line.prognos = neg(line.prognos);
      for (let k = 0; k < line.plan.length; k++) line.plan[k] = neg(line.plan[k] ?? null);
    }
    const base = useUtfall ? line.utfall : line.prognos;
    line.avvikelse = line.budget !== null && base !== null ? line.budget - base : null;
  }
}

/** Share of compared rows that must carry the opposite sign for it to count as the column's convention. */
const OPPOSITE_SHARE = 0.9;

/**
 * |d| within one unit of tolerance of x: 1 + 1e-9 · max(1, |x|). The tolerance is never below 1,
 * so the common |d| ≤ 1 needs no arithmetic on x.
 */
function within(d: number, x: number): boolean {
  const a = Math.abs(d);
  return a <= 1 || a <= 1 + 1e-9 * Math.max(1, Math.abs(x));
}

/**
 * Checks the given Avvikelse column (deficit negative) against the computed one, one unit of
 * tolerance. When (almost) every row has the opposite sign, that is said once, the given values
 * are turned to deficit-negative, and only the rows that still differ are reported.
 */
export function checkAvvikelse(budget: BudgetSheet, sink: FindingSink): void {
  const col = budget.location.columns['avvikelse'];
  if (col === undefined) return;
  const lines = budget.lines;
  let signed = 0;
  let opposite = 0;
  // Lines whose given value differs from the computed one (usually none), noted in the same pass.
  const differs: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.avvikelse === null || l.avvikelseAngiven === null) continue;
    if (!within(l.avvikelseAngiven - l.avvikelse, l.avvikelse)) differs.push(i);
    if (within(l.avvikelse, l.avvikelse)) continue;
    signed++;
    if (within(l.avvikelseAngiven + l.avvikelse, l.avvikelse)) opposite++;
  }
  const sheet = budget.location.name;
  const header = budget.location.headers['avvikelse'] ?? 'Avvikelse';
  const base = budget.hasPrognos ? 'budget − prognos' : 'budget − utfall';
  const flipped = signed > 0 && opposite >= Math.max(1, Math.ceil(OPPOSITE_SHARE * signed));
  if (flipped) {
    differs.length = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      l.avvikelseAngiven = neg(l.avvikelseAngiven);
      if (l.avvikelse !== null && l.avvikelseAngiven !== null && !within(l.avvikelseAngiven - l.avvikelse, l.avvikelse)) differs.push(i);
    }
    sink.add({
      rule: 'IN-AVVIKELSE-TECKEN',
      severity: 'info',
      sheet,
      row: budget.location.headerRow,
      col,
      message: `Kolumnen ${header} i bladet ${sheet} har motsatt tecken mot Styrkolls avvikelse (${base}, där underskott är negativt) på ${opposite} av ${signed} rader; kolumnen läses med omvänt tecken.`,
      suggestion: 'Inget behöver göras om det är avsiktligt. Vill du följa formatet: skriv avvikelsen så att ett underskott är negativt.',
      avsnitt: AVSNITT.budget,
    });
  }
  for (const i of differs) {
    const l = lines[i];
    if (l.avvikelse === null || l.avvikelseAngiven === null) continue;
    if (sink.skip('IN-AVVIKELSE', sheet, 'varning', AVSNITT.budget)) continue;
    const written = flipped ? -l.avvikelseAngiven : l.avvikelseAngiven;
    const expected = flipped ? -l.avvikelse : l.avvikelse;
    sink.push({
      rule: 'IN-AVVIKELSE',
      severity: 'varning',
      sheet,
      row: l.row,
      col,
      namnd: l.namnd || null,
      message:
        `Avvikelsen i ${sheet}!${cellAddress(l.row, col)} är ${formatAmount(written)}, men Styrkoll räknar fram ${formatAmount(expected)} ` +
        `(${base}${flipped ? ', med kolumnens omvända tecken' : ''}; skillnad ${formatAmount(written - expected)}).`,
      suggestion: 'Kontrollera formeln i avvikelsekolumnen och att budget och prognos på raden är rätt.',
      avsnitt: AVSNITT.budget,
    });
  }
}
