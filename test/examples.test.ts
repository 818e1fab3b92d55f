import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeExamples } from '../scripts/make-examples';
import { EXPORT_EXAMPLE } from '../scripts/lib/export-workbooks';
import { readGrids, type Grid, type GridValue } from './fixtures/read-grid';
import { findingKeys, referenceBudgetCheck, readNumber } from './fixtures/reference-check';

const EXAMPLES = join(__dirname, '..', 'examples');
const FILES = ['hedemora-delarsrapport-2025-08.xlsx', 'flen-namndrapport-2-2025.xlsx'];

interface Planted {
  file: string;
  sheet: string;
  row: number | null;
  category: string;
  kind: string;
  what: string;
  finding: boolean;
}

let tmp: string;
let planted: Planted[];
const grids: Record<string, Grid[]> = {};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'styrkoll-examples-'));
  await makeExamples(tmp);
  planted = JSON.parse(await readFile(join(EXAMPLES, 'planted.json'), 'utf8'));
  for (const f of FILES) grids[f] = await readGrids(await readFile(join(EXAMPLES, f)));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const sheet = (file: string, name: string) => grids[file].find((g) => g.name === name)!;

/** Rows of a header-on-row-1 sheet as objects keyed by header, with their worksheet row. */
function records(g: Grid): { row: number; v: Record<string, GridValue> }[] {
  const header = g.rows[0].map((h) => String(h ?? '').replace(/\s*\(kr\)$/, ''));
  return g.rows.slice(1).map((r, i) => ({ row: i + 2, v: Object.fromEntries(header.map((h, c) => [h, r[c] ?? null])) }));
}

describe('committed examples match the script', () => {
  it.each(FILES)('%s has the same cell values as a fresh run', async (file) => {
    const fresh = await readGrids(await readFile(join(tmp, file)));
    expect(fresh.map((g) => g.name)).toEqual(grids[file].map((g) => g.name));
    expect(fresh).toEqual(grids[file]);
  });

  it(`${EXPORT_EXAMPLE} (a real export's shape) has the same cell values as a fresh run`, async () => {
    const fresh = await readGrids(await readFile(join(tmp, EXPORT_EXAMPLE)));
    expect(fresh).toEqual(await readGrids(await readFile(join(EXAMPLES, EXPORT_EXAMPLE))));
  });

  it('planted.json and README.md match a fresh run', async () => {
    for (const f of ['planted.json', 'README.md']) {
      expect(await readFile(join(tmp, f), 'utf8')).toBe(await readFile(join(EXAMPLES, f), 'utf8'));
    }
  });
});

