/** What every section renderer gets, and the small helpers they share. */
import type { Model } from '../model';
import type { CellValue } from '../snapshot';
import type { SpecCell } from '../sheet-spec';
import { SheetDraft } from './sheet-draft';
import type { NamndData } from './namnd-data';
import { COL, LAST_COL, STYLE } from './styles';
import { address } from './cell-ref';

export interface SectionContext {
  draft: SheetDraft;
  data: NamndData;
  model: Model;
  /** Report year (Period, else Budgetår), or null. */
  year: number | null;
  /** " (tkr)", " (kr)" or "" for headers. */
  unitSuffix: string;
  /** Earlier answers by fill-in id (from `previous`). */
  previous: Map<string, CellValue>;
  /** Set by the budget section: the total avvikelse cell and its value. */
  totalAvvikelse: { cell: string; value: number | null } | null;
  /** Set by the budget section: where its table is (the budget chart draws from it). */
  budgetTable?: BudgetTable;
}

export interface BudgetTable {
  headerRow: number;
  /** First and last verksamhet rows (last < first when there is none). */
  first: number;
  last: number;
  /** Column of each amount shown, in order. */
  columns: { column: 'budget' | 'utfall' | 'prognos'; col: number }[];
  basis: 'prognos' | 'utfall';
}

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return sv.format(n);
}

export function text(v: CellValue, style: SpecCell['style'] = STYLE.text): SpecCell {
  return { v, style };
}

/** Splits help text into lines short enough to show unwrapped across B–H. */
export function helpLines(help: string, width = 105): string[] {
  const out: string[] = [];
  for (const para of help.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** Section heading plus its help lines. `id` keeps the row keys unique. */
export function sectionHeading(ctx: SectionContext, id: string, heading: string, help?: string): void {
  const d = ctx.draft;
  d.blank();
  d.add({ [COL.B]: text(heading, STYLE.sectionHeading) }, `rubrik:${id}`);
  const r = d.next - 1;
  for (let c = COL.C; c <= LAST_COL; c++) d.rows[r - 1][c - 1] = { v: null, style: { border: 'medium-bottom' } };
  if (help) helpLines(help).forEach((l, i) => d.add({ [COL.B]: text(l, { italic: true, color: 'FF595959' }) }, `hjalp:${id}:${i + 1}`));
}

/** Cells that fill the rest of a merged fill-in area: same look, locked (only the top-left is typed into). */
export function mergedFill(): SpecCell {
  return { v: null, style: { ...STYLE.fillIn, locked: true } };
}

export function mergeRef(r1: number, c1: number, r2: number, c2: number): string {
  return `${address(r1, c1)}:${address(r2, c2)}`;
}
