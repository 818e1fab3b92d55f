/**
 * The Kontroll sheet and the cell marks, as data: each adapter (xlsx package writer, Office.js)
 * renders them. The labels are finding.ts's, the fills are exported so every adapter marks cells
 * in the same colours.
 */
import type { CheckResult } from './check-types';
import { CATEGORIES, CATEGORY_LABELS, compareSeverity, SEVERITIES, SEVERITY_LABELS, type Category, type Finding, type Severity } from './finding';
import { mergeMarks } from './marks';
import { formatSwedishNumber } from './input/numbers';
import type { CellMark, CellStyle, ChartSpec, SheetSpec, SpecCell } from './sheet-spec';

export const KONTROLL_SHEET_NAME = 'Kontroll';

export { CATEGORY_LABELS, SEVERITY_LABELS };

/** Fills for marked cells and severity cells (ARGB): Excel's light red, yellow and blue. */
export const SEVERITY_FILLS: Record<Severity, string> = { fel: 'FFFFC7CE', varning: 'FFFFEB9C', info: 'FFDDEBF7' };

export const FINDING_HEADERS = ['Allvar', 'Regel', 'Område', 'Nämnd', 'Blad', 'Cell', 'Meddelande', 'Förslag', 'Källa'] as const;

const WIDTHS = [14, 16, 14, 22, 16, 8, 60, 50, 32];

/**
 * At most this many cells per sheet get a fill and a note, the most severe first: nobody works
 * through more, and tens of thousands of notes make Excel slow to open the file. Every finding is
 * still listed on the Kontroll sheet (up to MAX_LISTED_FINDINGS).
 */
export const MAX_MARKED_CELLS_PER_SHEET = 10_000;
/** At most this many findings are listed on the Kontroll sheet (a sheet holds 1 048 576 rows). */
export const MAX_LISTED_FINDINGS = 100_000;
/** Freezing more rows than this would leave too little of the findings on a laptop screen. */
const MAX_FROZEN_ROWS = 25;

const TITLE: CellStyle = { bold: true, fontSize: 16, color: 'FF1F3864' };
const LABEL: CellStyle = { bold: true };
const HEADER: CellStyle = { bold: true, fill: 'FF1F3864', color: 'FFFFFFFF', border: 'thin', valign: 'top', wrap: true };
const BODY: CellStyle = { wrap: true, valign: 'top', border: 'thin' };
const COUNT: CellStyle = { border: 'thin', align: 'right' };
const TOTAL: CellStyle = { bold: true, border: 'thin', align: 'right' };
const LINK: CellStyle = { ...BODY, color: 'FF0563C1', underline: true };

const text = (v: string, style?: CellStyle): SpecCell => ({ v, style });
const num = (v: number, style?: CellStyle): SpecCell => ({ v, style });

