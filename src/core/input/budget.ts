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
  /** Lines read as intäkter because they stand, as positive amounts, under an Intäkter heading. */
  intaktBlock: number;
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

/**
 * Where the budget's fields stand in a row (0-based array indexes, -1 when the column is absent),
 * the numeric slots (budget, utfall, prognos, avvikelse, then one per plan year) and the columns
 * a row's label is looked for in. Worked out once from the header.
 */
export interface BudgetLayout {
  namnd: number;
  namndKod: number;
  verksamhet: number;
  verksamhetKod: number;
  konto: number;
  kontoKod: number;
  typ: number;
  kommentar: number;
  /** Text columns where a total label may stand ("Summa" in Verksamhet), besides the row's first cell. */
  labelCols: number[];
  /** Whether a label column other than the first scanned one can hold a total label. */
  checkOthers: boolean;
  /** Number of slots; the array index of each slot's column (-1 when absent) and its title. */
  nSlots: number;
  nPlan: number;
  slotCol: Int32Array;
  slotTitle: string[];
  /** 1-based column → its header, for error cells. */
  columnTitle: Map<number, string>;
  /** 1-based columns of every recognised field. */
  usedCols: number[];
  /** The columns a row's first cell and label are looked for in: [scanStart, scanEnd). */
  scanStart: number;
  scanEnd: number;
  /** No Nämnd column: nämnder come from group headers and parent rows. */
  noNamndColumn: boolean;
  /** Whether a line can name something besides its nämnd (verksamhet or konto). */
  hasLineLabels: boolean;
}

export function budgetLayout(header: BudgetHeader): BudgetLayout {
  const cols = header.columns;
  const idx = (key: string): number => (key in cols ? cols[key] - 1 : -1);
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
  const namnd = idx('namnd');
  const namndKod = idx('namndKod');
  const verksamhet = idx('verksamhet');
  const verksamhetKod = idx('verksamhetKod');
  const konto = idx('konto');
  const kontoKod = idx('kontoKod');
  const labelCols = [namnd, verksamhet, konto].filter((c) => c >= 0);
  return {
    namnd,
    namndKod,
    verksamhet,
    verksamhetKod,
    konto,
    kontoKod,
    typ: idx('typ'),
    kommentar: idx('kommentar'),
    labelCols,
    checkOthers: labelCols.some((c) => c !== scanStart),
    nSlots,
    nPlan: nSlots - SLOT.plan,
    slotCol,
    slotTitle,
    columnTitle,
    usedCols,
    scanStart,
    scanEnd,
    noNamndColumn: namnd < 0 && namndKod < 0,
    hasLineLabels: verksamhet >= 0 || konto >= 0 || verksamhetKod >= 0 || kontoKod >= 0,
  };
}

/**
 * Reads the Budget sheet's rows into lines and total rows. Each row goes to one of the
 * BudgetRowReader's steps (a line, a total, a parent row, a heading); the totals are checked
 * against the data rows above them as they are read.
 */
export function readBudgetRaw(sheet: SheetSnapshot, options: BudgetReadOptions, sink: FindingSink): RawBudget {
  const { header } = options;
  const layout = budgetLayout(header);
  // Without a Nämnd column, a nämnd may be written as a row above its verksamheter that holds
  // their sum and no "Summa" label (a published driftredovisning): such rows are found first.
  const parents = layout.noNamndColumn ? findParentRows(sheet, header, layout.slotCol, layout.scanStart, layout.scanEnd) : null;
  const errors = errorsByRow(sheet, header.headerRow + 1, header.dataEnd, layout.usedCols);
  const reader = new BudgetRowReader(sheet.name, layout, options.defaultNamnd, sink);
  const rows = sheet.rows;
  const { scanStart, checkOthers } = layout;
  // A printed report repeats its header row (per page or per nämnd): such a row is no line.
  const budgetCol = layout.slotCol[SLOT.budget];
  const budgetHead = budgetCol >= 0 ? rows[header.headerRow - 1]?.[budgetCol] : undefined;
  for (let r = header.dataStart; r < header.dataEnd; r++) {
    const row = rows[r];
    const errs = errors === null ? undefined : errors.get(r + 1);
    if (typeof budgetHead === 'string' && Array.isArray(row) && row[budgetCol] === budgetHead) {
      reader.repeatedHeader();
      continue;
    }
    if (parents !== null && parents.has(r)) {
      if (parents.get(r) === 'before') reader.readParent(row, r + 1);
      else reader.readOtherTotal(row, r + 1, errs);
    } else if (errs === undefined && Array.isArray(row) && isDataLabel(row[scanStart])) {
      // Nearly every row starts with the text of a data row: no scan for its first non-blank cell.
      const other = checkOthers ? reader.totalInOtherColumn(row) : -1;
      if (other >= 0) reader.readTotal(row, r + 1, other, undefined);
      else reader.readLine(row, r + 1, undefined);
    } else reader.readOtherRow(row, r + 1, errs);
  }
  return reader.result(sheet.name, header);
}

