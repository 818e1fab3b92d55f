import { checkModel, checkWorkbook } from '../../src/core/check';
import type { CheckProgress } from '../../src/core/check-types';
import { isStyrkollError } from '../../src/core/errors';
import { CATEGORIES, SEVERITIES, compareFindings } from '../../src/core/finding';
import { listRules } from '../../src/core/rules/select';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { atgard, budgetLine, budgetSheet, model, realRuleSet, settings, table } from './rules/builders';

const ruleSet = realRuleSet();
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
/** A line with a 4 % deficit of 400 000 kr: below the default varning threshold of 5 %. */
const fourPercent = () => budgetSheet([budgetLine({ budget: 10_000_000, prognos: 10_400_000 })]);

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isStyrkollError(e)) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('profile selection', () => {
  test('the option wins over Inställningar, which wins over standard', async () => {
    const m = model({ settings: settings({ profil: 'flen' }) });
    expect((await checkModel(m, [], { ruleSet, profile: 'hedemora' })).summary.profile).toBe('hedemora');
    expect((await checkModel(m, [], { ruleSet })).summary.profile).toBe('flen');
    expect((await checkModel(model(), [], { ruleSet })).summary.profile).toBe('standard');
    expect((await checkModel(model(), [], { ruleSet, profile: ' Hedemora ' })).summary.profile).toBe('hedemora');
  });

  test('an unknown profile is a PROFIL error listing the valid ones', async () => {
    const e = await errorOf(checkModel(model(), [], { ruleSet, profile: 'gotland' }));
    expect(e.code).toBe('PROFIL');
    expect(e.message).toBe('Profilen "gotland" finns inte. Giltiga profiler: flen, hedemora, standard.');
    const fromSheet = await errorOf(checkModel(model({ settings: settings({ profil: 'falun' }) }), [], { ruleSet }));
    expect(fromSheet.message).toContain('"falun" i Inställningar');
  });
});

describe('thresholds from Inställningar', () => {
  test.each([[3], ['3 %'], ['3,0'], [0.03]])('Tröskel varning % = %p lowers the varning threshold', async (value) => {
    const m = model({ budget: fourPercent(), settings: settings({}, { 'Tröskel varning %': value }) });
    const { findings } = await checkModel(m, [], { ruleSet });
    expect(findings.map((f) => f.rule)).toEqual(['BUD-UNDERSKOTT']);
  });

  test('without the setting the 4 % line is not reported', async () => {
    expect((await checkModel(model({ budget: fourPercent() }), [], { ruleSet })).findings).toEqual([]);
  });

  test('an unreadable threshold is an indata finding and the default is kept', async () => {
    const m = model({ budget: fourPercent(), settings: settings({}, { Kommun: 'X', 'Tröskel varning %': 'tre procent' }) });
    const { findings } = await checkModel(m, [], { ruleSet });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'IN-INSTALLNING-TROSKEL', category: 'indata', sheet: 'Inställningar', row: 3, cell: 'B3' });
    expect(plain(findings[0].message)).toContain('"tre procent"');
    expect(plain(findings[0].message)).toContain('5 % används');
  });

  test('Lägsta belopp is read in the workbook unit; defaults are scaled to tkr', async () => {
    const tkr = (extra: Record<string, number> = {}) =>
      model({ budget: budgetSheet([budgetLine({ budget: 2_000, prognos: 2_120 })]), settings: settings({ beloppI: 'tkr' }, extra) });
    const [f] = (await checkModel(tkr(), [], { ruleSet })).findings;
    expect(plain(f.message)).toContain('underskott på 120 tkr');
    expect((await checkModel(tkr({ 'Lägsta belopp': 500 }), [], { ruleSet })).findings).toEqual([]);
  });

  test('the profile threshold applies unless Inställningar overrides it', async () => {
    const small = (values: Record<string, number> = {}) =>
      model({ budget: budgetSheet([budgetLine({ budget: 10_000_000, prognos: 10_001_000 })]), settings: settings({}, values) });
    expect((await checkModel(small(), [], { ruleSet, profile: 'flen' })).findings.map((f) => f.rule)).toEqual(['BUD-ATGARDSPLAN-SAKNAS']);
    expect((await checkModel(small({ 'Lägsta belopp åtgärdsplan': 5000 }), [], { ruleSet, profile: 'flen' })).findings).toEqual([]);
  });
});

