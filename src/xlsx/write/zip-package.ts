/**
 * An OOXML package held in memory. Parts are inflated only when read; parts nobody changes keep
 * their exact compressed bytes and CRC (copied, not recompressed, never inflated), and a part set
 * back to its original content does too. Output is deterministic: original entry order, new parts
 * appended in the order they were added, and a fixed zip timestamp.
 *
 * The package comes from the reader's zip directory (read/zip-directory.ts) and every part is
 * inflated through the reader's gate (read/xml-part.ts): the same refusal of duplicate names, the
 * same size, ratio and total limits, the actual size checked while inflating. So the writer never
 * sees another package than the reader checked, nor unpacks what the reader would refuse.
 */
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { StyrkollError } from '../../common/errors';
import { resolveLimits, type ReadLimits } from '../read/options';
import { checkTotal, fflateBoundedInflate, inflateWhole } from '../read/xml-part';
import { normalizePartName, readZipDirectory, type ZipEntry as DirEntry } from '../read/zip-directory';
import { crc32, writeZip, type ZipEntry } from './zip-format';

/**
 * Raw DEFLATE (no zlib header) and CRC-32: fflate and plain code by default, so the writer runs
 * in the browser; Node passes its native zlib, which is three to ten times faster.
 */
export interface ZipCodec {
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  /**
   * `size` is the uncompressed size from the zip directory: never produce more (throw a
   * RangeError, or Node's ERR_BUFFER_TOO_LARGE, as soon as more would come).
   */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

export interface PackageOptions {
  codec?: ZipCodec;
  /** The reader's limits (DEFAULT_LIMITS when not given). */
  limits?: Partial<ReadLimits>;
}

/** Extensions that are already compressed: stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif|emf|wmf|bin|zip|xlsx|docx|pptx)$/i;
/**
 * Changed parts larger than this are deflated at level 1: three times faster than level 6 for
 * about 15 % more bytes, which only matters for huge sheets (35 MB of XML: 0.4 s instead of 1.2 s).
 */
const FAST_LEVEL_BYTES = 4 * 1024 * 1024;

export const FFLATE_CODEC: ZipCodec = {
  deflateRaw: (data, level) => deflateSync(data, { level: level as 1 | 6 }),
  inflateRaw: fflateBoundedInflate,
  crc32,
};

interface Part {
  /** The entry as it is in the original archive. */
  raw?: ZipEntry;
  /** Its directory entry, for the gate (read/xml-part.ts). */
  dir?: DirEntry;
  /** The content, once read or set. */
  data?: Uint8Array;
  /** Set through setBytes/setText (possibly to the original content). */
  set: boolean;
}

const notWorkbook = () =>
  new StyrkollError('INTE_ARBETSBOK', 'Filen kunde inte öppnas som en Excel-arbetsbok (.xlsx); spara den som .xlsx i Excel och försök igen.');

export class ZipPackage {
  private readonly parts = new Map<string, Part>();
  private readonly texts = new Map<string, string>();
  /** Every name ever seen, in first-seen order: a part removed and written again keeps its place. */
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();
  /** Part names by their case-folded form: OPC part names are case-insensitive, as in the reader. */
  private readonly folded = new Map<string, string>();
  private readonly codec: ZipCodec;
  private readonly limits: ReadLimits;
  private source: Uint8Array = new Uint8Array(0);

  private constructor(options: PackageOptions = {}) {
    this.codec = options.codec ?? FFLATE_CODEC;
    this.limits = resolveLimits(options.limits);
  }

  static fromBytes(bytes: Uint8Array, options: PackageOptions = {}): ZipPackage {
    const pkg = new ZipPackage(options);
    pkg.source = bytes;
    let dir;
    try {
      dir = readZipDirectory(bytes);
    } catch (e) {
      // A duplicate name or an over-long directory keeps its own message; the rest is "not a workbook".
      if (e instanceof StyrkollError && (e.code === 'TRASIG_XML' || e.code === 'FOR_STOR')) throw e;
      throw notWorkbook();
    }
    checkTotal(dir.entries, pkg.limits);
    for (const entry of dir.entries) {
      if (entry.name.endsWith('/')) continue; // directory entries carry no part
      // Encrypted entries: not something Excel writes into a package.
      if (entry.flags & 1) throw notWorkbook();
      const raw: ZipEntry = {
        name: entry.name,
        method: entry.method,
        crc: entry.crc,
        size: entry.size,
        data: bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
      };
      pkg.parts.set(entry.name, { raw, dir: entry, set: false });
      pkg.folded.set(normalizePartName(entry.name), entry.name);
      pkg.note(entry.name);
    }
    if (!pkg.has('[Content_Types].xml')) {
      throw new StyrkollError('INTE_ARBETSBOK', 'Filen är ett zip-arkiv men ingen Excel-arbetsbok (saknar [Content_Types].xml).');
    }
    return pkg;
  }

