/**
 * The Inläst section: what was read, from which sheet, rows and columns, and as what, and every
 * column that was not used — as data in the model, and as short Swedish lines that the terminal,
 * the Kontroll sheet and the task pane all show the same way.
 */
import type { BudgetSheet, Inlast, InlastSheet, SheetLocation, TableSheet } from '../model';
import type { SheetSnapshot } from '../snapshot';
import { columnLetter } from './address';
import type { BudgetReadStats } from './budget';
import { ATGARD_COLUMNS, BUDGET_COLUMNS, type ColumnSpec, fieldTitle, INDIKATOR_COLUMNS, MAL_COLUMNS, UPPDRAG_COLUMNS } from './header-specs';
import type { BudgetSource } from './locate';
import { formatSwedishNumber } from './numbers';
import { SHEET_TITLES, type SheetKind } from './sheet-lookup';
import { normalizeHeader } from './text';

const SPECS: Record<string, ColumnSpec> = { budget: BUDGET_COLUMNS, mal: MAL_COLUMNS, indikatorer: INDIKATOR_COLUMNS, uppdrag: UPPDRAG_COLUMNS, atgarder: ATGARD_COLUMNS };

function titleOf(kind: string, key: string): string {
  if (key.startsWith('plan')) return 'Plan ' + key.slice(4);
  if (key.endsWith('Kod')) return fieldTitle(SPECS[kind], key.slice(0, -3)) + ' (kod)';
  return fieldTitle(SPECS[kind], key);
}

function columnsOf(kind: string, location: SheetLocation): InlastSheet['columns'] {
  return Object.entries(location.columns)
    .map(([key, col]) => ({ col, header: location.headers[key] ?? '', as: titleOf(kind, key) }))
    .sort((a, b) => a.col - b.col);
}

const n = (v: number) => formatSwedishNumber(v);

export function describeBudget(source: BudgetSource, sheet: BudgetSheet, stats: BudgetReadStats, namndFrom: string | null): InlastSheet {
  const details: string[] = [];
  if (stats.totals > 0) details.push(`${n(stats.totals)} summarader kontrollerades som summor och räknades inte som budgetrader${stats.parents ? ` (${n(stats.parents)} av dem utan ordet Summa: deras belopp är summan av raderna under eller ovanför)` : ''}.`);
  if (stats.headings > 0) details.push(`${n(stats.headings)} rader utan belopp lästes som rubriker${stats.groupNamnder.length ? `; nämnderna togs från grupprubrikerna (${stats.groupNamnder.slice(0, 6).join(', ')}${stats.groupNamnder.length > 6 ? ' …' : ''})` : ''}.`);
  else if (stats.groupNamnder.length) details.push(`Nämnderna togs från raderna ovanför sina verksamheter (${stats.groupNamnder.slice(0, 6).join(', ')}${stats.groupNamnder.length > 6 ? ' …' : ''}).`);
  if (namndFrom && !(namndFrom === 'grupprubrikerna' && stats.groupNamnder.length)) details.push(`Nämnd: från ${namndFrom}.`);
  if (stats.intaktBlock > 0) details.push(`${n(stats.intaktBlock)} rader under rubriken Intäkter har positiva belopp och lästes som intäkter (ett överskott av intäkter minskar nettokostnaden).`);
  if (stats.withoutNamnd > 0) details.push(`${n(stats.withoutNamnd)} rader kunde inte knytas till någon nämnd.`);
  return {
    kind: 'budget',
    sheet: source.sheet.name,
    foundBy: source.foundBy,
    headerRow: sheet.location.headerRow,
    firstRow: stats.firstRow,
    lastRow: stats.lastRow,
    rows: stats.lines,
    columns: columnsOf('budget', sheet.location),
    unused: source.header.unused.map((u) => ({ ...u })),
    details,
  };
}

