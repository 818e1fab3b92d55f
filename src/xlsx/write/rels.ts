/** Relationship parts and [Content_Types].xml: read, add and remove entries by string splices. */
import { children, escapeAttr, parseXml, XmlEdit, type XmlNode } from './xml-tree';
import { relsPartOf, resolveTarget, type ZipPackage } from './zip-package';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Resolved part name for internal targets. */
  part: string | null;
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Relationship types; `strict` packages use the purl.oclc.org variants. */
export function relType(kind: string, strict: boolean): string {
  return strict
    ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}`
    : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
}

export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/relationships/${kind}`);
}

export function readRels(pkg: ZipPackage, sourcePart: string): Relationship[] {
  const text = pkg.text(relsPartOf(sourcePart));
  if (!text) return [];
  const root = parseXml(text, relsPartOf(sourcePart));
  return children(root, 'Relationship').map((n) => toRel(n, sourcePart));
}

function toRel(n: XmlNode, sourcePart: string): Relationship {
  const external = n.attrs.TargetMode === 'External';
  const target = n.attrs.Target ?? '';
  let part: string | null = null;
  if (!external) {
    try {
      part = resolveTarget(sourcePart, target);
    } catch {
      part = null;
    }
  }
  return { id: n.attrs.Id ?? '', type: n.attrs.Type ?? '', target, external, part };
}

/** Adds a relationship and returns its id (unique within the part, e.g. "rId7"). */
export function addRel(pkg: ZipPackage, sourcePart: string, type: string, target: string, external = false): string {
  const relsName = relsPartOf(sourcePart);
  const text = pkg.text(relsName) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const root = parseXml(text, relsName);
  const used = new Set(children(root, 'Relationship').map((n) => n.attrs.Id));
  let i = 1;
  while (used.has(`rId${i}`)) i++;
  const id = `rId${i}`;
  const edit = new XmlEdit(text);
  edit.appendInside(root, `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`);
  pkg.setText(relsName, edit.apply());
  return id;
}

/** Removes relationships matching `pred`; deletes the rels part when nothing is left and it is not the package's own. */
export function removeRels(pkg: ZipPackage, sourcePart: string, pred: (r: Relationship) => boolean): Relationship[] {
  const relsName = relsPartOf(sourcePart);
  const text = pkg.text(relsName);
  if (!text) return [];
  const root = parseXml(text, relsName);
  const edit = new XmlEdit(text);
  const removed: Relationship[] = [];
  const all = children(root, 'Relationship');
  for (const n of all) {
    const r = toRel(n, sourcePart);
    if (pred(r)) {
      edit.remove(n);
      removed.push(r);
    }
  }
  if (removed.length === 0) return removed;
  if (removed.length === all.length && relsName !== '_rels/.rels') pkg.remove(relsName);
  else pkg.setText(relsName, edit.apply());
  return removed;
}

const CT = '[Content_Types].xml';

export function setOverride(pkg: ZipPackage, part: string, contentType: string): void {
  const text = pkg.text(CT) ?? '';
  const root = parseXml(text, CT);
  const edit = new XmlEdit(text);
  const existing = children(root, 'Override').find((n) => (n.attrs.PartName ?? '').toLowerCase() === `/${part}`.toLowerCase());
  if (existing) {
    if (existing.attrs.ContentType === contentType) return;
    edit.setAttr(existing, 'ContentType', contentType);
  } else {
    edit.appendInside(root, `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`);
  }
  pkg.setText(CT, edit.apply());
}

export function ensureDefault(pkg: ZipPackage, extension: string, contentType: string): void {
  const text = pkg.text(CT) ?? '';
  const root = parseXml(text, CT);
  if (children(root, 'Default').some((n) => (n.attrs.Extension ?? '').toLowerCase() === extension)) return;
  const edit = new XmlEdit(text);
  const first = root.children[0];
  const entry = `<Default Extension="${extension}" ContentType="${escapeAttr(contentType)}"/>`;
  if (first) edit.insert(first.start, entry);
  else edit.appendInside(root, entry);
  pkg.setText(CT, edit.apply());
}

export function removeOverride(pkg: ZipPackage, part: string): void {
  const text = pkg.text(CT);
  if (!text) return;
  const root = parseXml(text, CT);
  const hit = children(root, 'Override').filter((n) => (n.attrs.PartName ?? '').toLowerCase() === `/${part}`.toLowerCase());
  if (hit.length === 0) return;
  const edit = new XmlEdit(text);
  hit.forEach((n) => edit.remove(n));
  pkg.setText(CT, edit.apply());
}

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  xml: 'application/xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  coreProps: 'application/vnd.openxmlformats-package.core-properties+xml',
  appProps: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;
