/**
 * Synthetic Budget lines: nämnd × verksamhet × ansvar × konto, amounts in kr (net cost positive),
 * an August forecast, and a few percent of lines with a clear overrun (some with a comment).
 */
import { Prng } from './prng';

export const BUDGET_HEADER = ['Nämnd', 'Verksamhet', 'Ansvar', 'Konto', 'Typ', 'Budget', 'Utfall', 'Prognos', 'Avvikelse', 'Kommentar'] as const;

export const NAMNDER = [
  'Kommunstyrelsen',
  'Barn- och utbildningsnämnden',
  'Socialnämnden',
  'Kultur- och fritidsnämnden',
  'Samhällsbyggnadsnämnden',
  'Miljö- och byggnämnden',
  'Överförmyndarnämnden',
  'Valnämnden',
] as const;

const VERKSAMHETER = [
  'Politisk verksamhet',
  'Förskola',
  'Grundskola',
  'Gymnasieskola',
  'Äldreomsorg',
  'Individ- och familjeomsorg',
  'Funktionsstöd',
  'Bibliotek',
  'Fritidsgårdar',
  'Gator och vägar',
  'Fastighetsförvaltning',
  'Räddningstjänst',
  'Kost och lokalvård',
  'Arbetsmarknad',
] as const;

/** Kommun-Bas style accounts; 3xxx are revenue (Typ Intäkt), the rest costs. */
const KONTON = [
  '3011 Försäljning',
  '3040 Taxor och avgifter',
  '3110 Hyror',
  '3510 Statsbidrag',
  '3710 EU-bidrag',
  '3910 Övriga intäkter',
  '4010 Inköp material',
  '4110 Livsmedel',
  '4310 Förbrukningsinventarier',
  '4410 Köp av huvudverksamhet',
  '4520 Entreprenad',
  '5010 Löner tillsvidare',
  '5020 Löner visstid',
  '5110 Timlöner',
  '5210 Övertid',
  '5410 Arvoden',
  '5610 Personalsociala kostnader',
  '5710 Pensionskostnader',
  '6110 Lokalhyror',
  '6210 Energi',
  '6310 Reparationer',
  '6410 Transporter',
  '6510 Kontorsmaterial',
  '6610 IT-tjänster',
  '6710 Försäkringar',
  '6810 Konsulttjänster',
  '6910 Representation',
  '7010 Bidrag till föreningar',
  '7110 Försörjningsstöd',
  '7310 Avskrivningar',
  '7410 Internränta',
  '7610 Övriga kostnader',
];

const COMMENTS = [
  'Ökade placeringskostnader',
  'Fler elever än budgeterat',
  'Vakanser under våren',
  'Högre energipriser',
  'Sjukfrånvaro har krävt vikarier',
  'Försenat statsbidrag',
];

export type BudgetRow = [string, string, string, string, string, number, number, number, number, string | null];

export interface BudgetRowSource {
  /** The i-th line (0-based); lines are grouped by nämnd in order. */
  row(i: number): BudgetRow;
}

/**
 * Rows are produced one at a time so a million-line sheet is streamed, never held. The same
 * seed gives the same rows in the same order.
 */
export function budgetRows(lines: number, seed: number): BudgetRowSource {
  const rnd = new Prng(seed);
  const perNamnd = Math.ceil(lines / NAMNDER.length);
  return {
    row(i: number): BudgetRow {
      const n = Math.min(NAMNDER.length - 1, Math.floor(i / perNamnd));
      const j = i - n * perNamnd;
      const konto = KONTON[j % KONTON.length];
      const ansvarIndex = Math.floor(j / KONTON.length);
      const verksamhet = VERKSAMHETER[(n * 3 + ansvarIndex) % VERKSAMHETER.length];
      const ansvar = String(1000 * (n + 1) + (ansvarIndex % 1000));
      const intakt = konto.startsWith('3');

      // Log-normal amounts: median about 440 000 kr, from tens of thousands to tens of millions.
      const budget = Math.round(Math.exp(13 + 1.2 * rnd.normal()) / 1000) * 1000;
      let change = 0.03 * rnd.normal();
      const overrun = rnd.chance(0.04);
      if (overrun) change = 0.06 + 0.25 * rnd.next();
      // An overrun is a higher cost, or for revenue a shortfall.
      const prognos = Math.round(budget * (intakt ? 1 - change : 1 + change));
      const utfall = Math.round(prognos * (8 / 12) * (1 + 0.02 * rnd.normal()));
      const avvikelse = intakt ? prognos - budget : budget - prognos;
      const kommentar = overrun && rnd.chance(0.5) ? rnd.pick(COMMENTS) : null;
      return [NAMNDER[n], verksamhet, ansvar, konto, intakt ? 'Intäkt' : 'Kostnad', budget, utfall, prognos, avvikelse, kommentar];
    },
  };
}
