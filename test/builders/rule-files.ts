/**
 * The rule files as the pages bundle them (taskpane/rule-files.ts, webpack's require.context),
 * read from rules/ instead, synchronously: jest has no require.context. Tests that load the pane
 * or the page's worker replace taskpane/rule-files with `taskpaneRuleFilesModule()`:
 *
 *   jest.mock('../../taskpane/rule-files', () => jest.requireActual('../builders/rule-files').taskpaneRuleFilesModule());
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { sortRuleFiles, type RuleFiles } from '../../src/core';

const ROOT = path.resolve(__dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
}

/** Every JSON file under rules/, sorted by the core as the bundle is. */
export function ruleFilesFromDisk(): RuleFiles {
  return sortRuleFiles(
    walk(path.join(ROOT, 'rules'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ path: path.relative(ROOT, f).split(path.sep).join('/'), json: JSON.parse(readFileSync(f, 'utf8')) })),
  );
}

/** taskpane/rule-files with bundledRuleFiles reading rules/ from disk (for jest.mock). */
export function taskpaneRuleFilesModule(): typeof import('../../taskpane/rule-files') {
  const actual = jest.requireActual('../../taskpane/rule-files') as typeof import('../../taskpane/rule-files');
  return { ...actual, bundledRuleFiles: ruleFilesFromDisk };
}
