import type { SheetSpec } from '../core';
import { hostApiSupport, type ApiSupport } from './api-support';
import { renderSheetSpec } from './render-sheet-spec';
import { SyncBatcher } from './sync-batcher';
import { freeTemporaryName, leftoverSheets, queueJournal, TEMP_SHEETS_KEY } from './write-journal';

/**
 * Writes sheets (reports) into this workbook. A sheet with the same name is replaced: the new one
 * is added under a free temporary name first (`Rapport_ny`, or `Rapport_ny2` when the user has a
 * sheet called `Rapport_ny`), then the old one deleted and the new one renamed. The temporary
 * names are listed in the workbook settings before any sheet is added, so a write Excel stops
 * half-way leaves nothing the next write does not remove (write-journal.ts).
 */
export async function replaceSheets(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  supports: ApiSupport = hostApiSupport(),
  options: { onRequest?: () => void } = {},
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const journal = context.workbook.settings.getItemOrNullObject(TEMP_SHEETS_KEY);
  journal.load('value');
  await context.sync();
  const leftovers = leftoverSheets(sheets.items, journal);
  const present = sheets.items.filter((ws) => !leftovers.includes(ws));
  const named = (name: string) => present.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  const taken = new Set(present.map((s) => s.name.toLowerCase()));
  for (const spec of specs) taken.add(spec.name.toLowerCase());
  const temps = new Map<SheetSpec, string>();
  for (const spec of specs) {
    if (!named(spec.name)) continue;
    const temp = freeTemporaryName(spec.name, taken);
    taken.add(temp.toLowerCase());
    temps.set(spec, temp);
  }

  const batch = new SyncBatcher(context, {
    beforeBatch: () => {
      options.onRequest?.();
      context.application.suspendApiCalculationUntilNextSync();
    },
  });
  // First request: the journal, still naming the leftovers until they are gone.
  await batch.add(256, () => queueJournal(context.workbook, [...new Set([...leftovers.map((ws) => ws.name), ...temps.values()])]));
  for (const ws of leftovers) await batch.add(32, () => ws.delete());
  for (const spec of specs) {
    const old = named(spec.name);
    let ws!: Excel.Worksheet;
    await batch.add(64, () => {
      ws = sheets.add(temps.get(spec) ?? spec.name);
    });
    await renderSheetSpec(ws, spec, batch, supports);
    if (old) {
      await batch.add(64, () => {
        old.delete();
        ws.name = spec.name;
      });
    }
  }
  await batch.add(64, () => queueJournal(context.workbook, []));
  await batch.flush();
}
