/**
 * A light element tree with source offsets, built with saxes. Edits are made as splices on the
 * original text, so everything the writer does not touch keeps its exact bytes.
 */
import { SaxesParser } from 'saxes';
import { isStyrkollError, StyrkollError } from '../../common/errors';
import { readErrors } from '../read/errors';
import { DEFAULT_LIMITS } from '../read/options';

export interface XmlNode {
  /** Qualified name as written, e.g. "x:row". */
  name: string;
  /** Local name without prefix. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlNode | null;
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of "<" of the end tag (equals `end` for a self-closing element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  /** Concatenated text of direct text children (entities decoded). */
  text: string;
}

/** Parses a part into a tree; as in the reader, a DOCTYPE and nesting deeper than `maxDepth` are refused. */
export function parseXml(source: string, partName: string, maxDepth = DEFAULT_LIMITS.maxXmlDepth): XmlNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlNode = node('#document', {}, null, 0, 0);
  let current = root;
  let depth = 0;
  let failed: Error | null = null;
  parser.on('error', (e) => {
    failed ??= e;
  });
  parser.on('doctype', () => {
    throw readErrors.doctype(partName);
  });
  parser.on('opentag', (tag) => {
    if (++depth > maxDepth) throw readErrors.tooDeep(partName, maxDepth);
    const end = parser.position;
    const start = source.lastIndexOf('<', end - 1);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = String(v);
    const n = node(tag.name, attrs, current, start, end);
    n.selfClosing = tag.isSelfClosing;
    current.children.push(n);
    current = n;
  });
  parser.on('closetag', () => {
    depth--;
    const n = current;
    n.end = parser.position;
    n.closeStart = n.selfClosing ? n.end : source.lastIndexOf('<', n.end - 1);
    current = n.parent ?? root;
  });
  parser.on('text', (t) => {
    current.text += t;
  });
  parser.on('cdata', (t) => {
    current.text += t;
  });
  try {
    parser.write(source).close();
  } catch (e) {
    if (isStyrkollError(e)) throw e;
    failed ??= e as Error;
  }
  if (failed || !root.children[0]) {
    throw new StyrkollError('TRASIG_XML', `Arbetsboken har en trasig del (${partName}) och kan inte skrivas; öppna och spara den i Excel först.`);
  }
  root.end = source.length;
  return root.children[0];
}

function node(name: string, attrs: Record<string, string>, parent: XmlNode | null, start: number, openEnd: number): XmlNode {
  const colon = name.indexOf(':');
  return { name, local: colon >= 0 ? name.slice(colon + 1) : name, attrs, children: [], parent, start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: false, text: '' };
}

export function child(n: XmlNode, local: string): XmlNode | undefined {
  return n.children.find((c) => c.local === local);
}

export function children(n: XmlNode, local: string): XmlNode[] {
  return n.children.filter((c) => c.local === local);
}

/** The namespace prefix of a node ("x:" or ""), to write new siblings the same way. */
export function prefixOf(n: XmlNode): string {
  const colon = n.name.indexOf(':');
  return colon >= 0 ? n.name.slice(0, colon + 1) : '';
}

/** Collects splices and applies them at once (offsets refer to the original text). */
export class XmlEdit {
  private readonly splices: { from: number; to: number; text: string; seq: number }[] = [];

  constructor(readonly source: string) {}

  replace(from: number, to: number, text: string): void {
    this.splices.push({ from, to, text, seq: this.splices.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  remove(n: XmlNode): void {
    this.replace(n.start, n.end, '');
  }

  /** Replaces or adds an attribute on an element's start tag (null removes it). */
  setAttr(n: XmlNode, name: string, value: string | null): void {
    const tag = this.source.slice(n.start, n.openEnd);
    const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
    const m = re.exec(tag);
    if (m) {
      this.replace(n.start + m.index, n.start + m.index + m[0].length, value === null ? '' : ` ${name}="${escapeAttr(value)}"`);
    } else if (value !== null) {
      const at = n.openEnd - (n.selfClosing ? 2 : 1);
      this.insert(at, ` ${name}="${escapeAttr(value)}"`);
    }
  }

  /** Appends content inside an element; a self-closing element is opened up. */
  appendInside(n: XmlNode, text: string): void {
    if (n.selfClosing) {
      // Only the "/>" is replaced, so an attribute set on the same start tag (a count) does not overlap.
      this.replace(n.openEnd - 2, n.end, `>${text}</${n.name}>`);
    } else {
      this.insert(n.closeStart, text);
    }
  }

  apply(): string {
    const sorted = [...this.splices].sort((a, b) => a.from - b.from || a.to - b.to || a.seq - b.seq);
    let out = '';
    let pos = 0;
    for (const s of sorted) {
      if (s.from < pos) throw new Error(`overlapping XML edits at ${s.from}`);
      out += this.source.slice(pos, s.from) + s.text;
      pos = s.to;
    }
    return out + this.source.slice(pos);
  }
}

// XML 1.0 forbids most control characters even as references; Excel encodes them as _xHHHH_.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for XML; control characters XML 1.0 forbids are dropped (cell text keeps them via ooxmlText). */
export function escapeText(s: string): string {
  return s.replace(CONTROL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * Text for a cell or comment run: literal "_xHHHH_" is protected (Excel would decode it) and
 * forbidden control characters are written the way Excel does.
 */
export function ooxmlText(s: string): string {
  return escapeText(
    s
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

/** A `<t>` element, preserving leading/trailing spaces and line breaks. */
export function tElement(s: string, prefix = ''): string {
  const preserve = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${preserve}>${ooxmlText(s)}</${prefix}t>`;
}

/**
 * Inserts `text` as a child of `root` where the schema's sequence `order` wants element `local`:
 * after the last existing child that must precede it (unknown children such as
 * mc:AlternateContent are left where they are).
 */
export function insertAfterPredecessor(root: XmlNode, edit: XmlEdit, order: readonly string[], local: string, text: string): void {
  const rank = order.indexOf(local);
  const before = [...root.children].reverse().find((c) => order.includes(c.local) && order.indexOf(c.local) < rank);
  if (before) edit.insert(before.end, text);
  else if (root.selfClosing) edit.appendInside(root, text);
  else edit.insert(root.openEnd, text);
}
