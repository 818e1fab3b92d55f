import { hmacSha256Hex } from '../../../src/core/report/hmac';
/** Builders with valid defaults: Models (the input layer is built elsewhere), snapshots, answers. */
import type { Atgard, BudgetLine, Goal, Indicator, Model, SheetLocation, Uppdrag } from '../../../src/core/model';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';

type Cols = Record<string, [string, number]>;

function location(name: string, cols: Cols): SheetLocation {
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  for (const [k, [h, c]] of Object.entries(cols)) {
    columns[k] = c;
    headers[k] = h;
  }
  return { name, headerRow: 1, columns, headers };
}

const BUDGET_COLS: Cols = { namnd: ['Nämnd', 1], verksamhet: ['Verksamhet', 2], budget: ['Budget', 3], utfall: ['Utfall', 4], prognos: ['Prognos', 5], kommentar: ['Kommentar', 6] };
const GOAL_COLS: Cols = { id: ['ID', 1], niva: ['Nivå', 2], text: ['Mål', 3], parentId: ['Förälder', 4], namnd: ['Nämnd', 5], prognos: ['Prognos', 6] };
const IND_COLS: Cols = {
  id: ['ID', 1], goalId: ['Mål-ID', 2], text: ['Indikator', 3], baseline: ['Utgångsvärde', 4], baselineYear: ['Utgångsår', 5],
  target: ['Målvärde', 6], targetYear: ['Målår', 7], outcome: ['Utfall', 8], outcomeYear: ['Utfallsår', 9],
};
const UPP_COLS: Cols = { id: ['ID', 1], text: ['Uppdrag', 2], givetAv: ['Givet av', 3], ansvarig: ['Ansvarig', 4], status: ['Status', 5], klartSenast: ['Klart senast', 6] };
const ATG_COLS: Cols = { namnd: ['Nämnd', 1], text: ['Åtgärd', 2], belopp: ['Belopp', 3], ansvarig: ['Ansvarig', 4], klartSenast: ['Klart senast', 5], status: ['Status', 6] };

export function budgetLine(p: Partial<BudgetLine> & { namnd: string }): Omit<BudgetLine, 'row'> {
  const budget = p.budget ?? 1000;
  const prognos = p.prognos === undefined ? budget : p.prognos;
  return {
    verksamhet: 'Verksamhet', konto: null, typ: 'kostnad', utfall: null, avvikelseAngiven: null, kommentar: null, plan: [],
    ...p, budget, prognos, avvikelse: prognos === null ? null : budget - prognos,
  };
}

export function goal(p: Partial<Goal> & { id: string }): Omit<Goal, 'row'> {
  return { niva: 'Nämndmål', text: `Mål ${p.id}`, parentId: null, namnd: null, perspektiv: null, prognos: null, kraverMedel: null, ...p };
}

export function indicator(p: Partial<Indicator> & { id: string; goalId: string }): Omit<Indicator, 'row'> {
  return {
    text: `Indikator ${p.id}`, koladaId: null, baseline: 50, baselineYear: 2022, target: 60, targetYear: 2026,
    outcome: 55, outcomeYear: 2024, riktning: 'hogre', ...p,
  };
}

export function uppdrag(p: Partial<Uppdrag> & { id: string }): Omit<Uppdrag, 'row'> {
  return { text: `Uppdrag ${p.id}`, givetAv: 'KF', ansvarig: null, kostnad: null, finansierad: null, status: 'Pågår', klartSenast: '2025-12-31', ...p };
}

function rows<T>(items: Omit<T, 'row'>[]): T[] {
  return items.map((x, i) => ({ ...x, row: i + 2 }) as T);
}

export interface ModelParts {
  budget?: Omit<BudgetLine, 'row'>[];
  goals?: Omit<Goal, 'row'>[];
  indicators?: Omit<Indicator, 'row'>[];
  uppdrag?: Omit<Uppdrag, 'row'>[];
  atgarder?: Omit<Atgard, 'row'>[];
  beloppI?: 'kr' | 'tkr' | 'mnkr' | null;
}

