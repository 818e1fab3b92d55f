/**
 * XML scanning over UTF-8 bytes, for parts too large to parse into a tree (a worksheet can hold
 * hundreds of MB of XML). Markup is ASCII in UTF-8, so tags and attributes are found on the bytes
 * directly; edits are splices on the original bytes, so everything else keeps its exact bytes.
 */
import { StyrkollError } from '../../common/errors';
import { readErrors } from '../read/errors';

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QM = 63;
const DQ = 34;
const SQ = 39;
const EQ = 61;

export interface Tag {
  /** Qualified name as written, e.g. "x:row". */
  name: string;
  local: string;
  /** Offset of "<". */
  start: number;
  /** Offset just after ">". */
  openEnd: number;
  selfClosing: boolean;
  /** An end tag ("</row>"). */
  close: boolean;
}

export interface AttrSpan {
  name: string;
  /** Offset of the whitespace before the name (removing [from, valueEnd + 1) removes the attribute). */
  from: number;
  valueStart: number;
  /** Offset of the closing quote. */
  valueEnd: number;
}

export const brokenXml = (part: string) =>
  new StyrkollError('TRASIG_XML', `Arbetsboken har en trasig del (${part}) och kan inte skrivas; öppna och spara den i Excel först.`);

const isSpace = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;

function ascii(src: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(src[i]);
  return s;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function decodeBytes(src: Uint8Array, from: number, to: number): string {
  if (to - from < 64) {
    let i = from;
    while (i < to && src[i] < 0x80) i++;
    if (i === to) return ascii(src, from, to);
  }
  return utf8.decode(src.subarray(from, to));
}

/** Offset of `seq` (ASCII) at or after `from`, or -1. */
export function indexOfSeq(src: Uint8Array, seq: string, from: number): number {
  const first = seq.charCodeAt(0);
  for (let i = src.indexOf(first, from); i >= 0; i = src.indexOf(first, i + 1)) {
    let k = 1;
    while (k < seq.length && src[i + k] === seq.charCodeAt(k)) k++;
    if (k === seq.length) return i;
  }
  return -1;
}

/** The next "<": a plain loop, as the next tag is usually a few bytes away (a native indexOf call costs more). */
function nextLt(src: Uint8Array, from: number): number {
  const n = src.length;
  for (let i = from; i < n; i++) if (src[i] === LT) return i;
  return -1;
}

/** The next start or end tag at or after `pos`; comments, CDATA, processing instructions and doctype are skipped. */
export function nextTag(src: Uint8Array, pos: number, part: string): Tag | null {
  for (let i = nextLt(src, pos); i >= 0; i = nextLt(src, i + 1)) {
    const b = src[i + 1];
    if (b === BANG || b === QM) {
      // As everywhere else: a DOCTYPE is refused, never skipped (68 = "D").
      if (b === BANG && src[i + 2] === 68) throw readErrors.doctype(part);
      const end =
        b === QM ? indexOfSeq(src, '?>', i + 2)
        : src[i + 2] === 45 && src[i + 3] === 45 ? indexOfSeq(src, '-->', i + 4)
        : src[i + 2] === 91 ? indexOfSeq(src, ']]>', i + 3)
        : src.indexOf(GT, i);
      if (end < 0) throw brokenXml(part);
      i = end;
      continue;
    }
    const close = b === SLASH;
    const nameStart = close ? i + 2 : i + 1;
    let j = nameStart;
    while (j < src.length && !isSpace(src[j]) && src[j] !== GT && src[j] !== SLASH) j++;
    let k = j;
    while (k < src.length && src[k] !== GT) {
      if (src[k] === DQ || src[k] === SQ) {
        k = src.indexOf(src[k], k + 1);
        if (k < 0) throw brokenXml(part);
      }
      k++;
    }
    if (k >= src.length || j === nameStart) throw brokenXml(part);
    const name = ascii(src, nameStart, j);
    const colon = name.indexOf(':');
    return { name, local: colon >= 0 ? name.slice(colon + 1) : name, start: i, openEnd: k + 1, selfClosing: !close && src[k - 1] === SLASH, close };
  }
  return null;
}

/** Offset just after the element that `tag` starts, and of its end tag. */
export function skipElement(src: Uint8Array, tag: Tag, part: string): { closeStart: number; end: number } {
  if (tag.selfClosing) return { closeStart: tag.openEnd, end: tag.openEnd };
  let depth = 0;
  for (let t = nextTag(src, tag.openEnd, part); t; t = nextTag(src, t.openEnd, part)) {
    if (!t.close) {
      if (!t.selfClosing) depth++;
    } else if (depth-- === 0) {
      if (t.name !== tag.name) throw brokenXml(part);
      return { closeStart: t.start, end: t.openEnd };
    }
  }
  throw brokenXml(part);
}

/**
 * Offset of the end tag `</name>` at or after `from`, found by its last letter (fast on rows: a
 * "w" is rare in worksheet markup). Only for elements that cannot contain themselves.
 */
export function findEndTag(src: Uint8Array, name: string, from: number): number {
  const last = name.charCodeAt(name.length - 1);
  for (let i = src.indexOf(last, from); i >= 0; i = src.indexOf(last, i + 1)) {
    const start = i - name.length - 1;
    if (start < from || src[start] !== LT || src[start + 1] !== SLASH) continue;
    const after = src[i + 1];
    if (after !== GT && !isSpace(after)) continue;
    let k = 0;
    while (k < name.length - 1 && src[start + 2 + k] === name.charCodeAt(k)) k++;
    if (k === name.length - 1) return start;
  }
  return -1;
}

export function attrSpans(src: Uint8Array, tag: Tag, part: string): AttrSpan[] {
  const out: AttrSpan[] = [];
  let k = tag.start + 1 + tag.name.length;
  const end = tag.openEnd - 1;
  for (;;) {
    const from = k;
    while (k < end && isSpace(src[k])) k++;
    if (k >= end || src[k] === SLASH) return out;
    const nameStart = k;
    while (k < end && src[k] !== EQ && !isSpace(src[k])) k++;
    const name = ascii(src, nameStart, k);
    while (k < end && isSpace(src[k])) k++;
    if (src[k] !== EQ) throw brokenXml(part);
    k++;
    while (k < end && isSpace(src[k])) k++;
    const q = src[k];
    if (q !== DQ && q !== SQ) throw brokenXml(part);
    const valueEnd = src.indexOf(q, k + 1);
    if (valueEnd < 0 || valueEnd > end) throw brokenXml(part);
    out.push({ name, from, valueStart: k + 1, valueEnd });
    k = valueEnd + 1;
  }
}

export function attrsOf(src: Uint8Array, tag: Tag, part: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of attrSpans(src, tag, part)) attrs[a.name] = unescapeXml(decodeBytes(src, a.valueStart, a.valueEnd));
  return attrs;
}

