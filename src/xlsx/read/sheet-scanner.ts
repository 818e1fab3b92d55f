/**
 * A fast reader for worksheet XML that works on the inflated UTF-8 bytes. It accepts a strict subset
 * of XML – ASCII names, attributes without line breaks, the five predefined entities and character
 * references, no comments, CDATA, processing instructions or DOCTYPE – and checks well-formedness as
 * it goes (matching tags, one root, allowed characters, no `]]>` in text). Anything else throws
 * FastPathBail, and the caller reads the part again with saxes, which then decides (and refuses a
 * DOCTYPE as always). So every document this scanner accepts, saxes accepts with the same events.
 *
 * The gain: no attribute records, strings or events for the hot elements (`<row>`, `<c>`, `<v>`);
 * cell references, style indexes and plain numbers are parsed straight from the bytes.
 */
import { MAX_COLS, MAX_ROWS } from './cell-ref';
import type { WorksheetState } from './worksheet-state';
import { FastPathBail } from './xml-part';

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMP = 38;
const SEMI = 59;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const HASH = 35;
const DOLLAR = 36;
const BRACKET = 93;
const CR = 13;

/** Nesting the scanner accepts (a worksheet is about six levels deep). */
const MAX_DEPTH = 64;

/** A token may not grow beyond this while waiting for more bytes (saxes streams such parts instead). */
const MAX_CARRY = 1024 * 1024;
/** Distinct element names and attributes per element the scanner handles before handing over. */
const MAX_NAMES = 2048;
const MAX_ATTRS = 64;

const NAME_START = 1;
const NAME_CHAR = 2;
const CHAR_CLASS = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) CHAR_CLASS[c] = NAME_START | NAME_CHAR;
  else if (/[0-9.-]/.test(ch)) CHAR_CLASS[c] = NAME_CHAR;
}
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

const KIND_OTHER = 0;
const KIND_C = 1;
const KIND_ROW = 2;
/** Elements whose attributes the worksheet state reads (mergeCell, dataValidation, tablePart). */
const KIND_ATTRS = 3;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;
const EMPTY_ATTRS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/** The known cell types as constant strings (no allocation per cell); undefined for anything else. */
function cellType(buf: Uint8Array, s: number, e: number): string | undefined {
  const n = e - s;
  if (n === 1) {
    switch (buf[s]) {
      case 115:
        return 's';
      case 110:
        return 'n';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 100:
        return 'd';
    }
    return undefined;
  }
  if (n === 3 && buf[s] === 115 && buf[s + 1] === 116 && buf[s + 2] === 114) return 'str';
  if (n === 9 && ascii(buf, s, e) === 'inlineStr') return 'inlineStr';
  return undefined;
}

interface ElementName {
  bytes: Uint8Array;
  local: string;
  kind: number;
}

function bail(reason: string): never {
  throw new FastPathBail(reason);
}

function ascii(buf: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i += 4096) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(e, i + 4096)) as unknown as number[]);
  return out;
}