/** The amounts of the row being read, with the slots whose cell was unreadable or an error. */
class RowAmounts {
  /** Slots whose cell was unreadable (1) in the current row; `anyBad` when any is. */
  readonly bad: Uint8Array;
  anyBad = false;
  /** The row being read, as the findings of its unreadable cells name it. */
  readonly ctx: RowContext;
  private readonly slotCol: Int32Array;
  private readonly slotTitle: string[];

  constructor(
    private readonly layout: BudgetLayout,
    sink: FindingSink,
    private readonly sheet: string,
  ) {
    this.bad = new Uint8Array(layout.nSlots);
    this.slotCol = layout.slotCol;
    this.slotTitle = layout.slotTitle;
    this.ctx = { sink, sheet, row: 0, namnd: null, avsnitt: AVSNITT.budget };
  }

  /** Starts a row: its number and nämnd for the findings, no slot unreadable yet. */
  start(rowNo: number, namnd: string | null): void {
    this.ctx.row = rowNo;
    this.ctx.namnd = namnd;
    if (this.anyBad) {
      this.bad.fill(0);
      this.anyBad = false;
    }
  }

  /*
   * amount and textAmount are small and kept apart from the rare cases (error cells, text
   * amounts) so that V8 optimises them after a few thousand rows.
   */

  /** The amount in slot k: the number, NaN when empty or unreadable. */
  amount(row: CellValue[], k: number): number {
    const c = this.slotCol[k];
    const v = c >= 0 ? row[c] : null;
    return typeof v === 'number' && v - v === 0 ? v : this.textAmount(v, k);
  }

  /** A numeric cell of slot k that is not a plain number: NaN when empty; unreadable is reported, NaN and bad. */
  private textAmount(v: CellValue | undefined, k: number): number {
    if (v === null || v === undefined) return NaN;
    const n = parseSwedishNumber(v);
    if (n === undefined) {
      reportUnreadableNumber(this.ctx, v, this.slotCol[k] + 1, this.slotTitle[k]);
      this.bad[k] = 1;
      this.anyBad = true;
      return NaN;
    }
    return n === null ? NaN : n;
  }

  /** The plan years' amounts, null when empty or unreadable. */
  plan(row: CellValue[]): (number | null)[] {
    const nPlan = this.layout.nPlan;
    const plan: (number | null)[] = new Array(nPlan);
    for (let k = 0; k < nPlan; k++) {
      const v = this.amount(row, SLOT.plan + k);
      plan[k] = v === v ? v : null;
    }
    return plan;
  }

  /** Reports the row's error cells; those in an amount column make its slot unreadable. */
  reportErrors(errs: CellErrorRef[], namnd: string | null): void {
    const { nSlots, slotCol, columnTitle } = this.layout;
    for (const e of errs) {
      reportErrorCell(this.ctx.sink, this.sheet, e, columnTitle.get(e.col) ?? '', namnd);
      for (let k = 0; k < nSlots; k++) {
        if (slotCol[k] === e.col - 1) {
          this.bad[k] = 1;
          this.anyBad = true;
        }
      }
    }
  }
}

/**
 * Typ holds a handful of distinct texts, the same for a few rows, then another: each is parsed
 * once, and a row's text is first compared with the row above's (no hashing). Typ texts not
 * understood are collected, and read as kostnad.
 */
class TypReader {
  readonly unknown: RawBudget['unknownTyp'] = [];
  private readonly byText = new Map<string, BudgetTyp | null | undefined>();
  private lastText: string | undefined;
  private last: BudgetTyp | null | undefined;

  constructor(private readonly col: number) {}

