/**
 * The Engine: built once from the rule files with every validation done there, then checked
 * against as often as needed. Thresholds chosen outside the workbook (the pane's settings) are
 * options that win over the workbook's Inställningar rows, without any sheet being made up.
 */
import { Engine } from '../../src/core/engine';
import { isStyrkollError } from '../../src/core/errors';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { ruleFiles } from './rules/builders';
import { readRuleFiles } from '../../src/node/rule-files';

const budget = (rows: unknown[][] = []) => ({
  name: 'Budget',
  errors: [],
  rows: [['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos'], ['Socialnämnden', 'Hemtjänst', 10_000_000, 5_000_000, 10_400_000], ...rows],
});
const settingsSheet = (name: string, rows: unknown[][]) => ({ name, errors: [], rows: [['Kommun', 'Flen'], ['Period', '2025-08'], ...rows] });
const snapshot = (...sheets: ReturnType<typeof budget>[]): WorkbookSnapshot => ({ sheets }) as WorkbookSnapshot;

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await readRuleFiles());
});

const errorOf = (f: () => unknown): { code: string; message: string } => {
  try {
    f();
  } catch (e) {
    if (isStyrkollError(e)) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('Engine', () => {
  test('offers the profiles, the thresholds with their Inställningar keys and the report templates', () => {
    expect(engine.profiles().map((p) => p.id).sort()).toEqual(['flen', 'hedemora', 'standard']);
    expect(engine.thresholds().map((t) => t.key)).toEqual([
      'Tröskel åtgärdsplan %',
      'Lägsta belopp åtgärdsplan',
      'Tröskel överskott %',
      'Lägsta belopp',
      'Tröskel varning %',
      'Tröskel fel %',
    ]);
    expect(engine.templates().length).toBeGreaterThan(3);
    expect(engine.template('finns-inte')).toBeUndefined();
    expect(errorOf(() => engine.requireTemplate('finns-inte')).code).toBe('MALL');
  });

  test('a broken report template is an error when the engine is built, as a broken rule file is', () => {
    const files = ruleFiles();
    const templates = [{ path: 'rules/templates/trasig.json', json: { id: 'trasig' } }];
    expect(errorOf(() => new Engine({ ...files, templates })).code).toBe('MALL');
    const rules = [...files.rules, { path: 'rules/budget/trasig.json', json: { id: 'X' } }];
    expect(errorOf(() => new Engine({ ...files, rules, templates: [] })).code).toBe('REGELFIL');
  });

  test('fromFiles sorts every file under rules/ itself, skipping the JSON Schemas', () => {
    const files = ruleFiles();
    const all = [...files.profiles, ...files.rules].reverse();
    const fromAll = Engine.fromFiles([...all, { path: 'rules/schema/rule.schema.json', json: {} }]);
    expect(fromAll.ruleSet.rules.map((r) => r.id)).toEqual(new Engine({ ...files, templates: [] }).ruleSet.rules.map((r) => r.id));
  });

  test('check gives findings and a summary, and the model as the handle for reports', async () => {
    const checked = await engine.check(snapshot(budget(), settingsSheet('Inställningar', [])), { profile: 'hedemora' });
    expect(checked.summary.kommun).toBe('Flen');
    expect(checked.model.budget?.lines).toHaveLength(1);
    expect(checked.findings.length).toBeGreaterThan(0);
  });
});

describe('thresholds chosen outside the workbook', () => {
  // A 4 % deficit: below the default varning threshold of 5 %.
  const rulesOf = async (s: WorkbookSnapshot, thresholds?: Record<string, number>) =>
    (await engine.check(s, { profile: 'hedemora', thresholds })).findings.map((f) => f.rule).filter((r) => r.startsWith('BUD-UNDERSKOTT'));

  test('a chosen threshold wins over the workbook\'s row with the same key, whatever the settings sheet is called', async () => {
    for (const name of ['Inställningar', 'Settings', 'Installningar']) {
      const s = snapshot(budget(), settingsSheet(name, [['Tröskel varning %', 10]]));
      expect(await rulesOf(s)).toEqual([]);
      expect(await rulesOf(s, { 'Tröskel varning %': 3 })).toEqual(['BUD-UNDERSKOTT']);
      expect(await rulesOf(s, { ' tröskel VARNING % ': 3 })).toEqual(['BUD-UNDERSKOTT']);
    }
  });

  test('the settings sheet is read as it is: Kommun, Period and Profil stay, no sheet is added', async () => {
    const s = snapshot(budget(), settingsSheet('Settings', [['Profil', 'flen']]));
    const checked = await engine.check(s, { thresholds: { 'Tröskel varning %': 3 } });
    expect(checked.summary).toMatchObject({ kommun: 'Flen', period: '2025-08', profile: 'flen' });
    expect(checked.model.settings.sheet).toBe('Settings');
    // Without a settings sheet the årshjul family is skipped, as in the CLI.
    const bare = await engine.check(snapshot(budget()), { thresholds: { 'Tröskel varning %': 3 } });
    expect(bare.model.settings.sheet).toBeNull();
    expect(bare.summary.notes.join(' ')).toContain('årshjul kördes inte');
  });

  test('an unreadable row overridden by a chosen threshold is not reported; one that is not overridden is', async () => {
    const s = snapshot(budget(), settingsSheet('Inställningar', [['Tröskel varning %', 'tre procent']]));
    const indata = async (thresholds?: Record<string, number>) =>
      (await engine.check(s, { profile: 'hedemora', thresholds })).findings.filter((f) => f.rule === 'IN-INSTALLNING-TROSKEL').length;
    expect(await indata()).toBe(1);
    expect(await indata({ 'Tröskel varning %': 3 })).toBe(0);
    expect(await indata({ 'Tröskel fel %': 30 })).toBe(1);
  });

  test('a chosen value is read as a cell with that value would be: 0,04 is 4 %, amounts are in the workbook\'s unit', async () => {
    const s = snapshot(budget(), settingsSheet('Inställningar', []));
    expect(await rulesOf(s, { 'Tröskel varning %': 0.03 })).toEqual(['BUD-UNDERSKOTT']);
    expect(await rulesOf(s, { 'Tröskel varning %': 3, 'Lägsta belopp': 500_000 })).toEqual([]);
  });
});
