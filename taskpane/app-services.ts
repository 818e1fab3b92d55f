/**
 * The pane's real services in Excel: the only module of the pane that imports the core, the xlsx
 * adapter and the Office adapter, so the rest of taskpane/ compiles and is tested against the
 * interfaces in services.ts. The ribbon's command (commands.ts) checks through checkOpenWorkbook.
 * A check's model lives in its handle (ExcelCheckHandle), which the pane asks for reports,
 * pictures and the Koppla kolumner data.
 */
import {
  buildKontrollSheet,
  buildMarks,
  buildReports,
  FILE_TAG_NAME,
  KONTROLL_SHEET_NAME,
  fileTagValue,
  listNamnder,
  pureReportSigner,
  refuseOwnSheets,
  reportYear,
  sameNamnd,
  namndChartData,
  sheetNames,
  type CheckedWorkbook,
  type CheckProgress,
  type NamndChartData,
  type WorkbookSnapshot,
} from '../src/core';
import { createWorkbook } from '../src/xlsx/write';
import { API, clientHas, hostApiSupport, loadSettings, newLockOwner, openNewWorkbook, readSnapshot, refuseOwnKontroll, replaceSheets, saveMappingSettings, saveSettings, selectCell, withWriteLock, writeResult, type LockOwner, type StyrkollSettings } from '../src/office';
import { runInExcel } from './host';
import { createYieldToHost } from './pane/yield-to-host';
import { bundledEngine } from './engine';
import { buildMappingData } from './mapping-data';
import type { CheckHandle, CheckService, MappingData, PaneCheck, PaneServices, ReportMode, ReportOutcome, ReportRequest, ReportService } from './services';

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

/**
 * A check of the open workbook as the pane holds it: the engine's CheckedWorkbook (findings,
 * summary and the model reports are built from) and what Koppla kolumner shows for it.
 */
class ExcelCheckHandle implements CheckHandle {
  constructor(
    private readonly checked: CheckedWorkbook,
    private readonly mappingData: MappingData,
  ) {}

  namnder(): string[] {
    return listNamnder(this.checked.model);
  }

  pictures(namnd: string): NamndChartData | null {
    const { model } = this.checked;
    return namndChartData(model, namnd, reportYear(model));
  }

  mapping(): MappingData {
    return this.mappingData;
  }

  async createReports(request: ReportRequest, onProgress: (done: number, total: number) => void): Promise<ReportOutcome> {
    const template = bundledEngine().requireTemplate(request.template);
    const { model } = this.checked;
    const created: string[] = [];
    const notes: string[] = [];
    // Earlier report sheets in this workbook, read once, so the answers typed in them are kept.
    const all = listNamnder(model);
    const names = sheetNames(all);
    const reportSheets = new Set(names.map((n) => n.toLowerCase()));
    const previous = request.mode === 'sheets' ? await runInExcel((ctx) => readSnapshot(ctx, { sheets: (name) => reportSheets.has(name.toLowerCase()) })) : undefined;
    // A sheet of the user's own under a report sheet's name stops the run before anything is written.
    if (previous) refuseOwnSheets(previous, request.namnder.map((n) => names[all.findIndex((m) => sameNamnd(m, n))]).filter((n): n is string => n !== undefined));
    for (const [i, namnd] of request.namnder.entries()) {
      onProgress(i, request.namnder.length);
      const sign = pureReportSigner(model);
      const out = buildReports({ model, result: this.checked, template, namnd, previous, sign, perNamnd: request.mode === 'workbooks' });
      notes.push(...out.summary);
      if (request.mode === 'workbooks') {
        const year = reportYear(model);
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
  }
}

/**
 * Reads the open workbook, checks it and writes the Kontroll sheet and marks. Used by the pane
 * and by the ribbon's "Kontrollera budget"; settings default to those stored in the workbook. The
 * pane's thresholds go to the engine as options and win over the workbook's Inställningar rows.
 */
export async function checkOpenWorkbook(settings?: StyrkollSettings, onProgress?: (p: CheckProgress) => void): Promise<PaneCheck> {
  const engine = bundledEngine();
  const stored = settings ?? (await runInExcel((ctx) => loadSettings(ctx)));
  // A sheet of the user's own named Kontroll would be replaced: stop before reading.
  await runInExcel((ctx) => refuseOwnKontroll(ctx, KONTROLL_SHEET_NAME));
  // A large workbook is read in many syncs: the pane shows how far the read has come.
  let heads: WorkbookSnapshot | null = null;
  const snapshot = await runInExcel((ctx) =>
    readSnapshot(ctx, { onProgress: (done, total) => onProgress?.({ phase: 'indata', done, total }), onHeads: (h) => void (heads = h) }),
  );
  const checked = await engine.check(snapshot, {
    profile: stored.profile ?? undefined,
    thresholds: stored.thresholds,
    onProgress,
    yieldToHost: createYieldToHost(),
  });
  const handle = new ExcelCheckHandle(checked, buildMappingData(heads ?? snapshot, checked));
  onProgress?.({ phase: 'klart', done: 1, total: 1 });
  await runWriting((ctx, onRequest) => writeResult(ctx, { kontroll: buildKontrollSheet(checked), marks: buildMarks(checked.findings) }, { onRequest }));
  // The pane shows the findings and summary; the model stays behind the handle.
  return { result: { findings: checked.findings, summary: checked.summary }, handle };
}

function checkService(): CheckService {
  return {
    profiles: () => bundledEngine().profiles(),
    thresholds: () => bundledEngine().thresholds(),
    check: (_file, settings, onProgress) => checkOpenWorkbook(settings, onProgress),
  };
}

function reportService(): ReportService {
  const supports = hostApiSupport();
  return {
    templates: () => bundledEngine().templates(),
    // Excel.createWorkbook needs ExcelApi 1.8 in the host and an office.js that has it.
    modes: (): ReportMode[] => (supports(API.createWorkbook) && typeof Excel !== 'undefined' && clientHas(Excel, 'createWorkbook') ? ['sheets', 'workbooks'] : ['sheets']),
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
