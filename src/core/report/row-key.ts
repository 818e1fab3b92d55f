/**
 * The id column (column A of a report sheet). Each Styrkoll row carries one text cell there:
 *   <row key>#f.<field>=<column>…#<prop>=<value>…#h=<hash>
 * e.g. `mal:M3#f.prognos=G#f.kommentar=H#h=1a2b3c4d`. A fill-in field's id is `<row key>:<field>`
 * ("mal:M3:prognos"). Because the key travels with its row, answers survive inserted rows, and
 * any plain WorkbookSnapshot can read them. `h` hashes the row's locked cells, so a change outside
 * the fill-in fields is seen without the original file.
 */
import type { CellValue } from '../snapshot';
import { columnLetter, columnNumber } from './cell-ref';

export const ID_COLUMN = 1;
/** Key of the first row, whose props say which template and nämnd the sheet is for. */
export const META_KEY = 'rapport';

export interface RowKey {
  key: string;
  /** field name → 1-based column. */
  fields: Record<string, number>;
  props: Record<string, string>;
  hash: string | null;
  /** Integrity tag (keyed HMAC over the key and the report it belongs to); see integrity.ts. */
  tag?: string | null;
}

// Control characters are escaped too: they must never reach the XML, and the key must read back exactly.
// eslint-disable-next-line no-control-regex
const esc = (s: string): string => s.replace(/[%#=\u0000-\u001f\u007f]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

export function encodeRowKey(k: RowKey): string {
  let s = esc(k.key);
  for (const [f, col] of Object.entries(k.fields)) s += `#f.${esc(f)}=${columnLetter(col)}`;
  for (const [p, v] of Object.entries(k.props)) s += `#${esc(p)}=${esc(v)}`;
  if (k.hash) s += `#h=${k.hash}`;
  if (k.tag) s += `#t=${k.tag}`;
  return s;
}

/** null for anything that is not a well-formed key (a person's text, a damaged cell). */
export function decodeRowKey(v: CellValue): RowKey | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  try {
    const [head, ...parts] = v.trim().split('#');
    const out: RowKey = { key: decodeURIComponent(head), fields: {}, props: {}, hash: null, tag: null };
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq <= 0) return null;
      const name = decodeURIComponent(part.slice(0, eq));
      const value = decodeURIComponent(part.slice(eq + 1));
      if (name.startsWith('f.')) {
        const col = columnNumber(value);
        if (!Number.isInteger(col) || col < 1) return null;
        out.fields[name.slice(2)] = col;
      } else if (name === 'h') out.hash = value;
      else if (name === 't') out.tag = value;
      else out.props[name] = value;
    }
    return out.key ? out : null;
  } catch {
    return null;
  }
}

/** Value as it reads back from any writer/reader pair (numbers to 12 significant digits). */
function normalize(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  if (typeof v === 'string') return v.trim() === '' ? '' : 's:' + v;
  return 'b:' + String(v);
}

/** FNV-1a 32-bit over the row's locked cells (every column except the id column and the fields). */
export function hashLockedCells(row: readonly (CellValue | undefined)[], fieldColumns: Iterable<number>): string {
  const skip = new Set<number>(fieldColumns);
  skip.add(ID_COLUMN);
  let h = 0x811c9dc5;
  for (let c = 1; c <= row.length; c++) {
    if (skip.has(c)) continue;
    const s = normalize(row[c - 1]);
    if (s === '') continue;
    const text = `${c}=${s};`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}

export function fieldId(rowKey: string, field: string): string {
  return `${rowKey}:${field}`;
}
