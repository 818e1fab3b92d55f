/**
 * Swedish number text, as ekonomisystem export it: "1 234 567", "1 234,5", "-12,5 %", "(1 200)",
 * "1 234 tkr", "12 kr", with U+00A0/U+202F/U+2009 spaces and U+2212 or en-dash minus.
 *
 * The ambiguous "1.234" is read as 1.234 (a decimal point): Swedish exports group thousands with
 * spaces, and "1234.5" is how English-locale tools write decimals. A dot is read as a thousands
 * separator only in a strict pattern: two or more groups ("1.234.567") or followed by a decimal
 * comma ("1.234,5"). Likewise "1,234" is a decimal comma (1.234), while "1,234,567" and
 * "1,234.5" are English thousands separators.
 */
import type { CellValue } from '../snapshot';

const UNIT_SUFFIX = /\s*(?:tkr|mnkr|mkr|msek|ksek|sek|kr|:-|%)\.?$/i;
const LEADING_SIGN = /^([-+\u2212\u2013\u2014])\s*/;
const TRAILING_MINUS = /\s*[-\u2212]$/;
const DASH_ONLY = /^[-\u2212\u2013\u2014]+$/;

const PLAIN_INT = /^\d+$/;
const SPACE_GROUPED = /^\d{1,3}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+(?:[,.]\d+)?$/;
const SPACES = /[ \u00a0\u202f\u2009\u2007]/g;
const DECIMAL_COMMA = /^\d*,\d+$/;
const DECIMAL_POINT = /^\d*\.\d+$/;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^\d{1,3}(?:\.\d{3})+,\d+$/;
const COMMA_THOUSANDS = /^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^\d{1,3}(?:,\d{3})+\.\d+$/;
const EXPONENT = /^\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/**
 * A cell as a number: the number itself for numeric cells, null for an empty cell (or a lone
 * dash, which reports use for "nothing"), undefined when the cell cannot be read as a number.
 * Percent text keeps its written value ("-12,5 %" → -12.5).
 */
export function parseSwedishNumber(v: CellValue | undefined): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return undefined;
  const fast = parsePlainNumberText(v);
  return fast !== undefined ? fast : parseNumberText(v);
}

function isGroupSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

/**
 * Fast path without regexes or intermediate strings for the common shapes: an optional minus,
 * digits grouped by spaces, an optional decimal comma (or a point when there are no spaces).
 * Undefined means "not this shape": the full parser decides. It gives exactly what the full
 * parser gives for the strings it accepts.
 */
export function parsePlainNumberText(t: string): number | undefined {
  const n = t.length;
  let i = 0;
  let negative = false;
  let c = n > 0 ? t.charCodeAt(0) : 0;
  if (c === 0x2d || c === 0x2212) {
    negative = true;
    i = 1;
  }
  let value = 0;
  let inGroup = 0;
  let grouped = false;
  for (; i < n; i++) {
    c = t.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      inGroup++;
    } else if (isGroupSpace(c)) {
      if (inGroup === 0 || (grouped ? inGroup !== 3 : inGroup > 3)) return undefined;
      grouped = true;
      inGroup = 0;
    } else break;
  }
  if (inGroup === 0 || (grouped && inGroup !== 3) || value > Number.MAX_SAFE_INTEGER) return undefined;
  if (i === n) return negative ? -value : value;
  if (c !== 0x2c && !(c === 0x2e && !grouped)) return undefined;
  const fracStart = i + 1;
  for (i = fracStart; i < n; i++) {
    c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  if (fracStart === n) return undefined;
  const x = Number(String(value) + '.' + t.slice(fracStart));
  return negative ? -x : x;
}

