/**
 * The pure planner: Kolada data + the Indikatorer sheet → cell edits and a Swedish change list.
 * No I/O. An outcome someone typed is never replaced unless `overwrite` is set; comparison
 * columns (Riket, Län, Jämförelsegrupp) are Kolada's own figures and are always refreshed.
 */
import type { Indicator, SheetLocation } from '../core';
import type { CellValue, WorkbookSnapshot } from '../core';
import type { KoladaOutcomeData } from './fetch-outcomes';
import type { KoladaDataRow } from './schemas';
import { a1, columnLetter, SheetColumns } from './sheet-columns';

/** One value to write; `cell` is an A1 address on `sheet`. Compatible with setCellValues. */
export interface CellEdit {
  sheet: string;
  cell: string;
  value: CellValue;
}

export interface PlanInput {
  indicators: { location: SheetLocation; items: readonly Indicator[] };
  /** The workbook as read; gives the header row and the cells already filled in. */
  snapshot?: WorkbookSnapshot;
  data: KoladaOutcomeData;
  overwrite?: boolean;
  /** Ignore Kolada years after this one (default: no limit). */
  latestYear?: number;
}

export interface KoladaPlan {
  edits: CellEdit[];
  changes: string[];
  warnings: string[];
}

export const HEADERS = {
  utfall: 'Utfall',
  utfallsar: 'Utfallsår',
  riket: 'Riket',
  lan: 'Län',
  grupp: 'Jämförelsegrupp',
} as const;

const GENDER_TOTAL = 'T';

/** kpi → municipality → year → T value (null when Kolada has the year but no value). */
type Series = Map<string, Map<string, Map<number, number | null>>>;

function totals(rows: readonly KoladaDataRow[]): Series {
  const out: Series = new Map();
  for (const row of rows) {
    const t = row.values.find((v) => (v.gender ?? GENDER_TOTAL) === GENDER_TOTAL);
    const value = t && !t.isdeleted && typeof t.value === 'number' && Number.isFinite(t.value) ? t.value : null;
    let byArea = out.get(row.kpi);
    if (!byArea) out.set(row.kpi, (byArea = new Map()));
    let byYear = byArea.get(row.municipality);
    if (!byYear) byArea.set(row.municipality, (byYear = new Map()));
    // A real value wins over a null for the same year (pages may repeat a row).
    if (value !== null || !byYear.has(row.period)) byYear.set(row.period, value);
  }
  return out;
}

