import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook } from '../../core';
import { StyrkollError } from '../../core/errors';
import { buildReports, listNamnder, loadReportTemplates, sameNamnd, type ReportTemplate, reportFileName } from '../../core/report';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { createWorkbook } from '../../xlsx/write';
import { writeGuarded } from '../../node/guarded-write';
import { writeFileAtomic } from '../../node/atomic-write';
import { readRuleFiles } from '../../node/rule-files';
import { loadRules, loadWorkbook } from '../workbook-io';
import type { CliIo } from './check';
import { EXIT_OK } from '../errors';

export interface ReportCommandOptions {
  type: string;
  output?: string;
  perNamnd?: string;
  namnd?: string;
  profile?: string;
  force?: boolean;
}

export async function loadTemplate(type: string): Promise<ReportTemplate> {
  const templates = loadReportTemplates((await readRuleFiles()).templates);
  const t = templates.get(type);
  if (!t) {
    throw new StyrkollError('ARGUMENT', `Okänd rapporttyp "${type}". Välj en av: ${[...templates.keys()].join(', ')}.`);
  }
  return t;
}


export async function runReport(file: string, opts: ReportCommandOptions, io: CliIo): Promise<number> {
  if (!opts.output === !opts.perNamnd) {
    throw new StyrkollError('ARGUMENT', 'Ange antingen -o <ut.xlsx> (rapportbladen i en kopia av arbetsboken) eller --per-namnd <mapp> (en arbetsbok per nämnd).');
  }
  const template = await loadTemplate(opts.type);
  const input = await loadWorkbook(file, { contractOnly: false });
  const result = await checkWorkbook(input.snapshot, { ruleSet: await loadRules(), profile: opts.profile });
  // The check already built the model; the reports use the same one.
  const { model } = result;

  if (opts.output) {
    const previous = await previousSnapshot(opts.output, opts.force);
    const built = buildReports({ model, result, template, namnd: opts.namnd, previous });
    if (built.sheets.length === 0) throw new StyrkollError('ARGUMENT', 'Arbetsboken har ingen nämnd att göra rapporter för (kolumnen Nämnd i Budget eller Mål är tom).');
    const out = await writeGuarded({ bytes: input.bytes, steps: [{ op: 'addSheets', specs: built.sheets, replaceExisting: true }] });
    await writeFileAtomic(opts.output, out, { force: opts.force, protect: [file] });
    io.out(`${template.title}: ${built.sheets.length} rapportblad i ${opts.output} (${built.sheets.map((s) => s.name).join(', ')}).`);
    for (const line of built.summary) io.out(`  – ${line}`);
    return EXIT_OK;
  }

  const dir = opts.perNamnd!;
  await fs.mkdir(dir, { recursive: true }).catch((err) => {
    throw new StyrkollError('FIL', `Kan inte skapa mappen ${dir}: ${err instanceof Error ? err.message : String(err)}.`);
  });
  const namnder = listNamnder(model).filter((n) => !opts.namnd || sameNamnd(n, opts.namnd));
  if (namnder.length === 0) throw new StyrkollError('ARGUMENT', opts.namnd ? `Nämnden "${opts.namnd}" finns inte i arbetsboken. Nämnder: ${listNamnder(model).join(', ')}.` : 'Arbetsboken har ingen nämnd att göra rapporter för (kolumnen Nämnd i Budget eller Mål är tom).');
  const targets = namnder.map((namnd) => ({ namnd, target: path.join(dir, reportFileName(namnd)) }));
  // Refuse before writing anything, so a run without --force never leaves half the files new.
  const existing = targets.filter((t) => existsSync(t.target));
  if (existing.length && !opts.force) {
    throw new StyrkollError('FIL', `${existing.length === 1 ? 'Filen' : 'Filerna'} ${existing.map((t) => t.target).join(', ')} finns redan – lägg till --force för att skapa rapporterna på nytt (allt som redan skrivits i de gula fälten behålls).`);
  }
  io.out(`${template.title}: en arbetsbok per nämnd i ${dir}`);
  for (const { namnd, target } of targets) {
    const previous = await previousSnapshot(target, opts.force);
    const built = buildReports({ model, result, template, namnd, previous });
    const bytes = createWorkbook(built.sheets, { title: `${template.title} – ${namnd}` });
    await writeFileAtomic(target, bytes, { force: opts.force, protect: [file] });
    io.out(`  ${path.basename(target)}`);
    for (const line of built.summary) io.out(`    – ${line}`);
  }
  return EXIT_OK;
}

/** An existing output is the previous version: its answers are kept. Overwriting it needs --force. */
async function previousSnapshot(target: string, force: boolean | undefined): Promise<WorkbookSnapshot | undefined> {
  if (!existsSync(target)) return undefined;
  if (!force) {
    throw new StyrkollError('FIL', `Filen ${target} finns redan – lägg till --force för att skapa rapporten på nytt (allt som redan skrivits i de gula fälten behålls).`);
  }
  return (await loadWorkbook(target, { contractOnly: false })).snapshot;
}
