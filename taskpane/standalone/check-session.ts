/**
 * What the standalone page's worker does: read, check, write the checked workbook and build the
 * reports, all from the bytes of one chosen file. It keeps the last check (bytes, full result) so
 * the download and the reports need no second read. Runs inside the Web Worker only.
 */
import { zipSync } from 'fflate';
import { checkWorkbook, loadRuleSet, type RuleSet } from '../../src/core';
import type { CheckProgress, CheckResult } from '../../src/core/check-types';
import { StyrkollError } from '../../src/core/errors';
import { OWN_SHEET_NAMES } from '../../src/core/input';
import { buildKontrollSheet, buildMarks } from '../../src/core/kontroll';
import { buildReports, FILE_TAG_NAME, fileTagValue, listNamnder, loadReportTemplates, pureReportSigner, reportFileName, reportYear, type ReportTemplate } from '../../src/core/report';
import { namndChartData } from '../../src/core/report/chart-data';
import type { StyrkollSettings } from '../../src/office/settings';
import { readWorkbook } from '../../src/xlsx/read';
import { createWorkbook, writeCheckedWorkbook } from '../../src/xlsx/write';
import { bundledRuleFiles } from '../rule-files';
import { buildMappingData } from '../mapping-data';
import type { ColumnMapping } from '../services';
import { withThresholds } from '../settings-snapshot';
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

interface LastCheck {
  name: string;
  bytes: Uint8Array;
  result: CheckResult;
}

export class CheckSession {
  private ruleSet: RuleSet | null = null;
  private templateMap: Map<string, ReportTemplate> | null = null;
  private last: LastCheck | null = null;

  private rules(): RuleSet {
    this.ruleSet ??= loadRuleSet(bundledRuleFiles());
    return this.ruleSet;
  }

  private templates(): Map<string, ReportTemplate> {
    this.templateMap ??= loadReportTemplates(this.rules().templates);
    return this.templateMap;
  }

  init(): InitReply {
    const rules = this.rules();
    return {
      profiles: Object.entries(rules.profiles).map(([id, p]) => ({ id, name: p.displayName })),
      thresholds: Object.values(rules.params)
        .filter((p) => p.setting)
        .map((p) => ({ key: p.setting!, description: p.description, kind: p.kind, defaultValue: p.default })),
      templates: [...this.templates().values()].map((t) => ({ id: t.id, title: t.title })),
    };
  }

  /**
   * Reads every sheet but Styrkoll's own, as `styrkoll check` does, so both give the same findings.
   * `mapping` is the page's Koppla kolumner choice for this session (as `--sheet` and `--map`).
   */
  async check(name: string, bytes: Uint8Array, settings: StyrkollSettings, onProgress: (p: CheckProgress) => void, mapping: ColumnMapping | null = null): Promise<CheckReply> {
    this.last = null;
    onProgress({ phase: 'indata', done: 0, total: 0 });
    const snapshot = await readWorkbook(bytes, { skipSheetNames: [...OWN_SHEET_NAMES] });
    const result = await checkWorkbook(withThresholds(snapshot, settings.thresholds), {
      ruleSet: this.rules(),
      profile: settings.profile ?? undefined,
      onProgress,
      mapping: mapping ?? undefined,
      // The page is served without 'unsafe-eval' in its Content-Security-Policy (src/cli/serve.ts).
      codegen: false,
    });
    onProgress({ phase: 'klart', done: 1, total: 1 });
    this.last = { name, bytes, result };
    const { model } = result;
    return {
      findings: result.findings,
      summary: result.summary,
      model: { ...model, budget: null, goals: null, indicators: null, uppdrag: null, atgarder: null },
      namnder: listNamnder(model),
      pictures: listNamnder(model).map((n) => namndChartData(model, n, reportYear(model))),
      mapping: buildMappingData(snapshot, result, mapping),
    };
  }

  private lastCheck(): LastCheck {
    if (!this.last) throw new StyrkollError('ARGUMENT', 'Kontrollera arbetsboken först.');
    return this.last;
  }

  write(): FileOut {
    const { name, bytes, result } = this.lastCheck();
    const out = writeCheckedWorkbook(bytes, { kontroll: buildKontrollSheet(result), marks: buildMarks(result.findings) });
    return { name: checkedFileName(name), bytes: out };
  }

  reports(templateId: string, namnder: string[], onProgress: (p: CheckProgress) => void): ReportsReply {
    const { result } = this.lastCheck();
    const template = this.templates().get(templateId);
    if (!template) throw new StyrkollError('MALL', `Rapportmallen ${templateId} finns inte. Välj en annan mall.`);
    const files: FileOut[] = [];
    const taken = new Set<string>();
    const notes: string[] = [];
    for (const [i, namnd] of namnder.entries()) {
      onProgress({ phase: 'regler', done: i, total: namnder.length });
      const built = buildReports({ model: result.model, result, template, namnd, sign: pureReportSigner(result.model), perNamnd: true });
      notes.push(...built.summary);
      const year = reportYear(result.model);
      const hiddenNames = [{ name: FILE_TAG_NAME, text: fileTagValue(pureReportSigner(result.model), { mall: template.id, namnd, ar: year ? String(year) : null }) }];
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