export function formatNumber(n: number): string {
  return n.toLocaleString('sv-SE', { maximumFractionDigits: 2, useGrouping: false }).replace('\u2212', '-');
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameCell(existing: CellValue | undefined, value: number): boolean {
  if (typeof existing === 'number') return sameNumber(existing, value);
  if (typeof existing === 'string') {
    const n = Number(existing.replace(/\s/g, '').replace(',', '.'));
    return existing.trim() !== '' && Number.isFinite(n) && sameNumber(n, value);
  }
  return false;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function planKoladaUpdates(input: PlanInput): KoladaPlan {
  const { data, overwrite = false } = input;
  const sheet = input.indicators.location.name;
  const cols = new SheetColumns(input.indicators.location, input.snapshot);
  const series = totals(data.rows);
  const edits: CellEdit[] = [];
  const changes: string[] = [];
  const warnings: string[] = [...data.warnings];
  const maxYear = input.latestYear ?? Number.POSITIVE_INFINITY;

  const column = (header: string): number => {
    const found = cols.find(header);
    if (found !== null) return found;
    const col = cols.append(header);
    edits.push({ sheet, cell: a1(input.indicators.location.headerRow, col), value: header });
    changes.push(`Ny kolumn ${header} (kolumn ${columnLetter(col)}) i ${sheet}.`);
    return col;
  };
  const put = (row: number, header: string, value: CellValue) => edits.push({ sheet, cell: a1(row, column(header)), value });

  for (const id of data.unknownKpis) warnings.push(`Kolada-ID ${id} finns inte i Kolada – kontrollera Kolada-ID i ${sheet}.`);
  const unknown = new Set(data.unknownKpis);

  const comparisons: { header: string; label: string; value: (kpi: string, year: number) => number | null }[] = [
    { header: HEADERS.riket, label: 'Riket', value: (k, y) => series.get(k)?.get(data.riket.id)?.get(y) ?? null },
  ];
  if (data.lan) {
    const lan = data.lan;
    comparisons.push({ header: HEADERS.lan, label: `Län (${lan.title ?? lan.id})`, value: (k, y) => series.get(k)?.get(lan.id)?.get(y) ?? null });
  }
  if (data.group) {
    const group = data.group;
    // Unweighted mean of the members that have a value – our own processing of Kolada's data.
    comparisons.push({
      header: HEADERS.grupp,
      label: `Jämförelsegrupp (${group.title})`,
      value: (k, y) => {
        const values = group.members.map((m) => series.get(k)?.get(m)?.get(y)).filter((v): v is number => typeof v === 'number');
        return values.length === 0 ? null : round2(values.reduce((s, v) => s + v, 0) / values.length);
      },
    });
  }

  for (const ind of input.indicators.items) {
    const kpi = ind.koladaId?.trim();
    if (!kpi || unknown.has(kpi)) continue;
    const name = `Indikator ${ind.id}`;
    const years = series.get(kpi)?.get(data.kommun.id) ?? new Map<number, number | null>();
    const inRange = [...years.entries()]
      .filter(([y]) => y <= maxYear && (ind.baselineYear === null || y >= ind.baselineYear))
      .sort((a, b) => b[0] - a[0]);
    const latest = inRange.find(([, v]) => v !== null) as [number, number] | undefined;
    for (const [y] of inRange.filter(([y, v]) => v === null && (!latest || y > latest[0]))) {
      warnings.push(`${name}: Kolada saknar värde för ${y} (${kpi}) – inget skrevs för det året.`);
    }

    let rowYear: number | null = ind.outcomeYear;
    if (!latest) {
      const from = ind.baselineYear !== null ? ` från ${ind.baselineYear}` : '';
      warnings.push(`${name}: Kolada har inget utfall${from} för ${data.kommun.title ?? data.kommun.id} (${kpi}) – Utfall lämnas som det är.`);
    } else {
      const [year, value] = latest;
      const old = ind.outcome;
      const oldText = old === null ? '' : `${formatNumber(old)}${ind.outcomeYear !== null ? ` (${ind.outcomeYear})` : ''}`;
      if (old === null) {
        put(ind.row, HEADERS.utfall, value);
        put(ind.row, HEADERS.utfallsar, year);
        changes.push(`${name}: Utfall ${formatNumber(value)} (${year}) från Kolada.`);
        rowYear = year;
      } else if (sameNumber(old, value) && (ind.outcomeYear === year || ind.outcomeYear === null)) {
        if (ind.outcomeYear === null) {
          put(ind.row, HEADERS.utfallsar, year);
          changes.push(`${name}: Utfallsår ${year} från Kolada (Utfall ${formatNumber(value)} fanns redan).`);
        }
        rowYear = year;
      } else if (overwrite) {
        put(ind.row, HEADERS.utfall, value);
        put(ind.row, HEADERS.utfallsar, year);
        changes.push(`${name}: Utfall ${oldText} → ${formatNumber(value)} (${year}) från Kolada.`);
        rowYear = year;
      } else {
        warnings.push(`${name}: Utfall ${oldText} behålls; Kolada har ${formatNumber(value)} (${year}). Kör med --overwrite för att ersätta.`);
      }
    }

    if (rowYear === null) continue;
    for (const c of comparisons) {
      const value = c.value(kpi, rowYear);
      if (value === null) {
        warnings.push(`${name}: ${c.label} saknar värde för ${rowYear} i Kolada.`);
        continue;
      }
      const existingCol = cols.find(c.header);
      const existing = existingCol === null ? undefined : cols.value(ind.row, existingCol);
      if (sameCell(existing, value)) continue;
      put(ind.row, c.header, value);
      const before =
        existing === undefined || existing === null || existing === '' ? '' : `${typeof existing === 'number' ? formatNumber(existing) : String(existing)} → `;
      changes.push(`${name}: ${c.label} ${before}${formatNumber(value)} (${rowYear}).`);
    }
  }
  return { edits, changes, warnings };
}
