/**
 * The checked workbook: the original package plus Styrkoll's Kontroll sheet (last, active) and
 * marks on the user's cells. A previous run's sheet and marks are undone first from the record
 * (see record.ts), so running again replaces, never duplicates.
 */
import { mergeMarks, SEVERITY_FILLS, type CellMark, type SheetSpec } from '../../core';
import { isStyrkollError } from '../../common/errors';
import { parseA1, toA1 } from './cell-ref';
import { addNotes, removeNotes, type CreatedParts, type NoteRecord } from './notes';
import { readRecord, writeRecord, type MarkRecord, type SheetRecord, type StyrkollRecord } from './record';
import { addSpecSheet, finish, freeSheetName, openSession, replaceSpecSheet, type Session } from './session';
import { SheetEditor } from './sheet-edit';
import { findSheet, setActiveTab, type SheetEntry } from './workbook-part';
import type { PackageOptions } from './zip-package';

const MARK_FILLS = Object.values(SEVERITY_FILLS);

export function writeCheckedWorkbook(original: Uint8Array, result: { kontroll: SheetSpec; marks: CellMark[] }, options: PackageOptions = {}): Uint8Array {
  const s = openSession(original, options);
  const previous = readRecord(s.pkg, s.wb);
  const marked = new Set(result.marks.map((m) => m.sheet.toLowerCase()));
  const own = previous ? undoMarks(s, previous.record, marked) : undefined;

  const name = kontrollName(s, result.kontroll.name, own);
  const spec = { ...result.kontroll, name };
  const kontroll = own ? replaceSpecSheet(s, own, spec, true) : addSpecSheet(s, spec, true);

  const kept = new Map((previous?.record.sheets ?? []).filter((r) => marked.has(r.name.toLowerCase())).map((r) => [r.name.toLowerCase(), r.created]));
  const sheets = applyMarks(s, result.marks.filter((m) => m.sheet.toLowerCase() !== name.toLowerCase()), kept);
  // After the marks: a marked sheet was deselected in the same pass, the others are done here.
  setActiveTab(s.pkg, s.wb, s.wb.sheets.indexOf(kontroll));
  writeRecord(s.pkg, s.wb, { kontroll: name, sheets }, previous?.part ?? null);
  return finish(s);
}

/** The requested name, unless a sheet of the user's has it: then "Kontroll (2)" …, kept across runs. */
function kontrollName(s: Session, wanted: string, own: SheetEntry | undefined): string {
  const holder = findSheet(s.wb, wanted);
  if (!holder || holder === own) return wanted;
  if (own && own.name.startsWith(`${wanted.slice(0, 26)}`) && /\(\d+\)$/.test(own.name)) return own.name;
  return freeSheetName(s.wb, wanted);
}

function ctxFor(s: Session, part: string, editor: SheetEditor) {
  return { pkg: s.pkg, sheetPart: part, editor, strict: s.wb.strict, mainNs: s.wb.mainNs, relNs: s.wb.relNs, workbookPart: s.wb.part };
}

/** Undoes the previous marks; returns the previous Kontroll sheet, which is rewritten in place. */
function undoMarks(s: Session, record: StyrkollRecord, marked: Set<string>): SheetEntry | undefined {
  for (const sheetRec of record.sheets) {
    const entry = findSheet(s.wb, sheetRec.name);
    const part = entry?.kind === 'worksheet' ? entry.part : null;
    const bytes = part ? s.pkg.bytes(part, false) : undefined;
    const editor = part && bytes ? tryEditor(bytes, part) : null;
    if (!part || !editor) continue;
    for (const mark of sheetRec.marks) {
      const node = editor.cell(mark.cell);
      if (!node) continue;
      const current = Number(node.attrs.s ?? 0);
      if (current === mark.markedStyle) {
        if (mark.created && node.empty) editor.change(mark.cell, { kind: 'remove-if-empty' });
        else editor.change(mark.cell, { kind: 'style', s: mark.styleAttr ? mark.style : null });
      } else if (mark.fill && s.styles.hasMarkFill(current, MARK_FILLS)) {
        // Styles were renumbered (Excel saved the file): put the original fill back into the current style.
        editor.change(mark.cell, { kind: 'style', s: s.styles.withFillXml(current, mark.fill, mark.applyFill) });
      }
      // Otherwise the user restyled the cell since, and it is left as it is.
    }
    if (sheetRec.sheetData) editor.restoreSheetData(sheetRec.sheetData);
    const notes: NoteRecord[] = sheetRec.marks.filter((m) => m.note).map((m) => ({ ref: m.cell, kind: m.note! }));
    removeNotes(ctxFor(s, part, editor), notes, sheetRec.created, marked.has(sheetRec.name.toLowerCase()));
    s.pkg.setBytes(part, editor.apply());
  }
  const kontroll = record.kontroll ? findSheet(s.wb, record.kontroll) : undefined;
  return kontroll?.kind === 'worksheet' ? kontroll : undefined;
}

