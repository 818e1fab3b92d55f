/**
 * The planted kinds of test/fixtures/make-fixtures.ts and examples/planted.json, mapped to the
 * rules that report them. A finding matches a planted problem when sheet, row, category agree and
 * its rule is one of the kind's rules.
 */
import type { PublicFinding } from './cli-files';

export const RULES_FOR_KIND: Record<string, string[]> = {
  'rad-underskott': ['BUD-UNDERSKOTT', 'BUD-UNDERSKOTT-STORT'],
  'namnd-underskott': ['BUD-NAMND-UNDERSKOTT'],
  'namnd-underskott-utan-atgardsplan': ['BUD-ATGARDSPLAN-SAKNAS'],
  'utfall-utan-budget': ['BUD-UTAN-BUDGET'],
  felvarde: ['IN-FELVARDE'],
  'summa-fel': ['IN-SUMMA'],
  'avvikelse-fel': ['IN-AVVIKELSE'],
  // A workbook that names its nämnd nowhere the contract reads: either the Nämnd column or the nämnd itself is reported missing.
  'namnd-saknas': ['IN-NAMND-SAKNAS', 'IN-RUBRIK-SAKNAS'],
};

export interface Planted {
  sheet: string;
  row: number | null;
  category: string;
  kind: string;
}

const where = (x: { sheet: string | null; row: number | null; category: string }) => `${x.sheet}!${x.row ?? '-'} ${x.category}`;

/**
 * Pairs findings with planted problems one to one. Returns the planted problems nobody reported
 * and the findings (in the given categories) that match no planted problem.
 */
export function matchPlanted(planted: Planted[], findings: PublicFinding[], categories: string[]): { missing: string[]; extra: string[] } {
  const pool = findings.filter((f) => categories.includes(f.category));
  const missing: string[] = [];
  for (const p of planted) {
    const rules = RULES_FOR_KIND[p.kind];
    if (!rules) throw new Error(`planted-kinds: no rules known for kind "${p.kind}"`);
    const i = pool.findIndex((f) => where(f) === where(p) && rules.includes(f.rule));
    if (i < 0) missing.push(`${where(p)} ${p.kind}`);
    else pool.splice(i, 1);
  }
  return { missing, extra: pool.map((f) => `${where(f)} ${f.rule}: ${f.message}`) };
}
