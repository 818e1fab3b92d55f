/**
 * Builds WorkbookSnapshot objects for unit tests: `cleanSnapshot()` is a small valid workbook with
 * no problems at all (Budget with three nämnder, Summa rows and Totalt; Mål; Indikatorer; Uppdrag;
 * Åtgärder; Inställningar), and the builder's helpers change it one cell or row at a time.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';

type Row = CellValue[];

const BUDGET: Row[] = [
  ['Nämnd', 'Verksamhet', 'Konto', 'Typ', 'Budget', 'Utfall', 'Prognos', 'Kommentar'],
  ['Kommunstyrelsen', 'Kommunledning', '5110 Löner', 'Kostnad', 12000, 7900, 12000, null],
  ['Kommunstyrelsen', 'IT', '6410 Licenser', 'Kostnad', 3000, 1950, 2900, 'Färre licenser'],
  ['Summa Kommunstyrelsen', null, null, null, 15000, 9850, 14900, null],
  ['Bildningsnämnden', 'Grundskola', '5110 Löner', 'Kostnad', 90000, 59500, 90000, null],
  ['Bildningsnämnden', 'Förskola', '3410 Taxor och avgifter', 'Intäkt', 5000, 3400, 5100, 'Fler barn'],
  ['Summa Bildningsnämnden', null, null, null, 95000, 62900, 95100, null],
  ['Omsorgsnämnden', 'Hemtjänst', '5110 Löner', 'Kostnad', 60000, 39800, 60000, null],
  ['Omsorgsnämnden', 'Särskilt boende', '6110 Lokalhyror', 'Kostnad', 8000, 5300, 8000, null],
  ['Summa Omsorgsnämnden', null, null, null, 68000, 45100, 68000, null],
  ['Totalt', null, null, null, 178000, 117850, 178000, null],
];

const MAL: Row[] = [
  ['ID', 'Nivå', 'Mål', 'Förälder', 'Nämnd', 'Perspektiv', 'Prognos', 'Kräver medel (kr)'],
  ['V1', 'Vision', 'Vision Hedemora 2038', null, 'Kommunfullmäktige', null, null, null],
  ['IM1', 'Inriktningsmål', 'År 2038 är vi 17 500 invånare i kommunen', 'V1', 'Kommunfullmäktige', 'Invånare', 'Uppnås', null],
  ['NM-BN-1', 'Nämndmål', 'Fler elever når gymnasiebehörighet', 'IM1', 'Bildningsnämnden', 'Invånare', 'Uppnås', null],
  ['NM-ON-1', 'Nämndmål', 'Äldre kan bo kvar hemma', 'IM1', 'Omsorgsnämnden', 'Invånare', 'Uppnås', null],
  ['FM-BN-1.1', 'Förvaltningsmål', 'Läxhjälp i alla grundskolor', 'NM-BN-1', 'Bildningsnämnden', 'Invånare', 'Uppnås', null],
];

const INDIKATORER: Row[] = [
  ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID', 'Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår', 'Riktning'],
  ['I1', 'IM1', 'Kommunindex Livskvalitet', null, 51, 2022, 55, 2026, 54, 2024, 'Högre är bättre'],
  ['I2', 'NM-BN-1', 'Andel behöriga till yrkesprogram (%)', null, 78, 2023, 85, 2026, 81, 2024, 'Högre är bättre'],
  ['I3', 'NM-ON-1', 'Andel nöjda brukare (%)', null, 84, 2023, 90, 2026, 87, 2024, 'Högre är bättre'],
  ['I4', 'FM-BN-1.1', 'Sjukfrånvaro (%)', null, 9, 2023, 7.5, 2026, 8.4, 2024, 'Lägre är bättre'],
];

/** Serial of 2025-12-31 and 2026-06-30 (1900 date system). */
const DEC_2025 = 46022;
const JUN_2026 = 46203;

const UPPDRAG: Row[] = [
  ['ID', 'Uppdrag', 'Givet av', 'Ansvarig', 'Kostnad (kr)', 'Finansierad', 'Status', 'Klart senast'],
  ['U1', 'Utreda behovet av särskilt boende', 'KF', 'Omsorgsnämnden', 0, 'Ja', 'Pågår', DEC_2025],
  ['U2', 'Plan för laddinfrastruktur', 'KS', 'Kommunstyrelsen', 300000, 'Ja', 'Pågår', JUN_2026],
];

const ATGARDER: Row[] = [
  ['Nämnd', 'Åtgärd', 'Belopp (kr)', 'Ansvarig', 'Klart senast', 'Status'],
  ['Bildningsnämnden', 'Samordna skolskjutsar', 500000, 'Förvaltningschef', DEC_2025, 'Pågår'],
];

