/** Text helpers for matching Swedish sheet names, headers, keys and enumerated values. */
import type { CellValue } from '../snapshot';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ANY_SPACE = /[\s\u00a0\u2007\u2009\u202f]+/g;

/** Lower case, å/ä → a, ö → o (any diacritic dropped), runs of spaces → one space, trimmed. */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(ANY_SPACE, ' ').trim();
}

// A trailing qualifier as exports write it: "(tkr)", "(2025)", ", tkr", " kr", " %", " 2025", " 2025-08".
const TRAILING_QUALIFIER =
  /(?:\s*\([^()]*\)|[\s,;:]+(?:t?kr|mnkr|mkr|msek|ksek|sek|kronor|tusentals kronor|tusen kronor)\.?|\s*%|[\s,;:]+(?:19|20)\d\d(?:\s*[-/]\s*\d{1,2})?)$/;
const NOT_ALNUM = /[^a-z0-9]+/g;

/**
 * The key a header, sheet name or setting is matched by: case, spaces, punctuation and å/ä/ö
 * versus a/a/o are ignored, and so is a trailing year or unit ("Utfall 2025 (tkr)" → "utfall").
 */
export function normalizeHeader(text: unknown): string {
  if (typeof text !== 'string' && typeof text !== 'number') return '';
  let s = foldText(typeof text === 'string' ? text : String(text));
  for (let i = 0; i < 6; i++) {
    const next = s.replace(TRAILING_QUALIFIER, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(NOT_ALNUM, '');
}

const PLAN_HEADER = /^(?:plan|plan ar|planar|ekonomisk plan|flerarsplan|budgetplan|plan budget)\s*[-:]?\s*((?:19|20)\d\d)(?!\d)/;

/** The year of a plan-year header such as "Plan 2026" or "Plan år 2027 (tkr)"; null otherwise. */
export function planYearOf(header: unknown): number | null {
  if (typeof header !== 'string') return null;
  const m = PLAN_HEADER.exec(foldText(header));
  return m ? Number(m[1]) : null;
}

/** Whether a UTF-16 code unit is surely not white space: none lies between U+0021 and U+167F but U+00A0. */
export function isVisibleCode(c: number): boolean {
  return c > 0x20 && c < 0x1680 && c !== 0xa0;
}

/** A cell as trimmed text; null for an empty cell. Numbers keep their plain JavaScript spelling. */
export function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    // Nearly every cell starts and ends with a letter or digit: nothing to trim.
    if (v.length > 0 && isVisibleCode(v.charCodeAt(0)) && isVisibleCode(v.charCodeAt(v.length - 1))) return v;
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
  return null;
}

/** The raw value of a cell for a message, shortened: "”abc”". */
export function quoteRaw(v: CellValue | undefined): string {
  let t = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  t = t.replace(/[\r\n\t]+/g, ' ');
  if (t.length > 60) t = t.slice(0, 57) + '…';
  return '”' + t + '”';
}

/** "A", "A och B", "A, B och C". */
export function swedishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' och ' + items[items.length - 1];
}
