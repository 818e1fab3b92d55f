/**
 * Runs rules over the items of each scope. Row-level scopes (many items) run as one generated
 * loop per scope (codegen.ts), or as compiled predicates where code cannot be generated; both
 * read facts straight from the items. Aggregate scopes (one object per nämnd,
 * or the workbook) go through a real json-rules-engine Engine — one Engine per scope and run,
 * awaited one object at a time, since concurrent runs on a shared Engine lose events.
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { generateProgram, type ScopeProgram } from './codegen';
import { compileFor, type ItemPredicate } from './compile';
import type { FactObject, FactTable } from './fact-object';
import type { LoadedRule } from './load';
import type { Scope } from './rule-schema';

export const ENGINE_SCOPES: ReadonlySet<Scope> = new Set<Scope>(['namnd', 'arbetsbok']);

export interface Hit {
  rule: LoadedRule;
  object: FactObject;
}

export interface EvaluateOptions {
  /** Called every `yieldEvery` evaluations so a browser page can render. */
  yieldToHost?: () => Promise<void>;
  /** Evaluations (object × rule) done so far and in total. */
  onProgress?: (done: number, total: number) => void;
  yieldEvery?: number;
  /** Generate each row-level scope's rules as one loop (default); false: closures only. */
  codegen?: boolean;
}

/** The values of a rule's own params, which both paths see as facts. */
export function paramFacts(rule: LoadedRule, values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(rule.params ?? {})) out[name] = values[name];
  return out;
}

/** A json-rules-engine rule for a loaded rule: the event type is the rule id. */
export function toEngineRule(rule: Pick<LoadedRule, 'id' | 'conditions'>): RuleProperties {
  return {
    name: rule.id,
    // The engine may write into condition objects; give it its own copy.
    conditions: JSON.parse(JSON.stringify(rule.conditions)) as TopLevelCondition,
    event: { type: rule.id },
  };
}

export function newEngine(rules: Pick<LoadedRule, 'id' | 'conditions'>[]): Engine {
  return new Engine(rules.map(toEngineRule), { allowUndefinedFacts: true });
}

/** A rule compiled for the items of a table. */
export function compileRule<T>(rule: LoadedRule, table: FactTable<T>, paramValues: Record<string, number>): ItemPredicate<T> {
  return compileFor(rule.conditions, paramFacts(rule, paramValues), (name) => table.read(name));
}

/** The closure-compiled rules as a ScopeProgram: a plain loop, where code cannot be generated. */
function closureChunk<T>(tests: ItemPredicate<T>[]): ScopeProgram<T> {
  const n = tests.length;
  return (items, start, end, out) => {
    for (let i = start; i < end; i++) {
      const item = items[i];
      for (let k = 0; k < n; k++) if (tests[k](item)) out.push(i, k);
    }
  };
}

/** The rules of a row-level scope, generated as one loop where allowed. */
export function scopeChunk<T>(list: LoadedRule[], table: FactTable<T>, paramValues: Record<string, number>, codegen = true): ScopeProgram<T> {
  const program = codegen
    ? generateProgram(
        list.map((rule) => ({ conditions: rule.conditions, constants: paramFacts(rule, paramValues) })),
        { read: (name) => table.read(name), code: table.code?.bind(table) },
      )
    : null;
  return program ?? closureChunk(list.map((rule) => compileRule(rule, table, paramValues)));
}

/** Hits from (item index, rule index) pairs; an item's fact object is made once, for its first hit. */
function collectHits<T>(pairs: number[], items: readonly T[], list: LoadedRule[], table: FactTable<T>, hits: Hit[]): void {
  let lastItem = -1;
  let object: FactObject | undefined;
  for (let p = 0; p < pairs.length; p += 2) {
    const i = pairs[p];
    if (i !== lastItem) {
      object = table.object(items[i]);
      lastItem = i;
    }
    hits.push({ rule: list[pairs[p + 1]], object: object! });
  }
}

export async function evaluateRules(
  rules: LoadedRule[],
  tableOf: (scope: Scope) => FactTable,
  paramValues: Record<string, number>,
  options: EvaluateOptions = {},
): Promise<Hit[]> {
  const yieldEvery = options.yieldEvery ?? 2000;
  const byScope = new Map<Scope, LoadedRule[]>();
  for (const rule of rules) {
    const list = byScope.get(rule.scope);
    if (list) list.push(rule);
    else byScope.set(rule.scope, [rule]);
  }
  let total = 0;
  for (const [scope, list] of byScope) total += tableOf(scope).items.length * list.length;

  const hits: Hit[] = [];
  let done = 0;
  let sinceYield = 0;
  // Awaiting only when it is time to yield: an await per object would cost a microtask each.
  const pause = async () => {
    sinceYield = 0;
    options.onProgress?.(done, total);
    if (options.yieldToHost) await options.yieldToHost();
  };

  for (const [scope, list] of byScope) {
    const table = tableOf(scope);
    const items = table.items;
    if (items.length === 0) continue;
    if (ENGINE_SCOPES.has(scope)) {
      const engine = newEngine(list);
      const byId = new Map(list.map((r) => [r.id, r]));
      const params = Object.assign({}, ...list.map((r) => paramFacts(r, paramValues))) as Record<string, number>;
      for (const item of items) {
        const object = table.object(item);
        const { events } = await engine.run({ ...object.facts, ...params });
        for (const event of events) hits.push({ rule: byId.get(event.type)!, object });
        done += list.length;
        sinceYield += list.length;
        if (sinceYield >= yieldEvery) await pause();
      }
    } else {
      const chunk = scopeChunk(list, table, paramValues, options.codegen ?? true);
      const n = list.length;
      const pairs: number[] = [];
      // Items in chunks up to the next yield; hits keep the order item by item, rule by rule.
      for (let start = 0; start < items.length; ) {
        const end = Math.min(items.length, start + Math.max(1, Math.ceil((yieldEvery - sinceYield) / n)));
        chunk(items, start, end, pairs);
        done += (end - start) * n;
        sinceYield += (end - start) * n;
        start = end;
        if (sinceYield >= yieldEvery) {
          // Without a host to yield to there is nothing to await (an await per chunk costs a
          // suspended frame each time); progress is reported all the same.
          if (options.yieldToHost) await pause();
          else {
            sinceYield = 0;
            options.onProgress?.(done, total);
          }
        }
      }
      collectHits(pairs, items, list, table, hits);
    }
  }
  options.onProgress?.(done, total);
  return hits;
}
