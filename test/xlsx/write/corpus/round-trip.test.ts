/**
 * Round trip over the real-world corpus: Styrkoll's marks and Kontroll sheet are added to each
 * workbook exceljs can load, and nothing of the user's workbook may be lost or changed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { buildKontrollSheet, buildMarks, SEVERITY_FILLS } from '../../../../src/core/kontroll';
import type { SheetSpec } from '../../../../src/core/sheet-spec';
import { writeCheckedWorkbook } from '../../../../src/xlsx/write';
import { cellValues, checkResult, commentTexts, finding, firstDifference, loadExcel, parts, rels, resolve, sheetParts, workbookPart } from '../helpers';
import { CORPUS_DIR, requireRepoFile } from '../../../fixtures/files';

const CORPUS = requireRepoFile(CORPUS_DIR);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// derived/ holds deliberately broken files; test-issue-1842 blocks exceljs's event loop for good.
const files = walk(CORPUS)
  .filter((f) => /\.xls[xm]$/i.test(f) && !f.includes(`${path.sep}derived${path.sep}`) && !f.endsWith('test-issue-1842.xlsx'))
  .map((f) => path.relative(CORPUS, f))
  .sort();

const INJECTION = '=HYPERLINK("http://example.invalid","klicka")';

async function tryLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  try {
    return await loadExcel(bytes);
  } catch {
    return null;
  }
}

/** Parts the writer may change: everything else must keep its bytes. */
function touchable(all: Record<string, Uint8Array>, marked: string): Set<string> {
  const wb = workbookPart(all);
  const wbRels = rels(all, wb);
  const styles = wbRels.filter((r) => r.type.endsWith('/styles')).map((r) => resolve(wb, r.target));
  const sheetRels = rels(all, marked).filter((r) => /\/(comments|vmlDrawing)$/.test(r.type)).map((r) => resolve(marked, r.target));
  const relsOf = (p: string) => `${p.slice(0, p.lastIndexOf('/') + 1)}_rels/${p.slice(p.lastIndexOf('/') + 1)}.rels`;
  return new Set(['[Content_Types].xml', wb, relsOf(wb), ...styles, marked, relsOf(marked), ...sheetRels]);
}

const stripTab = (s: string) => s.replace(/\s+tabSelected="(1|true)"/g, '');

