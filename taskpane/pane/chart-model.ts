/**
 * The pane's two pictures as small, hand-written SVG: budget, utfall and helårsprognos per
 * verksamhet (deficits hatched red), and an indicator's outcomes against the straight line from
 * baseline to target. Built as plain element descriptions (testable without a DOM) and turned into
 * elements by charts-view.ts. Each picture is an image with a title and a description (its text
 * alternative, the same sentence the report's chart carries); the values are in a table beside it.
 * No chart library, nothing fetched.
 */
import { unitDecimals, type BudgetBar, type NamndChartData } from '../../src/core';

export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  text?: string;
}

/** The same colours as the report's charts (section-charts.ts): dark, grey, blue; deficits hatched red. */
export const PANE_CHART_COLORS = { budget: '#1F3864', utfall: '#A6A6A6', prognos: '#5B9BD5', deficit: '#C00000', line: '#595959', outcome: '#1F3864', grid: '#D9D9D9', text: '#323130' };

const WIDTH = 340;

const nf = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
export function formatNumber(n: number): string {
  return nf.format(n);
}

function node(tag: string, attrs: SvgNode['attrs'] = {}, children: SvgNode[] = [], text?: string): SvgNode {
  return text === undefined ? { tag, attrs, children } : { tag, attrs, children, text };
}

/** Round tick steps: 1, 2 or 5 × 10^n, about `count` of them over [0, max]. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** The root of a picture: role img, named by its title and described by its description. */
function svgRoot(idPrefix: string, title: string, description: string, height: number, body: SvgNode[]): SvgNode {
  return node('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-labelledby': `${idPrefix}-t ${idPrefix}-d`, class: 'chart-svg', focusable: 'false' }, [
    node('title', { id: `${idPrefix}-t` }, [], title),
    node('desc', { id: `${idPrefix}-d` }, [], description),
    ...body,
  ]);
}

function hatch(id: string, color: string): SvgNode {
  return node('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, [
    node('rect', { width: 6, height: 6, fill: '#FFFFFF' }),
    node('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: color, 'stroke-width': 3 }),
  ]);
}

const SERIES = [
  { key: 'budget', label: 'Budget' },
  { key: 'utfall', label: 'Utfall' },
  { key: 'prognos', label: 'Helårsprognos' },
] as const;

