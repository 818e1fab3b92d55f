/** workbook.xml: the sheet list, defined names, the active tab and calculation flags. */
import { StyrkollError } from '../../common/errors';
import { addRel, CONTENT_TYPES, isRelType, readRels, relType, removeOverride, removeRels, setOverride } from './rels';
import { child, children, escapeAttr, escapeText, insertAfterPredecessor, parseXml, prefixOf, XmlEdit, type XmlNode } from './xml-tree';
import { withoutTabSelected } from './sheet-edit';
import { takeCharts } from './charts';
import { relativeTarget, relsPartOf, type ZipPackage } from './zip-package';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** Part name, e.g. xl/worksheets/sheet1.xml (null when the relationship is missing). */
  part: string | null;
  kind: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'other';
  state: string;
}

export interface WorkbookInfo {
  part: string;
  strict: boolean;
  mainNs: string;
  relNs: string;
  sheets: SheetEntry[];
}

export function readWorkbookInfo(pkg: ZipPackage): WorkbookInfo {
  const office = readRels(pkg, '').find((r) => isRelType(r.type, 'officeDocument'));
  const part = office?.part ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (!part || !pkg.has(part)) throw new StyrkollError('INTE_ARBETSBOK', 'Filen saknar arbetsboksdelen (xl/workbook.xml) och är ingen Excel-arbetsbok.');
  const root = parseXml(pkg.text(part)!, part);
  const strict = Object.values(root.attrs).includes(STRICT_MAIN_NS) || (root.attrs.xmlns ?? '').startsWith('http://purl.oclc.org');
  const rels = readRels(pkg, part);
  const sheetsNode = child(root, 'sheets');
  const sheets: SheetEntry[] = (sheetsNode ? children(sheetsNode, 'sheet') : []).map((n) => {
    const rId = Object.entries(n.attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
    const rel = rels.find((r) => r.id === rId);
    const kind = !rel ? 'other'
      : isRelType(rel.type, 'worksheet') ? 'worksheet'
      : isRelType(rel.type, 'chartsheet') ? 'chartsheet'
      : isRelType(rel.type, 'dialogsheet') ? 'dialogsheet'
      : 'other';
    return { name: n.attrs.name ?? '', sheetId: Number(n.attrs.sheetId), rId, part: rel?.part ?? null, kind, state: n.attrs.state ?? 'visible' };
  });
  return {
    part,
    strict,
    mainNs: strict ? STRICT_MAIN_NS : MAIN_NS,
    relNs: strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    sheets,
  };
}

export function findSheet(wb: WorkbookInfo, name: string): SheetEntry | undefined {
  const lower = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === lower);
}

function edit(pkg: ZipPackage, wb: WorkbookInfo, fn: (root: XmlNode, e: XmlEdit) => void): void {
  const text = pkg.text(wb.part)!;
  const root = parseXml(text, wb.part);
  const e = new XmlEdit(text);
  fn(root, e);
  pkg.setText(wb.part, e.apply());
}

const WB_ORDER = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr'];

/** Inserts `text` as a child of root after the last known child that must come before `local`. */
function insertInOrder(root: XmlNode, e: XmlEdit, local: string, text: string): void {
  insertAfterPredecessor(root, e, WB_ORDER, local, text);
}

/** Appends a worksheet part to the workbook (last position) and returns its entry. */
export function appendSheet(pkg: ZipPackage, wb: WorkbookInfo, name: string, part: string, xml: string): SheetEntry {
  pkg.setText(part, xml);
  setOverride(pkg, part, CONTENT_TYPES.worksheet);
  const rId = addRel(pkg, wb.part, relType('worksheet', wb.strict), relativeTarget(wb.part, part));
  const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId || 0)) + 1;
  edit(pkg, wb, (root, e) => {
    const p = prefixOf(root);
    const entry = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" xmlns:r="${wb.relNs}" r:id="${rId}"/>`;
    const sheets = child(root, 'sheets');
    if (sheets) e.appendInside(sheets, entry);
    else insertInOrder(root, e, 'sheets', `<${p}sheets>${entry}</${p}sheets>`);
  });
  const entry: SheetEntry = { name, sheetId, rId, part, kind: 'worksheet', state: 'visible' };
  wb.sheets.push(entry);
  return entry;
}

/** Removes a sheet and its own parts; defined names scoped to it go, later scopes shift down. */
export function removeSheet(pkg: ZipPackage, wb: WorkbookInfo, sheet: SheetEntry): void {
  const index = wb.sheets.indexOf(sheet);
  if (index < 0) return;
  edit(pkg, wb, (root, e) => {
    const sheetNode = children(child(root, 'sheets')!, 'sheet')[index];
    e.remove(sheetNode);
    const names = child(root, 'definedNames');
    for (const dn of names ? children(names, 'definedName') : []) {
      const scope = dn.attrs.localSheetId === undefined ? null : Number(dn.attrs.localSheetId);
      if (scope === index) e.remove(dn);
      else if (scope !== null && scope > index) e.setAttr(dn, 'localSheetId', String(scope - 1));
    }
    for (const view of children(child(root, 'bookViews') ?? root, 'workbookView')) {
      for (const attr of ['activeTab', 'firstSheet']) {
        const v = view.attrs[attr] === undefined ? null : Number(view.attrs[attr]);
        if (v !== null && v >= index && v > 0) e.setAttr(view, attr, String(v - 1));
      }
    }
  });
  if (sheet.part) {
    // Its drawing and the charts on it go with it.
    if (sheet.kind === 'worksheet' && pkg.has(sheet.part)) takeCharts(pkg, sheet.part, false);
    pkg.remove(sheet.part);
    pkg.remove(relsPartOf(sheet.part));
    removeOverride(pkg, sheet.part);
  }
  removeRels(pkg, wb.part, (r) => r.id === sheet.rId);
  dropCalcChain(pkg, wb, sheet.sheetId);
  wb.sheets.splice(index, 1);
}

