/** The budget table by verksamhet (live avvikelse and SUM totals) and the åtgärdsplan. */
import type { BudgetSection, ActionPlanSection, BudgetColumn } from './template-schema';
import type { SpecCell } from '../sheet-spec';
import { address, columnLetter, isoToSerial } from './cell-ref';
import { krToUnit, reportUnit } from './amounts';
import { amountIn, COL, STYLE } from './styles';
import { mergedFill, mergeRef, sectionHeading, text, type SectionContext } from './section-context';

const HEADERS: Record<BudgetColumn, string> = {
  budget: 'Budget',
  utfall: 'Utfall',
  prognos: 'Helårsprognos',
  avvikelse: 'Avvikelse',
};

export function budgetRowKey(namnd: string, verksamhet: string): string {
  return `avvikelse:${namnd}|${verksamhet}`;
}

export function renderBudget(ctx: SectionContext, s: BudgetSection): void {
  const d = ctx.draft;
  sectionHeading(ctx, 'budget', s.heading, s.help);
  const cols = [...new Set(s.columns)];
  const colOf = new Map<BudgetColumn, number>(cols.map((c, i) => [c, COL.D + i]));
  const analysis = s.deviationAnalysis !== 'ingen';

  const header: Record<number, SpecCell> = { [COL.B]: text('Verksamhet', STYLE.header), [COL.C]: text(null, STYLE.header) };
  for (const [c, col] of colOf) header[col] = text(HEADERS[c], STYLE.headerRight); // the unit is in the subtitle
  if (analysis) header[COL.H] = text(s.deviationAnalysis === 'underskott' ? 'Analys av underskottet' : 'Analys av avvikelsen', STYLE.header);
  const hr = d.add(header, 'kolumner:budget');
  d.merge(mergeRef(hr, COL.B, hr, COL.C));

  const first = d.next;
  const basis = s.deviationBasis;
  const amount = amountIn(reportUnit(ctx.model));
  for (const g of ctx.data.budget) {
    const r = d.next;
    const values: Record<BudgetColumn, number | null> = {
      budget: g.budget,
      utfall: g.utfall,
      prognos: g.prognos,
      avvikelse: g.budget !== null && g[basis] !== null ? g.budget - (g[basis] as number) : null,
    };
    const cells: Record<number, SpecCell | null> = { [COL.B]: text(g.verksamhet) };
    for (const [c, col] of colOf) {
      const cell: SpecCell = { v: values[c], style: amount };
      const bCol = colOf.get('budget');
      const oCol = colOf.get(basis);
      if (c === 'avvikelse' && values.avvikelse !== null && bCol && oCol) {
        cell.f = `${address(r, bCol)}-${address(r, oCol)}`;
      }
      cells[col] = cell;
    }
    const dev = values.avvikelse;
    const wantsAnalysis = analysis && dev !== null && (s.deviationAnalysis === 'alla' ? Math.abs(dev) >= 0.5 : dev <= -0.5);
    const fills = wantsAnalysis ? [{ field: 'analys', col: COL.H, value: null }] : [];
    d.add(cells, budgetRowKey(ctx.data.namnd, g.verksamhet), {}, fills);
    d.merge(mergeRef(r, COL.B, r, COL.C));
  }
  const last = d.next - 1;
  ctx.budgetTable = {
    headerRow: hr,
    first,
    last,
    columns: (['budget', 'utfall', 'prognos'] as const).flatMap((c) => (colOf.has(c) ? [{ column: c, col: colOf.get(c)! }] : [])),
    basis,
  };

  const tr = d.next;
  const totals: Record<number, SpecCell | null> = {
    [COL.B]: text(`Summa ${ctx.data.namnd}`, STYLE.totalLabel),
    [COL.C]: text(null, STYLE.totalLabel),
  };
  for (const [c, col] of colOf) {
    const sum = ctx.data.budget.reduce((acc, g) => {
      const v = c === 'avvikelse' ? (g.budget !== null && g[basis] !== null ? g.budget - (g[basis] as number) : null) : g[c];
      return acc + (v ?? 0);
    }, 0);
    const L = columnLetter(col);
    totals[col] = last >= first ? { v: sum, f: `SUM(${L}${first}:${L}${last})`, style: amountIn(reportUnit(ctx.model), STYLE.total) } : { v: 0, style: amountIn(reportUnit(ctx.model), STYLE.total) };
  }
  d.add(totals, 'summa:budget');
  d.merge(mergeRef(tr, COL.B, tr, COL.C));
  const devCol = colOf.get('avvikelse');
  if (devCol) ctx.totalAvvikelse = { cell: address(tr, devCol), value: (totals[devCol] as SpecCell).v as number };
}

