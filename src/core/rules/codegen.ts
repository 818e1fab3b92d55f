/**
 * The rules of one row-level scope generated as one JavaScript loop, the way the hand-written
 * reference loop is written: each fact the rules read is read once per item into a local, and
 * every rule is an `if` over those locals. The conditions are the same JSON as everywhere
 * else, with json-rules-engine's semantics as in compile.ts (the closure-compiled path, which is
 * used where code generation is not allowed, e.g. a page whose Content-Security-Policy forbids
 * eval). A differential test runs both against json-rules-engine.
 *
 * Nothing from a rule file is written into the source as text: facts become numbered readers,
 * and a constant becomes a literal only when it is a finite number, a boolean or null; strings,
 * lists and anything else are passed in as arguments. So a rule file cannot inject code.
 */
import { isNumeric, operatorDef } from './operators';
import type { ConditionNode } from './rule-schema';
import { isFactRef, type FactReader } from './compile';
import type { FactCode, FactCodeContext } from './fact-object';

/**
 * How the generated loop reads a fact of item `x`: the table's code for it when it has some, else
 * a call of the fact's reader.
 */
export interface FactSource<T> {
  read: FactReader<T>;
  code?: (name: string, c: FactCodeContext) => FactCode | undefined;
}

/**
 * Evaluates the scope's rules on items[start, end) and appends, item by item and rule by rule,
 * the pair (item index, rule index) for every rule that fires.
 */
export type ScopeProgram<T> = (items: readonly T[], start: number, end: number, out: number[]) => void;

export interface ProgramRule {
  conditions: ConditionNode;
  /** Facts known when the program is made (the rule's params); they win over item facts. */
  constants: Readonly<Record<string, unknown>>;
}

/** The generated source and the values it is called with. */
export interface ProgramSource {
  body: string;
  argNames: string[];
  args: unknown[];
}

export function programSource<T>(rules: readonly ProgramRule[], facts: FactSource<T>): ProgramSource {
  const argNames: string[] = [];
  const args: unknown[] = [];
  const argOf = new Map<unknown, string>();
  /** The name a value is passed in under; the same value (a helper, an operator) is passed once. */
  const arg = (prefix: string, value: unknown): string => {
    let name = argOf.get(value);
    if (name === undefined) {
      name = `${prefix}${args.length}`;
      argNames.push(name);
      args.push(value);
      argOf.set(value, name);
    }
    return name;
  };
  const factVar = new Map<string, string>();
  const numericFact = new Set<string>();
  const reads: string[] = [];

  /** A value as an expression: a literal when that is safe, else an argument. */
  const literal = (value: unknown): string => {
    if (value === null) return 'null';
    if (value === undefined) return 'undefined';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) return value < 0 ? `(${value})` : String(value);
    return arg('k', value);
  };

  /** The local holding a fact, read once per item before the rules (after the facts it builds on). */
  const context: FactCodeContext = { arg: (value) => arg('h', value), fact: (name) => fact(name) };
  const fact = (name: string): string => {
    let v = factVar.get(name);
    if (v === undefined) {
      v = `f${factVar.size}`;
      factVar.set(name, v);
      const code = facts.code?.(name, context);
      if (code?.numeric) numericFact.add(v);
      reads.push(`const ${v} = ${code ? code.code : `${arg('read', facts.read(name))}(x)`};`);
    }
    return v;
  };

  const leaf = (n: ConditionNode, constants: Readonly<Record<string, unknown>>): string => {
    const def = operatorDef(n.operator!);
    const has = (name: string) => Object.prototype.hasOwnProperty.call(constants, name);
    type Side = { constant: true; value: unknown } | { constant: false; expr: string };
    const side = (name: string): Side => (has(name) ? { constant: true, value: constants[name] } : { constant: false, expr: fact(name) });
    const left = side(n.fact!);
    const right: Side = isFactRef(n.value) ? side(n.value.fact) : { constant: true, value: n.value };
    if (left.constant && right.constant) return def.fn(left.value, right.value) ? 'true' : 'false';
    const b = right.constant ? literal(right.value) : right.expr;
    const cmp = def.numeric?.infix;
    if (left.constant) {
      // The fact-side validator runs on a constant: decided now.
      if (cmp) return isNumeric(left.value) ? `(${literal(left.value)} ${cmp} ${b})` : 'false';
    } else {
      const a = left.expr;
      if (def.infix) return `(${a} ${def.infix} ${b})`;
      // A numeric fact (null or a number other than NaN) passes the validator exactly when not null.
      if (cmp && numericFact.has(a)) return `(${a} !== null && ${a} ${cmp} ${b})`;
      // For a number the validator passes exactly when it is not NaN, and a comparison with NaN
      // is false anyway; anything else goes through the validator.
      if (cmp) return `(typeof ${a} === "number" ? ${a} ${cmp} ${b} : ${arg('isNumeric', isNumeric)}(${a}) && ${a} ${cmp} ${b})`;
    }
    return `${arg('op', def.fn)}(${left.constant ? literal(left.value) : left.expr}, ${b})`;
  };

  const node = (n: ConditionNode, constants: Readonly<Record<string, unknown>>): string => {
    if (n.all !== undefined || n.any !== undefined) {
      const isAll = n.all !== undefined;
      const parts = (isAll ? n.all! : n.any!).map((c) => node(c, constants));
      // all and any of an empty list are true, as in json-rules-engine.
      return parts.length === 0 ? 'true' : `(${parts.join(isAll ? ' && ' : ' || ')})`;
    }
    if (n.not !== undefined) return `!${node(n.not, constants)}`;
    return leaf(n, constants);
  };

  const tests = rules.map((r, k) => `if (${node(r.conditions, r.constants)}) out.push(i, ${k});`);
  const body = [
    '"use strict";',
    'return function scopeProgram(items, start, end, out) {',
    '  for (let i = start; i < end; i++) {',
    '    const x = items[i];',
    ...reads.map((r) => `    ${r}`),
    ...tests.map((t) => `    ${t}`),
    '  }',
    '};',
  ].join('\n');
  return { body, argNames, args };
}

/** Whether this environment lets code be generated (a CSP without 'unsafe-eval' does not). */
let allowed: boolean | undefined;
function codegenAllowed(): boolean {
  if (allowed === undefined) {
    try {
      allowed = new Function('return true')() === true;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/** The scope's rules as one generated loop, or null where code generation is not allowed. */
export function generateProgram<T>(rules: readonly ProgramRule[], facts: FactSource<T>): ScopeProgram<T> | null {
  if (!codegenAllowed()) return null;
  const { body, argNames, args } = programSource(rules, facts);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the file comment: no rule text is written into the source
  const factory = new Function(...argNames, body) as (...a: unknown[]) => ScopeProgram<T>;
  return factory(...args);
}
