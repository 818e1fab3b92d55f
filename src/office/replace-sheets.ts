import type { SheetSpec } from '../core/sheet-spec';
import { hostApiSupport, type ApiSupport } from './api-support';
import { renderSheetSpec } from './render-sheet-spec';
import { SyncBatcher } from './sync-batcher';

/**
 * Writes sheets (reports) into this workbook. A sheet with the same name is replaced: the new one
 * is added under a temporary name first, then the old one deleted and the new one renamed.
 */
export async function replaceSheets(context: Excel.RequestContext, specs: SheetSpec[], supports: ApiSupport = hostApiSupport()): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const batch = new SyncBatcher(context, { beforeBatch: () => context.application.suspendApiCalculationUntilNextSync() });
  for (const spec of specs) {
    const old = sheets.items.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    let ws!: Excel.Worksheet;
    await batch.add(64, () => {
      ws = sheets.add(old ? `${spec.name.slice(0, 27)}_ny` : spec.name);
    });
    await renderSheetSpec(ws, spec, batch, supports);
    if (old) {
      await batch.add(64, () => {
        old.delete();
        ws.name = spec.name;
      });
    }
  }
  await batch.flush();
}
