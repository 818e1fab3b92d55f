/** Builds small .xlsx packages from XML strings (valid defaults), zipped with fflate. */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface SheetDef {
  name: string;
  /** The worksheet's inner XML, e.g. `<sheetData>…</sheetData><mergeCells>…</mergeCells>`. */
  body: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Tables on the sheet; each becomes a table part linked through the sheet's relationships. */
  tables?: { name: string; ref: string }[];
  /** Replaces the whole worksheet part (e.g. with broken XML). */
  rawXml?: string;
}

export interface WorkbookDef {
  sheets: SheetDef[];
  /** Either the strings (plain text) or a whole sst part. */
  sharedStrings?: string[] | { xml: string };
  date1904?: boolean;
  /** Custom number formats and cell styles: cellXfs entries as numFmtIds. */
  styles?: { numFmts?: { id: number; code: string }[]; cellXfs: number[] };
  /** Parts added or replacing generated ones; null removes a generated part. */
  parts?: Record<string, string | Uint8Array | null>;
  /** zip level (0 = stored). */
  level?: 0 | 6 | 9;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function rels(list: { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_R}">${list
    .map((r) => `<Relationship Id="${r.id}" Type="${R}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;
}

export function buildXlsx(def: WorkbookDef): Uint8Array {
  const files: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const wbRels: { id: string; type: string; target: string }[] = [];
  let tableNo = 0;
  def.sheets.forEach((sheet, i) => {
    const n = i + 1;
    wbRels.push({ id: `rId${n}`, type: 'worksheet', target: `worksheets/sheet${n}.xml` });
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    const tableRels = (sheet.tables ?? []).map((t, j) => {
      tableNo++;
      files[`xl/tables/table${tableNo}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${NS}" id="${tableNo}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${t.ref}"><autoFilter ref="${t.ref}"/><tableColumns count="1"><tableColumn id="1" name="A"/></tableColumns></table>`;
      overrides.push(`<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
      return { id: `rId${j + 1}`, type: 'table', target: `../tables/table${tableNo}.xml` };
    });
    if (tableRels.length) files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = rels(tableRels);
    const tableParts = tableRels.length
      ? `<tableParts count="${tableRels.length}">${tableRels.map((r) => `<tablePart r:id="${r.id}"/>`).join('')}</tableParts>`
      : '';
    files[`xl/worksheets/sheet${n}.xml`] =
      sheet.rawXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${R}">${sheet.body}${tableParts}</worksheet>`;
  });
  let next = def.sheets.length + 1;
  if (def.sharedStrings) {
    wbRels.push({ id: `rId${next++}`, type: 'sharedStrings', target: 'sharedStrings.xml' });
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    files['xl/sharedStrings.xml'] = Array.isArray(def.sharedStrings)
      ? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${def.sharedStrings.length}" uniqueCount="${def.sharedStrings.length}">${def.sharedStrings
          .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
          .join('')}</sst>`
      : def.sharedStrings.xml;
  }
  if (def.styles) {
    wbRels.push({ id: `rId${next++}`, type: 'styles', target: 'styles.xml' });
    const fmts = def.styles.numFmts ?? [];
    files['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">${
      fmts.length ? `<numFmts count="${fmts.length}">${fmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join('')}</numFmts>` : ''
    }<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${def.styles.cellXfs.length}">${def.styles.cellXfs
      .map((id) => `<xf numFmtId="${id}" xfId="0"/>`)
      .join('')}</cellXfs></styleSheet>`;
  }
  files['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr${
    def.date1904 ? ' date1904="1"' : ''
  }/><sheets>${def.sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  files['xl/_rels/workbook.xml.rels'] = rels(wbRels);
  files['_rels/.rels'] = rels([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]);
  files['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`;
  for (const [name, content] of Object.entries(def.parts ?? {})) {
    if (content === null) delete files[name];
    else files[name] = content;
  }
  return zipParts(files, def.level ?? 6);
}

export function zipParts(files: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    zippable[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  }
  return zipSync(zippable);
}

/** `<sheetData>` from rows of ready-made `<c>` strings; row numbers written unless `noRowRefs`. */
export function sheetData(rows: string[][], noRowRefs = false): string {
  return `<sheetData>${rows.map((cells, i) => `<row${noRowRefs ? '' : ` r="${i + 1}"`}>${cells.join('')}</row>`).join('')}</sheetData>`;
}
