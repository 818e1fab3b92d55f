/**
 * A check with more findings than anyone can read in notes: at most MAX_MARKED_CELLS_PER_SHEET
 * cells are marked (the most severe first), the Kontroll sheet says so and lists every finding
 * under an AutoFilter, and a re-run still takes every mark out again.
 */
import { buildKontrollSheet, buildMarks, MAX_MARKED_CELLS_PER_SHEET } from '../../../src/core/kontroll';
import type { Finding } from '../../../src/core/finding';
import { writeCheckedWorkbook } from '../../../src/xlsx/write';
import { budgetWorkbook, checkResult, commentTexts, finding, partText, parts, sheetParts } from './helpers';

const run = (bytes: Uint8Array, findings: Finding[]) =>
  writeCheckedWorkbook(bytes, { kontroll: buildKontrollSheet(checkResult(findings)), marks: buildMarks(findings) });

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
