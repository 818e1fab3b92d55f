import { buildModel, CONTRACT_SHEET_NAMES, findSheet } from '../../../src/core/input';
import type { CellValue } from '../../../src/core/snapshot';
import { budget, line, sheet, workbook, withoutUnit, withRule } from './builders';

const base = () => budget([line('KS', 'A', 1)]);

describe('sheet lookup', () => {
  it.each([
    ['Mål', 'mal'],
    ['mal', 'mal'],
    [' MÅL ', 'mal'],
    ['Atgarder', 'atgarder'],
    ['Åtgärdsplaner', 'atgarder'],
    ['Installningar', 'installningar'],
    ['INDIKATORER', 'indikatorer'],
  ] as const)('finds %p as %p', (name, kind) => {
    expect(findSheet(workbook(sheet('Övrigt', []), sheet(name, [])), kind)?.name).toBe(name);
  });

  it('prefers the exact name over a folded one', () => {
    expect(findSheet(workbook(sheet('Mal', []), sheet('Mål', [])), 'mal')?.name).toBe('Mål');
  });

  it('does not take "Mål och indikatorer" for either sheet', () => {
    const wb = workbook(sheet('Mål och indikatorer', []));
    expect(findSheet(wb, 'mal')).toBeNull();
    expect(findSheet(wb, 'indikatorer')).toBeNull();
  });
});

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

describe('Inställningar', () => {
  it('reads key/value pairs anywhere in the first columns and skips a header row', () => {
    const rows: CellValue[][] = [
      [],
      [null, 'Inställning', 'Värde'],
      [null, 'Kommun', 'Hedemora'],
      [null, 'Kommunkod', 2083],
      [null, 'Profil', 'Hedemora'],
      [null, 'Budgetår', '2025'],
      [null, 'Period', 45870],
      [null, 'Belopp i', 'tkr'],
      [null, 'Tecken', 'kostnad negativ'],
      [null, 'Nämnd', 'Socialnämnden'],
      [null, 'Kolada-URL', 'https://api.kolada.se/v3'],
      [null, 'Tröskel varning %', '2,5'],
    ];
    const { model, findings } = buildModel(workbook(base(), sheet(' inställningar', rows)));
    const s = model.settings;
    expect(s).toMatchObject({
      kommun: 'Hedemora',
      kommunkod: '2083',
      profil: 'hedemora',
      budgetar: 2025,
      period: { year: 2025, month: 8 },
      beloppI: 'tkr',
      tecken: 'kostnad negativ',
      namnd: 'Socialnämnden',
      koladaUrl: 'https://api.kolada.se/v3',
      sheet: ' inställningar',
    });
    expect(s.entries['troskelvarning']).toEqual({ row: 12, key: 'Tröskel varning %', value: '2,5' });
    expect(s.entries['installning']).toBeUndefined();
    expect(findings).toEqual([]);
  });

  it('pads a numeric Kommunkod to four digits and reads a text period', () => {
    const { model } = buildModel(workbook(base(), sheet('Inställningar', [['Kommunkod', 180], ['Period', '2025-8']])));
    expect(model.settings.kommunkod).toBe('0180');
    expect(model.settings.period).toEqual({ year: 2025, month: 8 });
  });

  it('reports unreadable known settings and duplicates', () => {
    const rows: CellValue[][] = [['Period', 'hösten'], ['Tecken', 'blandat'], ['Kommun', 'Flen'], ['Kommun', 'Hedemora']];
    const { model, findings } = buildModel(workbook(base(), sheet('Inställningar', rows)));
    expect(model.settings).toMatchObject({ period: null, tecken: null, kommun: 'Flen' });
    expect(withRule(findings, 'IN-INSTALLNING').map((f) => f.cell)).toEqual(['B1', 'B2']);
    expect(withRule(findings, 'IN-INSTALLNING-DUBBEL').map((f) => f.row)).toEqual([4]);
  });
});

describe('CONTRACT_SHEET_NAMES', () => {
  const kinds = ['budget', 'mal', 'indikatorer', 'uppdrag', 'atgarder', 'installningar'] as const;

  it('lists every name findSheet accepts, so a reader that filters by name keeps those sheets', () => {
    const listed = new Set(CONTRACT_SHEET_NAMES.map((n) => n.trim().toLocaleLowerCase('sv')));
    for (const name of ['Budget', 'Mål', 'Mal', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Atgarder', 'Åtgärdsplan', 'atgardsplan', 'Inställningar', 'Installningar']) {
      expect(listed.has(name.toLocaleLowerCase('sv'))).toBe(true);
    }
  });

  it('lists only names that findSheet accepts', () => {
    for (const name of CONTRACT_SHEET_NAMES) {
      const wb = workbook(sheet(name, []));
      expect(kinds.some((k) => findSheet(wb, k) !== null)).toBe(true);
    }
  });
});
