/**
 * Total rows without a "Summa" label: a published driftredovisning writes each nämnd as a row
 * above its verksamheter holding their sum ("Kommunstyrelsen 412,3" then its verksamheter), and
 * some exports end a group with an unlabelled sum. Such rows are found by their amounts: a row whose
 * every amount equals, within rounding, the sum of the rows right below it (or right above it) is a
 * total, never a line, so no amount is counted twice. Nesting (nämnd → område → verksamhet) is
 * found level by level.
 */
import type { CellValue, SheetSnapshot } from '../snapshot';
import type { BudgetHeader } from './budget-header';
import { parseSwedishNumber } from './numbers';
import { cellText } from './text';
import { isTotalLabel } from './totals';
import { NAMND_NAME } from './vocabulary';

/** Rows looked at below a candidate parent; a nämnd has fewer verksamheter than this. */
const MAX_CHILDREN = 200;
/** Levels of nesting looked for. */
const MAX_LEVELS = 3;
/** Amount slots compared: budget, utfall, prognos, avvikelse. */
const SLOTS = 4;

interface Item {
  /** 0-based row index. */
  r: number;
  vals: Float64Array;
  namndLike: boolean;
}

function amountOf(v: CellValue | undefined): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (v === null || v === undefined) return NaN;
  const n = parseSwedishNumber(v);
  return typeof n === 'number' ? n : NaN;
}

function decimalsOf(v: number): number {
  if (Number.isInteger(v)) return 0;
  if (Math.abs(v * 10 - Math.round(v * 10)) < 1e-6) return 1;
  return 2;
}

/**
 * 0-based row index → 'before' (the sum of the rows below it: a parent) or 'after' (the sum of the
 * rows above it). Only rows with amounts and no total label are considered; total-labelled and
 * heading rows split the table into parts that are looked at on their own.
 */
export function findParentRows(
  sheet: SheetSnapshot,
  header: Pick<BudgetHeader, 'dataStart' | 'dataEnd'>,
  slotCol: Int32Array,
  scanStart: number,
  scanEnd: number,
): Map<number, 'before' | 'after'> {
  const found = new Map<number, 'before' | 'after'>();
  const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
  const segments: Item[][] = [];
  let current: Item[] = [];
  let decimals = 0;
  const cut = () => {
    if (current.length >= 3) segments.push(current);
    current = [];
  };
  for (let r = header.dataStart; r < header.dataEnd; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    let label: string | null = null;
    for (let c = scanStart; c < Math.min(row.length, scanEnd) && label === null; c++) {
      if (typeof row[c] === 'string') label = cellText(row[c]);
    }
    if (label !== null && isTotalLabel(label)) {
      cut();
      continue;
    }
    const vals = new Float64Array(SLOTS);
    let any = false;
    for (let k = 0; k < SLOTS; k++) {
      const c = slotCol[k];
      vals[k] = c >= 0 ? amountOf(row[c]) : NaN;
      if (vals[k] === vals[k]) {
        any = true;
        decimals = Math.max(decimals, decimalsOf(vals[k]));
      }
    }
    if (!any) {
      // A heading: the table groups its rows by headers, not by parent rows.
      if (label !== null) cut();
      continue;
    }
    current.push({ r, vals, namndLike: label !== null && NAMND_NAME.test(label) });
  }
  cut();
  const unit = Math.pow(10, -decimals);
  for (const segment of segments) findInSegment(segment, unit, found);
  return found;
}

function findInSegment(items: Item[], unit: number, found: Map<number, 'before' | 'after'>): void {
  let active = items;
  for (let level = 0; level < MAX_LEVELS && active.length >= 3; level++) {
    const consumed = new Set<Item>();
    const sum = new Float64Array(SLOTS);
    const cnt = new Float64Array(SLOTS);
    // Parents above their rows.
    for (let i = 0; i < active.length; i++) {
      const p = active[i];
      if (!hasNonZero(p.vals)) continue;
      sum.fill(0);
      cnt.fill(0);
      const last = Math.min(active.length - 1, i + MAX_CHILDREN);
      for (let j = i + 1; j <= last; j++) {
        add(sum, cnt, active[j].vals);
        const children = j - i;
        if ((children >= 2 || p.namndLike) && matches(p.vals, sum, cnt, children, unit)) {
          found.set(p.r, 'before');
          for (let k = i + 1; k <= j; k++) consumed.add(active[k]);
          i = j;
          break;
        }
      }
    }
    // Unlabelled sums below their rows (only where no parent above was found at this level).
    if (consumed.size === 0) {
      let start = 0;
      for (let i = 2; i < active.length; i++) {
        sum.fill(0);
        cnt.fill(0);
        for (let j = start; j < i; j++) add(sum, cnt, active[j].vals);
        if (i - start >= 2 && hasNonZero(active[i].vals) && matches(active[i].vals, sum, cnt, i - start, unit)) {
          found.set(active[i].r, 'after');
          for (let j = start; j < i; j++) consumed.add(active[j]);
          start = i + 1;
        }
      }
    }
    if (consumed.size === 0) break;
    active = active.filter((it) => !consumed.has(it));
  }
}

function hasNonZero(v: Float64Array): boolean {
  for (let k = 0; k < SLOTS; k++) if (v[k] === v[k] && v[k] !== 0) return true;
  return false;
}

function add(sum: Float64Array, cnt: Float64Array, v: Float64Array): void {
  for (let k = 0; k < SLOTS; k++) {
    if (v[k] === v[k]) {
      sum[k] += v[k];
      cnt[k]++;
    }
  }
}

/** Every amount of the parent equals the children's sum within rounding; at least one is non-zero. */
function matches(p: Float64Array, sum: Float64Array, cnt: Float64Array, children: number, unit: number): boolean {
  let compared = 0;
  let nonZero = false;
  for (let k = 0; k < SLOTS; k++) {
    if (p[k] !== p[k]) continue;
    if (cnt[k] === 0) return false;
    const tolerance = 0.5 * unit * (children + 1) + 1e-9 * Math.max(1, Math.abs(sum[k]));
    if (Math.abs(p[k] - sum[k]) > tolerance) return false;
    compared++;
    if (p[k] !== 0) nonZero = true;
  }
  return compared > 0 && nonZero;
}
