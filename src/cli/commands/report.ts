import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { StyrkollError } from '../../common/errors';
import { buildReports, fileTagValue, FILE_TAG_NAME, listNamnder, rapportnyckel, refuseOwnSheets, reportYear, sameNamnd, type ReportTemplate, reportFileNames } from '../../core';
import { reportSigner } from '../../node/report-signer';
import type { WorkbookSnapshot } from '../../core';
import { createWorkbook } from '../../xlsx/write';
import { writeGuarded } from '../../node/guarded-write';
import { describeFsError, writeFileAtomic } from '../../node/atomic-write';
import { loadEngine, loadWorkbook } from '../workbook-io';
import type { CliIo } from './check';
import { EXIT_OK } from '../errors';
import { oneLine } from '../terminal-text';

export interface ReportCommandOptions {
  type: string;
  output?: string;
  perNamnd?: string;
  namnd?: string;
  profile?: string;
  force?: boolean;
}

export async function loadTemplate(type: string): Promise<ReportTemplate> {
  const engine = await loadEngine();
  const t = engine.template(type);
  if (!t) {
    throw new StyrkollError('ARGUMENT', `Okänd rapporttyp "${type}". Välj en av: ${engine.templates().map((x) => x.id).join(', ')}.`);
  }
  return t;
}

export async function runReport(file: string, opts: ReportCommandOptions, io: CliIo): Promise<number> {
  if (!opts.output === !opts.perNamnd) {
    throw new StyrkollError('ARGUMENT', 'Ange antingen -o <ut.xlsx> (rapportbladen i en kopia av arbetsboken) eller --per-namnd <mapp> (en arbetsbok per nämnd).');
  }
  const template = await loadTemplate(opts.type);
  const input = await loadWorkbook(file, { contractOnly: false });
  const result = await (await loadEngine()).check(input.snapshot, { profile: opts.profile });
  // The check's model is the handle the reports are built from.
  const { model } = result;
  const sign = reportSigner(model);
  const keyNote = rapportnyckel(model)
    ? null
    : 'Rapporterna märks med en nyckel som härleds ur kommun och budgetår. Lägg en hemlig "Rapportnyckel" i Inställningar för att även en nämnd som läser källkoden inte ska kunna förfalska märkningen (docs/reports.md).';

  if (opts.output) {
    const previous = await previousSnapshot(opts.output, opts.force);
    const built = buildReports({ model, result, template, namnd: opts.namnd, previous, sign });
    if (built.sheets.length === 0) throw new StyrkollError('ARGUMENT', 'Arbetsboken har ingen nämnd att göra rapporter för (kolumnen Nämnd i Budget eller Mål är tom).');
    refuseOwnSheets(input.snapshot, built.sheets.map((s) => s.name));
    const out = await writeGuarded({ bytes: input.bytes, steps: [{ op: 'addSheets', specs: built.sheets, replaceExisting: true }] });
    await writeFileAtomic(opts.output, out, { force: opts.force, protect: [file] });
    io.out(`${template.title}: ${built.sheets.length} rapportblad i ${opts.output} (${oneLine(built.sheets.map((s) => s.name).join(', '))}).`);
    for (const line of built.summary) io.out(`  – ${oneLine(line)}`);
    if (keyNote) io.out(`  – ${keyNote}`);
    return EXIT_OK;
  }

  const dir = opts.perNamnd!;
  await fs.mkdir(dir, { recursive: true }).catch((err) => {
    throw new StyrkollError('FIL', `Kan inte skapa mappen ${dir}: ${err instanceof Error ? err.message : String(err)}.`);
  });
  const namnder = listNamnder(model).filter((n) => !opts.namnd || sameNamnd(n, opts.namnd));
  if (namnder.length === 0) throw new StyrkollError('ARGUMENT', opts.namnd ? `Nämnden "${opts.namnd}" finns inte i arbetsboken. Nämnder: ${listNamnder(model).join(', ')}.` : 'Arbetsboken har ingen nämnd att göra rapporter för (kolumnen Nämnd i Budget eller Mål är tom).');
  // Every file name is settled for all nämnder first (collisions, reserved and over-long names).
  const all = listNamnder(model);
  const fileNames = reportFileNames(all);
  const targets = namnder.map((namnd) => ({ namnd, target: path.join(dir, fileNames[all.indexOf(namnd)]) }));
  // Refuse before writing anything, so a run without --force never leaves half the files new.
  const existing = targets.filter((t) => existsSync(t.target));
  if (existing.length && !opts.force) {
    throw new StyrkollError('FIL', `${existing.length === 1 ? 'Filen' : 'Filerna'} ${existing.map((t) => t.target).join(', ')} finns redan – lägg till --force för att skapa rapporterna på nytt (allt som redan skrivits i de gula fälten behålls).`);
  }
  io.out(`${template.title}: en arbetsbok per nämnd i ${dir}`);
  const year = reportYear(model);
  const outputs: { namnd: string; target: string; bytes: Uint8Array; summary: string[] }[] = [];
  for (const { namnd, target } of targets) {
    const previous = await previousSnapshot(target, opts.force);
    const built = buildReports({ model, result, template, namnd, previous, sign, perNamnd: true });
    const bytes = createWorkbook(built.sheets, {
      title: `${template.title} – ${namnd}`,
      hiddenNames: [{ name: FILE_TAG_NAME, text: fileTagValue(sign, { mall: template.id, namnd, ar: year ? String(year) : null }) }],
    });
    outputs.push({ namnd, target, bytes, summary: built.summary });
  }
  await replaceAll(dir, outputs, file);
  for (const o of outputs) {
    const plain = `${o.namnd}.xlsx`;
    io.out(`  ${oneLine(path.basename(o.target))}${path.basename(o.target) !== plain ? `  (för ${oneLine(JSON.stringify(o.namnd.length > 60 ? o.namnd.slice(0, 60) + '…' : o.namnd))}: namnet går inte att använda som filnamn eller krockar med en annan nämnds)` : ''}`);
    for (const line of o.summary) io.out(`    – ${oneLine(line)}`);
  }
  if (keyNote) io.out(`  – ${keyNote}`);
  return EXIT_OK;
}

