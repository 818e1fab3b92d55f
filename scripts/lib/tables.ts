/**
 * The non-budget sheets of the examples (Mål, Indikatorer, Uppdrag, Åtgärder, Inställningar):
 * plain row types and their layout with the header on row 1.
 */
import type { OutCell, OutSheet } from './sheet-writer';
import type { PlantSpec } from './example-types';

export type GoalPrognos = 'Uppnås' | 'Delvis' | 'Uppnås ej';

export interface GoalRow {
  id: string;
  niva: string;
  text: string;
  parent: string | null;
  namnd: string;
  perspektiv?: string;
  prognos: GoalPrognos | null;
  /** kr */
  kraverMedel?: number;
  planted?: PlantSpec[];
}

export interface IndicatorRow {
  id: string;
  malId: string;
  text: string;
  koladaId?: string;
  baseline: number;
  baselineYear: number;
  target: number | null;
  targetYear: number | null;
  outcome: number;
  outcomeYear: number;
  lowerIsBetter?: boolean;
  planted?: PlantSpec[];
}

export interface UppdragRow {
  id: string;
  text: string;
  givetAv: 'KF' | 'KS' | string;
  ansvarig: string | null;
  /** kr */
  kostnad: number;
  finansierad: 'Ja' | 'Nej';
  status: string;
  klartSenast: Date;
  planted?: PlantSpec[];
}

export interface AtgardRow {
  namnd: string;
  text: string;
  /** kr */
  belopp: number;
  ansvarig: string;
  klartSenast: Date;
  status: string;
  planted?: PlantSpec[];
}

export interface LaidOut {
  sheet: OutSheet;
  planted: { row: number; spec: PlantSpec }[];
}

export function date(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The outcome of an indicator that is on track: at or a little beyond the straight line from
 * baseline to target in the outcome year, rounded towards the target (to `decimals`).
 */
export function onTrackOutcome(
  baseline: number,
  baselineYear: number,
  target: number,
  targetYear: number,
  outcomeYear: number,
  decimals: number,
): number {
  const line = baseline + ((target - baseline) * (outcomeYear - baselineYear)) / (targetYear - baselineYear);
  const nudged = line + (target - baseline) * 0.08;
  const f = 10 ** decimals;
  return (target > baseline ? Math.ceil(nudged * f) : Math.floor(nudged * f)) / f;
}

function collect<T extends { planted?: PlantSpec[] }>(items: T[]): { row: number; spec: PlantSpec }[] {
  return items.flatMap((item, i) => (item.planted ?? []).map((spec) => ({ row: i + 2, spec })));
}

export function layoutGoals(goals: GoalRow[], withPerspektiv: boolean): LaidOut {
  const header = ['ID', 'Nivå', 'Mål', 'Förälder', 'Nämnd', ...(withPerspektiv ? ['Perspektiv'] : []), 'Prognos', 'Kräver medel (kr)'];
  const rows: OutCell[][] = [
    header,
    ...goals.map((g) => [
      g.id,
      g.niva,
      g.text,
      g.parent,
      g.namnd,
      ...(withPerspektiv ? [g.perspektiv ?? null] : []),
      g.prognos,
      g.kraverMedel ?? null,
    ]),
  ];
  const widths = [14, 20, 80, 14, 34, ...(withPerspektiv ? [22] : []), 12, 18];
  return {
    sheet: { name: 'Mål', rows, headerRow: 1, widths, numberCols: [header.length] },
    planted: collect(goals),
  };
}

export function layoutIndicators(items: IndicatorRow[]): LaidOut {
  const header = ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID', 'Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår', 'Riktning'];
  const rows: OutCell[][] = [
    header,
    ...items.map((i) => [
      i.id,
      i.malId,
      i.text,
      i.koladaId ?? null,
      i.baseline,
      i.baselineYear,
      i.target,
      i.targetYear,
      i.outcome,
      i.outcomeYear,
      i.lowerIsBetter ? 'Lägre är bättre' : 'Högre är bättre',
    ]),
  ];
  return {
    sheet: { name: 'Indikatorer', rows, headerRow: 1, widths: [10, 14, 70, 12, 13, 11, 11, 9, 9, 10, 17] },
    planted: collect(items),
  };
}

export function layoutUppdrag(items: UppdragRow[]): LaidOut {
  const header = ['ID', 'Uppdrag', 'Givet av', 'Ansvarig', 'Kostnad (kr)', 'Finansierad', 'Status', 'Klart senast'];
  const rows: OutCell[][] = [
    header,
    ...items.map((u) => [u.id, u.text, u.givetAv, u.ansvarig, u.kostnad, u.finansierad, u.status, u.klartSenast]),
  ];
  return {
    sheet: { name: 'Uppdrag', rows, headerRow: 1, widths: [8, 80, 10, 34, 14, 12, 14, 13], numberCols: [5] },
    planted: collect(items),
  };
}

export function layoutAtgarder(items: AtgardRow[]): LaidOut {
  const header = ['Nämnd', 'Åtgärd', 'Belopp (kr)', 'Ansvarig', 'Klart senast', 'Status'];
  const rows: OutCell[][] = [
    header,
    ...items.map((a) => [a.namnd, a.text, a.belopp, a.ansvarig, a.klartSenast, a.status]),
  ];
  return {
    sheet: { name: 'Åtgärder', rows, headerRow: 1, widths: [34, 70, 14, 28, 13, 14], numberCols: [3] },
    planted: collect(items),
  };
}

export function layoutSettings(entries: [string, string | number][]): OutSheet {
  return { name: 'Inställningar', rows: [['Inställning', 'Värde'], ...entries], headerRow: 1, widths: [22, 30] };
}
