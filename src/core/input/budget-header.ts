/**
 * The header row of a budget table, found by content: each header cell is classified with the
 * contract's synonyms (header-specs.ts) and then the vocabulary of real exports (vocabulary.ts);
 * each row of the first HEADER_SCAN_ROWS is scored, and the best row that names a budget column
 * is the header. Every header cell that is not used is named, with why.
 */
import type { CellValue, SheetSnapshot } from '../snapshot';
import { columnLetter, parseRangeRef } from './address';
import { BUDGET_COLUMNS, headerIndex } from './header-specs';
import { foldText, normalizeHeader, planYearOf } from './text';
import {
  AMOUNT_WORDS,
  CODE_VARIANT_WORDS,
  GROSS_WORDS,
  NET_WORDS,
  NOT_AMOUNT_WORDS,
  PERCENT_WORDS,
  PERIOD_BUDGET_WORDS,
  PREVIOUS_YEAR_WORDS,
  TEXT_PHRASES,
  TEXT_VARIANT_WORDS,
  TEXT_WORDS,
  NAMND_NAME,
} from './vocabulary';

/** Rows searched for a header: title blocks and 10–15-line parameter blocks of exports pass. */
export const HEADER_SCAN_ROWS = 40;
/** Columns searched in a header row (a row can be 16 384 cells wide). */
export const HEADER_SCAN_COLS = 1024;

/** What a header cell says it holds. */
export interface HeaderClass {
  /** A budget field ('budget', 'utfall', 'namnd', 'plan2026' …), 'netto', or null when not used. */
  field: string | null;
  /** For text fields written as a code + text pair: which half this column is. */
  variant: 'kod' | 'text' | null;
  /** Why a recognised column is not used (field null): 'brutto', 'procent', 'föregående år'. */
  unused: string | null;
  /** The year written in the header, or 0. */
  year: number;
  /** Matched by the contract's own name or synonym (wins over the vocabulary among equal years). */
  exact: boolean;
}

const set = (words: readonly string[]) => new Set(words);
const NOT_AMOUNT = set(NOT_AMOUNT_WORDS);
const NET = set(NET_WORDS);
const GROSS = set(GROSS_WORDS);
const PERCENT = set(PERCENT_WORDS);
const PREVIOUS = set(PREVIOUS_YEAR_WORDS);
const PERIOD_BUDGET = set(PERIOD_BUDGET_WORDS);
const TEXT_VARIANT = set(TEXT_VARIANT_WORDS);
const CODE_VARIANT = set(CODE_VARIANT_WORDS);
const AMOUNT_GROUPS = AMOUNT_WORDS.map((g) => ({ field: g.field, words: set(g.words), stems: g.stems }));
const TEXT_GROUPS = TEXT_WORDS.map((g) => ({ field: g.field, words: set(g.words) }));
const TEXT_SUFFIX = /(?:namn|text|benamning)$/;
const CODE_SUFFIX = /(?:kod|nr|nummer)$/;

const YEAR = /(?:^|\D)((?:19|20)\d\d)(?!\d)/;

/** The year written in a header, or 0. */
export function yearIn(header: string): number {
  const m = YEAR.exec(header);
  return m ? Number(m[1]) : 0;
}

function cls(field: string | null, year: number, unused: string | null = null, variant: HeaderClass['variant'] = null, exact = false): HeaderClass {
  return { field, variant, unused, year, exact };
}

function amountField(token: string): string | null {
  if (NOT_AMOUNT.has(token)) return null;
  for (const g of AMOUNT_GROUPS) {
    if (g.words.has(token)) return g.field;
  }
  for (const g of AMOUNT_GROUPS) {
    for (const stem of g.stems) if (token.endsWith(stem)) return g.field;
  }
  return null;
}

/**
 * Classifies one header cell of a budget table; null when it says nothing Styrkoll knows.
 * Order: plan years, shares and last year's figures, the contract's synonyms, amount words
 * (deviation before forecast before outcome before budget, so `Avvikelse budget–prognos` is a
 * deviation), net and gross amounts, then text fields.
 */
