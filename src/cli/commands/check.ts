import type { CheckResult, Engine, EngineCheckOptions, WorkbookSnapshot } from '../../core';
import { writeFileAtomic } from '../../node/atomic-write';
import { startGuardedWriter } from '../../node/guarded-write';
import { loadEngine, loadWorkbook } from '../workbook-io';
import { createProgress } from '../progress';
import { EXIT_FAIL_ON, EXIT_OK } from '../errors';
import { StyrkollError } from '../../common/errors';

/**
 * What the check needs after the read: the core (through its index) and the printing, which
 * reads the core's labels. Loaded while the worker reads the file (on the other core), not
 * before it starts: loading them costs more than the read of a small workbook.
 */
const checkModules = async () => {
  const [core, print] = await Promise.all([import('../../core'), import('../print')]);
  return { ...core, ...print };
};

/** A Swedish usage error. */
async function usageError(message: string): Promise<Error> {
  return new StyrkollError('ARGUMENT', message);
}

export interface CheckCommandOptions {
  output?: string;
  json?: boolean;
  profile?: string;
  failOn?: string;
  force?: boolean;
  all?: boolean;
  quiet?: boolean;
  timeout?: number;
  /** The budget sheet, when guessing is not enough (wins over Budgetblad in Inställningar). */
  sheet?: string;
  /** Column mappings, "Budget=Nettokostnad budget 2025" or "Utfall=E" (win over Kolumn … in Inställningar). */
  map?: string[];
  /** The header row of the budget sheet (wins over Rubrikrad in Inställningar). */
  headerRow?: number;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Runs the check and keeps only what is printed and written: the snapshot and the model (about
 * half of the process's memory on a large workbook) can go before the writer starts.
 */
async function checkAndRelease(engine: Engine, loaded: { snapshot: WorkbookSnapshot | null }, options: EngineCheckOptions): Promise<CheckResult> {
  const snapshot = loaded.snapshot!;
  loaded.snapshot = null;
  // formatSummary, the Kontroll sheet and the marks read findings and summary only: the model goes.
  const { findings, summary } = await engine.check(snapshot, options);
  return { findings, summary };
}

/** --sheet, --map and --rubrikrad as a mapping; a --map that cannot be read is refused before the read. */
async function mappingOf(opts: CheckCommandOptions): Promise<EngineCheckOptions['mapping']> {
  if (!opts.sheet && !opts.map?.length && !opts.headerRow) return undefined;
  const { parseMapArgs, MAPPABLE_FIELDS } = await import('../../core');
  const { columns, errors } = parseMapArgs(opts.map ?? []);
  if (errors.length > 0) {
    const fields = MAPPABLE_FIELDS.map((f) => f.title).join(', ');
    throw await usageError(`--map förstår inte ”${errors[0]}”: skriv fält=rubrik eller fält=kolumnbokstav, t.ex. --map "Budget=Nettokostnad budget 2025" (fält: ${fields}).`);
  }
  return { sheet: opts.sheet ?? null, headerRow: opts.headerRow ?? null, columns: Object.keys(columns).length ? columns : undefined };
}

export async function runCheck(file: string, opts: CheckCommandOptions, io: CliIo): Promise<number> {
  if (opts.failOn !== undefined && opts.failOn !== 'fel') {
    throw await usageError(`--fail-on tar bara värdet "fel" (fick "${opts.failOn}").`);
  }
  const mapping = await mappingOf(opts);
  const progress = createProgress(!opts.quiet && !opts.json);
  let writer: ReturnType<typeof startGuardedWriter> | null = null;
  try {
    // The writer's worker (same deadline and memory cap as the read, counted from its run) loads
    // its modules while the file is read, on the core the main thread leaves idle meanwhile.
    writer = opts.output ? startGuardedWriter({ timeoutMs: (opts.timeout ?? 60) * 1000 }) : null;
    progress.phase('Läser arbetsboken');
    const loaded: { bytes: Uint8Array; snapshot: WorkbookSnapshot | null; meanwhile: Awaited<ReturnType<typeof checkModules>> } = await loadWorkbook(
      file,
      { contractOnly: true, timeoutSeconds: opts.timeout },
      checkModules,
    );
    const { bytes, meanwhile: m } = loaded;
    progress.update(1);

    const engine = await loadEngine();
    progress.phase('Kontrollerar', 1);
    const result = await checkAndRelease(engine, loaded, {
      profile: opts.profile,
      mapping,
      onProgress: (p) => progress.update(p.done, Math.max(p.total, 1)),
    });

    if (opts.output) {
      progress.phase('Skriver resultatet');
      const out = await writer!.run({ bytes, steps: [{ op: 'checked', kontroll: m.buildKontrollSheet(result), marks: m.buildMarks(result.findings) }] });
      await writeFileAtomic(opts.output, out, { force: opts.force, protect: [file] });
      progress.update(1);
    }
    progress.stop();

    if (opts.json) {
      io.out(m.toPublicJson(result.findings));
    } else {
      io.out(m.formatSummary(result, { maxFindings: opts.all ? Number.MAX_SAFE_INTEGER : 25 }));
      if (opts.output) io.out(`\nResultatet finns i ${opts.output} (bladet Kontroll; markerade celler har en anteckning).`);
    }
    const hasFel = result.summary.counts.bySeverity.fel > 0;
    return opts.failOn === 'fel' && hasFel ? EXIT_FAIL_ON : EXIT_OK;
  } finally {
    writer?.close();
    progress.stop();
  }
}
