/**
 * The Budget sheet: one line per data row, total rows checked, amounts as written (the sign is
 * normalised afterwards by budget-sign.ts). Written for speed: one pass over the rows, numbers
 * that are already numbers are taken as they are, and nothing is allocated per cell.
 */
import type { BudgetLine, BudgetSheet, BudgetTyp, TotalRow } from '../model';
import type { CellErrorRef, CellValue, SheetSnapshot } from '../snapshot';
import { errorsByRow, type RowContext, reportErrorCell, reportUnreadableNumber } from './cells';
import { parseTyp } from './enums';
import { AVSNITT, type FindingSink } from './findings';
import { parseSwedishNumber } from './numbers';
import type { BudgetHeader } from './budget-header';
import { BUDGET_COLUMNS, fieldTitle } from './header-specs';
import { findParentRows } from './parent-rows';
import { cellText, foldText, isVisibleCode } from './text';
import { isGrandTotalLabel, isTotalLabel, type TotalColumn, TotalsChecker } from './totals';
import { NAMND_NAME } from './vocabulary';

/** Fixed slots of the numeric columns; plan years follow from slot 4. */
export const SLOT = { budget: 0, utfall: 1, prognos: 2, avvikelse: 3, plan: 4 } as const;

export interface RawBudget {
  sheet: BudgetSheet;
  /** Rows whose Typ was not understood (reported only when Typ matters, under kostnad positiv). */
  unknownTyp: { row: number; col: number; raw: CellValue; namnd: string }[];
  /** How many lines have a negative and a positive budget amount as written. */
  budgetSigns: { negative: number; positive: number };
  /** What the rows were read as, for the Inläst section. */
  stats: BudgetReadStats;
}

export interface BudgetReadStats {
  /** 1-based first and last row that held a line or a total (0 when none). */
  firstRow: number;
  lastRow: number;
  lines: number;
  totals: number;
  /** Rows with a label and no amounts (group headers and headings). */
  headings: number;
  /** Rows without a total label found to be the sum of the rows below or above them. */
  parents: number;
  /** Nämnder named by group-header or parent rows. */
  groupNamnder: string[];
  /** Lines whose nämnd came from nowhere (no column, group, Inställningar or title). */
  withoutNamnd: number;
}

export interface BudgetReadOptions {
  header: BudgetHeader;
  /** The nämnd of rows without one of their own (Inställningar, the sheet's title or name). */
  defaultNamnd: string | null;
}

const NOT_BLANK = /\S/;
/** The plan of every line when the sheet has no plan columns: one empty array, not one per line. */
const NO_PLAN = Object.freeze([]) as unknown as (number | null)[];
const EMPTY_ROW: CellValue[] = [];

function startsVisibly(v: string): boolean {
  return v.length > 0 && isVisibleCode(v.charCodeAt(0));
}

function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Nearly every cell starts with a letter or digit: no regex needed.
  return !startsVisibly(v) && !NOT_BLANK.test(v);
}

/** A cell that, as a row's first scanned cell, makes it a data row: visible text, no total label. */
function isDataLabel(v: CellValue | undefined): boolean {
  return typeof v === 'string' && startsVisibly(v) && !isTotalLabel(v);
}

function isAmount(v: number | null): boolean {
  return v !== null;
}

