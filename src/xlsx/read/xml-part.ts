/**
 * Streams one zip part through fflate's Inflate and a TextDecoder into saxes, so a part is never
 * held as a whole string. Every DOCTYPE is refused: entities are never declared, let alone expanded.
 */
import { Inflate } from 'fflate';
import { SaxesParser } from 'saxes';
import { isStyrkollError } from '../../common/errors';
import { readErrors } from './errors';
import type { ReadLimits } from './options';
import type { ZipEntry } from './zip-directory';

/** Compressed bytes handed to the inflater at a time; bounds what one push can produce (deflate tops out near 1032×). */
export const INPUT_CHUNK = 16 * 1024;

/**
 * Thrown by a fast reader (sheet-scanner.ts) when a part uses XML it does not handle; the part is
 * then read again with saxes. streamEntry lets it through untouched.
 */
export class FastPathBail {
  constructor(readonly reason: string) {}
}

export interface XmlHandlers {
  /** Element names arrive without their namespace prefix. */
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Inflates raw deflate data, handing the output to `sink` in pieces; a platform may supply one
 * (Node's zlib runs on its thread pool, so inflating overlaps with scanning).
 */
export type AsyncInflater = (data: Uint8Array, sink: (chunk: Uint8Array) => void) => Promise<void>;

/**
 * Refuses what the directory already tells is too big, a bomb or encrypted. The one gate for every
 * part that is inflated, by the reader and the writer alike; `whole` for a part the writer holds
 * whole to parse into a tree or edit as text (the tighter maxWholePartBytes).
 */
export function checkEntry(entry: ZipEntry, limits: ReadLimits, whole = false): void {
  const part = entry.name;
  if (entry.flags & 1) throw readErrors.encrypted();
  if (entry.size > limits.maxPartBytes) throw readErrors.tooLarge(`delen ${part}`, limits.maxPartBytes);
  if (whole && entry.size > limits.maxWholePartBytes) throw readErrors.wholePartTooLarge(part, limits.maxWholePartBytes);
  if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > limits.maxCompressionRatio) {
    throw readErrors.zipBomb(part);
  }
  if (entry.method === 0 && entry.compressedSize !== entry.size) throw readErrors.brokenPart(part, 'fel storlek');
  if (entry.method !== 0 && entry.method !== 8) throw readErrors.unsupportedCompression(part, entry.method);
}

/** The sum of the sizes the directory states, checked against maxTotalBytes before anything big is inflated. */
export function checkTotal(entries: readonly ZipEntry[], limits: ReadLimits): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) throw readErrors.tooLarge('uppackad storlek i byte', limits.maxTotalBytes);
}

/** The compressed data of a part that passed checkEntry. */
function checkedData(bytes: Uint8Array, entry: ZipEntry, limits: ReadLimits): Uint8Array {
  checkEntry(entry, limits);
  return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/**
 * Inflates raw deflate data into at most `size` bytes: throws as soon as more would come (so a
 * directory that understates a part costs no more than the stated size), returns what came.
 */
export type BoundedInflater = (data: Uint8Array, size: number) => Uint8Array;

/** fflate's streaming Inflate, counting as it goes (the browser's and the tests' default). */
export const fflateBoundedInflate: BoundedInflater = (data, size) => {
  const out = new Uint8Array(size);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.length > size) throw new RangeError('more data than the directory states');
    out.set(chunk, produced);
    produced += chunk.length;
  });
  if (data.length === 0) inflater.push(data, true);
  for (let i = 0; i < data.length; i += INPUT_CHUNK) inflater.push(data.subarray(i, i + INPUT_CHUNK), i + INPUT_CHUNK >= data.length);
  return produced === size ? out : out.subarray(0, produced);
};

/**
 * A whole part for the writer, through the same gate as every part the reader inflates: the
 * directory's size and ratio checked first, the actual size while inflating, exactly the stated
 * size at the end.
 */
export function inflateWhole(bytes: Uint8Array, entry: ZipEntry, limits: ReadLimits, inflate: BoundedInflater, whole = true): Uint8Array {
  checkEntry(entry, limits, whole);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data;
  let out: Uint8Array;
  try {
    out = inflate(data, entry.size);
  } catch (e) {
    if (isStyrkollError(e)) throw e;
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw readErrors.zipBomb(entry.name);
    throw readErrors.brokenPart(entry.name, e instanceof Error ? e.message : String(e));
  }
  if (out.length !== entry.size) throw readErrors.brokenPart(entry.name, 'fel storlek');
  return out;
}

