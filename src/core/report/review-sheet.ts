/**
 * The `Saknas eller behöver granskas` sheet of collect's output: per nämnd a line on what was
 * answered, then every finding, then every answer that was not taken, with its text.
 */
import type { Finding } from '../finding';
import type { SheetSpec, SpecCell } from '../sheet-spec';

export const REVIEW_SHEET = 'Saknas eller behöver granskas';

/** An answer (or text) from a returned report that was not taken into the master. */
export interface Rejected {
  namnd: string | null;
  file: string;
  sheet: string;
  cell: string;
  label: string;
  value: string | number | null;
  /** Why, in Swedish. */
  reason: string;
}

const HEADER = { bold: true, fill: 'FFD9E1F2', border: 'bottom' as const, wrap: true };
const TOP = { wrap: true, valign: 'top' as const };
const SEVERITY: Record<string, string> = { fel: 'Fel', varning: 'Varning', info: 'Info' };

export function buildReviewSheet(a: { findings: Finding[]; rejected: Rejected[]; namndLines: Map<string, string>; namnder: string[] }): SheetSpec {
  const t = (v: string | number | null, style: SpecCell['style'] = TOP): SpecCell => ({ v, style });
  const rows: (SpecCell | null)[][] = [
    [t(REVIEW_SHEET, { bold: true, fontSize: 14, color: 'FF1F3864' })],
    [t('Skapad av styrkoll collect: vad varje nämnd svarat, vad som saknas och svar som inte togs in.', { italic: true, color: 'FF595959' })],
    [],
    ['Nämnd', 'Läge'].map((h) => t(h, HEADER)),
  ];
  for (const n of a.namnder) rows.push([t(n), t(a.namndLines.get(n) ?? 'Ingen rapport har kommit in.')]);
  rows.push([], ['Nivå', 'Nämnd', 'Iakttagelse', 'Regel', 'Plats', 'Förslag'].map((h) => t(h, HEADER)));
  for (const f of a.findings) {
    rows.push([t(SEVERITY[f.severity] ?? f.severity), t(f.namnd), t(f.message), t(f.rule), t(f.sheet ? `${f.sheet}${f.cell ? '!' + f.cell : ''}` : null), t(f.suggestion)]);
  }
  if (!a.findings.length) rows.push([t('Allt som efterfrågades är besvarat.')]);
  rows.push([], ['Nämnd', 'Fält', 'Svar som inte togs in', 'Varför', 'Källa'].map((h) => t(h, HEADER)));
  for (const r of a.rejected) rows.push([t(r.namnd), t(r.label), t(r.value), t(r.reason), t(`${r.file}: ${r.sheet}!${r.cell}`)]);
  if (!a.rejected.length) rows.push([t('Inga svar lämnades utanför.', { italic: true, color: 'FF595959' })]);
  return {
    name: REVIEW_SHEET,
    rows,
    columnWidths: [24, 40, 70, 30, 30, 40],
    freeze: { rows: 1 },
    print: { orientation: 'landscape', fitToWidth: true },
  };
}