  read(raw: CellValue, rowNo: number, namnd: string | null): BudgetTyp {
    let t: BudgetTyp | null | undefined;
    if (typeof raw !== 'string') t = parseTyp(raw);
    else if (raw === this.lastText) t = this.last;
    else {
      t = this.byText.get(raw);
      if (t === undefined && !this.byText.has(raw)) {
        t = parseTyp(raw);
        this.byText.set(raw, t);
      }
      this.lastText = raw;
      this.last = t;
    }
    if (t) return t;
    if (t === undefined) this.unknown.push({ row: rowNo, col: this.col + 1, raw, namnd: namnd ?? '' });
    return 'kostnad';
  }
}

/**
 * Without a Nämnd column: the nämnd named by a group-header or parent row, which the rows below
 * take until a total row ends it.
 */
class NamndGroups {
  current: string | null = null;
  /** Every nämnd a group named, in order. */
  readonly named: string[] = [];
  private namndSeen = false;

  start(label: string): void {
    const namndLike = NAMND_NAME.test(label);
    // Below a nämnd's header, a heading that names no nämnd is a sub-group of it.
    if (!namndLike && this.namndSeen && this.current !== null) return;
    if (namndLike) this.namndSeen = true;
    this.current = label;
    if (!this.named.includes(label)) this.named.push(label);
  }

  /** "Summa Socialnämnden" or a grand total ends the group; "Summa Äldreomsorg" within it does not. */
  endAt(totalLabel: string): void {
    if (this.current !== null && (isGrandTotalLabel(totalLabel) || foldText(totalLabel).includes(foldText(this.current)))) this.current = null;
  }
}

/**
 * Data rows reach the totals checker only when a total row needs them: a sheet without total
 * rows sums nothing. They are handed over in order, so every sum is the same as row by row.
 * Their values are the line's (null = empty or unreadable); unreadable cells are kept aside.
 */
class DataRowFeed {
  /** Index of a line → the slots unreadable in its row (only lines that had one). */
  readonly badOfLine = new Map<number, Uint8Array>();
  private readonly values: Float64Array;
  private readonly bad: Uint8Array;
  private handedOver = 0;

  constructor(
    private readonly checker: TotalsChecker,
    nSlots: number,
    private readonly nPlan: number,
  ) {
    this.values = new Float64Array(nSlots);
    this.bad = new Uint8Array(nSlots);
  }

  /** Hands the lines read since the last call to the checker. */
  handOver(lines: BudgetLine[]): void {
    const { values, bad } = this;
    for (let i = this.handedOver; i < lines.length; i++) {
      const l = lines[i];
      values[SLOT.budget] = l.budget ?? NaN;
      values[SLOT.utfall] = l.utfall ?? NaN;
      values[SLOT.prognos] = l.prognos ?? NaN;
      values[SLOT.avvikelse] = l.avvikelseAngiven ?? NaN;
      for (let k = 0; k < this.nPlan; k++) values[SLOT.plan + k] = l.plan[k] ?? NaN;
      const b = this.badOfLine.get(i);
      if (b) bad.set(b);
      else bad.fill(0);
      this.checker.addDataRow(values, bad);
    }
    this.handedOver = lines.length;
  }

  /** The lines whose Prognos cell could not be read. */
  unreadablePrognos(lines: BudgetLine[]): Set<BudgetLine> | undefined {
    let out: Set<BudgetLine> | undefined;
    for (const [i, b] of this.badOfLine) {
      if (b[SLOT.prognos]) (out ??= new Set()).add(lines[i]);
    }
    return out;
  }
}

/**
 * Reads the Budget sheet row by row: each kind of row (a line, a total, a parent, a heading) has
 * its own method. They are small and kept apart from the rare cases (error cells, text amounts,
 * total rows, unknown Typ) so that V8 optimises them after a few thousand rows: one big function
 * with all of it takes long enough to compile that half of a large sheet is read unoptimised.
 */
