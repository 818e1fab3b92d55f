/**
 * What the two report pictures show, as data: budget, utfall and helårsprognos per verksamhet, and
 * each indicator's outcomes against the straight line from its baseline to its target (the line
 * `indicatorStatus` judges "i fas" by). Shared by the report sheets' native charts and the pane's
 * SVG, so both say the same thing in the same words.
 */
import type { Enhet, Indicator, Model, Riktning } from '../model';
import { formatSwedishNumber, formatSwedishNumberTrimmed } from '../input/numbers';
import { reportUnit, unitDecimals } from './amounts';
import { indicatorStatus, type IndicatorStatus } from './indicator-status';
import { namndData, type BudgetGroup } from './namnd-data';

export interface BudgetBar {
  verksamhet: string;
  budget: number | null;
  utfall: number | null;
  prognos: number | null;
}

export interface IndicatorPicture {
  id: string;
  text: string;
  riktning: Riktning;
  /** The baseline and the target with their years, as given (the years shown may reach past them). */
  baseline: number;
  baselineYear: number;
  target: number;
  targetYear: number;
  /** Years shown, ascending: the baseline year, the outcome year (when there is one) and the target year. */
  years: number[];
  /** The straight line from baseline to target, per year (the "i fas" line). */
  line: number[];
  /** Outcomes per year: the baseline (an outcome of its year) and the latest outcome; null where none. */
  outcomes: (number | null)[];
  status: IndicatorStatus;
}

export interface NamndPictures {
  namnd: string;
  unit: Enhet;
  /** Which amount the deficit is judged by: the helårsprognos, or utfall for a closed year. */
  basis: 'prognos' | 'utfall';
  budget: BudgetBar[];
  indicators: IndicatorPicture[];
  /** Indicators with a baseline and a target left out because they have no years to draw them by. */
  withoutYears: number;
}

/** At most this many indicator pictures per nämnd (each is a chart in the report). */
export const MAX_INDICATOR_PICTURES = 40;

const NUMBER_WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

