/**
 * Writes the JSON Schemas for rule and profile files (editors use them through "$schema"). The
 * rule schema is zod's (rule-schema.ts) plus the facts of each scope with their descriptions
 * (SCOPE_FACTS), so an editor proposes the facts of the rule's scope in `fact`.
 * Run: npm run build:cli && node dist/scripts/gen-rule-schema.js [repository root]
 * test/scripts/gen-rule-schema.test.ts fails when the committed files are stale.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { z } from 'zod';
import { Profile } from '../src/core';
import { RuleFile, SCOPES } from '../src/core';
import { SCOPE_FACTS } from '../src/core';

type Json = Record<string, unknown>;

function toJson(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'ref' }) as Json;
}

function toText(json: Json, title: string): string {
  return JSON.stringify({ ...json, title }, null, 2) + '\n';
}

const TYPE_WORD = { number: 'tal', string: 'text', boolean: 'sant/falskt' } as const;

/**
 * Adds the facts of each scope: `facts-<scope>` proposes every fact name with its description (any
 * other name, e.g. a param, stays allowed: the loader checks names), `conditions-<scope>` is a
 * condition tree whose `fact`s use it, and the rule object picks the tree by its `scope`. These
 * parts only add suggestions; what is valid is still zod's schema above.
 */
function withScopeFacts(json: Json): Json {
  const defs = { ...(json.$defs as Record<string, Json>) };
  const ruleKey = Object.keys(defs).find((k) => {
    const props = defs[k].properties as Json | undefined;
    return props !== undefined && 'scope' in props && 'conditions' in props;
  });
  if (ruleKey === undefined) throw new Error('Hittar inte regelobjektet i det genererade schemat');
  const ifThen: Json[] = [];
  for (const scope of SCOPES) {
    defs[`facts-${scope}`] = {
      anyOf: [
        ...Object.entries(SCOPE_FACTS[scope]).map(([name, def]) => ({ const: name, description: `${def.description} (${TYPE_WORD[def.type]})` })),
        { type: 'string' },
      ],
    };
    const self = { $ref: `#/$defs/conditions-${scope}` };
    const fact = { $ref: `#/$defs/facts-${scope}` };
    defs[`conditions-${scope}`] = {
      type: 'object',
      properties: {
        all: { type: 'array', items: self },
        any: { type: 'array', items: self },
        not: self,
        fact,
        value: { anyOf: [{ type: 'object', properties: { fact } }, {}] },
      },
    };
    ifThen.push({
      if: { properties: { scope: { const: scope } }, required: ['scope'] },
      then: { properties: { conditions: self } },
    });
  }
  defs[ruleKey] = { ...defs[ruleKey], allOf: ifThen };
  return { ...json, $defs: defs };
}

/** File name under rules/schema → contents. */
export function generatedSchemas(): Record<string, string> {
  return {
    'rule.schema.json': toText(withScopeFacts(toJson(RuleFile)), 'Styrkoll regelfil'),
    'profile.schema.json': toText(toJson(Profile), 'Styrkoll profil'),
  };
}

export function writeSchemas(rootDir: string): string[] {
  const written: string[] = [];
  for (const [name, text] of Object.entries(generatedSchemas())) {
    const path = join(rootDir, 'rules', 'schema', name);
    writeFileSync(path, text);
    written.push(path);
  }
  return written;
}

if (require.main === module) {
  // dist/scripts/gen-rule-schema.js → the repository root is two levels up (or given as argument).
  const root = process.argv[2] ?? join(__dirname, '..', '..');
  for (const path of writeSchemas(root)) console.log(`Skrev ${path}`);
}
