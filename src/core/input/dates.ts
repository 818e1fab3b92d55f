/**
 * Dates and report periods. Snapshots hold dates as Excel serial numbers in the 1900 date system,
 * where Excel counts a 29 February 1900 that never was (serial 60): serials from 61 on are one
 * day ahead of a plain day count, and serial 60 itself is no date (read as unreadable).
 */
import type { CellValue } from '../snapshot';
import { foldText } from './text';

const MAX_SERIAL = 2958465; // 9999-12-31
const DAY_MS = 86400000;
const EPOCH_1899_12_31 = Date.UTC(1899, 11, 31);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO yyyy-mm-dd for a valid calendar date (years 1900–9999), otherwise undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return pad(year, 4) + '-' + pad(month, 2) + '-' + pad(day, 2);
}

/** ISO date of an Excel serial (the time of day is dropped); undefined outside 1900-01-01…9999-12-31. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const n = Math.floor(serial);
  if (n < 1 || n > MAX_SERIAL || n === 60) return undefined;
  const days = n < 60 ? n : n - 1;
  return new Date(EPOCH_1899_12_31 + days * DAY_MS).toISOString().slice(0, 10);
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  maj: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augusti: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASH_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DMY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MONTH_NAME = /^(\d{1,2})\.?\s+([a-z]+)\.?\s+(\d{4})$/;

/**
 * A date cell as ISO yyyy-mm-dd: Excel serials, "2025-08-31" (optionally with a time),
 * "31/8/2025", "31.8.2025", "20250831", "31 augusti 2025". Null for an empty cell, undefined
 * when unreadable.
 */
export function parseDateCell(v: CellValue | undefined): string | null | undefined {
  if (typeof v === 'number') return serialToIso(v);
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t === '') return null;
  let m = ISO_DATE.exec(t) ?? SLASH_YMD.exec(t) ?? COMPACT.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = DAY_MONTH_NAME.exec(foldText(t));
  if (m && MONTHS[m[2]]) return isoDate(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  return undefined;
}

export interface Period {
  year: number;
  month: number;
}

const YEAR_MONTH = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const SCB_MONTH = /^(\d{4})m(\d{2})$/;
const MONTH_NAME_YEAR = /^([a-z]+)\.?[\s-]+(\d{4})$/;

function period(year: number, month: number): Period | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return undefined;
  return { year, month };
}

function periodOfIso(iso: string | null | undefined): Period | null | undefined {
  if (iso === null || iso === undefined) return iso;
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/**
 * A report period: "2025-08", "2025-8", "augusti 2025", "aug 2025", "2025M08", a number 202508,
 * a date (serial or text; the day is dropped). Null for an empty cell, undefined when unreadable.
 */
export function parsePeriod(v: CellValue | undefined): Period | null | undefined {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 190001 && v <= 999912) {
      const p = period(Math.floor(v / 100), v % 100);
      if (p) return p;
    }
    return periodOfIso(serialToIso(v));
  }
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return undefined;
  const t = foldText(v);
  if (t === '') return null;
  let m = YEAR_MONTH.exec(t) ?? SCB_MONTH.exec(t);
  if (m) return period(Number(m[1]), Number(m[2]));
  m = MONTH_NAME_YEAR.exec(t);
  if (m) return MONTHS[m[1]] ? period(Number(m[2]), MONTHS[m[1]]) : undefined;
  if (/^\d{6}$/.test(t)) return period(Number(t.slice(0, 4)), Number(t.slice(4)));
  return periodOfIso(parseDateCell(v));
}
