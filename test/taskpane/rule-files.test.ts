import { partitionRuleFiles } from '../../taskpane/rule-files';

describe('bundled rule files', () => {
  it('sorts rules, profiles and templates apart and skips the JSON Schemas', () => {
    const f = (path: string) => ({ path, json: {} });
    const out = partitionRuleFiles([f('rules/profiles/flen.json'), f('rules/budget/b.json'), f('rules/schema/rule.schema.json'), f('rules/templates/t.json'), f('rules/budget/a.json')]);
    expect(out.rules.map((x) => x.path)).toEqual(['rules/budget/a.json', 'rules/budget/b.json']);
    expect(out.profiles.map((x) => x.path)).toEqual(['rules/profiles/flen.json']);
    expect(out.templates.map((x) => x.path)).toEqual(['rules/templates/t.json']);
  });
});
