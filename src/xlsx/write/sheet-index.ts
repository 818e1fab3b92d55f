/**
 * One pass over a worksheet part's bytes: the worksheet's direct children, and every row of
 * sheetData as (row number, offsets) in typed arrays. A row's cells are scanned only when a cell
 * of that row is asked for. Rows are skipped by their end tag, not tag by tag, so a sheet of a
 * million rows is indexed in about a second with a few bytes per row.
 */
import { colNumber } from './cell-ref';
import { attrsOf, brokenXml, findEndTag, nextTag, skipElement, type Tag } from './xml-bytes';

export interface TopElement {
  tag: Tag;
  local: string;
  attrs: Record<string, string>;
  /** Offset of the end tag (equals `end` for a self-closing element). */
  closeStart: number;
  end: number;
}

export interface CellInfo {
  tag: Tag;
  col: number;
  attrs: Record<string, string>;
  end: number;
  /** No child elements: the cell only carries a style. */
  empty: boolean;
  /** Attributes of the cell's formula, when it has one. */
  formula: Record<string, string> | null;
}

export interface RowCells {
  tag: Tag;
  attrs: Record<string, string>;
  closeStart: number;
  cells: CellInfo[];
}

export class SheetIndex {
  readonly root: Tag;
  readonly rootCloseStart: number;
  readonly top: TopElement[] = [];
  readonly sheetData: TopElement | undefined;
  /** Element children of sheetData (rows and anything else). */
  sheetDataChildren = 0;
  private count = 0;
  private nums = new Uint32Array(0);
  private starts = new Uint32Array(0);
  private closes = new Uint32Array(0);
  private sorted = true;
  private byNumber: Map<number, number> | null = null;
  private readonly cellsCache = new Map<number, RowCells>();

  constructor(private readonly src: Uint8Array, private readonly part: string) {
    // UTF-16 parts (byte order mark) are not scanned as bytes: treated as broken, they keep their bytes.
    if (src[0] === 0xff || src[0] === 0xfe) throw brokenXml(part);
    const root = nextTag(src, 0, part);
    if (!root || root.close || root.local !== 'worksheet') throw brokenXml(part);
    this.root = root;
    let closeStart = root.openEnd;
    if (!root.selfClosing) {
      let pos = root.openEnd;
      for (;;) {
        const t = nextTag(src, pos, part);
        if (!t) throw brokenXml(part);
        if (t.close) {
          if (t.name !== root.name) throw brokenXml(part);
          closeStart = t.start;
          break;
        }
        const span = t.local === 'sheetData' && !t.selfClosing ? this.indexRows(t) : skipElement(src, t, part);
        const el: TopElement = { tag: t, local: t.local, attrs: attrsOf(src, t, part), ...span };
        this.top.push(el);
        if (t.local === 'sheetData' && !this.sheetData) this.sheetData = el;
        pos = span.end;
      }
    }
    this.rootCloseStart = closeStart;
  }

  get prefix(): string {
    const colon = this.root.name.indexOf(':');
    return colon >= 0 ? this.root.name.slice(0, colon + 1) : '';
  }

  private indexRows(data: Tag): { closeStart: number; end: number } {
    const { src, part } = this;
    this.grow(Math.max(64, Math.floor(src.length / 256)));
    let pos = data.openEnd;
    let last = 0;
    for (;;) {
      const t = nextTag(src, pos, part);
      if (!t) throw brokenXml(part);
      if (t.close) {
        if (t.name !== data.name) throw brokenXml(part);
        return { closeStart: t.start, end: t.openEnd };
      }
      this.sheetDataChildren++;
      if (t.local !== 'row') {
        pos = skipElement(src, t, part).end;
        continue;
      }
      let r = rowNumber(src, t);
      if (r < 0) r = Number(attrsOf(src, t, part).r ?? 0) || 0;
      const num = r > 0 ? r : last + 1;
      let close = t.openEnd;
      if (!t.selfClosing) {
        close = findEndTag(src, t.name, t.openEnd);
        if (close < 0) throw brokenXml(part);
      }
      if (this.count === this.nums.length) this.grow(this.count * 2);
      if (num <= last) this.sorted = false;
      this.nums[this.count] = num;
      this.starts[this.count] = t.start;
      this.closes[this.count] = close;
      this.count++;
      last = num;
      pos = t.selfClosing ? t.openEnd : src.indexOf(62, close) + 1;
    }
  }