export function readBudgetRaw(sheet: SheetSnapshot, options: BudgetReadOptions, sink: FindingSink): RawBudget {
  const header = options.header;
  const settingsNamnd = options.defaultNamnd;
  const rows = sheet.rows;
  const cols = header.columns;
  const idx = (key: string): number => (key in cols ? cols[key] - 1 : -1);
  const cNamnd = idx('namnd');
  const cNamndKod = idx('namndKod');
  const cVerksamhet = idx('verksamhet');
  const cVerksamhetKod = idx('verksamhetKod');
  const cKonto = idx('konto');
  const cKontoKod = idx('kontoKod');
  // Text columns where a total label may stand ("Summa" in Verksamhet), besides the row's first cell.
  const labelCols = [cNamnd, cVerksamhet, cKonto].filter((c) => c >= 0);
  const cTyp = idx('typ');
  const cKommentar = idx('kommentar');

  const slotKeys = ['budget', 'utfall', 'prognos', 'avvikelse', ...header.planYears.map((y) => 'plan' + y)];
  const nSlots = slotKeys.length;
  const slotCol = new Int32Array(nSlots);
  const slotTitle: string[] = [];
  for (let k = 0; k < nSlots; k++) {
    slotCol[k] = idx(slotKeys[k]);
    slotTitle.push(header.headers[slotKeys[k]] ?? fieldTitle(BUDGET_COLUMNS, slotKeys[k]));
  }
  const columnTitle = new Map<number, string>();
  for (const key of Object.keys(cols)) columnTitle.set(cols[key], header.headers[key] ?? key);
  const usedCols = Object.values(cols);
  const scanEnd = Math.max(...usedCols);
  const scanStart = Math.min(header.firstCol, scanEnd - 1);
  const noNamndColumn = cNamnd < 0 && cNamndKod < 0;
  // Without a Nämnd column, a nämnd may be written as a row above its verksamheter that holds
  // their sum and no "Summa" label (a published driftredovisning): such rows are found first.
  const parents = noNamndColumn ? findParentRows(sheet, header, slotCol, scanStart, scanEnd) : null;

  // Slots of absent columns are always empty, so the checker never reports them.
  const totalColumns: TotalColumn[] = slotKeys.map((_, k) => ({ col: slotCol[k] + 1, title: slotTitle[k] }));
  const checker = new TotalsChecker(totalColumns, sink, sheet.name);
  const errors = errorsByRow(sheet, header.headerRow + 1, header.dataEnd, usedCols);

  const values = new Float64Array(nSlots);
  const bad = new Uint8Array(nSlots);
  let anyBad = false;
  const lines: BudgetLine[] = [];
  const totals: TotalRow[] = [];
  const unknownTyp: RawBudget['unknownTyp'] = [];
  const ctx: RowContext = { sink, sheet: sheet.name, row: 0, namnd: null, avsnitt: AVSNITT.budget };
  // Merged or grouped Nämnd cells leave the cells below empty: the nämnd carries down until a total row.
  let carriedNamnd: string | null = null;
  // Without a Nämnd column: the nämnd of a group-header or parent row, until a total row ends it.
  let groupNamnd: string | null = null;
  let namndGroupSeen = false;
  const groupNamnder: string[] = [];
  let headings = 0;
  let parentRows = 0;
  let withoutNamnd = 0;
  let firstRow = 0;
  let lastRow = 0;
  let negativeBudgets = 0;
  let positiveBudgets = 0;
  const nPlan = nSlots - SLOT.plan;
  // Typ holds a handful of distinct texts, the same for a few rows, then another: each is
  // parsed once, and a row's text is first compared with the row above's (no hashing).
  const typByText = new Map<string, BudgetTyp | null | undefined>();
  let lastTypText: string | undefined;
  let lastTyp: BudgetTyp | null | undefined;

  /*
   * Data rows reach the totals checker only when a total row needs them: a sheet without total
   * rows sums nothing. They are handed over in order, so every sum is the same as row by row.
   * Their values are the line's (null = empty or unreadable); unreadable cells are kept aside.
   */
  const badOfLine = new Map<number, Uint8Array>();
  const dataValues = new Float64Array(nSlots);
  const dataBad = new Uint8Array(nSlots);
  let handedOver = 0;
  const handOverDataRows = () => {
    for (let i = handedOver; i < lines.length; i++) {
      const l = lines[i];
      dataValues[SLOT.budget] = l.budget ?? NaN;
      dataValues[SLOT.utfall] = l.utfall ?? NaN;
      dataValues[SLOT.prognos] = l.prognos ?? NaN;
      dataValues[SLOT.avvikelse] = l.avvikelseAngiven ?? NaN;
      for (let k = 0; k < nPlan; k++) dataValues[SLOT.plan + k] = l.plan[k] ?? NaN;
      const b = badOfLine.get(i);
      if (b) dataBad.set(b);
      else dataBad.fill(0);
      checker.addDataRow(dataValues, dataBad);
    }
    handedOver = lines.length;
  };

  /*
   * The functions below read one row each. They are small and kept apart from the rare cases
   * (error cells, text amounts, total rows, unknown Typ) so that V8 optimises them after a few
   * thousand rows: one big function with all of it takes long enough to compile that half of a
   * large sheet is read unoptimised.
   */

  /** A numeric cell of slot k that is not a plain number: NaN when empty; unreadable is reported, NaN and bad. */
  const textAmount = (v: CellValue | undefined, k: number): number => {
    if (v === null || v === undefined) return NaN;
    const n = parseSwedishNumber(v);
    if (n === undefined) {
      reportUnreadableNumber(ctx, v, slotCol[k] + 1, slotTitle[k]);
      bad[k] = 1;
      anyBad = true;
      return NaN;
    }
    return n === null ? NaN : n;
  };

  /** The amount in slot k: the number, NaN when empty or unreadable. */
  const amount = (row: CellValue[], k: number): number => {
    const c = slotCol[k];
    const v = c >= 0 ? row[c] : null;
    return typeof v === 'number' && v - v === 0 ? v : textAmount(v, k);
  };

  const readPlan = (row: CellValue[]): (number | null)[] => {
    const plan: (number | null)[] = new Array(nPlan);
    for (let k = 0; k < nPlan; k++) {
      const v = amount(row, SLOT.plan + k);
      plan[k] = v === v ? v : null;
    }
    return plan;
  };

  const reportErrors = (errs: CellErrorRef[], namnd: string | null): void => {
    for (const e of errs) {
      reportErrorCell(sink, sheet.name, e, columnTitle.get(e.col) ?? '', namnd);
      for (let k = 0; k < nSlots; k++) {
        if (slotCol[k] === e.col - 1) {
          bad[k] = 1;
          anyBad = true;
        }
      }
    }
  };

  const typOf = (raw: CellValue, rowNo: number, namnd: string | null): BudgetTyp => {
    let t: BudgetTyp | null | undefined;
    if (typeof raw !== 'string') t = parseTyp(raw);
    else if (raw === lastTypText) t = lastTyp;
    else {
      t = typByText.get(raw);
      if (t === undefined && !typByText.has(raw)) {
        t = parseTyp(raw);
        typByText.set(raw, t);
      }
      lastTypText = raw;
      lastTyp = t;
    }
    if (t) return t;
    if (t === undefined) unknownTyp.push({ row: rowNo, col: cTyp + 1, raw, namnd: namnd ?? '' });
    return 'kostnad';
  };

  /** The row's first non-blank cell in the scanned columns; -1 when there is none. */
  const firstFilled = (row: CellValue[]): number => {
    const end = Math.min(row.length, scanEnd);
    for (let c = scanStart; c < end; c++) if (!isBlank(row[c])) return c;
    return -1;
  };

  /** A field's text: its text column, else its code column (a code + text pair, or a code alone). */
  const pairText = (row: CellValue[], c: number, cKod: number): string | null =>
    (c >= 0 ? cellText(row[c]) : null) ?? (cKod >= 0 ? cellText(row[cKod]) : null);

  /** A row's label: its first non-blank text cell in the scanned columns. */
  const labelOf = (row: CellValue[]): string | null => {
    const end = Math.min(row.length, scanEnd);
    for (let c = scanStart; c < end; c++) {
      const t = cellText(row[c]);
      if (t !== null && typeof row[c] === 'string') return t;
    }
    return null;
  };

  /** A row with a label and no amounts: a group header, whose nämnd the rows below take. */
  const readHeading = (row: CellValue[]): void => {
    headings++;
    if (!noNamndColumn || settingsNamnd) return;
    const label = labelOf(row);
    if (label === null) return;
    startGroup(label);
  };

  const startGroup = (label: string): void => {
    const namndLike = NAMND_NAME.test(label);
    // Below a nämnd's header, a heading that names no nämnd is a sub-group of it.
    if (!namndLike && namndGroupSeen && groupNamnd !== null) return;
    if (namndLike) namndGroupSeen = true;
    groupNamnd = label;
    if (!groupNamnder.includes(label)) groupNamnder.push(label);
  };

  /** Whether another text column of the row holds a total label ("Summa" in Verksamhet). */
  const totalInOtherColumn = (row: CellValue[]): number => {
    for (let i = 0; i < labelCols.length; i++) {
      const c = labelCols[i];
      if (c !== scanStart && isTotalLabel(row[c])) return c;
    }
    return -1;
  };

  /** Lines of the current nämnd since the last total row or change of nämnd start here. */
  let runStart = 0;
  const hasLineLabels = cVerksamhet >= 0 || cKonto >= 0 || cVerksamhetKod >= 0 || cKontoKod >= 0;
  /** Whether the amounts equal, within rounding, the sums of the current run of two or more lines. */
  const sumsRun = (budget: number, utfall: number, prognos: number): boolean => {
    const n = lines.length - runStart;
    if (n < 2 || budget !== budget || budget === 0) return false;
    let b = 0;
    let u = 0;
    let p = 0;
    for (let i = runStart; i < lines.length; i++) {
      const l = lines[i];
      b += l.budget ?? 0;
      u += l.utfall ?? 0;
      p += l.prognos ?? 0;
    }
    const near = (x: number, s: number) => x !== x || Math.abs(x - s) <= 0.5 * n + 1e-9 * Math.max(1, Math.abs(s));
    return near(budget, b) && near(utfall, u) && near(prognos, p);
  };

  /** A row that is not a total row: its line, unless it has no amounts (then it is a heading). */
  const readLine = (row: CellValue[], rowNo: number, errs: CellErrorRef[] | undefined): void => {
    const namndText = pairText(row, cNamnd, cNamndKod);
    if (namndText !== null) carriedNamnd = namndText;
    const namnd = namndText ?? (noNamndColumn ? groupNamnd : carriedNamnd) ?? settingsNamnd;
    ctx.row = rowNo;
    ctx.namnd = namnd;
    if (anyBad) {
      bad.fill(0);
      anyBad = false;
    }
    const budget = amount(row, SLOT.budget);
    const utfall = amount(row, SLOT.utfall);
    const prognos = amount(row, SLOT.prognos);
    const avvikelse = amount(row, SLOT.avvikelse);
    const plan = nPlan === 0 ? NO_PLAN : readPlan(row);
    if (errs !== undefined) reportErrors(errs, namnd);
    if (!(anyBad || budget === budget || utfall === utfall || prognos === prognos || avvikelse === avvikelse || plan.some(isAmount))) {
      readHeading(row);
      return;
    }

    const verksamhet = pairText(row, cVerksamhet, cVerksamhetKod);
    const konto = pairText(row, cKonto, cKontoKod);
    if (lines.length > runStart && lines[lines.length - 1].namnd !== (namnd ?? '')) runStart = lines.length;
    // A row that names only its nämnd and holds the sum of the nämnd's rows above it (a SUBTOTAL or
    // SUM row without a "Summa" label): a total, never a line.
    if (namndText !== null && verksamhet === null && konto === null && hasLineLabels && !anyBad && sumsRun(budget, utfall, prognos)) {
      readTotal(row, rowNo, cNamnd >= 0 ? cNamnd : cNamndKod, errs);
      return;
    }
    if (anyBad) badOfLine.set(lines.length, bad.slice());
    if (namnd === null) {
      if (noNamndColumn) withoutNamnd++;
      else reportMissingNamnd(sink, sheet.name, rowNo, cNamnd + 1);
    }
    const typ = cTyp >= 0 ? typOf(row[cTyp], rowNo, namnd) : 'kostnad';
    if (budget < 0) negativeBudgets++;
    else if (budget > 0) positiveBudgets++;
    if (firstRow === 0) firstRow = rowNo;
    lastRow = rowNo;
    // The amounts are written after the object is made, over nulls: V8 picks how a field is stored
    // from its first value, and a first line of whole numbers would make it expect small integers;
    // the first decimal or empty amount would then make it rebuild every line read so far.
    const line: BudgetLine = {
      row: rowNo,
      namnd: namnd ?? '',
      verksamhet,
      konto,
      typ,
      budget: null,
      utfall: null,
      prognos: null,
      avvikelse: null,
      avvikelseAngiven: null,
      kommentar: cKommentar >= 0 ? cellText(row[cKommentar]) : null,
      plan,
    };
    if (budget === budget) line.budget = budget;
    if (utfall === utfall) line.utfall = utfall;
    if (prognos === prognos) line.prognos = prognos;
    if (avvikelse === avvikelse) line.avvikelseAngiven = avvikelse;
    lines.push(line);
  };

  /** A row that holds the sum of the rows below it, with no "Summa" label: its label is their nämnd. */
  const readParent = (row: CellValue[], rowNo: number): void => {
    parentRows++;
    const label = labelOf(row) ?? '';
    totals.push({ row: rowNo, label });
    if (firstRow === 0) firstRow = rowNo;
    lastRow = rowNo;
    if (label !== '' && !settingsNamnd) startGroup(label);
  };

  /** A total row whose label is in column first: checked against the data rows above it. */
  const readTotal = (row: CellValue[], rowNo: number, first: number, errs: CellErrorRef[] | undefined): void => {
    ctx.row = rowNo;
    ctx.namnd = null;
    if (anyBad) {
      bad.fill(0);
      anyBad = false;
    }
    for (let k = 0; k < nSlots; k++) values[k] = amount(row, k);
    if (errs !== undefined) reportErrors(errs, null);
    handOverDataRows();
    const label = String(row[first]).trim();
    checker.addTotalRow(rowNo, label, null, values, bad);
    totals.push({ row: rowNo, label });
    if (firstRow === 0) firstRow = rowNo;
    lastRow = rowNo;
    carriedNamnd = null;
    runStart = lines.length;
    // "Summa Socialnämnden" or a grand total ends the group; "Summa Äldreomsorg" within it does not.
    if (groupNamnd !== null && (isGrandTotalLabel(label) || foldText(label).includes(foldText(groupNamnd)))) groupNamnd = null;
  };

  /** A row found to hold the sum of the rows above it, without a total label: checked as a total. */
  const readOtherTotal = (row: CellValue[] | undefined, rowNo: number, errs: CellErrorRef[] | undefined): void => {
    parentRows++;
    const r = Array.isArray(row) ? row : EMPTY_ROW;
    const first = firstFilled(r);
    readTotal(r, rowNo, first === -1 ? scanStart : first, errs);
  };

  /** Any row but a data row that starts with text: blank, a total, or with error cells. */
  const readOtherRow = (row: CellValue[] | undefined, rowNo: number, errs: CellErrorRef[] | undefined): void => {
    if (!Array.isArray(row)) {
      if (!errs) return;
      row = EMPTY_ROW;
    }
    const first = firstFilled(row);
    if (first === -1 && !errs) return;
    if (first !== -1 && isTotalLabel(row[first])) readTotal(row, rowNo, first, errs);
    else {
      const other = first !== -1 && labelCols.length > 0 ? totalInOtherColumn(row) : -1;
      if (other >= 0) readTotal(row, rowNo, other, errs);
      else readLine(row, rowNo, errs);
    }
  };

  const checkOthers = labelCols.some((c) => c !== scanStart);
  for (let r = header.dataStart; r < header.dataEnd; r++) {
    const row = rows[r];
    if (parents !== null && parents.has(r)) {
      if (parents.get(r) === 'before') readParent(row, r + 1);
      else readOtherTotal(row, r + 1, errors === null ? undefined : errors.get(r + 1));
      continue;
    }
    const errs = errors === null ? undefined : errors.get(r + 1);
    // Nearly every row starts with the text of a data row: no scan for its first non-blank cell.
    if (errs === undefined && Array.isArray(row) && isDataLabel(row[scanStart])) {
      const other = checkOthers ? totalInOtherColumn(row) : -1;
      if (other >= 0) readTotal(row, r + 1, other, undefined);
      else readLine(row, r + 1, undefined);
    } else readOtherRow(row, r + 1, errs);
  }

  let unreadablePrognos: Set<BudgetLine> | undefined;
  for (const [i, b] of badOfLine) {
    if (b[SLOT.prognos]) (unreadablePrognos ??= new Set()).add(lines[i]);
  }
  return {
    sheet: {
      ...(unreadablePrognos ? { unreadablePrognos } : {}),
      location: { name: sheet.name, headerRow: header.headerRow, columns: { ...cols }, headers: { ...header.headers } },
      lines,
      totals,
      hasPrognos: 'prognos' in cols,
      planYears: header.planYears.slice(),
    },
    unknownTyp,
    budgetSigns: { negative: negativeBudgets, positive: positiveBudgets },
    stats: { firstRow, lastRow, lines: lines.length, totals: totals.length, headings, parents: parentRows, groupNamnder, withoutNamnd },
  };
}

