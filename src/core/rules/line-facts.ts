/**
 * Budget line facts, one reader per fact, computed straight from a BudgetLine: the compiled
 * path reads only the facts a rule needs, and no object per line is built; the fact object of a
 * line is made only for lines that fired, and its facts only when read. Blanks are always null,
 * never "" or undefined.
 */
import type { BudgetLine, BudgetSheet } from '../model';
import type { FactValue } from './fact-registry';
import type { Anchor, FactCode, FactCodeContext, FactObject } from './fact-object';

export const blank = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);
export const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const nonZero = (v: number | null): boolean => v !== null && v !== 0;
export const pct = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : (part / Math.abs(whole)) * 100;
const deficit = (avvikelse: number | null): number | null => (avvikelse === null ? null : avvikelse < 0 ? -avvikelse : 0);
const surplus = (avvikelse: number | null): number | null => (avvikelse === null ? null : avvikelse > 0 ? avvikelse : 0);

/** The money facts shared by budget lines and nämnd aggregates. */
export function moneyFacts(budget: number | null, utfall: number | null, prognos: number | null, avvikelse: number | null) {
  const underskott = deficit(avvikelse);
  const overskott = surplus(avvikelse);
  return {
    budget,
    utfall,
    prognos,
    avvikelse,
    avvikelseProcent: pct(avvikelse, budget),
    underskott,
    underskottProcent: pct(underskott, budget),
    overskott,
    overskottProcent: pct(overskott, budget),
    harBudget: nonZero(budget),
    harUtfall: nonZero(utfall),
    harPrognos: nonZero(prognos),
    budgetBelopp: budget === null ? null : Math.abs(budget),
  };
}

type LineReader = (line: BudgetLine) => FactValue;

// The readers below are written out rather than composed from num/pct: they run for every line
// and rule, mostly before the code is optimised, where each extra call counts.
const finite = (v: number | null): v is number => typeof v === 'number' && v - v === 0;

/** Every budgetrad fact (SCOPE_FACTS.budgetrad), in the order of the fact object. */
export const BUDGET_LINE_FACTS: Readonly<Record<string, LineReader>> = {
  namnd: (l) => blank(l.namnd),
  verksamhet: (l) => blank(l.verksamhet),
  konto: (l) => blank(l.konto),
  typ: (l) => l.typ,
  typText: (l) => (l.typ === 'intakt' ? ' (intäkter)' : null),
  budget: (l) => (finite(l.budget) ? l.budget : null),
  utfall: (l) => (finite(l.utfall) ? l.utfall : null),
  prognos: (l) => (finite(l.prognos) ? l.prognos : null),
  avvikelse: (l) => (finite(l.avvikelse) ? l.avvikelse : null),
  avvikelseProcent: (l) => {
    const a = l.avvikelse;
    const b = l.budget;
    return finite(a) && finite(b) && b !== 0 ? (a / Math.abs(b)) * 100 : null;
  },
  underskott: (l) => {
    const a = l.avvikelse;
    return finite(a) ? (a < 0 ? -a : 0) : null;
  },
  underskottProcent: (l) => {
    const a = l.avvikelse;
    const b = l.budget;
    return finite(a) && finite(b) && b !== 0 ? ((a < 0 ? -a : 0) / Math.abs(b)) * 100 : null;
  },
  overskott: (l) => {
    const a = l.avvikelse;
    return finite(a) ? (a > 0 ? a : 0) : null;
  },
  overskottProcent: (l) => {
    const a = l.avvikelse;
    const b = l.budget;
    return finite(a) && finite(b) && b !== 0 ? ((a > 0 ? a : 0) / Math.abs(b)) * 100 : null;
  },
  harBudget: (l) => finite(l.budget) && l.budget !== 0,
  harUtfall: (l) => finite(l.utfall) && l.utfall !== 0,
  harPrognos: (l) => finite(l.prognos) && l.prognos !== 0,
  budgetBelopp: (l) => (finite(l.budget) ? Math.abs(l.budget) : null),
  avvikelseAngiven: (l) => (finite(l.avvikelseAngiven) ? l.avvikelseAngiven : null),
  kommentar: (l) => blank(l.kommentar),
  harKommentar: (l) => blank(l.kommentar) !== null,
};

/**
 * The same facts as JavaScript for generated rule loops (codegen.ts): an expression over the line
 * `x`, built on other facts through `fact(name)` (each read once per line), so the loop holds no
 * call and no repeated test per fact, as a hand-written loop would. `numeric` marks the facts that
 * are always null or a number other than NaN. A test checks every expression against its reader above on
 * random lines.
 */
