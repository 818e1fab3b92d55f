/**
 * Synthetic Mål, Indikatorer, Uppdrag, Åtgärder and Inställningar sheets following
 * docs/workbook-format.md, with a few broken links and off-track indicators so the goal
 * rules have something to find.
 */
import { NAMNDER } from './budget-rows';
import { Prng } from './prng';

export type Row = (string | number | null)[];

export interface SheetRows {
  name: string;
  rows: Row[];
}

export interface PlanCounts {
  goals: number;
  indicators: number;
  uppdrag: number;
  atgarder: number;
}

const PERSPEKTIV = ['Invånare', 'Ekonomi', 'Medarbetare', 'Samhälle och miljö', 'Värdegrund'];
const PROGNOS = ['Uppnås', 'Delvis', 'Uppnås ej'];
const STATUS = ['Ej påbörjat', 'Pågår', 'Klart', 'Försenat'];

function goals(count: number, rnd: Prng): SheetRows {
  const rows: Row[] = [['ID', 'Nivå', 'Mål', 'Förälder', 'Nämnd', 'Perspektiv', 'Prognos', 'Kräver medel']];
  const inriktning = Math.min(8, Math.max(1, count - 1));
  const namndmal = Math.max(1, Math.floor(count / 10));
  const byLevel: string[][] = [[], [], [], []];
  for (let i = 0; i < count; i++) {
    const level = i === 0 ? 0 : i <= inriktning ? 1 : i <= inriktning + namndmal ? 2 : 3;
    const id = `M${i + 1}`;
    const niva = ['Vision', 'Inriktningsmål', 'Nämndmål', 'Verksamhetsmål'][level];
    // One goal in a hundred points at a parent that does not exist.
    const parent = level === 0 ? null : rnd.chance(0.01) ? `M${count + i}` : rnd.pick(byLevel[level - 1]);
    const namnd = level <= 1 ? 'Kommunfullmäktige' : rnd.pick(NAMNDER);
    const kraver = rnd.chance(0.1) ? rnd.int(1, 50) * 10_000 : null;
    rows.push([id, niva, `${niva} ${i + 1}: förbättra ${rnd.pick(PERSPEKTIV).toLowerCase()}`, parent, namnd, rnd.pick(PERSPEKTIV), level >= 2 ? rnd.pick(PROGNOS) : null, kraver]);
    byLevel[level].push(id);
  }
  return { name: 'Mål', rows };
}

function indicators(count: number, goalCount: number, rnd: Prng): SheetRows {
  const rows: Row[] = [
    ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID', 'Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår', 'Riktning'],
  ];
  for (let i = 0; i < count; i++) {
    const lower = rnd.chance(0.2);
    const base = rnd.int(20, 80);
    const target = lower ? base - rnd.int(2, 10) : base + rnd.int(2, 10);
    const outcome = base + (target - base) * (rnd.next() * 1.4 - 0.2);
    rows.push([
      `I${i + 1}`,
      `M${rnd.int(1, goalCount)}`,
      `Indikator ${i + 1}`,
      rnd.chance(0.7) ? `N${String(rnd.int(0, 99999)).padStart(5, '0')}` : null,
      base,
      2022,
      target,
      2026,
      Math.round(outcome * 10) / 10,
      2024,
      lower ? 'Lägre är bättre' : 'Högre är bättre',
    ]);
  }
  return { name: 'Indikatorer', rows };
}

function uppdrag(count: number, rnd: Prng): SheetRows {
  const rows: Row[] = [['ID', 'Uppdrag', 'Givet av', 'Ansvarig', 'Kostnad', 'Finansierad', 'Status', 'Klart senast']];
  for (let i = 0; i < count; i++) {
    const kostnad = rnd.chance(0.4) ? rnd.int(1, 40) * 25_000 : null;
    rows.push([
      `U${i + 1}`,
      `Utred och genomför uppdrag ${i + 1}`,
      rnd.pick(['KF', 'KS', 'Nämnd']),
      rnd.chance(0.03) ? null : rnd.pick(NAMNDER),
      kostnad,
      kostnad === null ? null : rnd.chance(0.7) ? 'Ja' : 'Nej',
      rnd.pick(STATUS),
      `2025-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
    ]);
  }
  return { name: 'Uppdrag', rows };
}

function atgarder(count: number, rnd: Prng): SheetRows {
  const rows: Row[] = [['Nämnd', 'Åtgärd', 'Belopp', 'Ansvarig', 'Klart senast', 'Status']];
  for (let i = 0; i < count; i++) {
    rows.push([
      NAMNDER[i % 3 === 0 ? 2 : i % NAMNDER.length],
      `Åtgärd ${i + 1}: minska kostnaderna`,
      rnd.int(1, 30) * 50_000,
      rnd.pick(['Förvaltningschef', 'Ekonomichef', 'Enhetschef']),
      `2025-${String(rnd.int(9, 12)).padStart(2, '0')}-30`,
      rnd.pick(STATUS),
    ]);
  }
  return { name: 'Åtgärder', rows };
}

export function settingsSheet(): SheetRows {
  return {
    name: 'Inställningar',
    rows: [
      ['Kommun', 'Exempelkommun'],
      ['Kommunkod', '2083'],
      ['Profil', 'standard'],
      ['Budgetår', 2025],
      ['Period', '2025-08'],
      ['Belopp i', 'kr'],
      ['Tecken', 'kostnad positiv'],
    ],
  };
}

/** The plan sheets (everything but Budget and Inställningar) for the given counts. */
export function planSheets(counts: PlanCounts, seed: number): SheetRows[] {
  const rnd = new Prng(seed);
  const out: SheetRows[] = [];
  if (counts.goals > 0) out.push(goals(counts.goals, rnd));
  if (counts.indicators > 0) out.push(indicators(counts.indicators, Math.max(1, counts.goals), rnd));
  if (counts.uppdrag > 0) out.push(uppdrag(counts.uppdrag, rnd));
  if (counts.atgarder > 0) out.push(atgarder(counts.atgarder, rnd));
  return out;
}
