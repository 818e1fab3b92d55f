/**
 * Row heights for a report sheet. A row of wrapped text written without a height shows one cut
 * line in Excel and may overlap in LibreOffice, so the height is estimated from the text length
 * and the width it has (its column, or its merge within the row). Rows with a comment or analysis
 * field get at least two lines, so the yellow box reads as a place to write.
 */
import type { SheetSpec, SpecCell } from '../sheet-spec';
import { columnNumber } from './cell-ref';

/** Points per line of 11 pt text (Excel's default row height). */
const LINE = 15;
/** Characters per unit of column width for 11 pt text; bold text is wider. */
const CHARS_PER_WIDTH = 1.1;
const CHARS_PER_WIDTH_BOLD = 0.95;
/** Excel's largest row height. */
const MAX_HEIGHT = 409;

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, '').toUpperCase());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : null;
}

/** Width (in characters) available to a cell: the sum of its merge's columns when the merge stays in one row. */
function widthMap(merges: string[], widths: number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of merges) {
    const [a, b] = m.split(':').map(parseRef);
    if (!a || !b) continue;
    if (a.row !== b.row) {
      out.set(`${a.row}:${a.col}`, -1); // a box spanning rows: its rows keep their own heights
      continue;
    }
    let w = 0;
    for (let c = a.col; c <= b.col; c++) w += widths[c - 1] ?? 8.43;
    out.set(`${a.row}:${a.col}`, w);
  }
  return out;
}

function linesOf(cell: SpecCell, width: number): number {
  const text = cell.v === null || cell.v === undefined ? '' : String(cell.v);
  if (!text) return 1;
  const size = cell.style?.fontSize ?? 11;
  const perLine = Math.max(1, Math.floor((width * (cell.style?.bold ? CHARS_PER_WIDTH_BOLD : CHARS_PER_WIDTH) * 11) / size));
  return text.split('\n').reduce((n, para) => n + wrapCount(para, perLine), 0);
}

/** Lines a paragraph takes when wrapped at word boundaries. */
function wrapCount(para: string, perLine: number): number {
  let lines = 1;
  let len = 0;
  for (const word of para.split(/\s+/).filter(Boolean)) {
    let w = word.length;
    if (len === 0) {
      while (w > perLine) {
        lines++;
        w -= perLine;
      }
      len = w;
    } else if (len + 1 + w > perLine) {
      lines++;
      len = Math.min(w, perLine);
    } else len += 1 + w;
  }
  return lines;
}

/**
 * Heights in points keyed by 1-based row, for rows that need more than one line. `roomyRows`
 * (1-based) get at least two lines.
 */
export function estimateRowHeights(spec: Pick<SheetSpec, 'rows' | 'merges'>, widths: number[], roomyRows: Iterable<number> = []): Record<number, number> {
  const merged = widthMap(spec.merges ?? [], widths);
  const out: Record<number, number> = {};
  const roomy = new Set(roomyRows);
  spec.rows.forEach((row, i) => {
    const r = i + 1;
    let height = roomy.has(r) ? 2 * LINE : 0;
    row.forEach((cell, c) => {
      if (!cell?.style?.wrap || cell.v === null || cell.v === undefined || cell.v === '') return;
      const width = merged.get(`${r}:${c + 1}`) ?? widths[c] ?? 8.43;
      if (width < 0) return;
      const lineHeight = Math.ceil((LINE * (cell.style.fontSize ?? 11)) / 11);
      const lines = linesOf(cell, width);
      if (lines > 1) height = Math.max(height, lines * lineHeight + 2);
    });
    if (height > 0) out[r] = Math.min(MAX_HEIGHT, height);
  });
  return out;
}