export function buildKontrollSheet(result: CheckResult): SheetSpec {
  const { summary, findings } = result;
  const rows: (SpecCell | null)[][] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const lastCol = String.fromCharCode(64 + FINDING_HEADERS.length);

  rows.push([text(`Styrkoll – kontroll av ${summary.kommun ?? 'arbetsboken'}`, TITLE)]);
  merges.push(`A1:${lastCol}1`);
  rows.push([]);
  rows.push([text('Profil', LABEL), text(summary.profile)]);
  rows.push([text('Period', LABEL), text(summary.period ?? '–')]);
  rows.push([text('Antal regler', LABEL), num(summary.ruleCount, { align: 'left' })]);
  rows.push([]);
  if (!summary.budgetRead) {
    rows.push([text('Ingen budgetdata lästes – budgeten har inte kontrollerats. Se felet nedan.', { bold: true, color: 'FF9C0006', fill: SEVERITY_FILLS.fel })]);
    merges.push(`A${rows.length}:${lastCol}${rows.length}`);
    rows.push([]);
  }

  const chartTop = summary.budgetRead ? 3 : rows.length + 1;
  rows.push([text('Område', HEADER), ...SEVERITIES.map((s) => text(SEVERITY_LABELS[s], { ...HEADER, align: 'right' })), text('Totalt', { ...HEADER, align: 'right' })]);
  const summaryHeader = rows.length;
  const count = (c: Category | null, s: Severity | null) =>
    findings.filter((f) => (c === null || f.category === c) && (s === null || f.severity === s)).length;
  for (const c of CATEGORIES) {
    rows.push([text(CATEGORY_LABELS[c], { border: 'thin' }), ...SEVERITIES.map((s) => num(count(c, s), COUNT)), num(count(c, null), TOTAL)]);
  }
  rows.push([text('Totalt', { ...LABEL, border: 'thin' }), ...SEVERITIES.map((s) => num(count(null, s), TOTAL)), num(findings.length, TOTAL)]);
  const chart = findingsChart(summaryHeader, chartTop, rows.length + 1, count);
  rows.push([]);

  if (summary.inlast.length) {
    rows.push([text('Inläst', LABEL)]);
    for (const line of summary.inlast) {
      rows.push([text(line, { wrap: true, valign: 'top' })]);
      merges.push(`A${rows.length}:${lastCol}${rows.length}`);
      // A merged, wrapped cell does not grow by itself: about 190 characters fit on a line of A:I.
      rowHeights[rows.length] = 15 * Math.max(1, Math.ceil(line.length / 190));
    }
    rows.push([]);
  }

  const notes = [...summary.notes, ...limitNotes(findings)];
  if (notes.length) {
    rows.push([text('Att observera', LABEL)]);
    for (const note of notes) {
      rows.push([text(note, { wrap: true, valign: 'top' })]);
      merges.push(`A${rows.length}:${lastCol}${rows.length}`);
    }
    rows.push([]);
  }

  rows.push(FINDING_HEADERS.map((h) => text(h, HEADER)));
  const headerRow = rows.length;
  for (const f of findings.slice(0, MAX_LISTED_FINDINGS)) rows.push(findingRow(f));
  if (findings.length === 0) {
    rows.push([text(summary.budgetRead ? 'Inga avvikelser hittades.' : 'Inga fynd – men ingen budget lästes.', { italic: true })]);
  }

  return {
    name: KONTROLL_SHEET_NAME,
    rows,
    columnWidths: WIDTHS,
    ...(Object.keys(rowHeights).length ? { rowHeights } : {}),
    merges,
    freeze: headerRow <= MAX_FROZEN_ROWS ? { rows: headerRow } : undefined,
    autoFilter: findings.length ? `A${headerRow}:${lastCol}${rows.length}` : undefined,
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [headerRow, headerRow] },
    // Red when no budget was read, so the tab itself says the check is not clean.
    tabColor: summary.budgetRead ? 'FF1F3864' : 'FFA4262C',
    charts: [chart],
  };
}

/** Fel solid dark red, varning hatched amber, info dotted blue: told apart in grey print too. */
export const SEVERITY_CHART_STYLE: Record<Severity, { color: string; pattern?: 'ltUpDiag' | 'smCheck' }> = {
  fel: { color: 'C00000' },
  varning: { color: 'BF8F00', pattern: 'ltUpDiag' },
  info: { color: '2E75B6', pattern: 'smCheck' },
};

/** "Fynd per område och allvar: 4 fel, 3 varningar, 2 info; flest inom Budget (7)." */
export function findingsDescription(count: (c: Category | null, s: Severity | null) => number): string {
  const total = count(null, null);
  if (total === 0) return 'Fynd per område och allvar: inga fynd.';
  const fel = count(null, 'fel');
  const varning = count(null, 'varning');
  const info = count(null, 'info');
  let most: Category = CATEGORIES[0];
  for (const c of CATEGORIES) if (count(c, null) > count(most, null)) most = c;
  return `Fynd per område och allvar: ${fel} fel, ${varning} ${varning === 1 ? 'varning' : 'varningar'}, ${info} info; flest inom ${CATEGORY_LABELS[most]} (${count(most, null)}).`;
}

