import type { CellMark, SheetSpec } from '../core';
import { hasStyrkollTitle, StyrkollError } from '../core';
import { API, canUse, hostApiSupport, type ApiSupport } from './api-support';
import { MARK_FILLS, MARK_RECORD_KEY, mergeMarks, normalizeFill, parseRecord, sameColor, type MarkEntry, type MarkRecord, type MergedMark } from './mark-record';
import { renderSheetSpec } from './render-sheet-spec';
import { OP_OVERHEAD_BYTES, jsonBytes } from './payload';
import { SyncBatcher } from './sync-batcher';
import { freeTemporaryName, leftoverSheets, queueJournal, TEMP_SHEETS_KEY } from './write-journal';

export interface WriteOptions {
  supports?: ApiSupport;
  /** Payload budget per request (bytes); the default keeps requests under 4 MB. */
  maxRequestBytes?: number;
  /** Queued at the start of every write request (the write lock's renewal). */
  onRequest?: () => void;
}

/** A cell whose fill (and note) were loaded in step 2. */
interface LoadedCell {
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

/**
 * Writes the Kontroll sheet and marks the findings' cells. In the user's sheets only fills and
 * notes change, never a value; the previous run's marks are undone first and the previous
 * Kontroll sheet replaced, so a re-run leaves exactly one Kontroll sheet and no stale marks. The
 * sheet is built under a temporary name and renamed when complete, so a sheet named Kontroll is
 * never a broken run's (checkOpenWorkbook refuses to replace one of the user's own).
 *
 * Excel does not roll back syncs already done, so the write may stop after any of its requests
 * and leave work half done. What makes that repairable: the temporary sheet is named in the
 * workbook settings before it is added (write-journal.ts), and before the first fill changes the
 * mark record lists every cell that may then carry a Styrkoll fill (the previous marks still in
 * place and the new ones), so the next run finds and undoes any fill this one applied.
 */
export async function writeResult(
  context: Excel.RequestContext,
  result: { kontroll: SheetSpec; marks: CellMark[] },
  options: WriteOptions = {},
): Promise<void> {
  const supports = options.supports ?? hostApiSupport();
  const wb = context.workbook;

  // 1: sheet names, the record of the previous run and the temporary sheets an interrupted write left.
  wb.worksheets.load('items/name');
  const stored = wb.settings.getItemOrNullObject(MARK_RECORD_KEY);
  stored.load('value');
  const journal = wb.settings.getItemOrNullObject(TEMP_SHEETS_KEY);
  journal.load('value');
  await context.sync();

  // Notes need ExcelApi 1.18 in the host and an office.js that has them: a host can report 1.18
  // while the loaded library predates notes, and ws.notes is then undefined.
  const notes = wb.worksheets.items.length > 0 && canUse(supports, API.notes, wb.worksheets.items[0], 'notes');
  const leftovers = leftoverSheets(wb.worksheets.items, journal);
  const sheets = wb.worksheets.items.filter((ws) => !leftovers.includes(ws));
  const byName = new Map(sheets.map((ws) => [ws.name, ws]));
  const previous: MarkRecord = stored.isNullObject ? { v: 1, sheets: {} } : parseRecord(stored.value);
  const kontrollName = result.kontroll.name;
  const oldKontroll = sheets.find((ws) => ws.name.toLowerCase() === kontrollName.toLowerCase()) ?? null;
  // Always a temporary name first: a Kontroll sheet then only ever exists complete, so one under
  // that name without Styrkoll's title is the user's own (refuseOwnKontroll), never a broken run's.
  const tempName = freeTemporaryName(kontrollName, new Set(sheets.map((ws) => ws.name.toLowerCase())));

  // 2: current fills (and notes) of the cells marked last time and of the cells to mark now, each
  // cell once, in requests under the budget (each load costs as much framing as a write).
  const loads = new SyncBatcher(context, { maxBytes: options.maxRequestBytes });
  const loaded = new Map<string, LoadedCell>();
  const load = async (sheet: string, cell: string, withNote: boolean): Promise<void> => {
    const key = cellKey(sheet, cell);
    if (loaded.has(key)) return;
    const ws = byName.get(sheet)!;
    await loads.add(withNote ? OP_OVERHEAD_BYTES : 0, () => {
      const fill = ws.getRange(cell).format.fill;
      fill.load('color');
      const note = withNote ? ws.notes.getItemOrNullObject(cell) : null;
      note?.load('content');
      loaded.set(key, { fill, note });
    });
  };
  // The previous record may list a cell more than once (a run stopped after writing its pending record).
  const prevByCell = new Map<string, { sheet: string; cell: string; entries: MarkEntry[] }>();
  for (const [sheet, entries] of Object.entries(previous.sheets)) {
    const ws = byName.get(sheet);
    if (!ws || ws === oldKontroll) continue;
    for (const entry of entries) {
      const key = cellKey(sheet, entry[0]);
      const p = prevByCell.get(key) ?? { sheet, cell: entry[0], entries: [] };
      p.entries.push(entry);
      prevByCell.set(key, p);
    }
  }
  for (const p of prevByCell.values()) await load(p.sheet, p.cell, notes);
  const marks = mergeMarks(result.marks).filter((m) => byName.has(m.sheet) && m.sheet.toLowerCase() !== kontrollName.toLowerCase());
  for (const m of marks) await load(m.sheet, m.cell, notes);
  await loads.flush();

  // The colours as plain values. Only the fills are loaded, never their ranges: a loaded range is
  // tracked by Excel.run and released in one clean-up request at its end (about 82 bytes each),
  // while a RangeFill is not kept by Excel at all, so thousands of cells leave nothing to release.
  const fills = new Map<string, string | null>();
  const noteOf = new Map<string, Excel.Note | null>();
  for (const [key, c] of loaded) {
    fills.set(key, c.fill.color);
    noteOf.set(key, c.note);
  }
  loaded.clear();

  const batch = new SyncBatcher(context, {
    maxBytes: options.maxRequestBytes,
    beforeBatch: () => {
      options.onRequest?.();
      context.application.suspendApiCalculationUntilNextSync();
      if (canUse(supports, API.suspendScreenUpdating, context.application, 'suspendScreenUpdatingUntilNextSync')) context.application.suspendScreenUpdatingUntilNextSync();
    },
  });
  const fillOf = (sheet: string, cell: string) => byName.get(sheet)!.getRange(cell).format.fill;

  // Which previous marks are still in place: the last record entry whose fill the cell still has.
  // A cell whose fill matches none was changed by the user and is left alone.
  const stillMarked = new Map<string, { sheet: string; cell: string; entry: MarkEntry; hadNote: boolean }>();
  for (const [key, p] of prevByCell) {
    const current = fills.get(key);
    const entry = [...p.entries].reverse().find((e) => sameColor(current, e[2]));
    const hadNote = p.entries.some((e) => e[3] === 1);
    if (entry || hadNote) stillMarked.set(key, { sheet: p.sheet, cell: p.cell, entry: entry ?? p.entries[p.entries.length - 1], hadNote });
  }

  // The new record: a cell's fill before the mark is the one before the previous mark if that
  // mark is still in place.
  const record: MarkRecord = { v: 1, sheets: {} };
  const newEntries: { mark: MergedMark; entry: MarkEntry; addNote: boolean }[] = [];
  for (const mark of marks) {
    const key = cellKey(mark.sheet, mark.cell);
    const prev = stillMarked.get(key);
    const current = normalizeFill(fills.get(key));
    const before = prev && sameColor(fills.get(key), prev.entry[2]) ? prev.entry[1] : current;
    const note = noteOf.get(key);
    const userNote = !!note && !note.isNullObject && !prev?.hadNote;
    const addNote = notes && !userNote && mark.note !== '';
    const entry: MarkEntry = [mark.cell, before, MARK_FILLS[mark.severity], addNote ? 1 : 0];
    newEntries.push({ mark, entry, addNote });
    (record.sheets[mark.sheet] ??= []).push(entry);
  }

  // 3, first request: the temporary sheet's name and the pending record (previous marks still in
  // place, then the new ones) go before any sheet is added or any fill changes.
  const pending: MarkRecord = { v: 1, sheets: {} };
  for (const p of stillMarked.values()) if (sameColor(fills.get(cellKey(p.sheet, p.cell)), p.entry[2]) || p.hadNote) (pending.sheets[p.sheet] ??= []).push(p.entry);
  for (const n of newEntries) (pending.sheets[n.mark.sheet] ??= []).push(n.entry);
  const pendingText = JSON.stringify(pending);
  await batch.add(jsonBytes(pendingText) + 128, () => {
    // The leftovers stay listed until they are deleted, so a stop before then still finds them.
    queueJournal(wb, [...new Set([...leftovers.map((ws) => ws.name), tempName])]);
    wb.settings.add(MARK_RECORD_KEY, pendingText);
  });
  for (const ws of leftovers) await batch.add(32, () => ws.delete());

  // Undo the previous run's marks where the user has not changed the fill since.
  for (const [key, p] of stillMarked) {
    const [cell, before, applied] = p.entry;
    if (sameColor(fills.get(key), applied)) {
      await batch.add(48, () => {
        const fill = fillOf(p.sheet, cell);
        if (before === null) fill.clear();
        else fill.color = before;
      });
    }
    const note = noteOf.get(key);
    if (p.hadNote && note && !note.isNullObject) await batch.add(32, () => note.delete());
  }

  // A fresh Kontroll sheet: added under a temporary name first, so the workbook never runs out of sheets.
  const sheet = await addSheet(batch, wb, tempName);
  await renderSheetSpec(sheet, result.kontroll, batch, supports);
  await batch.add(32, () => {
    oldKontroll?.delete();
    sheet.name = kontrollName;
  });

  // New marks: fills, and notes only where the cell has no note of the user's.
  for (const n of newEntries) {
    await batch.add(n.mark.note.length * 2 + 64, () => {
      const range = byName.get(n.mark.sheet)!.getRange(n.mark.cell);
      range.format.fill.color = n.entry[2];
      if (n.addNote) byName.get(n.mark.sheet)!.notes.add(range, n.mark.note);
    });
  }
  // Done: the record of this run only, and no temporary sheet left to clean up.
  const recordText = JSON.stringify(record);
  await batch.add(jsonBytes(recordText) + 64, () => {
    wb.settings.add(MARK_RECORD_KEY, recordText);
    queueJournal(wb, []);
    sheet.activate();
  });
  await batch.flush();
}

const cellKey = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

async function addSheet(batch: SyncBatcher, wb: Excel.Workbook, name: string): Promise<Excel.Worksheet> {
  let sheet!: Excel.Worksheet;
  await batch.add(32, () => {
    sheet = wb.worksheets.add(name);
  });
  return sheet;
}

/**
 * The Kontroll sheet replaces only a sheet Styrkoll wrote under its name: one whose A1 is the
 * title "Styrkoll – kontroll av …" (writeResult builds it under a temporary name and renames it
 * when complete, so no broken run leaves one without). A sheet of the user's own named Kontroll –
 * notes, a check of their own – stops the check before anything is written, with a Swedish
 * message that says which sheet to rename; `check -o` writes beside it as "Kontroll (2)" instead.
 */
export async function refuseOwnKontroll(context: Excel.RequestContext, name: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load('name');
  await context.sync();
  if (sheet.isNullObject) return;
  const a1 = sheet.getRange('A1');
  a1.load('values');
  await context.sync();
  if (hasStyrkollTitle(a1.values?.[0]?.[0])) return;
  throw new StyrkollError(
    'ARGUMENT',
    `Arbetsboken har redan ett eget blad som heter "${sheet.name}", och Styrkolls kontrollblad skulle ersätta det. Byt namn på bladet och kör igen.`,
  );
}
