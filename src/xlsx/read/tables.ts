/** Excel tables (ListObjects) of a sheet: name and A1 range, found through the sheet's relationships. */
import type { OpcPackage } from './opc-package';
import { relType } from './opc-package';

export function readTables(pkg: OpcPackage, sheetPart: string, tablePartIds: string[]): { name: string; ref: string }[] {
  if (tablePartIds.length === 0) return [];
  const rels = pkg.rels(sheetPart);
  const out: { name: string; ref: string }[] = [];
  for (const id of tablePartIds) {
    const rel = rels.find((r) => r.id === id);
    if (!rel || rel.external || !relType(rel, 'table') || !pkg.has(rel.target)) continue;
    let found: { name: string; ref: string } | null = null;
    pkg.parseXml(rel.target, {
      open(name, attrs) {
        if (name === 'table' && !found) {
          // Office.js calls displayName the table's name.
          found = { name: attrs.displayName ?? attrs.name ?? '', ref: attrs.ref ?? '' };
        }
      },
    });
    if (found) out.push(found);
  }
  return out;
}
