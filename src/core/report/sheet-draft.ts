/**
 * A report sheet under construction: rows of SpecCells plus, per Styrkoll row, its key and fill-in
 * fields. `finish()` writes the id column (key, fields, hash of the locked cells).
 */
import type { CellStyle, SheetSpec, SpecCell } from '../sheet-spec';
import type { CellValue } from '../snapshot';
import { address } from './cell-ref';
import { encodeRowKey, fieldId, hashLockedCells, ID_COLUMN, META_KEY, type RowKey } from './row-key';
import { rowTag, type Signer } from './integrity';
import { STYLE } from './styles';
import { estimateRowHeights } from './row-heights';

/** Single-cell fields people write sentences in: their rows get room for two lines. */
const WRITING_FIELDS = new Set(['kommentar', 'analys']);

export interface FillIn {
  field: string;
  col: number;
  /** Pre-filled value (the master's, or the nämnd's earlier answer). */
  value: CellValue;
  style?: CellStyle;
  /** Dropdown values. */
  list?: string[];
  date?: boolean;
}

export class SheetDraft {
  readonly rows: (SpecCell | null)[][] = [];
  readonly merges: string[] = [];
  readonly validations: { ref: string; list: string[] }[] = [];
  private readonly keys = new Map<number, { key: string; fields: Record<string, number>; props: Record<string, string> }>();
  /** Answers from `previous`, by fill-in id; used ones are recorded in `kept`. */
  constructor(private readonly previous: Map<string, CellValue> = new Map()) {}
  readonly kept = new Set<string>();
  readonly fieldIds: string[] = [];
  private readonly roomy: number[] = [];

  /** 1-based number of the next row. */
  get next(): number {
    return this.rows.length + 1;
  }

  blank(count = 1): void {
    for (let i = 0; i < count; i++) this.rows.push([]);
  }

  /** Adds a row; `cells` maps 1-based columns to cells. Returns the row number. */
  add(cells: Record<number, SpecCell | null>, key?: string, props: Record<string, string> = {}, fills: FillIn[] = []): number {
    const r = this.next;
    const row: (SpecCell | null)[] = [];
    for (const [c, cell] of Object.entries(cells)) row[Number(c) - 1] = cell;
    const fields: Record<string, number> = {};
    for (const f of fills) {
      if (!key) throw new Error('fill-in field without a row key');
      const id = fieldId(key, f.field);
      let value = f.value;
      // What the master held when the report was issued: collect tells an answer from the pre-fill by it,
      // and a master changed since from a nämnd's answer.
      if (f.value !== null && f.value !== '') props = { ...props, [`p.${f.field}`]: String(f.value) };
      const prev = this.previous.get(id);
      if (prev !== undefined && prev !== null && !(typeof prev === 'string' && prev.trim() === '')) {
        value = prev;
        this.kept.add(id);
      }
      row[f.col - 1] = { v: value, id, style: { ...STYLE.fillIn, ...f.style }, ...(f.date ? { date: true } : {}) };
      fields[f.field] = f.col;
      this.fieldIds.push(id);
      if (WRITING_FIELDS.has(f.field)) this.roomy.push(r);
      if (f.list) this.validations.push({ ref: address(r, f.col), list: f.list });
    }
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    this.rows.push(row);
    if (key) this.keys.set(r, { key, fields, props });
    return r;
  }

  merge(ref: string): void {
    this.merges.push(ref);
  }

  finish(name: string, columnWidths: number[], sign?: Signer): SheetSpec {
    const meta = [...this.keys.values()].find((k) => k.key === META_KEY)?.props ?? {};
    const identity = { mall: meta.mall ?? '', namnd: meta.namnd ?? '', ar: meta.ar ?? null };
    for (const [r, k] of this.keys) {
      const row = this.rows[r - 1];
      const values = row.map((c) => (c ? c.v : null));
      const hash = hashLockedCells(values, Object.values(k.fields));
      const key: RowKey = { ...k, hash, tag: null };
      if (sign) key.tag = rowTag(sign, identity, key);
      row[ID_COLUMN - 1] = { v: encodeRowKey(key), style: STYLE.idCell };
    }
    return {
      name,
      rows: this.rows,
      columnWidths,
      rowHeights: estimateRowHeights(this, columnWidths, this.roomy),
      // The ids are for Styrkoll, not for the reader; hidden, they still travel with their rows.
      hiddenColumns: [ID_COLUMN],
      merges: this.merges,
      freeze: { rows: 3 },
      protect: true,
      print: { orientation: 'portrait', fitToWidth: true },
      validations: this.validations,
    };
  }
}
