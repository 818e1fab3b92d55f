/** Reading a contract sheet as a table: header detection, then its data rows one by one. */
import type { SheetLocation } from '../model';
import type { CellErrorRef, CellValue, SheetSnapshot } from '../snapshot';
import { cellAddress } from './address';
import { errorsByRow, type RowContext, readDate, readNumber, reportErrorCell, reportUnknownValue } from './cells';
import type { FindingSink } from './findings';
import { detectHeader, type HeaderFound } from './header';
import { type ColumnSpec, fieldTitle } from './header-specs';
import { cellText, swedishList } from './text';

export function reportMissingHeaders(sink: FindingSink, sheet: string, spec: ColumnSpec, missing: string[], avsnitt: string, hint = ''): void {
  const titles = missing.map((k) => fieldTitle(spec, k));
  const noun = titles.length === 1 ? 'kolumnen' : 'kolumnerna';
  sink.add({
    rule: 'IN-RUBRIK-SAKNAS',
    severity: 'fel',
    sheet,
    message: `Bladet ${sheet} saknar ${noun} ${swedishList(titles)}: ingen av de 40 första raderna (och ingen tabell på bladet) har ${titles.length === 1 ? 'den rubriken' : 'de rubrikerna'}. Bladet har inte lästs.${hint}`,
    suggestion: `Lägg till en rubrikrad bland de 40 första raderna med ${swedishList(titles.map((t) => '”' + t + '”'))} (stavning, versaler och ett år eller en enhet efter rubriken spelar ingen roll).`,
    avsnitt,
  });
}

/**
 * The index a column the sheet lacks is read at: far past any row's last cell, so its cells are
 * empty like those of an empty column and need no check of their own.
 */
const ABSENT = 0x3fffffff;

/** A field of a table: where its cells are and what its column is called in messages. */
export interface Column {
  key: string;
  /** 0-based index into a row (far past the end when the sheet lacks the column). */
  index: number;
  /** 1-based column, null when the sheet lacks it. */
  col: number | null;
  title: string;
}

export interface TableOptions {
  spec: ColumnSpec;
  required: string[];
  avsnitt: string;
  /** Field whose text names the row's nämnd in findings. */
  namndKey?: string;
  /** Fallback nämnd for findings (Inställningar). */
  defaultNamnd?: string | null;
}

const EMPTY_ROW: CellValue[] = [];

/**
 * The data rows of a table, read with a cursor: `next()` moves to the next row with content and
 * reports its error cells; the caller reads the row's cells through columns resolved once.
 */
export class TableRows {
  readonly location: SheetLocation;
  readonly ctx: RowContext;
  /** The current row's cells. */
  row: CellValue[] = EMPTY_ROW;
  private r: number;
  private readonly end: number;
  private readonly rows: CellValue[][];
  private readonly used: number[];
  private readonly errors: Map<number, CellErrorRef[]> | null;
  private readonly titles = new Map<number, string>();
  private readonly namndIndex: number;
  private readonly defaultNamnd: string | null;

  private readonly spec: ColumnSpec;

  private constructor(sheet: SheetSnapshot, header: HeaderFound, sink: FindingSink, opts: TableOptions) {
    this.spec = opts.spec;
    this.location = { name: sheet.name, headerRow: header.headerRow, columns: header.columns, headers: header.headers };
    this.ctx = { sink, sheet: sheet.name, row: 0, namnd: null, avsnitt: opts.avsnitt };
    this.rows = sheet.rows;
    this.r = header.dataStart - 1;
    this.end = header.dataEnd;
    const usedCols = Object.values(header.columns);
    this.used = usedCols.map((c) => c - 1);
    this.errors = errorsByRow(sheet, header.headerRow + 1, header.dataEnd, usedCols);
    for (const key of Object.keys(header.columns)) this.titles.set(header.columns[key], this.column(key).title);
    this.namndIndex = opts.namndKey ? this.column(opts.namndKey).index : ABSENT;
    this.defaultNamnd = opts.defaultNamnd ?? null;
  }

  /** The table of a sheet, or null when its header is not found (reported as IN-RUBRIK-SAKNAS). */
  static open(sheet: SheetSnapshot, sink: FindingSink, opts: TableOptions): TableRows | null {
    const header = detectHeader(sheet, opts.spec, opts.required);
    if (!header.found) {
      reportMissingHeaders(sink, sheet.name, opts.spec, header.missing, opts.avsnitt);
      return null;
    }
    return new TableRows(sheet, header, sink, opts);
  }

  column(key: string): Column {
    const c = this.location.columns[key];
    return {
      key,
      index: c === undefined ? ABSENT : c - 1,
      col: c === undefined ? null : c,
      title: this.location.headers[key] ?? fieldTitle(this.spec, key),
    };
  }

  /** Moves to the next row with content in a used column or an error cell; false past the last. */
  next(): boolean {
    const rows = this.rows;
    while (++this.r < this.end) {
      const r = this.r;
      const row = Array.isArray(rows[r]) ? rows[r] : EMPTY_ROW;
      const errs = this.errors === null ? undefined : this.errors.get(r + 1);
      if (errs === undefined && !hasContent(row, this.used)) continue;
      this.row = row;
      const ctx = this.ctx;
      ctx.row = r + 1;
      ctx.namnd = cellText(row[this.namndIndex]) ?? this.defaultNamnd;
      if (errs !== undefined) for (const e of errs) reportErrorCell(ctx.sink, ctx.sheet, e, this.titles.get(e.col) ?? '', ctx.namnd);
      return true;
    }
    return false;
  }

  /** A number cell of the current row; null when empty or unreadable (reported as IN-TAL). */
  number(c: Column): number | null {
    const v = this.row[c.index];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    return v === null || v === undefined ? null : readNumber(this.ctx, v, c.index + 1, c.title);
  }

  /** A date cell of the current row as ISO yyyy-mm-dd; null when empty or unreadable (IN-DATUM). */
  date(c: Column): string | null {
    const v = this.row[c.index];
    return v === null || v === undefined ? null : readDate(this.ctx, v, c.index + 1, c.title);
  }

  /** Reports the current row's cell as outside the column's accepted values (IN-VARDE). */
  reportUnknown(c: Column, accepted: string): void {
    reportUnknownValue(this.ctx, this.row[c.index], c.index + 1, c.title, accepted);
  }

  /** Reports a required text field left empty (IN-ID-SAKNAS for IDs, IN-FALT-SAKNAS otherwise). */
  reportEmpty(c: Column, consequence: string): void {
    const id = c.key === 'id';
    const ctx = this.ctx;
    ctx.sink.add({
      rule: id ? 'IN-ID-SAKNAS' : 'IN-FALT-SAKNAS',
      severity: 'varning',
      sheet: ctx.sheet,
      row: ctx.row,
      col: c.col,
      namnd: ctx.namnd,
      message: `Raden ${ctx.row} i bladet ${ctx.sheet} saknar ${c.title} (${ctx.sheet}!${cellAddress(ctx.row, c.col ?? 0)}); ${consequence}`,
      suggestion: id ? `Ge raden ett unikt ${c.title}, så att andra rader kan hänvisa till den.` : `Fyll i ${c.title}.`,
      avsnitt: ctx.avsnitt,
    });
  }
}

function hasContent(row: CellValue[], used: number[]): boolean {
  for (let i = 0; i < used.length; i++) if (cellText(row[used[i]]) !== null) return true;
  return false;
}
