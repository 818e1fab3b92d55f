/**
 * Writes the JSON Schemas for rule and profile files (editors use them through "$schema").
 * Run: npm run build:cli && node dist/scripts/gen-rule-schema.js [repository root]
 * test/core/rules/schema.test.ts fails when the committed files are stale.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { z } from 'zod';
import { Profile } from '../src/core/rules/profile-schema';
import { RuleFile } from '../src/core/rules/rule-schema';

function toText(schema: z.ZodType, title: string): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  return JSON.stringify({ ...json, title }, null, 2) + '\n';
}

/** File name under rules/schema → contents. */
export function generatedSchemas(): Record<string, string> {
  return {
    'rule.schema.json': toText(RuleFile, 'Styrkoll regelfil'),
    'profile.schema.json': toText(Profile, 'Styrkoll profil'),
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
