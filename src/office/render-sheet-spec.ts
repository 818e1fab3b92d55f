import type { CellStyle, SheetSpec, SpecCell } from '../core';
import { API, canUse, clientHas, type ApiSupport } from './api-support';
import { qualified } from './a1';
import { renderCharts } from './render-charts';
import { argbToHex } from './colors';
import { jsonBytes } from './payload';
import type { SyncBatcher } from './sync-batcher';

/** Rows per value block are capped by this estimate, so one block never dominates a request. */
const BLOCK_TARGET_BYTES = 1024 * 1024;
const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel's column width unit is points; a SheetSpec gives characters of the default font. */
const POINTS_PER_CHAR = 5.7;

/**
 * Text that Excel would take for a formula or a signed number when assigned through `values`.
 * Such cells get the Text number format ("@") before the value is written, so Excel keeps the
 * string as typed (no apostrophe is added to the value).
 */
export function needsTextFormat(v: unknown): boolean {
  return typeof v === 'string' && /^[=+\-@]/.test(v);
}

export interface RowBlock {
  first: number; // 0-based row
  count: number;
  width: number;
}

/** Splits rows into blocks by estimated JSON size (values + number formats). */
export function planBlocks(spec: SheetSpec, targetBytes = BLOCK_TARGET_BYTES): RowBlock[] {
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const blocks: RowBlock[] = [];
  let first = 0;
  let bytes = 0;
  spec.rows.forEach((row, r) => {
    const rowBytes = jsonBytes(row.map((c) => c?.v ?? null)) + 12 * width;
    if (r > first && bytes + rowBytes > targetBytes) {
      blocks.push({ first, count: r - first, width });
      first = r;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  if (spec.rows.length > first) blocks.push({ first, count: spec.rows.length - first, width });
  return blocks;
}

function numberFormatOf(cell: SpecCell | null): string {
  if (!cell) return 'General';
  if (needsTextFormat(cell.v) && !cell.f) return '@';
  return cell.style?.numFmt ?? (cell.date ? DATE_FORMAT : 'General');
}

/** Renders a SheetSpec into an (empty) worksheet through the batcher. */
export async function renderSheetSpec(ws: Excel.Worksheet, spec: SheetSpec, batch: SyncBatcher, supports: ApiSupport): Promise<void> {
  for (const block of planBlocks(spec)) {
    const rows = spec.rows.slice(block.first, block.first + block.count);
    const values = rows.map((row) => pad(row, block.width).map((c) => (c?.f ? null : (c?.v ?? null)) as string | number | boolean | null));
    const formats = rows.map((row) => pad(row, block.width).map(numberFormatOf));
    // Number formats first: a text cell must already be "@" when its value arrives.
    await batch.add(jsonBytes(formats) + jsonBytes(values), () => {
      const range = ws.getRangeByIndexes(block.first, 0, block.count, block.width);
      range.numberFormat = formats;
      range.values = values.map((r) => r.map((v) => (v === null ? '' : v)));
    });
  }

  for (const [r, row] of spec.rows.entries()) {
    for (const [c, cell] of row.entries()) {
      if (cell?.f) {
        const formula = `=${cell.f}`;
        await batch.add(jsonBytes(formula), () => (ws.getRangeByIndexes(r, c, 1, 1).formulas = [[formula]]));
      }
      if (cell?.link) {
        const text = cell.v === null ? '' : String(cell.v);
        const link: Excel.RangeHyperlink = 'url' in cell.link
          ? { address: cell.link.url, textToDisplay: text }
          : { documentReference: qualified(cell.link.sheet, cell.link.cell), textToDisplay: text };
        await batch.add(jsonBytes(link), () => (ws.getRangeByIndexes(r, c, 1, 1).hyperlink = link));
      }
    }
  }

  for (const area of styleAreas(spec)) {
    await batch.add(jsonBytes(area.style) + 40, () => applyStyle(ws.getRangeByIndexes(area.row, area.col, area.rows, area.cols), area.style));
  }

  for (const merge of spec.merges ?? []) await batch.add(jsonBytes(merge), () => ws.getRange(merge).merge(false));
  for (const [i, width] of (spec.columnWidths ?? []).entries()) {
    if (width !== undefined) await batch.add(16, () => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = Math.round(width * POINTS_PER_CHAR)));
  }
  // Newer APIs only when the host supports them and the loaded office.js has them (api-support.ts).
  if (spec.validations?.length && supports(API.dataValidation)) {
    for (const v of spec.validations) {
      await batch.add(jsonBytes(v), () => {
        const range = ws.getRange(v.ref);
        if (clientHas(range, 'dataValidation')) range.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
      });
    }
  }
  await batch.add(64, () => {
    if (spec.freeze) {
      if (spec.freeze.cols) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, spec.freeze.rows || 1, spec.freeze.cols));
      else ws.freezePanes.freezeRows(spec.freeze.rows);
    }
    if (spec.tabColor) ws.tabColor = argbToHex(spec.tabColor);
  });
  if (spec.print && canUse(supports, API.pageLayout, ws, 'pageLayout')) {
    const print = spec.print;
    await batch.add(64, () => {
      ws.pageLayout.paperSize = 'A4';
      if (print.orientation) ws.pageLayout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      if (print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
    });
  }
  // Charts before protection: a protected sheet takes no new objects.
  if (spec.charts?.length) await renderCharts(ws, spec.charts, batch, supports);
  if (spec.protect) await batch.add(16, () => ws.protection.protect());
}

function pad<T>(row: (T | null)[], width: number): (T | null)[] {
  return row.length >= width ? row : [...row, ...new Array<T | null>(width - row.length).fill(null)];
}

function styleKey(style: CellStyle | undefined): string {
  if (!style) return '';
  const { numFmt: _numFmt, ...rest } = style; // number formats go with the values
  const keys = Object.keys(rest).sort() as (keyof CellStyle)[];
  return keys.length === 0 ? '' : JSON.stringify(keys.map((k) => [k, rest[k as keyof typeof rest]]));
}

export interface StyleArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
  style: CellStyle;
}

