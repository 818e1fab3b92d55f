/**
 * The one operator table, read by both evaluation paths: compile.ts (closures) and codegen.ts
 * (generated loops). Each operator behaves exactly like json-rules-engine 7's default
 * (engine-default-operators.js): an operator is false when its fact-side validator fails, so the
 * numeric operators are false for null, "", booleans and non-numeric text.
 *
 * Adding an operator: add its name to OPERATORS in rule-schema.ts and an entry here; if
 * json-rules-engine has no operator of that name, register the same `fn` on the Engine in
 * evaluate.ts's newEngine so the aggregate scopes know it too.
 */
import type { Operator } from './rule-schema';

export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

// json-rules-engine: Number.parseFloat(factValue).toString() !== 'NaN' — "12 kr" passes, "" fails.
// Numbers, blanks and booleans answered directly: parsing them as text (as the validator does)
// gives the same answer, and costs a string per call on every blank fact of every row.
export const isNumeric = (a: unknown): boolean =>
  typeof a === 'number' ? a === a : a === null || a === undefined || typeof a === 'boolean' ? false : Number.parseFloat(a as string).toString() !== 'NaN';

/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors untyped JS comparisons on purpose */
export interface OperatorDef {
  /** The operator with json-rules-engine's semantics, validator included. */
  fn: OperatorFn;
  /** A JavaScript infix operator that gives `fn` without a validator (equal, notEqual). */
  infix?: '===' | '!==';
  /**
   * A numeric operator: `fn` is `isNumeric(a) && compare(a, b)`. For a number on the fact side
   * the validator passes exactly when it is not NaN, and a comparison with NaN is false anyway,
   * so both paths skip the validator for numbers and write the comparison out.
   */
  numeric?: { infix: '<' | '<=' | '>' | '>='; compare: (a: any, b: any) => boolean };
}

const numeric = (infix: '<' | '<=' | '>' | '>=', compare: (a: any, b: any) => boolean): OperatorDef => ({
  fn: (a, b) => isNumeric(a) && compare(a, b),
  numeric: { infix, compare },
});

export const OPERATOR_DEFS: Readonly<Record<Operator, OperatorDef>> = {
  equal: { fn: (a, b) => a === b, infix: '===' },
  notEqual: { fn: (a, b) => a !== b, infix: '!==' },
  in: { fn: (a, b) => (b as any[]).indexOf(a) > -1 },
  notIn: { fn: (a, b) => (b as any[]).indexOf(a) === -1 },
  contains: { fn: (a, b) => Array.isArray(a) && a.indexOf(b) > -1 },
  doesNotContain: { fn: (a, b) => Array.isArray(a) && a.indexOf(b) === -1 },
  lessThan: numeric('<', (a, b) => a < b),
  lessThanInclusive: numeric('<=', (a, b) => a <= b),
  greaterThan: numeric('>', (a, b) => a > b),
  greaterThanInclusive: numeric('>=', (a, b) => a >= b),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The operator's definition; an unknown name (not possible after validation) throws. */
export function operatorDef(op: Operator): OperatorDef {
  const def = Object.prototype.hasOwnProperty.call(OPERATOR_DEFS, op) ? OPERATOR_DEFS[op] : undefined;
  if (!def) throw new Error(`Okänd operator: ${String(op)}`);
  return def;
}

/** Each operator's json-rules-engine semantics, by name. */
export const OPERATOR_FNS: Readonly<Record<Operator, OperatorFn>> = Object.fromEntries(
  Object.entries(OPERATOR_DEFS).map(([name, def]) => [name, def.fn]),
) as Record<Operator, OperatorFn>;
