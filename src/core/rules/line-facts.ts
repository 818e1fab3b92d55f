/**
 * Budget line facts, each declared once in BUDGET_LINE_FACT_DEFS: its name, type, description,
 * reader and (optionally) its code for generated rule loops. Everything else is derived from this
 * table: SCOPE_FACTS.budgetrad (rule file validation), the rule file JSON Schema, the readers the
 * compiled path uses, the code the generated path writes, and the fact object of a line a rule
 * fired on. No object per line is built while rules run; blanks are always null, never "" or
 * undefined.
 */
import type { BudgetLine, BudgetSheet } from '../model';
import { b, MONEY, n, s, type FactType, type FactValue } from './fact-types';
import type { Anchor, FactCode, FactCodeContext, FactObject, FactTable } from './fact-object';

export const blank = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);
export const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const nonZero = (v: number | null): boolean => v !== null && v !== 0;
export const pct = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : (part / Math.abs(whole)) * 100;
const deficit = (avvikelse: number | null): number | null => (avvikelse === null ? null : avvikelse < 0 ? -avvikelse : 0);
const surplus = (avvikelse: number | null): number | null => (avvikelse === null ? null : avvikelse > 0 ? avvikelse : 0);

/** The money facts of a nämnd's sums (the same meaning as the budgetrad facts of the same names). */
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


/**
 * One budgetrad fact. `read` is the fact's meaning; `code`, when given, is the same fact as a
 * JavaScript expression over the line `x` for generated loops (codegen.ts), built on other facts
 * through `c.fact(name)` (each read once per line) and with helpers passed in through `c.arg`;
 * without it the generated loop calls `read`. `numeric` on the code marks a fact that is always
 * null or a number other than NaN. line-facts.test.ts checks every code against its reader on
 * random lines.
 */
export interface LineFactDef {
  type: FactType;
  description: string;
  read: (line: BudgetLine) => FactValue;
  code?: (c: FactCodeContext) => FactCode;
}

// The readers are written out rather than composed from num/pct: they run for every line and
// rule, mostly before the code is optimised, where each extra call counts.
const finite = (v: number | null): v is number => typeof v === 'number' && v - v === 0;

const finiteOrNull = (field: string): FactCode => ({ code: `(typeof x.${field} === "number" && x.${field} - x.${field} === 0 ? x.${field} : null)`, numeric: true });
const percentOf = (part: string, budget: string): FactCode => ({
  code: `(${part} !== null && ${budget} !== null && ${budget} !== 0 ? (${part} / Math.abs(${budget})) * 100 : null)`,
  numeric: true,
});
const present = (v: string): FactCode => ({ code: `(${v} !== null && ${v} !== 0)` });
/** The line as messages name it: its verksamhet, else "konto 4010", else null ("–"). */
const rowName = (verksamhet: string | null, konto: string | null): string | null => {
  const v = blank(verksamhet);
  if (v !== null) return v;
  const k = blank(konto);
  return k === null ? null : `konto ${k}`;
};
const text = (field: string) => (c: FactCodeContext): FactCode => ({ code: `${c.arg(blank)}(x.${field})` });

