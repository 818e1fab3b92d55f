/**
 * styles.xml: registers fonts, fills, borders, number formats and cell formats (xf), reusing an
 * identical entry when one exists, so re-running never grows the file. Changes are appended, so
 * every existing style index keeps its meaning.
 */
import type { CellStyle } from '../../core';
import { child, children, escapeAttr, insertAfterPredecessor, parseXml, XmlEdit, type XmlNode } from './xml-tree';
import type { ZipPackage } from './zip-package';

const LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;
type ListName = (typeof LISTS)[number];
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const ITEM: Record<ListName, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf' };

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

export function minimalStyles(mainNs: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNs}">` +
    '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
  );
}

export class StyleRegistry {
  private readonly source: string;
  private readonly root: XmlNode;
  /** Existing items as written, per list. */
  private readonly existing: Record<ListName, string[]>;
  private readonly added: Record<ListName, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellStyleXfs: [], cellXfs: [] };
  private readonly customFormatIds = new Map<string, number>();
  private nextFormatId = 164;
  /** withFillXml results by style and fill: a check marks thousands of cells with a few styles. */
  private readonly filled = new Map<string, number>();
  private readonly registered = new Map<string, number>();
  private readonly defaultFont: { name: string; size: string };

  constructor(private readonly pkg: ZipPackage, private readonly part: string) {
    this.source = pkg.text(part) ?? '';
    this.root = parseXml(this.source, part);
    this.existing = {} as Record<ListName, string[]>;
    for (const list of LISTS) {
      const node = child(this.root, list);
      this.existing[list] = node ? children(node, ITEM[list]).map((n) => this.source.slice(n.start, n.end)) : [];
    }
    const fmts = child(this.root, 'numFmts');
    for (const n of fmts ? children(fmts, 'numFmt') : []) {
      const id = Number(n.attrs.numFmtId);
      this.customFormatIds.set(n.attrs.formatCode ?? '', id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
    const font0 = child(this.root, 'fonts')?.children[0];
    this.defaultFont = {
      name: (font0 && child(font0, 'name')?.attrs.val) ?? 'Calibri',
      size: (font0 && child(font0, 'sz')?.attrs.val) ?? '11',
    };
  }

  /** The cellXfs index for a CellStyle (0 for no style). */
  register(style: CellStyle | undefined, date = false): number {
    if (!style && !date) return 0;
    // A Kontroll sheet has tens of thousands of cells in a handful of styles.
    const key = `${date ? 1 : 0}${JSON.stringify(style ?? {})}`;
    let index = this.registered.get(key);
    if (index === undefined) this.registered.set(key, (index = this.registerUncached(style, date)));
    return index;
  }

  private registerUncached(style: CellStyle | undefined, date: boolean): number {
    const s = style ?? {};
    const numFmt = s.numFmt ?? (date ? 'yyyy-mm-dd' : undefined);
    const numFmtId = numFmt === undefined ? 0 : this.formatId(numFmt);
    const fontId = s.bold || s.italic || s.underline || s.fontSize || s.color ? this.add('fonts', this.fontXml(s)) : 0;
    const fillId = s.fill ? this.add('fills', fillXml(s.fill)) : 0;
    const borderId = s.border ? this.add('borders', borderXml(s.border)) : 0;
    const align = s.wrap || s.align || s.valign
      ? `<alignment${s.align ? ` horizontal="${s.align}"` : ''}${s.valign ? ` vertical="${s.valign === 'middle' ? 'center' : s.valign}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const protection = s.locked === false ? '<protection locked="0"/>' : '';
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : '') + (fontId ? ' applyFont="1"' : '') + (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') + (align ? ' applyAlignment="1"' : '') + (protection ? ' applyProtection="1"' : '');
    const body = align + protection;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${body ? `>${body}</xf>` : '/>'}`;
    return this.add('cellXfs', xf);
  }

  /** The style `s` with its fill replaced by a solid colour: used to mark a user's cell. */
  withFill(s: number, argb: string): number {
    return this.withFillXml(s, fillXml(argb), '1');
  }

  /** The style `s` with the given fill (as XML) and applyFill attribute (null: none). */
  withFillXml(s: number, fill: string, applyFill: string | null): number {
    const key = `${s}\n${applyFill}\n${fill}`;
    const known = this.filled.get(key);
    if (known !== undefined) return known;
    const result = this.withFillXmlUncached(s, fill, applyFill);
    this.filled.set(key, result);
    return result;
  }

  private withFillXmlUncached(s: number, fill: string, applyFill: string | null): number {
    const fillId = this.add('fills', fill);
    const base = this.xf(s);
    const tagEnd = base.indexOf('>');
    let tag = setTagAttr(base.slice(0, tagEnd + 1), 'fillId', String(fillId));
    tag = setTagAttr(tag, 'applyFill', applyFill);
    return this.add('cellXfs', tag + base.slice(tagEnd + 1));
  }

  /** The fill of style `s` as XML, and its applyFill attribute: recorded so a mark can be undone by content. */
  fillOf(s: number): { fill: string; applyFill: string | null } {
    const tag = this.xf(s).slice(0, this.xf(s).indexOf('>') + 1);
    const fillId = Number(/\sfillId="(\d+)"/.exec(tag)?.[1] ?? 0);
    return { fill: this.item('fills', fillId) ?? '<fill><patternFill patternType="none"/></fill>', applyFill: /\sapplyFill="([^"]*)"/.exec(tag)?.[1] ?? null };
  }

  /** True when style `s` carries one of the mark fills exactly as Styrkoll writes them. */
  hasMarkFill(s: number, argbs: string[]): boolean {
    const { fill } = this.fillOf(s);
    return argbs.some((a) => fill === fillXml(a));
  }

  private xf(s: number): string {
    return this.item('cellXfs', s) ?? this.existing.cellXfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  private item(list: ListName, i: number): string | undefined {
    return this.existing[list][i] ?? this.added[list][i - this.existing[list].length];
  }

  cellXf(s: number): string | undefined {
    return this.existing.cellXfs[s] ?? this.added.cellXfs[s - this.existing.cellXfs.length];
  }

  /** Writes styles.xml when anything was added. */
  flush(): void {
    if (LISTS.every((l) => this.added[l].length === 0)) return;
    const edit = new XmlEdit(this.source);
    for (const list of LISTS) {
      const items = this.added[list];
      if (items.length === 0) continue;
      const node = child(this.root, list);
      const count = this.existing[list].length + items.length;
      if (node) {
        edit.setAttr(node, 'count', String(count));
        edit.appendInside(node, items.join(''));
      } else {
        const text = `<${list} count="${count}">${items.join('')}</${list}>`;
        insertAfterPredecessor(this.root, edit, ORDER, list, text);
      }
    }
    this.pkg.setText(this.part, edit.apply());
  }

  private formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.customFormatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormatIds.set(code, id);
    this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private fontXml(s: CellStyle): string {
    return (
      '<font>' + (s.bold ? '<b/>' : '') + (s.italic ? '<i/>' : '') + (s.underline ? '<u/>' : '') +
      `<sz val="${s.fontSize ?? this.defaultFont.size}"/>` + (s.color ? `<color rgb="${escapeAttr(s.color)}"/>` : '<color theme="1"/>') +
      `<name val="${escapeAttr(this.defaultFont.name)}"/><family val="2"/></font>`
    );
  }

  private add(list: ListName, xml: string): number {
    const i = this.existing[list].indexOf(xml);
    if (i >= 0) return i;
    const j = this.added[list].indexOf(xml);
    if (j >= 0) return this.existing[list].length + j;
    this.added[list].push(xml);
    return this.existing[list].length + this.added[list].length - 1;
  }
}

function fillXml(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${escapeAttr(argb)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function borderXml(kind: NonNullable<CellStyle['border']>): string {
  const side = (name: string, style: string | null) => (style ? `<${name} style="${style}"><color indexed="64"/></${name}>` : `<${name}/>`);
  const all = kind === 'thin' ? 'thin' : null;
  const top = kind === 'top' ? 'thin' : all;
  const bottom = kind === 'bottom' ? 'thin' : kind === 'medium-bottom' ? 'medium' : all;
  return `<border>${side('left', all)}${side('right', all)}${side('top', top)}${side('bottom', bottom)}<diagonal/></border>`;
}

function setTagAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, value === null ? '' : ` ${name}="${value}"`);
  return value === null ? tag : tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}
