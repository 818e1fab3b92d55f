/**
 * Sign convention and deviation: amounts become net cost (positive = cost), avvikelse is
 * budget − prognos (or − utfall without a Prognos column), and a given Avvikelse column is
 * checked against it.
 */
import type { BudgetLine, BudgetSheet, Model } from '../model';
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

/** Per nämnd name in namndSums' accumulators: the line count, then the four sums. */
const STRIDE = 5;

function grown<T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

/** Turns amounts as written into net cost, computes avvikelse and sums the lines per nämnd name. */
export function normalizeBudget(budget: BudgetSheet, tecken: Tecken): void {
  const allNegated = tecken === 'kostnad negativ';
  const useUtfall = !budget.hasPrognos;
  const lines = budget.lines;
  const groupOf = new Map<string, number>();
  const firstLines: BudgetLine[] = [];
  let acc = new Float64Array(8 * STRIDE);
  let has = new Uint8Array(8 * STRIDE);
  // Lines come in runs of the same nämnd: a name is looked up once per run.
  for (let i = 0; i < lines.length; ) {
    const name = lines[i].namnd;
    let g = groupOf.get(name);
    if (g === undefined) {
      g = firstLines.length;
      groupOf.set(name, g);
      firstLines.push(lines[i]);
      if (acc.length < (g + 1) * STRIDE) {
        acc = grown(acc, (n) => new Float64Array(n));
        has = grown(has, (n) => new Uint8Array(n));
      }
    }
    i = normalizeRun(lines, i, allNegated, useUtfall, acc, has, g * STRIDE);
  }
  const sum = (o: number): number | null => (has[o] ? acc[o] : null);
  budget.namndSums = firstLines.map((line, g) => {
    const o = g * STRIDE;
    return { namnd: line.namnd, lines: acc[o], firstRow: line.row, budget: sum(o + 1), utfall: sum(o + 2), prognos: sum(o + 3), avvikelse: sum(o + 4) };
  });
}

/**
 * Normalises the lines from `from` on while they name the same nämnd, adding them to the sums at
 * acc[o…] (has[] marks the sums some line added to); returns where the run ends. A function of
 * its own so that its loop holds no code that runs only when the nämnd changes: such code, first
 * run before V8 records types, would throw away the loop's optimised code. The sums are kept in a
 * Float64Array, doubles from the start, for the same reason (a sum that outgrows a small integer
 * would too).
 */
function normalizeRun(lines: BudgetLine[], from: number, allNegated: boolean, useUtfall: boolean, acc: Float64Array, has: Uint8Array, o: number): number {
  const name = lines[from].namnd;
  let i = from;
  // Indexed loops over the lines here and below: a for-of allocates an iterator result per line
  // until the loop is optimised, and these loops run once per check over up to a million lines.
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.namnd !== name) break;
    if (allNegated || line.typ === 'intakt') {
      line.budget = neg(line.budget);
      line.utfall = neg(line.utfall);
      line.prognos = neg(line.prognos);
      for (let k = 0; k < line.plan.length; k++) line.plan[k] = neg(line.plan[k] ?? null);
    }
    const b = line.budget;
    const u = line.utfall;
    const p = line.prognos;
    const base = useUtfall ? u : p;
    // Two finite amounts near the limits of a double can differ by more than it holds: no deviation then.
    const d = b !== null && base !== null ? b - base : null;
    const a = d !== null && d - d === 0 ? d : null;
    line.avvikelse = a;
    acc[o]++;
    // Only finite numbers count, as in the facts (num()).
    if (b !== null && b - b === 0) {
      acc[o + 1] += b;
      has[o + 1] = 1;
    }
    if (u !== null && u - u === 0) {
      acc[o + 2] += u;
      has[o + 2] = 1;
    }
    if (p !== null && p - p === 0) {
      acc[o + 3] += p;
      has[o + 3] = 1;
    }
    if (a !== null && a - a === 0) {
      acc[o + 4] += a;
      has[o + 4] = 1;
    }
  }
  return i;
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
