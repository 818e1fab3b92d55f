/** Reading a contract sheet as a table: header detection, then one mapped item per data row. */
import type { SheetLocation, TableSheet } from '../model';
import type { CellValue, SheetSnapshot } from '../snapshot';
import { cellAddress } from './address';
import { errorsByRow, type RowContext, readDate, readNumber, reportErrorCell } from './cells';
import type { FindingSink } from './findings';
import { detectHeader } from './header';
import { type ColumnSpec, fieldTitle } from './header-specs';
import { cellText, swedishList } from './text';

export function reportMissingHeaders(sink: FindingSink, sheet: string, spec: ColumnSpec, missing: string[], avsnitt: string, hint = ''): void {
  const titles = missing.map((k) => fieldTitle(spec, k));
  const noun = titles.length === 1 ? 'kolumnen' : 'kolumnerna';
  sink.add({
    rule: 'IN-RUBRIK-SAKNAS',
    severity: 'fel',
    sheet,
    message: `Bladet ${sheet} saknar ${noun} ${swedishList(titles)}: ingen av de tio första raderna (och ingen tabell på bladet) har ${titles.length === 1 ? 'den rubriken' : 'de rubrikerna'}. Bladet har inte lästs.${hint}`,
    suggestion: `Lägg till en rubrikrad bland de tio första raderna med ${swedishList(titles.map((t) => '”' + t + '”'))} (stavning, versaler och ett år eller en enhet efter rubriken spelar ingen roll).`,
    avsnitt,
  });
}

/** One data row, read field by field; each unreadable cell becomes a finding and a null. */
export class RowReader {
  readonly ctx: RowContext;
  row: CellValue[] = [];

  constructor(
    private readonly columns: Record<string, number>,
    private readonly headers: Record<string, string>,
    private readonly spec: ColumnSpec,
    sink: FindingSink,
    sheet: string,
    avsnitt: string,
  ) {
    this.ctx = { sink, sheet, row: 0, namnd: null, avsnitt };
  }

  has(key: string): boolean {
    return key in this.columns;
  }
  /** 1-based column of a field, 0 when absent. */
  col(key: string): number {
    return this.columns[key] ?? 0;
  }
  title(key: string): string {
    return this.headers[key] ?? fieldTitle(this.spec, key);
  }
  raw(key: string): CellValue {
    const c = this.columns[key];
    if (c === undefined) return null;
    const v = this.row[c - 1];
    return v === undefined ? null : v;
  }
  text(key: string): string | null {
    return cellText(this.raw(key));
  }
  number(key: string): number | null {
    return this.has(key) ? readNumber(this.ctx, this.raw(key), this.col(key), this.title(key)) : null;
  }
  date(key: string): string | null {
    return this.has(key) ? readDate(this.ctx, this.raw(key), this.col(key), this.title(key)) : null;
  }
  /** Reports a required text field left empty (IN-ID-SAKNAS for IDs, IN-FALT-SAKNAS otherwise). */
  reportEmpty(key: string, consequence: string): void {
    const id = key === 'id';
    const title = this.title(key);
    this.ctx.sink.add({
      rule: id ? 'IN-ID-SAKNAS' : 'IN-FALT-SAKNAS',
      severity: 'varning',
      sheet: this.ctx.sheet,
      row: this.ctx.row,
      col: this.col(key) || null,
      namnd: this.ctx.namnd,
      message: `Raden ${this.ctx.row} i bladet ${this.ctx.sheet} saknar ${title} (${this.ctx.sheet}!${cellAddress(this.ctx.row, this.col(key))}); ${consequence}`,
      suggestion: id ? `Ge raden ett unikt ${title}, så att andra rader kan hänvisa till den.` : `Fyll i ${title}.`,
      avsnitt: this.ctx.avsnitt,
    });
  }
}

export interface TableReadOptions<T> {
  spec: ColumnSpec;
  required: string[];
  avsnitt: string;
  /** Field whose text names the row's nämnd in findings. */
  namndKey?: string;
  /** Fallback nämnd for findings (Inställningar). */
  defaultNamnd?: string | null;
  /** Maps a row to an item, or null to leave it out. */
  map: (r: RowReader) => T | null;
}

export function readTableSheet<T>(sheet: SheetSnapshot, sink: FindingSink, opts: TableReadOptions<T>): TableSheet<T> | null {
  const header = detectHeader(sheet, opts.spec, opts.required);
  if (!header.found) {
    reportMissingHeaders(sink, sheet.name, opts.spec, header.missing, opts.avsnitt);
    return null;
  }
  const location: SheetLocation = { name: sheet.name, headerRow: header.headerRow, columns: header.columns, headers: header.headers };
  const usedCols = Object.values(header.columns);
  const usedIdx = usedCols.map((c) => c - 1);
  const errors = errorsByRow(sheet, header.headerRow + 1, header.dataEnd, usedCols);
  const reader = new RowReader(header.columns, header.headers, opts.spec, sink, sheet.name, opts.avsnitt);
  const titleOf = new Map<number, string>();
  for (const key of Object.keys(header.columns)) titleOf.set(header.columns[key], reader.title(key));
  const items: T[] = [];

  for (let r = header.dataStart; r < header.dataEnd; r++) {
    const row = Array.isArray(sheet.rows[r]) ? sheet.rows[r] : [];
    const errs = errors?.get(r + 1);
    if (!errs && !usedIdx.some((c) => cellText(row[c]) !== null)) continue;
    reader.row = row;
    reader.ctx.row = r + 1;
    reader.ctx.namnd = (opts.namndKey ? reader.text(opts.namndKey) : null) ?? opts.defaultNamnd ?? null;
    if (errs) for (const e of errs) reportErrorCell(sink, sheet.name, e, titleOf.get(e.col) ?? '', reader.ctx.namnd);
    const item = opts.map(reader);
    if (item !== null) items.push(item);
  }
  return { location, items };
}
