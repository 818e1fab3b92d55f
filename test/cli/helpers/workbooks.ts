/**
 * Workbooks and non-workbooks for the CLI tests, built in memory: a minimal .xlsx package writer
 * (fast enough for 50 000 rows), a formula-injection workbook, and hostile zip files.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { writeWorkbook, type OutCell } from '../../../scripts/lib/sheet-writer';

export type PlainCell = string | number | null;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(rows: PlainCell[][]): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === null) return '';
          const ref = `${colName(c)}${r + 1}`;
          return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** The smallest package Excel opens: content types, relationships, workbook, one part per sheet. */
export function buildXlsx(sheets: { name: string; rows: PlainCell[][] }[]): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows))));
  return zipSync(files, { level: 6 });
}

/** A small valid workbook with a deficit, a total row and an Inställningar sheet (quick to check). */
export function smallWorkbook(): Uint8Array {
  return buildXlsx([
    {
      name: 'Budget',
      rows: [
        ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos', 'Kommentar'],
        ['Socialnämnden', 'Hemtjänst', 48200, 21400, 51600, 'Fler beviljade timmar'],
        ['Socialnämnden', 'Särskilt boende', 72500, 29800, 72500, null],
        ['Summa Socialnämnden', null, 120700, 51200, 124100, null],
        ['Kommunstyrelsen', 'IT', 5300, 2150, 5300, null],
        ['Summa Kommunstyrelsen', null, 5300, 2150, 5300, null],
        ['Totalt', null, 126000, 53350, 129400, null],
      ],
    },
    { name: 'Inställningar', rows: [['Inställning', 'Värde'], ['Kommun', 'Flens kommun'], ['Belopp i', 'tkr'], ['Period', '2025-05']] },
  ]);
}

/** Texts that a spreadsheet would run as formulas if they were ever written as formulas. */
export const INJECTIONS = ['=HYPERLINK("http://x","klick")', '+1+1', '-2+3', '@SUM(A1)', '=cmd|\' /C calc\'!A0'] as const;

/**
 * A workbook whose Nämnd names, Verksamhet and Kommentar start with =, +, -, @ (as text cells),
 * each line with a deficit so the texts reach the Kontroll sheet and the notes.
 */
export async function injectionWorkbook(): Promise<Uint8Array> {
  const rows: OutCell[][] = [['Nämnd', 'Verksamhet', 'Typ', 'Budget', 'Utfall', 'Prognos', 'Kommentar']];
  INJECTIONS.forEach((text, i) => {
    const verksamhet = INJECTIONS[(i + 1) % INJECTIONS.length];
    const kommentar = INJECTIONS[(i + 2) % INJECTIONS.length];
    rows.push([text, verksamhet, 'Kostnad', 10000 + i * 1000, 4000, 12000 + i * 1200, kommentar]);
  });
  const settings: OutCell[][] = [['Inställning', 'Värde'], ['Kommun', '=HYPERLINK("http://x","kommun")'], ['Profil', 'flen'], ['Belopp i', 'tkr']];
  return writeWorkbook([
    { name: 'Budget', rows, headerRow: 1 },
    { name: 'Inställningar', rows: settings, headerRow: 1 },
  ]);
}

/** A Budget sheet of `lines` rows whose every amount is unreadable text. */
export function garbageBudgetWorkbook(lines: number): Uint8Array {
  const junk = ['abc', '12x', '1.2.3', '1,2,3', 'n/a', '1 2 3 4 5 6 7 kr kr', '(12', '∞', 'tolv', '#SAKNAS'];
  const rows: PlainCell[][] = [['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos']];
  for (let i = 0; i < lines; i++) rows.push([`Nämnd ${i % 7}`, `Verksamhet ${i}`, junk[i % 10], junk[(i + 3) % 10], junk[(i + 7) % 10]]);
  return buildXlsx([{ name: 'Budget', rows }]);
}

/** An empty zip archive: only the end-of-central-directory record. */
export function emptyZip(): Uint8Array {
  const b = new Uint8Array(22);
  b.set([0x50, 0x4b, 0x05, 0x06]);
  return b;
}

/**
 * A valid package whose central directory and local header claim that `part` unpacks to
 * `claimed` bytes (the data itself stays small): a zip bomb as a reader sees it before unpacking.
 */
export function claimSize(zip: Uint8Array, part: string, claimed: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const name = strToU8(part);
  let patched = 0;
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(i + 28, true);
    const entry = out.subarray(i + 46, i + 46 + nameLen);
    if (nameLen !== name.length || !entry.every((b, k) => b === name[k])) continue;
    view.setUint32(i + 24, claimed, true);
    const local = view.getUint32(i + 42, true);
    view.setUint32(local + 22, claimed, true);
    patched++;
  }
  if (patched !== 1) throw new Error(`claimSize: found ${patched} entries named ${part}`);
  return out;
}

/**
 * A package whose worksheet really unpacks to `size` bytes (valid XML: whitespace inside
 * sheetData) while its zip headers claim 1 000 bytes: a reader must not trust the claim.
 */
export function inflatingBomb(size: number): Uint8Array {
  const honest = buildXlsx([{ name: 'Budget', rows: [] }]);
  const files = unzipSync(honest);
  const head = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = strToU8('</sheetData></worksheet>');
  const sheet = new Uint8Array(head.length + size + tail.length).fill(0x20);
  sheet.set(head);
  sheet.set(tail, head.length + size);
  files['xl/worksheets/sheet1.xml'] = sheet;
  return claimSize(zipSync(files, { level: 1 }), 'xl/worksheets/sheet1.xml', 1000);
}
