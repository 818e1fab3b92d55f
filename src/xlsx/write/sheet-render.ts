/** Renders a SheetSpec as a complete worksheet part. */
import { StyrkollError } from '../../common/errors';
import type { SheetSpec, SpecCell } from '../../core';
import { colLetters, parseA1, sheetRef, toA1 } from './cell-ref';
import type { StyleRegistry } from './styles';
import { escapeAttr, escapeText, tElement } from './xml-tree';

export interface RenderContext {
  styles: StyleRegistry;
  mainNs: string;
  relNs: string;
  /** Adds an external hyperlink relationship to the sheet and returns its id. */
  addUrl(url: string): string;
  selected: boolean;
  /** The relationship id of the sheet's drawing (its charts), when it has one. */
  drawingRId?: string;
}

/** The `<c>` element for a value, formula and style index. Strings are always inline text. */
export function cellXml(ref: string, cell: Pick<SpecCell, 'v' | 'f'>, s: number): string {
  const sAttr = s ? ` s="${s}"` : '';
  const { v, f } = cell;
  if (f !== undefined) {
    const formula = `<f>${escapeText(f.replace(/^=/, ''))}</f>`;
    if (v === null || v === undefined) return `<c r="${ref}"${sAttr}>${formula}</c>`;
    if (typeof v === 'number') return `<c r="${ref}"${sAttr}>${formula}${numberV(v)}</c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b">${formula}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${sAttr} t="str">${formula}<v>${escapeText(v)}</v></c>`;
  }
  if (v === null || v === undefined) return `<c r="${ref}"${sAttr}/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${sAttr}>${numberV(v)}</c>` : `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is>${tElement(v)}</is></c>`;
}

function numberV(n: number): string {
  return Number.isFinite(n) ? `<v>${String(n)}</v>` : '';
}