class BudgetRowReader {
  readonly lines: BudgetLine[] = [];
  readonly totals: TotalRow[] = [];
  private readonly amounts: RowAmounts;
  private readonly typ: TypReader;
  private readonly groups = new NamndGroups();
  private readonly feed: DataRowFeed;
  private readonly checker: TotalsChecker;
  /** The amounts of a total row, by slot. */
  private readonly totalValues: Float64Array;
  /** Merged or grouped Nämnd cells leave the cells below empty: the nämnd carries down until a total row. */
  private carriedNamnd: string | null = null;
  /** Lines of the current nämnd since the last total row or change of nämnd start here. */
  private runStart = 0;
  private headings = 0;
  private parentRows = 0;
  private withoutNamnd = 0;
  private firstRow = 0;
  private lastRow = 0;
  private negativeBudgets = 0;
  private positiveBudgets = 0;
  /** Without a Typ column: the block an "Intäkter" or "Kostnader" heading opened, until a total row. */
  private block: 'intakt' | 'kostnad' | null = null;
  /** Indexes of the lines under an Intäkter heading. */
  private readonly intaktLines: number[] = [];

  constructor(
    private readonly sheet: string,
    private readonly layout: BudgetLayout,
    /** The nämnd of rows without one of their own (Inställningar, the sheet's title or name). */
    private readonly settingsNamnd: string | null,
    private readonly sink: FindingSink,
  ) {
    this.amounts = new RowAmounts(layout, sink, sheet);
    this.typ = new TypReader(layout.typ);
    // Slots of absent columns are always empty, so the checker never reports them.
    const totalColumns: TotalColumn[] = layout.slotTitle.map((title, k) => ({ col: layout.slotCol[k] + 1, title }));
    this.checker = new TotalsChecker(totalColumns, sink, sheet);
    this.feed = new DataRowFeed(this.checker, layout.nSlots, layout.nPlan);
    this.totalValues = new Float64Array(layout.nSlots);
    // V8 treats a field that has only ever held one value as a constant and throws the optimised
    // code that read it away when it changes: these two change only when the nämnd does, long
    // after the row methods are optimised, so they are made variable here.
    this.carriedNamnd = '';
    this.carriedNamnd = null;
    this.runStart = -1;
    this.runStart = 0;
  }

  /** Any row but a data row that starts with text: blank, a total, or with error cells. */
  readOtherRow(row: CellValue[] | undefined, rowNo: number, errs: CellErrorRef[] | undefined): void {
    if (!Array.isArray(row)) {
      if (!errs) return;
      row = EMPTY_ROW;
    }
    const first = this.firstFilled(row);
    if (first === -1 && !errs) return;
    if (first !== -1 && isTotalLabel(row[first])) this.readTotal(row, rowNo, first, errs);
    else {
      const other = first !== -1 && this.layout.labelCols.length > 0 ? this.totalInOtherColumn(row) : -1;
      if (other >= 0) this.readTotal(row, rowNo, other, errs);
      else this.readLine(row, rowNo, errs);
    }
  }

