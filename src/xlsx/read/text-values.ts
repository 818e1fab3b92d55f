/** Turning cell text into snapshot values. */

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (e.g. `_x000D_` for a carriage return). */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: serial 0 in the 1900 system as Excel counts from March 1900 on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Days between the 1904 and the 1900 date systems. */
export const DAYS_1904_TO_1900 = 1462;

/** An ISO 8601 date/time (`t="d"` cells) as a 1900-system serial; null when it is not one. */
export function isoToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) {
    // A bare time of day ("12:30:00") is a fraction of a day.
    const t = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(text.trim());
    if (!t) return null;
    return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0)) / 86_400;
  }
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)) + Math.round(Number(frac ?? 0) * 1000);
  if (Number.isNaN(ms)) return null;
  let serial = (ms - EPOCH_1900) / MS_PER_DAY;
  // Excel counts the non-existent 1900-02-29 as serial 60, so dates before March 1900 are one lower.
  if (serial < 61) serial -= 1;
  return serial;
}

/** A `<v>` of a numeric cell; the text itself when it is not a finite number (the core reports it). */
export function parseNumber(text: string): number | string | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}