export function renderSheet(spec: SheetSpec, ctx: RenderContext): string {
  const { styles } = ctx;
  const rowsXml: string[] = [];
  const links: string[] = [];
  const merged = parsedMerges(spec);
  let maxCol = 1;
  spec.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const ref = toA1(r + 1, c + 1);
      maxCol = Math.max(maxCol, c + 1);
      cells.push(cellXml(ref, cell, styles.register(cell.style, cell.date)));
      if (cell.link) {
        const display = cell.v === null || cell.v === undefined ? '' : ` display="${escapeAttr(String(cell.v))}"`;
        if ('url' in cell.link) links.push(`<hyperlink ref="${ref}" r:id="${ctx.addUrl(cell.link.url)}"${display}/>`);
        else links.push(`<hyperlink ref="${ref}" location="${escapeAttr(sheetRef(cell.link.sheet, cell.link.cell))}"${display}/>`);
      }
    });
    const set = spec.rowHeights?.[r + 1];
    const ht = set !== undefined && set >= 0 ? round(Math.min(409, set)) : wrappedHeight(row, r, spec, merged);
    const htAttr = ht !== null ? ` ht="${ht}" customHeight="1"` : '';
    if (cells.length) rowsXml.push(`<row r="${r + 1}"${htAttr}>${cells.join('')}</row>`);
    else if (set !== undefined) rowsXml.push(`<row r="${r + 1}"${htAttr}/>`);
  });
  // A height for a row below the last row with cells still counts.
  for (const [key, h] of Object.entries(spec.rowHeights ?? {})) {
    const r = Number(key);
    if (Number.isInteger(r) && r > spec.rows.length && r <= 1048576 && h >= 0) rowsXml.push(`<row r="${r}" ht="${round(Math.min(409, h))}" customHeight="1"/>`);
  }
  const lastRow = Math.max(1, spec.rows.length);

  const sheetPr =
    spec.tabColor || spec.print?.fitToWidth
      ? `<sheetPr>${spec.tabColor ? `<tabColor rgb="${escapeAttr(spec.tabColor)}"/>` : ''}${spec.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`
      : '';
  const cols = colsXml(spec);
  const merges = (spec.merges ?? []).map((m) => `<mergeCell ref="${checkRange(m)}"/>`).join('');
  const validations = (spec.validations ?? []).map((v) => validationXml(v.ref, v.list)).join('');
  const print = spec.print;
  const pageSetup = `<pageSetup paperSize="9"${print?.orientation ? ` orientation="${print.orientation}"` : ''}${print?.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;

  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ctx.mainNs}" xmlns:r="${ctx.relNs}">` +
    sheetPr +
    `<dimension ref="A1:${colLetters(maxCol)}${lastRow}"/>` +
    `<sheetViews><sheetView${ctx.selected ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(spec.freeze)}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    (rowsXml.length ? `<sheetData>${rowsXml.join('')}</sheetData>` : '<sheetData/>') +
    // Protected without a password; rows may still be resized so a long answer can be made visible.
    (spec.protect ? '<sheetProtection sheet="1" objects="1" scenarios="1" formatRows="0"/>' : '') +
    (spec.autoFilter ? `<autoFilter ref="${checkRange(spec.autoFilter)}"/>` : '') +
    (merges ? `<mergeCells count="${spec.merges!.length}">${merges}</mergeCells>` : '') +
    (validations ? `<dataValidations count="${spec.validations!.length}">${validations}</dataValidations>` : '') +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    pageSetup +
    rowBreaksXml(spec.pageBreaks) +
    (ctx.drawingRId ? `<drawing r:id="${ctx.drawingRId}"/>` : '') +
    '</worksheet>'
  );
}

/**
 * Row height for rows with wrapped text. Excel and LibreOffice do not size such rows on opening a
 * file that has no heights, so long messages would show one cut line: estimate it from the width.
 */
function wrappedHeight(row: (SpecCell | null)[], r: number, spec: SheetSpec, merged: Map<string, number>): number | null {
  let lines = 0;
  let lineHeight = 15;
  row.forEach((cell, c) => {
    if (!cell?.style?.wrap || cell.v === null || cell.v === undefined) return;
    const width = merged.get(`${r + 1},${c + 1}`) ?? spec.columnWidths?.[c] ?? DEFAULT_WIDTH;
    const perLine = Math.max(1, Math.floor(width * 1.15));
    const count = String(cell.v).split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
    lines = Math.max(lines, count);
    if (cell.style.fontSize) lineHeight = Math.max(lineHeight, Math.ceil(cell.style.fontSize * 1.36));
  });
  return lines > 1 ? Math.min(409, lines * lineHeight) : null;
}

const DEFAULT_WIDTH = 8.43;

/** Width of each single-row merge, keyed by its top-left "row,col" (1-based). */
function parsedMerges(spec: SheetSpec): Map<string, number> {
  const widthOf = (col: number) => spec.columnWidths?.[col] ?? DEFAULT_WIDTH;
  const out = new Map<string, number>();
  for (const m of spec.merges ?? []) {
    const [a, b] = m.split(':').map((x) => parseA1(x));
    if (!a || !b || a.row !== b.row) continue;
    const key = `${a.row},${a.col}`;
    if (out.has(key)) continue;
    let w = 0;
    for (let col = a.col - 1; col < b.col; col++) w += widthOf(col);
    out.set(key, w);
  }
  return out;
}

/** `<col>` entries: widths, and hidden columns (which keep their width for when they are shown). */
function colsXml(spec: SheetSpec): string {
  const widths = spec.columnWidths ?? [];
  const hidden = new Set((spec.hiddenColumns ?? []).filter((c) => Number.isInteger(c) && c >= 1 && c <= 16384));
  const all = new Set([...widths.flatMap((w, i) => (w === undefined ? [] : [i + 1])), ...hidden]);
  return [...all]
    .sort((a, b) => a - b)
    .map((col) => {
      const w = widths[col - 1];
      const width = w === undefined ? `width="${round(DEFAULT_WIDTH + 0.71)}"` : `width="${round(w + 0.71)}" customWidth="1"`;
      return `<col min="${col}" max="${col}" ${width}${hidden.has(col) ? ' hidden="1"' : ''}/>`;
    })
    .join('');
}

/** A printed page starts at each row (Excel's id is the 0-based row the break lies above). */
function rowBreaksXml(rows: number[] | undefined): string {
  const ids = [...new Set((rows ?? []).filter((r) => Number.isInteger(r) && r > 1 && r <= 1048576))].sort((a, b) => a - b);
  if (!ids.length) return '';
  return `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">${ids.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
}

function paneXml(freeze: SheetSpec['freeze']): string {
  const rows = freeze?.rows ?? 0;
  const cols = freeze?.cols ?? 0;
  if (rows <= 0 && cols <= 0) return '';
  const topLeft = toA1(rows + 1, cols + 1);
  const activePane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  return (
    `<pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${activePane}" state="frozen"/>` +
    `<selection pane="${activePane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

function validationXml(ref: string, list: string[]): string {
  const sqref = ref.split(/\s+/).map(checkRange).join(' ');
  if (list.some((v) => v.includes(','))) {
    throw new StyrkollError('ARGUMENT', `Listvärdena för ${ref} får inte innehålla kommatecken.`);
  }
  const formula = `"${list.map((v) => v.replace(/"/g, '""')).join(',')}"`;
  if (formula.length > 257) throw new StyrkollError('ARGUMENT', `Listan för ${ref} är längre än de 255 tecken Excel tillåter.`);
  return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>${escapeText(formula)}</formula1></dataValidation>`;
}

function checkRange(range: string): string {
  range.split(':').forEach((p) => parseA1(p));
  return range.replace(/\$/g, '').toUpperCase();
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
