/** One small contract workbook, as fake-Excel sheets and as the snapshot it must read as. */
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { FakeSheetInit } from './fake-excel';
import type { HostSheetInit } from './real-client/excel-host';

export function budgetRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [['Nämnd', 'Verksamhet', 'Konto', 'Budget', 'Utfall', 'Prognos', 'Kommentar', 'Typ']];
  for (let i = 0; i < n; i++) rows.push([`Nämnd ${i % 7}`, `Verksamhet ${i}`, `${4000 + (i % 90)}`, 1000 + i, 900 + i, 1010 + i, i % 3 ? '' : '=text, inte formel', 'Kostnad']);
  return rows;
}

export function contractWorkbook(): FakeSheetInit[] {
  return [
    {
      name: 'Budget',
      rows: [
        ['Budget 2025 (tkr)'],
        [],
        ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos', 'Kommentar'],
        ['Socialnämnden', 'Äldreomsorg', 120500, 80200.5, 125000, '-5 % mot plan'],
        ['Kultur- och fritidsnämnden', 'Bibliotek', 9800, 6100, 9800, ''],
        ['Summa', '', 130300, 86300.5, 134800],
      ],
      errors: { '4,3': '#REF!' },
    },
    { name: 'Noteringar', rows: [['fri text']] },
    {
      name: 'Uppdrag',
      rows: [
        ['ID', 'Uppdrag', 'Finansierad', 'Klart senast'],
        ['U1', 'Utred skolskjuts', true, 45838],
      ],
    },
    { name: 'Inställningar', rows: [['Kommun', 'Hedemora'], ['Profil', 'hedemora'], ['Period', '2025-08']] },
  ];
}

export function expectedSnapshot(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Budget',
        rows: [
          ['Budget 2025 (tkr)'],
          [],
          ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos', 'Kommentar'],
          ['Socialnämnden', 'Äldreomsorg', 120500, 80200.5, 125000, '-5 % mot plan'],
          ['Kultur- och fritidsnämnden', 'Bibliotek', 9800, null, 9800],
          ['Summa', null, 130300, 86300.5, 134800],
        ],
        errors: [{ row: 5, col: 4, code: '#REF!' }],
      },
      { name: 'Noteringar', rows: [['fri text']], errors: [] },
      {
        name: 'Uppdrag',
        rows: [
          ['ID', 'Uppdrag', 'Finansierad', 'Klart senast'],
          ['U1', 'Utred skolskjuts', true, 45838],
        ],
        errors: [],
      },
      { name: 'Inställningar', rows: [['Kommun', 'Hedemora'], ['Profil', 'hedemora'], ['Period', '2025-08']], errors: [] },
    ],
  };
}

/** Fake-Excel sheets as the real-client host model takes them (errors 1-based, fills "#RRGGBB"). */
export function toHostSheets(sheets: FakeSheetInit[]): HostSheetInit[] {
  return sheets.map((s) => ({
    name: s.name,
    rows: s.rows,
    errors: Object.entries(s.errors ?? {}).map(([k, code]) => {
      const [r, c] = k.split(',').map(Number);
      return { row: r + 1, col: c + 1, code };
    }),
    tables: s.tables,
  }));
}