describe.each(FILES)('%s holds exactly the planted problems', (file) => {
  const mine = () => planted.filter((p) => p.file === file);

  it('has the contract sheets and settings', () => {
    expect(grids[file].map((g) => g.name)).toEqual(['Budget', 'Mål', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Inställningar']);
    const settings = Object.fromEntries(sheet(file, 'Inställningar').rows.slice(1).map((r) => [r[0], r[1]]));
    expect(settings['Profil']).toMatch(/^(hedemora|flen)$/);
    expect(settings['Kommunkod']).toMatch(/^\d{4}$/);
  });

  it('budget and indata findings of a reference reading equal the planted ones', () => {
    const namnderMedAtgard = new Set(records(sheet(file, 'Åtgärder')).map((r) => String(r.v['Nämnd'])));
    const found = referenceBudgetCheck(sheet(file, 'Budget'), { namnderMedAtgard });
    const expected = mine().filter((p) => p.sheet === 'Budget' && p.finding);
    expect(findingKeys(found)).toEqual(findingKeys(expected));
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it('has hundreds of budget lines with a Summa row per nämnd and a Totalt row', () => {
    const rows = sheet(file, 'Budget').rows.slice(1);
    const totals = rows.filter((r) => /^(Summa|Totalt)/.test(String(r[0])));
    expect(rows.length - totals.length).toBeGreaterThan(file.startsWith('hedemora') ? 200 : 100);
    expect(String(rows[rows.length - 1][0])).toBe('Totalt');
    const namnder = new Set(rows.filter((r) => !totals.includes(r)).map((r) => r[0]));
    expect(totals.length).toBe(namnder.size + 1);
  });

  it('text numbers that must be read are readable', () => {
    const g = sheet(file, 'Budget');
    for (const p of mine().filter((x) => !x.finding)) {
      const row = g.rows[p.row! - 1];
      const texts = row.filter((v) => typeof v === 'string' && /[\u00a0\u202f]/.test(v));
      expect(texts).toHaveLength(1);
      expect(typeof readNumber(texts[0])).toBe('number');
    }
  });

  it('goal, indicator and uppdrag problems are exactly the planted ones', () => {
    const goals = records(sheet(file, 'Mål'));
    const ids = new Set(goals.map((g) => String(g.v['ID'])));
    const indicators = records(sheet(file, 'Indikatorer'));
    const atgarder = records(sheet(file, 'Åtgärder'));
    const period = String(Object.fromEntries(sheet(file, 'Inställningar').rows.map((r) => [r[0], r[1]]))['Period']);
    const [py, pm] = period.split('-').map(Number);
    const periodEnd = Date.UTC(py, pm, 0) / 86400000 + 25569;
    const deficitNamnder = new Set(
      planted.filter((p) => p.file === file && p.kind.startsWith('namnd-underskott')).map((p) => String(sheet(file, 'Budget').rows[p.row! - 1][0]).replace(/^Summa /, '')),
    );
    const found: Planted[] = [];
    const add = (sheetName: string, row: number, category: string, kind: string) => found.push({ file, sheet: sheetName, row, category, kind, what: '', finding: true });
    for (const g of goals) {
      const niva = String(g.v['Nivå']);
      const parent = g.v['Förälder'];
      if (niva !== 'Vision' && (parent === null || !ids.has(String(parent)))) add('Mål', g.row, 'rod-trad', 'saknad-forälder');
      if (niva === 'Nämndmål' && !indicators.some((i) => i.v['Mål-ID'] === g.v['ID'])) add('Mål', g.row, 'rod-trad', 'nämndmål-utan-indikator');
      if (g.v['Prognos'] === 'Uppnås ej' && !atgarder.some((a) => a.v['Nämnd'] === g.v['Nämnd'])) add('Mål', g.row, 'mal', 'prognos-uppnås-ej-utan-åtgärd');
      if (Number(g.v['Kräver medel'] ?? 0) > 0 && deficitNamnder.has(String(g.v['Nämnd']))) add('Mål', g.row, 'mal-medel', 'mål-kräver-medel-vid-underskott');
    }
    for (const i of indicators) {
      const [b, by, t, ty, o, oy] = ['Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår'].map((k) => i.v[k] as number | null);
      if (!ids.has(String(i.v['Mål-ID']))) add('Indikatorer', i.row, 'rod-trad', 'indikator-utan-mål');
      if (t === null || ty === null) {
        add('Indikatorer', i.row, 'rod-trad', 'indikator-utan-målvärde');
        continue;
      }
      const line = b! + ((t - b!) * (oy! - by!)) / (ty - by!);
      const lower = i.v['Riktning'] === 'Lägre är bättre';
      expect(lower).toBe(t < b!);
      if (lower ? o! > line : o! < line) add('Indikatorer', i.row, 'mal', 'indikator-ur-kurs');
    }
    for (const u of records(sheet(file, 'Uppdrag'))) {
      if (!u.v['Ansvarig']) add('Uppdrag', u.row, 'rod-trad', 'uppdrag-utan-ägare');
      if (Number(u.v['Kostnad']) > 0 && u.v['Finansierad'] === 'Nej') add('Uppdrag', u.row, 'mal-medel', 'ofinansierat-uppdrag');
      if (Number(u.v['Klart senast']) < periodEnd && u.v['Status'] !== 'Klar') add('Uppdrag', u.row, 'arshjul', 'deadline-passerad');
    }
    for (const a of atgarder) {
      if (Number(a.v['Klart senast']) < periodEnd && a.v['Status'] !== 'Klar') add('Åtgärder', a.row, 'arshjul', 'deadline-passerad');
    }
    const expected = mine().filter((p) => p.sheet !== 'Budget');
    expect(findingKeys(found)).toEqual(findingKeys(expected));
  });

  it('every nämnd reported as in deficit with a plan really has rows in Åtgärder', () => {
    const budget = sheet(file, 'Budget');
    for (const p of mine().filter((x) => x.kind === 'namnd-underskott')) {
      const namnd = String(budget.rows[p.row! - 1][0]).replace(/^Summa /, '');
      const plans = records(sheet(file, 'Åtgärder')).filter((a) => a.v['Nämnd'] === namnd);
      expect(plans.length).toBeGreaterThan(0);
    }
  });
});
