/**
 * Hostile packages for the CLI's hostile-input suite (test/cli/hostile-packages.test.ts), built
 * from a real workbook (examples/hedemora-delarsrapport-2025-08.xlsx) so that the check runs and
 * the writer is reached. Big parts are never built in memory: a deflate stream of repeated bytes is
 * a small compressed piece, sync-flushed and repeated (each piece ends on a byte boundary without a
 * final block, so the pieces concatenate into one valid raw-deflate stream).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { crc32, writeZip, type ZipEntry } from '../../../../src/xlsx/write/zip-format';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
export const BASE_WORKBOOK = path.join(REPO, 'examples', 'hedemora-delarsrapport-2025-08.xlsx');

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A part for `pack`: plain content (deflated here), or already compressed with its own sizes and CRC. */
export interface PartSpec {
  name: string;
  data?: Uint8Array | string;
  raw?: { deflated: Uint8Array; size: number; crc: number };
}

/** The base workbook's parts in order (directory entries left out). */
export function baseParts(): PartSpec[] {
  const files = unzipSync(new Uint8Array(readFileSync(BASE_WORKBOOK)));
  return Object.entries(files)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, data]) => ({ name, data }));
}

export function textOf(parts: PartSpec[], name: string): string {
  const p = parts.find((x) => x.name === name);
  if (!p || p.data === undefined) throw new Error(`no part ${name}`);
  return typeof p.data === 'string' ? p.data : dec.decode(p.data);
}

export function replacePart(parts: PartSpec[], spec: PartSpec): PartSpec[] {
  return parts.map((p) => (p.name === spec.name ? spec : p));
}

/** A zip of the parts as given: duplicate names, false sizes and all (the writer's zip encoder does not judge). */
export function pack(parts: PartSpec[]): Uint8Array {
  const entries: ZipEntry[] = parts.map((p) => {
    if (p.raw) return { name: p.name, method: 8, crc: p.raw.crc, size: p.raw.size, data: p.raw.deflated };
    const data = typeof p.data === 'string' ? enc.encode(p.data) : p.data!;
    return { name: p.name, method: 8, crc: crc32(data), size: data.length, data: zlib.deflateRawSync(data, { level: 9 }) };
  });
  return writeZip(entries);
}

const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };

/**
 * prefix + `fill` × `times` + suffix as one raw-deflate stream, without ever holding the middle:
 * returns the compressed bytes, the true size and the true CRC.
 */
export function repeatedDeflate(prefix: string, fill: Uint8Array, times: number, suffix: string): { deflated: Uint8Array; size: number; crc: number } {
  const head = enc.encode(prefix);
  const tail = enc.encode(suffix);
  const piece = zlib.deflateRawSync(fill, SYNC);
  const pieces: Uint8Array[] = [zlib.deflateRawSync(head, SYNC)];
  for (let i = 0; i < times; i++) pieces.push(piece);
  pieces.push(zlib.deflateRawSync(tail, { level: 9 }));
  let crc = zlib.crc32(head);
  for (let i = 0; i < times; i++) crc = zlib.crc32(fill, crc);
  crc = zlib.crc32(tail, crc);
  return { deflated: Buffer.concat(pieces), size: head.length + fill.length * times + tail.length, crc };
}

const MB = 1024 * 1024;

/** xl/styles.xml with a huge comment (`mb` MiB) after the XML declaration; `declared` is the size the directory states. */
export function stylesCommentBomb(mb: number, declared: 'false' | 'true'): Uint8Array {
  const parts = baseParts();
  const styles = textOf(parts, 'xl/styles.xml');
  const at = styles.indexOf('?>') + 2;
  const raw = repeatedDeflate(`${styles.slice(0, at)}<!--`, new Uint8Array(MB).fill(0x41), mb, `-->${styles.slice(at)}`);
  // The false size: what the original styles part measured.
  if (declared === 'false') raw.size = enc.encode(styles).length;
  return pack(replacePart(parts, { name: 'xl/styles.xml', raw }));
}

/** [Content_Types].xml with `levels` nested elements inside <Types> (a million: about 17 KB compressed). */
export function deepContentTypes(levels: number): Uint8Array {
  const parts = baseParts();
  const ct = textOf(parts, '[Content_Types].xml');
  const at = ct.lastIndexOf('</Types>');
  const deep = `${ct.slice(0, at)}${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}${ct.slice(at)}`;
  return pack(replacePart(parts, { name: '[Content_Types].xml', data: deep }));
}

/**
 * [Content_Types].xml nested `levels` deep with a different name at each level: compresses about
 * 10:1, so neither the ratio nor the size limit stops it and only the depth limit does.
 */
export function deepContentTypesVaried(levels: number): Uint8Array {
  const parts = baseParts();
  const ct = textOf(parts, '[Content_Types].xml');
  const at = ct.lastIndexOf('</Types>');
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < levels; i++) {
    open.push(`<e${i}>`);
    close.push(`</e${levels - 1 - i}>`);
  }
  return pack(replacePart(parts, { name: '[Content_Types].xml', data: `${ct.slice(0, at)}${open.join('')}${close.join('')}${ct.slice(at)}` }));
}