/** Every budgetrad fact, in the order of the fact object. Adding a fact: one entry here, and its test. */
export const BUDGET_LINE_FACT_DEFS: Readonly<Record<string, LineFactDef>> = {
  namnd: { ...s('Nämnd'), read: (l) => blank(l.namnd), code: text('namnd') },
  verksamhet: { ...s('Verksamhet'), read: (l) => blank(l.verksamhet), code: text('verksamhet') },
  konto: { ...s('Konto'), read: (l) => blank(l.konto), code: text('konto') },
  rad: {
    ...s('Radens namn i meddelanden: verksamheten, eller "konto 4010" när verksamhet saknas (en tabell med bara konton)'),
    read: (l) => rowName(l.verksamhet, l.konto),
    code: (c) => ({ code: `${c.arg(rowName)}(x.verksamhet, x.konto)` }),
  },
  typ: { ...s('kostnad eller intakt'), read: (l) => l.typ, code: () => ({ code: 'x.typ' }) },
  typText: {
    ...s('" (intäkter)" för en intäktsrad, annars null – för meddelanden med {typText:valfri}'),
    read: (l) => (l.typ === 'intakt' ? ' (intäkter)' : null),
    code: () => ({ code: '(x.typ === "intakt" ? " (intäkter)" : null)' }),
  },
  budget: { ...MONEY.budget, read: (l) => (finite(l.budget) ? l.budget : null), code: () => finiteOrNull('budget') },
  utfall: { ...MONEY.utfall, read: (l) => (finite(l.utfall) ? l.utfall : null), code: () => finiteOrNull('utfall') },
  prognos: { ...MONEY.prognos, read: (l) => (finite(l.prognos) ? l.prognos : null), code: () => finiteOrNull('prognos') },
  avvikelse: { ...MONEY.avvikelse, read: (l) => (finite(l.avvikelse) ? l.avvikelse : null), code: () => finiteOrNull('avvikelse') },
  avvikelseProcent: {
    ...MONEY.avvikelseProcent,
    read: (l) => {
      const a = l.avvikelse;
      const b = l.budget;
      return finite(a) && finite(b) && b !== 0 ? (a / Math.abs(b)) * 100 : null;
    },
    code: (c) => percentOf(c.fact('avvikelse'), c.fact('budget')),
  },
  underskott: {
    ...MONEY.underskott,
    read: (l) => {
      const a = l.avvikelse;
      return finite(a) ? (a < 0 ? -a : 0) : null;
    },
    code: (c) => {
      const a = c.fact('avvikelse');
      return { code: `(${a} === null ? null : ${a} < 0 ? -${a} : 0)`, numeric: true };
    },
  },
  underskottProcent: {
    ...MONEY.underskottProcent,
    read: (l) => {
      const a = l.avvikelse;
      const b = l.budget;
      return finite(a) && finite(b) && b !== 0 ? ((a < 0 ? -a : 0) / Math.abs(b)) * 100 : null;
    },
    code: (c) => percentOf(c.fact('underskott'), c.fact('budget')),
  },
  overskott: {
    ...MONEY.overskott,
    read: (l) => {
      const a = l.avvikelse;
      return finite(a) ? (a > 0 ? a : 0) : null;
    },
    code: (c) => {
      const a = c.fact('avvikelse');
      return { code: `(${a} === null ? null : ${a} > 0 ? ${a} : 0)`, numeric: true };
    },
  },
  overskottProcent: {
    ...MONEY.overskottProcent,
    read: (l) => {
      const a = l.avvikelse;
      const b = l.budget;
      return finite(a) && finite(b) && b !== 0 ? ((a > 0 ? a : 0) / Math.abs(b)) * 100 : null;
    },
    code: (c) => percentOf(c.fact('overskott'), c.fact('budget')),
  },
  harBudget: { ...MONEY.harBudget, read: (l) => finite(l.budget) && l.budget !== 0, code: (c) => present(c.fact('budget')) },
  harUtfall: { ...MONEY.harUtfall, read: (l) => finite(l.utfall) && l.utfall !== 0, code: (c) => present(c.fact('utfall')) },
  harPrognos: { ...MONEY.harPrognos, read: (l) => finite(l.prognos) && l.prognos !== 0, code: (c) => present(c.fact('prognos')) },
  budgetBelopp: {
    ...MONEY.budgetBelopp,
    read: (l) => (finite(l.budget) ? Math.abs(l.budget) : null),
    code: (c) => {
      const v = c.fact('budget');
      return { code: `(${v} === null ? null : Math.abs(${v}))`, numeric: true };
    },
  },
  avvikelseAngiven: { ...n('Avvikelse som den står i bladet'), read: (l) => (finite(l.avvikelseAngiven) ? l.avvikelseAngiven : null), code: () => finiteOrNull('avvikelseAngiven') },
  kommentar: { ...s('Kommentar'), read: (l) => blank(l.kommentar), code: text('kommentar') },
  harKommentar: { ...b('Kommentar är ifylld'), read: (l) => blank(l.kommentar) !== null, code: (c) => ({ code: `(${c.fact('kommentar')} !== null)` }) },
};

type LineReader = (line: BudgetLine) => FactValue;
const has = (defs: object, name: string) => Object.prototype.hasOwnProperty.call(defs, name);
const missing = (): undefined => undefined;

/** The reader of every budgetrad fact by name. */
export const BUDGET_LINE_FACTS: Readonly<Record<string, LineReader>> = readersOf(BUDGET_LINE_FACT_DEFS);

function readersOf(defs: Readonly<Record<string, LineFactDef>>): Record<string, LineReader> {
  return Object.fromEntries(Object.entries(defs).map(([name, d]) => [name, d.read]));
}

/** The reader of one budgetrad fact; a name the scope lacks reads undefined, as on a fact object. */
export function lineFactReader(name: string, defs: Readonly<Record<string, LineFactDef>> = BUDGET_LINE_FACT_DEFS): (line: BudgetLine) => FactValue | undefined {
  return has(defs, name) ? defs[name].read : missing;
}

/**
 * The code of one budgetrad fact for a generated loop: its own code, or undefined so the loop
 * calls its reader; a name the scope lacks reads undefined.
 */
export function lineFactCode(name: string, c: FactCodeContext, defs: Readonly<Record<string, LineFactDef>> = BUDGET_LINE_FACT_DEFS): FactCode | undefined {
  return has(defs, name) ? defs[name].code?.(c) : { code: 'undefined' };
}

/** Every fact of a line at once, read by the declared readers in the declared order. */
export function budgetLineFacts(line: BudgetLine, defs: Readonly<Record<string, LineFactDef>> = BUDGET_LINE_FACT_DEFS): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const name in defs) out[name] = defs[name].read(line);
  return out;
}

/**
 * The budget lines of a sheet as a fact table: the compiled path reads single facts through the
 * readers, the generated path writes each fact's code. `defs` is the table of facts (a test passes
 * an extended one to prove a new declaration works on both paths).
 */
export function budgetLineTable(budget: BudgetSheet, defs: Readonly<Record<string, LineFactDef>> = BUDGET_LINE_FACT_DEFS): FactTable<BudgetLine> {
  return {
    items: budget.lines,
    read: (name) => lineFactReader(name, defs),
    object: (line) => new BudgetLineObject(line, budget, defs),
    code: (name, c) => lineFactCode(name, c, defs),
  };
}

/**
 * The fact object of a budget line a rule fired on. Its facts are made only when read: findings
 * fill their messages from the line itself, reading just the facts they name.
 */
export class BudgetLineObject implements FactObject {
  readonly anchor: Anchor;
  private made: Record<string, FactValue> | undefined;

  constructor(
    readonly line: BudgetLine,
    budget: BudgetSheet,
    private readonly defs: Readonly<Record<string, LineFactDef>> = BUDGET_LINE_FACT_DEFS,
  ) {
    const location = line.location ?? budget.location;
    this.anchor = { sheet: location.name, row: line.row, namnd: blank(line.namnd), location };
  }

  get facts(): Record<string, FactValue> {
    return (this.made ??= budgetLineFacts(this.line, this.defs));
  }
}