/**
 * Groups styled cells into rectangles: runs of equal style within a row, merged with identical
 * runs in the rows below. A table-shaped sheet becomes a handful of format calls, not one per cell.
 */
export function styleAreas(spec: SheetSpec): StyleArea[] {
  const done: StyleArea[] = [];
  let open = new Map<string, StyleArea>(); // key: col:cols:style
  spec.rows.forEach((row, r) => {
    const next = new Map<string, StyleArea>();
    let c = 0;
    while (c < row.length) {
      const key = styleKey(row[c]?.style);
      let end = c + 1;
      while (end < row.length && styleKey(row[end]?.style) === key) end++;
      if (key !== '') {
        const id = `${c}:${end - c}:${key}`;
        const prev = open.get(id);
        if (prev && prev.row + prev.rows === r) {
          prev.rows++;
          next.set(id, prev);
          open.delete(id);
        } else next.set(id, { row: r, col: c, rows: 1, cols: end - c, style: row[c]!.style! });
      }
      c = end;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.color) f.font.color = argbToHex(style.color);
  if (style.underline !== undefined) f.font.underline = style.underline ? 'Single' : 'None';
  if (style.fill) f.fill.color = argbToHex(style.fill);
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.align) f.horizontalAlignment = style.align === 'left' ? 'Left' : style.align === 'center' ? 'Center' : 'Right';
  if (style.valign) f.verticalAlignment = style.valign === 'top' ? 'Top' : style.valign === 'middle' ? 'Center' : 'Bottom';
  if (style.locked !== undefined) f.protection.locked = style.locked;
  if (style.border) {
    const edge = style.border === 'top' ? 'EdgeTop' : 'EdgeBottom';
    const border = f.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = style.border === 'medium-bottom' ? 'Medium' : 'Thin';
    if (style.border === 'thin') {
      for (const e of ['EdgeTop', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        const b = f.borders.getItem(e);
        b.style = 'Continuous';
        b.weight = 'Thin';
      }
    }
  }
}
