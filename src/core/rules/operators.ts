/**
 * The operators of the compiled path, written to behave exactly like json-rules-engine 7's
 * defaults (engine-default-operators.js): an operator is false when its fact-side validator
 * fails, so numeric operators are false for null, "", booleans and non-numeric text.
 */
import type { Operator } from './rule-schema';

export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

// json-rules-engine: Number.parseFloat(factValue).toString() !== 'NaN' — "12 kr" passes, "" fails.
// Numbers, blanks and booleans answered directly: parsing them as text (as the validator does)
// gives the same answer, and costs a string per call on every blank fact of every row.
export const isNumeric = (a: unknown): boolean =>
  typeof a === 'number' ? a === a : a === null || a === undefined || typeof a === 'boolean' ? false : Number.parseFloat(a as string).toString() !== 'NaN';

/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors untyped JS comparisons on purpose */
export const OPERATOR_FNS: Record<Operator, OperatorFn> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as any[]).indexOf(a) > -1,
  notIn: (a, b) => (b as any[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as any) < (b as any),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as any) <= (b as any),
  greaterThan: (a, b) => isNumeric(a) && (a as any) > (b as any),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as any) >= (b as any),
};
