/** Report sheet styles and the column grid (A = id column, B–H = the document). */
import type { Enhet } from '../model';
import type { CellStyle } from '../sheet-spec';
import { unitDecimals } from './amounts';

export const COL = { id: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8 } as const;
export const LAST_COL = COL.H;
/** Widths in characters, A–H: A4 portrait fits about 95 characters at the scale fit-to-width picks. */
export const COLUMN_WIDTHS = [1.5, 11, 34, 13, 13, 13, 13, 30];

const BLUE = 'FF1F3864';
export const FILL_IN_COLOR = 'FFFFF2CC';

export const STYLE = {
  idCell: { fontSize: 6, color: 'FFFFFFFF', locked: true } satisfies CellStyle,
  title: { bold: true, fontSize: 16, color: BLUE } satisfies CellStyle,
  subtitle: { italic: true, color: 'FF595959' } satisfies CellStyle,
  sectionHeading: { bold: true, fontSize: 13, color: BLUE, border: 'medium-bottom' } satisfies CellStyle,
  help: { italic: true, color: 'FF595959', wrap: true, valign: 'top' } satisfies CellStyle,
  header: { bold: true, fill: 'FFD9E1F2', border: 'bottom', wrap: true, valign: 'bottom' } satisfies CellStyle,
  headerRight: { bold: true, fill: 'FFD9E1F2', border: 'bottom', wrap: true, align: 'right', valign: 'bottom' } satisfies CellStyle,
  text: { wrap: true, valign: 'top' } satisfies CellStyle,
  group: { italic: true, bold: true, wrap: true, valign: 'top', color: 'FF404040' } satisfies CellStyle,
  amount: { numFmt: '#,##0', valign: 'top' } satisfies CellStyle,
  total: { bold: true, numFmt: '#,##0', border: 'top' } satisfies CellStyle,
  totalLabel: { bold: true, border: 'top' } satisfies CellStyle,
  fillIn: { fill: FILL_IN_COLOR, locked: false, border: 'thin', wrap: true, valign: 'top' } satisfies CellStyle,
  good: { color: 'FF375623', bold: true, valign: 'top' } satisfies CellStyle,
  bad: { color: 'FFC00000', bold: true, valign: 'top' } satisfies CellStyle,
  neutral: { color: 'FF595959', valign: 'top' } satisfies CellStyle,
  date: { numFmt: 'yyyy-mm-dd', valign: 'top', align: 'left' } satisfies CellStyle,
};

/** `base` (an amount style) for a report in `unit`: whole numbers, tenths for mnkr, so 0,35 mnkr does not show as 0. */
export function amountIn(unit: Enhet, base: CellStyle = STYLE.amount): CellStyle {
  const decimals = unitDecimals(unit);
  return decimals ? { ...base, numFmt: `#,##0.${'0'.repeat(decimals)}` } : base;
}
