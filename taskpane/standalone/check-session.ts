/**
 * What the standalone page's worker does: read, check, write the checked workbook and build the
 * reports, all from the bytes of one chosen file. It keeps the last check (bytes, full result) so
 * the download and the reports need no second read. Each check has an id, which the page sends
 * back with every download and report request; only the last check is kept, and a request for
 * any other is refused, never answered from the wrong check. Runs inside the Web Worker only.
 */
import { zipSync } from 'fflate';
import {
  buildKontrollSheet,
  buildMarks,
  buildReports,
  FILE_TAG_NAME,
  fileTagValue,
  listNamnder,
  namndChartData,
  OWN_SHEET_NAMES,
  pureReportSigner,
  reportFileName,
  reportYear,
  StyrkollError,
  type CheckedWorkbook,
  type CheckProgress,
} from '../../src/core';
import type { StyrkollSettings } from '../../src/office/settings';
import { readWorkbook } from '../../src/xlsx/read';
import { createWorkbook, writeCheckedWorkbook } from '../../src/xlsx/write';
import { bundledEngine } from '../engine';
import { buildMappingData } from '../mapping-data';
import type { ColumnMapping } from '../services';
import type { CheckReply, FileOut, InitReply, ReportsReply } from './worker-protocol';

/** "budget.xlsx" → "budget-kontroll.xlsx"; a macro workbook keeps .xlsm, which Excel requires. */
export function checkedFileName(original: string): string {
  const m = /^(.*?)(\.xls[xm])?$/i.exec(original.trim())!;
  const base = m[1] || 'arbetsbok';
  const ext = m[2]?.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  return `${base}-kontroll${ext}`;
}

/** A file name from a nämnd's name, valid on Windows, macOS and Linux (as the CLI's --per-namnd). */

/** "rapporter-<typ>.zip", with the template id made safe for a file name. */
export function zipFileName(template: string): string {
  return `rapporter-${template.replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'mall'}.zip`;
}

/** Said when a request names a check the worker no longer holds (a newer check has replaced it). */
export const CHECK_REPLACED = 'Kontrollen som rapporterna skulle byggas på har ersatts av en nyare kontroll. Kontrollera igen och skapa rapporterna därefter.';
export const CHECK_REPLACED_DOWNLOAD = 'Kontrollen som arbetsboken skulle byggas på har ersatts av en nyare kontroll. Kontrollera igen och ladda ner arbetsboken därefter.';

interface LastCheck {
  /** The id the page sends back to ask for this check's download and reports. */
  id: number;
  name: string;
  bytes: Uint8Array;
  /** The findings, the summary and the model (the handle the reports are built from). */
  checked: CheckedWorkbook;
}

export class CheckSession {
  /** Only the latest check is held (memory stays bounded); older ids are refused. */
  private last: LastCheck | null = null;
  private nextCheckId = 1;

  init(): InitReply {
    const engine = bundledEngine();
    return { profiles: engine.profiles(), thresholds: engine.thresholds(), templates: engine.templates() };
  }

  /**
   * Reads every sheet but Styrkoll's own, as `styrkoll check` does, so both give the same findings.
   * `mapping` is the page's Koppla kolumner choice for this session (as `--sheet` and `--map`).
   */
  async check(name: string, bytes: Uint8Array, settings: StyrkollSettings, onProgress: (p: CheckProgress) => void, mapping: ColumnMapping | null = null): Promise<CheckReply> {
    // From here on no earlier check's id is held, whether or not this one succeeds.
    this.last = null;
    const id = this.nextCheckId++;
    onProgress({ phase: 'indata', done: 0, total: 0 });
    const snapshot = await readWorkbook(bytes, { skipSheetNames: [...OWN_SHEET_NAMES] });
    const checked = await bundledEngine().check(snapshot, {
      profile: settings.profile ?? undefined,
      thresholds: settings.thresholds,
      onProgress,
      mapping: mapping ?? undefined,
      // The page is served without 'unsafe-eval' in its Content-Security-Policy (src/cli/serve.ts).
      codegen: false,
    });
    onProgress({ phase: 'klart', done: 1, total: 1 });
    this.last = { id, name, bytes, checked };
    // The findings, summary, nämnder and pictures go to the page; the model stays here for the reports.
    const { model } = checked;
    return {
      checkId: id,
      findings: checked.findings,
      summary: checked.summary,
      namnder: listNamnder(model),
      pictures: listNamnder(model).map((n) => namndChartData(model, n, reportYear(model))),
      mapping: buildMappingData(snapshot, checked, mapping),
    };
  }

  /** The check with this id, if it is still the one held; else a clear Swedish refusal. */
  private held(checkId: number, replaced: string): LastCheck {
    if (this.last && this.last.id === checkId) return this.last;
    if (this.nextCheckId === 1) throw new StyrkollError('ARGUMENT', 'Kontrollera arbetsboken först.');
    throw new StyrkollError('ARGUMENT', replaced);
  }

  write(checkId: number): FileOut {
    const { name, bytes, checked } = this.held(checkId, CHECK_REPLACED_DOWNLOAD);
    const out = writeCheckedWorkbook(bytes, { kontroll: buildKontrollSheet(checked), marks: buildMarks(checked.findings) });
    return { name: checkedFileName(name), bytes: out };
  }

  reports(checkId: number, templateId: string, namnder: string[], onProgress: (p: CheckProgress) => void): ReportsReply {
    const { checked } = this.held(checkId, CHECK_REPLACED);
    const { model } = checked;
    const template = bundledEngine().requireTemplate(templateId);
    const files: FileOut[] = [];
    const taken = new Set<string>();
    const notes: string[] = [];
    for (const [i, namnd] of namnder.entries()) {
      onProgress({ phase: 'regler', done: i, total: namnder.length });
      const built = buildReports({ model, result: checked, template, namnd, sign: pureReportSigner(model), perNamnd: true });
      notes.push(...built.summary);
      const year = reportYear(model);
      const hiddenNames = [{ name: FILE_TAG_NAME, text: fileTagValue(pureReportSigner(model), { mall: template.id, namnd, ar: year ? String(year) : null }) }];
      files.push({ name: uniqueName(taken, reportFileName(namnd)), bytes: createWorkbook(built.sheets, { title: `${template.title} – ${namnd}`, hiddenNames }) });
    }
    onProgress({ phase: 'klart', done: namnder.length, total: namnder.length });
    const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const f of files) entries[f.name] = [f.bytes, { level: 0 }];
    return { files, zip: { name: zipFileName(template.id), bytes: zipSync(entries) }, notes };
  }
}

/** Two nämnder whose names clean to the same file name still get two files. */
function uniqueName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = name.replace(/\.xlsx$/, ` (${n}).xlsx`);
  taken.add(candidate.toLowerCase());
  return candidate;
}
