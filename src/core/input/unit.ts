/**
 * The unit of the budget's amounts (kr, tkr, mnkr): from Inställningar's Belopp i, else from an
 * amount header, a title or a parameter cell above the header (`Belopp i tkr`, `(tkr)`, `mnkr`,
 * `Belopp i kronor`), else inferred from the magnitudes: always said, with why.
 */
import type { BudgetLine, Enhet } from '../model';
import type { SheetSnapshot } from '../snapshot';
import { formatSwedishNumber } from './numbers';
import { foldText } from './text';
import { UNIT_WORDS } from './vocabulary';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest phrases first, so "tusentals kronor" is tkr before "kronor" is kr. */
const PHRASES = UNIT_WORDS.flatMap((u) => u.words.map((w) => ({ unit: u.unit, word: w }))).sort((a, b) => b.word.length - a.word.length);
const UNIT_RE = new RegExp(`(?:^|[^a-z0-9])(${PHRASES.map((p) => escape(p.word)).join('|')})(?![a-z0-9])`);
const UNIT_OF = new Map(PHRASES.map((p) => [p.word, p.unit]));

/** The unit a text names ("Belopp i tkr", "Budget 2025 (mnkr)"), or null. */
export function unitInText(text: unknown): Enhet | null {
  if (typeof text !== 'string' || text.length > 160) return null;
  const m = UNIT_RE.exec(foldText(text));
  return m ? UNIT_OF.get(m[1]) ?? null : null;
}

/** Key cells of a parameter block whose value cell is the unit ("Belopp i | tkr", "Enhet | Mkr"). */
const UNIT_KEYS = new Set(['belopp i', 'belopp', 'enhet', 'valuta', 'belopp anges i', 'beloppsenhet', 'unit', 'currency']);

export interface UnitInSheet {
  unit: Enhet;
  /** Where it was written: "rubriken ”Budget (tkr)”", "raden ”Belopp i tkr” (rad 2)". */
  where: string;
}

/** The unit written on a budget sheet: in its amount headers, then in the rows above the header. */
export function unitFromSheet(sheet: SheetSnapshot, headerRow: number, amountHeaders: string[]): UnitInSheet | null {
  for (const h of amountHeaders) {
    const unit = unitInText(h);
    if (unit) return { unit, where: `rubriken ”${h.trim()}”` };
  }
  const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
  for (let r = 0; r < Math.min(headerRow - 1, rows.length); r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < Math.min(row.length, 64); c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const key = foldText(v).replace(/[:.]+$/, '').trim();
      if (UNIT_KEYS.has(key)) {
        const next = row.slice(c + 1, c + 4).find((x) => typeof x === 'string' && x.trim() !== '');
        const unit = unitInText(next);
        if (unit) return { unit, where: `raden ”${v.trim()} ${String(next).trim()}” (rad ${r + 1})` };
      }
      const unit = unitInText(v);
      if (unit) return { unit, where: `raden ”${v.trim().slice(0, 80)}” (rad ${r + 1})` };
    }
  }
  return null;
}

const CELL_UNIT = /\d\s*(tkr|tsek|ksek|mnkr|mkr|msek|kr|sek)\.?\s*$/i;
const CELL_UNIT_OF: Record<string, Enhet> = { tkr: 'tkr', tsek: 'tkr', ksek: 'tkr', mnkr: 'mnkr', mkr: 'mnkr', msek: 'mnkr', kr: 'kr', sek: 'kr' };
/** Data rows looked at for a unit written in the amount cells. */
const CELL_SCAN_ROWS = 500;

/**
 * The unit written in the amount cells themselves ("96 400 tkr", "12,5 mnkr"), when every such
 * cell among the first rows names the same one; null when none does or they disagree.
 * `cols` are 0-based columns, `from` and `to` 0-based rows.
 */
export function unitInCells(sheet: SheetSnapshot, from: number, to: number, cols: number[], columnName: (col: number) => string): UnitInSheet | null {
  const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
  let found: { unit: Enhet; where: string } | null = null;
  for (let r = from; r < Math.min(to, rows.length, from + CELL_SCAN_ROWS); r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    for (const c of cols) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const m = CELL_UNIT.exec(v);
      if (!m) continue;
      const unit = CELL_UNIT_OF[m[1].toLowerCase()];
      if (found === null) found = { unit, where: `cellen ${columnName(c)}${r + 1} ”${v.trim().slice(0, 40)}”` };
      else if (found.unit !== unit) return null;
    }
  }
  return found;
}

export interface InferredUnit {
  unit: Enhet;
  why: string;
}

const fmt = (n: number) => formatSwedishNumber(Math.round(n));

/**
 * The unit the magnitudes point to, when nothing states one. A nämnd's net budget in a Swedish
 * kommun lies between some hundred thousand kronor (valnämnd, revision) and a few billion (the
 * large cities' skola and omsorg); the middle nämnd of a whole kommun is tens to hundreds of
 * millions. So the middle of the nämnder's budget totals tells the unit: in kr it is millions, in
 * tkr thousands, in mnkr tens to hundreds; amounts with decimals point to mnkr (tables in tkr
 * and kr are whole numbers).
 */
export function inferUnit(lines: readonly BudgetLine[]): InferredUnit | null {
  const perNamnd = new Map<string, number>();
  let n = 0;
  let withDecimals = 0;
  let max = 0;
  for (const l of lines) {
    const v = l.budget ?? l.prognos ?? l.utfall;
    if (v === null || !Number.isFinite(v) || v === 0) continue;
    n++;
    if (!Number.isInteger(v)) withDecimals++;
    const a = Math.abs(v);
    if (a > max) max = a;
    perNamnd.set(l.namnd, (perNamnd.get(l.namnd) ?? 0) + a);
  }
  if (n === 0) return null;
  const sums = [...perNamnd.values()].sort((a, b) => a - b);
  const middle = sums[Math.floor((sums.length - 1) / 2)];
  const whose = sums.length === 1 ? 'nämndens budget är sammanlagt' : `mittersta nämndens budget (av ${sums.length}) är`;
  const share = withDecimals / n;
  // Ten thousand mnkr (ten billion kronor) is more than any kommun's middle nämnd: such amounts
  // with a decimal are tkr written to one decimal ("1 234,5"), as some exports do.
  if (share >= 0.2 && max < 100_000 && middle < 10_000) {
    return { unit: 'mnkr', why: `${Math.round(share * 100)} % av beloppen har decimaler och det största är ${formatSwedishNumber(max)}, som i miljoner kronor` };
  }
  // Ten billion kronor in tkr is more than any nämnd in Sweden has; ten million in kr less than a
  // whole kommun's middle nämnd.
  if (middle >= 10_000_000) {
    return { unit: 'kr', why: `${whose} ${fmt(middle)}, vilket i tkr vore över tio miljarder kronor` };
  }
  if (middle >= 1_000) {
    return { unit: 'tkr', why: `${whose} ${fmt(middle)}, vilket i kr vore under tio miljoner kronor och i mnkr över en miljard` };
  }
  return { unit: 'mnkr', why: `${whose} ${fmt(middle)}, vilket i tkr vore under en miljon kronor` };
}