export function classifyBudgetHeader(text: CellValue | undefined): HeaderClass | null {
  if (typeof text !== 'string') return null;
  const folded = foldText(text);
  if (folded === '') return null;
  const year = yearIn(folded);
  const plan = planYearOf(text);
  if (plan !== null) return cls('plan' + plan, plan, null, null, true);
  const tokens = folded.split(/[^a-z0-9%]+/).filter((t) => t !== '');
  if (folded.includes('%') || tokens.some((t) => PERCENT.has(t))) return cls(null, year, 'procent');
  if (tokens.some((t) => PREVIOUS.has(t)) || /\bforegaende ar\b|\bforra aret\b/.test(folded)) return cls(null, year, 'föregående år');

  const exact = headerIndex(BUDGET_COLUMNS).get(normalizeHeader(text));
  if (exact !== undefined) return cls(exact, year, null, variantOf(tokens, exact), true);
  for (const p of TEXT_PHRASES) if (folded.includes(p.phrase)) return cls(p.field, year, null, variantOf(tokens, p.field));

  const gross = tokens.some((t) => GROSS.has(t));
  const net = tokens.some((t) => NET.has(t) || t.startsWith('netto'));
  for (const t of tokens) {
    const field = amountField(t);
    if (field === null) continue;
    // "Budget intäkter" is a gross amount; "Budget netto" and "Nettokostnad budget" the net.
    if (gross && !net && field !== 'avvikelse') return cls(null, year, 'brutto');
    // "Periodbudget aug", "Budget ack. aug": the budget to date, not the year's.
    if (field === 'budget' && tokens.some((x) => PERIOD_BUDGET.has(x))) return cls(null, year, 'periodbudget');
    return cls(field, year);
  }
  if (net) return cls('netto', year);
  if (gross) return cls(null, year, 'brutto');

  let found: string | null = null;
  for (const g of TEXT_GROUPS) {
    if (tokens.some((t) => g.words.has(t) || (startsWithWord(t, g.words) && (TEXT_SUFFIX.test(t) || CODE_SUFFIX.test(t))))) {
      // "Nämnd/verksamhet": the column of a hierarchy's labels, read as Verksamhet.
      if (found === 'namnd' && g.field === 'verksamhet') found = 'verksamhet';
      else found ??= g.field;
    }
  }
  return found === null ? null : cls(found, year, null, variantOf(tokens, found));
}

const CODE_PAIR_FIELDS = new Set(['namnd', 'verksamhet', 'ansvar', 'forvaltning', 'konto']);

function isTextWord(v: string): boolean {
  const tokens = foldText(v).split(/[^a-z0-9]+/).filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((t) => TEXT_VARIANT.has(t));
}

function startsWithWord(token: string, words: Set<string>): boolean {
  for (const w of words) if (w.length >= 4 && token.startsWith(w) && token.length > w.length) return true;
  return false;
}

function variantOf(tokens: string[], field: string): HeaderClass['variant'] {
  if (!CODE_PAIR_FIELDS.has(field)) return null;
  if (tokens.some((t) => TEXT_VARIANT.has(t) || (t.length > 4 && TEXT_SUFFIX.test(t)))) return 'text';
  if (tokens.some((t) => CODE_VARIANT.has(t) || (t.length > 4 && CODE_SUFFIX.test(t)))) return 'kod';
  return null;
}

/** A header cell that is not used, and why. */
export interface UnusedColumn {
  /** 1-based column. */
  col: number;
  header: string;
  why: string;
}

export interface BudgetHeader {
  /** 1-based header row. */
  headerRow: number;
  /** field key → 1-based column; plan years as "plan2026"; code halves as "namndKod" etc. */
  columns: Record<string, number>;
  headers: Record<string, string>;
  planYears: number[];
  unused: UnusedColumn[];
  /** 0-based row index of the first and one past the last row to read. */
  dataStart: number;
  dataEnd: number;
  /** 0-based first column of the data area. */
  firstCol: number;
  score: number;
  /** How the row was chosen: its content, an Excel table, or Rubrikrad/--map. */
  foundBy: 'innehall' | 'tabell' | 'koppling';
  /** An Ansvar column not used beside Verksamhet in a table without a Nämnd column (1-based). */
  ansvarAside?: { col: number; header: string; kod: number | null; kodHeader: string | null };
  /** A second table's header row below this one (1-based), where the data ends; with its labels. */
  secondTable?: { row: number; label: string };
}

