/** `indata` findings: one factory and a sink that keeps a huge sheet from drowning the report. */
import type { Finding, Severity } from '../finding';
import { cellAddress } from './address';
import { SHEET_TITLES } from './sheet-lookup';

/** Sections of the input contract, for the `source` field. */
export const AVSNITT = {
  hittaData: 'Hitta data',
  tal: 'Tal',
  summor: 'Summarader',
  // One section per contract sheet, named as the sheet.
  ...SHEET_TITLES,
} as const;

export function source(avsnitt: string): string {
  return 'Styrkolls indataformat, ' + avsnitt;
}

export interface FindingInput {
  rule: string;
  severity: Severity;
  sheet: string | null;
  /** 1-based row and column; both absent for whole-sheet findings. */
  row?: number | null;
  col?: number | null;
  namnd?: string | null;
  message: string;
  suggestion: string;
  avsnitt: string;
}

export function indataFinding(f: FindingInput): Finding {
  const row = f.row ?? null;
  return {
    rule: f.rule,
    category: 'indata',
    severity: f.severity,
    sheet: f.sheet,
    row,
    cell: row !== null && f.col ? cellAddress(row, f.col) : null,
    namnd: f.namnd ?? null,
    message: f.message,
    source: source(f.avsnitt),
    suggestion: f.suggestion,
  };
}

/**
 * Findings of one kind on one sheet beyond this many are counted, not listed: a sheet with a
 * million unreadable cells gets the first ones and one finding saying how many more there are.
 */
export const MAX_FINDINGS_PER_RULE_AND_SHEET = 500;

export class FindingSink {
  readonly findings: Finding[] = [];
  private readonly counts = new Map<string, number>();
  private readonly overflow = new Map<string, { sheet: string | null; rule: string; severity: Severity; extra: number; avsnitt: string }>();

  add(f: FindingInput): void {
    if (!this.skip(f.rule, f.sheet, f.severity, f.avsnitt)) this.findings.push(indataFinding(f));
  }

  /**
   * Counts a finding and says whether it is beyond the cap; hot paths call this first so that
   * they do not build messages that would be dropped. A caller that gets false must add nothing
   * else for it: use `push`.
   */
  skip(rule: string, sheet: string | null, severity: Severity, avsnitt: string): boolean {
    const key = rule + '\u0000' + (sheet ?? '');
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= MAX_FINDINGS_PER_RULE_AND_SHEET) return false;
    const o = this.overflow.get(key);
    if (o) o.extra++;
    else this.overflow.set(key, { sheet, rule, severity, extra: 1, avsnitt });
    return true;
  }

  /** Adds a finding already counted by `skip`. */
  push(f: FindingInput): void {
    this.findings.push(indataFinding(f));
  }

  /** All findings, with one summary finding per rule and sheet that overflowed. */
  finish(): Finding[] {
    for (const o of this.overflow.values()) {
      this.findings.push(
        indataFinding({
          rule: o.rule,
          severity: o.severity,
          sheet: o.sheet,
          message: `Ytterligare ${o.extra} celler i bladet ${o.sheet ?? ''} har samma slags fel (${o.rule}) men visas inte här; de första ${MAX_FINDINGS_PER_RULE_AND_SHEET} visas ovan.`,
          suggestion: 'Rätta de visade cellerna och kör kontrollen igen; troligen har hela kolumnen samma fel.',
          avsnitt: o.avsnitt,
        }),
      );
    }
    this.overflow.clear();
    return this.findings;
  }
}
