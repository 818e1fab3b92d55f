import fc from 'fast-check';
import { SEVERITIES } from '../../../src/core/finding';
import { buildModel } from '../../../src/core/input';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';

const words = [
  'Nämnd', 'Budget 2025', 'Utfall (tkr)', 'Prognos', 'Avvikelse', 'Återstår', 'Typ', 'Intäkt', 'Kostnad', 'Plan 2026', 'Verksamhet',
  'Summa', 'Totalt', 'ID', 'Nivå', 'Mål', 'Förälder', 'Mål-ID', 'Indikator', 'Riktning', 'Uppdrag', 'Finansierad', 'Åtgärd',
  'Klart senast', 'Tecken', 'kostnad negativ', 'Period', 'Kommunkod', 'Nämnd', 'Uppnås ej', '1 234,5', '(1 200)', '-12,5 %',
  '#REF!', '2025-08', '31/8/2025', '', '  ', 'x', 'Ja',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...words) },
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1e7, max: 1e7 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.boolean() },
);

const sheetName = fc.constantFrom('Budget', 'budget ', 'Mål', 'Mal', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Inställningar', 'Blad1', '');

const sheetArb: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: sheetName,
  rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
  errors: fc.array(
    fc.record({ row: fc.integer({ min: -2, max: 30 }), col: fc.integer({ min: -2, max: 12 }), code: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '') }),
    { maxLength: 4 },
  ),
  tables: fc.option(
    fc.array(fc.record({ name: fc.string({ maxLength: 4 }), ref: fc.oneof(fc.constantFrom('A1:H20', 'B3:D4', 'A30:C40', 'ZZZZ1', 'A1', 'C5:A2', ''), fc.string({ maxLength: 8 })) }), { maxLength: 2 }),
    { nil: undefined },
  ),
});

function checkResult(snapshot: WorkbookSnapshot, wellTyped = true): void {
  const { model, findings } = buildModel(snapshot);
  expect(model).toBeDefined();
  for (const f of findings) {
    // For snapshots of the declared type the last-resort catch must never be needed.
    if (wellTyped) expect(f.rule).not.toBe('IN-OLASBAR');
    expect(f.category).toBe('indata');
    expect(SEVERITIES).toContain(f.severity);
    expect(f.cell === null || /^[A-Z]{1,3}\d+$/.test(f.cell)).toBe(true);
    if (f.row === null) expect(f.cell).toBeNull();
    expect(typeof f.message).toBe('string');
  }
  for (const l of model.budget?.lines ?? []) {
    for (const v of [l.budget, l.utfall, l.prognos, l.avvikelse, l.avvikelseAngiven]) expect(v === null || Number.isFinite(v)).toBe(true);
  }
}

describe('buildModel never throws', () => {
  it('on random workbooks built from contract words, numbers and junk', () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { maxLength: 6 }), (sheets) => checkResult({ sheets })),
      { numRuns: 400 },
    );
  });

  it('on random budget sheets under a real header', () => {
    const header: CellValue[] = ['Nämnd', 'Verksamhet', 'Typ', 'Budget', 'Utfall', 'Prognos', 'Avvikelse', 'Plan 2026'];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 40 }), fc.constantFrom(null, 'kostnad negativ', 'kostnad positiv'), (rows, tecken) => {
        const sheets: SheetSnapshot[] = [{ name: 'Budget', rows: [header, ...rows], errors: [] }];
        if (tecken) sheets.push({ name: 'Inställningar', rows: [['Tecken', tecken]], errors: [] });
        checkResult({ sheets });
      }),
      { numRuns: 400 },
    );
  });

  it('on snapshots that break the declared shape', () => {
    const junk = fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withMap: true });
    fc.assert(
      fc.property(junk, fc.array(
          fc.record({
            name: fc.oneof(sheetName, junk),
            rows: fc.oneof(junk, fc.array(fc.array(fc.oneof(cell, junk), { maxLength: 8 }), { maxLength: 12 })),
            errors: fc.oneof(junk, fc.array(fc.record({ row: junk, col: junk, code: junk }), { maxLength: 3 })),
            tables: fc.oneof(junk, fc.array(fc.record({ name: junk, ref: junk }), { maxLength: 2 })),
          }),
          { maxLength: 3 },
        ), (top, sheets) => {
        expect(() => buildModel(top as WorkbookSnapshot)).not.toThrow();
        checkResult({ sheets } as unknown as WorkbookSnapshot, false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cells outside the declared types', () => {
  it('are read as unreadable values, not as text conversions that can throw', () => {
    const hostile = { toString: () => { throw new Error('nej'); } };
    const rows = [['Nämnd', 'Typ', 'Budget'], ['KS', hostile, Object.create(null)], [hostile, 'Kostnad', 5]] as unknown as CellValue[][];
    const { model, findings } = buildModel({ sheets: [{ name: 'Budget', rows, errors: [] }] });
    expect(findings.map((f) => f.rule).filter((r) => r !== 'IN-ENHET').sort()).toEqual(['IN-TAL', 'IN-VARDE']);
    expect(model.budget!.lines.map((l) => l.budget)).toEqual([null, 5]);
  });
});
