import { strToU8, zipSync } from 'fflate';
import { buildKontrollSheet, buildMarks, SEVERITY_FILLS, MAX_MARKED_CELLS_PER_SHEET } from '../../../src/core/kontroll';
import type { Finding } from '../../../src/core/finding';
import { NOTE_AUTHOR, RECORD_NS, writeCheckedWorkbook } from '../../../src/xlsx/write';
import { budgetWorkbook, checkResult, commentTexts, finding, loadExcel, partText, parts, sheetParts, workbookPart } from './helpers';

const run = (bytes: Uint8Array, findings: Finding[]) =>
  writeCheckedWorkbook(bytes, { kontroll: buildKontrollSheet(checkResult(findings)), marks: buildMarks(findings) });

const onD3 = finding({ severity: 'fel', sheet: 'Budget', cell: 'D3', rule: 'BUD-X', message: 'Prognosen saknar kommentar.' });
const onC2 = finding({ severity: 'varning', sheet: 'Budget', cell: 'C2', rule: 'BUD-Y', message: '=HYPERLINK("http://example.invalid","klicka")' });
const onEmpty = finding({ severity: 'info', sheet: 'Mål', cell: 'F9', rule: 'MAL-Z', category: 'mal' });

describe('writeCheckedWorkbook', () => {
  let original: Uint8Array;
  let out: Uint8Array;
  beforeAll(async () => {
    original = await budgetWorkbook();
    out = run(original, [onD3, onC2, onEmpty]);
  });

  test('the Kontroll sheet is last and the active, only selected sheet', async () => {
    const wb = await loadExcel(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Budget', 'Mål', 'Kontroll']);
    expect(wb.views[0].activeTab).toBe(2);
    const p = parts(out);
    const sheets = sheetParts(p);
    expect(partText(out, sheets.get('Kontroll')!)).toContain('tabSelected="1"');
    expect(partText(out, sheets.get('Budget')!)).not.toContain('tabSelected');
  });

  test('a marked cell keeps its value, number format and font, and gets the fill', async () => {
    const before = (await loadExcel(original)).getWorksheet('Budget')!;
    const ws = (await loadExcel(out)).getWorksheet('Budget')!;
    expect(ws.getCell('C2').value).toBe(1000);
    expect(ws.getCell('C2').numFmt).toBe(before.getCell('C2').numFmt);
    expect(ws.getCell('C2').font).toEqual(before.getCell('C2').font);
    expect(ws.getCell('C2').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: SEVERITY_FILLS.varning } });
    expect(ws.getCell('E2').value).toEqual({ formula: 'C2-D2', result: -200 });
  });

  test('notes: a new Styrkoll comment, and text appended to the user’s own comment', () => {
    const notes = commentTexts(parts(out), sheetParts(parts(out)).get('Budget')!);
    expect(notes.get('C2')).toBe(`${NOTE_AUTHOR}:\nVarning (BUD-Y): =HYPERLINK("http://example.invalid","klicka")`);
    expect(notes.get('D3')).toBe('Prognosen är osäker.\n\nStyrkoll: Fel (BUD-X): Prognosen saknar kommentar.');
    const mal = commentTexts(parts(out), sheetParts(parts(out)).get('Mål')!);
    expect(mal.get('F9')).toContain('MAL-Z');
  });

  test('a finding message starting with "=" is text in the Kontroll sheet', async () => {
    const k = (await loadExcel(out)).getWorksheet('Kontroll')!;
    const messages: unknown[] = [];
    k.getColumn(7).eachCell((c) => {
      messages.push(c.value);
    });
    expect(messages).toContain('=HYPERLINK("http://example.invalid","klicka")');
    expect(partText(out, sheetParts(parts(out)).get('Kontroll')!)).not.toContain('<f>');
  });

  test('what was changed is recorded in a custom XML part', () => {
    const p = parts(out);
    const item = Object.keys(p).find((n) => /^customXml\/item\d+\.xml$/.test(n))!;
    expect(partText(out, item)).toContain(RECORD_NS);
    expect(partText(out, item)).toContain('<mark cell="C2"');
    expect(partText(out, '[Content_Types].xml')).toContain('customXmlProperties+xml');
    expect(partText(out, `${workbookPart(p).replace(/[^/]+$/, '')}_rels/workbook.xml.rels`)).toContain('/customXml"');
  });

  test('deterministic: the same input gives the same bytes, and a re-run with the same findings changes nothing', () => {
    expect(Buffer.compare(Buffer.from(run(original, [onD3, onC2, onEmpty])), Buffer.from(out))).toBe(0);
    expect(Buffer.compare(Buffer.from(run(out, [onD3, onC2, onEmpty])), Buffer.from(out))).toBe(0);
  });

  test('a re-run replaces: one Kontroll sheet, gone findings leave no fill or note behind', async () => {
    const again = run(out, [onC2]);
    const wb = await loadExcel(again);
    const before = (await loadExcel(original)).getWorksheet('Budget')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Budget', 'Mål', 'Kontroll']);
    expect(wb.getWorksheet('Budget')!.getCell('D3').style).toEqual(before.getCell('D3').style);
    const notes = commentTexts(parts(again), sheetParts(parts(again)).get('Budget')!);
    expect(notes.get('D3')).toBe('Prognosen är osäker.');
    expect(notes.get('C2')?.match(/BUD-Y/g)).toHaveLength(1);
    // Mål has no marks left: its sheet part is the original again, and Styrkoll's comment parts are gone.
    const malPart = sheetParts(parts(original)).get('Mål')!;
    expect(partText(again, malPart)).toBe(partText(original, malPart).replace(/ tabSelected="1"/, ''));
    const malRels = malPart.replace(/([^/]+)$/, '_rels/$1.rels');
    expect(parts(original)).not.toHaveProperty([malRels]);
    expect(parts(out)).toHaveProperty([malRels]);
    expect(parts(again)).not.toHaveProperty([malRels]);
    expect(Object.keys(parts(again)).filter((n) => /comments|vmlDrawing/.test(n))).toHaveLength(2);
  });

  test('no findings: every user part is back to its original bytes', () => {
    const clean = parts(run(out, []));
    const orig = parts(original);
    const wb = workbookPart(orig);
    for (const [name, data] of Object.entries(orig)) {
      if (['[Content_Types].xml', wb, 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'].includes(name)) continue;
      expect([name, Buffer.from(clean[name] ?? []).toString('utf8').replace(/ tabSelected="1"/, '')]).toEqual([name, Buffer.from(data).toString('utf8').replace(/ tabSelected="1"/, '')]);
    }
  });

  test('a cell the user restyled after the check keeps the user’s style on the next run', () => {
    const budgetPart = sheetParts(parts(out)).get('Budget')!;
    const p = parts(out);
    const xml = partText(out, budgetPart).replace(/(<c r="C2" s=")\d+/, '$15');
    p[budgetPart] = strToU8(xml);
    const edited = zipSync(p);
    const again = run(edited, []);
    expect(partText(again, budgetPart)).toMatch(/<c r="C2" s="5"/);
  });

  test('a sheet of the user’s called Kontroll is left alone; Styrkoll uses "Kontroll (2)"', async () => {
    const withOwn = await budgetWorkbook({ kontrollSheet: true });
    const first = run(withOwn, [onD3]);
    const second = run(first, [onC2]);
    const wb = await loadExcel(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Budget', 'Mål', 'Kontroll', 'Kontroll (2)']);
    expect(wb.getWorksheet('Kontroll')!.getCell('A1').value).toBe('Användarens egen kontroll');
    expect(wb.getWorksheet('Kontroll (2)')!.getCell('A1').value).toBe('Styrkoll – kontroll av Hedemora kommun');
  });

  test('styles renumbered by Excel since the check: the mark is still undone, by content', async () => {
    const p = parts(out);
    const budgetPart = sheetParts(p).get('Budget')!;
    const styles = partText(out, 'xl/styles.xml');
    const marked = Number(/<c r="C2" s="(\d+)"/.exec(partText(out, budgetPart))![1]);
    // Excel re-saving may move the same format to another index: append a copy and point C2 at it.
    const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
    const list = [...xfs[2].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const copyIndex = list.length;
    p['xl/styles.xml'] = strToU8(styles.replace(xfs[0], `<cellXfs count="${copyIndex + 1}">${xfs[2]}${list[marked]}</cellXfs>`));
    p[budgetPart] = strToU8(partText(out, budgetPart).replace(/(<c r="C2" s=")\d+/, `$1${copyIndex}`));
    const again = run(zipSync(p), []);
    const before = (await loadExcel(original)).getWorksheet('Budget')!.getCell('C2');
    const after = (await loadExcel(again)).getWorksheet('Budget')!.getCell('C2');
    expect(after.fill).toEqual(before.fill);
    expect(after.font).toEqual(before.font);
    expect(after.numFmt).toBe(before.numFmt);
  });

  test('a Kontroll sheet the user moved first stays first on a re-run, print titles follow it', async () => {
    const p = parts(out);
    const wbPart = workbookPart(p);
    const xml = partText(out, wbPart);
    const kontroll = /<sheet name="Kontroll"[^>]*\/>/.exec(xml)![0];
    const moved = xml
      .replace(kontroll, '')
      .replace('<sheets>', `<sheets>${kontroll}`)
      .replace(/(name="_xlnm.Print_Titles" localSheetId=")2/, '$10')
      .replace('activeTab="2"', 'activeTab="0"');
    p[wbPart] = strToU8(moved);
    const again = run(zipSync(p), [onC2]);
    const wb = await loadExcel(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kontroll', 'Budget', 'Mål']);
    expect(partText(again, wbPart)).toMatch(/name="_xlnm.Print_Titles" localSheetId="0">'Kontroll'!\$\d+:\$\d+/);
    expect(wb.views[0].activeTab).toBe(0);
  });

  test('marks on sheets or cells that do not exist are skipped, not fatal', async () => {
    const bytes = run(original, [finding({ sheet: 'Finns inte', cell: 'A1' }), finding({ sheet: 'Budget', cell: 'XFD1048576' })]);
    const ws = (await loadExcel(bytes)).getWorksheet('Budget')!;
    expect(ws.getCell('XFD1048576').fill).toMatchObject({ fgColor: { argb: SEVERITY_FILLS.varning } });
  });

  test('not a workbook: a Swedish StyrkollError', () => {
    expect(() => run(strToU8('inte en zip'), [])).toThrow(expect.objectContaining({ name: 'StyrkollError', code: 'INTE_ARBETSBOK' }));
    expect(() => run(zipSync({ 'a.txt': strToU8('x') }), [])).toThrow(expect.objectContaining({ name: 'StyrkollError' }));
  });
});

/**
 * A check with more findings than anyone can read in notes: at most MAX_MARKED_CELLS_PER_SHEET
 * cells are marked (the most severe first), the Kontroll sheet says so and lists every finding
 * under an AutoFilter, and a re-run still takes every mark out again.
 */
describe('many marks on one sheet', () => {
  const extra = 25;
  const varningar = Array.from({ length: MAX_MARKED_CELLS_PER_SHEET + extra }, (_, i) => finding({ severity: 'varning', cell: `D${i + 5}`, row: i + 5 }));
  const fel = [1, 2, 3].map((i) => finding({ severity: 'fel', rule: 'BUD-FEL', cell: `F${200_000 + i}`, row: 200_000 + i }));
  const findings = [...varningar, ...fel];
  let original: Uint8Array;
  let out: Uint8Array;
  beforeAll(async () => {
    original = await budgetWorkbook();
    out = run(original, findings);
  });

  test('at most the cap of cells is marked, the most severe first', () => {
    const marks = buildMarks(findings);
    expect(marks).toHaveLength(MAX_MARKED_CELLS_PER_SHEET);
    expect(marks.filter((m) => m.severity === 'fel').map((m) => m.cell)).toEqual(['F200001', 'F200002', 'F200003']);
    const notes = commentTexts(parts(out), sheetParts(parts(out)).get('Budget')!);
    // The user's own note on D3 plus one per marked cell.
    expect(notes.size).toBe(MAX_MARKED_CELLS_PER_SHEET + 1);
    expect(notes.get('F200003')).toContain('BUD-FEL');
    expect(notes.has(`D${MAX_MARKED_CELLS_PER_SHEET + extra + 4}`)).toBe(false);
  });

  test('the Kontroll sheet says so, lists every finding and has an AutoFilter over them', () => {
    const kontroll = buildKontrollSheet(checkResult(findings));
    const texts = kontroll.rows.flat().map((c) => c?.v);
    expect(texts.some((t) => typeof t === 'string' && t.includes('bladet Budget') && t.includes('färgmarkerade'))).toBe(true);
    const header = kontroll.rows.findIndex((r) => r[0]?.v === 'Allvar') + 1;
    expect(kontroll.rows.length - header).toBe(findings.length);
    expect(kontroll.autoFilter).toBe(`A${header}:I${kontroll.rows.length}`);
    expect(partText(out, sheetParts(parts(out)).get('Kontroll')!)).toContain(`<autoFilter ref="A${header}:I${kontroll.rows.length}"/>`);
  });

  test('a re-run without findings gives the user’s sheet back byte for byte', () => {
    const clean = run(out, []);
    const budget = sheetParts(parts(original)).get('Budget')!;
    expect(partText(clean, budget)).toBe(partText(original, budget).replace(/ tabSelected="1"/, ''));
    expect(commentTexts(parts(clean), budget)).toEqual(commentTexts(parts(original), budget));
    const vml = Object.keys(parts(clean)).filter((n) => n.endsWith('.vml'));
    for (const name of vml) expect(partText(clean, name).match(/<v:shape /g) ?? []).toHaveLength(1);
  });
});
