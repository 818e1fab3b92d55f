/** Findings for what a returned report leaves unanswered. */
import type { Category, Finding, Severity } from '../finding';
import type { Model } from '../model';
import type { ReportTemplate } from './template-schema';
import { isBlank, normalizeName, parseSwedishNumber } from './cell-ref';
import { sameNamnd } from './namnd-data';
import type { ReportReading } from './read-report';
import { formatNumber } from './section-context';

const SRC = {
  avvikelse: 'Flen styrmodell, Delårsrapport ("Nämnderna ska analysera både mål och ekonomi"); Hedemora styrmodell, Delårsrapport ("analysera och förklara sina resultat")',
  atgardsplan: 'Flen styrmodell, Åtgärder vid underskott samt avvikelse i måluppfyllnad; Hedemora styrmodell, Budgetavvikelser ("Vid större avvikelser krävs en åtgärdsplan")',
  prognos: 'Hedemora styrmodell, Delårsrapport ("bedöma hur många mål som förväntas uppnås vid årets slut"); Flen styrmodell, Delårsrapport',
  indikator: 'Hedemora styrmodell, Uppföljningsprocess ("Resultaten redovisas i delårsrapporten och årsredovisningen")',
  text: 'Rapportmallen',
  andrad: 'Styrkoll, rapportmallens låsta celler',
};

export function finding(
  rule: string, category: Category, severity: Severity, sheet: string | null, row: number | null, namnd: string | null,
  message: string, suggestion: string, cell: string | null = null, source = SRC.andrad,
): Finding {
  return { rule, category, severity, sheet, row, cell: row === null ? null : cell, namnd, message, source, suggestion };
}

const PROGNOS_OK = new Set(['uppnas', 'delvis', 'delvis uppnas', 'uppnas ej', 'ej uppnas', 'uppnas inte']);

export function missingAnswerFindings(a: { reading: ReportReading; namnd: string; file: string; master: Model; template?: ReportTemplate }): Finding[] {
  const { reading, namnd, file, master, template } = a;
  const out: Finding[] = [];
  const textSections = new Map((template?.sections ?? []).flatMap((s) => (s.kind === 'text' ? [[s.id, s] as const] : [])));
  let atgardRows = 0;
  let atgardFilled = 0;

  for (const f of reading.fields.values()) {
    const blank = isBlank(f.value);
    const parts = f.id.split(':');
    const kind = parts[0];
    const key = parts.slice(1, -1).join(':');
    const field = parts[parts.length - 1];
    const at = (rule: string, category: Category, message: string, suggestion: string, source: string): void => {
      out.push(finding(rule, category, 'varning', reading.sheet, f.row, namnd, `${file}: ${message}`, suggestion, f.cell, source));
    };
    if (kind === 'avvikelse' && field === 'analys' && blank) {
      const verksamhet = key.slice(key.indexOf('|') + 1);
      const lines = (master.budget?.lines ?? []).filter((l) => sameNamnd(l.namnd, namnd) && (l.verksamhet?.trim() || '(ingen verksamhet angiven)') === verksamhet);
      const dev = lines.reduce((s, l) => s + (l.avvikelse ?? 0), 0);
      at('RAP-AVVIKELSE-ANALYS', 'budget', `avvikelsen för ${verksamhet}${lines.length ? ` (${formatNumber(Math.round(dev))})` : ''} saknar analys.`,
        'Be nämnden förklara avvikelsen: orsak, om den består året ut och vad som görs.', SRC.avvikelse);
    } else if (kind === 'mal' && field === 'prognos') {
      if (blank) at('RAP-MAL-PROGNOS', 'mal', `mål ${key} saknar prognos för måluppfyllelsen.`, 'Välj Uppnås, Delvis eller Uppnås ej i listan.', SRC.prognos);
      else if (!PROGNOS_OK.has(normalizeName(String(f.value)))) {
        at('RAP-MAL-PROGNOS', 'mal', `mål ${key} har prognosen "${String(f.value)}", som inte är Uppnås, Delvis eller Uppnås ej; den togs inte in.`,
          'Välj Uppnås, Delvis eller Uppnås ej i listan.', SRC.prognos);
      }
    } else if (kind === 'indikator' && field === 'utfall') {
      if (blank) at('RAP-INDIKATOR-UTFALL', 'mal', `indikator ${key} saknar utfall.`, 'Fyll i senaste utfallet (från Kolada eller egen mätning).', SRC.indikator);
      else if (parseSwedishNumber(f.value) === null) {
        at('RAP-INDIKATOR-UTFALL', 'mal', `indikator ${key} har utfallet "${String(f.value)}", som inte är ett tal; det togs inte in.`, 'Skriv utfallet som ett tal, t.ex. 52,5.', SRC.indikator);
      }
    } else if (kind === 'atgard') {
      if (field === 'atgard') {
        atgardRows++;
        if (!blank) atgardFilled++;
      }
    } else if (!key && blank) {
      const t = textSections.get(f.id);
      if (template ? t?.required : true) {
        at('RAP-TEXT-SAKNAS', t?.category ?? 'budget', `fältet "${t?.heading ?? f.id}" är inte ifyllt.`, 'Be nämnden fylla i fältet.', template ? `${SRC.text} ${template.id}: ${template.source}` : SRC.text);
      }
    }
  }

  const deficit = (master.budget?.lines ?? []).filter((l) => sameNamnd(l.namnd, namnd)).reduce((s, l) => s + (l.avvikelse ?? 0), 0);
  const existing = (master.atgarder?.items ?? []).some((x) => sameNamnd(x.namnd, namnd));
  if (atgardRows > 0 && deficit <= -0.5 && atgardFilled === 0 && !existing) {
    const first = [...reading.fields.values()].find((f) => f.id.startsWith('atgard:'))!;
    out.push(finding('RAP-ATGARDSPLAN', 'budget', 'varning', reading.sheet, first.row, namnd,
      `${file}: ${namnd} prognostiserar ett underskott (${formatNumber(Math.round(deficit))}) men har ingen åtgärdsplan.`,
      'Be nämnden fylla i åtgärdsplanen: åtgärd, belopp, ansvarig och klart senast.', first.cell, SRC.atgardsplan));
  }
  return out;
}
