/**
 * Budget lines are evaluated without a fact object per line: each fact is read straight from the
 * line. These tests prove that the readers give what the fact object gives, that the compiled
 * rules over lines fire exactly when json-rules-engine fires on the fact object, and that a whole
 * run over lines gives the same hits and progress as a run over ready-made fact objects.
 */
import fc from 'fast-check';
import type { Engine } from 'json-rules-engine';
import type { BudgetLine } from '../../../src/core/model';
import { compileRule, evaluateRules, newEngine, paramFacts, scopeChunk, type Hit } from '../../../src/core/rules/evaluate';
import { objectTable, type FactCodeContext, type FactTable } from '../../../src/core/rules/fact-object';
import { buildFactObjects, buildFactTable, SCOPE_FACTS } from '../../../src/core/rules/facts';
import { BUDGET_LINE_FACT_DEFS, BUDGET_LINE_FACTS, budgetLineFacts, budgetLineTable, lineFactCode, lineFactReader, type LineFactDef } from '../../../src/core/rules/line-facts';
import { SCOPE_FACTS as REGISTRY } from '../../../src/core/rules/fact-registry';
import type { LoadedRule } from '../../../src/core/rules/load';
import { budgetLine, budgetSheet, model, realRuleSet } from './builders';

const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3_000_000, max: 3_000_000 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 100_000, -100_000, 1e15, Number.NaN, Number.POSITIVE_INFINITY) },
);
const text = fc.constantFrom(null, '', '  ', 'Socialnämnden', 'Hemtjänst', ' Kommentar ');

const line: fc.Arbitrary<BudgetLine> = fc
  .record({ namnd: fc.constantFrom('', 'Socialnämnden', 'SOCIALNÄMNDEN ', 'Kommunstyrelsen'), verksamhet: text, konto: text, typ: fc.constantFrom('kostnad' as const, 'intakt' as const), budget: amount, utfall: amount, prognos: amount, avvikelse: amount, avvikelseAngiven: amount, kommentar: text })
  .map((over) => budgetLine(over));

const rules = realRuleSet().rules.filter((r) => r.scope === 'budgetrad');
const params = fc.record({
  troskelVarningProcent: fc.constantFrom(0, 5, 10, 12.5),
  troskelFelProcent: fc.constantFrom(0, 10, 20),
  troskelOverskottProcent: fc.constantFrom(0, 10),
  lagstaBelopp: fc.constantFrom(0, 100, 100_000, 500_000),
});

