/**
 * Edits cells of an existing worksheet part in place: a cell's style index or value, adding the
 * cell or row when missing. The part is scanned once as bytes (sheet-index.ts), never parsed
 * into a tree; everything not edited keeps its bytes.
 */
import { StyrkollError } from '../../common/errors';
import type { CellValue } from '../../core';
import { parseA1, toA1 } from './cell-ref';
import { SheetIndex, type CellInfo, type TopElement } from './sheet-index';
import { cellXml } from './sheet-render';
import { attrsOf, ByteEdit, decodeBytes, nextTag, setAttrEdit, skipElement, type Tag } from './xml-bytes';

export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export type CellChange =
  | { kind: 'style'; s: number | null }
  | { kind: 'value'; v: CellValue; s?: number }
  | { kind: 'remove-if-empty' };

export type { CellInfo, TopElement } from './sheet-index';

export class SheetEditor {
  private readonly index: SheetIndex;
  /** Changes by row, then column. */
  private readonly changes = new Map<number, Map<number, CellChange>>();
  private readonly extra: { at: string; text: string }[] = [];
  private readonly removals: TopElement[] = [];
  /** True when a formula cell was overwritten (calcChain must go). */
  formulaReplaced = false;
  /** The self-closing `<sheetData/>` as written, when rows had to be added to it (kept for undo). */
  openedSheetData: string | null = null;
  private restoreEmptySheetData: string | null = null;
  private deselecting = false;

  constructor(readonly source: Uint8Array, readonly part: string) {
    this.index = new SheetIndex(source, part);
  }

  /** The root's namespace prefix ("x:" or ""), to write new elements the same way. */
  get prefix(): string {
    return this.index.prefix;
  }

  /** A direct child of the worksheet element, e.g. legacyDrawing. */
  element(local: string): TopElement | undefined {
    return this.index.top.find((t) => t.local === local);
  }

  /** The cell, or undefined when the sheet has none at that address. */
  cell(ref: string): CellInfo | undefined {
    const { row, col } = parseA1(ref);
    const i = this.index.findRow(row);
    return i < 0 ? undefined : this.index.rowCells(i).cells.find((c) => c.col === col);
  }

  change(ref: string, change: CellChange): void {
    const { row, col } = parseA1(ref);
    let cols = this.changes.get(row);
    if (!cols) this.changes.set(row, (cols = new Map()));
    cols.set(col, change);
  }

  insertLegacyDrawing(rId: string, relNs: string): void {
    this.extra.push({ at: 'legacyDrawing', text: `<${this.prefix}legacyDrawing xmlns:r="${relNs}" r:id="${rId}"/>` });
  }

  /** On undo: if no rows are left, write sheetData back exactly as it was (e.g. `<sheetData />`). */
  restoreSheetData(original: string): void {
    this.restoreEmptySheetData = original;
  }

  removeElement(n: TopElement): void {
    this.removals.push(n);
  }

  /**
   * Takes tabSelected off the sheet in the same pass (another sheet becomes the active one), so a
   * huge sheet is not copied once more for that alone.
   */
  deselect(): void {
    this.deselecting = true;
  }

  apply(): Uint8Array {
    const src = this.source;
    const idx = this.index;
    const e = new ByteEdit();
    const p = this.prefix;
    const newRows = new Map<number, string[]>();
    const droppedRows: number[] = [];
    for (const [row, cols] of [...this.changes].sort((a, b) => a[0] - b[0])) {
      const list = [...cols].sort((a, b) => a[0] - b[0]);
      const i = idx.findRow(row);
      if (i < 0) {
        const cells = list.map(([col, ch]) => newCell(row, col, ch, p)).join('');
        if (!cells) continue;
        const next = idx.nextRow(row);
        if (!newRows.has(next)) newRows.set(next, []);
        newRows.get(next)!.push(`<${p}row r="${row}">${cells}</${p}row>`);
        continue;
      }
      const info = idx.rowCells(i);
      // A row that only existed to carry marks goes with them (undo restores the exact markup).
      const dropRow =
        list.every(([, ch]) => ch.kind === 'remove-if-empty') &&
        info.cells.length === list.length &&
        info.cells.every((c) => c.empty) &&
        Object.keys(info.attrs).every((k) => k === 'r');
      if (dropRow) {
        droppedRows.push(i);
        continue;
      }
      const inserts = new Map<CellInfo | null, string[]>();
      for (const [col, ch] of list) {
        const existing = info.cells.find((x) => x.col === col);
        if (existing) {
          this.editCell(e, existing, row, col, ch, p);
        } else {
          const text = newCell(row, col, ch, p);
          if (!text) continue;
          const next = info.cells.find((x) => x.col > col) ?? null;
          if (!inserts.has(next)) inserts.set(next, []);
          inserts.get(next)!.push(text);
        }
      }
      for (const [next, texts] of inserts) {
        if (next) e.insert(next.tag.start, texts.join(''));
        else appendInside(e, src, info.tag, info.closeStart, texts.join(''));
      }
    }
    const data = idx.sheetData;
    if (data && this.restoreEmptySheetData && droppedRows.length && droppedRows.length === idx.sheetDataChildren) {
      e.replace(data.tag.start, data.end, this.restoreEmptySheetData);
    } else {
      for (const i of droppedRows) e.replace(idx.rowStart(i), idx.rowEnd(i), '');
    }
    if (data?.tag.selfClosing && newRows.size) this.openedSheetData = decodeBytes(src, data.tag.start, data.end);
    for (const [next, texts] of newRows) {
      if (next >= 0) e.insert(idx.rowStart(next), texts.join(''));
      else if (data) appendInside(e, src, data.tag, data.closeStart, texts.join(''));
      else this.insertTopLevel(e, 'sheetData', `<${p}sheetData>${texts.join('')}</${p}sheetData>`);
    }
    for (const x of this.extra) this.insertTopLevel(e, x.at, x.text);
    for (const n of this.removals) e.replace(n.tag.start, n.end, '');
    const views = this.deselecting ? this.element('sheetViews') : undefined;
    if (views) deselectEdits(e, src, views.tag, this.part);
    return e.apply(src);
  }