  /** A row that is not a total row: its line, unless it has no amounts (then it is a heading). */
  readLine(row: CellValue[], rowNo: number, errs: CellErrorRef[] | undefined): void {
    const layout = this.layout;
    const amounts = this.amounts;
    const namndText = pairText(row, layout.namnd, layout.namndKod);
    if (namndText !== null) this.carriedNamnd = namndText;
    const namnd = namndText ?? (layout.noNamndColumn ? this.groups.current : this.carriedNamnd) ?? this.settingsNamnd;
    amounts.start(rowNo, namnd);
    const budget = amounts.amount(row, SLOT.budget);
    const utfall = amounts.amount(row, SLOT.utfall);
    const prognos = amounts.amount(row, SLOT.prognos);
    const avvikelse = amounts.amount(row, SLOT.avvikelse);
    const plan = layout.nPlan === 0 ? NO_PLAN : amounts.plan(row);
    if (errs !== undefined) amounts.reportErrors(errs, namnd);
    if (!(amounts.anyBad || budget === budget || utfall === utfall || prognos === prognos || avvikelse === avvikelse || plan.some(isAmount))) {
      this.readHeading(row);
      return;
    }

    const lines = this.lines;
    const verksamhet = pairText(row, layout.verksamhet, layout.verksamhetKod);
    const konto = pairText(row, layout.konto, layout.kontoKod);
    // Stored on every line, even unchanged, so that the store is never new to the optimised code.
    this.runStart = lines.length > this.runStart && lines[lines.length - 1].namnd !== (namnd ?? '') ? lines.length : this.runStart;
    // A row that names only its nämnd and holds the sum of the nämnd's rows above it (a SUBTOTAL or
    // SUM row without a "Summa" label): a total, never a line.
    if (namndText !== null && verksamhet === null && konto === null && layout.hasLineLabels && !amounts.anyBad && this.sumsRun(budget, utfall, prognos)) {
      this.readTotal(row, rowNo, layout.namnd >= 0 ? layout.namnd : layout.namndKod, errs);
      return;
    }
    if (amounts.anyBad) this.feed.badOfLine.set(lines.length, amounts.bad.slice());
    if (namnd === null) {
      if (layout.noNamndColumn) this.withoutNamnd++;
      else reportMissingNamnd(this.sink, this.sheet, rowNo, layout.namnd + 1);
    }
    const typ = layout.typ >= 0 ? this.typ.read(row[layout.typ], rowNo, namnd) : 'kostnad';
    if (budget < 0) this.negativeBudgets++;
    else if (budget > 0) this.positiveBudgets++;
    if (this.block === 'intakt') this.intaktLines.push(lines.length);
    if (this.firstRow === 0) this.firstRow = rowNo;
    this.lastRow = rowNo;
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
      kommentar: layout.kommentar >= 0 ? cellText(row[layout.kommentar]) : null,
      plan,
    };
    if (budget === budget) line.budget = budget;
    if (utfall === utfall) line.utfall = utfall;
    if (prognos === prognos) line.prognos = prognos;
    if (avvikelse === avvikelse) line.avvikelseAngiven = avvikelse;
    lines.push(line);
  }

  /** A row that repeats the header row: counted with the headings, read as nothing. */
  repeatedHeader(): void {
    this.headings++;
  }

  /** A row with a label and no amounts: a group header, whose nämnd the rows below take. */
  private readHeading(row: CellValue[]): void {
    this.headings++;
    if (this.layout.typ < 0) {
      const heading = this.labelOf(row);
      const block = heading === null ? null : blockOf(heading);
      if (block !== null) {
        this.block = block;
        return;
      }
    }
    if (!this.layout.noNamndColumn || this.settingsNamnd) return;
    const label = this.labelOf(row);
    if (label === null) return;
    this.groups.start(label);
  }

  /** A row that holds the sum of the rows below it, with no "Summa" label: its label is their nämnd. */
  readParent(row: CellValue[] | undefined, rowNo: number): void {
    this.parentRows++;
    const label = (Array.isArray(row) ? this.labelOf(row) : null) ?? '';
    this.totals.push({ row: rowNo, label });
    this.reached(rowNo);
    if (label !== '' && !this.settingsNamnd) this.groups.start(label);
  }

  /** A row found to hold the sum of the rows above it, without a total label: checked as a total. */
  readOtherTotal(row: CellValue[] | undefined, rowNo: number, errs: CellErrorRef[] | undefined): void {
    this.parentRows++;
    const r = Array.isArray(row) ? row : EMPTY_ROW;
    const first = this.firstFilled(r);
    this.readTotal(r, rowNo, first === -1 ? this.layout.scanStart : first, errs);
  }

  /** A total row whose label is in column first: checked against the data rows above it. */
  readTotal(row: CellValue[], rowNo: number, first: number, errs: CellErrorRef[] | undefined): void {
    const amounts = this.amounts;
    const values = this.totalValues;
    amounts.start(rowNo, null);
    for (let k = 0; k < this.layout.nSlots; k++) values[k] = amounts.amount(row, k);
    if (errs !== undefined) amounts.reportErrors(errs, null);
    this.feed.handOver(this.lines);
    const label = String(row[first]).trim();
    this.checker.addTotalRow(rowNo, label, null, values, amounts.bad);
    this.totals.push({ row: rowNo, label });
    this.reached(rowNo);
    this.carriedNamnd = null;
    this.runStart = this.lines.length;
    this.groups.endAt(label);
    this.block = null;
  }

  /** Records a row that held a line or a total, for the first and last row read. */
  private reached(rowNo: number): void {
    if (this.firstRow === 0) this.firstRow = rowNo;
    this.lastRow = rowNo;
  }

  /** Whether the amounts equal, within rounding, the sums of the current run of two or more lines. */
  private sumsRun(budget: number, utfall: number, prognos: number): boolean {
    const lines = this.lines;
    const n = lines.length - this.runStart;
    if (n < 2 || budget !== budget || budget === 0) return false;
    let b = 0;
    let u = 0;
    let p = 0;
    for (let i = this.runStart; i < lines.length; i++) {
      const l = lines[i];
      b += l.budget ?? 0;
      u += l.utfall ?? 0;
      p += l.prognos ?? 0;
    }
    const near = (x: number, s: number) => x !== x || Math.abs(x - s) <= 0.5 * n + 1e-9 * Math.max(1, Math.abs(s));
    return near(budget, b) && near(utfall, u) && near(prognos, p);
  }

  /** The row's first non-blank cell in the scanned columns; -1 when there is none. */
  private firstFilled(row: CellValue[]): number {
    const end = Math.min(row.length, this.layout.scanEnd);
    for (let c = this.layout.scanStart; c < end; c++) if (!isBlank(row[c])) return c;
    return -1;
  }

  /** A row's label: its first non-blank text cell in the scanned columns. */
  private labelOf(row: CellValue[]): string | null {
    const end = Math.min(row.length, this.layout.scanEnd);
    for (let c = this.layout.scanStart; c < end; c++) {
      const t = cellText(row[c]);
      if (t !== null && typeof row[c] === 'string') return t;
    }
    return null;
  }

  /**
   * Lines under an Intäkter heading, in a table without a Typ column, are intäkter when their
   * budgets add up positive as the other lines' do (both written as positive amounts, as a
   * resultaträkning writes them); written negative they are already net cost and stay as they are.
   * Returns how many lines were read as intäkter.
   */
  private typeIntaktBlock(): number {
    const idx = this.intaktLines;
    if (idx.length === 0) return 0;
    const lines = this.lines;
    const inBlock = new Set(idx);
    let blockSum = 0;
    let otherSum = 0;
    for (let i = 0; i < lines.length; i++) {
      const b = lines[i].budget ?? 0;
      if (inBlock.has(i)) blockSum += b;
      else otherSum += b;
    }
    if (!(blockSum > 0 && otherSum > 0)) return 0;
    for (const i of idx) lines[i].typ = 'intakt';
    return idx.length;
  }

  /** Whether another text column of the row holds a total label ("Summa" in Verksamhet): its index, else -1. */
  totalInOtherColumn(row: CellValue[]): number {
    const { labelCols, scanStart } = this.layout;
    for (let i = 0; i < labelCols.length; i++) {
      const c = labelCols[i];
      if (c !== scanStart && isTotalLabel(row[c])) return c;
    }
    return -1;
  }

  result(sheet: string, header: BudgetHeader): RawBudget {
    const { lines, totals } = this;
    const intaktBlock = this.typeIntaktBlock();
    const unreadablePrognos = this.feed.unreadablePrognos(lines);
    const cols = header.columns;
    return {
      sheet: {
        ...(unreadablePrognos ? { unreadablePrognos } : {}),
        location: { name: sheet, headerRow: header.headerRow, columns: { ...cols }, headers: { ...header.headers } },
        lines,
        totals,
        hasPrognos: 'prognos' in cols,
        planYears: header.planYears.slice(),
      },
      unknownTyp: this.typ.unknown,
      budgetSigns: { negative: this.negativeBudgets, positive: this.positiveBudgets },
      stats: {
        firstRow: this.firstRow,
        lastRow: this.lastRow,
        lines: lines.length,
        totals: totals.length,
        headings: this.headings,
        parents: this.parentRows,
        groupNamnder: this.groups.named,
        withoutNamnd: this.withoutNamnd,
        intaktBlock,
      },
    };
  }
}

/** The block a heading opens: "Intäkter", "Verksamhetens intäkter", "Kostnader", "Externa kostnader". */
function blockOf(label: string): 'intakt' | 'kostnad' | null {
  const f = foldText(label).replace(/[:.]+$/, '').trim();
  if (/^(?:[a-z]+ )?intakter$/.test(f)) return 'intakt';
  if (/^(?:[a-z]+ )?kostnader$/.test(f)) return 'kostnad';
  return null;
}

/** A field's text: its text column, else its code column (a code + text pair, or a code alone). */
function pairText(row: CellValue[], c: number, cKod: number): string | null {
  return (c >= 0 ? cellText(row[c]) : null) ?? (cKod >= 0 ? cellText(row[cKod]) : null);
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
