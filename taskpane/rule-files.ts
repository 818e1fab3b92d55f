/**
 * The rule, profile and template files from rules/, bundled by webpack so the pages check with
 * exactly the rules the CLI reads from disk (engine.ts builds the Engine from them). Paths are given as the CLI gives them ("rules/…"); the core's sortRuleFiles sorts them
 * into rules, profiles and templates for both.
 */
import { sortRuleFiles, type FileInput, type RuleFiles } from '../src/core';

export type { RuleFiles };

/** The core's sorting of rule files (kept under this name for the pane's tests). */
export const partitionRuleFiles = (files: FileInput[]): RuleFiles => sortRuleFiles(files);

export function bundledRuleFiles(): RuleFiles {
  const context = require.context('../rules', true, /^\.\/(?!schema\/).*\.json$/);
  const files = context
    .keys()
    .filter((k) => k.startsWith('./'))
    .map((k) => ({ path: `rules/${k.slice(2)}`, json: context(k) }));
  return partitionRuleFiles(files);
}
