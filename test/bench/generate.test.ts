import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkbook } from '../../bench/generate';
import { BUDGET_HEADER } from '../../bench/budget-rows';
import { budgetRulesJson, LINE_RULES, referenceLoop, referenceThresholds } from '../../bench/reference-loop';
import { buildModel, checkWorkbook, loadRuleSet, type RuleSet, type WorkbookSnapshot } from '../../src/core';
import { readRuleFiles } from '../../src/node/rule-files';
import { readWorkbook } from '../../src/xlsx/read';

describe('bench generator', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-bench-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a workbook the reader reads with one row per budget line plus the header', async () => {
    const file = path.join(dir, 'tiny.xlsx');
    await generateWorkbook(file, { lines: 37, plan: { goals: 12, indicators: 20, uppdrag: 5, atgarder: 3 } });
    const snapshot = await readWorkbook(new Uint8Array(readFileSync(file)));
    const rows = Object.fromEntries(snapshot.sheets.map((s) => [s.name, s.rows]));

    expect(Object.keys(rows)).toEqual(['Budget', 'Mål', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Inställningar']);
    expect(rows.Budget).toHaveLength(38);
    expect(rows.Budget[0]).toEqual([...BUDGET_HEADER]);
    expect(rows['Mål']).toHaveLength(13);
    expect(rows.Indikatorer).toHaveLength(21);
    expect(rows.Uppdrag).toHaveLength(6);
    expect(rows['Åtgärder']).toHaveLength(4);
    // Every budget line has a nämnd and a numeric budget, and Avvikelse matches Typ's convention.
    for (const line of rows.Budget.slice(1)) {
      const [namnd, , , , typ, budget, , prognos, avvikelse] = line;
      expect(typeof namnd).toBe('string');
      expect(typeof budget).toBe('number');
      expect(avvikelse).toBe(typ === 'Intäkt' ? (prognos as number) - (budget as number) : (budget as number) - (prognos as number));
    }
  });

  it('is reproducible: the same spec gives the same cell values', async () => {
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await generateWorkbook(a, { lines: 50 });
    await generateWorkbook(b, { lines: 50 });
    const [sa, sb] = await Promise.all([a, b].map(async (f) => readWorkbook(new Uint8Array(readFileSync(f)))));
    expect(sa.sheets.map((s) => s.rows)).toEqual(sb.sheets.map((s) => s.rows));
    expect(sa.sheets[0].rows).toHaveLength(51);
  });
});

describe('a bench workbook through the rule paths', () => {
  let dir: string;
  let snapshot: WorkbookSnapshot;
  let ruleSet: RuleSet;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-bench-codegen-'));
    const file = path.join(dir, 'mixed.xlsx');
    await generateWorkbook(file, { lines: 4000, plan: { goals: 300, indicators: 600, uppdrag: 60, atgarder: 12 } });
    snapshot = await readWorkbook(new Uint8Array(readFileSync(file)));
    ruleSet = loadRuleSet(await readRuleFiles());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generated rule loops give exactly the findings of the closure-compiled rules, for every profile', async () => {
    for (const profile of Object.keys(ruleSet.profiles)) {
      const generated = await checkWorkbook(snapshot, { ruleSet, profile });
      const closures = await checkWorkbook(snapshot, { ruleSet, profile, codegen: false });
      // Rules of every row-level scope fire, so the comparison covers each scope's loop.
      const rules = new Set(generated.findings.map((f) => f.rule.split('-')[0] + ':' + f.category));
      expect([...rules].sort()).toEqual(expect.arrayContaining(['ARS:arshjul', 'BUD:budget', 'MAL:mal', 'MM:mal-medel', 'ROD:rod-trad']));
      expect(closures.findings).toEqual(generated.findings);
    }
  });

  it("the bench's hand-written reference loop finds the core's budget-line findings, rule and row, for every profile", async () => {
    const files = await readRuleFiles();
    // The reference mirrors every budgetrad rule in the files, so the bench compares the same work.
    const inFiles = budgetRulesJson(files)
      .filter((r) => r.scope === 'budgetrad')
      .map((r) => r.id)
      .sort();
    expect(inFiles).toEqual([...LINE_RULES].sort());
    const { model } = buildModel(snapshot);
    const lines = model.budget?.lines ?? [];
    expect(lines).toHaveLength(4000);
    const mirrored = new Set<string>(LINE_RULES);
    const key = (rule: string, row: number | null | undefined) => `${rule}@${row}`;
    for (const profile of Object.keys(ruleSet.profiles)) {
      const core = (await checkWorkbook(snapshot, { ruleSet, profile })).findings.filter((f) => mirrored.has(f.rule)).map((f) => key(f.rule, f.row));
      const reference = referenceLoop(lines, referenceThresholds(files, profile)).map((h) => key(h.rule, h.row));
      expect(core.length).toBeGreaterThan(50);
      expect(reference.sort()).toEqual(core.sort());
    }
  });
});
