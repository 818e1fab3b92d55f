/**
 * The Diagram section at the end of a report: budget against helårsprognos (and utfall) per
 * verksamhet, drawn from the budget table, and each indicator's outcomes against the straight line
 * from baseline to target, drawn from an Underlag table written here. Starts on a page of its own;
 * every chart lies on cells reserved for it, within the A4 page width (columns B–H).
 */
import type { Enhet } from '../model';
import type { ChartSeries, ChartSpec, SpecCell } from '../sheet-spec';
import type { ReportTemplate } from './template-schema';
import { address, columnLetter } from './cell-ref';
import { cutUtf16 } from './file-name';
import { reportUnit } from './amounts';
import { budgetDescription, budgetTitle, indicatorDescription, indicatorPicture, MAX_INDICATOR_PICTURES, overBudget, unitDecimals, type IndicatorPicture } from './chart-data';
import { COL, STYLE } from './styles';
import { sectionHeading, text, type SectionContext } from './section-context';

/** Rows (15 pt each) under each row of indicator charts. */
const INDICATOR_ROWS = 15;
/** Rows of 15 pt a printed A4 page holds at the report's fit-to-width scale (about 69), with a margin. */
const ROWS_PER_PAGE = 64;

/** Rows under the budget chart: room for every bar, within one page (with the Diagram heading above it). */
export function budgetChartRows(verksamheter: number, series: number): number {
  return Math.max(16, Math.min(56, 7 + Math.ceil(verksamheter * series * 0.55)));
}

/**
 * About how thick each bar prints, in points: the chart's height less its title, legend and axis
 * (about 110 pt), shared by the verksamheter, less the gap between them (60 %), shared by the series.
 */
export function budgetBarPoints(verksamheter: number, series: number): number {
  const plot = budgetChartRows(verksamheter, series) * 15 - 110;
  return plot / Math.max(1, verksamheter) / 1.6 / Math.max(1, series);
}

/** Below this a bar's two 0,75 pt outlines would cover most of it: many verksamheter print as a black block. */
const MIN_OUTLINED_BAR_PT = 4;

/** Grey-print friendly: dark, light and hatched series, the deficit hatched red. */
export const CHART_COLORS = {
  budget: '1F3864',
  utfall: 'A6A6A6',
  prognos: '5B9BD5',
  deficit: 'C00000',
  line: '595959',
  outcome: '1F3864',
} as const;

const HEADINGS = { budget: 'Budget', utfall: 'Utfall', prognos: 'Helårsprognos' } as const;

/** Excel number format for amounts in `unit`: `#,##0 "tkr"` (shown `1 234 tkr` in Swedish Excel), `#,##0.0 "mnkr"`. */
export function amountFormat(unit: Enhet): string {
  return `#,##0${unitDecimals(unit) ? `.${'0'.repeat(unitDecimals(unit))}` : ''} "${unit}"`;
}

/** At most n UTF-16 units, an emoji never split in half (a lone half is written as "�"). */
function cut(s: string, n: number): string {
  return s.length <= n ? s : `${cutUtf16(s, n - 1)}…`;
}

function budgetChart(ctx: SectionContext, top: number): ChartSpec | null {
  const t = ctx.budgetTable;
  const bars = ctx.data.budget;
  if (!t || t.last < t.first || !bars.length || !t.columns.length) return null;
  const enhet = reportUnit(ctx.model);
  const over = overBudget(bars, t.basis, enhet);
  const categories = { ref: `${address(t.first, COL.B)}:${address(t.last, COL.B)}`, values: bars.map((b) => b.verksamhet) };
  const series: ChartSeries[] = t.columns.map(({ column, col }) => {
    const L = columnLetter(col);
    const s: ChartSeries = {
      name: HEADINGS[column],
      nameRef: address(t.headerRow, col),
      categories,
      values: { ref: `${L}${t.first}:${L}${t.last}`, values: bars.map((b) => b[column]) },
      color: CHART_COLORS[column],
    };
    if (column === t.basis && over.length) s.highlight = { points: over, color: CHART_COLORS.deficit, pattern: 'dkUpDiag' };
    return s;
  });
  const what = t.basis === 'prognos' ? 'helårsprognos' : 'utfall';
  return {
    id: 'budget',
    kind: 'bar',
    barDirection: 'bar',
    grouping: 'clustered',
    title: budgetTitle(ctx.data.namnd, t.basis),
    description: over.length ? `${budgetDescription(bars, t.basis, enhet)} Rödrandiga staplar: ${what} över budget.` : budgetDescription(bars, t.basis, enhet),
    categoryAxisTitle: 'Verksamhet',
    valueAxisTitle: `Nettokostnad (${enhet})`,
    valueFormat: amountFormat(enhet),
    series,
    ...(budgetBarPoints(bars.length, series.length) < MIN_OUTLINED_BAR_PT ? { barOutline: false as const } : {}),
    anchor: { from: { col: COL.B, row: top }, to: { col: COL.H + 1, row: top + budgetChartRows(bars.length, series.length) } },
  };
}