const WEIGHT: Record<string, number> = { budget: 4, utfall: 3, prognos: 3, avvikelse: 2, netto: 2, namnd: 2, verksamhet: 1.5, ansvar: 1, konto: 1, typ: 1, kommentar: 0.5 };
const WHY: Record<string, string> = {
  brutto: 'bruttobelopp – nettot används',
  procent: 'en andel i procent, inget belopp',
  'föregående år': 'föregående års belopp',
  periodbudget: 'budget till och med perioden – årsbudgeten används',
  'senare år': 'budget för ett senare år än prognosen och utfallet – budgeten för samma år används',
};

interface Candidate {
  col: number;
  header: string;
  c: HeaderClass;
}

/** A mapping given by the user: field → header text or column letter, and a header row. */
export interface ColumnMapping {
  sheet?: string | null;
  headerRow?: number | null;
  columns?: Record<string, string>;
}

/** A budget as revised during the year ("Reviderad budget", "Budget inkl. tilläggsanslag"), which deviations are judged against. */
const REVISED = /\b(?:reviderad|reviderat|reviderade|justerad|justerat|aktuell|aktuellt|korrigerad|omslutning|inkl|inklusive|totalbudget|ombudgeterad|ombudgetering)\b/;
/** The budget as first decided ("Ursprunglig budget", "Beslutad budget KF"): replaced by a revised one beside it. */
const ORIGINAL = /\b(?:ursprunglig|ursprungligt|ursprungliga|ursp|beslutad|beslutat|fastst[a-z]*|kf)\b/;

/**
 * Of several budget columns of the newest year, the one in force: a revised budget over the
 * original ("Ursprunglig budget | Tilläggsanslag | Reviderad budget"), else as `newest` picks.
 */
function currentBudget(list: Candidate[], newest: (l: Candidate[]) => Candidate): Candidate {
  const best = newest(list);
  const same = list.filter((c) => c.c.year === best.c.year);
  const rank = (c: Candidate) => {
    const f = foldText(c.header);
    return (REVISED.test(f) ? 1 : 0) - (ORIGINAL.test(f) ? 1 : 0);
  };
  const top = Math.max(...same.map(rank));
  return rank(best) === top ? best : same.find((c) => rank(c) === top)!;
}

