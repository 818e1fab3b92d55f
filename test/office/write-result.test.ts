import type { CellMark, SheetSpec, SpecCell } from '../../src/core/sheet-spec';
import { writeResult } from '../../src/office/write-result';
import { replaceSheets } from '../../src/office/replace-sheets';
import { MARK_FILLS } from '../../src/office/mark-record';
import { MAX_REQUEST_BYTES } from '../../src/office/payload';
import { FakeContext, asExcel, type FakeSheetInit } from './fake-excel';

const api = (max: string) => (v: string) => Number(v.split('.')[1]) <= Number(max.split('.')[1]);

function kontroll(findings: { sheet: string; cell: string; message: string }[]): SheetSpec {
  const header: SpecCell[] = ['Allvarlighet', 'Blad', 'Cell', 'Meddelande'].map((v) => ({ v, style: { bold: true, fill: 'FF1F3864', color: 'FFFFFFFF' } }));
  return {
    name: 'Kontroll',
    rows: [
      [{ v: 'Styrkoll – kontroll', style: { bold: true, fontSize: 14 } }],
      header,
      ...findings.map((f) => [
        { v: 'fel', style: { fill: 'FFFDE7E9' } },
        { v: f.sheet },
        { v: f.cell, link: { sheet: f.sheet, cell: f.cell } },
        { v: f.message, style: { wrap: true } },
      ]),
      [{ v: 'Antal' }, { v: findings.length, f: `COUNTA(D3:D${findings.length + 2})` }],
    ],
    columnWidths: [12, 14, 8, 60],
    freeze: { rows: 2 },
  };
}

function userSheets(): FakeSheetInit[] {
  return [
    { name: 'Budget', rows: [['Nämnd', 'Budget', 'Prognos'], ['KS', 100, 120], ['SN', 200, 180], ['Summa', 300, 300]], fills: { B2: '#FFFF00' }, notes: { A4: 'Användarens egen anteckning' } },
    { name: 'Mål', rows: [['ID', 'Nivå', 'Mål'], ['M1', 'Vision', '=inte en formel']] },
  ];
}

const mark = (sheet: string, cell: string, severity: CellMark['severity'] = 'fel', note = `Fynd i ${cell}`): CellMark => ({ sheet, cell, severity, note });

function valuesOf(ctx: FakeContext, sheet: string) {
  return new Map(ctx.sheet(sheet).values);
}