describe('budget line facts', () => {
  test('the readers are exactly the documented budgetrad facts', () => {
    expect(Object.keys(BUDGET_LINE_FACTS).sort()).toEqual(Object.keys(SCOPE_FACTS.budgetrad).sort());
    expect(Object.keys(budgetLineFacts(budgetLine())).sort()).toEqual(Object.keys(SCOPE_FACTS.budgetrad).sort());
  });

  test('each reader gives what the fact object holds', () => {
    fc.assert(
      fc.property(line, (l) => {
        const facts = budgetLineFacts(l);
        const differing = Object.keys(facts).filter((name) => !Object.is(BUDGET_LINE_FACTS[name](l), facts[name]));
        expect(differing).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test('the code of each fact for generated loops gives what the reader gives', () => {
    const helpers: unknown[] = [];
    const numeric = new Set<string>();
    // Each fact written out whole: the facts it builds on inlined as sub-expressions.
    const context: FactCodeContext = {
      arg: (value) => `h[${helpers.indexOf(value) >= 0 ? helpers.indexOf(value) : helpers.push(value) - 1}]`,
      fact: (name) => `(${codeOf(name)})`,
    };
    const codeOf = (name: string): string => {
      const c = lineFactCode(name, context)!;
      if (c.numeric) numeric.add(name);
      return c.code;
    };
    const evaluate = Object.fromEntries(
      Object.keys(BUDGET_LINE_FACTS).map((name) => [name, new Function('h', 'x', `return ${codeOf(name)};`) as (h: unknown[], x: BudgetLine) => unknown]),
    );
    fc.assert(
      fc.property(line, (l) => {
        const differing = Object.keys(BUDGET_LINE_FACTS).filter((name) => !Object.is(evaluate[name](helpers, l), BUDGET_LINE_FACTS[name](l)));
        expect(differing).toEqual([]);
        // A fact marked numeric is always null or a number other than NaN.
        const notNumeric = [...numeric].filter((name) => {
          const v = BUDGET_LINE_FACTS[name](l);
          return v !== null && !(typeof v === 'number' && !Number.isNaN(v));
        });
        expect(notNumeric).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    expect([...numeric].sort()).toEqual(Object.keys(SCOPE_FACTS.budgetrad).filter((n) => SCOPE_FACTS.budgetrad[n].type === 'number').sort());
    expect(lineFactCode('constructor', context)?.code).toBe('undefined');
  });

  test('a fact the scope lacks reads undefined, as on a fact object', () => {
    expect(lineFactReader('finnsInte')(budgetLine())).toBeUndefined();
    expect(lineFactReader('constructor')(budgetLine())).toBeUndefined();
  });

  async function engineFires(engine: Engine, facts: Record<string, unknown>): Promise<boolean> {
    return (await engine.run(facts)).events.length > 0;
  }

  test.each(rules.map((r) => [r.id, r] as const))('%s over lines fires exactly when json-rules-engine fires (closures and generated loop)', async (_id, rule) => {
    const engine = newEngine([rule]);
    const table = buildFactTable(model({ budget: budgetSheet([]) }), 'budgetrad', realRuleSet().profiles.standard) as FactTable<BudgetLine>;
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(line, params, async (l, values) => {
        const test = compileRule(rule, table, values);
        const generated: number[] = [];
        scopeChunk([rule], table, values)([l], 0, 1, generated);
        const expected = await engineFires(engine, { ...budgetLineFacts(l), ...paramFacts(rule, values) });
        expect(test(l)).toBe(expected);
        expect(generated).toEqual(expected ? [0, 0] : []);
        if (expected) fired++;
      }),
      { numRuns: 1500 },
    );
    // The property above must have seen the rule fire, or it proves little.
    expect(fired).toBeGreaterThan(0);
  });

  test('a run over lines gives the same hits, in the same order, and the same progress as over fact objects', async () => {
    const all = realRuleSet();
    const profile = all.profiles.hedemora;
    const lines = fc.sample(line, { numRuns: 3000, seed: 11 }).map((l, i) => ({ ...l, row: i + 2 }));
    const m = model({ budget: budgetSheet(lines) });
    const values = { troskelVarningProcent: 5, troskelFelProcent: 10, troskelOverskottProcent: 10, lagstaBelopp: 100_000 };
    const run = async (tableOf: (s: 'budgetrad') => FactTable, codegen = true) => {
      const progress: [number, number][] = [];
      const hits = await evaluateRules(rules, tableOf as never, values, { onProgress: (d, t) => progress.push([d, t]), yieldEvery: 777, codegen });
      return { hits: hits.map((h: Hit) => [h.rule.id, h.object.anchor, h.object.facts]), progress };
    };
    const viaLines = await run(() => buildFactTable(m, 'budgetrad', profile) as FactTable);
    const viaObjects = await run(() => objectTable(buildFactObjects(m, 'budgetrad', profile)) as FactTable);
    const viaClosures = await run(() => buildFactTable(m, 'budgetrad', profile) as FactTable, false);
    expect(viaLines.hits.length).toBeGreaterThan(10);
    expect(viaLines).toEqual(viaObjects);
    expect(viaClosures).toEqual(viaLines);
  });

  describe('a new fact is one entry in BUDGET_LINE_FACT_DEFS', () => {
    // A fact declared only here, as a rule author would add it to the table: it must work on the
    // compiled path, on the generated path (with and without code of its own), on the fact object,
    // and agree with json-rules-engine.
    const nyttFaktum: LineFactDef = {
      type: 'number',
      description: 'Prognos minus utfall',
      read: (l) => (typeof l.prognos === 'number' && Number.isFinite(l.prognos) && typeof l.utfall === 'number' && Number.isFinite(l.utfall) ? l.prognos - l.utfall : null),
    };
    const withCode: LineFactDef = {
      ...nyttFaktum,
      code: (c) => {
        const p = c.fact('prognos');
        const u = c.fact('utfall');
        return { code: `(${p} !== null && ${u} !== null ? ${p} - ${u} : null)`, numeric: true };
      },
    };
    const rule = {
      ...rules[0],
      id: 'TEST-NYTT-FAKTUM',
      params: undefined,
      conditions: { all: [{ fact: 'nyttFaktum', operator: 'greaterThan', value: 1000 }, { fact: 'harBudget', operator: 'equal', value: true }] },
    } as unknown as LoadedRule;

    test.each([
      ['reader only', nyttFaktum],
      ['reader and code', withCode],
    ])('%s: compiled, generated and json-rules-engine agree', async (_name, def) => {
      const defs = { ...BUDGET_LINE_FACT_DEFS, nyttFaktum: def };
      const lines = fc.sample(line, { numRuns: 2000, seed: 7 }).map((l, i) => ({ ...l, row: i + 2 }));
      const table = budgetLineTable(budgetSheet(lines), defs);
      const engine = newEngine([rule]);
      const compiled: number[] = [];
      const generated: number[] = [];
      scopeChunk([rule], table, {}, false)(lines, 0, lines.length, compiled);
      scopeChunk([rule], table, {}, true)(lines, 0, lines.length, generated);
      const expected: number[] = [];
      for (let i = 0; i < lines.length; i++) {
        const facts = table.object(lines[i]).facts;
        expect(facts.nyttFaktum).toBe(def.read(lines[i]));
        if (await engineFires(engine, facts)) expected.push(i, 0);
      }
      expect(expected.length).toBeGreaterThan(10);
      expect(compiled).toEqual(expected);
      expect(generated).toEqual(expected);
    });

    test('the declared facts are the budgetrad facts that rule files are checked against', () => {
      expect(Object.keys(REGISTRY.budgetrad)).toEqual(Object.keys(BUDGET_LINE_FACT_DEFS));
      for (const [name, d] of Object.entries(BUDGET_LINE_FACT_DEFS)) expect(REGISTRY.budgetrad[name]).toEqual({ type: d.type, description: d.description });
    });
  });
});