/** Reads one row as a header: which column is which field, and what is left unused. */
export function resolveHeaderRow(row: CellValue[] | undefined, from = 0, to = Number.MAX_SAFE_INTEGER, mapping?: ColumnMapping): Omit<BudgetHeader, 'headerRow' | 'dataStart' | 'dataEnd' | 'firstCol' | 'foundBy'> {
  const cells = Array.isArray(row) ? row : [];
  const end = Math.min(cells.length, to, from + HEADER_SCAN_COLS);
  const byField = new Map<string, Candidate[]>();
  const unused: UnusedColumn[] = [];
  let numbers = 0;
  const mapped = mappedColumns(cells, from, end, mapping);
  let leftClass: HeaderClass | null = null;
  for (let c = from; c < end; c++) {
    const v = cells[c];
    if (typeof v === 'number') numbers++;
    if (typeof v !== 'string' || v.trim() === '') {
      leftClass = null;
      continue;
    }
    const forced = mapped.get(c);
    let k = forced !== undefined ? cls(forced, yearIn(v), null, null, true) : classifyBudgetHeader(v);
    // "Ansvar | Benämning": a lone text word right of a code column is that column's text half.
    if (k === null && leftClass !== null && leftClass.field !== null && CODE_PAIR_FIELDS.has(leftClass.field) && isTextWord(v)) k = cls(leftClass.field, 0, null, 'text');
    leftClass = k;
    if (k === null || k.field === null) {
      unused.push({ col: c + 1, header: v.trim(), why: k?.unused ? WHY[k.unused] : 'okänd rubrik' });
      continue;
    }
    let list = byField.get(k.field);
    if (!list) byField.set(k.field, (list = []));
    list.push({ col: c + 1, header: v.trim(), c: k });
  }

  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const take = (key: string, cand: Candidate) => {
    columns[key] = cand.col;
    headers[key] = cand.header;
  };
  const left = (list: Candidate[], chosen: Candidate[], why: (c: Candidate) => string) => {
    for (const cand of list) if (!chosen.includes(cand)) unused.push({ col: cand.col, header: cand.header, why: why(cand) });
  };

  // Amounts: the newest year wins, then the contract's own name, then the first column.
  const newest = (list: Candidate[]) => list.reduce((best, c) => (c.c.year > best.c.year || (c.c.year === best.c.year && c.c.exact && !best.c.exact) ? c : best), list[0]);
  // The year followed up is the newest year of a Prognos column, else of an Utfall column. A budget
  // of a later year beside it is next year's ("Prognos 2025 | Budget 2026"): not used, so that the
  // year's outcome is not thrown away as last year's.
  const yearOf = (field: string) => Math.max(0, ...(byField.get(field) ?? []).map((c) => c.c.year));
  const followed = yearOf('prognos') || yearOf('utfall');
  const budgets = byField.get('budget');
  if (budgets && followed > 0) {
    const later = budgets.filter((c) => c.c.year > followed);
    if (later.length > 0 && later.length < budgets.length) {
      left(later, [], () => WHY['senare år']);
      byField.set('budget', budgets.filter((c) => !later.includes(c)));
    }
  }
  const budgetYear = byField.has('budget') ? newest(byField.get('budget')!).c.year : 0;
  for (const field of ['budget', 'utfall', 'prognos', 'avvikelse']) {
    let list = byField.get(field);
    if (!list) continue;
    // Last year's outcome beside this year's budget ("Bokslut 2024 | Budget 2025") is not used.
    const current = budgetYear > 0 && field !== 'budget' ? list.filter((c) => c.c.year === 0 || c.c.year >= budgetYear) : list;
    left(list.filter((c) => !current.includes(c)), [], () => WHY['föregående år']);
    list = current;
    if (list.length === 0) continue;
    const chosen = field === 'budget' ? currentBudget(list, newest) : newest(list);
    take(field, chosen);
    left(list, [chosen], (c) => `en till kolumn för ${field === 'avvikelse' ? 'avvikelse' : field}; ${chosen.header} används`);
  }
  // A net amount beside a budget is the outcome of a year-end table ("Nettokostnad 2025 | Budget 2025").
  const netto = byField.get('netto');
  if (netto) {
    const chosen = newest(netto);
    if ('budget' in columns && !('utfall' in columns)) {
      take('utfall', chosen);
      left(netto, [chosen], () => 'nettobelopp; ' + chosen.header + ' används som utfall');
    } else left(netto, [], () => ('budget' in columns ? 'nettobelopp; utfallet står redan i en annan kolumn' : 'nettobelopp utan budgetkolumn att jämföra med'));
  }
  // Text fields: the text half of a code + text pair is the field; the code half is kept beside it.
  for (const field of ['namnd', 'verksamhet', 'ansvar', 'forvaltning', 'konto', 'typ', 'kommentar']) {
    const list = byField.get(field);
    if (!list) continue;
    const text = list.find((c) => c.c.variant === 'text') ?? list.find((c) => c.c.variant === null) ?? list[0];
    take(field, text);
    const code = list.find((c) => c !== text && c.c.variant !== 'text');
    if (code && (field === 'namnd' || field === 'verksamhet' || field === 'ansvar' || field === 'konto')) columns[field + 'Kod'] = code.col;
    if (code) headers[field + 'Kod'] = code.header;
    left(list, code ? [text, code] : [text], () => `en till kolumn för ${field}; ${text.header} används`);
  }
  // A Förvaltning column is the nämnd when the table has none.
  if ('forvaltning' in columns) {
    if (!('namnd' in columns) && !('namndKod' in columns)) {
      columns.namnd = columns.forvaltning;
      headers.namnd = headers.forvaltning;
    } else unused.push({ col: columns.forvaltning, header: headers.forvaltning, why: 'förvaltning; nämnden står i en egen kolumn' });
    delete columns.forvaltning;
    delete headers.forvaltning;
  }
  let ansvarAside: BudgetHeader['ansvarAside'] = undefined;
  // Ansvar names the line when the table has no Verksamhet column.
  if ('ansvar' in columns && !('verksamhet' in columns)) {
    columns.verksamhet = columns.ansvar;
    headers.verksamhet = headers.ansvar;
    delete columns.ansvar;
    delete headers.ansvar;
    if ('ansvarKod' in columns) {
      columns.verksamhetKod = columns.ansvarKod;
      headers.verksamhetKod = headers.ansvarKod;
      delete columns.ansvarKod;
      delete headers.ansvarKod;
    }
  } else if ('ansvar' in columns) {
    if (!('namnd' in columns) && !('namndKod' in columns)) ansvarAside = { col: columns.ansvar, header: headers.ansvar, kod: columns.ansvarKod ?? null, kodHeader: headers.ansvarKod ?? null };
    unused.push({ col: columns.ansvar, header: headers.ansvar, why: 'ansvar; raderna namnges efter Verksamhet' });
    delete columns.ansvar;
    delete headers.ansvar;
    delete columns.ansvarKod;
    delete headers.ansvarKod;
  }
  const planYears: number[] = [];
  for (const [field, list] of byField) {
    if (!field.startsWith('plan')) continue;
    take(field, list[0]);
    planYears.push(Number(field.slice(4)));
  }
  planYears.sort((a, b) => a - b);
  unused.sort((a, b) => a.col - b.col);

  let score = -numbers;
  for (const key of Object.keys(columns)) score += WEIGHT[key] ?? (key.startsWith('plan') ? 0.5 : 0);
  for (const u of unused) if (u.why !== 'okänd rubrik') score += 0.5;
  return { columns, headers, planYears, unused, score, ...(ansvarAside ? { ansvarAside } : {}) };
}