export function buildModel(p: ModelParts): Model {
  return {
    budget: p.budget ? { location: location('Budget', BUDGET_COLS), lines: rows(p.budget), totals: [], hasPrognos: true, planYears: [] } : null,
    goals: p.goals ? { location: location('Mål', GOAL_COLS), items: rows(p.goals) } : null,
    indicators: p.indicators ? { location: location('Indikatorer', IND_COLS), items: rows(p.indicators) } : null,
    uppdrag: p.uppdrag ? { location: location('Uppdrag', UPP_COLS), items: rows(p.uppdrag) } : null,
    atgarder: p.atgarder ? { location: location('Åtgärder', ATG_COLS), items: rows(p.atgarder) } : null,
    settings: {
      kommun: 'Exempelby kommun', kommunkod: null, profil: 'flen', budgetar: 2025, period: { year: 2025, month: 8 },
      beloppI: p.beloppI === undefined ? 'tkr' : p.beloppI, tecken: null, namnd: null, koladaUrl: null, entries: {}, sheet: 'Inställningar',
    },
    tecken: { value: 'kostnad positiv', assumed: false },
    notes: [],
    inlast: { sheets: [], enhet: null, skipped: [] },
  };
}

const PROGNOS_TEXT: Record<string, string> = { uppnas: 'Uppnås', delvis: 'Delvis', 'uppnas-ej': 'Uppnås ej' };

/** The master workbook as a snapshot, consistent with the model's locations. */
export function modelSnapshot(m: Model): WorkbookSnapshot {
  const sheet = (loc: SheetLocation, items: object[]): WorkbookSnapshot['sheets'][number] => {
    const width = Math.max(...Object.values(loc.columns));
    const header: CellValue[] = Array(width).fill(null);
    for (const [k, c] of Object.entries(loc.columns)) header[c - 1] = loc.headers[k];
    const body = items.map((it) => {
      const r: CellValue[] = Array(width).fill(null);
      for (const [k, c] of Object.entries(loc.columns)) {
        const v = (it as Record<string, unknown>)[k];
        r[c - 1] = k === 'prognos' && loc.name === 'Mål' ? (v ? PROGNOS_TEXT[v as string] : null) : ((v ?? null) as CellValue);
      }
      return r;
    });
    return { name: loc.name, rows: [header, ...body], errors: [] };
  };
  const out: WorkbookSnapshot = { sheets: [] };
  if (m.budget) out.sheets.push(sheet(m.budget.location, m.budget.lines));
  if (m.goals) out.sheets.push(sheet(m.goals.location, m.goals.items));
  if (m.indicators) out.sheets.push(sheet(m.indicators.location, m.indicators.items));
  if (m.uppdrag) out.sheets.push(sheet(m.uppdrag.location, m.uppdrag.items));
  if (m.atgarder) out.sheets.push(sheet(m.atgarder.location, m.atgarder.items));
  return out;
}

/** What a reader would see of written SheetSpecs: values, formulas as their cached value. */
export function specToSnapshot(specs: SheetSpec[]): WorkbookSnapshot {
  return {
    sheets: specs.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c ? c.v : null))), errors: [] })),
  };
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Finds a fill-in field by id in a snapshot sheet by reading column A directly. */
export function locateField(snap: WorkbookSnapshot, sheet: string, id: string): { row: number; col: number } {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  const cut = id.lastIndexOf(':');
  const key = id.slice(0, cut);
  const field = id.slice(cut + 1);
  for (let r = 0; r < s.rows.length; r++) {
    const a = s.rows[r][0];
    if (typeof a !== 'string') continue;
    const [head, ...parts] = a.split('#');
    if (decodeURIComponent(head) !== key) continue;
    const p = parts.find((x) => x.startsWith(`f.${field}=`));
    if (p) return { row: r + 1, col: colNumber(p.split('=')[1]) };
  }
  throw new Error(`no field ${id} on ${sheet}`);
}