/** Renames one of Styrkoll's own sheets (nothing of the user's refers to it). */
export function renameSheet(pkg: ZipPackage, wb: WorkbookInfo, sheet: SheetEntry, name: string): void {
  const index = wb.sheets.indexOf(sheet);
  edit(pkg, wb, (root, e) => e.setAttr(children(child(root, 'sheets')!, 'sheet')[index], 'name', name));
  sheet.name = name;
}

/**
 * calcChain.xml is a cache Excel rebuilds; a stale one (removed sheet or formula) makes Excel
 * repair the file. With `sheetId`, it is dropped only when it lists cells of that sheet.
 */
export function dropCalcChain(pkg: ZipPackage, wb: WorkbookInfo, sheetId?: number): void {
  if (sheetId !== undefined) {
    const part = readRels(pkg, wb.part).find((r) => isRelType(r.type, 'calcChain'))?.part;
    const text = part ? pkg.text(part) : undefined;
    if (!text) return;
    // `i` may be left out on an entry: it then repeats the previous entry's sheet.
    let current = 0;
    let hit = false;
    for (const m of text.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
      const i = /\si="(\d+)"/.exec(m[1]);
      if (i) current = Number(i[1]);
      if (current === sheetId) {
        hit = true;
        break;
      }
    }
    if (!hit) return;
  }
  const removed = removeRels(pkg, wb.part, (r) => isRelType(r.type, 'calcChain'));
  for (const r of removed) {
    if (r.part) {
      pkg.remove(r.part);
      removeOverride(pkg, r.part);
    }
  }
}

/** Makes `index` the active and only selected tab. */
export function setActiveTab(pkg: ZipPackage, wb: WorkbookInfo, index: number): void {
  edit(pkg, wb, (root, e) => {
    const views = child(root, 'bookViews');
    const view = views && child(views, 'workbookView');
    const p = prefixOf(root);
    if (view) {
      e.setAttr(view, 'activeTab', String(index));
      const first = view.attrs.firstSheet === undefined ? 0 : Number(view.attrs.firstSheet);
      if (first > index) e.setAttr(view, 'firstSheet', String(index));
    } else if (views) {
      e.appendInside(views, `<${p}workbookView activeTab="${index}"/>`);
    } else {
      insertInOrder(root, e, 'bookViews', `<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>`);
    }
  });
  // Another sheet left selected would open grouped with the active one.
  wb.sheets.forEach((s, i) => {
    if (i === index || !s.part || !pkg.has(s.part)) return;
    const changed = withoutTabSelected(pkg.bytes(s.part, false)!, s.part);
    if (changed) pkg.setBytes(s.part, changed);
  });
}

/** Adds a defined name (e.g. _xlnm.Print_Titles) scoped to a sheet, replacing one with the same name and scope. */
export function setDefinedName(pkg: ZipPackage, wb: WorkbookInfo, name: string, localSheetId: number, value: string, hidden = false): void {
  edit(pkg, wb, (root, e) => {
    const p = prefixOf(root);
    const text = `<${p}definedName name="${escapeAttr(name)}" localSheetId="${localSheetId}"${hidden ? ' hidden="1"' : ''}>${escapeText(value)}</${p}definedName>`;
    const names = child(root, 'definedNames');
    const same = names && children(names, 'definedName').find((d) => d.attrs.name === name && d.attrs.localSheetId === String(localSheetId));
    if (same) e.replace(same.start, same.end, text);
    else if (names) e.appendInside(names, text);
    else insertInOrder(root, e, 'definedNames', `<${p}definedNames>${text}</${p}definedNames>`);
  });
}

export function removeDefinedName(pkg: ZipPackage, wb: WorkbookInfo, name: string, localSheetId: number): void {
  const text = pkg.text(wb.part)!;
  if (!text.includes(name)) return;
  edit(pkg, wb, (root, e) => {
    const names = child(root, 'definedNames');
    const same = names ? children(names, 'definedName').filter((d) => d.attrs.name === name && d.attrs.localSheetId === String(localSheetId)) : [];
    if (names && same.length && same.length === names.children.length) e.remove(names);
    else same.forEach((d) => e.remove(d));
  });
}

/** Asks Excel to recalculate every formula when the file is opened (after values changed). */
export function setFullCalcOnLoad(pkg: ZipPackage, wb: WorkbookInfo): void {
  edit(pkg, wb, (root, e) => {
    const calc = child(root, 'calcPr');
    if (calc) e.setAttr(calc, 'fullCalcOnLoad', '1');
    else insertInOrder(root, e, 'calcPr', `<${prefixOf(root)}calcPr fullCalcOnLoad="1"/>`);
  });
}