/** Counts what an inflater produces: never more than the directory's size (checked against the limits). */
function countingSink(entry: ZipEntry, sink: (chunk: Uint8Array) => void) {
  const counter = {
    produced: 0,
    sink: (chunk: Uint8Array) => {
      counter.produced += chunk.length;
      if (counter.produced > entry.size) throw readErrors.zipBomb(entry.name);
      if (chunk.length) sink(chunk);
    },
  };
  return counter;
}

function inflateFailure(part: string, e: unknown): unknown {
  if (isStyrkollError(e) || e instanceof FastPathBail) return e;
  return readErrors.brokenPart(part, e instanceof Error ? e.message : String(e));
}

/** Feeds the entry's uncompressed bytes to `sink` chunk by chunk, refusing bombs and lies. */
export function streamEntry(bytes: Uint8Array, entry: ZipEntry, limits: ReadLimits, sink: (chunk: Uint8Array) => void): void {
  const data = checkedData(bytes, entry, limits);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += INPUT_CHUNK) sink(data.subarray(i, i + INPUT_CHUNK));
    return;
  }
  const counter = countingSink(entry, sink);
  const inflater = new Inflate(counter.sink);
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += INPUT_CHUNK) {
      inflater.push(data.subarray(i, i + INPUT_CHUNK), i + INPUT_CHUNK >= data.length);
    }
  } catch (e) {
    throw inflateFailure(entry.name, e);
  }
  if (counter.produced !== entry.size) throw readErrors.brokenPart(entry.name, 'fel storlek');
}

/** streamEntry with a platform inflater, with the same checks. */
export async function streamEntryAsync(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ReadLimits,
  inflate: AsyncInflater,
  sink: (chunk: Uint8Array) => void,
): Promise<void> {
  if (entry.method === 0) return streamEntry(bytes, entry, limits, sink);
  const data = checkedData(bytes, entry, limits);
  const counter = countingSink(entry, sink);
  try {
    await inflate(data, counter.sink);
  } catch (e) {
    throw inflateFailure(entry.name, e);
  }
  if (counter.produced !== entry.size) throw readErrors.brokenPart(entry.name, 'fel storlek');
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Parses a part with saxes; syntax errors become TRASIG_XML naming the part. */
export function parseXmlEntry(bytes: Uint8Array, entry: ZipEntry, limits: ReadLimits, handlers: XmlHandlers): void {
  const part = entry.name;
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw readErrors.doctype(part);
  });
  let depth = 0;
  const maxDepth = limits.maxXmlDepth;
  parser.on('opentag', (node) => {
    if (++depth > maxDepth) throw readErrors.tooDeep(part, maxDepth);
    handlers.open(localName(node.name), node.attributes as Record<string, string>);
  });
  const close = handlers.close;
  parser.on('closetag', (node) => {
    depth--;
    if (close) close(localName(node.name));
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  let decoder: TextDecoder | null = null;
  // saxes gathers a text run, comment, CDATA or attribute value whole before it hands it on: a part
  // padded with a gigabyte of whitespace or one endless comment would become one gigabyte string.
  const pending = parser as unknown as { text: string };
  try {
    streamEntry(bytes, entry, limits, (chunk) => {
      if (!decoder) decoder = new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8');
      parser.write(decoder.decode(chunk, { stream: true }));
      if (pending.text.length > limits.maxXmlTextChars) throw readErrors.textTooLong(part, limits.maxXmlTextChars);
    });
    if (decoder) parser.write((decoder as TextDecoder).decode());
    parser.close();
  } catch (e) {
    if (isStyrkollError(e)) throw e;
    throw readErrors.brokenPart(part, e instanceof Error ? e.message : String(e));
  }
}

/** Looks up an attribute by local name, whatever its prefix (`r:id`, `ns0:id`). */
export function attrByLocalName(attrs: Record<string, string>, name: string): string | undefined {
  for (const key in attrs) {
    if (key === name || (key.endsWith(':' + name) && key.length > name.length + 1)) return attrs[key];
  }
  return undefined;
}
