/**
 * A Driftredovisning sheet shaped as kommuner publish one: a title block with the unit only in it
 * ("Belopp i tkr"), the header on row 5 (Verksamhet | Budget 2025 | Utfall jan-aug 2025 | Prognos
 * helår 2025), each nämnd as a group-header row above its verksamheter and a "Summa <nämnd>" row.
 * `extra` verksamheter per nämnd on budget make the sheet as large as a test needs.
 */
export type DriftRow = (string | number | null)[];

export interface DriftNamnd {
  namnd: string;
  lines: [verksamhet: string, budget: number, utfall: number, prognos: number][];
}

export const DRIFT_NAMNDER: DriftNamnd[] = [
  {
    namnd: 'Kommunstyrelsen',
    lines: [
      ['Politisk verksamhet', 9850, 6300, 9790],
      ['IT och digitalisering', 14200, 10100, 15290], // 7,7 % över budget
    ],
  },
  {
    namnd: 'Barn- och utbildningsnämnden',
    lines: [
      ['Förskola', 142500, 95000, 143800],
      ['Skolskjuts', 11300, 8400, 12950], // 14,6 % över budget
    ],
  },
  {
    namnd: 'Socialnämnden',
    lines: [
      ['Hemtjänst', 96400, 64900, 97700],
      ['Särskilt boende', 154200, 101800, 153100],
    ],
  },
];

export const DRIFT_HEADER = ['Verksamhet', 'Budget 2025', 'Utfall jan-aug 2025', 'Prognos helår 2025'];

export function driftRows(extra = 0): DriftRow[] {
  const rows: DriftRow[] = [['Driftredovisning januari–augusti 2025'], ['Exempelby kommun, delårsrapport per 31 augusti'], ['Belopp i tkr'], [], DRIFT_HEADER];
  for (const n of DRIFT_NAMNDER) {
    rows.push([n.namnd]);
    const lines = [...n.lines];
    for (let i = 0; i < extra; i++) lines.push([`Enhet ${i + 1}`, 1000 + (i % 50), 600 + (i % 50), 1000 + (i % 50)]);
    for (const l of lines) rows.push([...l]);
    const sum = (k: 1 | 2 | 3) => lines.reduce((s, l) => s + l[k], 0);
    rows.push([`Summa ${n.namnd}`, sum(1), sum(2), sum(3)]);
    rows.push([]);
  }
  return rows;
}