/** Horizontal bars per verksamhet, the name above its bars; a hatched red bar is over budget. */
export function budgetSvg(data: NamndChartData, idPrefix: string): SvgNode {
  const bars = data.budget;
  const shown = SERIES.filter((s) => bars.some((b) => b[s.key] !== null));
  const values = bars.flatMap((b) => shown.map((s) => b[s.key])).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const left = 8;
  const right = WIDTH - 14;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (right - left);
  const legendH = 36;
  const barH = 8;
  const groupH = 16 + shown.length * (barH + 2) + 8;
  const plotTop = legendH;
  const plotBottom = plotTop + bars.length * groupH;
  const height = plotBottom + 28;
  const hatchId = `${idPrefix}-hatch`;
  const over = new Set(data.over);
  const body: SvgNode[] = [node('defs', {}, [hatch(hatchId, PANE_CHART_COLORS.deficit)])];

  // Legend: the series, and the hatch for over budget.
  const legend: { label: string; fill: string; stroke: string }[] = shown.map((s) => ({ label: s.label, fill: PANE_CHART_COLORS[s.key], stroke: '#262626' }));
  if (over.size) legend.push({ label: data.basis === 'prognos' ? 'Prognos över budget' : 'Utfall över budget', fill: `url(#${hatchId})`, stroke: PANE_CHART_COLORS.deficit });
  legend.forEach((l, i) => {
    const lx = left + (i % 2) * 165;
    const ly = 6 + Math.floor(i / 2) * 15;
    body.push(node('rect', { x: lx, y: ly, width: 12, height: 10, fill: l.fill, stroke: l.stroke, 'stroke-width': 1 }));
    body.push(node('text', { x: lx + 16, y: ly + 9, 'font-size': 11, fill: PANE_CHART_COLORS.text }, [], l.label));
  });

  for (const t of ticks) {
    body.push(node('line', { x1: x(t), y1: plotTop, x2: x(t), y2: plotBottom, stroke: PANE_CHART_COLORS.grid, 'stroke-width': 1 }));
    body.push(node('text', { x: x(t), y: plotBottom + 13, 'font-size': 10, 'text-anchor': t === lo ? 'start' : t === hi ? 'end' : 'middle', fill: PANE_CHART_COLORS.text }, [], formatNumber(t)));
  }
  body.push(node('text', { x: (left + right) / 2, y: plotBottom + 26, 'font-size': 10, 'text-anchor': 'middle', fill: PANE_CHART_COLORS.text }, [], `Nettokostnad (${data.unit})`));

  bars.forEach((b, i) => {
    const top = plotTop + i * groupH;
    // Cut to 48, an emoji never split in half.
    const name = b.verksamhet.length > 48 ? `${b.verksamhet.slice(0, 47).replace(/[\uD800-\uDBFF]$/, '')}…` : b.verksamhet;
    body.push(node('text', { x: left, y: top + 12, 'font-size': 11, 'font-weight': over.has(i) ? 700 : 400, fill: PANE_CHART_COLORS.text }, [], name));
    shown.forEach((s, j) => {
      const v = b[s.key];
      if (v === null) return;
      const deficit = s.key === data.basis && over.has(i);
      const x0 = x(Math.min(0, v));
      const w = Math.max(1, Math.abs(x(v) - x(0)));
      body.push(node('rect', {
        x: round(x0), y: top + 16 + j * (barH + 2), width: round(w), height: barH,
        fill: deficit ? `url(#${hatchId})` : PANE_CHART_COLORS[s.key], stroke: deficit ? PANE_CHART_COLORS.deficit : '#262626', 'stroke-width': deficit ? 1.5 : 0.5,
        'data-series': s.key, ...(deficit ? { 'data-over': 1 } : {}),
      }));
    });
  });
  body.push(node('line', { x1: x(0), y1: plotTop, x2: x(0), y2: plotBottom, stroke: '#595959', 'stroke-width': 1 }));
  return svgRoot(idPrefix, data.budgetTitle, data.budgetDescription, height, body);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

type Indicator = NamndChartData['indicators'][number];

/** The line from baseline to target (dashed, triangles) and the outcomes (solid, squares). */
export function indicatorSvg(ind: Indicator, idPrefix: string): SvgNode {
  const height = 190;
  const left = 44;
  const right = WIDTH - 14;
  const top = 10;
  const bottom = height - 56;
  const years = ind.years;
  const all = [...ind.line, ...ind.outcomes.filter((v): v is number => v !== null)];
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x0 = years[0];
  const x1 = years[years.length - 1];
  const x = (year: number) => (x1 === x0 ? (left + right) / 2 : left + ((year - x0) / (x1 - x0)) * (right - left));
  const y = (v: number) => bottom - ((v - lo) / (hi - lo || 1)) * (bottom - top);
  const body: SvgNode[] = [];
  for (const t of ticks) {
    body.push(node('line', { x1: left, y1: round(y(t)), x2: right, y2: round(y(t)), stroke: PANE_CHART_COLORS.grid, 'stroke-width': 1 }));
    body.push(node('text', { x: left - 4, y: round(y(t)) + 3, 'font-size': 10, 'text-anchor': 'end', fill: PANE_CHART_COLORS.text }, [], formatNumber(t)));
  }
  // The first year starts at the axis and the last ends at the edge, clear of the value labels.
  years.forEach((yr, i) => body.push(node('text', { x: round(x(yr)), y: bottom + 16, 'font-size': 10, 'text-anchor': years.length > 1 && i === 0 ? 'start' : years.length > 1 && i === years.length - 1 ? 'end' : 'middle', fill: PANE_CHART_COLORS.text }, [], String(yr))));
  const path = (pts: [number, number][]) => pts.map(([a, b], i) => `${i ? 'L' : 'M'}${round(x(a))} ${round(y(b))}`).join(' ');
  const linePts = years.map((yr, i) => [yr, ind.line[i]] as [number, number]);
  body.push(node('path', { d: path(linePts), fill: 'none', stroke: PANE_CHART_COLORS.line, 'stroke-width': 1.75, 'stroke-dasharray': '6 4', 'data-series': 'linje' }));
  for (const [a, b] of linePts) body.push(node('path', { d: `M${round(x(a))} ${round(y(b) - 5)} l4.5 8 h-9 z`, fill: PANE_CHART_COLORS.line }));
  const outPts = years.flatMap((yr, i) => (ind.outcomes[i] === null ? [] : [[yr, ind.outcomes[i]] as [number, number]]));
  if (outPts.length > 1) body.push(node('path', { d: path(outPts), fill: 'none', stroke: PANE_CHART_COLORS.outcome, 'stroke-width': 2.5, 'data-series': 'utfall' }));
  for (const [a, b] of outPts) body.push(node('rect', { x: round(x(a) - 4), y: round(y(b) - 4), width: 8, height: 8, fill: PANE_CHART_COLORS.outcome }));
  // Legend under the axis.
  const ly = height - 26;
  body.push(node('line', { x1: left, y1: ly, x2: left + 22, y2: ly, stroke: PANE_CHART_COLORS.line, 'stroke-width': 1.75, 'stroke-dasharray': '6 4' }));
  body.push(node('text', { x: left + 27, y: ly + 4, 'font-size': 11, fill: PANE_CHART_COLORS.text }, [], 'Linjen mot målvärdet (i fas)'));
  body.push(node('line', { x1: left, y1: ly + 15, x2: left + 22, y2: ly + 15, stroke: PANE_CHART_COLORS.outcome, 'stroke-width': 2.5 }));
  body.push(node('rect', { x: left + 7, y: ly + 11, width: 8, height: 8, fill: PANE_CHART_COLORS.outcome }));
  body.push(node('text', { x: left + 27, y: ly + 19, 'font-size': 11, fill: PANE_CHART_COLORS.text }, [], `Utfall (${ind.riktning === 'lagre' ? 'lägre' : 'högre'} är bättre)`));
  return svgRoot(idPrefix, ind.title, ind.description, height, body);
}

/** The table behind the budget picture: the same numbers, for reading and for screen readers. */
export function budgetRows(data: NamndChartData): { head: string[]; rows: string[][] } {
  // Whole kronor and tkr, tenths of a mnkr: as the report's sentences tell them.
  const scale = 10 ** unitDecimals(data.unit);
  const fmt = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v * scale) / scale));
  const basis = data.basis;
  return {
    head: ['Verksamhet', `Budget (${data.unit})`, `Utfall (${data.unit})`, `Helårsprognos (${data.unit})`, `Avvikelse (${data.unit})`],
    rows: data.budget.map((b: BudgetBar) => [b.verksamhet, fmt(b.budget), fmt(b.utfall), fmt(b.prognos), fmt(b.budget !== null && b[basis] !== null ? b.budget - b[basis]! : null)]),
  };
}

export function indicatorRows(ind: Indicator): { head: string[]; rows: string[][] } {
  return {
    head: ['År', 'Utfall', 'Linjen mot målvärdet'],
    rows: ind.years.map((yr, i) => [String(yr), ind.outcomes[i] === null ? '–' : formatNumber(ind.outcomes[i]!), formatNumber(ind.line[i])]),
  };
}
