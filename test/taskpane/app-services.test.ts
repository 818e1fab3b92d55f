/**
 * The Excel side of issue #15 with the real core, the real rule files and the pane's real services
 * through the real Office.js client and the host model (real-client/): a workbook whose budget is not recognised gives no green result (the Kontroll
 * sheet says so in red, and so would the ribbon), Koppla kolumner offers its sheets and header rows,
 * saving writes Budgetblad, Rubrikrad and Kolumn … into Inställningar (in place, as text), and the
 * next check – the pane's or the ribbon's – uses it.
 */
import { saveMappingSettings } from '../../src/office/mapping-settings';
import { LOCK_KEY } from '../../src/office/write-lock';
import { createKontrolleraBudgetHandler } from '../../taskpane/ribbon-handler';
import type { FakeSheetInit } from '../office/fake-excel';
import { ExcelHost } from '../office/real-client/excel-host';
import { toHostSheets } from '../office/workbook-fixture';

jest.mock('../../taskpane/rule-files', () => jest.requireActual('../builders/rule-files').taskpaneRuleFilesModule());
// No MessageChannel turns in jest: the check yields with a resolved promise.
jest.mock('../../taskpane/pane/yield-to-host', () => ({ createYieldToHost: () => () => Promise.resolve() }));

const { createAppServices, checkOpenWorkbook } = require('../../taskpane/app-services') as typeof import('../../taskpane/app-services');

/** An export whose headers Styrkoll does not know: Tilldelat, Bokfört and Bedömt helår are none of its words. */
function unknownExport(settings: FakeSheetInit | null): FakeSheetInit[] {
  const rows: (string | number)[][] = [
    ['Uppföljning per ansvar, augusti 2025'],
    [],
    ['Ansvar', 'Enhet', 'Tilldelat', 'Bokfört', 'Bedömt helår', 'Notering'],
    ['Socialnämnden', 'Hemtjänst', 96_400_000, 64_900_000, 104_700_000, ''],
    ['Socialnämnden', 'Särskilt boende', 154_200_000, 101_800_000, 153_100_000, ''],
    ['Kultur- och fritidsnämnden', 'Bibliotek', 9_800_000, 6_100_000, 9_700_000, ''],
  ];
  return [{ name: 'Blad1', rows }, ...(settings ? [settings] : [])];
}

let host: ExcelHost;
/** The workbook the pane's Excel.run reaches: the real client against `host`. */
const workbook = (sheets: FakeSheetInit[]) => (host = new ExcelHost(toHostSheets(sheets), 'web'));
beforeEach(() => {
  (globalThis as Record<string, unknown>).Excel = { run: (work: (c: Excel.RequestContext) => Promise<unknown>) => host.run(work) };
});

/** One sheet of the host as the assertions read it: values and formulas by "r,c", its tab colour and whether it is active. */
function sheet(name: string) {
  const s = host.sheet(name);
  const values = new Map<string, unknown>();
  const formulas = new Set<string>();
  for (const [r, row] of s.cells) {
    for (const [c, cell] of row) {
      values.set(`${r},${c}`, cell.value);
      if (cell.formula) formulas.add(`${r},${c}`);
    }
  }
  return { values, formulas, numberFormats: s.numberFormats, tabColor: s.tabColor, activated: host.activeSheet === s.id };
}
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

/** The Inställningar rows as [key, value] pairs, empty rows left out. */
function settingsRows(name = 'Inställningar'): [unknown, unknown][] {
  const m = sheet(name);
  const out: [unknown, unknown][] = [];
  const maxRow = Math.max(-1, ...[...m.values.keys()].map((k) => Number(k.split(',')[0])));
  for (let r = 0; r <= maxRow; r++) {
    const a = m.values.get(`${r},0`);
    const b = m.values.get(`${r},1`);
    if (a !== undefined || b !== undefined) out.push([a, b]);
  }
  return out;
}

