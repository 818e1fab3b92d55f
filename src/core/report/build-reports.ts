/**
 * buildReports: one pre-filled, protected report sheet per nämnd from a template. With `previous`
 * (the snapshot of an earlier output) every answer the nämnd typed is kept, by fill-in id.
 */
import type { CheckResult } from '../check-types';
import type { Model } from '../model';
import type { SheetSpec } from '../sheet-spec';
import type { CellValue, WorkbookSnapshot } from '../snapshot';
import { StyrkollError } from '../errors';
import type { ReportTemplate } from './template-schema';
import { listNamnder, namndData, sameNamnd, sheetNames } from './namnd-data';
import { SheetDraft } from './sheet-draft';
import { COL, COLUMN_WIDTHS, FILL_IN_COLOR, STYLE } from './styles';
import { helpLines, text, type SectionContext } from './section-context';
import { renderActionPlan, renderBudget } from './section-budget';
import { renderGoals, renderUppdrag } from './section-goals';
import { renderFindings, renderText } from './section-text';
import { renderCharts } from './section-charts';
import { META_KEY } from './row-key';
import { answersOf, readReports, type ReportReading } from './read-report';
import { describeChanges } from './regeneration';
import type { Signer } from './integrity';
import { reportUnit } from './amounts';

export interface BuildReportsInput {
  model: Model;
  result?: CheckResult;
  template: ReportTemplate;
  /** Only this nämnd (matched case-insensitively); all nämnder when absent. */
  namnd?: string;
  /** Snapshot of the earlier output, whose answers are kept. */
  previous?: WorkbookSnapshot;
  /** The sheets go one per workbook (`--per-namnd`): each workbook answers for its own nämnd only. */
  perNamnd?: boolean;
  /** Keyed hash for the rows' integrity tags (an adapter's HMAC; see integrity.ts). */
  sign: Signer;
}

export interface BuildReportsOutput {
  sheets: SheetSpec[];
  summary: string[];
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export function reportYear(model: Model): number | null {
  return model.settings.period?.year ?? model.settings.budgetar ?? null;
}

function periodText(template: ReportTemplate, model: Model): string | null {
  const to = template.period.to ?? model.settings.period?.month ?? null;
  const year = reportYear(model);
  if (!to) return year ? String(year) : null;
  const from = template.period.from;
  const span = from === to ? MONTHS[to - 1] : `${MONTHS[from - 1]}–${MONTHS[to - 1]}`;
  return year ? `${span} ${year}` : span;
}

function unitSuffix(model: Model): string {
  return model.settings.beloppI ? ` (${model.settings.beloppI})` : '';
}

/** Builds one nämnd's sheet. Exported for collect, which rebuilds it to name changed cells. */
export function buildNamndSheet(
  input: { model: Model; result?: CheckResult; template: ReportTemplate; sign?: Signer; perNamnd?: boolean },
  namnd: string,
  sheetName: string,
  previous: Map<string, CellValue> = new Map(),
): { sheet: SheetSpec; draft: SheetDraft } {
  const { model, template } = input;
  const year = reportYear(model);
  const draft = new SheetDraft(previous);
  const ctx: SectionContext = {
    draft,
    data: namndData(model, namnd, input.result?.findings ?? []),
    model,
    year,
    unitSuffix: unitSuffix(model),
    previous,
    totalAvvikelse: null,
  };

  const props: Record<string, string> = { mall: template.id, namnd };
  if (year) props.ar = String(year);
  // The unit the report's amounts are shown and typed in; collect converts typed amounts from it.
  props.enhet = reportUnit(model);
  if (input.perNamnd) props.utskick = 'namnd';
  draft.add({ [COL.B]: text(`${template.title}${year ? ' ' + year : ''} – ${namnd}`, STYLE.title) }, META_KEY, props);
  const info = [
    model.settings.kommun,
    periodText(template, model) && `Period: ${periodText(template, model)}`,
    model.settings.beloppI && `Belopp i ${model.settings.beloppI}, nettokostnad (kostnad positiv)`,
  ].filter(Boolean);
  draft.add({ [COL.B]: text(info.join(' · ') || null, STYLE.subtitle) }, 'info');
  draft.add(
    {
      [COL.B]: { v: 'Gul cell', style: { fill: FILL_IN_COLOR, border: 'thin', bold: true, align: 'center' } },
      [COL.C]: text('= fyll i. Övriga celler är låsta och hämtade ur huvudarbetsboken.', { italic: true }),
    },
    'forklaring',
  );
  if (template.instructions) {
    helpLines(template.instructions).forEach((l, i) => draft.add({ [COL.B]: text(l, { italic: true, color: 'FF595959' }) }, `instruktion:${i + 1}`));
  }

  for (const s of template.sections) {
    switch (s.kind) {
      case 'budget': renderBudget(ctx, s); break;
      case 'mal': renderGoals(ctx, s); break;
      case 'uppdrag': renderUppdrag(ctx, s); break;
      case 'iakttagelser': renderFindings(ctx, s); break;
      case 'text': renderText(ctx, s); break;
      case 'atgardsplan': renderActionPlan(ctx, s); break;
    }
  }
  const { charts, pageBreaks } = renderCharts(ctx, template);
  const sheet = draft.finish(sheetName, COLUMN_WIDTHS, input.sign);
  if (charts.length) {
    sheet.charts = charts;
    sheet.pageBreaks = pageBreaks;
  }
  return { sheet, draft };
}

export function buildReports(input: BuildReportsInput): BuildReportsOutput {
  const all = listNamnder(input.model);
  if (!all.length) {
    throw new StyrkollError('ARGUMENT', 'Arbetsboken har ingen nämnd att göra rapporter för (ingen Nämnd i Budget, Mål, Uppdrag eller Inställningar).');
  }
  let chosen = all;
  if (input.namnd !== undefined) {
    chosen = all.filter((n) => sameNamnd(n, input.namnd));
    if (!chosen.length) {
      throw new StyrkollError('ARGUMENT', `Nämnden "${input.namnd}" finns inte i arbetsboken. Nämnder: ${all.join(', ')}.`);
    }
  }
  const names = sheetNames(all);
  const previous = input.previous ? readReports(input.previous) : [];
  const summary: string[] = [];
  const sheets = chosen.map((namnd) => {
    const prior: ReportReading | undefined = previous.find((p) => sameNamnd(p.namnd, namnd));
    const answers = prior ? answersOf(prior) : new Map<string, CellValue>();
    const { sheet, draft } = buildNamndSheet(input, namnd, names[all.indexOf(namnd)], answers);
    summary.push(...describeChanges(namnd, sheet, draft, prior, answers));
    return sheet;
  });
  if (input.previous && !previous.length) summary.push('Den tidigare filen innehöll inga Styrkoll-rapporter; inga svar att behålla.');
  return { sheets, summary };
}