/** The core's one mark per cell (mergeMarks), grouped by sheet (lower-cased) and keyed by cell. */
function marksBySheet(marks: CellMark[]): Map<string, Map<string, CellMark>> {
  const bySheet = new Map<string, Map<string, CellMark>>();
  for (const m of mergeMarks(marks)) {
    const { row, col } = parseA1(m.cell);
    const ref = toA1(row, col);
    const key = m.sheet.toLowerCase();
    if (!bySheet.has(key)) bySheet.set(key, new Map());
    bySheet.get(key)!.set(ref, { ...m, cell: ref });
  }
  return bySheet;
}

function applyMarks(s: Session, marks: CellMark[], kept: Map<string, CreatedParts>): SheetRecord[] {
  const records: SheetRecord[] = [];
  for (const [key, cells] of marksBySheet(marks)) {
    const entry = findSheet(s.wb, key);
    const part = entry?.kind === 'worksheet' ? entry.part : null;
    const bytes = part ? s.pkg.bytes(part, false) : undefined;
    if (!entry || !part || !bytes) continue;
    const editor = tryEditor(bytes, part);
    // A sheet whose XML is broken keeps its bytes; its findings are still listed on the Kontroll sheet.
    if (!editor) continue;
    editor.deselect();
    const markRecords = new Map<string, MarkRecord>();
    for (const [ref, mark] of cells) {
      const node = editor.cell(ref);
      const style = Number(node?.attrs.s ?? 0);
      const markedStyle = s.styles.withFill(style, SEVERITY_FILLS[mark.severity]);
      editor.change(ref, { kind: 'style', s: markedStyle });
      const { fill, applyFill } = s.styles.fillOf(style);
      markRecords.set(ref, { cell: ref, style, styleAttr: node?.attrs.s !== undefined, markedStyle, fill, applyFill, created: !node, note: null });
    }
    const notes = [...cells.values()].filter((m) => m.note.trim() !== '').map((m) => ({ ref: m.cell, text: m.note }));
    const { records: noteRecords, created } = notes.length ? addNotes(ctxFor(s, part, editor), notes) : { records: [], created: {} };
    for (const n of noteRecords) markRecords.get(n.ref)!.note = n.kind;
    s.pkg.setBytes(part, editor.apply());
    const sheetData = editor.openedSheetData ?? undefined;
    // Parts created by an earlier run and reused now stay Styrkoll's to remove later.
    const earlier = kept.get(entry.name.toLowerCase()) ?? {};
    const still = (p?: string) => (p && s.pkg.has(p) ? p : undefined);
    records.push({ name: entry.name, sheetData, marks: [...markRecords.values()], created: { comments: created.comments ?? still(earlier.comments), vml: created.vml ?? still(earlier.vml) } });
  }
  return records;
}

function tryEditor(bytes: Uint8Array, part: string): SheetEditor | null {
  try {
    return new SheetEditor(bytes, part);
  } catch (e) {
    if (isStyrkollError(e) && e.code === 'TRASIG_XML') return null;
    throw e;
  }
}
