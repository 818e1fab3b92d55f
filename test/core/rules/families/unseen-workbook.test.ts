/**
 * A workbook the rules were not tuned on: the snapshot builder's clean workbook with one planted
 * problem per rule family, checked from the snapshot (input layer included) with the real rule set.
 */
import { checkWorkbook } from '../../../../src/core/check';
import { SnapshotBuilder } from '../../../builders/snapshot-builder';
import { ruleSet } from './family-builders';

const JUNE_30_2025 = 45838;

const run = async (b: SnapshotBuilder) => (await checkWorkbook(b.build(), { ruleSet })).findings;

test('the clean workbook gives no finding with its own profile (hedemora)', async () => {
  expect(await run(SnapshotBuilder.clean())).toEqual([]);
});

test('one planted problem per family is reported in its category, sheet and row, and nothing else', async () => {
  const b = SnapshotBuilder.clean();
  // röd tråd: a förvaltningsmål under a nämndmål that does not exist.
  b.addRow('Mål', ['FM-ON-1.1', 'Förvaltningsmål', 'Fler kan bo kvar hemma', 'NM-ON-9', 'Omsorgsnämnden', 'Invånare', 'Uppnås', null]);
  // mål: 84,5 in 2024 is behind the line 84 (2023) → 90 (2026), which is 86 in 2024.
  b.set('Indikatorer', b.rowOf('Indikatorer', 'I3'), 'Utfall', 84.5);
  // mål och medel: an uppdrag with a cost that is not funded.
  b.set('Uppdrag', b.rowOf('Uppdrag', 'U2'), 'Finansierad', 'Nej');
  // årshjul: an åtgärd due 30 June that is still going on in the August report.
  b.set('Åtgärder', 2, 'Klart senast', JUNE_30_2025);

  const byPlace = (a: { sheet: string | null; row: number | null }, z: { sheet: string | null; row: number | null }) =>
    `${a.sheet}!${a.row}`.localeCompare(`${z.sheet}!${z.row}`);
  const found = (await run(b)).map((f) => ({ rule: f.rule, category: f.category, sheet: f.sheet, row: f.row, cell: f.cell })).sort(byPlace);
  expect(found).toEqual([
    { rule: 'ROD-FORALDER-OKAND', category: 'rod-trad', sheet: 'Mål', row: 7, cell: 'D7' },
    { rule: 'MAL-INDIKATOR-EJ-I-FAS', category: 'mal', sheet: 'Indikatorer', row: 4, cell: 'I4' },
    { rule: 'MM-UPPDRAG-OFINANSIERAT', category: 'mal-medel', sheet: 'Uppdrag', row: 3, cell: 'F3' },
    { rule: 'ARS-ATGARD-FORSENAD', category: 'arshjul', sheet: 'Åtgärder', row: 2, cell: 'E2' },
  ].sort(byPlace));
});