describe('Koppla kolumner in Excel', () => {
  it('a workbook with no budget data: no budget read, a red Kontroll sheet, and the sheets to choose from', async () => {
    workbook(unknownExport(null));
    const services = createAppServices();
    const { result, handle } = await services.check.check(null, { profile: null, thresholds: {} }, () => undefined);
    // The pane gets findings and summary; the model stays behind the handle.
    expect(Object.keys(result).sort()).toEqual(['findings', 'summary']);
    expect(result.summary.budgetRead).toBe(false);
    expect(result.findings.some((f) => f.rule === 'IN-BLAD-SAKNAS' && f.severity === 'fel')).toBe(true);
    expect(result.summary.inlast.join('\n')).toContain('Blad1');
    const kontroll = sheet('Kontroll');
    expect([...kontroll.values.values()].map(String).some((v) => v.startsWith('Ingen budgetdata lästes'))).toBe(true);
    expect(kontroll.tabColor).toBe('#A4262C');
    expect(kontroll.activated).toBe(true);

    const data = handle.mapping()!;
    expect(data.recognised).toBeNull();
    expect(data.sheets.map((s) => s.name)).toEqual(['Blad1']);
    expect(data.sheets[0].likelyHeaderRow).toBe(3);
    expect(data.sheets[0].rows.find((r) => r.row === 3)!.cells.map((c) => c.text)).toEqual(['Ansvar', 'Enhet', 'Tilldelat', 'Bokfört', 'Bedömt helår', 'Notering']);
    expect(data.fields.map((f) => f.title)).toEqual(['Budget', 'Utfall', 'Prognos', 'Avvikelse', 'Nämnd', 'Verksamhet', 'Konto', 'Typ', 'Kommentar']);
  });

  it('the ribbon button on a workbook with no budget data shows the red Kontroll sheet, not a clean one', async () => {
    workbook(unknownExport(null));
    const reported: unknown[] = [];
    const handler = createKontrolleraBudgetHandler({ check: () => checkOpenWorkbook(), report: async (m) => void reported.push(m) });
    let completed = 0;
    await handler({ completed: () => void completed++ });
    expect([completed, reported]).toEqual([1, []]);
    const kontroll = sheet('Kontroll');
    const texts = [...kontroll.values.values()].map(String);
    expect(texts.some((v) => v.startsWith('Ingen budgetdata lästes – budgeten har inte kontrollerats'))).toBe(true);
    expect(texts).toContain('IN-BLAD-SAKNAS');
    expect(texts.some((v) => v.includes('Koppla kolumner'))).toBe(true);
    expect(texts).not.toContain('Inga avvikelser hittades.');
    expect(kontroll.tabColor).toBe('#A4262C');
    expect(kontroll.activated).toBe(true);
  });

  it('saves the mapping into a new Inställningar sheet, and the next check and the ribbon use it', async () => {
    workbook(unknownExport(null));
    const services = createAppServices();
    await services.excel!.saveMapping({ sheet: 'Blad1', headerRow: 3, columns: { budget: 'Tilldelat', utfall: 'Bokfört', prognos: 'Bedömt helår', namnd: 'Ansvar', verksamhet: 'Enhet', kommentar: 'Notering' } });
    expect(settingsRows()).toEqual([
      ['Budgetblad', 'Blad1'],
      ['Rubrikrad', 3],
      ['Kolumn Nämnd', 'Ansvar'],
      ['Kolumn Verksamhet', 'Enhet'],
      ['Kolumn Budget', 'Tilldelat'],
      ['Kolumn Utfall', 'Bokfört'],
      ['Kolumn Prognos', 'Bedömt helår'],
      ['Kolumn Kommentar', 'Notering'],
    ]);
    expect(sheet('Inställningar').formulas.size).toBe(0);

    const { result, handle } = await services.check.check(null, { profile: null, thresholds: {} }, () => undefined);
    expect(result.summary.budgetRead).toBe(true);
    expect(result.findings.some((f) => f.rule === 'IN-BLAD-SAKNAS')).toBe(false);
    // Hemtjänst's 8,6 % overrun is found on its row.
    expect(result.findings.some((f) => f.sheet === 'Blad1' && f.row === 4 && f.category === 'budget')).toBe(true);
    const data = handle.mapping()!;
    expect(data.recognised).toMatchObject({ sheet: 'Blad1', headerRow: 3 });
    expect(data.recognised!.columns.budget).toEqual({ col: 3, header: 'Tilldelat' });
    expect(data.current).toMatchObject({ sheet: 'Blad1', headerRow: 3, columns: { budget: 'Tilldelat' } });
    // The Rapporter tab asks the same handle for the nämnder and their pictures.
    expect([...handle.namnder()].sort()).toEqual(['Kultur- och fritidsnämnden', 'Socialnämnden']);
    expect(handle.pictures!('Socialnämnden')).toMatchObject({ namnd: 'Socialnämnden' });

    // The ribbon's check reads the same Inställningar.
    const ribbon = await checkOpenWorkbook();
    expect(ribbon.result.findings).toEqual(result.findings);
    expect(sheet('Kontroll').tabColor).toBe('#1F3864');
  });

  it('updates keys in place in an existing Settings sheet, empties a field set to (ingen), and writes texts as text', async () => {
    workbook(
      unknownExport({
        name: 'Settings',
        rows: [
          ['Inställning', 'Värde'],
          ['Kommun', 'Hedemora'],
          ['Budgetblad', 'Gammalt blad'],
          ['Kolumn Avvikelse', 'Diff'],
          ['Period', '2025-08'],
          ['budgetblad', 'dubblett'],
        ],
      }),
    );
    await host.run((c) => saveMappingSettings(c, { sheet: 'Blad1', headerRow: 3, columns: { budget: '=Ram', utfall: '-1' } }));
    expect(host.sheetNames()).toEqual(['Blad1', 'Settings']);
    expect(settingsRows('Settings')).toEqual([
      ['Inställning', 'Värde'],
      ['Kommun', 'Hedemora'],
      ['Budgetblad', 'Blad1'],
      ['Period', '2025-08'],
      ['Rubrikrad', 3],
      ['Kolumn Budget', '=Ram'],
      ['Kolumn Utfall', '-1'],
    ]);
    const settings = sheet('Settings');
    expect(settings.formulas.size).toBe(0);
    expect(settings.numberFormats.get('7,1')).toBe('@');
    expect(settings.numberFormats.get('8,1')).toBe('@');

    // Ta bort kopplingen: every mapping key's row is emptied, the other rows stay.
    await host.run((c) => saveMappingSettings(c, { sheet: null, headerRow: null, columns: {} }));
    expect(settingsRows('Settings')).toEqual([['Inställning', 'Värde'], ['Kommun', 'Hedemora'], ['Period', '2025-08']]);
  });

  it('while the ribbon\u2019s button writes, saving the mapping and checking are refused in Swedish and change nothing', async () => {
    workbook(unknownExport(null));
    host.settings.set(LOCK_KEY, JSON.stringify({ id: 'knappen', who: 'menyfliken', at: Date.now() }));
    const services = createAppServices();
    const busy = { name: 'StyrkollError', code: 'UPPTAGEN', message: expect.stringMatching(/^Knappen Kontrollera budget i menyfliken skriver redan i arbetsboken\./) };
    await expect(services.excel!.saveMapping({ sheet: 'Blad1', headerRow: 3, columns: { budget: 'Tilldelat' } })).rejects.toMatchObject(busy);
    await expect(services.check.check(null, { profile: null, thresholds: {} }, () => undefined)).rejects.toMatchObject(busy);
    expect(host.sheetNames()).toEqual(['Blad1']);
  });
});