const INSTALLNINGAR: Row[] = [
  ['Inställning', 'Värde'],
  ['Kommun', 'Hedemora kommun'],
  ['Kommunkod', '2083'],
  ['Profil', 'hedemora'],
  ['Budgetår', 2025],
  ['Period', '2025-08'],
  ['Belopp i', 'tkr'],
];

function sheet(name: string, rows: Row[]): SheetSnapshot {
  return { name, rows: rows.map((r) => [...r]), errors: [] };
}

export class SnapshotBuilder {
  private sheets: SheetSnapshot[];

  constructor(sheets: SheetSnapshot[] = []) {
    this.sheets = sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), errors: [...s.errors], tables: s.tables?.map((t) => ({ ...t })) }));
  }

  /** A clean workbook: a correct check finds nothing in it. */
  static clean(): SnapshotBuilder {
    return new SnapshotBuilder([
      sheet('Budget', BUDGET),
      sheet('Mål', MAL),
      sheet('Indikatorer', INDIKATORER),
      sheet('Uppdrag', UPPDRAG),
      sheet('Åtgärder', ATGARDER),
      sheet('Inställningar', INSTALLNINGAR),
    ]);
  }

  private get(name: string): SheetSnapshot {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`SnapshotBuilder: no sheet named "${name}"`);
    return s;
  }

  /** 1-based column of a header in row 1 (exact text), for `set` by header name. */
  column(sheetName: string, header: string): number {
    const c = this.get(sheetName).rows[0]?.indexOf(header) ?? -1;
    if (c < 0) throw new Error(`SnapshotBuilder: no header "${header}" in ${sheetName}`);
    return c + 1;
  }

  /** 1-based row of the first row whose first cell equals `firstCell`. */
  rowOf(sheetName: string, firstCell: CellValue): number {
    const r = this.get(sheetName).rows.findIndex((row) => row[0] === firstCell);
    if (r < 0) throw new Error(`SnapshotBuilder: no row starting with "${String(firstCell)}" in ${sheetName}`);
    return r + 1;
  }

  /** Sets one cell; `col` is 1-based or a header name from row 1. */
  set(sheetName: string, row: number, col: number | string, value: CellValue): this {
    const s = this.get(sheetName);
    const c = typeof col === 'string' ? this.column(sheetName, col) : col;
    while (s.rows.length < row) s.rows.push([]);
    const line = s.rows[row - 1];
    while (line.length < c) line.push(null);
    line[c - 1] = value;
    s.errors = s.errors.filter((e) => !(e.row === row && e.col === c));
    return this;
  }

  /** Makes a cell an error value (#REF!, #DIV/0! …): the cell becomes null and is listed in errors. */
  error(sheetName: string, row: number, col: number | string, code = '#REF!'): this {
    const c = typeof col === 'string' ? this.column(sheetName, col) : col;
    this.set(sheetName, row, c, null);
    this.get(sheetName).errors.push({ row, col: c, code });
    return this;
  }

  /** Inserts a row before 1-based `at` (default: appended), shifting error positions below it. */
  addRow(sheetName: string, values: CellValue[], at?: number): this {
    const s = this.get(sheetName);
    const index = at === undefined ? s.rows.length : at - 1;
    s.rows.splice(index, 0, [...values]);
    s.errors = s.errors.map((e) => (e.row > index ? { ...e, row: e.row + 1 } : e));
    return this;
  }

  removeRow(sheetName: string, row: number): this {
    const s = this.get(sheetName);
    s.rows.splice(row - 1, 1);
    s.errors = s.errors.filter((e) => e.row !== row).map((e) => (e.row > row ? { ...e, row: e.row - 1 } : e));
    return this;
  }

  addSheet(name: string, rows: CellValue[][], tables?: { name: string; ref: string }[]): this {
    this.sheets.push({ ...sheet(name, rows), ...(tables ? { tables } : {}) });
    return this;
  }

  removeSheet(name: string): this {
    this.get(name);
    this.sheets = this.sheets.filter((s) => s.name !== name);
    return this;
  }

  renameSheet(from: string, to: string): this {
    this.get(from).name = to;
    return this;
  }

  /** Sets (or adds) a key in Inställningar. */
  setting(key: string, value: CellValue): this {
    const s = this.get('Inställningar');
    const r = s.rows.findIndex((row) => row[0] === key);
    if (r < 0) s.rows.push([key, value]);
    else s.rows[r][1] = value;
    return this;
  }

  /** A deep copy, so later changes to the builder never leak into a built snapshot. */
  build(): WorkbookSnapshot {
    return new SnapshotBuilder(this.sheets).sheetsCopy();
  }

  private sheetsCopy(): WorkbookSnapshot {
    return { sheets: this.sheets };
  }
}

export function cleanSnapshot(): WorkbookSnapshot {
  return SnapshotBuilder.clean().build();
}
