/** One write operation on a package: the package, its workbook and its styles. */
import type { SheetSpec } from '../../core';
import { quoteSheet, validateSheetName } from './cell-ref';
import { CONTENT_TYPES, addRel, isRelType, readRels, relType, setOverride } from './rels';
import { pruneChartOverrides, takeCharts, writeCharts, type KeptDrawing } from './charts';
import { renderSheet } from './sheet-render';
import { minimalStyles, StyleRegistry } from './styles';
import { appendSheet, dropCalcChain, readWorkbookInfo, removeDefinedName, removeSheet, renameSheet, setDefinedName, type SheetEntry, type WorkbookInfo } from './workbook-part';
import { escapeAttr } from './xml-tree';
import { dirOf, relativeTarget, relsPartOf, ZipPackage, type PackageOptions } from './zip-package';

export interface Session {
  pkg: ZipPackage;
  wb: WorkbookInfo;
  styles: StyleRegistry;
}

export function openSession(bytes: Uint8Array, options: PackageOptions = {}): Session {
  return sessionFor(ZipPackage.fromBytes(bytes, options));
}

export function sessionFor(pkg: ZipPackage): Session {
  const wb = readWorkbookInfo(pkg);
  let stylesPart = readRels(pkg, wb.part).find((r) => isRelType(r.type, 'styles'))?.part;
  if (!stylesPart || !pkg.has(stylesPart)) {
    const dir = dirOf(wb.part);
    stylesPart = stylesPart ?? (pkg.has(`${dir}styles.xml`) ? pkg.uniqueName(`${dir}styles`, '.xml') : `${dir}styles.xml`);
    pkg.setText(stylesPart, minimalStyles(wb.mainNs));
    setOverride(pkg, stylesPart, CONTENT_TYPES.styles);
    if (!readRels(pkg, wb.part).some((r) => r.part === stylesPart)) {
      addRel(pkg, wb.part, relType('styles', wb.strict), relativeTarget(wb.part, stylesPart));
    }
  }
  return { pkg, wb, styles: new StyleRegistry(pkg, stylesPart) };
}

export function finish(s: Session): Uint8Array {
  s.styles.flush();
  pruneChartOverrides(s.pkg);
  return s.pkg.toBytes();
}

/** Renders a spec as a new last sheet; print titles become a sheet-scoped defined name. */
export function addSpecSheet(s: Session, spec: SheetSpec, selected: boolean): SheetEntry {
  validateSheetName(spec.name);
  const part = s.pkg.uniqueName(`${dirOf(s.wb.part)}worksheets/sheet`, '.xml');
  const xml = renderInto(s, part, spec, selected);
  const entry = appendSheet(s.pkg, s.wb, spec.name, part, xml);
  setPrintTitles(s, entry, spec);
  return entry;
}

/**
 * Writes a spec over one of Styrkoll's own sheets in place: same part, relationship, sheetId and
 * tab position (wherever the user moved it), so a re-run changes as little as possible.
 */
export function replaceSpecSheet(s: Session, entry: SheetEntry, spec: SheetSpec, selected: boolean): SheetEntry {
  if (!entry.part) {
    removeSheet(s.pkg, s.wb, entry);
    return addSpecSheet(s, spec, selected);
  }
  if (entry.name !== spec.name) {
    validateSheetName(spec.name);
    renameSheet(s.pkg, s.wb, entry, spec.name);
  }
  // Styrkoll's charts on it go (someone else's anchors on its drawing stay), then its relationships.
  const kept = takeCharts(s.pkg, entry.part, true);
  s.pkg.remove(relsPartOf(entry.part));
  dropCalcChain(s.pkg, s.wb, entry.sheetId);
  s.pkg.setText(entry.part, renderInto(s, entry.part, spec, selected, kept));
  setPrintTitles(s, entry, spec);
  return entry;
}

/** Stands for the drawing's relationship id until the relationships are written (the last occurrence is the element). */
const DRAWING_RID = '__styrkoll_drawing_rid__';

function renderInto(s: Session, part: string, spec: SheetSpec, selected: boolean, kept?: KeptDrawing): string {
  const urls: string[] = [];
  // Charts are DrawingML of the transitional schema; a strict workbook gets the sheet without them.
  const charts = s.wb.strict ? [] : (spec.charts ?? []);
  const drawn = charts.length > 0 || kept !== undefined;
  const xml = renderSheet(spec, {
    drawingRId: drawn ? DRAWING_RID : undefined,
    styles: s.styles,
    mainNs: s.wb.mainNs,
    relNs: s.wb.relNs,
    selected,
    addUrl: (url) => {
      urls.push(url);
      return `rId${urls.length}`;
    },
  });
  if (urls.length) {
    const type = relType('hyperlink', s.wb.strict);
    s.pkg.setText(
      relsPartOf(part),
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        urls.map((u, i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${escapeAttr(u)}" TargetMode="External"/>`).join('') +
        '</Relationships>',
    );
  }
  if (!drawn) return xml;
  const rId = writeCharts(s.pkg, s.wb.part, part, spec.name, charts, kept);
  const at = xml.lastIndexOf(DRAWING_RID);
  return xml.slice(0, at) + rId + xml.slice(at + DRAWING_RID.length);
}

function setPrintTitles(s: Session, entry: SheetEntry, spec: SheetSpec): void {
  const index = s.wb.sheets.indexOf(entry);
  const repeat = spec.print?.repeatRows;
  if (repeat) setDefinedName(s.pkg, s.wb, '_xlnm.Print_Titles', index, `${quoteSheet(spec.name)}!$${repeat[0]}:$${repeat[1]}`);
  else removeDefinedName(s.pkg, s.wb, '_xlnm.Print_Titles', index);
  // Excel keeps an AutoFilter's range in this hidden name too (and writes it back when missing).
  const filter = spec.autoFilter;
  if (filter) setDefinedName(s.pkg, s.wb, '_xlnm._FilterDatabase', index, `${quoteSheet(spec.name)}!${absolute(filter)}`, true);
  else removeDefinedName(s.pkg, s.wb, '_xlnm._FilterDatabase', index);
}

/** "A20:I140" → "$A$20:$I$140". */
function absolute(range: string): string {
  return range
    .replace(/\$/g, '')
    .toUpperCase()
    .split(':')
    .map((p) => p.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}

/** "Kontroll", or "Kontroll (2)" … when a sheet of the user's already has the name. */
export function freeSheetName(wb: WorkbookInfo, name: string): string {
  const taken = new Set(wb.sheets.map((x) => x.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
