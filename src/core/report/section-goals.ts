/** Goals with their indicators (on-track status on the straight line) and uppdrag with status. */
import type { GoalPrognos, Indicator } from '../model';
import type { SpecCell } from '../sheet-spec';
import type { GoalsSection, UppdragSection } from './template-schema';
import { isoToSerial } from './cell-ref';
import { krToUnit, reportUnit } from './amounts';
import { indicatorStatus } from './indicator-status';
import { amountIn, COL, STYLE } from './styles';
import { formatNumber, mergeRef, sectionHeading, text, type SectionContext } from './section-context';
import type { FillIn } from './sheet-draft';

export const PROGNOS_LABELS: Record<GoalPrognos, string> = { uppnas: 'Uppnås', delvis: 'Delvis', 'uppnas-ej': 'Uppnås ej' };
export const PROGNOS_LIST = [PROGNOS_LABELS.uppnas, PROGNOS_LABELS.delvis, PROGNOS_LABELS['uppnas-ej']];

function valueWithYear(v: number | null, year: number | null): string | null {
  if (v === null) return null;
  return year ? `${formatNumber(v)} (${year})` : formatNumber(v);
}

function indicatorOffTrack(ind: Indicator, year: number | null): boolean {
  return indicatorStatus(ind, ind.outcomeYear ?? year).status === 'ej-i-fas';
}

export function renderGoals(ctx: SectionContext, s: GoalsSection): void {
  const d = ctx.draft;
  sectionHeading(ctx, 'mal', s.heading, s.help);
  const ind = s.indicators;
  d.add(
    {
      [COL.B]: text('ID', STYLE.header),
      [COL.C]: text(ind ? 'Mål / indikator' : 'Mål', STYLE.header),
      [COL.D]: text(ind ? 'Utgångsvärde' : null, STYLE.headerRight),
      [COL.E]: text(ind ? 'Målvärde' : null, STYLE.headerRight),
      [COL.F]: text(ind ? 'Utfall' : null, STYLE.headerRight),
      [COL.G]: text(s.prognos ? s.prognosHeading : ind ? 'Status' : null, STYLE.header),
      [COL.H]: text(s.comment ? 'Kommentar' : null, STYLE.header),
    },
    'kolumner:mal',
  );

  let shown = 0;
  for (const group of ctx.data.goalGroups) {
    const entries = group.goals.filter(
      (e) => s.only === 'alla' || e.goal.prognos !== 'uppnas' || e.indicators.some((i) => indicatorOffTrack(i, ctx.year)),
    );
    if (!entries.length) continue;
    const p = group.parent;
    const gr = d.add(
      {
        [COL.B]: text(p ? p.id : null, STYLE.group),
        [COL.C]: text(p ? `${p.niva}: ${p.text}` : 'Nämndens egna mål', STYLE.group),
      },
      `malgrupp:${p?.id ?? ''}`,
    );
    d.merge(mergeRef(gr, COL.C, gr, COL.H));
    for (const { goal, depth, indicators } of entries) {
      shown++;
      const fills: FillIn[] = [];
      if (s.prognos) fills.push({ field: 'prognos', col: COL.G, value: goal.prognos ? PROGNOS_LABELS[goal.prognos] : null, list: PROGNOS_LIST });
      if (s.comment) fills.push({ field: 'kommentar', col: COL.H, value: null });
      const r = d.add({ [COL.B]: text(goal.id, { bold: true, valign: 'top' }), [COL.C]: text('   '.repeat(depth) + goal.text, { ...STYLE.text, bold: true }) }, `mal:${goal.id}`, {}, fills);
      // A goal row has no values under Utgångsvärde–Utfall: its text gets that width too.
      d.merge(mergeRef(r, COL.C, r, COL.F));
      if (ind) for (const i of indicators) renderIndicator(ctx, s, i, depth);
    }
  }
  if (!shown) d.add({ [COL.C]: text(s.only === 'alla' ? 'Nämnden har inga mål i huvudarbetsboken.' : 'Inga mål med avvikelser.', STYLE.neutral) }, 'mal:inga');
}

function renderIndicator(ctx: SectionContext, s: GoalsSection, i: Indicator, depth: number): void {
  const status = indicatorStatus(i, i.outcomeYear ?? ctx.year);
  const style = status.onTrack === null ? STYLE.neutral : status.onTrack ? STYLE.good : STYLE.bad;
  const cells: Record<number, SpecCell | null> = {
    [COL.B]: text(i.id, STYLE.neutral),
    [COL.C]: text(`${'   '.repeat(depth)}• ${i.text}${i.riktning === 'lagre' ? ' (lägre är bättre)' : ''}`),
    [COL.D]: text(valueWithYear(i.baseline, i.baselineYear), { ...STYLE.text, align: 'right' }),
    [COL.E]: text(valueWithYear(i.target, i.targetYear), { ...STYLE.text, align: 'right' }),
    [COL.G]: text(status.label, style),
    [COL.H]:
      status.expected !== null && status.status !== 'uppnatt' && status.year
        ? text(`Linjen mot målvärdet ger ${formatNumber(Math.round(status.expected * 100) / 100)} för ${status.year}`, { ...STYLE.neutral, wrap: true })
        : null,
  };
  const fills: FillIn[] = [];
  if (i.outcome !== null) cells[COL.F] = text(valueWithYear(i.outcome, i.outcomeYear), { ...STYLE.text, align: 'right' });
  else if (s.fillMissingOutcome) fills.push({ field: 'utfall', col: COL.F, value: null, style: { align: 'right' } });
  ctx.draft.add(cells, `indikator:${i.id}`, {}, fills);
}

export function renderUppdrag(ctx: SectionContext, s: UppdragSection): void {
  const d = ctx.draft;
  sectionHeading(ctx, 'uppdrag', s.heading, s.help);
  d.add(
    {
      [COL.B]: text('ID', STYLE.header),
      [COL.C]: text('Uppdrag', STYLE.header),
      [COL.D]: text('Givet av', STYLE.header),
      [COL.E]: text('Klart senast', STYLE.header),
      [COL.F]: text(`Kostnad (${reportUnit(ctx.model)})`, STYLE.headerRight),
      [COL.G]: text(s.status ? 'Status' : null, STYLE.header),
      [COL.H]: text(s.comment ? 'Kommentar' : null, STYLE.header),
    },
    'kolumner:uppdrag',
  );
  for (const u of ctx.data.uppdrag) {
    const fills: FillIn[] = [];
    if (s.status) fills.push({ field: 'status', col: COL.G, value: u.status });
    if (s.comment) fills.push({ field: 'kommentar', col: COL.H, value: null });
    const serial = isoToSerial(u.klartSenast);
    d.add(
      {
        [COL.B]: text(u.id, { valign: 'top' }),
        [COL.C]: text(u.text),
        [COL.D]: text(u.givetAv),
        [COL.E]: serial !== null ? { v: serial, date: true, style: STYLE.date } : text(u.klartSenast),
        // Uppdrag Kostnad is kronor in the master; shown in the report's unit.
        [COL.F]: { v: krToUnit(u.kostnad, reportUnit(ctx.model)), style: amountIn(reportUnit(ctx.model)) },
        [COL.G]: s.status ? null : text(u.status),
      },
      `uppdrag:${u.id}`,
      {},
      fills,
    );
  }
  if (!ctx.data.uppdrag.length) d.add({ [COL.C]: text('Nämnden har inga uppdrag i huvudarbetsboken.', STYLE.neutral) }, 'uppdrag:inga');
}