/** A character XML 1.0 allows (a character reference must name one). */
function isXmlChar(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/**
 * `-?digits(.digits)?` with at most 15 digits, as the exact double Number() gives (the mantissa and
 * the power of ten are both exact, so one division rounds correctly); NaN for anything else.
 * With `index`, only unsigned digits (at most 9).
 */
function plainNumber(buf: Uint8Array, s: number, e: number, index: boolean): number {
  let i = s;
  let neg = false;
  if (!index && buf[i] === 45) {
    neg = true;
    i++;
  }
  let m = 0;
  const intStart = i;
  let c = 0;
  while (i < e && (c = buf[i]) >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    i++;
  }
  let digits = i - intStart;
  if (digits === 0) return NaN;
  let scale = 0;
  if (i < e) {
    if (index || c !== 46) return NaN;
    const fracStart = ++i;
    while (i < e && (c = buf[i]) >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      i++;
    }
    scale = i - fracStart;
    if (scale === 0 || i !== e) return NaN;
    digits += scale;
  }
  if (digits > (index ? 9 : 15)) return NaN;
  const v = scale ? m / POW10[scale] : m;
  return neg ? -v : v;
}

/** Unsigned decimal digits only (at most 9), else -1. */
function plainIndex(buf: Uint8Array, s: number, e: number): number {
  if (e === s || e - s > 9) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** An A1 reference (`B12`, `$B$12`, `B`, `12`) as row * 2^15 + col; -1 when parseCellRef would refuse it. */
function cellRefBytes(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  if (i < e && buf[i] === DOLLAR) i++;
  let col = 0;
  while (i < e) {
    let ch = buf[i];
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    if (col > MAX_COLS) return -1;
    i++;
  }
  if (i < e && buf[i] === DOLLAR) i++;
  let row = 0;
  while (i < e) {
    const ch = buf[i];
    if (ch < 48 || ch > 57) return -1;
    row = row * 10 + (ch - 48);
    if (row > MAX_ROWS) return -1;
    i++;
  }
  if (col === 0 && row === 0) return -1;
  return row * 32768 + col;
}

export class SheetScanner {
  private carry: Uint8Array | null = null;
  private started = false;
  private readonly stack: number[] = [];
  private rootClosed = false;
  private readonly names: ElementName[] = [];
  private readonly single = new Int32Array(128).fill(-1);
  private readonly byLength: number[][] = [];
  /** Per attribute of the current tag: name start, name end, value start, value end. */
  private attrs = new Int32Array(4 * MAX_ATTRS);
  private readonly utf8 = new TextDecoder('utf-8');

  constructor(private readonly state: WorksheetState) {}

  /** Scans one chunk of the part; an unfinished token waits for the next. */
  push(chunk: Uint8Array): void {
    let buf = chunk;
    const carry = this.carry;
    if (carry) {
      buf = new Uint8Array(carry.length + chunk.length);
      buf.set(carry);
      buf.set(chunk, carry.length);
    }
    const pos = this.scan(buf, false);
    if (buf.length - pos > MAX_CARRY) bail('för lång token');
    this.carry = pos < buf.length ? buf.slice(pos) : null;
  }

  /** After the last chunk: the document must be complete. */
  end(): void {
    const buf = this.carry ?? new Uint8Array(0);
    this.carry = null;
    const pos = this.scan(buf, true);
    if (pos < buf.length || !this.rootClosed || this.stack.length > 0) bail('ofullständigt dokument');
  }

  private scan(buf: Uint8Array, final: boolean): number {
    const len = buf.length;
    let pos = 0;
    if (!this.started) {
      pos = this.prolog(buf, final);
      if (pos < 0) return 0;
      this.started = true;
    }
    while (pos < len) {
      if (buf[pos] !== LT) {
        let end = buf.indexOf(LT, pos);
        if (end < 0) {
          if (!final) break;
          end = len;
        }
        this.text(buf, pos, end);
        pos = end;
        continue;
      }
      if (pos + 1 >= len) break;
      const next = buf[pos + 1];
      if (next === 33 || next === 63) bail('kommentar, CDATA, DOCTYPE eller processinstruktion');
      const after = next === SLASH ? this.closeTag(buf, pos, len) : this.openTag(buf, pos, len);
      if (after < 0) break;
      pos = after;
    }
    return pos;
  }

  /** Skips a UTF-8 byte-order mark and checks the XML declaration; -1 when more bytes are needed. */
  private prolog(buf: Uint8Array, final: boolean): number {
    if (buf.length < 8 && !final) return -1;
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) bail('UTF-16');
    const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    if (buf[start] !== LT || buf[start + 1] !== 63) return start;
    let end = -1;
    for (let i = start + 2; i + 1 < buf.length; i++) {
      if (buf[i] === 63 && buf[i + 1] === GT) {
        end = i + 2;
        break;
      }
      if (buf[i] >= 0x80 || i - start > 300) bail('XML-deklaration');
    }
    if (end < 0) {
      if (!final) return -1;
      bail('XML-deklaration');
    }
    if (!XML_DECL.test(ascii(buf, start, end))) bail('XML-deklaration');
    return end;
  }

  private nameId(buf: Uint8Array, s: number, e: number): number {
    const n = e - s;
    if (n === 1) {
      const id = this.single[buf[s]];
      if (id >= 0) return id;
    } else {
      const list = this.byLength[n];
      if (list) {
        outer: for (let k = 0; k < list.length; k++) {
          const bytes = this.names[list[k]].bytes;
          for (let j = 0; j < n; j++) if (bytes[j] !== buf[s + j]) continue outer;
          return list[k];
        }
      }
    }
    if (this.names.length >= MAX_NAMES) bail('för många elementnamn');
    const name = ascii(buf, s, e);
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    const kind = local === 'c' ? KIND_C : local === 'row' ? KIND_ROW : local === 'mergeCell' || local === 'dataValidation' || local === 'tablePart' ? KIND_ATTRS : KIND_OTHER;
    const id = this.names.push({ bytes: buf.slice(s, e), local, kind }) - 1;
    if (n === 1) this.single[buf[s]] = id;
    else (this.byLength[n] ??= []).push(id);
    return id;
  }

  /** `</name>`; returns the position after it, or -1 when the tag is not complete yet. */
  private closeTag(buf: Uint8Array, pos: number, len: number): number {
    let p = pos + 2;
    if (p >= len) return -1;
    if (!(CHAR_CLASS[buf[p]] & NAME_START)) bail('ogiltigt sluttaggsnamn');
    const s = p;
    while (p < len && CHAR_CLASS[buf[p]] & NAME_CHAR) p++;
    const e = p;
    while (p < len && isSpace(buf[p])) p++;
    if (p >= len) return -1;
    if (buf[p] !== GT) bail('ogiltig sluttagg');
    const stack = this.stack;
    if (stack.length === 0) bail('sluttagg utan starttagg');
    const top = this.names[stack[stack.length - 1]];
    const bytes = top.bytes;
    if (bytes.length !== e - s) bail('fel sluttagg');
    for (let j = 0; j < bytes.length; j++) if (bytes[j] !== buf[s + j]) bail('fel sluttagg');
    stack.pop();
    if (stack.length === 0) this.rootClosed = true;
    this.state.close(top.local);
    return p + 1;
  }

  /** `<name attr="…" …>` or `<name …/>`; returns the position after it, or -1 when not complete yet. */
  private openTag(buf: Uint8Array, pos: number, len: number): number {
    let p = pos + 1;
    if (!(CHAR_CLASS[buf[p]] & NAME_START)) bail('ogiltigt elementnamn');
    const s = p;
    while (p < len && CHAR_CLASS[buf[p]] & NAME_CHAR) p++;
    if (p >= len) return -1;
    const e = p;
    const attrs = this.attrs;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      const before = p;
      while (p < len && isSpace(buf[p])) p++;
      if (p >= len) return -1;
      const c = buf[p];
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (p + 1 >= len) return -1;
        if (buf[p + 1] !== GT) bail('ogiltig tagg');
        p += 2;
        selfClosing = true;
        break;
      }
      if (p === before || !(CHAR_CLASS[c] & NAME_START)) bail('ogiltigt attribut');
      const an = p;
      while (p < len && CHAR_CLASS[buf[p]] & NAME_CHAR) p++;
      const ae = p;
      while (p < len && isSpace(buf[p])) p++;
      if (p >= len) return -1;
      if (buf[p] !== EQ) bail('attribut utan värde');
      p++;
      while (p < len && isSpace(buf[p])) p++;
      if (p >= len) return -1;
      const q = buf[p];
      if (q !== DQ && q !== SQ) bail('attributvärde utan citattecken');
      const vs = p + 1;
      const ve = buf.indexOf(q, vs);
      if (ve < 0) return -1;
      p = ve + 1;
      if (count === MAX_ATTRS) bail('för många attribut');
      for (let k = 0; k < count; k++) {
        if (sameBytes(buf, attrs[4 * k], attrs[4 * k + 1], an, ae)) bail('dubblerat attribut');
      }
      attrs[4 * count] = an;
      attrs[4 * count + 1] = ae;
      attrs[4 * count + 2] = vs;
      attrs[4 * count + 3] = ve;
      count++;
    }

    const id = this.nameId(buf, s, e);
    if (this.stack.length === 0 && this.rootClosed) bail('mer än ett rotelement');
    // Deeper than any real worksheet: saxes reads the part again and applies maxXmlDepth.
    if (this.stack.length >= MAX_DEPTH) bail('djup nästling');
    const el = this.names[id];
    switch (el.kind) {
      case KIND_C:
        this.openCell(buf, count);
        break;
      case KIND_ROW:
        this.openRow(buf, count);
        break;
      case KIND_ATTRS:
        this.state.open(el.local, this.attrRecord(buf, count));
        break;
      default:
        for (let k = 0; k < count; k++) this.checkAttrValue(buf, attrs[4 * k + 2], attrs[4 * k + 3]);
        this.state.open(el.local, EMPTY_ATTRS);
    }
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
      this.state.close(el.local);
    } else this.stack.push(id);
    return p;
  }

  /** Index of the attribute named exactly `name` (one or a few ASCII letters), or -1. */
  private findAttr(buf: Uint8Array, count: number, name: string): number {
    const attrs = this.attrs;
    outer: for (let k = 0; k < count; k++) {
      const an = attrs[4 * k];
      if (attrs[4 * k + 1] - an !== name.length) continue;
      for (let j = 0; j < name.length; j++) if (buf[an + j] !== name.charCodeAt(j)) continue outer;
      return k;
    }
    return -1;
  }

  private openCell(buf: Uint8Array, count: number): void {
    const attrs = this.attrs;
    let plain = true;
    for (let k = 0; k < count; k++) if (!this.checkAttrValue(buf, attrs[4 * k + 2], attrs[4 * k + 3])) plain = false;
    const r = this.findAttr(buf, count, 'r');
    const t = this.findAttr(buf, count, 't');
    const s = this.findAttr(buf, count, 's');
    let ref = 0;
    let type: string | undefined = 'n';
    let style = -1;
    if (plain) {
      if (r >= 0 && attrs[4 * r + 3] > attrs[4 * r + 2]) ref = cellRefBytes(buf, attrs[4 * r + 2], attrs[4 * r + 3]);
      if (t >= 0) type = cellType(buf, attrs[4 * t + 2], attrs[4 * t + 3]);
      if (s >= 0) style = plainIndex(buf, attrs[4 * s + 2], attrs[4 * s + 3]);
    }
    if (!plain || ref < 0 || type === undefined || (s >= 0 && style < 0)) {
      // Entities, odd types, styles or an invalid reference: the same path saxes takes.
      const value = (k: number) => (k < 0 ? undefined : this.decode(buf, attrs[4 * k + 2], attrs[4 * k + 3], true));
      this.state.openCell(value(r), value(t), value(s));
      return;
    }
    this.state.openCellAt(Math.floor(ref / 32768), ref % 32768, type, style);
  }

  private openRow(buf: Uint8Array, count: number): void {
    const attrs = this.attrs;
    let plain = true;
    for (let k = 0; k < count; k++) if (!this.checkAttrValue(buf, attrs[4 * k + 2], attrs[4 * k + 3])) plain = false;
    const r = this.findAttr(buf, count, 'r');
    if (plain && r >= 0) {
      const n = plainIndex(buf, attrs[4 * r + 2], attrs[4 * r + 3]);
      if (n >= 1 && n <= MAX_ROWS) return this.state.openRowNumber(n);
    }
    this.state.openRow(r < 0 ? undefined : this.decode(buf, attrs[4 * r + 2], attrs[4 * r + 3], true));
  }

  private attrRecord(buf: Uint8Array, count: number): Record<string, string> {
    const out = Object.create(null) as Record<string, string>;
    const attrs = this.attrs;
    for (let k = 0; k < count; k++) {
      out[ascii(buf, attrs[4 * k], attrs[4 * k + 1])] = this.decode(buf, attrs[4 * k + 2], attrs[4 * k + 3], true);
    }
    return out;
  }

  /** Text between tags: kept, read as a number, or only checked. */
  private text(buf: Uint8Array, s: number, e: number): void {
    if (this.stack.length === 0) {
      for (let i = s; i < e; i++) if (!isSpace(buf[i])) bail('text utanför rotelementet');
      return;
    }
    const state = this.state;
    if (!state.wantsText()) {
      this.checkText(buf, s, e, false);
      return;
    }
    const numeric = state.numericV();
    if (numeric !== 0) {
      const n = plainNumber(buf, s, e, numeric === 2);
      if (n === n) return state.vNumber(n);
    }
    state.text(this.decode(buf, s, e, false));
  }

  /**
   * Checks characters, entity references and (in text) `]]>`; true when the range needs no decoding
   * beyond ASCII (no entity, line break normalisation or non-ASCII byte). In attribute values a `<`
   * or a tab or line break (which saxes would normalise) hands over to saxes.
   */
  private checkText(buf: Uint8Array, s: number, e: number, attr: boolean): boolean {
    let plain = true;
    let brackets = 0;
    for (let i = s; i < e; i++) {
      const c = buf[i];
      if (c >= 0x20 && c < 0x7f) {
        if (c === AMP) {
          i = entityEnd(buf, i, e);
          plain = false;
          brackets = 0;
        } else if (c === BRACKET) brackets++;
        else {
          if (c === GT && brackets >= 2 && !attr) bail(']]> i text');
          if (c === LT) bail('< i attributvärde');
          brackets = 0;
        }
        continue;
      }
      brackets = 0;
      if (c < 0x20) {
        if (attr || (c !== 9 && c !== 10 && c !== 13)) bail('otillåtet tecken');
        if (c === CR) plain = false;
        continue;
      }
      plain = false;
      // U+FFFE and U+FFFF are not XML characters; every other valid UTF-8 sequence (and the U+FFFD a
      // decoder makes of an invalid one) is.
      if (c === 0xef && buf[i + 1] === 0xbf && (buf[i + 2] === 0xbe || buf[i + 2] === 0xbf)) bail('otillåtet tecken');
    }
    return plain;
  }

  private checkAttrValue(buf: Uint8Array, s: number, e: number): boolean {
    return this.checkText(buf, s, e, true);
  }

  /** Checked and decoded text: entities resolved, CR LF and lone CR as LF (as saxes gives it). */
  private decode(buf: Uint8Array, s: number, e: number, attr: boolean): string {
    if (this.checkText(buf, s, e, attr)) return ascii(buf, s, e);
    let out = '';
    let from = s;
    for (let i = s; i < e; i++) {
      if (buf[i] !== AMP) continue;
      out += this.raw(buf, from, i);
      const end = entityEnd(buf, i, e);
      out += entityText(buf, i + 1, end);
      from = end + 1;
      i = end;
    }
    return out + this.raw(buf, from, e);
  }

  private raw(buf: Uint8Array, s: number, e: number): string {
    if (s >= e) return '';
    const text = this.utf8.decode(buf.subarray(s, e));
    return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  }
}

function sameBytes(buf: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let j = 0; j < aEnd - a; j++) if (buf[a + j] !== buf[b + j]) return false;
  return true;
}

/** The `;` of the entity reference starting at `&` (checked to be one saxes resolves). */
function entityEnd(buf: Uint8Array, amp: number, e: number): number {
  const limit = Math.min(e, amp + 12);
  for (let i = amp + 1; i < limit; i++) {
    if (buf[i] === SEMI) {
      entityText(buf, amp + 1, i);
      return i;
    }
  }
  return bail('ogiltig entitet');
}

/** The text of the entity reference between `&` and `;`. */
function entityText(buf: Uint8Array, s: number, e: number): string {
  const name = ascii(buf, s, e);
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  if (buf[s] !== HASH) bail('okänd entitet');
  const code = /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : /^#x[0-9A-Fa-f]+$/.test(name) ? parseInt(name.slice(2), 16) : NaN;
  if (!isXmlChar(code)) bail('ogiltig teckenreferens');
  return String.fromCodePoint(code);
}
