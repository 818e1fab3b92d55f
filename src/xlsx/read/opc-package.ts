/** The OPC layer: parts by name, relationships, and where the workbook part is. */
import { readErrors } from './errors';
import type { ReadLimits } from './options';
import { parseXmlEntry, streamEntry, streamEntryAsync, type AsyncInflater, type XmlHandlers } from './xml-part';
import type { ZipDirectory } from './zip-directory';

export interface Relationship {
  id: string;
  /** Relationship type URI (transitional or strict; compare with `relType`). */
  type: string;
  /** Resolved part name, or the raw target for external relationships. */
  target: string;
  external: boolean;
}

/** True when a relationship type URI ends with this short type, e.g. "worksheet". */
export function relType(rel: Relationship, short: string): boolean {
  return rel.type.endsWith('/' + short);
}

export class OpcPackage {
  constructor(
    readonly bytes: Uint8Array,
    readonly zip: ZipDirectory,
    readonly limits: ReadLimits,
  ) {}

  has(part: string): boolean {
    return this.zip.get(part) !== undefined;
  }

  parseXml(part: string, handlers: XmlHandlers): void {
    const entry = this.zip.get(part);
    if (!entry) throw readErrors.missingPart(part);
    parseXmlEntry(this.bytes, entry, this.limits, handlers);
  }

  /** Feeds a part's uncompressed bytes to `sink` chunk by chunk (with the same checks as parseXml). */
  streamPart(part: string, sink: (chunk: Uint8Array) => void): void {
    const entry = this.zip.get(part);
    if (!entry) throw readErrors.missingPart(part);
    streamEntry(this.bytes, entry, this.limits, sink);
  }

  /** streamPart with a platform inflater. */
  async streamPartAsync(part: string, inflate: AsyncInflater, sink: (chunk: Uint8Array) => void): Promise<void> {
    const entry = this.zip.get(part);
    if (!entry) throw readErrors.missingPart(part);
    await streamEntryAsync(this.bytes, entry, this.limits, inflate, sink);
  }

  /** A small part as text (e.g. an ODF `mimetype`); null when absent or too big to be what we look for. */
  readSmallText(part: string, maxBytes: number): string | null {
    const entry = this.zip.get(part);
    if (!entry || entry.size > maxBytes) return null;
    const chunks: Uint8Array[] = [];
    streamEntry(this.bytes, entry, this.limits, (c) => chunks.push(c.slice()));
    const decoder = new TextDecoder('utf-8');
    return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
  }

  /** The relationships of a part; none when its .rels part is missing. */
  rels(part: string): Relationship[] {
    const relsPart = relsPartName(part);
    if (!this.has(relsPart)) return [];
    const out: Relationship[] = [];
    this.parseXml(relsPart, {
      open(name, attrs) {
        if (name !== 'Relationship') return;
        const external = (attrs.TargetMode ?? '').toLowerCase() === 'external';
        const target = attrs.Target ?? '';
        out.push({
          id: attrs.Id ?? '',
          type: attrs.Type ?? '',
          external,
          target: external ? target : resolveTarget(part, target),
        });
      },
    });
    return out;
  }
}

/** xl/workbook.xml → xl/_rels/workbook.xml.rels; the package root "" → _rels/.rels. */
export function relsPartName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part (absolute, relative and `..`). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep the target as written
  }
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** Where the workbook part is: the root relationship, then the usual name; null when neither exists. */
export function findWorkbookPart(pkg: OpcPackage): string | null {
  const main = pkg.rels('').find((r) => relType(r, 'officeDocument') && !r.external);
  if (main && pkg.has(main.target)) return main.target;
  for (const candidate of ['xl/workbook.xml', 'xl/workbook.bin']) {
    if (pkg.has(candidate)) return candidate;
  }
  return null;
}