/** "tre", "12" – Swedish style for counts in a sentence. */
export function countWord(n: number): string {
  return n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : formatSwedishNumber(n);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export { unitDecimals };

/** An amount as shown in a sentence: "−1 234 tkr", "−0,3 mnkr" (a real minus sign). */
export function formatAmount(n: number, unit: Enhet): string {
  const scale = 10 ** unitDecimals(unit);
  const rounded = Math.round(n * scale) / scale;
  const text = formatSwedishNumber(Math.abs(rounded), unitDecimals(unit));
  return `${rounded < 0 ? '−' : ''}${text} ${unit}`;
}

/** The value on the straight line from baseline to target for `year`, as the "i fas" rule takes it. */
export function lineValue(ind: Pick<Indicator, 'baseline' | 'baselineYear' | 'target' | 'targetYear'>, year: number): number | null {
  const { baseline, baselineYear, target, targetYear } = ind;
  if (baseline === null || baselineYear === null || target === null || targetYear === null) return null;
  if (targetYear <= baselineYear || year >= targetYear) return target;
  if (year <= baselineYear) return baseline;
  return baseline + ((target - baseline) * (year - baselineYear)) / (targetYear - baselineYear);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** An indicator's picture, or null when it has no baseline, target and their years. */
export function indicatorPicture(ind: Indicator, reportYear: number | null): IndicatorPicture | null {
  const { baseline, baselineYear, target, targetYear } = ind;
  if (baseline === null || baselineYear === null || target === null || targetYear === null) return null;
  const years = [...new Set([baselineYear, ...(ind.outcome !== null && ind.outcomeYear !== null ? [ind.outcomeYear] : []), targetYear])].sort((a, b) => a - b);
  const line = years.map((y) => round(lineValue(ind, y)!));
  const outcomes = years.map((y) => (ind.outcome !== null && y === ind.outcomeYear ? ind.outcome : y === baselineYear ? baseline : null));
  return {
    id: ind.id, text: ind.text, riktning: ind.riktning, baseline, baselineYear, target, targetYear,
    years, line, outcomes, status: indicatorStatus(ind, ind.outcomeYear ?? reportYear),
  };
}

function bar(g: BudgetGroup): BudgetBar {
  return { verksamhet: g.verksamhet, budget: g.budget, utfall: g.utfall, prognos: g.prognos };
}

export function namndPictures(model: Model, namnd: string, reportYear: number | null): NamndPictures {
  const data = namndData(model, namnd);
  const seen = new Set<string>();
  const indicators: IndicatorPicture[] = [];
  let withoutYears = 0;
  for (const group of data.goalGroups) {
    for (const entry of group.goals) {
      for (const ind of entry.indicators) {
        if (seen.has(ind.id)) continue;
        seen.add(ind.id);
        if (ind.baseline === null || ind.target === null) continue;
        const p = indicatorPicture(ind, reportYear);
        if (p) indicators.push(p);
        else withoutYears++;
      }
    }
  }
  return {
    namnd: data.namnd,
    unit: reportUnit(model),
    basis: model.budget && !model.budget.hasPrognos ? 'utfall' : 'prognos',
    budget: data.budget.map(bar),
    indicators,
    withoutYears,
  };
}

/** Deficit of a verksamhet (budget − basis; negative = underskott), or null. */
export function deficitOf(b: BudgetBar, basis: 'prognos' | 'utfall'): number | null {
  const v = b[basis];
  return b.budget === null || v === null ? null : b.budget - v;
}

/** Indexes of the verksamheter whose basis is over budget (by at least half of the last digit told: 0,5 tkr, 0,05 mnkr). */
export function overBudget(bars: BudgetBar[], basis: 'prognos' | 'utfall', unit: Enhet): number[] {
  const half = 0.5 / 10 ** unitDecimals(unit);
  return bars.flatMap((b, i) => {
    const d = deficitOf(b, basis);
    return d !== null && d <= -half ? [i] : [];
  });
}

export function budgetTitle(namnd: string, basis: 'prognos' | 'utfall'): string {
  return basis === 'prognos' ? `Budget och helårsprognos per verksamhet – ${namnd}` : `Budget och utfall per verksamhet – ${namnd}`;
}

/** "Tre av åtta verksamheter har prognos över budget; störst underskott: Hemtjänst, −1 234 tkr." */
export function budgetDescription(bars: BudgetBar[], basis: 'prognos' | 'utfall', unit: Enhet): string {
  if (!bars.length) return 'Nämnden har ingen budget per verksamhet i huvudarbetsboken.';
  const over = overBudget(bars, basis, unit);
  const what = basis === 'prognos' ? 'prognos' : 'utfall';
  const total = bars.length === 1 ? 'en verksamhet' : `${countWord(bars.length)} verksamheter`;
  if (!over.length) return bars.length === 1 ? `Verksamheten har inte ${what} över budget.` : `Ingen av ${total} har ${what} över budget.`;
  let worst = over[0];
  for (const i of over) if (deficitOf(bars[i], basis)! < deficitOf(bars[worst], basis)!) worst = i;
  const head = bars.length === 1 ? `Verksamheten har ${what} över budget` : `${capitalize(countWord(over.length))} av ${total} har ${what} över budget`;
  return `${head}; störst underskott: ${bars[worst].verksamhet}, ${formatAmount(deficitOf(bars[worst], basis)!, unit)}.`;
}

function fmt(n: number): string {
  return formatSwedishNumberTrimmed(n, 2);
}

export function indicatorTitle(p: Pick<IndicatorPicture, 'id' | 'text'>): string {
  return `${p.id}: ${p.text}`;
}

/** "Utfallet 2024 är 72, linjen mot målvärdet ger 75 (högre är bättre): ej i fas. Målvärde 90 år 2027." */
export function indicatorDescription(p: IndicatorPicture): string {
  const dir = p.riktning === 'lagre' ? 'lägre är bättre' : 'högre är bättre';
  // The baseline and target as given: the years shown also hold an outcome year outside them.
  const start = `Utgångsvärde ${fmt(p.baseline)} år ${p.baselineYear}, målvärde ${fmt(p.target)} år ${p.targetYear} (${dir}).`;
  const y = p.status.year;
  const idx = y === null ? -1 : p.years.indexOf(y);
  const outcome = idx >= 0 ? p.outcomes[idx] : null;
  if (outcome === null || y === null || idx === 0 && p.years.length > 1 && p.status.status === 'underlag-saknas') return `${start} Inget utfall ännu.`;
  if (p.status.status === 'uppnatt') return `${start} Utfallet ${y} är ${fmt(outcome)}: målvärdet är nått.`;
  const expected = p.status.expected ?? lineValue(p, y);
  const verdict = p.status.status === 'i-fas' ? 'i fas' : p.status.status === 'ej-i-fas' ? 'ej i fas' : 'underlag saknas';
  return `${start} Utfallet ${y} är ${fmt(outcome)} och linjen mot målvärdet ger ${fmt(expected ?? 0)}: ${verdict}.`;
}

/** One nämnd's two pictures as plain data with their titles and text alternatives (for the pane; structured-clone safe). */
export interface NamndChartData {
  namnd: string;
  unit: Enhet;
  basis: 'prognos' | 'utfall';
  budget: BudgetBar[];
  /** Indexes into `budget` of the verksamheter over budget. */
  over: number[];
  budgetTitle: string;
  budgetDescription: string;
  indicators: (IndicatorPicture & { title: string; description: string })[];
}

export function namndChartData(model: Model, namnd: string, reportYear: number | null): NamndChartData {
  const p = namndPictures(model, namnd, reportYear);
  return {
    namnd: p.namnd,
    unit: p.unit,
    basis: p.basis,
    budget: p.budget,
    over: overBudget(p.budget, p.basis, p.unit),
    budgetTitle: budgetTitle(p.namnd, p.basis),
    budgetDescription: budgetDescription(p.budget, p.basis, p.unit),
    indicators: p.indicators.map((i) => ({ ...i, title: indicatorTitle(i), description: indicatorDescription(i) })),
  };
}
