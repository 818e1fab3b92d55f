/**
 * Budget lines per nämnd (loosely matched names), in order of first appearance, with the sums
 * the nämnd facts need: one pass over the lines, no list of lines per nämnd.
 */
import type { BudgetLine, NamndSum } from '../model';
import { looseKey } from './text';

/** A nämnd's sums (namnd is as written on its first line), with the loose key of its name. */
export interface NamndTotals extends NamndSum {
  key: string;
}

class Acc {
  lines = 0;
  budget = 0;
  utfall = 0;
  prognos = 0;
  avvikelse = 0;
  hasBudget = false;
  hasUtfall = false;
  hasPrognos = false;
  hasAvvikelse = false;
  constructor(
    readonly namnd: string,
    readonly key: string,
    readonly firstRow: number,
  ) {}
}

export function namndTotals(lines: readonly BudgetLine[]): NamndTotals[] {
  const groups = new Map<string, Acc>();
  // Lines come in runs of the same nämnd: only a new name needs its key. Only finite numbers
  // count, as in the facts (num()); the test is written out, as this runs once per line.
  let lastName: string | undefined;
  let g: Acc | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const name = line.namnd ?? '';
    if (g === undefined || name !== lastName) {
      const key = looseKey(name);
      g = groups.get(key);
      if (!g) groups.set(key, (g = new Acc(line.namnd, key, line.row)));
      lastName = name;
    }
    g.lines++;
    const b = line.budget;
    if (typeof b === 'number' && b - b === 0) {
      g.budget += b;
      g.hasBudget = true;
    }
    const u = line.utfall;
    if (typeof u === 'number' && u - u === 0) {
      g.utfall += u;
      g.hasUtfall = true;
    }
    const p = line.prognos;
    if (typeof p === 'number' && p - p === 0) {
      g.prognos += p;
      g.hasPrognos = true;
    }
    const a = line.avvikelse;
    if (typeof a === 'number' && a - a === 0) {
      g.avvikelse += a;
      g.hasAvvikelse = true;
    }
  }
  return [...groups.values()].map((a) => ({
    namnd: a.namnd,
    key: a.key,
    lines: a.lines,
    firstRow: a.firstRow,
    budget: a.hasBudget ? a.budget : null,
    utfall: a.hasUtfall ? a.utfall : null,
    prognos: a.hasPrognos ? a.prognos : null,
    avvikelse: a.hasAvvikelse ? a.avvikelse : null,
  }));
}

/**
 * The totals from the sums normalizeBudget kept per name as written: the same as namndTotals
 * when no two of the names are loosely equal. Null when some are ("SN" and "sn"): their lines
 * may alternate, and only adding them up again in line order gives the same sums.
 */
export function totalsFromSums(sums: readonly NamndSum[]): NamndTotals[] | null {
  const keys = new Set<string>();
  const out: NamndTotals[] = [];
  for (const s of sums) {
    const key = looseKey(s.namnd);
    if (keys.has(key)) return null;
    keys.add(key);
    out.push({ ...s, key });
  }
  return out;
}
