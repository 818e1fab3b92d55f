import type { CellMark, SheetSpec, SpecCell } from '../../src/core/sheet-spec';
/**
 * writeResult's notes, on the small fake of fake-excel.ts. The fake earns its place here only: the
 * Office.js client in node_modules (1.1.110) has no Worksheet.notes (ExcelApi 1.18), so the real
 * client cannot send a note at all; Excel on Microsoft 365 with office.js from the CDN does.
 * Everything else writeResult does is tested through the real client in real-client/.
 */
import { writeResult } from '../../src/office/write-result';
import { MARK_FILLS } from '../../src/office/mark-record';
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

describe('writeResult with notes (ExcelApi 1.18, fake Excel)', () => {
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

  it('adds notes only when ExcelApi 1.18 is supported', async () => {
    const ctx = new FakeContext(userSheets());
    await writeResult(asExcel(ctx), { kontroll: kontroll([]), marks: [mark('Budget', 'C2')] }, { supports: api('1.9') });
    expect(ctx.sheet('Budget').notes.has('1,2')).toBe(false);
    expect(ctx.sheet('Budget').fills.get('1,2')).toBe(MARK_FILLS.fel);
  });

  it('a write stopped at any sync leaves no note or fill the next run cannot clean up', async () => {
    const first = { kontroll: kontroll([{ sheet: 'Budget', cell: 'B2', message: 'a' }]), marks: [mark('Budget', 'B2'), mark('Budget', 'C3'), mark('Budget', 'A4')] };
    const second = { kontroll: kontroll([{ sheet: 'Budget', cell: 'C3', message: 'b' }]), marks: [mark('Budget', 'C3', 'info', 'Nytt fynd'), mark('Budget', 'C4')] };
    const options = { supports: api('1.18'), maxRequestBytes: 1500 };
    const clean = new FakeContext(userSheets());
    await writeResult(asExcel(clean), first, options);
    const before = clean.syncCount;
    await writeResult(asExcel(clean), second, options);
    const steps = clean.syncCount - before;
    expect(steps).toBeGreaterThan(4);
    for (let step = 1; step <= steps; step++) {
      const ctx = new FakeContext(userSheets());
      await writeResult(asExcel(ctx), first, options);
      const failAt = ctx.syncCount + step;
      const sync = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        if (ctx.syncCount + 1 === failAt) ctx.failNextSync = Object.assign(new Error('GeneralException'), { code: 'GeneralException' });
        return sync();
      };
      await expect(writeResult(asExcel(ctx), second, options)).rejects.toMatchObject({ code: 'GeneralException' });
      ctx.sync = sync;
      await writeResult(asExcel(ctx), second, options);
      const budget = ctx.sheet('Budget');
      expect([step, new Map(budget.notes), new Map(budget.fills)]).toEqual([step, clean.sheet('Budget').notes, clean.sheet('Budget').fills]);
      expect([step, ctx.sheetNames()]).toEqual([step, clean.sheetNames()]);
    }
  });
});
