import { CONTRACT_SHEET_NAMES } from '../core/input';
import { loadRuleSet, type RuleSet } from '../core/rules';
import type { WorkbookSnapshot } from '../core/snapshot';
import { readWorkbookGuarded } from '../node/guarded-read';
import { readInputFile } from '../node/input-file';
import { readRuleFiles } from '../node/rule-files';

export interface LoadedWorkbook {
  file: string;
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
}

/**
 * Reads a workbook from disk in a worker with a deadline. `contractOnly` parses only the
 * contract sheets (what the check needs); report and collect read every sheet.
 */
export async function loadWorkbook(file: string, options: { contractOnly: boolean; timeoutSeconds?: number }): Promise<LoadedWorkbook> {
  const bytes = await readInputFile(file);
  const snapshot = await readWorkbookGuarded(bytes, {
    sheetNames: options.contractOnly ? [...CONTRACT_SHEET_NAMES] : undefined,
    timeoutMs: (options.timeoutSeconds ?? 60) * 1000,
  });
  return { file, bytes, snapshot };
}

let cachedRules: Promise<RuleSet> | null = null;

/** The rule set from rules/ (read once per process). */
export function loadRules(): Promise<RuleSet> {
  cachedRules ??= readRuleFiles().then((files) => loadRuleSet(files));
  return cachedRules;
}
