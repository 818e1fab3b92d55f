/** workbook.xml: the sheets in order (name, state, part) and the date system. */
import type { OpcPackage } from './opc-package';
import { relType } from './opc-package';
import { attrByLocalName } from './xml-part';

export interface SheetEntry {
  name: string;
  /** visible, hidden or veryHidden. */
  state: string;
  /** Worksheet part name; null when the relationship is missing or is not a worksheet (chart sheet …). */
  part: string | null;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

export function readWorkbookPart(pkg: OpcPackage, workbookPart: string): WorkbookInfo {
  const rels = pkg.rels(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  // Extensions repeat element names (x15:workbookPr), so only direct children of the root count.
  let depth = 0;
  pkg.parseXml(workbookPart, {
    close() {
      depth--;
    },
    open(name, attrs) {
      depth++;
      if (name === 'workbookPr' && depth === 2) {
        const v = (attrs.date1904 ?? '').toLowerCase();
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet' && depth === 3) {
        const rel = byId.get(attrByLocalName(attrs, 'id') ?? '');
        const isWorksheet = rel !== undefined && !rel.external && relType(rel, 'worksheet');
        sheets.push({ name: attrs.name ?? '', state: attrs.state ?? 'visible', part: isWorksheet ? rel.target : null });
      }
    },
  });
  const find = (short: string) => {
    const rel = rels.find((r) => relType(r, short) && !r.external && pkg.has(r.target));
    return rel ? rel.target : null;
  };
  return { sheets, date1904, sharedStringsPart: find('sharedStrings'), stylesPart: find('styles') };
}
