import { planKoladaUpdates } from '../../src/kolada';
import { indicator, indicatorSheet, outcomeData, HEADER_ROW } from './builders';
import { row } from './fake-kolada';

const cell = (edits: { cell: string; value: unknown }[], a1: string) => edits.find((e) => e.cell === a1)?.value;

describe('planKoladaUpdates', () => {
  test('fills Utfall and Utfallsår with the latest total (T) value, ignoring K/M and null years', () => {
    const { table, snapshot } = indicatorSheet([indicator()]);
    const data = outcomeData([
      row('U00401', '2083', 2022, 51, [{ gender: 'K', value: 99 }]),
      row('U00401', '2083', 2023, 53, [{ gender: 'M', value: 12 }]),
      row('U00401', '2083', 2024, null, [{ gender: 'K', value: 77 }]),
    ]);
    const plan = planKoladaUpdates({ indicators: table, snapshot, data });
    expect(cell(plan.edits, 'I2')).toBe(53);
    expect(cell(plan.edits, 'J2')).toBe(2023);
    expect(plan.changes).toContain('Indikator I1: Utfall 53 (2023) från Kolada.');
    // The null year is listed, not written.
    expect(plan.warnings.some((w) => w.includes('saknar värde för 2024'))).toBe(true);
    expect(plan.edits.some((e) => e.value === null || e.value === 77)).toBe(false);
  });

  test('ignores years before the baseline year and after the latest year', () => {
    const { table, snapshot } = indicatorSheet([indicator({ baselineYear: 2022 })]);
    const data = outcomeData([row('U00401', '2083', 2021, 40), row('U00401', '2083', 2026, 60)]);
    const plan = planKoladaUpdates({ indicators: table, snapshot, data, latestYear: 2025 });
    expect(plan.edits.filter((e) => e.cell === 'I2')).toEqual([]);
    expect(plan.warnings.join('\n')).toContain('Kolada har inget utfall från 2022');
  });

  test('keeps an outcome someone typed unless overwrite is set, then lists old → new', () => {
    const typed = indicator({ outcome: 52, outcomeYear: 2023 });
    const { table, snapshot } = indicatorSheet([typed]);
    const data = outcomeData([row('U00401', '2083', 2024, 54)]);

    const kept = planKoladaUpdates({ indicators: table, snapshot, data });
    expect(kept.edits.filter((e) => e.cell === 'I2' || e.cell === 'J2')).toEqual([]);
    expect(kept.warnings).toContain('Indikator I1: Utfall 52 (2023) behålls; Kolada har 54 (2024). Kör med --overwrite för att ersätta.');

    const replaced = planKoladaUpdates({ indicators: table, snapshot, data, overwrite: true });
    expect(cell(replaced.edits, 'I2')).toBe(54);
    expect(cell(replaced.edits, 'J2')).toBe(2024);
    expect(replaced.changes).toContain('Indikator I1: Utfall 52 (2023) → 54 (2024) från Kolada.');
  });

  test('an outcome already equal to Kolada is left alone', () => {
    const { table, snapshot } = indicatorSheet([indicator({ outcome: 54, outcomeYear: 2024 })]);
    const plan = planKoladaUpdates({ indicators: table, snapshot, data: outcomeData([row('U00401', '2083', 2024, 54)]) });
    expect(plan.edits.filter((e) => e.cell === 'I2' || e.cell === 'J2')).toEqual([]);
  });

  test('appends Riket, Län and Jämförelsegrupp after the last header column, for the row’s year', () => {
    const { table, snapshot } = indicatorSheet([indicator()]);
    const data = outcomeData(
      [
        row('U00401', '2083', 2024, 54),
        row('U00401', '0000', 2024, 58.4),
        row('U00401', '0000', 2023, 11),
        row('U00401', '0020', 2024, 56),
        row('U00401', '2084', 2024, 50),
        row('U00401', '2085', 2024, 53),
      ],
      { group: { id: 'G1', title: 'Liknande kommuner', members: ['2084', '2085'] } },
    );
    const plan = planKoladaUpdates({ indicators: table, snapshot, data });
    // Last header is J (Utfallsår): new columns K, L, M.
    expect(cell(plan.edits, 'K1')).toBe('Riket');
    expect(cell(plan.edits, 'L1')).toBe('Län');
    expect(cell(plan.edits, 'M1')).toBe('Jämförelsegrupp');
    expect(cell(plan.edits, 'K2')).toBe(58.4);
    expect(cell(plan.edits, 'L2')).toBe(56);
    expect(cell(plan.edits, 'M2')).toBe(51.5);
    expect(plan.changes).toContain('Ny kolumn Riket (kolumn K) i Indikatorer.');
    expect(plan.changes).toContain('Indikator I1: Riket 58,4 (2024).');
    expect(plan.changes).toContain('Indikator I1: Län (Region Dalarna) 56 (2024).');
  });

  test('reuses an existing comparison column (header with a year) and skips unchanged cells', () => {
    const headers = [...HEADER_ROW, 'Riket 2024', 'Kommentar'];
    const { table, snapshot } = indicatorSheet([indicator({ outcome: 54, outcomeYear: 2024 }), indicator({ row: 3, id: 'I2', koladaId: 'U00402' })], headers);
    snapshot.sheets[0].rows[1][10] = 58; // K2, under "Riket 2024"
    const data = outcomeData(
      [row('U00401', '2083', 2024, 54), row('U00401', '0000', 2024, 58), row('U00402', '2083', 2024, 70), row('U00402', '0000', 2024, 65)],
      { lan: null },
    );
    const plan = planKoladaUpdates({ indicators: table, snapshot, data });
    expect(plan.edits.filter((e) => /^[A-Z]+1$/.test(e.cell))).toEqual([]); // no new header
    expect(cell(plan.edits, 'K2')).toBeUndefined(); // already 58
    expect(cell(plan.edits, 'K3')).toBe(65);
  });

  test('lists unknown KPIs and indicators without any value', () => {
    const { table, snapshot } = indicatorSheet([indicator({ koladaId: 'X99999' }), indicator({ row: 3, id: 'I2', koladaId: 'U00402' })]);
    const plan = planKoladaUpdates({ indicators: table, snapshot, data: outcomeData([], { unknownKpis: ['X99999'] }) });
    expect(plan.edits).toEqual([]);
    expect(plan.warnings).toContain('Kolada-ID X99999 finns inte i Kolada – kontrollera Kolada-ID i Indikatorer.');
    expect(plan.warnings.some((w) => w.startsWith('Indikator I2: Kolada har inget utfall'))).toBe(true);
  });

  test('appends Utfall and Utfallsår when the sheet lacks them', () => {
    const headers = ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID'];
    const { table, snapshot } = indicatorSheet([indicator({ baselineYear: null })], headers);
    const plan = planKoladaUpdates({ indicators: table, snapshot, data: outcomeData([row('U00401', '2083', 2024, 54)], { lan: null }) });
    expect(cell(plan.edits, 'E1')).toBe('Utfall');
    expect(cell(plan.edits, 'F1')).toBe('Utfallsår');
    expect(cell(plan.edits, 'E2')).toBe(54);
    expect(cell(plan.edits, 'F2')).toBe(2024);
  });
});