function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'"
    : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** Splices on bytes, applied at once (offsets refer to the original bytes). */
export class ByteEdit {
  private readonly splices: { from: number; to: number; text: string; seq: number }[] = [];

  replace(from: number, to: number, text: string): void {
    this.splices.push({ from, to, text, seq: this.splices.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.splices.length;
  }

  apply(src: Uint8Array): Uint8Array {
    if (this.splices.length === 0) return src;
    const sorted = [...this.splices].sort((a, b) => a.from - b.from || a.to - b.to || a.seq - b.seq);
    const texts = sorted.map((s) => encoder.encode(s.text));
    let length = src.length;
    sorted.forEach((s, i) => (length += texts[i].length - (s.to - s.from)));
    const out = new Uint8Array(length);
    let pos = 0;
    let at = 0;
    sorted.forEach((s, i) => {
      if (s.from < pos) throw new Error(`overlapping XML edits at ${s.from}`);
      out.set(src.subarray(pos, s.from), at);
      at += s.from - pos;
      out.set(texts[i], at);
      at += texts[i].length;
      pos = s.to;
    });
    out.set(src.subarray(pos), at);
    return out;
  }
}

/** Sets, replaces or (value null) removes an attribute of a start tag, keeping its quotes and spacing. */
export function setAttrEdit(e: ByteEdit, src: Uint8Array, tag: Tag, name: string, value: string | null, part: string): void {
  const span = attrSpans(src, tag, part).find((a) => a.name === name);
  if (span) {
    if (value === null) e.replace(span.from, span.valueEnd + 1, '');
    else e.replace(span.valueStart, span.valueEnd, escapeAttrValue(value));
  } else if (value !== null) {
    e.insert(tag.openEnd - (tag.selfClosing ? 2 : 1), ` ${name}="${escapeAttrValue(value)}"`);
  }
}

function escapeAttrValue(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
