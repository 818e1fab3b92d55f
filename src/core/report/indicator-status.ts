/**
 * Whether an indicator is on track: its outcome is at or beyond the straight line from the
 * baseline (Utgångsvärde, Utgångsår) to the target (Målvärde, Målår) for the outcome year,
 * respecting Riktning. Shared by the report sheets and the rules.
 */
import type { Indicator } from '../model';

export type IndicatorStatusCode = 'uppnatt' | 'i-fas' | 'ej-i-fas' | 'underlag-saknas';

export interface IndicatorStatus {
  status: IndicatorStatusCode;
  /** true for uppnatt and i-fas, false for ej-i-fas, null when the data is missing. */
  onTrack: boolean | null;
  /** The value on the line for `year` (clamped to the baseline–target span), or null. */
  expected: number | null;
  /** The year the outcome was judged for. */
  year: number | null;
  /** Short Swedish label for a cell: "Målvärdet nått", "I fas", "Ej i fas", "Underlag saknas". */
  label: string;
}

export type IndicatorValues = Pick<
  Indicator,
  'baseline' | 'baselineYear' | 'target' | 'targetYear' | 'outcome' | 'outcomeYear' | 'riktning'
>;

const LABELS: Record<IndicatorStatusCode, string> = {
  uppnatt: 'Målvärdet nått',
  'i-fas': 'I fas',
  'ej-i-fas': 'Ej i fas',
  'underlag-saknas': 'Underlag saknas',
};

/** Tolerance for values read back from a workbook (floating point noise). */
const EPSILON = 1e-9;

function result(status: IndicatorStatusCode, expected: number | null, year: number | null): IndicatorStatus {
  const onTrack = status === 'underlag-saknas' ? null : status !== 'ej-i-fas';
  return { status, onTrack, expected, year, label: LABELS[status] };
}

/** Whether `a` is at least as good as `b` for the Riktning. */
function atLeast(a: number, b: number, lower: boolean): boolean {
  return lower ? a <= b + EPSILON : a >= b - EPSILON;
}

/** `year` defaults to the indicator's outcome year. */
export function indicatorStatus(ind: IndicatorValues, year?: number | null): IndicatorStatus {
  const y = year ?? ind.outcomeYear ?? null;
  const { outcome, target, baseline, baselineYear, targetYear } = ind;
  if (outcome === null || target === null) return result('underlag-saknas', null, y);
  const lower = ind.riktning === 'lagre';

  if (atLeast(outcome, target, lower)) return result('uppnatt', target, y);
  if (baseline === null || baselineYear === null || targetYear === null || y === null) {
    return result('underlag-saknas', null, y);
  }
  let expected: number;
  if (targetYear <= baselineYear || y >= targetYear) expected = target;
  else if (y <= baselineYear) expected = baseline;
  else expected = baseline + ((target - baseline) * (y - baselineYear)) / (targetYear - baselineYear);
  return result(atLeast(outcome, expected, lower) ? 'i-fas' : 'ej-i-fas', expected, y);
}
