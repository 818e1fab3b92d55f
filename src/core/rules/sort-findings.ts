/**
 * Sorts findings in compareFindings' order, fast: the text comparisons (sv collation of sheet
 * names, rule ids) are made once per distinct sheet and rule, not once per pair of findings, and
 * then the sort compares numbers only. The sort is stable, like Array.prototype.sort with
 * compareFindings, so the result is the same.
 */
import { compareSwedish, SEVERITIES, type Finding } from '../finding';

/** Ranks of distinct strings in `compare` order; strings that compare equal share a rank. */
function ranks(values: Set<string>, compare: (a: string, b: string) => number): Map<string, number> {
  const distinct = [...values].sort(compare);
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
  const sheets = new Set<string>();
  const rules = new Set<string>();
  let maxRow = 0;
  let wholeRows = true;
  // Findings come in runs of one sheet and rule: sheets and rules are looked at when they change.
  let lastSheet: string | null | undefined;
  let lastRule: string | undefined;
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    if (f.sheet !== lastSheet) sheets.add((lastSheet = f.sheet) ?? '');
    if (f.rule !== lastRule) rules.add((lastRule = f.rule));
    const row = f.row ?? 0;
    if (!(row >= 0 && row % 1 === 0)) wholeRows = false;
    else if (row > maxRow) maxRow = row;
  }
  const sheetRank = ranks(sheets, compareSwedish);
  const ruleRank = ranks(rules, compareSwedish);

  // One number per finding holding severity, sheet, row, rule and the finding's index, so that
  // sorting the numbers sorts the findings (and stably). Possible when the rows are whole
  // numbers and the product of the ranges stays below 2^53, as it does for any real workbook.
  const sheetCount = sheetRank.size;
  const rowCount = maxRow + 1;
  const ruleCount = ruleRank.size;
  if (wholeRows && (SEVERITIES.length + 1) * sheetCount * rowCount * ruleCount * n < 2 ** 52) {
    const keys = new Float64Array(n);
    lastSheet = lastRule = undefined;
    let sheet = 0;
    let rule = 0;
    for (let i = 0; i < n; i++) {
      const f = findings[i];
      if (f.sheet !== lastSheet) sheet = sheetRank.get((lastSheet = f.sheet) ?? '')!;
      if (f.rule !== lastRule) rule = ruleRank.get((lastRule = f.rule))!;
      // Severity ranks from 1: an unknown one (-1) sorts first, as in compareFindings.
      keys[i] = ((((SEVERITIES.indexOf(f.severity) + 1) * sheetCount + sheet) * rowCount + (f.row ?? 0)) * ruleCount + rule) * n + i;
    }
    keys.sort();
    const sorted = findings.slice();
    for (let i = 0; i < n; i++) findings[i] = sorted[keys[i] % n];
    return findings;
  }

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