/** The budget sheet's first numeric value raised by 4 000 001: a copy that differs from the checked one. */
function withDeficit(sheetXml: string): string {
  return sheetXml.replace(/<v>(\d+(?:\.\d+)?)<\/v>/, (_, v: string) => `<v>${Number(v) + 4_000_001}</v>`);
}

/** A second entry for xl/worksheets/sheet1.xml (the Budget sheet), named `twinName`, after the first. */
export function duplicateSheet(twinName: string): Uint8Array {
  const parts = baseParts();
  const sheet = textOf(parts, 'xl/worksheets/sheet1.xml');
  const i = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
  return pack([...parts.slice(0, i + 1), { name: twinName, data: withDeficit(sheet) }, ...parts.slice(i + 1)]);
}

/** The Budget sheet's part replaced by `xml`. */
export function withBudgetSheet(xml: string | { deflated: Uint8Array; size: number; crc: number }): Uint8Array {
  const parts = baseParts();
  return pack(replacePart(parts, typeof xml === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: xml } : { name: 'xl/worksheets/sheet1.xml', raw: xml }));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A zip bomb: the Budget sheet claims almost 4 GB. */
export function sheetZipBomb(): Uint8Array {
  const parts = baseParts();
  const xml = textOf(parts, 'xl/worksheets/sheet1.xml');
  const data = enc.encode(xml);
  return pack(replacePart(parts, { name: 'xl/worksheets/sheet1.xml', raw: { deflated: zlib.deflateRawSync(data), size: 0xfffffff0, crc: crc32(data) } }));
}

export const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`;

/** An entity bomb in the Budget sheet. */
export function sheetEntities(): Uint8Array {
  return withBudgetSheet(`<?xml version="1.0"?>${LAUGHS}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`);
}

/** The Budget sheet nested a million levels deep after its data. */
export function sheetDeepNesting(levels: number): Uint8Array {
  const parts = baseParts();
  const xml = textOf(parts, 'xl/worksheets/sheet1.xml');
  const at = xml.lastIndexOf('</worksheet>');
  return withBudgetSheet(`${xml.slice(0, at)}${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}${xml.slice(at)}`);
}

/**
 * The Budget sheet padded with `mb` MiB before its first row: one endless whitespace run ('run'), or
 * short runs between empty elements ('elements', which the fast scanner streams through); a few
 * newlines at pseudo-random places keep the ratio under the bomb limit.
 */
export function paddedSheet(mb: number, mode: 'run' | 'elements'): Uint8Array {
  const parts = baseParts();
  const xml = textOf(parts, 'xl/worksheets/sheet1.xml');
  const at = xml.indexOf('<row');
  const unit = mode === 'run' ? ' ' : `${' '.repeat(60)}<x/>`;
  const fill = enc.encode(unit.repeat(Math.floor(MB / unit.length)));
  let seed = 1;
  for (let i = 0; i < 3000; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    if (fill[seed % fill.length] === 0x20) fill[seed % fill.length] = 0x0a;
  }
  return withBudgetSheet(repeatedDeflate(xml.slice(0, at), fill, mb, xml.slice(at)));
}

/** xl/sharedStrings.xml with `count` strings (declared and present), the workbook's own strings first. */
export function manySharedStrings(count: number): Uint8Array {
  const parts = baseParts();
  const sst = textOf(parts, 'xl/sharedStrings.xml');
  const own = Number(/uniqueCount="(\d+)"/.exec(sst)?.[1] ?? /count="(\d+)"/.exec(sst)![1]);
  const per = 1024;
  const fill = enc.encode('<si><t>x</t></si>'.repeat(per));
  const times = Math.ceil((count - own) / per);
  const head = sst.replace(/(uniqueCount|count)="\d+"/g, `$1="${own + times * per}"`);
  const at = head.lastIndexOf('</sst>');
  return pack(replacePart(parts, { name: 'xl/sharedStrings.xml', raw: repeatedDeflate(head.slice(0, at), fill, times, head.slice(at)) }));
}

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** An extra sheet "Bred" with a row in each of the 16 384 columns (A … XFD): valid, and read. */
export function sixteenThousandColumns(): Uint8Array {
  const parts = baseParts();
  const cells = Array.from({ length: 16_384 }, (_, i) => `<c r="${colName(i + 1)}1"><v>${i}</v></c>`).join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  const wb = textOf(parts, 'xl/workbook.xml').replace('</sheets>', '<sheet sheetId="99" name="Bred" state="visible" r:id="rIdBred"/></sheets>');
  const rels = textOf(parts, 'xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    '<Relationship Id="rIdBred" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/bred.xml"/></Relationships>',
  );
  const ct = textOf(parts, '[Content_Types].xml').replace(
    '</Types>',
    '<Override PartName="/xl/worksheets/bred.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  let out = replacePart(parts, { name: 'xl/workbook.xml', data: wb });
  out = replacePart(out, { name: 'xl/_rels/workbook.xml.rels', data: rels });
  out = replacePart(out, { name: '[Content_Types].xml', data: ct });
  return pack([...out, { name: 'xl/worksheets/bred.xml', data: sheet }]);
}

/** The base workbook repacked, unchanged: the control case. */
export function plainWorkbook(): Uint8Array {
  return pack(baseParts());
}
