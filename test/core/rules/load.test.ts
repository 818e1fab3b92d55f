import { readFileSync } from 'fs';
import { join } from 'path';
import { isStyrkollError } from '../../../src/core/errors';
import { loadRuleSet, type FileInput } from '../../../src/core/rules/load';
import { realRuleSet, ruleFiles } from './builders';
import { requireRepoFile, STYRMODELL_DIR } from '../../fixtures/files';

/** A valid budgetrad rule to break in one place per test. */
function rule(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'TEST-REGEL',
    title: 'Testregel',
    category: 'budget',
    severity: 'varning',
    scope: 'budgetrad',
    conditions: { all: [{ fact: 'budget', operator: 'greaterThan', value: 0 }] },
    message: '{namnd}: {budget:belopp}',
    suggestion: 'Gör något.',
    source: [{ document: 'Hedemora styrmodell', section: 'Budgetavvikelser', quote: 'Vid större avvikelser krävs en åtgärdsplan.' }],
    ...over,
  };
}

const profiles = () => ruleFiles().profiles;

function loadError(rules: FileInput[], profileFiles: FileInput[] = profiles()): string {
  try {
    loadRuleSet({ rules: [...ruleFiles().rules, ...rules], profiles: profileFiles });
  } catch (e) {
    if (isStyrkollError(e) && e.code === 'REGELFIL') return e.message;
    throw e;
  }
  throw new Error('loadRuleSet accepted the files');
}

