/**
 * Looking inside an .xlsx package the way Excel would: parts by sheet name, cells with their
 * type attribute and formula, hyperlinks and comments. exceljs drops internal hyperlinks
 * (`location=`) when it reads, so links and cell types are read from the XML here.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import * as path from 'node:path';

export type Parts = Record<string, Uint8Array>;

export function readParts(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function partText(parts: Parts, name: string): string {
  const p = parts[name];
  if (!p) throw new Error(`package has no part ${name}`);
  return strFromU8(p);
}

interface El {
  name: string;
  attrs: Record<string, string>;
}

/** Calls `open` for every element and `text` for character data, with the stack of open elements. */
function walk(xml: string, open: (el: El, stack: El[]) => void, text?: (t: string, stack: El[]) => void, close?: (el: El, stack: El[]) => void): void {
  const parser = new SaxesParser();
  const stack: El[] = [];
  parser.on('opentag', (tag) => {
    const el = { name: tag.name.replace(/^.*:/, ''), attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])) };
    open(el, stack);
    stack.push(el);
    if (tag.isSelfClosing) {
      const el = stack.pop()!;
      close?.(el, stack);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const el = stack.pop()!;
    close?.(el, stack);
  });
  if (text) {
    parser.on('text', (t) => text(t, stack));
    parser.on('cdata', (t) => text(t, stack));
  }
  parser.write(xml).close();
}

function relsOf(parts: Parts, part: string): { id: string; type: string; target: string }[] {
  const relsName = path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
  if (!parts[relsName]) return [];
  const out: { id: string; type: string; target: string }[] = [];
  walk(partText(parts, relsName), (el) => {
    if (el.name !== 'Relationship' || el.attrs.TargetMode === 'External') return;
    const target = el.attrs.Target.startsWith('/') ? el.attrs.Target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), el.attrs.Target));
    out.push({ id: el.attrs.Id, type: el.attrs.Type, target });
  });
  return out;
}

/** Sheet names in workbook order with their worksheet part. */
export function sheetParts(parts: Parts): { name: string; part: string }[] {
  const workbook = Object.keys(parts).find((p) => /^xl\/workbook\d*\.xml$/.test(p)) ?? 'xl/workbook.xml';
  const rels = relsOf(parts, workbook);
  const out: { name: string; part: string }[] = [];
  walk(partText(parts, workbook), (el) => {
    if (el.name !== 'sheet') return;
    const rId = Object.entries(el.attrs).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = rels.find((r) => r.id === rId);
    if (rel) out.push({ name: el.attrs.name, part: rel.target });
  });
  return out;
}

export function sheetPart(parts: Parts, sheetName: string): string {
  const hit = sheetParts(parts).find((s) => s.name === sheetName);
  if (!hit) throw new Error(`no sheet named ${sheetName}`);
  return hit.part;
}

export function sharedStrings(parts: Parts): string[] {
  const name = Object.keys(parts).find((p) => /^xl\/sharedStrings\d*\.xml$/.test(p));
  if (!name) return [];
  const out: string[] = [];
  walk(
    partText(parts, name),
    (el, stack) => {
      if (el.name === 'si' && stack.length === 1) out.push('');
    },
    (t, stack) => {
      const top = stack[stack.length - 1];
      // Phonetic runs (<rPh>) are not part of the value.
      if (top?.name === 't' && !stack.some((e) => e.name === 'rPh')) out[out.length - 1] += t;
    },
  );
  return out;
}

export interface CellXml {
  ref: string;
  /** The t attribute, or null for a number (or an empty styled cell). */
  t: string | null;
  hasFormula: boolean;
  /** The text a person sees: shared strings resolved, inline strings joined. */
  text: string;
}

export function sheetCells(parts: Parts, sheetName: string): CellXml[] {
  const strings = sharedStrings(parts);
  const cells: CellXml[] = [];
  let current: CellXml | null = null;
  let v = '';
  walk(
    partText(parts, sheetPart(parts, sheetName)),
    (el) => {
      if (el.name === 'c') {
        current = { ref: el.attrs.r, t: el.attrs.t ?? null, hasFormula: false, text: '' };
        v = '';
      } else if (el.name === 'f' && current) current.hasFormula = true;
    },
    (t, stack) => {
      const top = stack[stack.length - 1]?.name;
      if (current && (top === 'v' || top === 't')) v += t;
    },
    (el) => {
      if (el.name !== 'c' || !current) return;
      current.text = current.t === 's' ? strings[Number(v)] ?? '' : v;
      cells.push(current);
      current = null;
    },
  );
  return cells;
}

/** Count of <f> elements in a sheet. */
export function formulaCount(parts: Parts, sheetName: string): number {
  let n = 0;
  walk(partText(parts, sheetPart(parts, sheetName)), (el) => {
    if (el.name === 'f') n++;
  });
  return n;
}

export function hyperlinks(parts: Parts, sheetName: string): { ref: string; location: string | null }[] {
  const out: { ref: string; location: string | null }[] = [];
  walk(partText(parts, sheetPart(parts, sheetName)), (el) => {
    if (el.name === 'hyperlink') out.push({ ref: el.attrs.ref, location: el.attrs.location ?? null });
  });
  return out;
}

/** The comments (notes) of a sheet: cell ref → the note's plain text. */
export function comments(parts: Parts, sheetName: string): Map<string, string> {
  const rel = relsOf(parts, sheetPart(parts, sheetName)).find((r) => r.type.endsWith('/comments'));
  const out = new Map<string, string>();
  if (!rel) return out;
  let ref: string | null = null;
  walk(
    partText(parts, rel.target),
    (el) => {
      if (el.name === 'comment') {
        ref = el.attrs.ref;
        out.set(ref, '');
      }
    },
    (t, stack) => {
      if (ref && stack[stack.length - 1]?.name === 't') out.set(ref, out.get(ref)! + t);
    },
    (el) => {
      if (el.name === 'comment') ref = null;
    },
  );
  return out;
}
