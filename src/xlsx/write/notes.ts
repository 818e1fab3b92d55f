/**
 * Notes on marked cells as legacy comments with their VML shapes, merged with the comments a
 * sheet already has. Styrkoll's own comments have the author "Styrkoll"; text added to a user's
 * comment is one run starting with NOTE_MARKER, so both can be taken out again exactly.
 */
import { parseA1 } from './cell-ref';
import { addRel, CONTENT_TYPES, ensureDefault, isRelType, readRels, relType, removeOverride, removeRels, setOverride } from './rels';
import type { SheetEditor, TopElement } from './sheet-edit';
import { child, children, parseXml, tElement, XmlEdit, type XmlNode } from './xml-tree';
import { dirOf, relativeTarget, relsPartOf, type ZipPackage } from './zip-package';

export const NOTE_AUTHOR = 'Styrkoll';
export const NOTE_MARKER = '\n\nStyrkoll: ';

export type NoteKind = 'own' | 'appended' | 'appended-wrapped';

export interface NoteRecord {
  ref: string;
  kind: NoteKind;
}

export interface CreatedParts {
  comments?: string;
  vml?: string;
}

interface SheetCtx {
  pkg: ZipPackage;
  sheetPart: string;
  editor: SheetEditor;
  strict: boolean;
  mainNs: string;
  relNs: string;
  workbookPart: string;
}

const RPR = '<rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>';
const RPR_BOLD = '<rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>';

