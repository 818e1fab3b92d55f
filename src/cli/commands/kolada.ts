import * as os from 'node:os';
import * as path from 'node:path';
import { buildModel } from '../../core';
import { StyrkollError } from '../../common/errors';
import { runKolada } from '../../kolada';
import { FileCache } from '../../kolada/node-cache';
import { readWorkbook } from '../../xlsx/read';
import { OWN_SHEET_NAMES } from '../../common/sheet-names';
import { writeGuarded } from '../../node/guarded-write';
import { writeFileAtomic } from '../../node/atomic-write';
import { loadEngine, loadWorkbook } from '../workbook-io';
import type { CliIo } from './check';
import { EXIT_OK } from '../errors';
import { oneLine } from '../terminal-text';

export interface KoladaCommandOptions {
  output: string;
  koladaUrl?: string;
  /** Use Kolada-URL from the workbook's Inställningar (--lita-pa-kolada-url). */
  litaPaKoladaUrl?: boolean;
  overwrite?: boolean;
  offline?: boolean;
  cacheDir?: string;
  force?: boolean;
  timeout?: number;
}

export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'styrkoll', 'kolada');
}

export async function runKoladaCommand(file: string, opts: KoladaCommandOptions, io: CliIo): Promise<number> {
  const input = await loadWorkbook(file, { contractOnly: true });
  const { model } = buildModel(input.snapshot);
  if (!model.indicators) throw new StyrkollError('ARGUMENT', 'Arbetsboken saknar bladet Indikatorer – det finns inget att hämta från Kolada.');

  const run = await runKolada({
    model,
    snapshot: input.snapshot,
    baseUrl: opts.koladaUrl,
    trustWorkbookUrl: opts.litaPaKoladaUrl ?? false,
    overwrite: opts.overwrite,
    offline: opts.offline,
    cache: new FileCache(opts.cacheDir ?? defaultCacheDir()),
    timeoutMs: opts.timeout ? opts.timeout * 1000 : undefined,
    // Progress is for a person at a terminal, like check's progress bar: a script reading standard
    // error gets only the one-line message of an unusable run. The end of the run is said on stdout.
    onProgress: process.stderr.isTTY ? (p) => (p.phase === 'hämtar' ? io.err(oneLine(p.message)) : undefined) : undefined,
  });
  // Said first, also when nothing could be fetched: the workbook named a server that was not asked.
  if (run.urlNote) io.out(`Obs: ${oneLine(run.urlNote)}`);
  if (run.offline) {
    // Nothing could be fetched: nothing is written, and the run says so.
    throw new StyrkollError('KOLADA', run.warnings[0] ?? 'Kolada kunde inte nås – inga värden ändrades.');
  }
  for (const w of run.warnings) io.out(`Obs: ${oneLine(w)}`);
  if (run.edits.length === 0) {
    // Nothing to write: no copy is made, and the line says so (the Obs lines above say why).
    io.out(`Inga värden att ändra – ${opts.output} skrevs inte.`);
    return EXIT_OK;
  }
  const edits = run.edits.map((e) => ({ ...e, value: typeof e.value === 'boolean' ? String(e.value) : e.value }));
  const out = await writeGuarded({ bytes: input.bytes, steps: [{ op: 'setCellValues', edits }] });
  await writeFileAtomic(opts.output, out, { force: opts.force, protect: [file] });
  io.out(`Ändrat i ${opts.output} (${run.edits.length} celler):`);
  for (const c of run.changes) io.out(`  – ${oneLine(c)}`);

  // The indicator rules then run on the fetched values.
  const updated = await readWorkbook(out, { skipSheetNames: [...OWN_SHEET_NAMES] });
  const result = await (await loadEngine()).check(updated);
  const mal = result.findings.filter((f) => f.category === 'mal' && f.sheet === model.indicators!.location.name);
  io.out(mal.length === 0 ? '\nAlla indikatorer med utfall ligger i fas.' : `\nIndikatorer efter hämtningen (${mal.length} fynd):`);
  for (const f of mal) io.out(`  ${f.severity.toUpperCase().padEnd(8)} ${f.cell ?? ''} ${oneLine(f.message)}`);
  return EXIT_OK;
}
