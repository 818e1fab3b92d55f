import { readFileSync } from 'fs';
import { join } from 'path';
import { generatedSchemas } from '../../scripts/gen-rule-schema';
import { ROOT, ruleFiles } from '../core/rules/builders';
import { SCOPE_FACTS } from '../../src/core/rules/fact-registry';
import { SCOPES } from '../../src/core/rules/rule-schema';

const HOW = 'Kör: npm run build:cli && node dist/scripts/gen-rule-schema.js';

describe('generated JSON Schemas', () => {
  test.each(Object.entries(generatedSchemas()))('rules/schema/%s is up to date', (name, text) => {
    const committed = readFileSync(join(ROOT, 'rules', 'schema', name), 'utf8');
    if (committed !== text) throw new Error(`rules/schema/${name} är inaktuell. ${HOW}`);
  });

  test('every rule and profile file points editors at its schema', () => {
    const { rules, profiles } = ruleFiles();
    for (const f of rules) {
      const json = f.json as { $schema?: string };
      expect([f.path, Array.isArray(json) ? '../schema/rule.schema.json' : json.$schema]).toEqual([f.path, '../schema/rule.schema.json']);
    }
    for (const f of profiles) expect([f.path, (f.json as { $schema?: string }).$schema]).toEqual([f.path, '../schema/profile.schema.json']);
  });

  test('the rule schema describes conditions recursively and lists the operators', () => {
    const schema = JSON.parse(generatedSchemas()['rule.schema.json']) as { $defs: Record<string, unknown> };
    const text = JSON.stringify(schema);
    expect(text).toContain('"greaterThanInclusive"');
    expect(text).toContain('"doesNotContain"');
    expect(Object.keys(schema.$defs).length).toBeGreaterThan(0);
  });

  test('the rule schema proposes each scope\'s facts with their descriptions, picked by the rule\'s scope', () => {
    const schema = JSON.parse(generatedSchemas()['rule.schema.json']) as { $defs: Record<string, { anyOf?: { const?: string; description?: string }[] }> };
    for (const scope of SCOPES) {
      const proposed = schema.$defs[`facts-${scope}`].anyOf!.filter((a) => a.const !== undefined);
      expect(proposed.map((a) => a.const)).toEqual(Object.keys(SCOPE_FACTS[scope]));
      for (const a of proposed) expect(a.description).toContain(SCOPE_FACTS[scope][a.const!].description);
    }
    const text = JSON.stringify(schema);
    expect(text).toContain('{"if":{"properties":{"scope":{"const":"mal"}},"required":["scope"]},"then":{"properties":{"conditions":{"$ref":"#/$defs/conditions-mal"}}}}');
  });
});
