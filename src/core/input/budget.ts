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
import { detectHeader } from './header';
import { BUDGET_COLUMNS, fieldTitle } from './header-specs';
import { reportMissingHeaders } from './sheet-reader';
import { cellText } from './text';
import { isTotalLabel, type TotalColumn, TotalsChecker } from './totals';

/** Fixed slots of the numeric columns; plan years follow from slot 4. */
export const SLOT = { budget: 0, utfall: 1, prognos: 2, avvikelse: 3, plan: 4 } as const;

export interface RawBudget {
  sheet: BudgetSheet;
  /** Rows whose Typ was not understood (reported only when Typ matters, under kostnad positiv). */
  unknownTyp: { row: number; col: number; raw: CellValue; namnd: string }[];
  /** How many lines have a negative and a positive budget amount as written. */
  budgetSigns: { negative: number; positive: number };
}

const NOT_BLANK = /\S/;
/** The plan of every line when the sheet has no plan columns: one empty array, not one per line. */
const NO_PLAN = Object.freeze([]) as unknown as (number | null)[];
const EMPTY_ROW: CellValue[] = [];

function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Nearly every cell starts with a letter or digit: no regex needed. (No whitespace lies
  // between U+0021 and U+167F except U+00A0.)
  const c = v.length > 0 ? v.charCodeAt(0) : 0;
  if (c > 0x20 && c < 0x1680 && c !== 0xa0) return false;
  return !NOT_BLANK.test(v);
}

export function readBudgetRaw(sheet: SheetSnapshot, settingsNamnd: string | null, sink: FindingSink): RawBudget | null {
  const required = settingsNamnd ? ['budget'] : ['budget', 'namnd'];
  let header = detectHeader(sheet, BUDGET_COLUMNS, required);
  // An export for one nämnd often has no Nämnd column at all (the nämnd is in the title):
  // the rows are still read and checked, and one finding says whose they are taken to be.
  let sheetNamnd: string | null = null;
  if (!header.found && !settingsNamnd) {
    const withoutNamnd = detectHeader(sheet, BUDGET_COLUMNS, ['budget']);
    if (withoutNamnd.found && !('namnd' in withoutNamnd.columns)) {
      header = withoutNamnd;
      sheetNamnd = reportSheetNamnd(sink, sheet, withoutNamnd.headerRow);
      settingsNamnd = sheetNamnd ?? '';
    }
  }
  if (!header.found) {
    const hint = header.missing.includes('namnd') ? ' Nämnden kan i stället anges en gång som Nämnd i bladet Inställningar.' : '';
    reportMissingHeaders(sink, sheet.name, BUDGET_COLUMNS, header.missing, AVSNITT.budget, hint);
    return null;
  }
  const rows = sheet.rows;
  const cols = header.columns;
  const idx = (key: string): number => (key in cols ? cols[key] - 1 : -1);
  const cNamnd = idx('namnd');
  const cVerksamhet = idx('verksamhet');
  const cKonto = idx('konto');
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
  const budgetSigns = { negative: 0, positive: 0 };
  let lastTypRaw: string | undefined;
  let lastTyp: BudgetTyp | null | undefined;
  const nPlan = nSlots - SLOT.plan;

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

  /** A numeric cell of slot k: the number, NaN when empty; unreadable is reported, NaN and bad. */
  const slot = (row: CellValue[], k: number): number => {
    const c = slotCol[k];
    const v = c >= 0 && c < row.length ? row[c] : null;
    if (typeof v === 'number' && v - v === 0) return v;
    if (v === null || v === undefined) return NaN;
    const n = parseSwedishNumber(v);
    if (n === undefined) {
      reportUnreadableNumber(ctx, v, c + 1, slotTitle[k]);
      bad[k] = 1;
      anyBad = true;
      return NaN;
    }
    return n === null ? NaN : n;
  };

  for (let r = header.dataStart; r < header.dataEnd; r++) {
    const errs: CellErrorRef[] | undefined = errors === null ? undefined : errors.get(r + 1);
    let row = rows[r];
    if (!Array.isArray(row)) {
      if (!errs) continue;
      row = EMPTY_ROW;
    }
    let first = -1;
    const end = Math.min(row.length, scanEnd);
    for (let c = scanStart; c < end; c++) {
      if (!isBlank(row[c])) {
        first = c;
        break;
      }
    }
    if (first === -1 && !errs) continue;
    const rowNo = r + 1;
    ctx.row = rowNo;
    const total = first !== -1 && isTotalLabel(row[first]);

    const namndText = cNamnd >= 0 && !total ? cellText(row[cNamnd]) : null;
    if (namndText !== null) carriedNamnd = namndText;
    const namnd = total ? null : namndText ?? (cNamnd >= 0 ? carriedNamnd : null) ?? settingsNamnd;
    ctx.namnd = namnd;

    // Plain locals rather than typed arrays: until the loop is optimised, every read of a
    // Float64Array element allocates a number.
    if (anyBad) {
      bad.fill(0);
      anyBad = false;
    }
    const vBudget = slot(row, SLOT.budget);
    const vUtfall = slot(row, SLOT.utfall);
    const vPrognos = slot(row, SLOT.prognos);
    const vAvvikelse = slot(row, SLOT.avvikelse);
    const plan: (number | null)[] = nPlan === 0 ? NO_PLAN : new Array(nPlan);
    let anyPlan = false;
    for (let k = 0; k < nPlan; k++) {
      const v = slot(row, SLOT.plan + k);
      if (v === v) {
        plan[k] = v;
        anyPlan = true;
      } else plan[k] = null;
    }
    if (errs) {
      for (const e of errs) {
        reportErrorCell(sink, sheet.name, e, columnTitle.get(e.col) ?? '', namnd);
        for (let k = 0; k < nSlots; k++) {
          if (slotCol[k] === e.col - 1) {
            bad[k] = 1;
            anyBad = true;
          }
        }
      }
    }

    if (total) {
      handOverDataRows();
      values[SLOT.budget] = vBudget;
      values[SLOT.utfall] = vUtfall;
      values[SLOT.prognos] = vPrognos;
      values[SLOT.avvikelse] = vAvvikelse;
      for (let k = 0; k < nPlan; k++) values[SLOT.plan + k] = plan[k] ?? NaN;
      const label = String(row[first]).trim();
      checker.addTotalRow(rowNo, label, null, values, bad);
      totals.push({ row: rowNo, label });
      carriedNamnd = null;
      continue;
    }

    // A row without amounts is a heading (e.g. a nämnd's name above its rows), not a line.
    if (!(anyBad || anyPlan || vBudget === vBudget || vUtfall === vUtfall || vPrognos === vPrognos || vAvvikelse === vAvvikelse)) continue;

    if (anyBad) badOfLine.set(lines.length, bad.slice());

    if (namnd === null) reportMissingNamnd(sink, sheet.name, rowNo, cNamnd + 1);
    let typ: BudgetTyp = 'kostnad';
    if (cTyp >= 0) {
      const rawTyp = row[cTyp];
      let t: BudgetTyp | null | undefined;
      // Typ holds a handful of distinct texts, mostly the same as on the row above.
      if (typeof rawTyp === 'string') {
        if (rawTyp !== lastTypRaw) {
          lastTyp = parseTyp(rawTyp);
          lastTypRaw = rawTyp;
        }
        t = lastTyp;
      } else t = parseTyp(rawTyp);
      if (t) typ = t;
      else if (t === undefined) unknownTyp.push({ row: rowNo, col: cTyp + 1, raw: row[cTyp], namnd: namnd ?? '' });
    }
    if (vBudget < 0) budgetSigns.negative++;
    else if (vBudget > 0) budgetSigns.positive++;
    lines.push({
      row: rowNo,
      namnd: namnd ?? '',
      verksamhet: cVerksamhet >= 0 ? cellText(row[cVerksamhet]) : null,
      konto: cKonto >= 0 ? cellText(row[cKonto]) : null,
      typ,
      budget: vBudget === vBudget ? vBudget : null,
      utfall: vUtfall === vUtfall ? vUtfall : null,
      prognos: vPrognos === vPrognos ? vPrognos : null,
      avvikelse: null,
      avvikelseAngiven: vAvvikelse === vAvvikelse ? vAvvikelse : null,
      kommentar: cKommentar >= 0 ? cellText(row[cKommentar]) : null,
      plan,
    });
  }

  return {
    sheet: {
      location: { name: sheet.name, headerRow: header.headerRow, columns: { ...cols }, headers: { ...header.headers } },
      lines,
      totals,
      hasPrognos: 'prognos' in cols,
      planYears: header.planYears.slice(),
    },
    unknownTyp,
    budgetSigns,
  };
}