export function describeTable(kind: Exclude<SheetKind, 'budget' | 'installningar'>, sheet: SheetSnapshot, foundBy: 'namn' | 'innehall', table: TableSheet<{ row: number }> | null): InlastSheet {
  if (!table) {
    return { kind, sheet: sheet.name, foundBy, headerRow: null, firstRow: 0, lastRow: 0, rows: 0, columns: [], unused: [], details: ['Rubrikraden hittades inte; bladet lästes inte.'] };
  }
  const loc = table.location;
  const used = new Set(Object.values(loc.columns));
  const header = Array.isArray(sheet.rows) ? sheet.rows[loc.headerRow - 1] ?? [] : [];
  const unused: InlastSheet['unused'] = [];
  for (let c = 0; c < Math.min(header.length, 1024); c++) {
    const v = header[c];
    if (typeof v === 'string' && v.trim() !== '' && !used.has(c + 1)) unused.push({ col: c + 1, header: v.trim(), why: 'okänd rubrik' });
  }
  const rows = table.items.map((i) => i.row);
  return {
    kind,
    sheet: sheet.name,
    foundBy,
    headerRow: loc.headerRow,
    firstRow: rows.length ? Math.min(...rows.slice(0, 100_000)) : 0,
    lastRow: rows.length ? rows[rows.length - 1] : 0,
    rows: table.items.length,
    columns: columnsOf(kind, loc),
    unused,
    details: [],
  };
}

const KIND_TITLE: Record<string, string> = { ...SHEET_TITLES };
const FOUND_BY: Record<InlastSheet['foundBy'], string> = { namn: 'efter namnet', innehall: 'efter innehållet', koppling: 'enligt kopplingen' };
const ROW_NOUN: Record<string, [string, string]> = {
  budget: ['budgetrad', 'budgetrader'],
  mal: ['mål', 'mål'],
  indikatorer: ['indikator', 'indikatorer'],
  uppdrag: ['uppdrag', 'uppdrag'],
  atgarder: ['åtgärd', 'åtgärder'],
  installningar: ['inställning', 'inställningar'],
};

/** At most this many columns are listed per line: a 300-column export is summarised. */
const MAX_LISTED = 16;

function list(items: string[]): string {
  return items.length > MAX_LISTED ? items.slice(0, MAX_LISTED).join(', ') + ` och ${items.length - MAX_LISTED} till` : items.join(', ');
}

/** The Inläst section as plain Swedish lines, the same on every surface. */
export function describeInlast(inlast: Inlast): string[] {
  const out: string[] = [];
  for (const s of inlast.sheets) {
    if (s.kind === 'installningar') {
      out.push(`Inställningar: bladet ${s.sheet}. ${s.details.join(' ')}`);
      continue;
    }
    const [one, many] = ROW_NOUN[s.kind] ?? ['rad', 'rader'];
    const where = s.headerRow === null ? '' : `, rubrikrad ${s.headerRow}` + (s.rows > 0 ? `, rad ${s.firstRow}–${s.lastRow}` : '');
    let line = `${KIND_TITLE[s.kind] ?? s.kind}: bladet ${s.sheet} (hittat ${FOUND_BY[s.foundBy]})${where}: ${n(s.rows)} ${s.rows === 1 ? one : many}.`;
    // "→ Utfall" only where the header says something else than the field's own name.
    const same = (c: InlastSheet['columns'][number]) => !c.as.endsWith('(kod)') && normalizeHeader(c.header) === normalizeHeader(c.as);
    if (s.columns.length) line += ` Kolumner: ${list(s.columns.map((c) => `${columnLetter(c.col)} ${c.header}${same(c) ? '' : ` → ${c.as}`}`))}.`;
    if (s.unused.length) line += ` Används inte: ${list(s.unused.map((u) => `${columnLetter(u.col)} ${u.header} (${u.why})`))}.`;
    if (s.details.length) line += ' ' + s.details.join(' ');
    out.push(line);
  }
  if (inlast.enhet) out.push(`Enhet: ${inlast.enhet.unit} (${inlast.enhet.why}).`);
  for (const s of inlast.skipped) out.push(`Inte läst: bladet ${s.sheet} – ${s.why}.`);
  return out;
}
