/** Ways to plant budget problems into generated lines, and guards that keep the rest clean. */
import { avvikelse, namndAvvikelse, type BudgetLine } from './budget';
import type { PlantSpec } from './example-types';

/**
 * A line that will end the year worse than budget: a cost forecast above budget, or revenue below.
 * `factor` is the share by which it misses (0.07 = 7 %); utfall follows the forecast.
 */
export function plantOverrun(line: BudgetLine, factor: number, months: number, kommentar: string, spec: PlantSpec): void {
  const sign = line.typ === 'Kostnad' ? 1 : -1;
  line.prognos = Math.round(line.budget * (1 + sign * factor));
  line.utfall = Math.round(((line.prognos * months) / 12) * 1.01);
  line.kommentar = kommentar;
  line.planted.push(spec);
}

/**
 * Makes sure a nämnd that must look healthy ends with a surplus of at least `minimum` tkr, by
 * forecasting a little under budget (at most 3 %) on its largest unplanted cost lines.
 */
export function ensureSurplus(lines: BudgetLine[], namnd: string, minimum: number): void {
  const candidates = lines
    .filter((l) => l.namnd === namnd && l.typ === 'Kostnad' && l.planted.length === 0 && Object.keys(l.written).length === 0)
    .sort((a, b) => b.budget - a.budget);
  for (const l of candidates) {
    const missing = minimum - namndAvvikelse(lines, namnd);
    if (missing <= 0) return;
    const room = Math.floor(l.budget * 0.03) - avvikelse(l);
    if (room <= 0) continue;
    l.prognos -= Math.min(room, missing);
    l.kommentar = l.kommentar ?? 'Vakanser och återhållsamhet';
  }
  if (namndAvvikelse(lines, namnd) < minimum) throw new Error(`Kunde inte ge ${namnd} ett överskott`);
}

/** Throws unless exactly the planted lines have a deficit: a generator bug must not reach the examples. */
export function assertOnlyPlantedDeficits(lines: BudgetLine[]): void {
  for (const l of lines) {
    const planted = l.planted.some((p) => p.kind === 'rad-underskott');
    if ((avvikelse(l) < 0) !== planted) {
      throw new Error(`Oväntad avvikelse på ${l.namnd} / ${l.verksamhet} / ${l.konto}: ${avvikelse(l)}`);
    }
  }
}
