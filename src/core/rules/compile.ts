/**
 * Compiles json-rules-engine conditions to a synchronous predicate for row-level scopes: the
 * same results as Engine.run, tens of times faster (see docs/rules.md). Semantics kept:
 * all/any of an empty list are true, not negates one condition, a missing fact is undefined,
 * `{ "fact": … }` on the value side reads another fact (a blank there is not guarded).
 *
 * A predicate takes any item: `reader(name)` says how a fact is read from it. With a fact
 * object that is a property read; for budget lines it is computed straight from the model, so
 * no object with every fact is built per line.
 */
import { isNumeric, operatorDef, type OperatorDef } from './operators';
import type { ConditionNode } from './rule-schema';

export type Facts = Readonly<Record<string, unknown>>;
export type Predicate = (facts: Facts) => boolean;
export type ItemPredicate<T> = (item: T) => boolean;
export type FactReader<T> = (name: string) => (item: T) => unknown;

export function isFactRef(value: unknown): value is { fact: string } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'fact');
}

const readProperty: FactReader<Facts> = (name) => (facts) => facts[name];

/**
 * `constants` are facts known at compile time (a rule's params); they are folded in, and a
 * constant wins over a row fact of the same name, as when both are passed to Engine.run.
 */
export function compileConditions(node: ConditionNode, constants: Readonly<Record<string, unknown>> = {}): Predicate {
  return compileFor(node, constants, readProperty);
}

/** compileConditions over any item, reading facts with `reader`. */
export function compileFor<T>(node: ConditionNode, constants: Readonly<Record<string, unknown>>, reader: FactReader<T>): ItemPredicate<T> {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(constants, name);
  // A side of a comparison: a constant (param) or a fact read from the item.
  const side = (name: string): { constant: true; value: unknown } | { constant: false; read: (item: T) => unknown } =>
    has(name) ? { constant: true, value: constants[name] } : { constant: false, read: reader(name) };

  const compile = (n: ConditionNode): ItemPredicate<T> => {
    if (n.all !== undefined || n.any !== undefined) {
      const isAll = n.all !== undefined;
      const parts = (isAll ? n.all! : n.any!).map(compile);
      return isAll ? every(parts) : some(parts);
    }
    if (n.not !== undefined) {
      const inner = compile(n.not);
      return (item) => !inner(item);
    }
    const def = operatorDef(n.operator!);
    const left = side(n.fact!);
    const right = isFactRef(n.value) ? side(n.value.fact) : { constant: true as const, value: n.value };
    if (left.constant) {
      const a = left.value;
      if (right.constant) {
        const result = def.fn(a, right.value);
        return () => result;
      }
      const fn = def.fn;
      const readB = right.read;
      return (item) => fn(a, readB(item));
    }
    return right.constant ? leafWithValue(def, left.read, right.value) : leafWithFact(def, left.read, right.read);
  };
  return compile(node);
}

function every<T>(parts: ItemPredicate<T>[]): ItemPredicate<T> {
  switch (parts.length) {
    case 0:
      return () => true;
    case 1:
      return parts[0];
    case 2: {
      const [a, b] = parts;
      return (x) => a(x) && b(x);
    }
    case 3: {
      const [a, b, c] = parts;
      return (x) => a(x) && b(x) && c(x);
    }
    case 4: {
      const [a, b, c, d] = parts;
      return (x) => a(x) && b(x) && c(x) && d(x);
    }
    default:
      return (x) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i](x)) return false;
        return true;
      };
  }
}

function some<T>(parts: ItemPredicate<T>[]): ItemPredicate<T> {
  switch (parts.length) {
    case 0:
      return () => true;
    case 1:
      return parts[0];
    case 2: {
      const [a, b] = parts;
      return (x) => a(x) || b(x);
    }
    case 3: {
      const [a, b, c] = parts;
      return (x) => a(x) || b(x) || c(x);
    }
    default:
      return (x) => {
        for (let i = 0; i < parts.length; i++) if (parts[i](x)) return true;
        return false;
      };
  }
}

/*
 * Leaves read from the operator table (operators.ts): a numeric operator skips the validator for
 * a number on the fact side (see OperatorDef.numeric); every other operator is its `fn`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors untyped JS comparisons on purpose */
function leafWithValue<T>(def: OperatorDef, read: (item: T) => unknown, v: any): ItemPredicate<T> {
  if (def.infix === '===') return (x) => read(x) === v;
  if (def.infix === '!==') return (x) => read(x) !== v;
  if (def.numeric) {
    const compare = def.numeric.compare;
    return (x) => {
      const a: any = read(x);
      return typeof a === 'number' ? compare(a, v) : isNumeric(a) && compare(a, v);
    };
  }
  const fn = def.fn;
  return (x) => fn(read(x), v);
}

function leafWithFact<T>(def: OperatorDef, read: (item: T) => unknown, readB: (item: T) => unknown): ItemPredicate<T> {
  if (def.numeric) {
    const compare = def.numeric.compare;
    return (x) => {
      const a: any = read(x);
      return typeof a === 'number' ? compare(a, readB(x)) : isNumeric(a) && compare(a, readB(x));
    };
  }
  const fn = def.fn;
  return (x) => fn(read(x), readB(x));
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Every fact name a condition tree reads, with the JSON path where it is read. */
export function factsRead(node: ConditionNode, path: (string | number)[] = []): { name: string; path: (string | number)[] }[] {
  const out: { name: string; path: (string | number)[] }[] = [];
  for (const key of ['all', 'any'] as const) {
    node[key]?.forEach((c, i) => out.push(...factsRead(c, [...path, key, i])));
  }
  if (node.not) out.push(...factsRead(node.not, [...path, 'not']));
  if (node.fact !== undefined) out.push({ name: node.fact, path: [...path, 'fact'] });
  if (isFactRef(node.value)) out.push({ name: node.value.fact, path: [...path, 'value', 'fact'] });
  return out;
}