  private grow(capacity: number): void {
    const grown = (a: Uint32Array) => {
      const b = new Uint32Array(capacity);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.nums = grown(this.nums);
    this.starts = grown(this.starts);
    this.closes = grown(this.closes);
  }

  /** Index of the row with this number, or -1. */
  findRow(row: number): number {
    if (!this.sorted) {
      if (!this.byNumber) {
        this.byNumber = new Map();
        for (let i = 0; i < this.count; i++) if (!this.byNumber.has(this.nums[i])) this.byNumber.set(this.nums[i], i);
      }
      return this.byNumber.get(row) ?? -1;
    }
    const i = this.lowerBound(row);
    return i < this.count && this.nums[i] === row ? i : -1;
  }

  /** Index of the first row (in document order) numbered after `row`, or -1. */
  nextRow(row: number): number {
    if (!this.sorted) {
      for (let i = 0; i < this.count; i++) if (this.nums[i] > row) return i;
      return -1;
    }
    const i = this.lowerBound(row + 1);
    return i < this.count ? i : -1;
  }

  private lowerBound(row: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.nums[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  rowStart(i: number): number {
    return this.starts[i];
  }

  /** Offset just after the row element. */
  rowEnd(i: number): number {
    const close = this.closes[i];
    const tag = this.rowCells(i).tag;
    return tag.selfClosing ? tag.openEnd : this.src.indexOf(62, close) + 1;
  }

  rowCells(i: number): RowCells {
    const cached = this.cellsCache.get(i);
    if (cached) return cached;
    const { src, part } = this;
    const tag = nextTag(src, this.starts[i], part)!;
    const closeStart = tag.selfClosing ? tag.openEnd : this.closes[i];
    const cells: CellInfo[] = [];
    let col = 0;
    let pos = tag.openEnd;
    while (!tag.selfClosing) {
      const t = nextTag(src, pos, part);
      if (!t || t.start >= closeStart) break;
      if (t.close) throw brokenXml(part);
      if (t.local !== 'c') {
        pos = skipElement(src, t, part).end;
        continue;
      }
      const attrs = attrsOf(src, t, part);
      col = attrs.r ? colNumber(attrs.r.replace(/\d+$/, '')) : col + 1;
      const cell: CellInfo = { tag: t, col, attrs, end: t.openEnd, empty: true, formula: null };
      if (!t.selfClosing) {
        // The cell's children: only their names and the formula's attributes matter.
        let c = nextTag(src, t.openEnd, part);
        for (; c && !c.close; c = nextTag(src, skipElement(src, c, part).end, part)) {
          cell.empty = false;
          if (c.local === 'f') cell.formula = attrsOf(src, c, part);
        }
        if (!c || c.name !== t.name) throw brokenXml(part);
        cell.end = c.openEnd;
      }
      cells.push(cell);
      pos = cell.end;
    }
    const info: RowCells = { tag, attrs: attrsOf(src, tag, part), closeStart, cells };
    this.cellsCache.set(i, info);
    return info;
  }
}

/** The row's r attribute read straight from the bytes; -1 when not written the usual way (r="…"). */
function rowNumber(src: Uint8Array, t: Tag): number {
  for (let k = t.start + t.name.length + 1; k < t.openEnd - 3; k++) {
    // " r=" preceded by whitespace; the value in either quote.
    if (src[k] === 114 && src[k + 1] === 61 && (src[k - 1] === 32 || src[k - 1] === 9 || src[k - 1] === 10 || src[k - 1] === 13)) {
      let n = 0;
      for (let j = k + 3; src[j] >= 48 && src[j] <= 57; j++) n = n * 10 + src[j] - 48;
      return n;
    }
  }
  return -1;
}
