import type { CellMark, SheetSpec } from '../core';
import { API, hostApiSupport, type ApiSupport } from './api-support';
import { MARK_FILLS, MARK_RECORD_KEY, mergeMarks, normalizeFill, parseRecord, sameColor, type MarkEntry, type MarkRecord, type MergedMark } from './mark-record';
import { renderSheetSpec } from './render-sheet-spec';
import { OP_OVERHEAD_BYTES } from './payload';
import { SyncBatcher } from './sync-batcher';

export interface WriteOptions {
  supports?: ApiSupport;
  /** Payload budget per request (bytes); the default keeps requests under 4 MB. */
  maxRequestBytes?: number;
}

interface PreviousCell {
  sheet: string;
  entry: MarkEntry;
  range: Excel.Range;
  note: Excel.Note | null;
}

interface NewCell {
  mark: MergedMark;
  ws: Excel.Worksheet;
  range: Excel.Range;
  existingNote: Excel.Note | null;
}

/**
 * Writes the Kontroll sheet and marks the findings' cells. In the user's sheets only fills and
 * notes change, never a value; the previous run's marks are undone first and the previous
 * Kontroll sheet replaced, so a re-run leaves exactly one Kontroll sheet and no stale marks.
 */
export async function writeResult(
  context: Excel.RequestContext,
  result: { kontroll: SheetSpec; marks: CellMark[] },
  options: WriteOptions = {},
): Promise<void> {
  const supports = options.supports ?? hostApiSupport();
  const wb = context.workbook;

  // 1: sheet names and the record of the previous run.
  wb.worksheets.load('items/name');
  const stored = wb.settings.getItemOrNullObject(MARK_RECORD_KEY);
  stored.load('value');
  await context.sync();

  // Notes need ExcelApi 1.18 in the host and an office.js that has them: a host can report 1.18
  // while the loaded library predates notes, and ws.notes is then undefined.
  const notes = supports(API.notes) && wb.worksheets.items.length > 0 && 'notes' in wb.worksheets.items[0];
  const byName = new Map(wb.worksheets.items.map((ws) => [ws.name, ws]));
  const previous: MarkRecord = stored.isNullObject ? { v: 1, sheets: {} } : parseRecord(stored.value);
  const kontrollName = result.kontroll.name;
  const oldKontroll = wb.worksheets.items.find((ws) => ws.name.toLowerCase() === kontrollName.toLowerCase()) ?? null;
  // A run interrupted by a host error can leave the temporary sheet behind; it would make every
  // later run fail with ItemAlreadyExists, so it goes first.
  const tempName = temporaryName(kontrollName);
  const leftover = wb.worksheets.items.find((ws) => ws.name.toLowerCase() === tempName.toLowerCase()) ?? null;
  if (leftover) byName.delete(leftover.name);

  // 2: current fills (and notes) of the cells marked last time and of the cells to mark now, in
  // requests under the budget (each load costs as much framing as a write).
  const loads = new SyncBatcher(context, { maxBytes: options.maxRequestBytes });
  const prevCells: PreviousCell[] = [];
  for (const [sheet, entries] of Object.entries(previous.sheets)) {
    const ws = byName.get(sheet);
    if (!ws || ws === oldKontroll) continue;
    for (const entry of entries) {
      const withNote = notes && entry[3] === 1;
      await loads.add(withNote ? OP_OVERHEAD_BYTES : 0, () => {
        const range = ws.getRange(entry[0]);
        range.format.fill.load('color');
        const note = withNote ? ws.notes.getItemOrNullObject(entry[0]) : null;
        note?.load('content');
        prevCells.push({ sheet, entry, range, note });
      });
    }
  }
  const newCells: NewCell[] = [];
  for (const mark of mergeMarks(result.marks)) {
    if (!byName.has(mark.sheet) || mark.sheet.toLowerCase() === kontrollName.toLowerCase()) continue;
    await loads.add(notes ? OP_OVERHEAD_BYTES : 0, () => {
      const ws = byName.get(mark.sheet)!;
      const range = ws.getRange(mark.cell);
      range.format.fill.load('color');
      const existingNote = notes ? ws.notes.getItemOrNullObject(mark.cell) : null;
      existingNote?.load('content');
      newCells.push({ mark, ws, range, existingNote });
    });
  }
  await context.sync();

  const batch = new SyncBatcher(context, {
    maxBytes: options.maxRequestBytes,
    beforeBatch: () => {
      context.application.suspendApiCalculationUntilNextSync();
      if (supports(API.suspendScreenUpdating)) context.application.suspendScreenUpdatingUntilNextSync();
    },
  });

  // Undo the previous run's marks where the user has not changed the fill since.
  const originalFill = new Map<string, string | null>();
  const ownNotes = new Set<string>();
  for (const p of prevCells) {
    const [cell, before, applied, hadNote] = p.entry;
    const key = `${p.sheet}\u0000${cell}`;
    if (sameColor(p.range.format.fill.color, applied)) {
      originalFill.set(key, before);
      await batch.add(48, () => (before === null ? p.range.format.fill.clear() : (p.range.format.fill.color = before)));
    }
    if (hadNote && p.note && !p.note.isNullObject) {
      ownNotes.add(key);
      await batch.add(32, () => p.note!.delete());
    }
  }

  // A fresh Kontroll sheet: added under a temporary name first, so the workbook never runs out of sheets.
  if (leftover) await batch.add(32, () => leftover.delete());
  const sheet = await addSheet(batch, wb, oldKontroll ? tempName : kontrollName);
  await renderSheetSpec(sheet, result.kontroll, batch, supports);
  if (oldKontroll) {
    await batch.add(32, () => {
      oldKontroll.delete();
      sheet.name = kontrollName;
    });
  }

  // New marks: fills, and notes only where the cell has no note of the user's.
  const record: MarkRecord = { v: 1, sheets: {} };
  for (const n of newCells) {
    const key = `${n.mark.sheet}\u0000${n.mark.cell}`;
    const current = normalizeFill(n.range.format.fill.color);
    const before = originalFill.has(key) ? originalFill.get(key)! : current;
    const applied = MARK_FILLS[n.mark.severity];
    const userNote = n.existingNote && !n.existingNote.isNullObject && !ownNotes.has(key);
    const addNote = notes && !userNote && n.mark.note !== '';
    await batch.add(n.mark.note.length * 2 + 64, () => {
      n.range.format.fill.color = applied;
      if (addNote) n.ws.notes.add(n.range, n.mark.note);
    });
    (record.sheets[n.mark.sheet] ??= []).push([n.mark.cell, before, applied, addNote ? 1 : 0]);
  }
  const recordText = JSON.stringify(record);
  await batch.add(recordText.length, () => {
    wb.settings.add(MARK_RECORD_KEY, recordText);
    sheet.activate();
  });
  await batch.flush();
}

/** The name a new sheet has until the old one of `name` is deleted (at most 31 characters). */
export function temporaryName(name: string): string {
  return `${name.slice(0, 27)}_ny`;
}

async function addSheet(batch: SyncBatcher, wb: Excel.Workbook, name: string): Promise<Excel.Worksheet> {
  let sheet!: Excel.Worksheet;
  await batch.add(32, () => {
    sheet = wb.worksheets.add(name);
  });
  return sheet;
}
