/**
 * Sorts findings in compareFindings' order, fast: the text comparisons (sv collation of sheet
 * names, rule ids) are made once per distinct sheet and rule, not once per pair of findings.
 * The sort is stable, like Array.prototype.sort with compareFindings, so the result is the same.
 */
import { SEVERITIES, type Finding } from '../finding';

/** Ranks of distinct strings in `compare` order; strings that compare equal share a rank. */
function ranks(values: Iterable<string>, compare: (a: string, b: string) => number): Map<string, number> {
  const distinct = [...new Set(values)].sort(compare);
  const out = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && compare(distinct[i - 1], distinct[i]) !== 0) rank++;
    out.set(distinct[i], rank);
  }
  return out;
}

export function sortFindings(findings: Finding[]): Finding[] {
  const n = findings.length;
  const sheetRank = ranks(
    findings.map((f) => f.sheet ?? ''),
    (a, b) => a.localeCompare(b, 'sv'),
  );
  const ruleRank = ranks(
    findings.map((f) => f.rule),
    (a, b) => a.localeCompare(b),
  );
  const severity = new Float64Array(n);
  const sheet = new Float64Array(n);
  const row = new Float64Array(n);
  const rule = new Float64Array(n);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    severity[i] = SEVERITIES.indexOf(f.severity);
    sheet[i] = sheetRank.get(f.sheet ?? '')!;
    row[i] = f.row ?? 0;
    rule[i] = ruleRank.get(f.rule)!;
    order[i] = i;
  }
  order.sort((a, b) => severity[a] - severity[b] || sheet[a] - sheet[b] || row[a] - row[b] || rule[a] - rule[b]);
  const sorted = order.map((i) => findings[i]);
  for (let i = 0; i < n; i++) findings[i] = sorted[i];
  return findings;
}
