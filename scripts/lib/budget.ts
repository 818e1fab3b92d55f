/**
 * Budget lines for the example workbooks: generation (realistic verksamheter, konton and amounts),
 * and layout into a Budget sheet with a `Summa` row per nämnd and a `Totalt` row.
 */
import type { Rng } from './prng';
import type { OutCell, OutSheet } from './sheet-writer';
import type { PlantSpec } from './example-types';

export type Typ = 'Kostnad' | 'Intäkt';
export type AmountField = 'budget' | 'utfall' | 'prognos';

export interface BudgetLine {
  namnd: string;
  verksamhet: string;
  konto: string;
  typ: Typ;
  /** Amounts in tkr, positive, as meant (a cell may be written differently, see `written`). */
  budget: number;
  utfall: number;
  prognos: number;
  plan: number[];
  kommentar: string | null;
  /** How an amount cell is written when not as a plain number (text with no-break space, error). */
  written: Partial<Record<AmountField, OutCell>>;
  planted: PlantSpec[];
}

/** Which konton a verksamhet uses: [konto, typ, share of the verksamhet's gross cost]. */
export type KontoMix = readonly (readonly [string, Typ, number])[];

export const MIX = {
  personal: [
    ['5110 Löner', 'Kostnad', 0.55],
    ['5610 Personalomkostnader', 'Kostnad', 0.22],
    ['6110 Lokalhyror', 'Kostnad', 0.09],
    ['6410 Förbrukningsmaterial', 'Kostnad', 0.04],
    ['7090 Övriga verksamhetskostnader', 'Kostnad', 0.05],
    ['7810 Kapitalkostnader', 'Kostnad', 0.03],
    ['3410 Taxor och avgifter', 'Intäkt', 0.04],
    ['3610 Statsbidrag', 'Intäkt', 0.05],
  ],
  kop: [
    ['4010 Köp av huvudverksamhet', 'Kostnad', 0.7],
    ['5110 Löner', 'Kostnad', 0.15],
    ['5610 Personalomkostnader', 'Kostnad', 0.06],
    ['7090 Övriga verksamhetskostnader', 'Kostnad', 0.04],
    ['3610 Statsbidrag', 'Intäkt', 0.03],
  ],
  taxa: [
    ['5110 Löner', 'Kostnad', 0.5],
    ['5610 Personalomkostnader', 'Kostnad', 0.2],
    ['6410 Förbrukningsmaterial', 'Kostnad', 0.05],
    ['7090 Övriga verksamhetskostnader', 'Kostnad', 0.12],
    ['3410 Taxor och avgifter', 'Intäkt', 0.55],
  ],
  drift: [
    ['4010 Köp av huvudverksamhet', 'Kostnad', 0.35],
    ['5110 Löner', 'Kostnad', 0.25],
    ['5610 Personalomkostnader', 'Kostnad', 0.1],
    ['6410 Förbrukningsmaterial', 'Kostnad', 0.1],
    ['7810 Kapitalkostnader', 'Kostnad', 0.2],
    ['3510 Hyror och arrenden', 'Intäkt', 0.06],
  ],
  admin: [
    ['5110 Löner', 'Kostnad', 0.6],
    ['5610 Personalomkostnader', 'Kostnad', 0.24],
    ['6510 Konsulttjänster', 'Kostnad', 0.06],
    ['7090 Övriga verksamhetskostnader', 'Kostnad', 0.1],
  ],
  bidrag: [
    ['4610 Bidrag och transfereringar', 'Kostnad', 0.85],
    ['5110 Löner', 'Kostnad', 0.1],
    ['7090 Övriga verksamhetskostnader', 'Kostnad', 0.05],
  ],
} as const satisfies Record<string, KontoMix>;

export interface VerksamhetSpec {
  name: string;
  /** Gross cost budget in tkr. */
  gross: number;
  mix: KontoMix;
}

export interface NamndSpec {
  namnd: string;
  verksamheter: VerksamhetSpec[];
}

const KOMMENTARER_UNDER = [
  'Vakanser under våren',
  'Lägre volymer än planerat',
  'Återhållsamhet med inköp',
  'Senarelagd rekrytering',
];
const KOMMENTARER_OVER = ['Högre intäkter än budgeterat', 'Fler ansökningar än väntat', 'Riktat statsbidrag beviljat'];

/**
 * Generates clean lines: utfall ≈ months/12 of budget with a little noise, prognos on budget or a
 * little better (never a deficit: deficits are only ever planted), plan years growing 2–3 % a year.
 */
export function generateLines(rng: Rng, specs: NamndSpec[], months: number, planYears: number): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const spec of specs) {
    for (const v of spec.verksamheter) {
      for (const [konto, typ, share] of v.mix) {
        const budget = Math.max(12, Math.round(v.gross * share * rng.between(0.85, 1.15)));
        const utfall = Math.round(((budget * months) / 12) * rng.between(0.96, 1.03));
        let prognos = budget;
        let kommentar: string | null = null;
        if (rng.chance(0.35)) {
          const better = rng.between(0.005, 0.03);
          if (typ === 'Kostnad') {
            prognos = Math.floor(budget * (1 - better));
            if (prognos < budget) kommentar = rng.pick(KOMMENTARER_UNDER);
          } else {
            prognos = Math.ceil(budget * (1 + better));
            if (prognos > budget) kommentar = rng.pick(KOMMENTARER_OVER);
          }
        }
        const plan: number[] = [];
        let last = budget;
        for (let i = 0; i < planYears; i++) {
          last = Math.round(last * rng.between(1.02, 1.03));
          plan.push(last);
        }
        lines.push({ namnd: spec.namnd, verksamhet: v.name, konto, typ, budget, utfall, prognos, plan, kommentar, written: {}, planted: [] });
      }
    }
  }
  return lines;
}

