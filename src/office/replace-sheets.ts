import type { SheetSpec } from '../core';
import { hostApiSupport, type ApiSupport } from './api-support';
import { renderSheetSpec } from './render-sheet-spec';
import { SyncBatcher } from './sync-batcher';
import { temporaryName } from './write-result';

/**
 * Writes sheets (reports) into this workbook. A sheet with the same name is replaced: the new one
 * is added under a temporary name first, then the old one deleted and the new one renamed.
 */
export async function replaceSheets(context: Excel.RequestContext, specs: SheetSpec[], supports: ApiSupport = hostApiSupport()): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const batch = new SyncBatcher(context, { beforeBatch: () => context.application.suspendApiCalculationUntilNextSync() });
  const named = (name: string) => sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  const wanted = new Set(specs.map((s) => s.name.toLowerCase()));
  for (const spec of specs) {
    const old = named(spec.name);
    // A temporary sheet left by an interrupted run would make the add fail with ItemAlreadyExists.
    const tempName = temporaryName(spec.name);
    const leftover = wanted.has(tempName.toLowerCase()) ? null : named(tempName);
    if (leftover) await batch.add(32, () => leftover.delete());
    let ws!: Excel.Worksheet;
    await batch.add(64, () => {
      ws = sheets.add(old ? tempName : spec.name);
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
