/**
 * The Inställningar sheet: key/value pairs anywhere in its first columns, no header row needed
 * (a header row such as `Inställning | Värde` is skipped).
 */
import type { SettingEntry, Settings } from '../model';
import type { CellValue, SheetSnapshot } from '../snapshot';
import { cellAddress } from './address';
import { parsePeriod } from './dates';
import { parseBeloppI, parseTecken } from './enums';
import { AVSNITT, type FindingSink } from './findings';
import { parseSwedishNumber } from './numbers';
import { cellText, normalizeHeader, quoteRaw } from './text';

/** The key is the first text cell within these columns; the value the next cell right of it. */
const KEY_COLUMNS = 5;
const VALUE_REACH = 3;
const HEADER_KEYS = new Set(['installning', 'installningar', 'nyckel', 'parameter', 'setting', 'settings', 'key']);
const HEADER_VALUES = new Set(['varde', 'value', '']);
/** More rows than any settings sheet has; a stray sheet with a million rows is not read to the end. */
const MAX_SETTINGS_ROWS = 10000;

export function emptySettings(sheet: string | null): Settings {
  return {
    kommun: null,
    kommunkod: null,
    profil: null,
    budgetar: null,
    period: null,
    beloppI: null,
    tecken: null,
    namnd: null,
    koladaUrl: null,
    entries: {},
    sheet,
  };
}

function entryValue(v: CellValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** Kommunkod as text with four digits (SCB codes have a leading zero: Stockholm 0180). */
function kommunkod(v: CellValue | undefined): string | null | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 10000 ? String(v).padStart(4, '0') : undefined;
  const t = cellText(v);
  if (t === null) return null;
  return /^\d{1,4}$/.test(t) ? t.padStart(4, '0') : undefined;
}

export function readSettings(sheet: SheetSnapshot, sink: FindingSink): Settings {
  const settings = emptySettings(sheet.name);
  const rows = Array.isArray(sheet.rows) ? sheet.rows : [];
  const limit = Math.min(rows.length, MAX_SETTINGS_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    let k = -1;
    for (let c = 0; c < Math.min(row.length, KEY_COLUMNS); c++) {
      if (row[c] !== null && row[c] !== undefined && !(typeof row[c] === 'string' && (row[c] as string).trim() === '')) {
        k = c;
        break;
      }
    }
    if (k === -1 || typeof row[k] !== 'string') continue;
    const keyText = (row[k] as string).trim();
    let vc = -1;
    for (let c = k + 1; c < Math.min(row.length, k + 1 + VALUE_REACH); c++) {
      if (entryValue(row[c]) !== null) {
        vc = c;
        break;
      }
    }
    const raw: CellValue = vc === -1 ? null : row[vc];
    const norm = normalizeHeader(keyText);
    if (norm === '' || (HEADER_KEYS.has(norm) && HEADER_VALUES.has(normalizeHeader(raw)))) continue;
    if (norm in settings.entries) {
      sink.add({
        rule: 'IN-INSTALLNING-DUBBEL',
        severity: 'varning',
        sheet: sheet.name,
        row: r + 1,
        col: k + 1,
        message: `Inställningen ${quoteRaw(keyText)} finns flera gånger i bladet ${sheet.name}; raden ${settings.entries[norm].row} används.`,
        suggestion: 'Ta bort den överflödiga raden så att det är tydligt vilket värde som gäller.',
        avsnitt: AVSNITT.installningar,
      });
      continue;
    }
    const entry: SettingEntry = { row: r + 1, key: keyText, value: entryValue(raw) };
    settings.entries[norm] = entry;
    applyKnown(settings, norm, raw, { sink, sheet: sheet.name, row: r + 1, col: vc === -1 ? k + 2 : vc + 1, key: keyText });
  }
  return settings;
}

interface KeyContext {
  sink: FindingSink;
  sheet: string;
  row: number;
  col: number;
  key: string;
}

function unreadable(ctx: KeyContext, raw: CellValue, expected: string): void {
  ctx.sink.add({
    rule: 'IN-INSTALLNING',
    severity: 'varning',
    sheet: ctx.sheet,
    row: ctx.row,
    col: ctx.col,
    message: `Inställningen ${ctx.key} i ${ctx.sheet}!${cellAddress(ctx.row, ctx.col)} har värdet ${quoteRaw(raw)}, som inte kan läsas; standardvärdet används.`,
    suggestion: `Skriv ${expected}.`,
    avsnitt: AVSNITT.installningar,
  });
}

function applyKnown(s: Settings, norm: string, raw: CellValue, ctx: KeyContext): void {
  switch (norm) {
    case 'kommun':
      s.kommun = cellText(raw);
      return;
    case 'kommunkod': {
      const code = kommunkod(raw);
      if (code === undefined) unreadable(ctx, raw, 'kommunkoden med fyra siffror, t.ex. 2083');
      else s.kommunkod = code;
      return;
    }
    case 'profil':
      s.profil = cellText(raw)?.toLowerCase() ?? null;
      return;
    case 'budgetar': {
      const n = parseSwedishNumber(raw);
      if (n === undefined || (n !== null && (!Number.isInteger(n) || n < 1900 || n > 9999))) unreadable(ctx, raw, 'budgetåret med fyra siffror, t.ex. 2025');
      else s.budgetar = n;
      return;
    }
    case 'period': {
      const p = parsePeriod(raw);
      if (p === undefined) unreadable(ctx, raw, 'perioden som år och månad, t.ex. 2025-08');
      else s.period = p;
      return;
    }
    case 'beloppi': {
      const b = parseBeloppI(raw);
      if (b === undefined) unreadable(ctx, raw, 'kr, tkr eller mnkr');
      else s.beloppI = b;
      return;
    }
    case 'tecken': {
      const t = parseTecken(raw);
      if (t === undefined) unreadable(ctx, raw, '”kostnad positiv” eller ”kostnad negativ”');
      else s.tecken = t;
      return;
    }
    case 'namnd':
    case 'namndstyrelse':
    case 'styrelse':
      s.namnd = cellText(raw);
      return;
    case 'koladaurl':
      s.koladaUrl = cellText(raw);
      return;
  }
}