/** The one line with this nämnd, verksamhet and konto (number prefix is enough); throws when absent. */
export function findLine(lines: BudgetLine[], namnd: string, verksamhet: string, konto: string): BudgetLine {
  const line = lines.find((l) => l.namnd === namnd && l.verksamhet === verksamhet && l.konto.startsWith(konto));
  if (!line) throw new Error(`Ingen budgetrad för ${namnd} / ${verksamhet} / ${konto}`);
  return line;
}

/** Net-cost deviation as the contract defines it: negative is a deficit. */
export function avvikelse(l: Pick<BudgetLine, 'typ' | 'budget' | 'prognos'>): number {
  return l.typ === 'Kostnad' ? l.budget - l.prognos : l.prognos - l.budget;
}

export function namndAvvikelse(lines: BudgetLine[], namnd: string): number {
  return lines.filter((l) => l.namnd === namnd).reduce((s, l) => s + avvikelse(l), 0);
}

export interface SummaPlant {
  namnd: string;
  field: AmountField;
  delta: number;
  spec: PlantSpec;
}

export interface NamndPlant {
  namnd: string;
  spec: PlantSpec;
}

export interface BudgetLayout {
  sheet: OutSheet;
  /** Planted problems with their rows. */
  planted: { row: number; spec: PlantSpec }[];
  rowOf: Map<BudgetLine, number>;
  summaRow: Map<string, number>;
  totalRow: number;
}

/**
 * Lays the lines out: header on row 1, each nämnd's lines followed by `Summa <nämnd>`, then `Totalt`
 * (the sum of all data rows). Total rows hold plain values, as an export from an ekonomisystem does.
 */
export function layoutBudget(
  lines: BudgetLine[],
  planYearsFrom: number,
  summaPlants: SummaPlant[] = [],
  namndPlants: NamndPlant[] = [],
): BudgetLayout {
  const planCount = lines[0]?.plan.length ?? 0;
  const planHeaders = Array.from({ length: planCount }, (_, i) => `Plan ${planYearsFrom + i}`);
  const header = ['Nämnd', 'Verksamhet', 'Konto', 'Typ', 'Budget', 'Utfall', 'Prognos', 'Kommentar', ...planHeaders];
  const rows: OutCell[][] = [header];
  const rowOf = new Map<BudgetLine, number>();
  const summaRow = new Map<string, number>();
  const planted: { row: number; spec: PlantSpec }[] = [];
  const boldRows: number[] = [];
  const namnder = [...new Set(lines.map((l) => l.namnd))];
  const sumOf = (ls: BudgetLine[]) => ({
    budget: ls.reduce((s, l) => s + l.budget, 0),
    utfall: ls.reduce((s, l) => s + l.utfall, 0),
    prognos: ls.reduce((s, l) => s + l.prognos, 0),
    plan: Array.from({ length: planCount }, (_, i) => ls.reduce((s, l) => s + l.plan[i], 0)),
  });

  for (const namnd of namnder) {
    const own = lines.filter((l) => l.namnd === namnd);
    for (const l of own) {
      rows.push([
        l.namnd,
        l.verksamhet,
        l.konto,
        l.typ,
        l.written.budget ?? l.budget,
        l.written.utfall ?? l.utfall,
        l.written.prognos ?? l.prognos,
        l.kommentar,
        ...l.plan,
      ]);
      rowOf.set(l, rows.length);
      for (const spec of l.planted) planted.push({ row: rows.length, spec });
    }
    const s = sumOf(own);
    for (const p of summaPlants.filter((p) => p.namnd === namnd)) s[p.field] += p.delta;
    rows.push([`Summa ${namnd}`, null, null, null, s.budget, s.utfall, s.prognos, null, ...s.plan]);
    summaRow.set(namnd, rows.length);
    boldRows.push(rows.length);
    for (const p of summaPlants.filter((p) => p.namnd === namnd)) planted.push({ row: rows.length, spec: p.spec });
    for (const p of namndPlants.filter((p) => p.namnd === namnd)) planted.push({ row: rows.length, spec: p.spec });
  }
  const t = sumOf(lines);
  rows.push(['Totalt', null, null, null, t.budget, t.utfall, t.prognos, null, ...t.plan]);
  boldRows.push(rows.length);
  const sheet: OutSheet = {
    name: 'Budget',
    rows,
    headerRow: 1,
    widths: [34, 30, 32, 10, 12, 12, 12, 40, ...planHeaders.map(() => 12)],
    numberCols: [5, 6, 7, ...planHeaders.map((_, i) => 9 + i)],
    boldRows,
  };
  planted.sort((a, b) => a.row - b.row);
  return { sheet, planted, rowOf, summaRow, totalRow: rows.length };
}

/** Swedish thousands grouping with the given space character, e.g. "1 234". */
export function groupThousands(n: number, space = '\u00a0'): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, space);
}
