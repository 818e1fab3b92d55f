/**
 * An OOXML package held in memory. Parts nobody touches keep their exact bytes; only parts set
 * through `setText`/`setBytes` change. Output is deterministic: original entry order, new parts
 * appended in the order they were added, and a fixed zip timestamp.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { StyrkollError } from '../../core/errors';

/** Local-time components, so the DOS timestamp written is the same in every time zone. */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** Extensions that are already compressed: stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif|emf|wmf|bin|zip|xlsx|docx|pptx)$/i;

export class ZipPackage {
  private readonly parts = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  /** Every name ever seen, in first-seen order: a part removed and written again keeps its place. */
  private readonly order: string[] = [];

  static fromBytes(bytes: Uint8Array): ZipPackage {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      throw new StyrkollError('INTE_ARBETSBOK', 'Filen kunde inte öppnas som en Excel-arbetsbok (.xlsx); spara den som .xlsx i Excel och försök igen.');
    }
    const pkg = new ZipPackage();
    for (const [name, data] of Object.entries(entries)) {
      if (name.endsWith('/')) continue; // directory entries carry no part
      pkg.parts.set(name, data);
      pkg.order.push(name);
    }
    if (!pkg.has('[Content_Types].xml')) {
      throw new StyrkollError('INTE_ARBETSBOK', 'Filen är ett zip-arkiv men ingen Excel-arbetsbok (saknar [Content_Types].xml).');
    }
    return pkg;
  }

  static empty(): ZipPackage {
    return new ZipPackage();
  }

  names(): string[] {
    return this.order.filter((n) => this.parts.has(n));
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  bytes(name: string): Uint8Array | undefined {
    return this.parts.get(name);
  }

  /** The part as text (UTF-8, BOM stripped), or undefined when absent. */
  text(name: string): string | undefined {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const data = this.parts.get(name);
    if (!data) return undefined;
    let s = strFromU8(data);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    this.texts.set(name, s);
    return s;
  }

  setText(name: string, text: string): void {
    this.setBytes(name, strToU8(text));
    this.texts.set(name, text);
  }

  setBytes(name: string, data: Uint8Array): void {
    this.texts.delete(name);
    if (!this.order.includes(name)) this.order.push(name);
    this.parts.set(name, data);
  }

  remove(name: string): void {
    this.parts.delete(name);
    this.texts.delete(name);
  }

  /** A part name not used yet, e.g. uniqueName('xl/worksheets/sheet', '.xml') → xl/worksheets/sheet7.xml. */
  uniqueName(prefix: string, suffix: string): string {
    const lower = new Set([...this.parts.keys()].map((n) => n.toLowerCase()));
    for (let i = 1; ; i++) {
      const name = `${prefix}${i}${suffix}`;
      if (!lower.has(name.toLowerCase())) return name;
    }
  }

  toBytes(): Uint8Array {
    const files: Zippable = {};
    for (const name of this.order) {
      const data = this.parts.get(name);
      if (!data) continue;
      files[name] = [data, { level: STORED.test(name) ? 0 : 6, mtime: FIXED_MTIME }];
    }
    return zipSync(files, { mtime: FIXED_MTIME });
  }
}

/** Resolves a relationship target against the part that owns the relationships. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return normalize(target.slice(1));
  const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) : '';
  return normalize(dir + target);
}

/** The relative target from `sourcePart` to `part`, as Excel writes it. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of decodeURI(path).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The folder of a part, with a trailing slash: xl/workbook.xml → xl/. */
export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}