/**
 * Writes every report into a temporary folder beside the targets, then moves them into place
 * together: a failure leaves the old set (or, when nothing existed, no file) and says why.
 */
async function replaceAll(dir: string, outputs: { target: string; bytes: Uint8Array }[], input: string): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = path.join(dir, `.styrkoll-ny-${stamp}`);
  const backup = path.join(dir, `.styrkoll-gammal-${stamp}`);
  const inputAbs = path.resolve(input);
  for (const o of outputs) {
    if (path.resolve(o.target) === inputAbs) throw new StyrkollError('FIL', `Rapporten ${o.target} skulle skriva över indatafilen – välj en annan mapp.`);
  }
  const moved: { target: string; old: string | null }[] = [];
  try {
    await fs.mkdir(staging);
    await fs.mkdir(backup);
    for (const [i, o] of outputs.entries()) await fs.writeFile(path.join(staging, `${i}.xlsx`), o.bytes);
    for (const [i, o] of outputs.entries()) {
      const old = existsSync(o.target) ? path.join(backup, `${i}.xlsx`) : null;
      if (old) await fs.rename(o.target, old);
      moved.push({ target: o.target, old });
      await fs.rename(path.join(staging, `${i}.xlsx`), o.target);
    }
  } catch (err) {
    // Put the old set back.
    for (const m of moved.reverse()) {
      await fs.rm(m.target, { force: true }).catch(() => undefined);
      if (m.old) await fs.rename(m.old, m.target).catch(() => undefined);
    }
    throw new StyrkollError('FIL', `Kunde inte skriva rapporterna i ${dir}: ${describeFsError(err)}. Inga rapporter ändrades.`);
  } finally {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await fs.rm(backup, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** An existing output is the previous version: its answers are kept. Overwriting it needs --force. */
async function previousSnapshot(target: string, force: boolean | undefined): Promise<WorkbookSnapshot | undefined> {
  if (!existsSync(target)) return undefined;
  if (!force) {
    throw new StyrkollError('FIL', `Filen ${target} finns redan – lägg till --force för att skapa rapporten på nytt (allt som redan skrivits i de gula fälten behålls).`);
  }
  return (await loadWorkbook(target, { contractOnly: false })).snapshot;
}
