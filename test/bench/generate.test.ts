import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkbook } from '../../bench/generate';
import { BUDGET_HEADER } from '../../bench/budget-rows';
import { readWorkbook } from '../../src/xlsx/read';

describe('bench generator', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-bench-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a workbook the reader reads with one row per budget line plus the header', async () => {
    const file = path.join(dir, 'tiny.xlsx');
    await generateWorkbook(file, { lines: 37, plan: { goals: 12, indicators: 20, uppdrag: 5, atgarder: 3 } });
    const snapshot = await readWorkbook(new Uint8Array(readFileSync(file)));
    const rows = Object.fromEntries(snapshot.sheets.map((s) => [s.name, s.rows]));

    expect(Object.keys(rows)).toEqual(['Budget', 'Mål', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Inställningar']);
    expect(rows.Budget).toHaveLength(38);
    expect(rows.Budget[0]).toEqual([...BUDGET_HEADER]);
    expect(rows['Mål']).toHaveLength(13);
    expect(rows.Indikatorer).toHaveLength(21);
    expect(rows.Uppdrag).toHaveLength(6);
    expect(rows['Åtgärder']).toHaveLength(4);
    // Every budget line has a nämnd and a numeric budget, and Avvikelse matches Typ's convention.
    for (const line of rows.Budget.slice(1)) {
      const [namnd, , , , typ, budget, , prognos, avvikelse] = line;
      expect(typeof namnd).toBe('string');
      expect(typeof budget).toBe('number');
      expect(avvikelse).toBe(typ === 'Intäkt' ? (prognos as number) - (budget as number) : (budget as number) - (prognos as number));
    }
  });

  it('is reproducible: the same spec gives the same cell values', async () => {
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await generateWorkbook(a, { lines: 50 });
    await generateWorkbook(b, { lines: 50 });
    const [sa, sb] = await Promise.all([a, b].map(async (f) => readWorkbook(new Uint8Array(readFileSync(f)))));
    expect(sa.sheets.map((s) => s.rows)).toEqual(sb.sheets.map((s) => s.rows));
    expect(sa.sheets[0].rows).toHaveLength(51);
  });
});