/** Columns the user mapped: 0-based column → field. A letter ("E") or a header text. */
function mappedColumns(cells: CellValue[], from: number, end: number, mapping?: ColumnMapping): Map<number, string> {
  const out = new Map<number, string>();
  if (!mapping?.columns) return out;
  for (const [field, target] of Object.entries(mapping.columns)) {
    const col = columnOfTarget(cells, from, end, target);
    if (col !== null) out.set(col, field);
  }
  return out;
}

/** The 0-based column a mapping target names: a column letter, or a header text (folded compare). */
export function columnOfTarget(cells: CellValue[], from: number, end: number, target: string): number | null {
  const t = target.trim();
  if (/^[A-Za-z]{1,3}$/.test(t)) {
    const col = [...t.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    // A short word that is also a header ("Ram") is the header, not a column letter.
    const named = findHeaderText(cells, from, end, t);
    return named ?? col;
  }
  return findHeaderText(cells, from, end, t);
}

function findHeaderText(cells: CellValue[], from: number, end: number, text: string): number | null {
  const want = foldText(text);
  for (let c = from; c < end; c++) {
    const v = cells[c];
    if (typeof v === 'string' && foldText(v) === want) return c;
  }
  return null;
}

/** A budget header needs a budget column and one more thing a budget table has. */
export function isBudgetHeader(h: { columns: Record<string, number>; score: number }): boolean {
  return 'budget' in h.columns && h.score >= 5.5;
}

/**
 * The budget header of a sheet: an Excel table's header row if one qualifies, else the best-scoring
 * row of the first HEADER_SCAN_ROWS (the first among equals). With `mapping.headerRow` only that
 * row is read. `lone` accepts a row whose only known column is Budget (for a sheet named Budget).
 */
export function detectBudgetHeader(sheet: SheetSnapshot, mapping?: ColumnMapping, lone = false): BudgetHeader | null {
  const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
  const ok = (h: { columns: Record<string, number>; score: number }) => isBudgetHeader(h) || ('budget' in h.columns && (lone || !!mapping?.columns?.budget));
  if (mapping?.headerRow && mapping.headerRow >= 1) {
    const r = mapping.headerRow - 1;
    const h = resolveHeaderRow(rows[r], 0, Number.MAX_SAFE_INTEGER, mapping);
    return 'budget' in h.columns ? withEnd(rows, { ...h, headerRow: r + 1, dataStart: r + 1, dataEnd: rows.length, firstCol: 0, foundBy: 'koppling' }) : null;
  }
  for (const table of Array.isArray(sheet.tables) ? sheet.tables : []) {
    const range = parseRangeRef(table?.ref);
    if (!range) continue;
    const h = resolveHeaderRow(rows[range.top - 1], range.left - 1, range.right, mapping);
    if (ok(h)) {
      return { ...h, headerRow: range.top, dataStart: range.top, dataEnd: Math.min(rows.length, range.bottom), firstCol: range.left - 1, foundBy: 'tabell' };
    }
  }
  let best: (ReturnType<typeof resolveHeaderRow> & { r: number }) | null = null;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length === 0) continue;
    const h = resolveHeaderRow(row, 0, Number.MAX_SAFE_INTEGER, mapping);
    if (!ok(h)) continue;
    if (best === null || h.score > best.score) best = { ...h, r };
  }
  if (best === null) return null;
  const { r, ...h } = best;
  return withEnd(rows, { ...h, headerRow: r + 1, dataStart: r + 1, dataEnd: rows.length, firstCol: 0, foundBy: mapping?.columns ? 'koppling' : 'innehall' });
}