/** The full parser (units, parentheses, signs, other separators); exported for tests. */
export function parseNumberText(text: string): number | null | undefined {
  let t = text.trim();
  if (t === '') return null;
  if (DASH_ONLY.test(t)) return null;
  let negative = false;
  t = t.replace(UNIT_SUFFIX, '');
  const sign = LEADING_SIGN.exec(t);
  if (sign) {
    negative = sign[1] !== '+';
    t = t.slice(sign[0].length);
  }
  if (t.length > 1 && t.charCodeAt(0) === 40 /* ( */ && t.charCodeAt(t.length - 1) === 41 /* ) */) {
    if (negative) return undefined;
    negative = true;
    t = t.slice(1, -1).trim().replace(UNIT_SUFFIX, '');
  } else if (!sign && TRAILING_MINUS.test(t)) {
    // SAP-style trailing minus: "1 234-"
    negative = true;
    t = t.replace(TRAILING_MINUS, '');
  }
  const canonical = canonicalDigits(t);
  if (canonical === null) return undefined;
  const n = Number(canonical);
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/** The body without sign as a JavaScript number literal, or null when it is not a number. */
function canonicalDigits(t: string): string | null {
  if (PLAIN_INT.test(t)) return t;
  if (SPACE_GROUPED.test(t)) return t.replace(SPACES, '').replace(',', '.');
  if (DECIMAL_COMMA.test(t)) return t.replace(',', '.');
  if (DECIMAL_POINT.test(t)) return t;
  if (DOT_THOUSANDS.test(t)) return t.replace(/\./g, '').replace(',', '.');
  if (COMMA_THOUSANDS.test(t)) return t.replace(/,/g, '');
  if (EXPONENT.test(t)) return t.replace(',', '.');
  return null;
}

/**
 * sv-SE number text: U+00A0 between thousands, decimal comma, hyphen-minus; `decimals` fixed
 * decimals (rounded half away from zero as `toFixed` does). Never "-0". Every number in a
 * finding's message passes here, so the common case is done in integers, without toFixed's slow
 * exact algorithm and without regexes (see fixedUnits).
 */
export function formatSwedishNumber(n: number, decimals = 0): string {
  return formatSwedishNumberAs(n, decimals, false);
}

/** formatSwedishNumber with trailing zero decimals (and then the comma) left out: "12,5", "1 200". */
export function formatSwedishNumberTrimmed(n: number, decimals: number): string {
  return formatSwedishNumberAs(n, decimals, true);
}

const SCALE = [1, 10, 100, 1000];
/** Below 2^40 a product is off by at most 2^-13 from the exact x · 10^d. */
const EXACT_ENOUGH = 2 ** 40;

/**
 * The integer toFixed(d) writes for x ≥ 0 (x · 10^d rounded, the larger on a tie), or -1 when
 * the quick way cannot be sure: Math.round of the product gives the same integer unless the
 * product lies so close to a tie that its rounding error could matter. Large values and more
 * than three decimals are left to toFixed too.
 */
function fixedUnits(x: number, d: number): number {
  if (d > 3) return -1;
  const p = x * SCALE[d];
  if (!(p < EXACT_ENOUGH)) return -1;
  // d = 0: the product is x itself, exact, and Math.round breaks ties upwards as toFixed does.
  if (d === 0) return Math.round(p);
  const frac = p - Math.floor(p);
  return frac < 0.499 || frac > 0.501 ? Math.round(p) : -1;
}

/** `x.toFixed(d)` for x ≥ 0 (the same text, usually without calling toFixed). */
export function toFixed(x: number, d: number): string {
  const units = fixedUnits(x, d);
  if (units < 0) return x.toFixed(d);
  if (d === 0) return String(units);
  let digits = String(units);
  while (digits.length <= d) digits = '0' + digits;
  return digits.slice(0, digits.length - d) + '.' + digits.slice(digits.length - d);
}

/** Digits grouped by three with U+00A0: "1234567" → "1 234 567". */
function grouped(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  const head = n % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < n; i += 3) out += '\u00a0' + digits.slice(i, i + 3);
  return out;
}

// The texts of thousand groups (U+00A0 and three digits) and of decimals (comma and `places`
// digits), made once each when first needed: a message's number is then a concatenation or two.
const GROUP_TEXT: string[] = new Array(1000);
const DECIMALS_TEXT: string[][] = [[], new Array(10), new Array(100), new Array(1000)];

/** grouped() for an integer 0 ≤ x < 2^53, without writing and slicing its digits first. */
function groupedInteger(x: number): string {
  let groups = '';
  while (x >= 1000) {
    const high = Math.floor(x / 1000);
    const low = x - high * 1000;
    groups = (GROUP_TEXT[low] ??= '\u00a0' + String(1000 + low).slice(1)) + groups;
    x = high;
  }
  return String(x) + groups;
}

/** "," and `fraction` written with `places` digits (1–3), leading zeros kept. */
function decimalsText(fraction: number, places: number): string {
  return (DECIMALS_TEXT[places][fraction] ??= ',' + String(SCALE[places] + fraction).slice(1));
}

/** formatSwedishNumber, or formatSwedishNumberTrimmed when `trim`, for callers that choose once. */
export function formatSwedishNumberAs(n: number, decimals: number, trim: boolean): string {
  // Whole numbers (most amounts and counts) have no decimals to write or trim. Kept apart from
  // the rest so that this, the common case, stays small: cheap to run and to optimise.
  if (n % 1 === 0 && (trim || decimals === 0) && n < EXACT_ENOUGH && n > -EXACT_ENOUGH) {
    if (n < 1000 && n > -1000) return String(n);
    return n < 0 ? '-' + groupedInteger(-n) : groupedInteger(n);
  }
  return formatWithDecimals(n, decimals, trim);
}

function formatWithDecimals(n: number, decimals: number, trim: boolean): string {
  // Not finite (the test as in line-facts: cheaper than Number.isFinite before optimisation).
  if (n - n !== 0) return '';
  const d =
    decimals === 0 || decimals === 1 || decimals === 2 ? decimals : Math.min(20, Math.max(0, Math.floor(Number.isFinite(decimals) ? decimals : 0)));
  const x = Math.abs(n);
  const units = fixedUnits(x, d);
  if (units >= 0) {
    // Integers below 2^40: every step below is exact.
    const scale = SCALE[d];
    const whole = d === 0 ? units : Math.floor(units / scale);
    let fraction = units - whole * scale;
    let places = d;
    if (trim) {
      while (places > 0 && fraction % 10 === 0) {
        fraction /= 10;
        places--;
      }
    }
    const digits = whole < 1000 ? String(whole) : groupedInteger(whole);
    const text = n < 0 && units !== 0 ? '-' + digits : digits;
    return places === 0 ? text : text + decimalsText(fraction, places);
  }
  const fixed = x.toFixed(d);
  if (fixed.includes('e')) return (n < 0 ? '-' : '') + fixed;
  const dot = fixed.indexOf('.');
  const negative = n < 0 && Number(fixed) !== 0;
  let text = (negative ? '-' : '') + grouped(dot === -1 ? fixed : fixed.slice(0, dot)) + (dot === -1 ? '' : ',' + fixed.slice(dot + 1));
  if (trim && dot !== -1) {
    let end = text.length;
    while (text.charCodeAt(end - 1) === 0x30 /* 0 */) end--;
    if (text.charCodeAt(end - 1) === 0x2c /* , */) end--;
    text = text.slice(0, end);
  }
  return text;
}