export function fill(snap: WorkbookSnapshot, sheet: string, answers: Record<string, CellValue>): void {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  for (const [id, v] of Object.entries(answers)) {
    const { row, col } = locateField(snap, sheet, id);
    while (s.rows[row - 1].length < col) s.rows[row - 1].push(null);
    s.rows[row - 1][col - 1] = v;
  }
}

/** Every fill-in id of a snapshot sheet (from column A). */
export function allFieldIds(snap: WorkbookSnapshot, sheet: string): string[] {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  const ids: string[] = [];
  for (const row of s.rows) {
    const a = row[0];
    if (typeof a !== 'string') continue;
    const [head, ...parts] = a.split('#');
    for (const p of parts) if (p.startsWith('f.')) ids.push(`${decodeURIComponent(head)}:${p.slice(2, p.indexOf('='))}`);
  }
  return ids;
}

export function insertRow(snap: WorkbookSnapshot, sheet: string, before: number, values: CellValue[] = []): void {
  snap.sheets.find((x) => x.name === sheet)!.rows.splice(before - 1, 0, values);
}

/** Two nämnder with goals under a KF goal, indicators, uppdrag and budget; Socialnämnden has a deficit. */
export function sampleModel(overrides: Partial<ModelParts> = {}): Model {
  return buildModel({
    budget: [
      budgetLine({ namnd: 'Socialnämnden', verksamhet: 'Hemtjänst', budget: 50000, utfall: 34000, prognos: 52500 }),
      budgetLine({ namnd: 'Socialnämnden', verksamhet: 'Hemtjänst', budget: 2000, utfall: 1200, prognos: 1800 }),
      budgetLine({ namnd: 'Socialnämnden', verksamhet: 'Särskilt boende', budget: 80000, utfall: 53000, prognos: 79000 }),
      budgetLine({ namnd: 'Barn- och utbildningsnämnden', verksamhet: 'Grundskola', budget: 120000, utfall: 79000, prognos: 119000 }),
      budgetLine({ namnd: 'Barn- och utbildningsnämnden', verksamhet: 'Förskola', budget: 60000, utfall: 40500, prognos: 60000 }),
    ],
    goals: [
      goal({ id: 'KF1', niva: 'Inriktningsmål', text: 'Trygg och god omsorg', namnd: 'Kommunfullmäktige' }),
      goal({ id: 'KF2', niva: 'Inriktningsmål', text: 'Bästa skolan', namnd: 'Kommunfullmäktige' }),
      goal({ id: 'SN1', text: 'Fler äldre känner sig trygga', parentId: 'KF1', namnd: 'Socialnämnden', prognos: 'delvis' }),
      goal({ id: 'SN2', text: 'Kortare väntetid till särskilt boende', parentId: 'KF1', namnd: 'Socialnämnden' }),
      goal({ id: 'BUN1', text: 'Alla elever når målen', parentId: 'KF2', namnd: 'Barn- och utbildningsnämnden' }),
    ],
    indicators: [
      indicator({ id: 'I1', goalId: 'SN1', text: 'Trygghet i äldreboende', baseline: 70, target: 80, outcome: 71 }),
      indicator({ id: 'I2', goalId: 'SN2', text: 'Väntetid dagar', baseline: 90, target: 50, outcome: null, outcomeYear: null, riktning: 'lagre' }),
      indicator({ id: 'I3', goalId: 'BUN1', text: 'Behörighet gymnasiet', baseline: 80, target: 90, outcome: 86 }),
    ],
    uppdrag: [
      uppdrag({ id: 'U1', text: 'Utred hemtjänstens ruttplanering', ansvarig: 'Socialnämnden' }),
      uppdrag({ id: 'U2', text: 'Ta fram skolplan', ansvarig: 'Barn- och utbildningsnämnden', kostnad: 300 }),
    ],
    atgarder: [],
    ...overrides,
  });
}

/** The keyed hash the core tests sign and verify with. */
export const SIGN = (message: string): string => hmacSha256Hex('test-nyckel', message);