/** A nämnd's name in the title block above the header ("Socialnämnden", "Kommunstyrelsen – bokslut"). */
const NAMND_IN_TITLE = /\b[\p{L}-]*(?:nämnd|nämnden|styrelse|styrelsen)\b/iu;
/** A title cell that names the nämnd as a key: "Nämnd: Socialnämnden", or "Nämnd" | "Socialnämnden". */
const NAMND_KEY = /^\s*(?:nämnd|namnd|styrelse\/nämnd|nämnd\/styrelse|ansvarig nämnd)(?![\p{L}])\s*[:=]?\s*(.*)$/iu;

/** The nämnd a title or parameter cell above the header names, with its 1-based row; null when none does. */
export function namndFromTitle(sheet: SheetSnapshot, headerRow: number): { text: string; row: number } | null {
  const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
  for (let r = 0; r < Math.min(headerRow - 1, rows.length); r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 64); c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const t = v.trim();
      if (t.length === 0 || t.length > 80) continue;
      const key = NAMND_KEY.exec(t);
      if (key) {
        const value = key[1].trim() || String(row.slice(c + 1, c + 4).find((x) => typeof x === 'string' && x.trim() !== '') ?? '').trim();
        if (value) return { text: value, row: r + 1 };
        continue;
      }
      if (NAMND_IN_TITLE.test(t)) return { text: t.split(/\s+[–—-]\s+|,\s*/)[0], row: r + 1 };
    }
  }
  return null;
}

function reportMissingNamnd(sink: FindingSink, sheet: string, row: number, col: number): void {
  if (sink.skip('IN-NAMND-SAKNAS', sheet, 'varning', AVSNITT.budget)) return;
  sink.push({
    rule: 'IN-NAMND-SAKNAS',
    severity: 'varning',
    sheet,
    row,
    col: col > 0 ? col : null,
    message: `Raden ${row} i bladet ${sheet} saknar nämnd, så beloppen kan inte knytas till någon nämnd.`,
    suggestion: 'Fyll i nämnden på raden, eller ange Nämnd i bladet Inställningar om hela arbetsboken gäller en nämnd.',
    avsnitt: AVSNITT.budget,
  });
}