/**
 * Ends the data at a second table on the sheet: a row below the header whose Budget cell is a
 * budget header again but whose labels differ ("Projekt | Budget | Utfall | Prognos" of an
 * investeringsredovisning under the driftredovisning). Its rows are another budget, not lines of
 * this one. A row that repeats the header (a page header of a printed report) does not end it.
 */
function withEnd(rows: CellValue[][], header: BudgetHeader): BudgetHeader {
  const h = withAnsvarNamnd(rows, header);
  const bc = h.columns.budget - 1;
  const head = rows[h.headerRow - 1] ?? [];
  const cols = Object.values(h.columns).map((c) => c - 1);
  const same = (row: CellValue[]) => cols.every((c) => foldText(String(row[c] ?? '')) === foldText(String(head[c] ?? '')));
  for (let r = h.dataStart; r < h.dataEnd; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    const v = row[bc];
    if (typeof v !== 'string' || classifyBudgetHeader(v)?.field !== 'budget' || same(row)) continue;
    const label = row.filter((x) => typeof x === 'string' && x.trim() !== '').map((x) => String(x).trim()).slice(0, 4).join(' | ');
    return { ...h, dataEnd: r, secondTable: { row: r + 1, label } };
  }
  return h;
}

/** Rows looked at to tell whether an Ansvar column names nämnder. */
const ANSVAR_SAMPLE = 200;

/**
 * Without a Nämnd column, an Ansvar column beside Verksamhet whose texts are nämnder's names
 * ("Ansvar (T)": Kommunstyrelsen, Socialnämnden — the top level of the ansvar tree, as Raindance
 * and Visma export it) is the nämnd: four in five of its texts name a nämnd.
 */
function withAnsvarNamnd(rows: CellValue[][], h: BudgetHeader): BudgetHeader {
  if ('namnd' in h.columns || 'namndKod' in h.columns) return h;
  const a = h.ansvarAside ?? labelsAside(h);
  if (!a) return h;
  let texts = 0;
  let named = 0;
  for (let r = h.dataStart; r < Math.min(h.dataEnd, h.dataStart + ANSVAR_SAMPLE); r++) {
    const v = rows[r]?.[a.col - 1];
    if (typeof v !== 'string' || v.trim() === '' || isTotalLabelText(v) || /^\s*\((?:tom|blank)\)\s*$/i.test(v)) continue;
    texts++;
    if (NAMND_NAME.test(v)) named++;
  }
  if (texts === 0 || named < 0.8 * texts) return h;
  const columns: Record<string, number> = { ...h.columns, namnd: a.col };
  const headers: Record<string, string> = { ...h.headers, namnd: a.header };
  if (a.kod !== null) {
    columns.namndKod = a.kod;
    if (a.kodHeader !== null) headers.namndKod = a.kodHeader;
  }
  if (!h.ansvarAside) {
    // The Verksamhet column named only nämnder (a list per nämnd, an Excel pivot's row labels).
    delete columns.verksamhet;
    delete headers.verksamhet;
    delete columns.verksamhetKod;
    delete headers.verksamhetKod;
  }
  return { ...h, columns, headers, unused: h.unused.filter((u) => u.col !== a.col) };
}

/** A table's only label column (Verksamhet, no Konto): the nämnd when its texts name nämnder. */
function labelsAside(h: BudgetHeader): BudgetHeader['ansvarAside'] {
  if (!('verksamhet' in h.columns) || 'konto' in h.columns || 'kontoKod' in h.columns) return undefined;
  return { col: h.columns.verksamhet, header: h.headers.verksamhet, kod: h.columns.verksamhetKod ?? null, kodHeader: h.headers.verksamhetKod ?? null };
}

function isTotalLabelText(v: string): boolean {
  return /^\s*(?:summa|totalt|total|totalsumma|delsumma)\b/i.test(v) || /\b(?:summa|totalt)\s*$/i.test(v);
}

/** "E Prognos helår 2025" for messages and the Inläst section. */
export function columnLabel(col: number, header: string): string {
  return `${columnLetter(col)} ${header}`;
}