describe('reports as sheets in Excel', () => {
  const budget: FakeSheetInit = {
    name: 'Budget',
    rows: [
      ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos'],
      ['Socialnämnden', 'Hemtjänst', 96_400_000, 64_900_000, 104_700_000],
      ['Kultur- och fritidsnämnden', 'Bibliotek', 9_800_000, 6_100_000, 9_700_000],
    ],
  };
  const request = { template: 'delarsrapport', mode: 'sheets' as const, namnder: ['Kultur- och fritidsnämnden', 'Socialnämnden'] };

  it('writes one report sheet per nämnd, and a second run replaces them', async () => {
    workbook([budget]);
    const { handle } = await createAppServices().check.check(null, { profile: null, thresholds: {} }, () => undefined);
    const first = await handle.createReports(request, () => undefined);
    expect(first.created).toEqual(['Kultur- och fritidsnämnden', 'Socialnämnden']);
    await handle.createReports(request, () => undefined);
    expect(host.sheetNames().filter((n) => n.toLowerCase().includes('nämnden'))).toEqual(['Kultur- och fritidsnämnden', 'Socialnämnden']);
  });

  it('a sheet of the user\u2019s own under a report sheet\u2019s name (any case) stops the run before anything is written', async () => {
    workbook([budget, { name: 'socialnämnden', rows: [['Mina anteckningar om nämnden']] }]);
    const { handle } = await createAppServices().check.check(null, { profile: null, thresholds: {} }, () => undefined);
    const before = host.sheetNames();
    await expect(handle.createReports(request, () => undefined)).rejects.toMatchObject({
      code: 'ARGUMENT',
      message: expect.stringContaining('eget blad som heter "socialnämnden"'),
    });
    // Kultur- och fritidsnämnden comes first in the request, and is not written either.
    expect(host.sheetNames()).toEqual(before);
    expect(sheet('socialnämnden').values.get('0,0')).toBe('Mina anteckningar om nämnden');
  });
});
