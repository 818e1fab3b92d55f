import type { Engine, WorkbookSnapshot } from '../core';
import { OWN_SHEET_NAMES } from '../common/sheet-names';
import { readWorkbookGuarded } from '../node/guarded-read';
import { readInputFile } from '../node/input-file';

export interface LoadedWorkbook {
  file: string;
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
}

export interface LoadOptions {
  /**
   * Leave out Styrkoll's own sheets (Kontroll …), as the check does: any other sheet may hold the
   * budget, so every one is read. Report and collect read every sheet.
   */
  contractOnly: boolean;
  timeoutSeconds?: number;
}

/**
 * Reads a workbook from disk in a worker with a deadline. `meanwhile` runs on this thread once
 * the worker has started, so that, say, loading the check's modules overlaps with the read; the
 * read's outcome is awaited after it, so a file that cannot be read is still what is reported.
 */
export async function loadWorkbook<T = undefined>(file: string, options: LoadOptions, meanwhile?: () => Promise<T>): Promise<LoadedWorkbook & { meanwhile: T }> {
  const bytes = await readInputFile(file);
  const reading = readWorkbookGuarded(bytes, {
    skipSheetNames: options.contractOnly ? [...OWN_SHEET_NAMES] : undefined,
    timeoutMs: (options.timeoutSeconds ?? 60) * 1000,
  });
  // Handled from the start: the read may fail while `meanwhile` is still running.
  reading.catch(() => undefined);
  let alongside: T | undefined;
  if (meanwhile) {
    try {
      alongside = await meanwhile();
    } catch (err) {
      // The read is let finish: when it failed too, its failure is the one reported.
      await reading;
      throw err;
    }
  }
  const snapshot = await reading;
  return { file, bytes, snapshot, meanwhile: alongside as T };
}

let cachedEngine: Promise<Engine> | null = null;

/**
 * The engine built from rules/ (once per process): every rule file, profile and report template
 * validated. zod and the rule modules load on first use.
 */
export function loadEngine(): Promise<Engine> {
  cachedEngine ??= Promise.all([import('../core'), import('../node/rule-files')]).then(([core, files]) =>
    files.readRuleFiles().then((read) => new core.Engine(read)),
  );
  return cachedEngine;
}
