/**
 * Budget line facts, one reader per fact, computed straight from a BudgetLine: the compiled
 * path reads only the facts a rule needs, and no object per line is built; the fact object of a
 * line is made only for lines that fired, and its facts only when read. Blanks are always null,
 * never "" or undefined.
 */
import type { BudgetLine, BudgetSheet } from '../model';
import type { FactValue } from './fact-registry';
import type { Anchor, FactObject } from './fact-object';

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
 * The same facts as JavaScript expressions over a line `x`, for generated rule loops
 * (codegen.ts): no call per fact, as in a hand-written loop. `arg` names a helper passed into the
 * generated code. A test checks every expression against its reader above on random lines.
 */
const isFinite = (field: string) => `(typeof x.${field} === "number" && x.${field} - x.${field} === 0)`;
const value = (field: string) => `(${isFinite(field)} ? x.${field} : null)`;
const percentOf = (part: string) => `(${isFinite('avvikelse')} && ${isFinite('budget')} && x.budget !== 0 ? (${part} / Math.abs(x.budget)) * 100 : null)`;
const present = (field: string) => `(${isFinite(field)} && x.${field} !== 0)`;
export const BUDGET_LINE_FACT_SOURCE: Readonly<Record<string, (arg: (helper: unknown) => string) => string>> = {
  namnd: (arg) => `${arg(blank)}(x.namnd)`,
  verksamhet: (arg) => `${arg(blank)}(x.verksamhet)`,
  konto: (arg) => `${arg(blank)}(x.konto)`,
  typ: () => 'x.typ',
  typText: () => '(x.typ === "intakt" ? " (intäkter)" : null)',
  budget: () => value('budget'),
  utfall: () => value('utfall'),
  prognos: () => value('prognos'),
  avvikelse: () => value('avvikelse'),
  avvikelseProcent: () => percentOf('x.avvikelse'),
  underskott: () => `(${isFinite('avvikelse')} ? (x.avvikelse < 0 ? -x.avvikelse : 0) : null)`,
  underskottProcent: () => percentOf('(x.avvikelse < 0 ? -x.avvikelse : 0)'),
  overskott: () => `(${isFinite('avvikelse')} ? (x.avvikelse > 0 ? x.avvikelse : 0) : null)`,
  overskottProcent: () => percentOf('(x.avvikelse > 0 ? x.avvikelse : 0)'),
  harBudget: () => present('budget'),
  harUtfall: () => present('utfall'),
  harPrognos: () => present('prognos'),
  budgetBelopp: () => `(${isFinite('budget')} ? Math.abs(x.budget) : null)`,
  avvikelseAngiven: () => value('avvikelseAngiven'),
  kommentar: (arg) => `${arg(blank)}(x.kommentar)`,
  harKommentar: (arg) => `(${arg(blank)}(x.kommentar) !== null)`,
};

const missing = (): undefined => undefined;

/** The expression of one budgetrad fact; a name the scope lacks reads undefined. */
export function lineFactExpression(name: string, arg: (helper: unknown) => string): string {
  return Object.prototype.hasOwnProperty.call(BUDGET_LINE_FACT_SOURCE, name) ? BUDGET_LINE_FACT_SOURCE[name](arg) : 'undefined';
}

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
    this.anchor = { sheet: budget.location.name, row: line.row, namnd: blank(line.namnd), location: budget.location };
  }

  get facts(): Record<string, FactValue> {
    return (this.made ??= budgetLineFacts(this.line));
  }
}

export function budgetLineObject(budget: BudgetSheet, line: BudgetLine): BudgetLineObject {
  return new BudgetLineObject(line, budget);
}
