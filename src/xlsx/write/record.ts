/**
 * What Styrkoll changed, kept inside the workbook as a custom XML part so the next run can undo
 * it exactly. Excel keeps custom XML parts when it saves, and Office.js reaches the same part
 * through `workbook.customXmlParts`, so the add-in and the file writer share one record.
 */
import { addRel, CONTENT_TYPES, isRelType, readRels, relType, setOverride } from './rels';
import type { CreatedParts, NoteKind } from './notes';
import { children, escapeAttr, parseXml } from './xml-tree';
import type { WorkbookInfo } from './workbook-part';
import { relativeTarget, type ZipPackage } from './zip-package';

export const RECORD_NS = 'urn:styrkoll:markeringar:1';
/** Fixed, so the same input gives the same bytes. */
const ITEM_ID = '{5B0C3D7A-2F4E-4A61-9C3B-7D1E8F20A6C4}';

export interface MarkRecord {
  cell: string;
  /** Style index before the mark (0 = none). */
  style: number;
  /** Whether the cell carried an s attribute (so undo restores the exact markup). */
  styleAttr: boolean;
  /** Style index Styrkoll gave the cell. */
  markedStyle: number;
  /**
   * The cell's original fill (XML) and applyFill: when Excel has renumbered the styles since,
   * the mark is undone by content instead of by index.
   */
  fill: string | null;
  applyFill: string | null;
  /** The cell element did not exist and was added only to carry the mark. */
  created: boolean;
  note: NoteKind | null;
}

export interface SheetRecord {
  name: string;
  /** The original self-closing sheetData tag, when Styrkoll had to open it to add a row. */
  sheetData?: string;
  marks: MarkRecord[];
  created: CreatedParts;
}

export interface StyrkollRecord {
  /** Name of Styrkoll's Kontroll sheet, if it added one. */
  kontroll: string | null;
  sheets: SheetRecord[];
}

export function readRecord(pkg: ZipPackage, wb: WorkbookInfo): { record: StyrkollRecord; part: string } | null {
  for (const rel of readRels(pkg, wb.part)) {
    if (!isRelType(rel.type, 'customXml') || !rel.part) continue;
    const text = pkg.text(rel.part);
    if (!text || !text.includes(RECORD_NS)) continue;
    const root = parseXml(text, rel.part);
    if (root.local !== 'styrkoll') continue;
    const record: StyrkollRecord = { kontroll: null, sheets: [] };
    for (const n of root.children) {
      if (n.local === 'kontroll') record.kontroll = n.attrs.sheet ?? null;
      if (n.local !== 'sheet') continue;
      record.sheets.push({
        name: n.attrs.name ?? '',
        sheetData: n.attrs.sheetData || undefined,
        created: { comments: n.attrs.createdComments || undefined, vml: n.attrs.createdVml || undefined },
        marks: children(n, 'mark').map((m) => ({
          cell: m.attrs.cell ?? '',
          style: Number(m.attrs.style ?? 0),
          styleAttr: m.attrs.noStyleAttr !== '1',
          markedStyle: Number(m.attrs.markedStyle ?? 0),
          fill: m.attrs.fill ?? null,
          applyFill: m.attrs.applyFill ?? null,
          created: m.attrs.created === '1',
          note: (m.attrs.note as NoteKind | undefined) ?? null,
        })),
      });
    }
    return { record, part: rel.part };
  }
  return null;
}

export function writeRecord(pkg: ZipPackage, wb: WorkbookInfo, record: StyrkollRecord, existingPart: string | null): void {
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styrkoll xmlns="${RECORD_NS}" version="1">` +
    (record.kontroll ? `<kontroll sheet="${escapeAttr(record.kontroll)}"/>` : '') +
    record.sheets
      .map(
        (s) =>
          `<sheet name="${escapeAttr(s.name)}"${s.sheetData ? ` sheetData="${escapeAttr(s.sheetData)}"` : ''}${s.created.comments ? ` createdComments="${escapeAttr(s.created.comments)}"` : ''}${s.created.vml ? ` createdVml="${escapeAttr(s.created.vml)}"` : ''}>` +
          s.marks
            .map((m) => `<mark cell="${m.cell}" style="${m.style}"${m.styleAttr ? '' : ' noStyleAttr="1"'} markedStyle="${m.markedStyle}"${m.fill ? ` fill="${escapeAttr(m.fill)}"` : ''}${m.applyFill !== null ? ` applyFill="${escapeAttr(m.applyFill)}"` : ''}${m.created ? ' created="1"' : ''}${m.note ? ` note="${m.note}"` : ''}/>`)
            .join('') +
          '</sheet>',
      )
      .join('') +
    '</styrkoll>';
  if (existingPart) {
    pkg.setText(existingPart, xml);
    return;
  }
  const item = pkg.uniqueName('customXml/item', '.xml');
  const props = item.replace(/item(\d+)\.xml$/, 'itemProps$1.xml');
  pkg.setText(item, xml);
  pkg.setText(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${RECORD_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  setOverride(pkg, item, CONTENT_TYPES.xml);
  setOverride(pkg, props, CONTENT_TYPES.customXmlProps);
  addRel(pkg, item, relType('customXmlProps', wb.strict), relativeTarget(item, props));
  addRel(pkg, wb.part, relType('customXml', wb.strict), relativeTarget(wb.part, item));
}
