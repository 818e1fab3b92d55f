import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildModel } from '../../core';
import { StyrkollError, isStyrkollError } from '../../common/errors';
import { collectAnswers, FILE_TAG_NAME, readReports, REVIEW_SHEET, type ReportTemplate, type ReturnedReport } from '../../core';
import { reportSigner } from '../../node/report-signer';
import { strFromU8, unzipSync } from 'fflate';
import { loadEngine } from '../workbook-io';
import type { WorkbookSnapshot } from '../../core';
import { writeGuarded, type WriteStep } from '../../node/guarded-write';
import { writeFileAtomic, describeFsError } from '../../node/atomic-write';
import { loadWorkbook } from '../workbook-io';
import { toPublicJson } from '../print';
import type { CliIo } from './check';
import { EXIT_OK } from '../errors';
import { oneLine } from '../terminal-text';
import { compareSwedish } from '../../core';

export interface CollectCommandOptions {
  into: string;
  output: string;
  force?: boolean;
  json?: boolean;
  overwrite?: boolean;
}

/** Files to collect: .xlsx files given directly, or found (not recursively) in the folders given. */
export async function listReturnedFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (err) {
      throw new StyrkollError('FIL', `Kan inte läsa ${input}: ${describeFsError(err)}.`);
    }
    if (stat.isDirectory()) {
      const names = (await fs.readdir(input)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort(compareSwedish);
      files.push(...names.map((n) => path.join(input, n)));
    } else {
      files.push(input);
    }
  }
  if (files.length === 0) throw new StyrkollError('ARGUMENT', 'Inga .xlsx-filer att samla in – ange filerna eller mappen med de returnerade rapporterna.');
  return files;
}

export async function runCollect(inputs: string[], opts: CollectCommandOptions, io: CliIo): Promise<number> {
  const master = await loadWorkbook(opts.into, { contractOnly: false });
  const masterModel = buildModel(master.snapshot).model;
  const returned: ReturnedReport[] = [];
  const unreadable: string[] = [];
  const files = await listReturnedFiles(inputs);
  // Refuse before reading: the output must not replace one of the returned reports.
  const outAbs = path.resolve(opts.output);
  const clash = files.find((f) => path.resolve(f) === outAbs || (process.platform !== 'linux' && path.resolve(f).toLowerCase() === outAbs.toLowerCase()));
  if (clash) throw new StyrkollError('FIL', `Utfilen ${opts.output} är en av de returnerade rapporterna som läses in – ange en annan fil med -o.`);
  for (const file of files) {
    if (path.resolve(file) === path.resolve(opts.into)) continue;
    try {
      const loaded = await loadWorkbook(file, { contractOnly: false });
      const stat = await fs.stat(file);
      returned.push({ name: path.basename(file), snapshot: loaded.snapshot, mtime: stat.mtimeMs, fileTag: fileTagOf(loaded.bytes) });
    } catch (err) {
      // One unreadable return must not stop the others: say which and why.
      if (!isStyrkollError(err)) throw err;
      unreadable.push(`${path.basename(file)}: ${err.message}`);
    }
  }

  const template = await templateOf(returned.map((r) => r.snapshot));
  const collected = collectAnswers({ master: masterModel, masterSnapshot: master.snapshot, returned, template, sign: reportSigner(masterModel), overwrite: opts.overwrite });
  const steps: WriteStep[] = [{ op: 'setCellValues', edits: collected.edits }];
  if (collected.sheets.length > 0) steps.push({ op: 'addSheets', specs: collected.sheets, replaceExisting: true });
  const bytes = await writeGuarded({ bytes: master.bytes, steps });
  await writeFileAtomic(opts.output, bytes, { force: opts.force, protect: [opts.into, ...files] });

  if (opts.json) {
    io.out(toPublicJson(collected.findings));
    return EXIT_OK;
  }
  io.out(`Insamlat från ${returned.length} arbetsböcker till ${opts.output}: ${collected.answers.filter((a) => a.answered).length} svar, ${collected.edits.length} celler ändrade.`);
  for (const line of collected.summary) io.out(`  – ${oneLine(line)}`);
  for (const line of unreadable) io.out(`  – Kunde inte läsas: ${oneLine(line)}`);
  if (collected.findings.length > 0) {
    io.out(`\nSaknas eller behöver granskas (${collected.findings.length}; också i bladet "${REVIEW_SHEET}"):`);
    for (const f of collected.findings) io.out(`  ${f.severity.toUpperCase().padEnd(8)} ${f.rule.padEnd(22)} ${oneLine(f.namnd ?? '')}: ${oneLine(f.message)}`);
  } else {
    io.out('\nAllt som efterfrågades är besvarat.');
  }
  return EXIT_OK;
}

/** The hidden workbook-level name a per-nämnd report carries (see core/report/integrity.ts), or null. */
function fileTagOf(bytes: Uint8Array): string | null {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' });
    const xml = files['xl/workbook.xml'] ? strFromU8(files['xl/workbook.xml']) : '';
    const re = /<(?:\w+:)?definedName\b([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g;
    for (let m; (m = re.exec(xml)); ) {
      if (new RegExp(`\\bname="${FILE_TAG_NAME}"`).test(m[1])) return m[2].replace(/&quot;/g, '"').replace(/^="?|^"|"$/g, '');
    }
  } catch {
    // An unreadable package was already reported by loadWorkbook.
  }
  return null;
}

/**
 * The template the returned reports were made with (the one most sheets name in their id row):
 * without it collect cannot name the changed locked cells, label the text fields or know which
 * of them are required.
 */
async function templateOf(snapshots: WorkbookSnapshot[]): Promise<ReportTemplate | undefined> {
  const counts = new Map<string, number>();
  for (const s of snapshots) for (const r of readReports(s)) if (r.template) counts.set(r.template, (counts.get(r.template) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const id = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareSwedish(a[0], b[0]))[0][0];
  return (await loadEngine()).template(id);
}