/** The Underlag rows of one indicator: År, Utfall and the line (the chart's ranges). */
function indicatorRows(ctx: SectionContext, p: IndicatorPicture): { years: number; outcomes: number; line: number } {
  const d = ctx.draft;
  // Years and indicator values in Excel's General format: 2024, 72,5.
  const cells = (label: string, values: (number | null)[]): Record<number, SpecCell | null> => {
    const row: Record<number, SpecCell | null> = { [COL.C]: text(label, STYLE.neutral) };
    values.forEach((v, i) => (row[COL.D + i] = { v, style: { valign: 'top', align: 'right' } }));
    return row;
  };
  const years = d.add({ [COL.B]: text(p.id, { bold: true, valign: 'top' }), ...cells('År', p.years) }, `diagram:${p.id}:ar`);
  const outcomes = d.add(cells('Utfall', p.outcomes), `diagram:${p.id}:utfall`);
  const line = d.add(cells('Linjen utgångsvärde → målvärde', p.line), `diagram:${p.id}:linje`);
  return { years, outcomes, line };
}

function indicatorChart(p: IndicatorPicture, rows: { years: number; outcomes: number; line: number }, anchor: ChartSpec['anchor']): ChartSpec {
  const last = columnLetter(COL.D + p.years.length - 1);
  const range = (r: number) => `D${r}:${last}${r}`;
  const dir = p.riktning === 'lagre' ? 'lägre är bättre' : 'högre är bättre';
  return {
    id: `indikator:${p.id}`,
    kind: 'scatter',
    title: cut(`${p.id}: ${p.text} – ${p.status.label.toLowerCase()}`, 90),
    description: indicatorDescription(p),
    categoryAxisTitle: 'År',
    valueAxisTitle: `Värde (${dir})`,
    xFormat: '0',
    series: [
      {
        name: 'Linjen mot målvärdet (i fas)',
        x: { ref: range(rows.years), values: p.years },
        values: { ref: range(rows.line), values: p.line },
        color: CHART_COLORS.line,
        dash: 'dash',
        marker: 'triangle',
        lineWidth: 1.75,
      },
      {
        name: 'Utfall',
        nameRef: `C${rows.outcomes}`,
        x: { ref: range(rows.years), values: p.years },
        values: { ref: range(rows.outcomes), values: p.outcomes },
        color: CHART_COLORS.outcome,
        dash: 'solid',
        marker: 'square',
        lineWidth: 2.5,
      },
    ],
    anchor,
  };
}

/** Adds the Diagram section when there is something to draw; returns the charts and the rows a printed page starts at. */
export function renderCharts(ctx: SectionContext, template: ReportTemplate): { charts: ChartSpec[]; pageBreaks: number[] } {
  const d = ctx.draft;
  const wantsIndicators = template.sections.some((s) => s.kind === 'mal' && s.indicators);
  const seen = new Set<string>();
  const pictures: IndicatorPicture[] = [];
  if (wantsIndicators) {
    for (const g of ctx.data.goalGroups) for (const e of g.goals) for (const ind of e.indicators) {
      if (seen.has(ind.id)) continue;
      seen.add(ind.id);
      const p = indicatorPicture(ind, ctx.year);
      if (p) pictures.push(p);
    }
  }
  const hasBudget = !!ctx.budgetTable && ctx.budgetTable.last >= ctx.budgetTable.first && ctx.budgetTable.columns.length > 0;
  if (!hasBudget && !pictures.length) return { charts: [], pageBreaks: [] };

  const charts: ChartSpec[] = [];
  const pageBreaks: number[] = [d.next + 1];
  sectionHeading(ctx, 'diagram', 'Diagram', 'Diagrammen hämtar sina värden ur tabellerna i rapporten. Indikatorernas värden står under Underlag för diagrammen längst ned.');
  d.blank();
  let used = d.next - pageBreaks[0];
  if (hasBudget) {
    const top = d.next;
    const chart = budgetChart(ctx, top);
    if (chart) {
      charts.push(chart);
      const rows = chart.anchor.to.row - top + 1;
      d.blank(rows);
      used += rows;
    }
  }
  const shown = pictures.slice(0, MAX_INDICATOR_PICTURES);
  // Two charts side by side: B–D and E–H; one chart row per INDICATOR_ROWS + 1 rows.
  const slots: { p: IndicatorPicture; anchor: ChartSpec['anchor'] }[] = [];
  for (let i = 0; i < shown.length; i += 2) {
    // A chart row that would not fit on the page starts the next one.
    if (used + INDICATOR_ROWS + 1 > ROWS_PER_PAGE) {
      pageBreaks.push(d.next);
      used = 0;
    }
    const top = d.next;
    slots.push({ p: shown[i], anchor: { from: { col: COL.B, row: top }, to: { col: COL.E, row: top + INDICATOR_ROWS } } });
    if (shown[i + 1]) slots.push({ p: shown[i + 1], anchor: { from: { col: COL.E, row: top }, to: { col: COL.H + 1, row: top + INDICATOR_ROWS } } });
    d.blank(INDICATOR_ROWS + 1);
    used += INDICATOR_ROWS + 1;
  }
  if (pictures.length > shown.length) {
    d.add({ [COL.B]: text(`Nämnden har ${pictures.length} indikatorer med utgångsvärde och målvärde; diagram visas för de ${shown.length} första.`, STYLE.neutral) }, 'diagram:fler');
  }
  if (slots.length) {
    pageBreaks.push(d.next + 1);
    sectionHeading(ctx, 'diagram-underlag', 'Underlag för diagrammen', 'Per indikator: åren, utfallen (utgångsvärdet är utfallet för sitt år) och linjen från utgångsvärde till målvärde, som bedömningen i fas görs mot.');
    for (const slot of slots) charts.push(indicatorChart(slot.p, indicatorRows(ctx, slot.p), slot.anchor));
  }
  return { charts, pageBreaks };
}
