import { buildModel } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { budget, line, sheet, workbook, withoutUnit, withRule } from './builders';

const base = () => budget([line('KS', 'A', 1)]);

describe('Mål', () => {
  const header = ['ID', 'Nivå', 'Mål', 'Förälder', 'Nämnd', 'Perspektiv', 'Prognos', 'Kräver medel (kr)'];
  const rows: CellValue[][] = [
    header,
    ['V', 'Vision', 'Vision Hedemora 2038', null, null, null, null, null],
    [1, 'Inriktningsmål', 'Trygg uppväxt', 'V', 'KF', 'Invånare', 'Uppnås', null],
    ['1.1', 'Nämndmål', 'Fler behöriga', 1, 'BUN', 'invånare', 'delvis uppnått', '250 000'],
    ['1.2', 'Nämndmål', 'Färre placeringar', 1, 'SN', null, 'Ej uppnått', 0],
    ['1.2', 'Nämndmål', 'Dubblett', 1, 'SN', null, 'UPPNAS EJ', null],
    [null, 'Nämndmål', 'Utan id', 1, 'SN', null, null, null],
    ['1.3', '', 'Utan nivå', 1, 'SN', null, 'kanske', 'mycket'],
  ];

  it('reads goals with prognos, parent and money', () => {
    const { model } = buildModel(workbook(base(), sheet('Mål', rows)));
    const goals = model.goals!.items;
    expect(goals.map((g) => [g.row, g.id, g.parentId, g.prognos])).toEqual([
      [2, 'V', null, null],
      [3, '1', 'V', 'uppnas'],
      [4, '1.1', '1', 'delvis'],
      [5, '1.2', '1', 'uppnas-ej'],
      [6, '1.2', '1', 'uppnas-ej'],
      [8, '1.3', '1', null],
    ]);
    expect(goals[2]).toMatchObject({ niva: 'Nämndmål', text: 'Fler behöriga', namnd: 'BUN', perspektiv: 'invånare', kraverMedel: 250000 });
    expect(goals[3].kraverMedel).toBe(0);
  });

  it('reports a missing ID, a missing level and unreadable values', () => {
    const { model, findings } = buildModel(workbook(base(), sheet('Mål', rows)));
    expect(withRule(findings, 'IN-ID-SAKNAS').map((f) => f.cell)).toEqual(['A7']);
    expect(withRule(findings, 'IN-FALT-SAKNAS').map((f) => f.cell)).toEqual(['B8']);
    expect(withRule(findings, 'IN-VARDE').map((f) => f.cell)).toEqual(['G8']);
    expect(withRule(findings, 'IN-TAL').map((f) => f.cell)).toEqual(['H8']);
    expect(model.goals!.items.find((g) => g.id === '1.3')).toMatchObject({ niva: '', kraverMedel: null });
    expect(withoutUnit(findings).map((f) => f.sheet)).toEqual(['Mål', 'Mål', 'Mål', 'Mål']);
  });
});

describe('Indikatorer', () => {
  it('reads indicators with years, Kolada-ID and direction', () => {
    const rows: CellValue[][] = [
      ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID', 'Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår', 'Riktning'],
      ['I1', '1.1', 'Livskvalitet', 'U00001', 51, 2022, 55, 2026, '53,5', '2024', null],
      ['I2', '1.2', 'Placeringar', null, 40, 2022, 30, 2026, 35, 2024, 'Lägre är bättre'],
      ['I3', null, 'Utan mål', null, null, 20.5, null, null, null, null, 'åt sidan'],
    ];
    const { model, findings } = buildModel(workbook(base(), sheet('Indikatorer', rows)));
    const items = model.indicators!.items;
    expect(items[0]).toMatchObject({ id: 'I1', goalId: '1.1', koladaId: 'U00001', baseline: 51, baselineYear: 2022, target: 55, targetYear: 2026, outcome: 53.5, outcomeYear: 2024, riktning: 'hogre' });
    expect(items[1].riktning).toBe('lagre');
    expect(items[2]).toMatchObject({ goalId: '', baselineYear: null, riktning: 'hogre' });
    expect(withRule(findings, 'IN-FALT-SAKNAS').map((f) => f.cell)).toEqual(['B4']);
    expect(withRule(findings, 'IN-VARDE').map((f) => f.cell).sort()).toEqual(['F4', 'K4']);
  });
});

describe('Uppdrag', () => {
  it('reads cost, funding and deadline', () => {
    const rows: CellValue[][] = [
      ['ID', 'Uppdrag', 'Givet av', 'Ansvarig', 'Kostnad (kr)', 'Finansierad', 'Status', 'Klart senast'],
      ['U1', 'Utred lokaler', 'KF', 'KS', '500 000', 'Ja', 'Pågår', 45900],
      ['U2', 'Ny skola', 'KS', 'BUN', 2000000, 'nej', null, '2026-06-30'],
      ['U3', 'Gratis buss', 'KF', 'TN', null, 'x', null, null],
      ['U4', 'Okänt', 'KF', 'TN', null, 'kanske', null, 'snart'],
      ['U5', 'Bool', 'KF', 'TN', null, false, null, null],
    ];
    const { model, findings } = buildModel(workbook(base(), sheet('Uppdrag', rows)));
    const u = model.uppdrag!.items;
    expect(u.map((x) => [x.id, x.kostnad, x.finansierad, x.klartSenast])).toEqual([
      ['U1', 500000, true, '2025-08-31'],
      ['U2', 2000000, false, '2026-06-30'],
      ['U3', null, true, null],
      ['U4', null, null, null],
      ['U5', null, false, null],
    ]);
    expect(u[0]).toMatchObject({ givetAv: 'KF', ansvarig: 'KS', status: 'Pågår', text: 'Utred lokaler' });
    expect(withRule(findings, 'IN-VARDE')).toHaveLength(1);
    const datum = withRule(findings, 'IN-DATUM');
    expect(datum).toHaveLength(1);
    expect(datum[0]).toMatchObject({ cell: 'H5', namnd: 'TN' });
  });
});

describe('Åtgärder', () => {
  const header = ['Nämnd', 'Åtgärd', 'Belopp', 'Ansvarig', 'Klart senast', 'Status'];

  it('reads the action plans', () => {
    const rows: CellValue[][] = [header, ['SN', 'Minska inhyrd personal', '-1 200 000', 'Förvaltningschef', '2025-12-31', 'Beslutad'], [null, 'Utan nämnd', 5, null, null, null]];
    const { model, findings } = buildModel(workbook(base(), sheet('Åtgärder', rows)));
    expect(model.atgarder!.items).toEqual([
      { row: 2, namnd: 'SN', text: 'Minska inhyrd personal', belopp: -1200000, ansvarig: 'Förvaltningschef', klartSenast: '2025-12-31', status: 'Beslutad' },
    ]);
    expect(withRule(findings, 'IN-NAMND-SAKNAS').map((f) => f.cell)).toEqual(['A3']);
  });

  it('takes the nämnd from Inställningar when the sheet has no Nämnd column', () => {
    const rows: CellValue[][] = [['Åtgärd', 'Belopp'], ['Vakanshålla tjänster', 300]];
    const { model } = buildModel(workbook(base(), sheet('Åtgärder', rows), sheet('Inställningar', [['Nämnd', 'Socialnämnden']])));
    expect(model.atgarder!.items[0]).toMatchObject({ namnd: 'Socialnämnden', belopp: 300 });
  });
});
