/**
 * A plain description of a sheet to write: the Kontroll sheet and the report sheets are built as
 * SheetSpecs in the core, and each adapter (xlsx package writer, Office.js) renders them.
 * Values are always written as values: a string is text even when it starts with "=", "+", "-"
 * or "@". Only `f` is a formula, and only code (never workbook text) puts one there.
 */
import type { CellValue } from './snapshot';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** ARGB hex, e.g. "FF1F3864". */
  color?: string;
  /** Solid fill, ARGB hex. */
  fill?: string;
  /** Excel number format code (en-US syntax, as stored in the file), e.g. "#,##0" or "0.0%". */
  numFmt?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  border?: 'thin' | 'bottom' | 'top' | 'medium-bottom';
  /** Cells are locked by default; an unlocked cell can be edited on a protected sheet. */
  locked?: boolean;
  underline?: boolean;
}

export interface SpecCell {
  v: CellValue;
  /** Formula without the leading "=", e.g. "SUM(C5:C20)"; `v` is then its cached value. */
  f?: string;
  style?: CellStyle;
  /** Internal link to a cell (e.g. a finding's cell), or an external URL. */
  link?: { sheet: string; cell: string } | { url: string };
  /** A stable id for a fill-in field (kept across regeneration and read back by collect). */
  id?: string;
  /** Date values (`v` a serial number) are written with a date format when true. */
  date?: boolean;
}

export interface SheetSpec {
  name: string;
  /** rows[r][c] → cell at row r+1, column c+1. */
  rows: (SpecCell | null)[][];
  /** Column widths in characters, index 0 = column A. */
  columnWidths?: (number | undefined)[];
  /** Row heights in points, keyed by 1-based row (wrapped text needs them: LibreOffice does not grow rows). */
  rowHeights?: Record<number, number>;
  /** 1-based columns to hide (e.g. a column of stable ids). */
  hiddenColumns?: number[];
  /** An AutoFilter (filter buttons on the header row) over an A1 range, header row first, e.g. "A20:I140". */
  autoFilter?: string;
  /** Merged ranges, "A1:F1". */
  merges?: string[];
  /** Freeze the first `rows` rows (and `cols` columns). */
  freeze?: { rows: number; cols?: number };
  /** Protect the sheet without a password (unlocked cells stay editable). */
  protect?: boolean;
  print?: {
    orientation?: 'portrait' | 'landscape';
    /** A4, fit all columns to one page wide. */
    fitToWidth?: boolean;
    /** Rows repeated at the top of each printed page, 1-based inclusive. */
    repeatRows?: [number, number];
  };
  tabColor?: string;
  /** Dropdown lists: range → allowed values. */
  validations?: { ref: string; list: string[] }[];
  /** Manual page breaks: a printed page starts at each of these 1-based rows. */
  pageBreaks?: number[];
  /** Charts drawn on the sheet, over the cells of their anchor; their data are ranges of this sheet. */
  charts?: ChartSpec[];
}

/**
 * A chart over ranges of its own sheet (written as a native chart by the package writer). Ranges
 * are A1 ranges without a sheet name ("D12:D19"); the writer adds the sheet's name. The values are
 * the cells' values, kept with the chart so it shows without recalculation.
 */
export interface ChartSpec {
  /** Stable within the sheet, e.g. "budget", "indikator:I3", "kontroll". */
  id: string;
  kind: 'bar' | 'scatter';
  /** Horizontal bars ('bar') or columns ('col'); bar charts only. */
  barDirection?: 'bar' | 'col';
  grouping?: 'clustered' | 'stacked';
  title: string;
  /** What the chart shows, in a sentence (its alternative text). */
  description: string;
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  /** Excel number format of the value axis (en-US syntax as stored), e.g. '#,##0 "tkr"'. */
  valueFormat?: string;
  /** Number format of a scatter chart's x axis, e.g. "0" for years. */
  xFormat?: string;
  series: ChartSeries[];
  /** Bars: false leaves out the thin dark outline of each bar (bars too thin for it would print black). */
  barOutline?: false;
  /** Cells covered: from the top-left cell to the cell just past the bottom-right corner (1-based). */
  anchor: { from: { col: number; row: number }; to: { col: number; row: number } };
}

export interface ChartSeries {
  name: string;
  /** The cell holding the series name, e.g. "D11". */
  nameRef?: string;
  /** Categories (bar charts): a range and its texts. */
  categories?: { ref: string; values: string[] };
  /** X values (scatter charts). */
  x?: { ref: string; values: (number | null)[] };
  values: { ref: string; values: (number | null)[] };
  /** Fill (bars) or line colour, RGB hex "1F3864". */
  color: string;
  /** Bars: a hatch so the series is told apart in grey print. */
  pattern?: 'ltUpDiag' | 'dkUpDiag' | 'smCheck' | 'pct50' | 'wdDnDiag';
  /** Lines (scatter): dash style and marker. */
  dash?: 'solid' | 'dash' | 'sysDot' | 'lgDash';
  marker?: 'none' | 'square' | 'circle' | 'triangle' | 'diamond';
  lineWidth?: number;
  /** 0-based points drawn in another colour and pattern (deficits). */
  highlight?: { points: number[]; color: string; pattern?: ChartSeries['pattern'] };
}

/** The name prefix of Styrkoll's charts ("Styrkoll: budget"): how every writer tells them from the user's own. */
export const CHART_NAME_PREFIX = 'Styrkoll: ';

/** The name a chart of `spec` carries in the workbook, whichever writer draws it. */
export function chartName(spec: Pick<ChartSpec, 'id'>): string {
  return CHART_NAME_PREFIX + spec.id;
}

/** A mark on a user's cell: a fill and a note. Never changes the cell's value. */
export interface CellMark {
  sheet: string;
  /** A1 address. */
  cell: string;
  severity: 'fel' | 'varning' | 'info';
  /** Note text (Swedish), one line per finding on this cell. */
  note: string;
}

/**
 * The x axis of a scatter chart (years): from the first to the last value, with a step that keeps
 * the labels to about eight (1, 2, 5, 10 … years: a climate goal from 1990 to 2045 gets ten). One
 * year alone – baseline, target and outcome in the same year – gets a year either side, since an
 * axis from a year to itself is drawn as nonsense. Null for other charts or when there is no x.
 */
export function scatterXAxis(spec: ChartSpec): { min: number; max: number; majorUnit: number } | null {
  if (spec.kind !== 'scatter') return null;
  const xs = spec.series.flatMap((s) => s.x?.values ?? []).filter((v): v is number => v !== null && Number.isFinite(v));
  if (!xs.length) return null;
  let min = Math.min(...xs);
  let max = Math.max(...xs);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const span = max - min;
  const majorUnit = [1, 2, 5, 10, 20, 25, 50, 100].find((u) => span / u <= 8) ?? Math.ceil(span / 8);
  return { min, max, majorUnit };
}
