/**
 * The rule, profile and template files from rules/, bundled by webpack so the pane checks with
 * exactly the rules the CLI reads from disk. Paths are given as the CLI gives them ("rules/…").
 */
export interface RuleFiles {
  rules: { path: string; json: unknown }[];
  profiles: { path: string; json: unknown }[];
  templates: { path: string; json: unknown }[];
}

/**
 * Sorts bundled files into the three kinds. rules/schema and *.schema.json (e.g. the template
 * schema next to the templates) are JSON Schemas, not rules: skipped, as the CLI skips them.
 */
export function partitionRuleFiles(files: { path: string; json: unknown }[]): RuleFiles {
  const out: RuleFiles = { rules: [], profiles: [], templates: [] };
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const rel = f.path.replace(/^rules\//, '');
    if (rel.startsWith('schema/') || rel.endsWith('.schema.json')) continue;
    if (rel.startsWith('profiles/')) out.profiles.push(f);
    else if (rel.startsWith('templates/')) out.templates.push(f);
    else out.rules.push(f);
  }
  return out;
}

export function bundledRuleFiles(): RuleFiles {
  const context = require.context('../rules', true, /^\.\/(?!schema\/).*\.json$/);
  const files = context
    .keys()
    .filter((k) => k.startsWith('./'))
    .map((k) => ({ path: `rules/${k.slice(2)}`, json: context(k) }));
  return partitionRuleFiles(files);
}
