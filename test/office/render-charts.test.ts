import type { ChartSpec } from '../../src/core/sheet-spec';
import { anchorCells, officeChartType, seriesBy } from '../../src/office/render-charts';

const spec = (over: Partial<ChartSpec>): ChartSpec => ({
  id: 'x',
  kind: 'bar',
  title: 't',
  description: 'd',
  series: [],
  anchor: { from: { col: 2, row: 12 }, to: { col: 9, row: 40 } },
  ...over,
});

describe('Office.js chart helpers', () => {
  it('chart types follow the spec: horizontal or vertical bars, clustered or stacked, lines between x/y points', () => {
    expect(officeChartType(spec({ barDirection: 'bar', grouping: 'clustered' }))).toBe('BarClustered');
    expect(officeChartType(spec({ grouping: 'stacked' }))).toBe('BarStacked');
    expect(officeChartType(spec({ barDirection: 'col' }))).toBe('ColumnClustered');
    expect(officeChartType(spec({ barDirection: 'col', grouping: 'stacked' }))).toBe('ColumnStacked');
    expect(officeChartType(spec({ kind: 'scatter' }))).toBe('XYScatterLines');
  });

  it('the anchor ends at the cell just past the chart; setPosition takes the last cell inside it', () => {
    expect(anchorCells(spec({}))).toEqual({ start: 'B12', end: 'H39' });
    expect(anchorCells(spec({ anchor: { from: { col: 27, row: 1 }, to: { col: 27, row: 1 } } }))).toEqual({ start: 'AA1', end: 'AA1' });
  });

  it('a series range is read by columns, or by rows when it is one row', () => {
    expect(seriesBy('D12:D19')).toBe('Columns');
    expect(seriesBy('D40:F40')).toBe('Rows');
    expect(seriesBy('$D$40:$F$40')).toBe('Rows');
    expect(seriesBy('D4')).toBe('Columns');
  });
});