/** A nämnd's name in the title block above the header ("Socialnämnden", "Kommunstyrelsen – bokslut"). */
const NAMND_IN_TITLE = /\b[\p{L}-]*(?:nämnd|nämnden|styrelse|styrelsen)\b/iu;

/**
 * The Budget sheet names no nämnd (no column, nothing in Inställningar): one sheet-level finding,
 * and the nämnd is taken from the title above the header when one is written there.
 */
function reportSheetNamnd(sink: FindingSink, sheet: SheetSnapshot, headerRow: number): string | null {
  let found: { text: string; row: number } | null = null;
  for (let r = 0; r < headerRow - 1 && !found; r++) {
    for (const v of sheet.rows[r] ?? []) {
      if (typeof v === 'string' && v.trim().length > 0 && v.trim().length <= 80 && NAMND_IN_TITLE.test(v)) {
        found = { text: v.trim().split(/\s+[–—-]\s+|,\s*/)[0], row: r + 1 };
        break;
      }
    }
  }
  sink.push({
    rule: 'IN-NAMND-SAKNAS',
    severity: found ? 'info' : 'varning',
    sheet: sheet.name,
    row: null,
    col: null,
    message: found
      ? `Bladet ${sheet.name} har ingen kolumn Nämnd och Inställningar anger ingen Nämnd; raderna antas gälla ${found.text} (rubriken på rad ${found.row}).`
      : `Bladet ${sheet.name} har ingen kolumn Nämnd och Inställningar anger ingen Nämnd, så raderna kontrolleras men kan inte knytas till någon nämnd.`,
    suggestion: 'Ange nämnden som Nämnd i bladet Inställningar (för en arbetsbok per nämnd) eller lägg till en kolumn Nämnd.',
    avsnitt: AVSNITT.budget,
  });
  return found ? found.text : null;
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
