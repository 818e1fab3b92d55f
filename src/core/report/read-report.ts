/**
 * Reads Styrkoll report sheets back from any WorkbookSnapshot: which template and nämnd, the
 * answers by fill-in id (wherever their rows moved), and every change outside the fill-in fields.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { address, isBlank } from './cell-ref';
import { decodeRowKey, fieldId, hashLockedCells, ID_COLUMN, META_KEY, type RowKey } from './row-key';
import { StyrkollError } from '../errors';

export interface ReadField {
  id: string;
  row: number;
  col: number;
  cell: string;
  value: CellValue;
}

export interface ReadRow {
  row: number;
  key: RowKey;
  /** The row's locked cells differ from what was written (hash mismatch). */
  changed: boolean;
}

export interface ReportReading {
  sheet: string;
  template: string | null;
  namnd: string | null;
  year: string | null;
  rows: ReadRow[];
  fields: Map<string, ReadField>;
  /** Rows without a key holding text or numbers: written outside the report's structure. */
  strayCells: string[];
  /** The values of those cells, by address. */
  strayValues: Map<string, CellValue>;
  /** Fields of a row key seen a second time (a copied row): never taken. */
  duplicateFields: ReadField[];
}

function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.rows[row - 1]?.[col - 1] ?? null;
}

/** Null when the sheet is not a Styrkoll report (no `rapport` key in column A of the first rows). */
export function readReportSheet(sheet: SheetSnapshot): ReportReading | null {
  let meta: RowKey | null = null;
  for (let r = 1; r <= Math.min(10, sheet.rows.length) && !meta; r++) {
    const k = decodeRowKey(cellAt(sheet, r, ID_COLUMN));
    if (k?.key === META_KEY) meta = k;
  }
  if (!meta) return null;
  const out: ReportReading = {
    sheet: sheet.name,
    template: meta.props.mall ?? null,
    namnd: meta.props.namnd ?? null,
    year: meta.props.ar ?? null,
    rows: [],
    fields: new Map(),
    strayCells: [],
    strayValues: new Map(),
    duplicateFields: [],
  };
  sheet.rows.forEach((values, i) => {
    const row = i + 1;
    const key = decodeRowKey(values[ID_COLUMN - 1] ?? null);
    if (!key) {
      values.forEach((v, c) => {
        if (c + 1 !== ID_COLUMN && !isBlank(v)) {
          out.strayCells.push(address(row, c + 1));
          out.strayValues.set(address(row, c + 1), v);
        }
      });
      return;
    }
    const changed = key.hash !== null && hashLockedCells(values, Object.values(key.fields)) !== key.hash;
    out.rows.push({ row, key, changed });
    for (const [field, col] of Object.entries(key.fields)) {
      const id = fieldId(key.key, field);
      const v = cellAt(sheet, row, col);
      const f = { id, row, col, cell: address(row, col), value: typeof v === 'string' && v.trim() === '' ? null : v };
      if (out.fields.has(id)) out.duplicateFields.push(f);
      else out.fields.set(id, f);
    }
  });
  return out;
}

export function readReports(snapshot: WorkbookSnapshot): ReportReading[] {
  return snapshot.sheets.map(readReportSheet).filter((r): r is ReportReading => r !== null);
}

/** Non-blank answers by id: what regeneration keeps. */
export function answersOf(reading: ReportReading): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const f of reading.fields.values()) if (!isBlank(f.value)) m.set(f.id, f.value);
  return m;
}

/**
 * A report sheet replaces the sheet of the same name in the workbook it is written into (Excel
 * compares names case-insensitively) – but only an earlier Styrkoll report. A sheet of the user's
 * own with that name (notes on a nämnd, say) is never overwritten: this throws a Swedish error that
 * says which sheet to rename, before anything is written. `target` needs only the sheets that
 * could collide (the CLI passes the whole input, the add-in the sheets it read by those names).
 */
export function refuseOwnSheets(target: WorkbookSnapshot, names: string[]): void {
  for (const name of names) {
    const sheet = target.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (sheet && !readReportSheet(sheet)) {
      throw new StyrkollError(
        'ARGUMENT',
        `Arbetsboken har redan ett eget blad som heter "${sheet.name}", och rapportbladet "${name}" skulle ersätta det. Byt namn på bladet och kör igen.`,
      );
    }
  }
}
