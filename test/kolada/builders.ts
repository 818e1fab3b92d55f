/** Builders with valid defaults for the Kolada tests. */
import type { Indicator, Model, SettingEntry, SheetLocation, TableSheet } from '../../src/core/model';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import type { KoladaOutcomeData } from '../../src/kolada';
import type { FakeRow } from './fake-kolada';

export const HEADER_ROW = ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID', 'Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår'];

export function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    row: 2,
    id: 'I1',
    goalId: 'M1',
    text: 'Livskvalitet',
    koladaId: 'U00401',
    baseline: 51,
    baselineYear: 2022,
    target: 55,
    targetYear: 2026,
    outcome: null,
    outcomeYear: null,
    riktning: 'hogre',
    ...over,
  };
}

/** The Indikatorer sheet: location, items and a snapshot whose cells agree with the items. */
export function indicatorSheet(items: Indicator[], headers: string[] = HEADER_ROW) {
  const columns: Record<string, number> = {};
  const names: Record<string, string> = {};
  headers.forEach((h, i) => {
    const key = h.toLowerCase();
    columns[key] = i + 1;
    names[key] = h;
  });
  const location: SheetLocation = { name: 'Indikatorer', headerRow: 1, columns, headers: names };
  const rows: CellValue[][] = [headers.slice()];
  for (const it of items) {
    const cells: CellValue[] = headers.map((h) => {
      switch (h) {
        case 'ID': return it.id;
        case 'Mål-ID': return it.goalId;
        case 'Indikator': return it.text;
        case 'Kolada-ID': return it.koladaId;
        case 'Utgångsvärde': return it.baseline;
        case 'Utgångsår': return it.baselineYear;
        case 'Utfall': return it.outcome;
        case 'Utfallsår': return it.outcomeYear;
        default: return null;
      }
    });
    rows[it.row - 1] = cells;
  }
  const table: TableSheet<Indicator> = { location, items };
  const snapshot: WorkbookSnapshot = { sheets: [{ name: 'Indikatorer', rows, errors: [] }] };
  return { table, snapshot };
}

export function model(indicators: TableSheet<Indicator> | null, settings: Record<string, string> = { Kommunkod: '2083' }, koladaUrl: string | null = null): Model {
  const entries: Record<string, SettingEntry> = {};
  Object.entries(settings).forEach(([key, value], i) => {
    entries[key.toLowerCase()] = { row: i + 1, key, value };
  });
  return {
    budget: null,
    goals: null,
    indicators,
    uppdrag: null,
    atgarder: null,
    settings: {
      kommun: 'Hedemora',
      kommunkod: settings.Kommunkod ?? null,
      profil: 'hedemora',
      budgetar: 2025,
      period: null,
      beloppI: null,
      tecken: null,
      namnd: null,
      koladaUrl,
      entries,
      sheet: 'Inställningar',
    },
    tecken: { value: 'kostnad positiv', assumed: false },
    notes: [],
    inlast: { sheets: [], enhet: null, skipped: [] },
  };
}

export function outcomeData(rows: FakeRow[], over: Partial<KoladaOutcomeData> = {}): KoladaOutcomeData {
  return {
    kommun: { id: '2083', title: 'Hedemora' },
    lan: { id: '0020', title: 'Region Dalarna' },
    riket: { id: '0000', title: 'Riket' },
    group: null,
    kpis: { U00401: { id: 'U00401', title: 'Livskvalitet' }, U00402: { id: 'U00402', title: 'Trygghet' } },
    unknownKpis: [],
    rows,
    warnings: [],
    ...over,
  };
}
