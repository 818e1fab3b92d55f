/**
 * The charts of a SheetSpec drawn with the Office.js chart API: the same ChartSpecs the package
 * writer turns into chart parts (src/core/sheet-spec.ts), so the add-in's Kontroll sheet and
 * report sheets get the same charts as the CLI's files – the same series and ranges, titles,
 * axis titles, colours, deficit points and dashed target line, named "Styrkoll: …".
 *
 * Charts are only drawn on Styrkoll's own sheets, which each run builds anew (under a temporary
 * name when the old sheet is still there), so a re-run replaces them with the sheet and never
 * touches a chart of the user's. Every operation goes through the sheet's SyncBatcher, inside
 * the write the journal and the write lock already cover.
 *
 * Requirement sets: the chart, its title, axis titles, legend, position, series names, fills,
 * line colours and point fills are ExcelApi 1.1; adding series and pointing them at ranges
 * (series.add, setValues, setXAxisValues), dash style, line width, markers and the reversed
 * category order are 1.7 – the manifest's floor. Only the axes' number formats and where the
 * value axis crosses need 1.8; below that (or with an office.js that lacks them) the chart is
 * drawn without them. Office.js has no alternative text for a chart, and no hatched fills: the
 * description stays with the package writer's charts only, and the add-in's bars are told apart
 * by their shade.
 */
import { chartName, scatterXAxis, type ChartSeries, type ChartSpec } from '../core';
import { API, canUse, type ApiSupport } from './api-support';
import { columnLetters } from './a1';
import { jsonBytes } from './payload';
import type { SyncBatcher } from './sync-batcher';

/** The thin dark outline of every bar, as the package writer draws it (grey print keeps the edges). */
const BAR_OUTLINE = '#262626';

const LINE_STYLES: Record<NonNullable<ChartSeries['dash']>, Excel.ChartLineStyle | 'Continuous' | 'Dash' | 'RoundDot'> = {
  solid: 'Continuous',
  dash: 'Dash',
  sysDot: 'RoundDot',
  lgDash: 'Dash',
};

const MARKERS: Record<NonNullable<ChartSeries['marker']>, 'None' | 'Square' | 'Circle' | 'Triangle' | 'Diamond'> = {
  none: 'None',
  square: 'Square',
  circle: 'Circle',
  triangle: 'Triangle',
  diamond: 'Diamond',
};

/** The Office.js chart type of a spec: horizontal or vertical bars, clustered or stacked; or lines between x/y points. */
export function officeChartType(spec: ChartSpec): 'BarClustered' | 'BarStacked' | 'ColumnClustered' | 'ColumnStacked' | 'XYScatterLines' {
  if (spec.kind === 'scatter') return 'XYScatterLines';
  const stacked = spec.grouping === 'stacked';
  if ((spec.barDirection ?? 'bar') === 'bar') return stacked ? 'BarStacked' : 'BarClustered';
  return stacked ? 'ColumnStacked' : 'ColumnClustered';
}

/** The cells a chart covers: its anchor's top-left cell and the last cell inside it ("B12", "H40"). */
export function anchorCells(spec: ChartSpec): { start: string; end: string } {
  const { from, to } = spec.anchor;
  const end = { col: Math.max(from.col, to.col - 1), row: Math.max(from.row, to.row - 1) };
  return { start: `${columnLetters(from.col)}${from.row}`, end: `${columnLetters(end.col)}${end.row}` };
}

const hex = (rgb: string) => `#${rgb.toUpperCase()}`;

/** A series' values are one column or one row: "D12:D19" by columns, "D40:F40" by rows. */
export function seriesBy(ref: string): 'Columns' | 'Rows' {
  const [a, b] = ref.split(':');
  const row = (cell: string) => cell.replace(/^\$?[A-Za-z]+\$?/, '');
  return b !== undefined && row(a) === row(b) && a !== b ? 'Rows' : 'Columns';
}

/** Bytes one queued operation of a chart costs in the request at most (object path and action), measured with the real client. */
export const CHART_OP_BYTES = 250;

/**
 * What a chart's request carries beyond the batcher's per-step overhead: its texts and an
 * allowance per operation (about 20, plus 12 per series and 4 per highlighted point).
 */
export function chartBytes(spec: ChartSpec): number {
  const ops = 20 + spec.series.reduce((n, s) => n + 12 + 4 * (s.highlight?.points.length ?? 0), 0);
  return jsonBytes(spec) + ops * CHART_OP_BYTES;
}

/**
 * Queues the charts of one sheet (each chart one queued step, so a request holds whole charts).
 * A chart without series is not drawn: Excel cannot make a chart from nothing.
 */
export async function renderCharts(ws: Excel.Worksheet, charts: ChartSpec[], batch: SyncBatcher, supports: ApiSupport): Promise<void> {
  for (const spec of charts) {
    if (!spec.series.length) continue;
    await batch.add(chartBytes(spec), () => queueChart(ws, spec, supports));
  }
}

function queueChart(ws: Excel.Worksheet, spec: ChartSpec, supports: ApiSupport): void {
  const horizontal = spec.kind === 'bar' && (spec.barDirection ?? 'bar') === 'bar';
  // The first series' values make the chart (one series, by columns); every series is then
  // pointed at its own ranges, so the chart needs no contiguous block of cells.
  const first = spec.series[0].values.ref;
  const chart = ws.charts.add(officeChartType(spec), ws.getRange(first), seriesBy(first));
  chart.name = chartName(spec);
  chart.title.text = spec.title;
  chart.legend.position = 'Bottom';
  const { start, end } = anchorCells(spec);
  chart.setPosition(start, end);

  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(ws.getRange(s.values.ref));
    const x = s.categories?.ref ?? s.x?.ref;
    if (x) series.setXAxisValues(ws.getRange(x));
    if (spec.kind === 'bar') {
      series.format.fill.setSolidColor(hex(s.color));
      // Bars too thin for an outline get one in their own colour (the same operations either way).
      series.format.line.color = spec.barOutline === false ? hex(s.color) : BAR_OUTLINE;
      for (const p of s.highlight?.points ?? []) series.points.getItemAt(p).format.fill.setSolidColor(hex(s.highlight!.color));
    } else {
      const line = series.format.line;
      line.color = hex(s.color);
      line.lineStyle = LINE_STYLES[s.dash ?? 'solid'];
      line.weight = s.lineWidth ?? 2;
      series.markerStyle = MARKERS[s.marker ?? 'none'];
      if ((s.marker ?? 'none') !== 'none') {
        series.markerSize = 8;
        series.markerBackgroundColor = hex(s.color);
        series.markerForegroundColor = hex(s.color);
      }
    }
  });

  const value = chart.axes.valueAxis;
  const category = chart.axes.categoryAxis;
  if (spec.valueAxisTitle) value.title.text = spec.valueAxisTitle;
  if (spec.categoryAxisTitle) category.title.text = spec.categoryAxisTitle;
  if (horizontal) category.reversePlotOrder = true; // bars read top-down in the table's order
  const x = scatterXAxis(spec);
  if (x) {
    category.minimum = x.min;
    category.maximum = x.max;
    category.majorUnit = x.majorUnit;
  }
  // ExcelApi 1.8: number formats on the axes, and the value axis kept at the bottom of reversed bars.
  if (canUse(supports, API.chartAxisFormat, value, 'numberFormat')) {
    if (spec.valueFormat) value.numberFormat = spec.valueFormat;
    if (spec.kind === 'scatter' && spec.xFormat) category.numberFormat = spec.xFormat;
    if (horizontal) category.position = 'Maximum';
  }
}