describe('loadRuleSet', () => {
  test('loads the committed rules and profiles', () => {
    const set = realRuleSet();
    expect(set.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['BUD-UNDERSKOTT', 'BUD-UNDERSKOTT-STORT', 'BUD-ATGARDSPLAN-SAKNAS']));
    expect(Object.keys(set.profiles).sort()).toEqual(['flen', 'hedemora', 'standard']);
    expect(set.rules.find((r) => r.id === 'BUD-UNDERSKOTT')!.file).toBe('rules/budget/underskott-rad.json');
  });

  test('names the file and the JSON path of a bad operator in an array file', () => {
    const bad = rule({ conditions: { all: [{ fact: 'budget', operator: 'greaterThan', value: 0 }, { fact: 'budget', operator: 'storreAn', value: 1 }] } });
    const msg = loadError([{ path: 'rules/budget/x.json', json: [bad] }]);
    expect(msg).toContain('rules/budget/x.json: [0].conditions.all[1].operator: ');
    expect(msg).not.toContain('\n');
  });

  test('reports the path inside a { rules: [...] } file and a single-rule file', () => {
    expect(loadError([{ path: 'rules/budget/w.json', json: { rules: [rule(), rule({ id: 'B', severity: 'hemskt' })] } }])).toContain(
      'w.json: rules[1].severity: ',
    );
    expect(loadError([{ path: 'rules/budget/s.json', json: rule({ scope: 'kommun' }) }])).toContain('s.json: scope: ');
  });

  test('reports in/notIn without a list, a leaf mixed with all, and missing keys', () => {
    expect(loadError([{ path: 'rules/budget/a.json', json: rule({ conditions: { all: [{ fact: 'typ', operator: 'in', value: 'kostnad' }] } }) }])).toContain(
      'conditions.all[0].value: Operatorn in kräver en lista',
    );
    expect(
      loadError([{ path: 'rules/budget/b.json', json: rule({ conditions: { all: [{ fact: 'budget', operator: 'equal', value: 1, all: [] }] } }) }]),
    ).toContain('conditions.all[0]: ');
    expect(loadError([{ path: 'rules/budget/c.json', json: rule({ conditions: { any: [{ fact: 'budget', value: 1 }] } }) }])).toContain(
      'conditions.any[0].operator: "operator" saknas',
    );
  });

  test('rejects facts the scope does not have, also on the value side and in templates', () => {
    const unknownFact = rule({ conditions: { all: [{ fact: 'budget', operator: 'lessThan', value: { fact: 'ram' } }] } });
    expect(loadError([{ path: 'rules/budget/f.json', json: unknownFact }])).toContain('conditions.all[0].value.fact: Okänt faktum "ram"');
    expect(loadError([{ path: 'rules/budget/g.json', json: rule({ message: 'Hej {kommun}' }) }])).toContain('message: Okänt faktum i {kommun}');
    expect(loadError([{ path: 'rules/budget/h.json', json: rule({ message: 'Hej {budget:valuta}' }) }])).toContain('Okänt format i {budget:valuta}');
    expect(loadError([{ path: 'rules/budget/i.json', json: rule({ target: ['prognos', 'kassa'] }) }])).toContain('target[1]: Okänd kolumn "kassa"');
  });

  test('rejects duplicate rule ids across files', () => {
    const msg = loadError([{ path: 'rules/budget/dubbel.json', json: rule({ id: 'BUD-UNDERSKOTT' }) }]);
    expect(msg).toContain('rules/budget/dubbel.json: id: Regel-id BUD-UNDERSKOTT finns redan i rules/budget/underskott-rad.json');
  });

  test('rejects a param that means something else in another rule', () => {
    const params = { lagstaBelopp: { default: 5, setting: 'Lägsta belopp', kind: 'belopp', description: 'x' } };
    expect(loadError([{ path: 'rules/budget/p.json', json: rule({ params }) }])).toContain('params.lagstaBelopp: Parametern lagstaBelopp har en annan definition');
  });

  test('a threshold is declared once, in a file\'s params, and any rule of the set reads it', () => {
    const declared = { troskelTest: { default: 7, kind: 'antal', description: 'Testets tröskel.' } };
    const reader = rule({ id: 'TEST-LASARE', conditions: { all: [{ fact: 'budget', operator: 'greaterThan', value: { fact: 'troskelTest' } }] }, message: '{namnd}: över {troskelTest}' });
    const set = loadRuleSet({
      rules: [...ruleFiles().rules, { path: 'rules/budget/a-troskel.json', json: { params: declared } }, { path: 'rules/budget/z-regel.json', json: reader }],
      profiles: profiles(),
    });
    expect(set.params.troskelTest).toEqual(declared.troskelTest);
    expect(set.rules.find((r) => r.id === 'TEST-LASARE')!.params).toEqual(declared);
    // Each committed budget threshold is declared in rules/budget/troskler.json, and the rules read it from there.
    expect(set.rules.find((r) => r.id === 'BUD-UNDERSKOTT')!.params).toEqual({
      lagstaBelopp: set.params.lagstaBelopp,
      troskelVarningProcent: set.params.troskelVarningProcent,
      troskelFelProcent: set.params.troskelFelProcent,
    });
  });

  test('an older rule that carries an identical copy of a declared threshold still loads', () => {
    const copy = { lagstaBelopp: realRuleSet().params.lagstaBelopp };
    const set = loadRuleSet({ rules: [...ruleFiles().rules, { path: 'rules/budget/kopia.json', json: rule({ id: 'TEST-KOPIA', params: copy }) }], profiles: profiles() });
    expect(set.rules.find((r) => r.id === 'TEST-KOPIA')!.params).toEqual(copy);
  });

  test('rejects a declared param named like a fact', () => {
    const params = { budget: { default: 1, kind: 'antal', description: 'x' } };
    expect(loadError([{ path: 'rules/budget/t.json', json: { params } }])).toContain('rules/budget/t.json: params.budget: Parametern har samma namn som ett faktum');
  });

  test('rejects unknown profiles, a wrong folder and a profile threshold no rule has', () => {
    expect(loadError([{ path: 'rules/budget/q.json', json: rule({ profiles: ['hedemora', 'gotland'] }) }])).toContain('profiles[1]: Okänd profil "gotland"');
    expect(loadError([{ path: 'rules/mal/r.json', json: rule() }])).toContain('category: Regeln ligger i mappen mal');
    const all = profiles();
    const flen = all.find((p) => p.path.endsWith('flen.json'))!;
    const broken = { path: 'rules/profiles/flen.json', json: { ...(flen.json as object), thresholds: { troskelOkand: 1 } } };
    const others = all.filter((p) => p !== flen);
    expect(loadError([], [...others, broken])).toContain('rules/profiles/flen.json: thresholds.troskelOkand: Ingen regel har parametern');
  });

  test('rejects a goal chain that loops or has two tops', () => {
    const all = profiles();
    const std = all.find((p) => p.path.endsWith('standard.json'))!;
    const loop = structuredClone(std.json) as { goalChain: { key: string; parent: string | null }[] };
    loop.goalChain[0].parent = 'aktivitet';
    expect(loadError([], [...all.filter((p) => p !== std), { path: std.path, json: loop }])).toContain(
      'rules/profiles/standard.json: goalChain: Exakt en nivå ska sakna förälder',
    );
    const twoTops = structuredClone(std.json) as { goalChain: { key: string; parent: string | null }[] };
    twoTops.goalChain[2].parent = null;
    expect(loadError([], [...all.filter((p) => p !== std), { path: std.path, json: twoTops }])).toContain('goalChain: Exakt en nivå');
  });
});

describe('rule sources', () => {
  const seeds = ['hedemora-styrmodell.txt', 'flen-styrmodell.txt'].map((f) => readFileSync(requireRepoFile(join(STYRMODELL_DIR, f)), 'utf8'));
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const seedText = squash(seeds.join('\n'));
  const sources = realRuleSet().rules.flatMap((r) => r.source.map((s) => ({ id: r.id, ...s })));

  test.each(sources.map((s) => [s.id, s.profile ?? '-', s.quote]))('%s (%s) quotes the styrmodell verbatim', (_id, _profile, quote) => {
    expect(seedText).toContain(squash(quote));
  });

  test('every rule cites each of the municipal profiles', () => {
    for (const r of realRuleSet().rules) {
      expect(r.source.map((s) => s.profile).sort()).toEqual(expect.arrayContaining(['flen', 'hedemora']));
    }
  });

  test('the seed files are where the test expects them', () => {
    expect(seeds.every((s) => s.length > 10000)).toBe(true);
  });
});
