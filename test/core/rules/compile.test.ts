/**
 * Differential test: the compiled predicates fire exactly when json-rules-engine fires, for
 * every committed rule on random fact objects and for random condition trees.
 */
import fc from 'fast-check';
import type { Engine } from 'json-rules-engine';
import { generateProgram, programSource } from '../../../src/core/rules/codegen';
import { compileConditions, type Facts } from '../../../src/core/rules/compile';
import { newEngine, paramFacts } from '../../../src/core/rules/evaluate';
import { SCOPE_FACTS, type FactType } from '../../../src/core/rules/facts';
import { OPERATORS, type ConditionNode } from '../../../src/core/rules/rule-schema';
import { realRuleSet } from './builders';

/** The condition as a generated one-rule loop over fact objects, run on one item. */
function generated(conditions: ConditionNode, constants: Record<string, unknown> = {}): (facts: Facts) => boolean {
  const program = generateProgram<Facts>([{ conditions, constants }], { read: (name) => (f) => f[name], code: (name, c) => ({ code: `x[${c.arg(name)}]` }) })!;
  return (facts) => {
    const out: number[] = [];
    program([facts], 0, 1, out);
    return out.length > 0;
  };
}

async function engineFires(engine: Engine, facts: Record<string, unknown>): Promise<boolean> {
  const { events } = await engine.run(facts);
  return events.length > 0;
}

const number = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, -0, 1e15, -1e15, Number.MAX_SAFE_INTEGER, 0.5, 100_000, 500_000),
);
/** Wrong-typed values exercise json-rules-engine's numeric validator ("12" passes, "" fails). */
const odd = fc.constantFrom<unknown>('', '12', '12 kr', 'abc', true, false);
const string = fc.oneof(fc.constantFrom('Socialnämnden', 'kostnad', 'intakt', ''), fc.string({ maxLength: 6 }));

function valueOf(type: FactType): fc.Arbitrary<unknown> {
  const base = type === 'number' ? number : type === 'boolean' ? fc.boolean() : string;
  return fc.oneof({ weight: 6, arbitrary: base }, { weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: odd });
}

function factsFor(defs: Record<string, { type: FactType }>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, valueOf(def.type)])));
}