describe('writeResult', () => {
  it('never changes a value in the user sheets, only fills and notes', async () => {
    const ctx = new FakeContext(userSheets());
    const before = { budget: valuesOf(ctx, 'Budget'), mal: valuesOf(ctx, 'Mål') };
    const budgetFormats = new Map(ctx.sheet('Budget').numberFormats);
    await writeResult(asExcel(ctx), { kontroll: kontroll([{ sheet: 'Budget', cell: 'C2', message: 'Underskott' }]), marks: [mark('Budget', 'C2'), mark('Mål', 'C2', 'varning')] }, { supports: api('1.18') });
    expect(valuesOf(ctx, 'Budget')).toEqual(before.budget);
    expect(valuesOf(ctx, 'Mål')).toEqual(before.mal);
    expect(ctx.sheet('Budget').numberFormats).toEqual(budgetFormats);
    expect(ctx.sheet('Budget').formulas.size + ctx.sheet('Mål').formulas.size).toBe(0);
    expect(ctx.sheet('Budget').fills.get('1,2')).toBe(MARK_FILLS.fel);
    expect(ctx.sheet('Mål').fills.get('1,2')).toBe(MARK_FILLS.varning);
    expect(ctx.sheet('Budget').notes.get('1,2')).toBe('Fynd i C2');
  });

  it('a second run leaves exactly one Kontroll sheet and no stale marks', async () => {
    const ctx = new FakeContext(userSheets());
    await writeResult(asExcel(ctx), { kontroll: kontroll([{ sheet: 'Budget', cell: 'B2', message: 'a' }]), marks: [mark('Budget', 'B2'), mark('Budget', 'C3'), mark('Budget', 'A4')] }, { supports: api('1.18') });
    expect(ctx.sheet('Budget').fills.get('1,1')).toBe(MARK_FILLS.fel);
    expect(ctx.sheet('Budget').notes.get('3,0')).toBe('Användarens egen anteckning');

    await writeResult(asExcel(ctx), { kontroll: kontroll([{ sheet: 'Budget', cell: 'C3', message: 'b' }]), marks: [mark('Budget', 'C3', 'info', 'Nytt fynd')] }, { supports: api('1.18') });
    expect(ctx.sheetNames().filter((n) => n.toLowerCase().startsWith('kontroll'))).toEqual(['Kontroll']);
    const budget = ctx.sheet('Budget');
    expect(budget.fills.get('1,1')).toBe('#FFFF00'); // the user's own fill is back
    expect(budget.fills.has('3,0')).toBe(false);
    expect(budget.fills.get('2,2')).toBe(MARK_FILLS.info);
    expect(budget.notes.has('1,1')).toBe(false);
    expect(budget.notes.get('2,2')).toBe('Nytt fynd');
    expect(budget.notes.get('3,0')).toBe('Användarens egen anteckning');
    expect(ctx.sheet('Kontroll').values.get('2,3')).toBe('b');

    await writeResult(asExcel(ctx), { kontroll: kontroll([]), marks: [] }, { supports: api('1.18') });
    expect(budget.fills.get('1,1')).toBe('#FFFF00');
    expect(budget.fills.has('2,2')).toBe(false);
    expect([...budget.notes.keys()]).toEqual(['3,0']);
  });

  it('leaves a fill the user changed after the mark alone when clearing', async () => {
    const ctx = new FakeContext(userSheets());
    await writeResult(asExcel(ctx), { kontroll: kontroll([]), marks: [mark('Budget', 'C2')] }, { supports: api('1.7') });
    ctx.sheet('Budget').fills.set('1,2', '#00B050');
    await writeResult(asExcel(ctx), { kontroll: kontroll([]), marks: [] }, { supports: api('1.7') });
    expect(ctx.sheet('Budget').fills.get('1,2')).toBe('#00B050');
  });

  it('adds notes only when ExcelApi 1.18 is supported', async () => {
    const ctx = new FakeContext(userSheets());
    await writeResult(asExcel(ctx), { kontroll: kontroll([]), marks: [mark('Budget', 'C2')] }, { supports: api('1.9') });
    expect(ctx.sheet('Budget').notes.has('1,2')).toBe(false);
    expect(ctx.sheet('Budget').fills.get('1,2')).toBe(MARK_FILLS.fel);
  });

  it('keeps text that starts with = + - @ as text and writes real formulas only from f', async () => {
    const ctx = new FakeContext(userSheets());
    const spec: SheetSpec = { name: 'Kontroll', rows: [[{ v: '=SUMMA(A1)' }, { v: '+46' }, { v: '-5 %' }, { v: '@namn' }, { v: 3, f: 'SUM(1,2)' }, { v: 'vanlig' }]] };
    await writeResult(asExcel(ctx), { kontroll: spec, marks: [] }, { supports: api('1.7') });
    const k = ctx.sheet('Kontroll');
    expect([0, 1, 2, 3].map((c) => k.numberFormats.get(`0,${c}`))).toEqual(['@', '@', '@', '@']);
    expect(k.values.get('0,0')).toBe('=SUMMA(A1)');
    expect(k.formulas.has('0,0')).toBe(false);
    expect(k.formulas.has('0,4')).toBe(true);
    expect(k.values.get('0,4')).toBe('=SUM(1,2)');
    expect(k.numberFormats.get('0,5')).toBe('General');
  });

  it('links each finding to its cell', async () => {
    const ctx = new FakeContext(userSheets());
    await writeResult(asExcel(ctx), { kontroll: kontroll([{ sheet: 'Mål', cell: 'C2', message: 'x' }]), marks: [] }, { supports: api('1.7') });
    expect(ctx.sheet('Kontroll').hyperlinks.get('2,2')).toEqual({ documentReference: "'Mål'!C2", textToDisplay: 'C2' });
  });

  it('splits a large Kontroll sheet into requests that each stay under 4 MB, suspending calculation in each', async () => {
    const findings = Array.from({ length: 40_000 }, (_, i) => ({ sheet: 'Budget', cell: `C${(i % 3) + 2}`, message: `Prognosen för verksamhet ${i} överskrider budgeten – åtgärdsplan saknas. `.repeat(2) }));
    const ctx = new FakeContext(userSheets());
    await writeResult(asExcel(ctx), { kontroll: kontroll(findings), marks: [] }, { supports: api('1.9') });
    const writes = ctx.requestBytes.slice(2);
    const total = writes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(MAX_REQUEST_BYTES); // the test really needs splitting
    expect(Math.max(...ctx.requestBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(ctx.calcSuspensions).toBe(writes.length);
    expect(ctx.screenSuspensions).toBe(writes.length);
    expect(ctx.sheet('Kontroll').values.get(`${findings.length + 1},3`)).toBe(findings[findings.length - 1].message);
  });

  it('does not suspend screen updating below ExcelApi 1.9', async () => {
    const ctx = new FakeContext(userSheets());
    await writeResult(asExcel(ctx), { kontroll: kontroll([]), marks: [] }, { supports: api('1.8') });
    expect(ctx.screenSuspensions).toBe(0);
    expect(ctx.calcSuspensions).toBeGreaterThan(0);
  });

  it('removes a Kontroll_ny left by an interrupted run, so the check is not jammed (#16)', async () => {
    for (const withOld of [true, false]) {
      const sheets = [...userSheets(), ...(withOld ? [{ name: 'Kontroll', rows: [['gammal']] }] : []), { name: 'Kontroll_ny', rows: [['halvskriven']] }];
      const ctx = new FakeContext(sheets);
      await writeResult(asExcel(ctx), { kontroll: kontroll([{ sheet: 'Budget', cell: 'C2', message: 'x' }]), marks: [mark('Budget', 'C2')] }, { supports: api('1.18') });
      expect(ctx.sheetNames().filter((n) => n.startsWith('Kontroll'))).toEqual(['Kontroll']);
      expect(ctx.sheet('Kontroll').values.get('0,0')).toBe('Styrkoll – kontroll');
    }
  });

  it('replaceSheets removes a leftover temporary sheet too', async () => {
    const ctx = new FakeContext([...userSheets(), { name: 'Rapport', rows: [['gammal']] }, { name: 'Rapport_ny', rows: [['halvskriven']] }]);
    await replaceSheets(asExcel(ctx), [{ name: 'Rapport', rows: [[{ v: 'ny' }]] }], api('1.9'));
    expect(ctx.sheetNames().filter((n) => n.startsWith('Rapport'))).toEqual(['Rapport']);
    expect(ctx.sheet('Rapport').values.get('0,0')).toBe('ny');

  });
});