export const ATGARD_FIELDS = ['atgard', 'belopp', 'ansvarig', 'klart', 'status'] as const;

export function renderActionPlan(ctx: SectionContext, s: ActionPlanSection): void {
  const d = ctx.draft;
  sectionHeading(ctx, 'atgardsplan', s.heading, s.help);
  if (ctx.totalAvvikelse) {
    const t = ctx.totalAvvikelse;
    d.add(
      {
        [COL.B]: text('Nämndens avvikelse mot budget' + ctx.unitSuffix, { bold: true }),
        [COL.D]: { v: t.value, f: t.cell, style: { ...amountIn(reportUnit(ctx.model)), bold: true } },
        [COL.E]: text(t.value !== null && t.value < 0 ? 'Underskott: åtgärder krävs' : '', t.value !== null && t.value < 0 ? STYLE.bad : STYLE.neutral),
      },
      'atgardsplan:avvikelse',
    );
  }

  const header = (key: string): void => {
    const r = d.add(
      {
        [COL.B]: text('Nr', STYLE.header),
        [COL.C]: text('Åtgärd', STYLE.header),
        [COL.D]: text(`Belopp (${reportUnit(ctx.model)})`, STYLE.headerRight),
        [COL.E]: text('Ansvarig', STYLE.header),
        [COL.F]: text(null, STYLE.header),
        [COL.G]: text('Klart senast', STYLE.header),
        [COL.H]: text('Status', STYLE.header),
      },
      key,
    );
    d.merge(mergeRef(r, COL.E, r, COL.F));
  };

  if (s.showExisting && ctx.data.atgarder.length) {
    d.add({ [COL.B]: text('Åtgärder som redan finns i huvudarbetsboken', { ...STYLE.group, wrap: false }) }, 'atgardsplan:befintliga');
    header('kolumner:atgard-befintlig');
    ctx.data.atgarder.forEach((a, i) => {
      const r = d.add(
        {
          [COL.B]: text(i + 1),
          [COL.C]: text(a.text),
          // Åtgärder Belopp is kronor in the master; shown in the report's unit.
          [COL.D]: { v: krToUnit(a.belopp, reportUnit(ctx.model)), style: amountIn(reportUnit(ctx.model)) },
          [COL.E]: text(a.ansvarig),
          [COL.G]: a.klartSenast ? { v: isoToSerial(a.klartSenast) ?? a.klartSenast, date: true, style: STYLE.date } : null,
          [COL.H]: text(a.status),
        },
        `atgard-befintlig:${i + 1}`,
      );
      d.merge(mergeRef(r, COL.E, r, COL.F));
    });
    d.add({ [COL.B]: text('Nya åtgärder', { ...STYLE.group, wrap: false }) }, 'atgardsplan:nya');
  }

  header('kolumner:atgard');
  let used = 0;
  for (const id of ctx.previous.keys()) {
    const m = /^atgard:(\d+):/.exec(id);
    if (m && ctx.previous.get(id) !== null) used = Math.max(used, Number(m[1]));
  }
  const count = Math.max(s.rows, used + 1);
  for (let n = 1; n <= count; n++) {
    const r = d.add({ [COL.B]: text(n, { valign: 'top', align: 'center' }), [COL.F]: mergedFill() }, `atgard:${n}`, {}, [
      { field: 'atgard', col: COL.C, value: null },
      { field: 'belopp', col: COL.D, value: null, style: { numFmt: amountIn(reportUnit(ctx.model)).numFmt } },
      { field: 'ansvarig', col: COL.E, value: null },
      { field: 'klart', col: COL.G, value: null, style: { numFmt: 'yyyy-mm-dd', align: 'left' } },
      { field: 'status', col: COL.H, value: null },
    ]);
    d.merge(mergeRef(r, COL.E, r, COL.F));
  }
}