/** Stacked bars per område beside the summary table (columns F–G), from the table's cells. */
function findingsChart(headerRow: number, top: number, bottom: number, count: (c: Category | null, s: Severity | null) => number): ChartSpec {
  const first = headerRow + 1;
  const last = headerRow + CATEGORIES.length;
  const categories = { ref: `A${first}:A${last}`, values: CATEGORIES.map((c) => CATEGORY_LABELS[c]) };
  return {
    id: 'kontroll',
    kind: 'bar',
    barDirection: 'bar',
    grouping: 'stacked',
    title: 'Fynd per område och allvar',
    description: findingsDescription(count),
    valueAxisTitle: 'Antal fynd',
    valueFormat: '0',
    series: SEVERITIES.map((sev, i) => {
      const col = String.fromCharCode(66 + i);
      return {
        name: SEVERITY_LABELS[sev],
        nameRef: `${col}${headerRow}`,
        categories,
        values: { ref: `${col}${first}:${col}${last}`, values: CATEGORIES.map((c) => count(c, sev)) },
        ...SEVERITY_CHART_STYLE[sev],
      };
    }),
    anchor: { from: { col: 6, row: top }, to: { col: 8, row: bottom } },
  };
}

function findingRow(f: Finding): SpecCell[] {
  const cell: SpecCell =
    f.sheet && f.cell ? { v: f.cell, style: LINK, link: { sheet: f.sheet, cell: f.cell } } : text('', BODY);
  return [
    text(SEVERITY_LABELS[f.severity], { ...BODY, bold: true, fill: SEVERITY_FILLS[f.severity] }),
    text(f.rule, BODY),
    text(CATEGORY_LABELS[f.category], BODY),
    text(f.namnd ?? '', BODY),
    text(f.sheet ?? '', BODY),
    cell,
    text(f.message, BODY),
    text(f.suggestion, BODY),
    text(f.source, BODY),
  ];
}

/** Swedish notes for the Kontroll sheet when not every finding is listed or marked. */
function limitNotes(findings: Finding[]): string[] {
  const out: string[] = [];
  const fmt = (n: number) => formatSwedishNumber(n);
  if (findings.length > MAX_LISTED_FINDINGS) {
    out.push(`Kontrollen gav ${fmt(findings.length)} fynd; de första ${fmt(MAX_LISTED_FINDINGS)} (de allvarligaste först) listas här. Alla fynd får du med styrkoll check --json.`);
  }
  const cells = new Map<string, { name: string; cells: Set<string> }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const key = f.sheet.toLowerCase();
    if (!cells.has(key)) cells.set(key, { name: f.sheet, cells: new Set() });
    cells.get(key)!.cells.add(f.cell.replace(/\$/g, '').toUpperCase());
  }
  for (const { name, cells: set } of cells.values()) {
    if (set.size <= MAX_MARKED_CELLS_PER_SHEET) continue;
    out.push(`Fynden gäller ${fmt(set.size)} celler i bladet ${name}; bara ${fmt(MAX_MARKED_CELLS_PER_SHEET)} av dem (de allvarligaste först) är färgmarkerade och har en anteckning. Alla fynd listas nedan.`);
  }
  return out;
}

/**
 * One mark per cell (mergeMarks: the most severe wins, one note line per finding). At most
 * MAX_MARKED_CELLS_PER_SHEET cells per sheet, the most severe first.
 */
export function buildMarks(findings: Finding[]): CellMark[] {
  const lines: CellMark[] = [];
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    lines.push({ sheet: f.sheet, cell: f.cell, severity: f.severity, note: `${SEVERITY_LABELS[f.severity]} (${f.rule}): ${f.message}` });
  }
  const all = mergeMarks(lines);
  const perSheet = new Map<string, CellMark[]>();
  for (const m of all) {
    const key = m.sheet.toLowerCase();
    if (!perSheet.has(key)) perSheet.set(key, []);
    perSheet.get(key)!.push(m);
  }
  if ([...perSheet.values()].every((list) => list.length <= MAX_MARKED_CELLS_PER_SHEET)) return all;
  const kept = new Set<CellMark>();
  for (const list of perSheet.values()) {
    // A stable sort: within a severity, the findings' own order.
    const ranked = list.length <= MAX_MARKED_CELLS_PER_SHEET ? list : [...list].sort((a, b) => compareSeverity(a.severity, b.severity));
    for (const m of ranked.slice(0, MAX_MARKED_CELLS_PER_SHEET)) kept.add(m);
  }
  return all.filter((m) => kept.has(m));
}
