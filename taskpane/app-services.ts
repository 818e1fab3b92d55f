/**
 * The pane's real services: the only module that imports the core and the xlsx adapter, so the
 * rest of taskpane/ compiles and is tested against the interfaces in services.ts.
 */
import { checkWorkbook, loadRuleSet } from '../src/core';
import { buildKontrollSheet, buildMarks } from '../src/core/kontroll';
import { buildReports } from '../src/core/report/build-reports';
import { FILE_TAG_NAME, fileTagValue, pureReportSigner } from '../src/core/report/integrity';
import { reportYear } from '../src/core/report/build-reports';
import { ReportTemplate } from '../src/core/report/template-schema';
import { listNamnder, sheetNames } from '../src/core/report/namnd-data';
import { namndChartData } from '../src/core/report/chart-data';
import type { CheckProgress, CheckResult } from '../src/core/check-types';
import type { RuleSet } from '../src/core/rules/load';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { StyrkollError } from '../src/core/errors';
import { createWorkbook } from '../src/xlsx/write';
import { API, clientHas, hostApiSupport, loadSettings, newLockOwner, openNewWorkbook, readSnapshot, replaceSheets, saveMappingSettings, saveSettings, selectCell, withWriteLock, writeResult, type LockOwner, type StyrkollSettings } from '../src/office';
import { runInExcel } from './host';
import { createYieldToHost } from './pane/yield-to-host';
import { bundledRuleFiles } from './rule-files';
import { buildMappingData } from './mapping-data';
import { withThresholds } from './settings-snapshot';
import type { CheckService, MappingData, PaneServices, ReportMode, ReportService, WorkbookSource } from './services';

let ruleSet: RuleSet | null = null;

/**
 * Who writes for this page. The pane (taskpane.html) and the ribbon's button (commands.html) are
 * separate runtimes and share only the workbook, so the lock lives in its settings (write-lock.ts).
 */
let writer: LockOwner = newLockOwner('rutan');

/** The ribbon's page calls this once: its writes are then the ribbon's. */
export function useRibbonWriter(): void {
  writer = newLockOwner('menyfliken');
}

/** Runs an Excel batch that writes, holding the workbook's write lock. */
export function runWriting<T>(work: (context: Excel.RequestContext, onRequest: () => void) => Promise<T>): Promise<T> {
  return runInExcel((ctx) => withWriteLock(ctx, writer, (lock) => work(ctx, lock.renew)));
}

/** The Koppla kolumner data of each result the pane got (built from the sheets' heads). */
const mappingData = new WeakMap<CheckResult, MappingData>();

/** Loaded once per page; a broken rule file becomes a Swedish REGELFIL error in the pane. */
export function bundledRuleSet(): RuleSet {
  ruleSet ??= loadRuleSet(bundledRuleFiles());
  return ruleSet;
}

async function check(snapshot: WorkbookSnapshot, settings: StyrkollSettings, onProgress?: (p: CheckProgress) => void): Promise<CheckResult> {
  return checkWorkbook(withThresholds(snapshot, settings.thresholds), {
    ruleSet: bundledRuleSet(),
    profile: settings.profile ?? undefined,
    onProgress,
    yieldToHost: createYieldToHost(),
  });
}

/**
 * Reads the open workbook, checks it and writes the Kontroll sheet and marks. Used by the pane
 * and by the ribbon's "Kontrollera budget"; settings default to those stored in the workbook.
 */
export async function checkOpenWorkbook(settings?: StyrkollSettings, onProgress?: (p: CheckProgress) => void): Promise<CheckResult> {
  const stored = settings ?? (await runInExcel((ctx) => loadSettings(ctx)));
  // A large workbook is read in many syncs: the pane shows how far the read has come.
  let heads: WorkbookSnapshot | null = null;
  const snapshot = await runInExcel((ctx) =>
    readSnapshot(ctx, { onProgress: (done, total) => onProgress?.({ phase: 'indata', done, total }), onHeads: (h) => void (heads = h) }),
  );
  const result = await check(snapshot, stored, onProgress);
  mappingData.set(result, buildMappingData(heads ?? snapshot, result));
  onProgress?.({ phase: 'klart', done: 1, total: 1 });
  await runWriting((ctx, onRequest) => writeResult(ctx, { kontroll: buildKontrollSheet(result), marks: buildMarks(result.findings) }, { onRequest }));
  return result;
}