const finiteOrNull = (field: string): FactCode => ({ code: `(typeof x.${field} === "number" && x.${field} - x.${field} === 0 ? x.${field} : null)`, numeric: true });
const percentOf = (part: string, budget: string): FactCode => ({
  code: `(${part} !== null && ${budget} !== null && ${budget} !== 0 ? (${part} / Math.abs(${budget})) * 100 : null)`,
  numeric: true,
});
const present = (v: string): FactCode => ({ code: `(${v} !== null && ${v} !== 0)` });
const text = (field: string) => (c: FactCodeContext): FactCode => ({ code: `${c.arg(blank)}(x.${field})` });

export const BUDGET_LINE_FACT_CODE: Readonly<Record<string, (c: FactCodeContext) => FactCode>> = {
  namnd: text('namnd'),
  verksamhet: text('verksamhet'),
  konto: text('konto'),
  typ: () => ({ code: 'x.typ' }),
  typText: () => ({ code: '(x.typ === "intakt" ? " (intäkter)" : null)' }),
  budget: () => finiteOrNull('budget'),
  utfall: () => finiteOrNull('utfall'),
  prognos: () => finiteOrNull('prognos'),
  avvikelse: () => finiteOrNull('avvikelse'),
  avvikelseProcent: (c) => percentOf(c.fact('avvikelse'), c.fact('budget')),
  underskott: (c) => {
    const a = c.fact('avvikelse');
    return { code: `(${a} === null ? null : ${a} < 0 ? -${a} : 0)`, numeric: true };
  },
  underskottProcent: (c) => percentOf(c.fact('underskott'), c.fact('budget')),
  overskott: (c) => {
    const a = c.fact('avvikelse');
    return { code: `(${a} === null ? null : ${a} > 0 ? ${a} : 0)`, numeric: true };
  },
  overskottProcent: (c) => percentOf(c.fact('overskott'), c.fact('budget')),
  harBudget: (c) => present(c.fact('budget')),
  harUtfall: (c) => present(c.fact('utfall')),
  harPrognos: (c) => present(c.fact('prognos')),
  budgetBelopp: (c) => {
    const b = c.fact('budget');
    return { code: `(${b} === null ? null : Math.abs(${b}))`, numeric: true };
  },
  avvikelseAngiven: () => finiteOrNull('avvikelseAngiven'),
  kommentar: text('kommentar'),
  harKommentar: (c) => ({ code: `(${c.fact('kommentar')} !== null)` }),
};

/** The code of one budgetrad fact; a name the scope lacks reads undefined. */
export function lineFactCode(name: string, c: FactCodeContext): FactCode {
  return Object.prototype.hasOwnProperty.call(BUDGET_LINE_FACT_CODE, name) ? BUDGET_LINE_FACT_CODE[name](c) : { code: 'undefined' };
}

const missing = (): undefined => undefined;


/** The reader of one budgetrad fact; a name the scope lacks reads undefined, as on a fact object. */
export function lineFactReader(name: string): (line: BudgetLine) => FactValue | undefined {
  return Object.prototype.hasOwnProperty.call(BUDGET_LINE_FACTS, name) ? BUDGET_LINE_FACTS[name] : missing;
}

/** Every fact of a line at once (a test checks that it agrees with the readers fact by fact). */
export function budgetLineFacts(line: BudgetLine): Record<string, FactValue> {
  const kommentar = blank(line.kommentar);
  const m = moneyFacts(num(line.budget), num(line.utfall), num(line.prognos), num(line.avvikelse));
  // One literal in the fact order (a spread of the money facts is slower).
  return {
    namnd: blank(line.namnd),
    verksamhet: blank(line.verksamhet),
    konto: blank(line.konto),
    typ: line.typ,
    typText: line.typ === 'intakt' ? ' (intäkter)' : null,
    budget: m.budget,
    utfall: m.utfall,
    prognos: m.prognos,
    avvikelse: m.avvikelse,
    avvikelseProcent: m.avvikelseProcent,
    underskott: m.underskott,
    underskottProcent: m.underskottProcent,
    overskott: m.overskott,
    overskottProcent: m.overskottProcent,
    harBudget: m.harBudget,
    harUtfall: m.harUtfall,
    harPrognos: m.harPrognos,
    budgetBelopp: m.budgetBelopp,
    avvikelseAngiven: num(line.avvikelseAngiven),
    kommentar,
    harKommentar: kommentar !== null,
  };
}

/**
 * The fact object of a budget line a rule fired on. Its facts are made only when read: findings
 * fill their messages from the line itself, reading just the facts they name.
 */
export class BudgetLineObject implements FactObject {
  readonly anchor: Anchor;
  private made: Record<string, FactValue> | undefined;

  constructor(readonly line: BudgetLine, budget: BudgetSheet) {
    const location = line.location ?? budget.location;
    this.anchor = { sheet: location.name, row: line.row, namnd: blank(line.namnd), location };
  }

  get facts(): Record<string, FactValue> {
    return (this.made ??= budgetLineFacts(this.line));
  }
}

export function budgetLineObject(budget: BudgetSheet, line: BudgetLine): BudgetLineObject {
  return new BudgetLineObject(line, budget);
}
