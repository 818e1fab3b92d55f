/**
 * Checking total rows ("Summa …", "Totalt …") against the rows above them, column by column.
 * A total is compared with the plain sum of the data rows since the header or the previous total
 * row; a total with no data rows above it (a grand total after subtotals) with the sum of all
 * data rows since the header or the previous grand total — or, equally accepted, the sum of the
 * subtotals (so one wrong subtotal is reported once, on the subtotal, not again on the grand
 * total). A total whose data-row sum differs but which equals the earlier subtotals plus those
 * rows is taken as a grand total too.
 * Only columns whose cells in the span were all readable are checked; rounding may explain half
 * a unit per value summed.
 */
import { cellAddress } from './address';
import { AVSNITT, type FindingSink } from './findings';
import { formatSwedishNumber } from './numbers';
import { quoteRaw } from './text';

const TOTAL_START = /^\s*(?:summa|totalt|total|totalsumma|delsumma|slutsumma|subtotal|grand total)(?![a-zåäöéü])/i;
// "Socialnämnden Summa", as Excel's Delsumma writes it; "Socialnämnden totalt".
const TOTAL_END = /(?:^|[\s\-–:])(?:summa|totalt|total|delsumma|totalsumma)\s*$/i;
/**
 * The bottom line of a table of Intäkter and Kostnader blocks: "Nettokostnad", "Verksamhetens
 * nettokostnader", "Netto", "Resultat" as the whole label (never "Nettokostnad budget …", a header).
 */
const NET_TOTAL = /^\s*(?:verksamhetens\s+)?(?:nettokostnad(?:er)?|netto|nettoresultat|resultat|summa\s+netto(?:kostnad(?:er)?)?|summa\s+nettokostnad(?:er)?|totalt\s+netto)\s*$/i;

/**
 * Whether a label marks its row as a total row: `Summa X`, `Totalt`, `Totalsumma`, `Delsumma`
 * at the start, or `X Summa` / `X totalt` at the end (Excel's Delsumma output).
 */
export function isTotalLabel(v: unknown): boolean {
  if (typeof v !== 'string' || v.length < 5) return false;
  // Cheap tests before the regexes: nearly every row starts with a name, not a total. A plain name
  // runs every comparison, so optimised code has seen them all and is not thrown away when the
  // first name starting with S or T comes along.
  const c = v.charCodeAt(0);
  const start = ((c | 0x20) << 16) | (v.charCodeAt(1) | 0x20);
  if ((start === 0x730075 /* su */ || start === 0x74006f /* to */ || start === 0x640065 /* de */ || start === 0x73006c /* sl */ || c <= 0x20 || c === 0xa0) && TOTAL_START.test(v)) {
    return true;
  }
  if ((start === 0x6e0065 /* ne */ || start === 0x720065 /* re */ || start === 0x760065 /* ve */) && NET_TOTAL.test(v)) return true;
  const e = v.charCodeAt(v.length - 1) | 0x20;
  // Labels ending in a, t or l (summa, totalt, total) or white space: the end is looked at.
  if (e !== 0x61 && e !== 0x74 && e !== 0x6c && e > 0x20 && e !== 0xa0) return false;
  return TOTAL_END.test(v);
}

/** A grand total ("Totalt", "Summa", "Totalsumma", "Summa totalt", "Nettokostnad"): its label names no group. */
export function isGrandTotalLabel(v: string): boolean {
  if (NET_TOTAL.test(v)) return true;
  return /^\s*(?:summa|totalt|total|totalsumma|slutsumma|grand total|summa totalt|summa nämnder|summa namnder|summa verksamheter|totalt kommunen|summa kommunen)\s*$/i.test(v);
}

export function formatAmount(n: number): string {
  return formatSwedishNumber(n, Number.isInteger(n) ? 0 : 2);
}

export interface TotalColumn {
  /** 1-based column. */
  col: number;
  title: string;
}

export class TotalsChecker {
  private readonly n: number;
  private readonly spanSum: Float64Array;
  private readonly spanCnt: Float64Array;
  private readonly spanBad: Uint8Array;
  private spanRows = 0;
  private readonly subSum: Float64Array;
  private readonly subCnt: Float64Array;
  private readonly subBad: Uint8Array;
  private subRows = 0;
  /** Every data row since the header or the previous grand total. */
  private readonly allSum: Float64Array;
  private readonly allCnt: Float64Array;
  private readonly allBad: Uint8Array;