  static empty(options: PackageOptions = {}): ZipPackage {
    return new ZipPackage(options);
  }

  private note(name: string): void {
    if (this.seen.has(name)) return;
    this.seen.add(name);
    this.order.push(name);
  }

  names(): string[] {
    return this.order.filter((n) => this.parts.has(n));
  }

  /** The stored name of a part, matched as the reader matches it (case-insensitive, `\\` as `/`). */
  private resolve(name: string): string {
    return this.parts.has(name) ? name : (this.folded.get(normalizePartName(name)) ?? name);
  }

  has(name: string): boolean {
    return this.parts.has(this.resolve(name));
  }

  /**
   * The part's bytes. `whole` (the default) is for a part parsed into a tree or edited as text and
   * has the tighter maxWholePartBytes; worksheets, edited as bytes, pass false.
   */
  bytes(name: string, whole = true): Uint8Array | undefined {
    const part = this.parts.get(this.resolve(name));
    if (!part) return undefined;
    part.data ??= this.inflate(part, whole);
    return part.data;
  }

  /** The part as text (UTF-8, BOM stripped), or undefined when absent. */
  text(name: string): string | undefined {
    name = this.resolve(name);
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const data = this.bytes(name);
    if (!data) return undefined;
    let s = strFromU8(data);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    this.texts.set(name, s);
    return s;
  }

  setText(name: string, text: string): void {
    name = this.resolve(name);
    this.setBytes(name, strToU8(text));
    this.texts.set(name, text);
  }

  setBytes(name: string, data: Uint8Array): void {
    name = this.resolve(name);
    this.texts.delete(name);
    this.note(name);
    const part = this.parts.get(name);
    if (part) {
      part.data = data;
      part.set = true;
    } else {
      this.parts.set(name, { data, set: true });
      this.folded.set(normalizePartName(name), name);
    }
  }

  remove(name: string): void {
    name = this.resolve(name);
    this.parts.delete(name);
    this.texts.delete(name);
    this.folded.delete(normalizePartName(name));
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
    const entries: ZipEntry[] = [];
    for (const name of this.order) {
      const part = this.parts.get(name);
      if (!part) continue;
      entries.push(part.set || !part.raw ? this.compress(name, part) : part.raw);
    }
    return writeZip(entries);
  }

  private compress(name: string, part: Part): ZipEntry {
    const data = part.data!;
    const crc = this.codec.crc32(data);
    const raw = part.raw;
    // Set back to what it was (e.g. marks undone and made again): the original bytes stay.
    if (raw && raw.crc === crc && raw.size === data.length && this.sameAsRaw(part, data)) return raw;
    if (STORED.test(name) || data.length === 0) return { name, method: 0, crc, size: data.length, data };
    return { name, method: 8, crc, size: data.length, data: this.codec.deflateRaw(data, data.length > FAST_LEVEL_BYTES ? 1 : 6) };
  }

  private sameAsRaw(part: Part, data: Uint8Array): boolean {
    try {
      return sameBytes(this.inflate(part, false), data);
    } catch {
      return false;
    }
  }

  /** Through the reader's gate: sizes and ratio first, the actual size while inflating. */
  private inflate(part: Part, whole: boolean): Uint8Array {
    const dir = part.dir!;
    if (dir.method !== 0 && dir.method !== 8) throw notWorkbook();
    const out = inflateWhole(this.source, dir, this.limits, (data, size) => this.codec.inflateRaw(data, size), whole);
    // A plain view: a Node Buffer's indexOf is many times slower on the scanner's hot path.
    return out.constructor === Uint8Array ? out : new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