  /** Inserts a worksheet child where the schema's sequence wants it (unknown children stay put). */
  private insertTopLevel(e: ByteEdit, local: string, text: string): void {
    const rank = WORKSHEET_ORDER.indexOf(local);
    const before = [...this.index.top].reverse().find((c) => WORKSHEET_ORDER.includes(c.local) && WORKSHEET_ORDER.indexOf(c.local) < rank);
    if (before) e.insert(before.end, text);
    else appendInside(e, this.source, this.index.root, this.index.rootCloseStart, text, true);
  }

  private editCell(e: ByteEdit, cell: CellInfo, row: number, col: number, ch: CellChange, p: string): void {
    if (ch.kind === 'style') {
      setAttrEdit(e, this.source, cell.tag, 's', ch.s === null ? null : String(ch.s), this.part);
      return;
    }
    if (ch.kind === 'remove-if-empty') {
      if (cell.empty) e.replace(cell.tag.start, cell.end, '');
      return;
    }
    if (cell.formula) {
      const ref = toA1(row, col);
      if (cell.formula.t === 'shared' && cell.formula.ref) {
        throw new StyrkollError('ARGUMENT', `Cellen ${ref} är början på en delad formel och kan inte skrivas över; skriv värdet i en annan cell.`);
      }
      this.formulaReplaced = true;
    }
    const s = ch.s ?? Number(cell.attrs.s ?? 0);
    e.replace(cell.tag.start, cell.end, prefixed(cellXml(toA1(row, col), { v: ch.v }, s), p));
  }
}

/** Appends content inside an element; a self-closing one is opened up (`atStart`: right after the start tag). */
function appendInside(e: ByteEdit, src: Uint8Array, tag: Tag, closeStart: number, text: string, atStart = false): void {
  if (tag.selfClosing) {
    const open = decodeBytes(src, tag.start, tag.openEnd).replace(/\s*\/>$/, '>');
    e.replace(tag.start, tag.openEnd, `${open}${text}</${tag.name}>`);
  } else {
    e.insert(atStart ? tag.openEnd : closeStart, text);
  }
}

function newCell(row: number, col: number, ch: CellChange, p: string): string {
  const ref = toA1(row, col);
  if (ch.kind === 'remove-if-empty') return '';
  if (ch.kind === 'style') return ch.s ? `<${p}c r="${ref}" s="${ch.s}"/>` : '';
  return prefixed(cellXml(ref, { v: ch.v }, ch.s ?? 0), p);
}

/** Adds the sheet's namespace prefix to generated cell markup (rare, but some writers prefix). */
function prefixed(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)(c|v|f|is|t)\b/g, `<$1${p}$2`) : xml;
}

/** Splices that take tabSelected off the sheet views inside `sheetViews`. */
function deselectEdits(e: ByteEdit, src: Uint8Array, sheetViews: Tag, part: string): void {
  const { end } = skipElement(src, sheetViews, part);
  for (let v = nextTag(src, sheetViews.openEnd, part); v && v.start < end; v = nextTag(src, v.openEnd, part)) {
    if (v.close || v.local !== 'sheetView') continue;
    const selected = attrsOf(src, v, part).tabSelected;
    if (selected === '1' || selected === 'true') setAttrEdit(e, src, v, 'tabSelected', null, part);
  }
}

/**
 * The sheet with tabSelected taken off its sheet views, or null when none is selected (or the
 * part cannot be read). Only the head of the part is scanned: sheetViews comes before sheetData.
 */
export function withoutTabSelected(src: Uint8Array, part: string): Uint8Array | null {
  try {
    const root = nextTag(src, 0, part);
    if (!root || root.close || root.selfClosing) return null;
    for (let t = nextTag(src, root.openEnd, part); t && !t.close && t.local !== 'sheetData'; t = nextTag(src, skipElement(src, t, part).end, part)) {
      if (t.local !== 'sheetViews') continue;
      const e = new ByteEdit();
      deselectEdits(e, src, t, part);
      return e.size ? e.apply(src) : null;
    }
    return null;
  } catch {
    return null; // a broken sheet part keeps its bytes
  }
}