describe('compiled conditions match json-rules-engine', () => {
  const rules = realRuleSet().rules;

  test.each(rules.map((r) => [r.id, r] as const))('%s', async (_id, rule) => {
    const engine = newEngine([rule]);
    const params = fc.record(Object.fromEntries(Object.keys(rule.params ?? {}).map((p) => [p, fc.oneof(number, fc.constant(0))])));
    await fc.assert(
      fc.asyncProperty(factsFor(SCOPE_FACTS[rule.scope]), params, async (facts, paramValues) => {
        const constants = paramFacts(rule, paramValues as Record<string, number>);
        const expected = await engineFires(engine, { ...facts, ...paramValues });
        expect(compileConditions(rule.conditions, constants)(facts)).toBe(expected);
        expect(generated(rule.conditions, constants)(facts)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('the rule files fire on some random rows and not on others', async () => {
    // Guards the test above against rules that can never fire (or always fire).
    for (const rule of rules.filter((r) => r.scope === 'budgetrad')) {
      const compiled = compileConditions(rule.conditions, paramFacts(rule, { troskelVarningProcent: 5, troskelFelProcent: 10, lagstaBelopp: 0, troskelOverskottProcent: 10 }));
      const results = fc.sample(factsFor(SCOPE_FACTS.budgetrad), { numRuns: 3000, seed: 7 }).map((f) => compiled(f));
      expect(results).toContain(true);
      expect(results).toContain(false);
    }
  });

  const POOL = ['a', 'b', 'c', 'lista'] as const;
  const primitive = fc.oneof(number, string, fc.boolean(), fc.constant(null));
  const leaf: fc.Arbitrary<ConditionNode> = fc
    .record({ fact: fc.constantFrom(...POOL), operator: fc.constantFrom(...OPERATORS), ref: fc.constantFrom(...POOL), v: primitive, list: fc.array(primitive, { maxLength: 4 }), useRef: fc.boolean() })
    .map(({ fact, operator, ref, v, list, useRef }) => ({
      fact,
      operator,
      value: operator === 'in' || operator === 'notIn' ? list : useRef ? { fact: ref } : v,
    }));
  const { tree } = fc.letrec<{ tree: ConditionNode; node: ConditionNode }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('tree')),
    tree: fc.oneof(
      fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('node'), { maxLength: 3 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  }));
  const poolFacts = fc.record(
    {
      a: fc.oneof(number, fc.constant(null), odd),
      b: fc.oneof(number, fc.constant(null)),
      c: fc.oneof(string, fc.boolean(), fc.constant(null)),
      lista: fc.oneof(fc.array(primitive, { maxLength: 3 }), fc.constant(null)),
    },
    { requiredKeys: [] },
  );

  test('random condition trees over random facts (missing facts included)', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(poolFacts, { minLength: 1, maxLength: 5 }), async (conditions, rows) => {
        const engine = newEngine([{ id: 'R', conditions }]);
        const compiled = compileConditions(conditions);
        const program = generated(conditions);
        for (const facts of rows) {
          const expected = await engineFires(engine, facts);
          expect(compiled(facts)).toBe(expected);
          expect(program(facts)).toBe(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('params are folded in as constants and compared fact-to-fact', async () => {
    const conditions: ConditionNode = { all: [{ fact: 'a', operator: 'greaterThanInclusive', value: { fact: 'p' } }] };
    const engine = newEngine([{ id: 'R', conditions }]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(number, fc.constant(null)), number, async (a, p) => {
        const expected = await engineFires(engine, { a, p });
        expect(compileConditions(conditions, { p })({ a })).toBe(expected);
        expect(generated(conditions, { p })({ a })).toBe(expected);
      }),
    );
  });

  test('known json-rules-engine behaviours are kept', () => {
    const gt = (value: unknown) => compileConditions({ all: [{ fact: 'a', operator: 'greaterThan', value: value as number }] });
    expect(gt(0)({ a: null })).toBe(false);
    expect(gt(0)({ a: '' })).toBe(false);
    expect(gt(5)({ a: '12' })).toBe(true);
    // A blank on the value side of a fact-to-fact comparison is compared as 0.
    expect(compileConditions({ all: [{ fact: 'a', operator: 'greaterThan', value: { fact: 'b' } }] })({ a: 1, b: null })).toBe(true);
    expect(compileConditions({ any: [] })({})).toBe(true);
    expect(compileConditions({ not: { all: [] } })({})).toBe(false);
  });

  test('no text from a rule file is written into the generated source', () => {
    const evil = '"); throw new Error("injected"); ("';
    const conditions: ConditionNode = {
      all: [
        { fact: 'a', operator: 'equal', value: evil },
        { fact: 'b', operator: 'in', value: [evil, 1] },
        { fact: 'c', operator: 'greaterThan', value: { fact: 'p' } },
      ],
    };
    const facts = { read: (name: string) => (f: Facts) => f[name], code: (name: string, c: { arg: (v: unknown) => string }) => ({ code: `x[${c.arg(name)}]` }) };
    const { body } = programSource([{ conditions, constants: { p: evil } }], facts);
    expect(body).not.toContain('injected');
    expect(body).not.toMatch(/"a"|"b"|"c"/);
    expect(generated(conditions, { p: 0 })({ a: evil, b: 1, c: 1 })).toBe(true);
    expect(generated(conditions, { p: 0 })({ a: 'x', b: 1, c: 1 })).toBe(false);
  });

  test('numbers are written as literals only when finite (−0, NaN and Infinity are passed in)', () => {
    for (const value of [-0, Number.NaN, Number.POSITIVE_INFINITY, -5, 1e21]) {
      const conditions: ConditionNode = { all: [{ fact: 'a', operator: 'equal', value }] };
      const facts = { read: (name: string) => (f: Facts) => f[name] };
      expect(generated(conditions)({ a: value })).toBe(compileConditions(conditions)({ a: value }));
      const literal = programSource([{ conditions, constants: {} }], facts).body;
      expect(literal.includes('NaN') || literal.includes('Infinity')).toBe(false);
    }
  });
});