  constructor(private readonly columns: TotalColumn[], private readonly sink: FindingSink, private readonly sheet: string) {
    this.n = columns.length;
    this.spanSum = new Float64Array(this.n);
    this.spanCnt = new Float64Array(this.n);
    this.spanBad = new Uint8Array(this.n);
    this.subSum = new Float64Array(this.n);
    this.subCnt = new Float64Array(this.n);
    this.subBad = new Uint8Array(this.n);
    this.allSum = new Float64Array(this.n);
    this.allCnt = new Float64Array(this.n);
    this.allBad = new Uint8Array(this.n);
  }

  /** A data row: values as written (NaN = empty), bad[k] = 1 when unreadable. */
  addDataRow(values: Float64Array, bad: Uint8Array): void {
    for (let k = 0; k < this.n; k++) {
      if (bad[k]) {
        this.spanBad[k] = 1;
        this.allBad[k] = 1;
      } else if (values[k] === values[k]) {
        this.spanSum[k] += values[k];
        this.spanCnt[k]++;
        this.allSum[k] += values[k];
        this.allCnt[k]++;
      }
    }
    this.spanRows++;
  }

  /** A total row: checks it, reports mismatches, and starts a new span. */
  addTotalRow(row: number, label: string, namnd: string | null, values: Float64Array, bad: Uint8Array): void {
    let grand = this.spanRows === 0;
    const mismatches: { k: number; expected: number; fromTotals: boolean }[] = [];
    for (let k = 0; k < this.n; k++) {
      const total = values[k];
      if (bad[k] || total !== total) continue;
      if (this.spanRows > 0) {
        if (this.spanBad[k]) continue;
        if (within(total, this.spanSum[k], this.spanCnt[k])) continue;
        const canSub = this.subRows > 0 && !this.subBad[k];
        const withSubs = this.subSum[k] + this.spanSum[k];
        if (canSub && within(total, withSubs, this.subCnt[k] + this.spanCnt[k])) {
          grand = true;
          continue;
        }
        mismatches.push({ k, expected: this.spanSum[k], fromTotals: false });
      } else if (this.subRows > 0) {
        const matchesData = !this.allBad[k] && within(total, this.allSum[k], this.allCnt[k]);
        const matchesSubs = !this.subBad[k] && within(total, this.subSum[k], this.subCnt[k]);
        if (matchesData || matchesSubs) continue;
        if (!this.allBad[k]) mismatches.push({ k, expected: this.allSum[k], fromTotals: false });
        else if (!this.subBad[k]) mismatches.push({ k, expected: this.subSum[k], fromTotals: true });
      }
    }
    for (const m of mismatches) this.report(row, label, namnd, m.k, values[m.k], m.expected, m.fromTotals);

    if (grand) {
      this.subSum.fill(0);
      this.subCnt.fill(0);
      this.subBad.fill(0);
      this.subRows = 0;
      this.allSum.fill(0);
      this.allCnt.fill(0);
      this.allBad.fill(0);
    } else {
      for (let k = 0; k < this.n; k++) {
        if (bad[k] || this.spanBad[k] || (values[k] !== values[k] && this.spanCnt[k] > 0)) this.subBad[k] = 1;
        else if (values[k] === values[k]) {
          this.subSum[k] += values[k];
          this.subCnt[k]++;
        }
      }
      this.subRows++;
    }
    this.spanSum.fill(0);
    this.spanCnt.fill(0);
    this.spanBad.fill(0);
    this.spanRows = 0;
  }

  private report(row: number, label: string, namnd: string | null, k: number, total: number, expected: number, fromTotals: boolean): void {
    const { col, title } = this.columns[k];
    const what = fromTotals ? 'summaraderna ovanför' : 'raderna ovanför';
    this.sink.add({
      rule: 'IN-SUMMA',
      severity: 'varning',
      sheet: this.sheet,
      row,
      col,
      namnd,
      message:
        `Summaraden ${quoteRaw(label)} i ${this.sheet}!${cellAddress(row, col)}: kolumnen ${title} visar ${formatAmount(total)}, ` +
        `men ${what} summerar till ${formatAmount(expected)} (skillnad ${formatAmount(total - expected)}).`,
      suggestion: 'Kontrollera att summaraden räknar med alla rader (och inga andra), eller om någon rad har ändrats utan att summan räknats om.',
      avsnitt: AVSNITT.summor,
    });
  }
}

/** Half a unit per value summed, plus room for floating-point noise. */
function within(total: number, sum: number, count: number): boolean {
  const tolerance = 0.5 * count + 1e-9 * Math.max(1, Math.abs(sum));
  return Math.abs(total - sum) <= tolerance;
}
