/**
 * Compiles json-rules-engine conditions to a synchronous predicate for row-level scopes: the
 * same results as Engine.run, tens of times faster (see docs/rules.md). Semantics kept:
 * all/any of an empty list are true, not negates one condition, a missing fact is undefined,
 * `{ "fact": … }` on the value side reads another fact (a blank there is not guarded).
 */
import { OPERATOR_FNS } from './operators';
import type { ConditionNode } from './rule-schema';

export type Facts = Readonly<Record<string, unknown>>;
export type Predicate = (facts: Facts) => boolean;

function isFactRef(value: unknown): value is { fact: string } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'fact');
}

/**
 * `constants` are facts known at compile time (a rule's params); they are folded in, and a
 * constant wins over a row fact of the same name, as when both are passed to Engine.run.
 */
export function compileConditions(node: ConditionNode, constants: Readonly<Record<string, unknown>> = {}): Predicate {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(constants, name);
  const read = (name: string): ((facts: Facts) => unknown) => {
    if (has(name)) {
      const c = constants[name];
      return () => c;
    }
    return (facts) => facts[name];
  };

  if (node.all !== undefined || node.any !== undefined) {
    const isAll = node.all !== undefined;
    const parts = (isAll ? node.all! : node.any!).map((c) => compileConditions(c, constants));
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0];
    return isAll ? (f) => parts.every((p) => p(f)) : (f) => parts.some((p) => p(f));
  }
  if (node.not !== undefined) {
    const inner = compileConditions(node.not, constants);
    return (f) => !inner(f);
  }
  const op = OPERATOR_FNS[node.operator!];
  if (!op) throw new Error(`Okänd operator: ${String(node.operator)}`);
  const left = read(node.fact!);
  if (isFactRef(node.value)) {
    const right = read(node.value.fact);
    return (f) => op(left(f), right(f));
  }
  const value = node.value;
  return (f) => op(left(f), value);
}

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
