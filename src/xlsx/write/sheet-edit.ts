/**
 * Edits cells of an existing worksheet part in place: a cell's style index or value, adding the
 * cell or row when missing. Everything else in the part keeps its bytes.
 */
import { StyrkollError } from '../../core/errors';
import type { CellValue } from '../../core/snapshot';
import { colNumber, parseA1, toA1 } from './cell-ref';
import { cellXml } from './sheet-render';
import { child, children, insertAfterPredecessor, parseXml, prefixOf, XmlEdit, type XmlNode } from './xml-tree';

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

interface CellInfo {
  node: XmlNode;
  col: number;
}
interface RowInfo {
  node: XmlNode;
  row: number;
  cells: CellInfo[];
}

export class SheetEditor {
  readonly root: XmlNode;
  private readonly rows: RowInfo[] = [];
  private readonly changes = new Map<string, CellChange>();
  private readonly extra: { at: 'legacyDrawing'; text: string }[] = [];
  private readonly removals: XmlNode[] = [];
  /** True when a formula cell was overwritten (calcChain must go). */
  formulaReplaced = false;
  /** The self-closing `<sheetData/>` as written, when rows had to be added to it (kept for undo). */
  openedSheetData: string | null = null;
  private restoreEmptySheetData: string | null = null;

  constructor(readonly source: string, readonly part: string) {
    this.root = parseXml(source, part);
    const data = child(this.root, 'sheetData');
    let r = 0;
    for (const rowNode of data ? children(data, 'row') : []) {
      r = rowNode.attrs.r ? Number(rowNode.attrs.r) : r + 1;
      let c = 0;
      const cells = children(rowNode, 'c').map((cn) => {
        c = cn.attrs.r ? colNumber(cn.attrs.r.replace(/\d+$/, '')) : c + 1;
        return { node: cn, col: c };
      });
      this.rows.push({ node: rowNode, row: r, cells });
    }
  }

  /** The cell element, or undefined when the sheet has none at that address. */
  cell(ref: string): XmlNode | undefined {
    const { row, col } = parseA1(ref);
    return this.rows.find((x) => x.row === row)?.cells.find((x) => x.col === col)?.node;
  }

  styleOf(ref: string): number {
    return Number(this.cell(ref)?.attrs.s ?? 0);
  }

  change(ref: string, change: CellChange): void {
    const { row, col } = parseA1(ref);
    this.changes.set(toA1(row, col), change);
  }

  insertLegacyDrawing(rId: string, relNs: string): void {
    this.extra.push({ at: 'legacyDrawing', text: `<${prefixOf(this.root)}legacyDrawing xmlns:r="${relNs}" r:id="${rId}"/>` });
  }

  /** On undo: if no rows are left, write sheetData back exactly as it was (e.g. `<sheetData />`). */
  restoreSheetData(original: string): void {
    this.restoreEmptySheetData = original;
  }

  removeElement(n: XmlNode): void {
    this.removals.push(n);
  }

  apply(): string {
    const e = new XmlEdit(this.source);
    const p = prefixOf(this.root);
    const byRow = new Map<number, [number, string, CellChange][]>();
    for (const [ref, ch] of this.changes) {
      const { row, col } = parseA1(ref);
      if (!byRow.has(row)) byRow.set(row, []);
      byRow.get(row)!.push([col, ref, ch]);
    }
    const newRows = new Map<XmlNode | null, string[]>();
    const droppedRows: XmlNode[] = [];
    for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
      list.sort((a, b) => a[0] - b[0]);
      const info = this.rows.find((x) => x.row === row);
      if (!info) {
        const cells = list.map(([, ref, ch]) => newCell(ref, ch, p)).filter(Boolean).join('');
        if (!cells) continue;
        const next = this.rows.find((x) => x.row > row)?.node ?? null;
        if (!newRows.has(next)) newRows.set(next, []);
        newRows.get(next)!.push(`<${p}row r="${row}">${cells}</${p}row>`);
        continue;
      }
      // A row that only existed to carry marks goes with them (undo restores the exact markup).
      const dropRow =
        list.every(([, , ch]) => ch.kind === 'remove-if-empty') &&
        info.cells.length === list.length &&
        info.cells.every((c) => c.node.children.length === 0) &&
        Object.keys(info.node.attrs).every((k) => k === 'r');
      if (dropRow) {
        droppedRows.push(info.node);
        continue;
      }
      const inserts = new Map<XmlNode | null, string[]>();
      for (const [col, ref, ch] of list) {
        const existing = info.cells.find((x) => x.col === col)?.node;
        if (existing) {
          this.editCell(e, existing, ref, ch, p);
        } else {
          const text = newCell(ref, ch, p);
          if (!text) continue;
          const next = info.cells.find((x) => x.col > col)?.node ?? null;
          if (!inserts.has(next)) inserts.set(next, []);
          inserts.get(next)!.push(text);
        }
      }
      for (const [next, texts] of inserts) {
        if (next) e.insert(next.start, texts.join(''));
        else e.appendInside(info.node, texts.join(''));
      }
    }
    const data = child(this.root, 'sheetData');
    if (data && this.restoreEmptySheetData && droppedRows.length && droppedRows.length === data.children.length) {
      e.replace(data.start, data.end, this.restoreEmptySheetData);
    } else {
      droppedRows.forEach((r) => e.remove(r));
    }
    if (data?.selfClosing && newRows.size) this.openedSheetData = this.source.slice(data.start, data.end);
    for (const [next, texts] of newRows) {
      if (next) e.insert(next.start, texts.join(''));
      else if (data) e.appendInside(data, texts.join(''));
      else insertAfterPredecessor(this.root, e, WORKSHEET_ORDER, 'sheetData', `<${p}sheetData>${texts.join('')}</${p}sheetData>`);
    }
    for (const x of this.extra) insertAfterPredecessor(this.root, e, WORKSHEET_ORDER, x.at, x.text);
    for (const n of this.removals) e.remove(n);
    return e.apply();
  }

  private editCell(e: XmlEdit, node: XmlNode, ref: string, ch: CellChange, p: string): void {
    if (ch.kind === 'style') {
      e.setAttr(node, 's', ch.s === null ? null : String(ch.s));
      return;
    }
    if (ch.kind === 'remove-if-empty') {
      if (node.children.length === 0) e.remove(node);
      return;
    }
    const f = child(node, 'f');
    if (f) {
      if (f.attrs.t === 'shared' && f.attrs.ref) {
        throw new StyrkollError('ARGUMENT', `Cellen ${ref} är början på en delad formel och kan inte skrivas över; skriv värdet i en annan cell.`);
      }
      this.formulaReplaced = true;
    }
    const s = ch.s ?? Number(node.attrs.s ?? 0);
    e.replace(node.start, node.end, prefixed(cellXml(ref, { v: ch.v }, s), p));
  }
}

function newCell(ref: string, ch: CellChange, p: string): string {
  if (ch.kind === 'remove-if-empty') return '';
  if (ch.kind === 'style') return ch.s ? `<${p}c r="${ref}" s="${ch.s}"/>` : '';
  return prefixed(cellXml(ref, { v: ch.v }, ch.s ?? 0), p);
}

/** Adds the sheet's namespace prefix to generated cell markup (rare, but some writers prefix). */
function prefixed(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)(c|v|f|is|t)\b/g, `<$1${p}$2`) : xml;
}
