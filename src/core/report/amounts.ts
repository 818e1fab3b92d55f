/**
 * Amounts in reports: every amount a report shows or asks for is in the report's unit (the
 * master's "Belopp i", recorded in the id row as `enhet`), while the master's Uppdrag Kostnad and
 * Åtgärder Belopp are kronor (docs/workbook-format.md). Typed amounts are read in the field's
 * unit unless they say their own ("1 500 tkr", "1,2 mnkr", "800 kr").
 */
import type { Enhet, Model } from '../model';
import type { CellValue } from '../snapshot';
import { parseSwedishNumber } from '../input/numbers';

export const UNIT_FACTOR: Record<Enhet, number> = { kr: 1, tkr: 1000, mnkr: 1_000_000 };

const TYPED_UNIT: [RegExp, number][] = [
  [/\s*(?:mnkr|mkr|msek|miljoner(?:\s+kronor)?|milj\.?(?:\s*kr)?)\.?\s*$/i, 1_000_000],
  [/\s*(?:tkr|ksek|tusen(?:\s+kronor)?)\.?\s*$/i, 1000],
  [/\s*(?:kr|sek|kronor|:-)\.?\s*$/i, 1],
];

/** The unit a report shows amounts in: Inställningar "Belopp i", else the unit the import found, else kr. */
export function reportUnit(model: Model): Enhet {
  return model.settings.beloppI ?? model.inlast?.enhet?.unit ?? 'kr';
}

export function asEnhet(v: string | null | undefined): Enhet | null {
  return v === 'kr' || v === 'tkr' || v === 'mnkr' ? v : null;
}

/** Kronor to the report's unit, for showing (rounded to 0.1 of the unit when not whole). */
export function krToUnit(kr: number | null, unit: Enhet): number | null {
  if (kr === null) return null;
  const v = kr / UNIT_FACTOR[unit];
  return Number.isInteger(v) ? v : Math.round(v * 1000) / 1000;
}

/**
 * A typed amount in kronor: a number is in the field's unit, text may name its own unit.
 * null for blank, undefined when it cannot be read as an amount.
 */
export function parseAmountKr(v: CellValue, fieldUnit: Enhet): number | null | undefined {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? round(v * UNIT_FACTOR[fieldUnit]) : undefined;
  if (typeof v !== 'string') return undefined;
  let t = v.trim();
  let factor = UNIT_FACTOR[fieldUnit];
  for (const [re, f] of TYPED_UNIT) {
    if (re.test(t)) {
      t = t.replace(re, '');
      factor = f;
      break;
    }
  }
  const n = parseSwedishNumber(t);
  if (n === null || n === undefined) return undefined;
  return round(n * factor);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Decimals amounts are told with: whole kronor and tkr, tenths of a mnkr (0,3 mnkr is 300 tkr, not nothing). */
export function unitDecimals(unit: Enhet): number {
  return unit === 'mnkr' ? 1 : 0;
}