function checkService(): CheckService {
  return {
    profiles: () => Object.entries(bundledRuleSet().profiles).map(([id, p]) => ({ id, name: p.displayName })),
    thresholds: () =>
      Object.values(bundledRuleSet().params)
        .filter((p) => p.setting)
        .map((p) => ({ key: p.setting!, description: p.description, kind: p.kind, defaultValue: p.default })),
    async check(source: WorkbookSource, settings, onProgress) {
      // Outside Excel the page checks a chosen file in its own worker (standalone-services.ts).
      if (source.kind !== 'excel') throw new Error('I Excel kontrolleras den öppna arbetsboken.');
      return checkOpenWorkbook(settings, onProgress);
    },
    mapping: (result) => mappingData.get(result) ?? null,
  };
}

function templates(): ReportTemplate[] {
  return bundledRuleSet().templates.flatMap((f) => {
    const parsed = ReportTemplate.safeParse(f.json);
    return parsed.success ? [parsed.data] : [];
  });
}

function reportService(): ReportService {
  const supports = hostApiSupport();
  return {
    templates: () => templates().map((t) => ({ id: t.id, title: t.title })),
    namnder: (result) => listNamnder(result.model),
    pictures: (result, namnd) => namndChartData(result.model, namnd, reportYear(result.model)),
    // Excel.createWorkbook needs ExcelApi 1.8 in the host and an office.js that has it.
    modes: (): ReportMode[] => (supports(API.createWorkbook) && typeof Excel !== 'undefined' && clientHas(Excel, 'createWorkbook') ? ['sheets', 'workbooks'] : ['sheets']),
    async createReports(request, onProgress) {
      const template = templates().find((t) => t.id === request.template);
      if (!template) throw new StyrkollError('MALL', `Rapportmallen ${request.template} finns inte. Välj en annan mall.`);
      const created: string[] = [];
      const notes: string[] = [];
      // Earlier report sheets in this workbook, read once, so the answers typed in them are kept.
      const reportSheets = new Set(sheetNames(listNamnder(request.result.model)).map((n) => n.toLowerCase()));
      const previous = request.mode === 'sheets' ? await runInExcel((ctx) => readSnapshot(ctx, { sheets: (name) => reportSheets.has(name.toLowerCase()) })) : undefined;
      for (const [i, namnd] of request.namnder.entries()) {
        onProgress(i, request.namnder.length);
        const sign = pureReportSigner(request.result.model);
        const out = buildReports({ model: request.result.model, result: request.result, template, namnd, previous, sign, perNamnd: request.mode === 'workbooks' });
        notes.push(...out.summary);
        if (request.mode === 'workbooks') {
          const year = reportYear(request.result.model);
          const hiddenNames = [{ name: FILE_TAG_NAME, text: fileTagValue(sign, { mall: template.id, namnd, ar: year ? String(year) : null }) }];
          await openNewWorkbook(await createWorkbook(out.sheets, { title: `${template.title} – ${namnd}`, hiddenNames }));
          created.push(`${namnd}: ny arbetsbok`);
        } else {
          await runWriting((ctx, onRequest) => replaceSheets(ctx, out.sheets, undefined, { onRequest }));
          created.push(...out.sheets.map((s) => s.name));
        }
      }
      onProgress(request.namnder.length, request.namnder.length);
      return { created, notes };
    },
  };
}

/** The pane's services inside Excel (the page outside Excel uses standalone-services.ts). */
export function createAppServices(): PaneServices {
  return {
    check: checkService(),
    reports: reportService(),
    excel: {
      loadSettings: () => runInExcel((ctx) => loadSettings(ctx)),
      saveSettings: (s) => runInExcel((ctx) => saveSettings(ctx, s)),
      selectCell: (sheet, cell) => runInExcel((ctx) => selectCell(ctx, sheet, cell)),
      // Writes into Inställningar: under the same lock as the Kontroll sheet.
      saveMapping: async (mapping) => void (await runWriting((ctx) => saveMappingSettings(ctx, mapping))),
    },
  };
}