describe('summary', () => {
  test('counts every category and severity, with zeros', async () => {
    const m = model({
      budget: budgetSheet([budgetLine({ budget: 2_000_000, prognos: 2_300_000 }), budgetLine({ budget: null, prognos: 10 })]),
      settings: settings({ kommun: 'Hedemora kommun', period: { year: 2025, month: 3 } }),
    });
    const { summary, findings } = await checkModel(m, [], { ruleSet, profile: 'hedemora' });
    expect(Object.keys(summary.counts.byCategory).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.keys(summary.counts.bySeverity).sort()).toEqual([...SEVERITIES].sort());
    expect(summary.counts.total).toBe(findings.length);
    expect(summary.counts.byCategory.budget).toBe(findings.length);
    expect(summary.counts.byCategory.mal).toBe(0);
    expect(summary.counts.bySeverity).toEqual({
      fel: findings.filter((f) => f.severity === 'fel').length,
      varning: findings.filter((f) => f.severity === 'varning').length,
      info: 0,
    });
    // Only the budget family can run on a workbook with nothing but a Budget sheet.
    const budgetRules = listRules(ruleSet, 'hedemora').filter((r) => r.category === 'budget').length;
    expect(budgetRules).toBeGreaterThan(0);
    expect(summary).toMatchObject({ profile: 'hedemora', kommun: 'Hedemora kommun', period: '2025-03', ruleCount: budgetRules });
  });

  test('findings are sorted with compareFindings, indata findings included', async () => {
    const m = model({
      budget: budgetSheet([budgetLine({ budget: 1_000_000, prognos: 900_000 }), budgetLine({ budget: 2_000_000, prognos: 2_300_000 })]),
    });
    const indata = [{ rule: 'IN-X', category: 'indata' as const, severity: 'varning' as const, sheet: 'Budget', row: 1, cell: 'A1', namnd: null, message: 'm', source: 's', suggestion: 'x' }];
    const { findings } = await checkModel(m, indata, { ruleSet });
    expect([...findings].sort(compareFindings)).toEqual(findings);
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['fel', 'BUD-UNDERSKOTT-STORT'],
      ['varning', 'IN-X'],
      ['info', 'BUD-OVERSKOTT'],
    ]);
  });

  test('a missing Budget sheet skips the budget family and says so', async () => {
    const m = model({ budget: null, notes: ['Bladet Budget saknas.'] });
    const { summary, findings } = await checkModel(m, [], { ruleSet });
    expect(findings).toEqual([]);
    expect(summary.ruleCount).toBe(0);
    expect(summary.notes[0]).toBe('Bladet Budget saknas.');
    expect(summary.notes).toContain('Reglerna för budget kördes inte eftersom bladet Budget saknas.');
  });

  test('findings name the source of the profile in force', async () => {
    const m = () => model({ budget: budgetSheet([budgetLine({ budget: 2_000_000, prognos: 2_120_000 })]) });
    const sourceOf = async (profile: string) => (await checkModel(m(), [], { ruleSet, profile })).findings.find((f) => f.rule === 'BUD-UNDERSKOTT')!.source;
    expect(await sourceOf('flen')).toBe('Flens styrmodell, Nämnder');
    expect(await sourceOf('hedemora')).toBe('Hedemora styrmodell, Budgetavvikelser');
    expect(await sourceOf('standard')).toBe('Hedemora styrmodell, Budgetavvikelser');
  });
});

describe('progress', () => {
  test('yields to the host every few thousand evaluations and reports each phase', async () => {
    const lines = Array.from({ length: 3000 }, () => budgetLine());
    let yields = 0;
    const phases: CheckProgress[] = [];
    await checkModel(model({ budget: budgetSheet(lines), atgarder: table('Åtgärder', [atgard()]) }), [], {
      ruleSet,
      yieldToHost: async () => {
        yields++;
      },
      onProgress: (p) => phases.push(p),
    });
    // 3000 lines × 4 row rules = 12 000 evaluations → one yield per 2000.
    expect(yields).toBeGreaterThanOrEqual(6);
    const last = phases[phases.length - 1];
    expect(last.phase).toBe('klart');
    expect(last.done).toBe(last.total);
    const regler = phases.filter((p) => p.phase === 'regler').map((p) => p.done);
    expect(regler).toEqual([...regler].sort((a, b) => a - b));
  });
});

describe('listRules', () => {
  test('lists the rules active in a profile with their source', () => {
    const rows = listRules(ruleSet, 'flen');
    expect(rows.map((r) => r.id)).toEqual(ruleSet.rules.map((r) => r.id));
    expect(rows.find((r) => r.id === 'BUD-ATGARDSPLAN-SAKNAS')).toMatchObject({ severity: 'fel', category: 'budget', source: 'Flens styrmodell, Nämndrapport' });
    expect(() => listRules(ruleSet, 'gotland')).toThrow('Giltiga profiler: flen, hedemora, standard');
  });
});

describe('checkWorkbook', () => {
  test('reads a snapshot through buildModel and checks it', async () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: 'Budget',
          errors: [],
          rows: [
            ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos'],
            ['Socialnämnden', 'Hemtjänst', 2_000_000, 1_500_000, '2 600 000'],
            ['Socialnämnden', 'Boende', 1_000_000, 500_000, 1_000_000],
          ],
        },
        { name: 'Inställningar', errors: [], rows: [['Profil', 'hedemora'], ['Kommun', 'Hedemora kommun']] },
      ],
    };
    const phases: string[] = [];
    const result = await checkWorkbook(snapshot, { ruleSet, onProgress: (p) => phases.push(p.phase) });
    expect(result.summary.profile).toBe('hedemora');
    expect(result.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['BUD-ATGARDSPLAN-SAKNAS', 'E2'],
      ['BUD-UNDERSKOTT-STORT', 'E2'],
      // No unit is written anywhere: it is inferred (kr, from millions per nämnd) and said.
      ['IN-ENHET', null],
    ]);
    expect(phases[0]).toBe('indata');
    expect(phases[phases.length - 1]).toBe('klart');
  });
});