describe('writeCheckedWorkbook on the corpus', () => {
  test('the corpus is there', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  test.each(files)('%s', async (file) => {
    const original = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
    const before = await tryLoad(original);
    const inParts = parts(original);
    const sheetMap = sheetParts(inParts);
    const ws = before?.worksheets.find((w) => sheetMap.has(w.name) && inParts[sheetMap.get(w.name)!]);
    if (!before || !ws) {
      // Not loadable: the writer either works or says why in Swedish, never crashes otherwise.
      try {
        writeCheckedWorkbook(original, { kontroll: buildKontrollSheet(checkResult([])), marks: [] });
      } catch (e) {
        expect((e as Error).name).toBe('StyrkollError');
      }
      return;
    }

    // Marks: a cell with a value, an empty cell, and a cell with the user's own note if there is one.
    let valued = 'A1';
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => { if (valued === 'A1' && c.value !== null) valued = c.address; }));
    let noted: string | null = null;
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: true }, (c) => { if (!noted && c.note && c.address !== valued) noted = c.address; }));
    const empty = `${colName(Math.min(ws.columnCount + 2, 16384))}${ws.rowCount + 3}`;
    const findings = [
      finding({ severity: 'fel', sheet: ws.name, cell: valued, message: INJECTION }),
      finding({ severity: 'info', sheet: ws.name, cell: empty, rule: 'IND-TOM', category: 'indata' }),
      ...(noted ? [finding({ severity: 'varning', sheet: ws.name, cell: noted, rule: 'MAL-SAKNAS', category: 'mal' })] : []),
    ];
    const kontroll = withFormula(buildKontrollSheet(checkResult(findings)));
    const out = writeCheckedWorkbook(original, { kontroll, marks: buildMarks(findings) });

    // 1. Every original part is still there; the ones not touched keep their exact bytes.
    const outParts = parts(out);
    const marked = sheetMap.get(ws.name)!;
    const allowed = touchable(inParts, marked);
    for (const [name, data] of Object.entries(inParts)) {
      expect(outParts).toHaveProperty([name]);
      if (allowed.has(name)) continue;
      if (Buffer.compare(Buffer.from(data), Buffer.from(outParts[name])) === 0) continue;
      // The only other change allowed: another sheet no longer selected (the Kontroll sheet is active).
      expect([name, firstDifference(stripTab(strFromU8(outParts[name])), stripTab(strFromU8(data)))]).toEqual([name, null]);
    }

    // 2. Every original cell value is unchanged.
    const after = await loadExcel(out);
    const valuesBefore = cellValues(before);
    const valuesAfter = cellValues(after);
    for (const [k, v] of valuesBefore) expect([k, valuesAfter.get(k)]).toEqual([k, v]);

    // 3. The Kontroll sheet: values, the link to the marked cell, the formula cell, text stays text.
    const k = after.getWorksheet('Kontroll');
    expect(k).toBeDefined();
    expect(k!.getCell('A1').value).toBe('Styrkoll – kontroll av Hedemora kommun');
    const messages: unknown[] = [];
    k!.getColumn(7).eachCell((c) => { messages.push(c.value); });
    expect(messages).toContain(INJECTION);
    const kPart = sheetParts(outParts).get('Kontroll')!;
    const kXml = strFromU8(outParts[kPart]);
    expect(kXml).not.toContain('<f>HYPERLINK');
    expect(kXml).toContain(`location="'${ws.name.replace(/'/g, "''").replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}'!${valued}"`);
    const formulaCell = k!.getCell(`A${kontroll.rows.length}`);
    expect(formulaCell.value).toEqual({ formula: 'SUM(1,2)', result: 3 });
    expect(after.worksheets.filter((w) => w.name === 'Kontroll')).toHaveLength(1);
    // The findings chart: one drawing with Styrkoll's one chart on Kontroll (none in a strict package).
    const strictPackage = strFromU8(inParts[workbookPart(inParts)]).includes('purl.oclc.org/ooxml');
    const kDrawings = rels(outParts, kPart).filter((r) => r.type.endsWith('/drawing')).map((r) => resolve(kPart, r.target));
    expect(kDrawings).toHaveLength(strictPackage ? 0 : 1);
    for (const d of kDrawings) {
      expect(strFromU8(outParts[d]).match(/name="Styrkoll: kontroll"/g)).toHaveLength(1);
      const chartRels = rels(outParts, d).filter((r) => r.type.endsWith('/chart'));
      expect(chartRels).toHaveLength(1);
      expect(outParts[resolve(d, chartRels[0].target)]).toBeDefined();
    }

    // 4. The marks: fill by severity and a note, the value untouched.
    const markedWs = after.getWorksheet(ws.name)!;
    // exceljs reads no comments from strict packages, so notes are checked in the XML as well.
    const strict = strFromU8(inParts[workbookPart(inParts)]).includes('purl.oclc.org/ooxml');
    expect(markedWs.getCell(valued).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILLS.fel } });
    const notesBefore = commentTexts(inParts, marked);
    const notesAfter = commentTexts(outParts, marked);
    expect(notesAfter.get(valued)).toContain('HYPERLINK');
    if (!strict) expect(noteText(markedWs.getCell(valued).note)).toContain('HYPERLINK');
    expect(markedWs.getCell(empty).fill).toMatchObject({ fgColor: { argb: SEVERITY_FILLS.info } });
    expect(markedWs.getCell(empty).value).toBeNull();
    if (noted) {
      expect(notesAfter.get(noted)).toContain('MAL-SAKNAS');
      expect(notesAfter.get(noted)!.startsWith(notesBefore.get(noted)!)).toBe(true);
      expect(noteText(markedWs.getCell(noted).note)).toContain('MAL-SAKNAS');
    }
    // Every note the user had is still there, word for word at the start.
    for (const [ref, text] of notesBefore) expect([ref, notesAfter.get(ref)?.startsWith(text)]).toEqual([ref, true]);

    // 5. Re-running with the same result changes nothing at all.
    expect(Buffer.compare(Buffer.from(writeCheckedWorkbook(out, { kontroll, marks: buildMarks(findings) })), Buffer.from(out))).toBe(0);

    // 6. Re-running after the first finding is gone: one Kontroll sheet, no stale fill or note.
    const fewer = findings.slice(1);
    const out2 = writeCheckedWorkbook(out, { kontroll: buildKontrollSheet(checkResult(fewer)), marks: buildMarks(fewer) });
    const again = await loadExcel(out2);
    expect(again.worksheets.filter((w) => w.name.startsWith('Kontroll'))).toHaveLength(1);
    const ws2 = again.getWorksheet(ws.name)!;
    expect(ws2.getCell(valued).style).toEqual(ws.getCell(valued).style);
    const notes2 = commentTexts(parts(out2), marked);
    expect(notes2.get(valued)).toEqual(notesBefore.get(valued));
    expect(ws2.getCell(empty).fill).toMatchObject({ fgColor: { argb: SEVERITY_FILLS.info } });
    expect(notes2.get(empty)?.match(/IND-TOM/g)).toHaveLength(1);

    // 7. With no findings left, every part of the user's is back to its original bytes.
    const clean = parts(writeCheckedWorkbook(out2, { kontroll: buildKontrollSheet(checkResult([])), marks: [] }));
    const wb = workbookPart(inParts);
    const own = new Set(['[Content_Types].xml', wb, `${wb.slice(0, wb.lastIndexOf('/') + 1)}_rels/${wb.slice(wb.lastIndexOf('/') + 1)}.rels`, ...[...allowed].filter((p) => /styles/.test(p))]);
    for (const [name, data] of Object.entries(inParts)) {
      if (own.has(name)) continue;
      expect(clean).toHaveProperty([name]);
      expect([name, firstDifference(stripTab(strFromU8(clean[name])), stripTab(strFromU8(data)))]).toEqual([name, null]);
    }
  });
});

function withFormula(spec: SheetSpec): SheetSpec {
  return { ...spec, rows: [...spec.rows, [{ v: 3, f: 'SUM(1,2)' }]] };
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