function legacyDrawingPart(ctx: SheetCtx): { node: TopElement; part: string | null; rId: string } | null {
  const node = ctx.editor.element('legacyDrawing');
  if (!node) return null;
  const rId = Object.entries(node.attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
  const rel = readRels(ctx.pkg, ctx.sheetPart).find((r) => r.id === rId);
  return { node, part: rel?.part ?? null, rId };
}

function commentsPart(ctx: SheetCtx): string | null {
  return readRels(ctx.pkg, ctx.sheetPart).find((r) => isRelType(r.type, 'comments'))?.part ?? null;
}

export function addNotes(ctx: SheetCtx, notes: { ref: string; text: string }[]): { records: NoteRecord[]; created: CreatedParts } {
  const { pkg } = ctx;
  const created: CreatedParts = {};
  let cPart = commentsPart(ctx);
  if (!cPart || !pkg.has(cPart)) {
    cPart = pkg.uniqueName(`${dirOf(ctx.workbookPart)}comments`, '.xml');
    pkg.setText(cPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${ctx.mainNs}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList></commentList></comments>`);
    setOverride(pkg, cPart, CONTENT_TYPES.comments);
    addRel(pkg, ctx.sheetPart, relType('comments', ctx.strict), relativeTarget(ctx.sheetPart, cPart));
    created.comments = cPart;
  }
  let vml = legacyDrawingPart(ctx)?.part ?? null;
  if (!vml || !pkg.has(vml)) {
    vml = pkg.uniqueName(`${dirOf(ctx.workbookPart)}drawings/vmlDrawing`, '.vml');
    pkg.setText(vml, newVml(nextIdBlock(pkg)));
    ensureDefault(pkg, 'vml', CONTENT_TYPES.vml);
    const rId = addRel(pkg, ctx.sheetPart, relType('vmlDrawing', ctx.strict), relativeTarget(ctx.sheetPart, vml));
    ctx.editor.insertLegacyDrawing(rId, ctx.relNs);
    created.vml = vml;
  }

  const text = pkg.text(cPart)!;
  const root = parseXml(text, cPart);
  const e = new XmlEdit(text);
  const authors = child(root, 'authors');
  const authorList = authors ? children(authors, 'author') : [];
  let authorId = authorList.findIndex((a) => a.text === NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authorList.length;
    if (authors) e.appendInside(authors, `<author>${NOTE_AUTHOR}</author>`);
    else e.insert(root.openEnd, `<authors><author>${NOTE_AUTHOR}</author></authors>`);
  }
  const list = child(root, 'commentList');
  const existing = new Map((list ? children(list, 'comment') : []).map((c) => [(c.attrs.ref ?? '').toUpperCase(), c]));
  const records: NoteRecord[] = [];
  const newComments: string[] = [];
  const shapes: string[] = [];
  let shapeId = nextShapeId(pkg.text(vml)!);
  for (const note of notes) {
    const user = existing.get(note.ref);
    if (user) {
      const body = child(user, 'text');
      if (!body) continue;
      const run = `<r>${RPR}${tElement(NOTE_MARKER + note.text)}</r>`;
      const bare = children(body, 't')[0];
      if (bare && children(body, 'r').length === 0) {
        e.replace(bare.start, bare.end, `<r>${text.slice(bare.start, bare.end)}</r>${run}`);
        records.push({ ref: note.ref, kind: 'appended-wrapped' });
      } else {
        e.appendInside(body, run);
        records.push({ ref: note.ref, kind: 'appended' });
      }
      continue;
    }
    newComments.push(`<comment ref="${note.ref}" authorId="${authorId}"><text><r>${RPR_BOLD}<t>${NOTE_AUTHOR}:</t></r><r>${RPR}${tElement(`\n${note.text}`)}</r></text></comment>`);
    shapes.push(shapeXml(shapeId++, note.ref, note.text));
    records.push({ ref: note.ref, kind: 'own' });
  }
  if (newComments.length) {
    if (list) e.appendInside(list, newComments.join(''));
    else e.appendInside(root, `<commentList>${newComments.join('')}</commentList>`);
  }
  pkg.setText(cPart, e.apply());
  if (shapes.length) {
    const v = pkg.text(vml)!;
    const withType = /_x0000_t202/.test(v) ? v : v.replace(/<\/xml>\s*$/, `${SHAPETYPE}</xml>`);
    pkg.setText(vml, withType.replace(/<\/xml>\s*$/, `${shapes.join('')}</xml>`));
  }
  return { records, created };
}

/**
 * Takes Styrkoll's notes out again. Parts Styrkoll created are deleted once empty, unless
 * `keepParts` (the sheet is marked again right away, so the parts are reused in place).
 */
export function removeNotes(ctx: SheetCtx, records: NoteRecord[], created: CreatedParts, keepParts = false): void {
  const { pkg } = ctx;
  const cPart = commentsPart(ctx);
  if (!cPart || !pkg.has(cPart)) return;
  const text = pkg.text(cPart)!;
  const root = parseXml(text, cPart);
  const e = new XmlEdit(text);
  const authorList = children(child(root, 'authors') ?? root, 'author');
  const list = child(root, 'commentList');
  const comments = list ? children(list, 'comment') : [];
  const removedCells: string[] = [];
  let remaining = comments.length;
  const byRef = new Map<string, XmlNode>();
  for (const c of comments) {
    const ref = (c.attrs.ref ?? '').toUpperCase();
    if (!byRef.has(ref)) byRef.set(ref, c);
  }
  for (const rec of records) {
    const c = byRef.get(rec.ref);
    if (!c) continue;
    if (rec.kind === 'own') {
      if (authorList[Number(c.attrs.authorId)]?.text !== NOTE_AUTHOR) continue;
      e.remove(c);
      remaining--;
      removedCells.push(rec.ref);
      continue;
    }
    const body = child(c, 'text');
    const runs = body ? children(body, 'r') : [];
    const ours = runs.filter((r) => (child(r, 't')?.text ?? '').replace(/\r\n/g, '\n').startsWith(NOTE_MARKER));
    ours.forEach((r) => e.remove(r));
    const left = runs.filter((r) => !ours.includes(r));
    if (rec.kind === 'appended-wrapped' && ours.length && left.length === 1 && !child(left[0], 'rPr')) {
      const t = child(left[0], 't');
      if (t) e.replace(left[0].start, left[0].end, text.slice(t.start, t.end));
    }
  }
  // Styrkoll's author entry goes too when it is the last one and nothing refers to it any more.
  const ownAuthor = authorList.length - 1;
  if (!keepParts && authorList[ownAuthor]?.text === NOTE_AUTHOR) {
    const removedNodes = new Set(records.filter((r) => r.kind === 'own').map((r) => r.ref));
    const used = comments.some((c) => Number(c.attrs.authorId) === ownAuthor && !removedNodes.has((c.attrs.ref ?? '').toUpperCase()));
    if (!used) e.remove(authorList[ownAuthor]);
  }
  const emptied = !keepParts && remaining === 0 && created.comments === cPart;
  if (emptied) {
    pkg.remove(cPart);
    removeOverride(pkg, cPart);
    removeRels(pkg, ctx.sheetPart, (r) => r.part === cPart);
  } else {
    pkg.setText(cPart, e.apply());
  }
  const drawing = legacyDrawingPart(ctx);
  if (!drawing?.part || !pkg.has(drawing.part)) return;
  let vml = pkg.text(drawing.part)!;
  if (removedCells.length) {
    // One pass over the shapes: a note shape goes when its (0-based) row and column is a removed cell.
    const removed = new Set(removedCells.map((ref) => {
      const { row, col } = parseA1(ref);
      return `${row - 1},${col - 1}`;
    }));
    vml = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
      if (!/ObjectType\s*=\s*["']Note["']/.test(shape)) return shape;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
      return row !== undefined && col !== undefined && removed.has(`${Number(row)},${Number(col)}`) ? '' : shape;
    });
  }
  if (emptied && created.vml === drawing.part && !/<v:shape\b/.test(vml)) {
    pkg.remove(drawing.part);
    removeRels(pkg, ctx.sheetPart, (r) => r.id === drawing.rId);
    ctx.editor.removeElement(drawing.node);
  } else {
    pkg.setText(drawing.part, vml);
  }
  if (!readRels(pkg, ctx.sheetPart).length) pkg.remove(relsPartOf(ctx.sheetPart));
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVml(block: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

/** Each VML drawing owns a block of 1024 shape ids (o:idmap); a new drawing takes a free block. */
function nextIdBlock(pkg: ZipPackage): number {
  let max = 0;
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    const m = /<o:idmap[^>]*data="([^"]*)"/.exec(pkg.text(name) ?? '');
    for (const n of (m?.[1] ?? '').split(',')) if (Number(n) > max) max = Number(n);
  }
  return max + 1;
}

function nextShapeId(vml: string): number {
  let max = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const block = Number(/<o:idmap[^>]*data="(\d+)/.exec(vml)?.[1] ?? 1);
  return Math.max(max + 1, block * 1024 + 1);
}

function shapeXml(id: number, ref: string, text: string): string {
  const { row, col } = parseA1(ref);
  const lines = Math.min(12, text.split('\n').length + Math.ceil(text.length / 40));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:${20 + lines * 12}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 15, ${Math.max(0, row - 2)}, 10, ${col + 4}, 15, ${row + 4}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

