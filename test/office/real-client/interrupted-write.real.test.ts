/**
 * A write stopped by Excel at any of its requests (#16, defect 3), through the real Office.js
 * client: Excel keeps what earlier requests did, so after the failure every Styrkoll fill in the
 * user's sheets must be listed in the stored mark record, and the next run must end exactly as a
 * run that was never interrupted: no temporary sheet, no orphan fill, the same Kontroll sheet.
 */
import type { CellMark, ChartSpec, SheetSpec, SpecCell } from '../../../src/core/sheet-spec';
import { MARK_FILLS, MARK_RECORD_KEY, parseRecord } from '../../../src/office/mark-record';
import { replaceSheets } from '../../../src/office/replace-sheets';
import { TEMP_SHEETS_KEY } from '../../../src/office/write-journal';
import { writeResult } from '../../../src/office/write-result';
import { ExcelHost, type HostSheetInit } from './excel-host';

/** Below ExcelApi 1.18: the client library in node_modules has no notes. */
const supports = (v: string) => Number(v.split('.')[1]) <= 17;
const USER_FILL = '#FFFF00';
const STYRKOLL_FILLS = new Set(Object.values(MARK_FILLS).map((c) => c.toUpperCase()));

/** A Kontroll sheet of n findings, with a chart over them (so chart requests are among those that fail). */
function kontroll(n: number): SheetSpec {
  const rows: SpecCell[][] = [[{ v: 'Styrkoll – kontroll', style: { bold: true } }]];
  for (let i = 0; i < n; i++) rows.push([{ v: 'fel' }, { v: 'Budget' }, { v: `B${i + 2}`, link: { sheet: 'Budget', cell: `B${i + 2}` } }, { v: `Fynd nummer ${i}` }, { v: i + 1 }]);
  const chart: ChartSpec = {
    id: 'kontroll',
    kind: 'bar',
    barDirection: 'bar',
    grouping: 'stacked',
    title: 'Fynd',
    description: 'Fynd per cell.',
    valueAxisTitle: 'Antal',
    valueFormat: '0',
    series: [{ name: 'Fel', categories: { ref: `C2:C${n + 1}`, values: [] }, values: { ref: `E2:E${n + 1}`, values: [] }, color: 'C00000', highlight: { points: [0], color: '1F3864' } }],
    anchor: { from: { col: 7, row: 2 }, to: { col: 12, row: 18 } },
  };
  return { name: 'Kontroll', rows, freeze: { rows: 1 }, charts: [chart] };
}

/** Records which of `host`'s requests (1-based) touch charts. */
function watchCharts(host: ExcelHost): number[] {
  const requests: number[] = [];
  const execute = host.execute.bind(host);
  host.execute = (message) => {
    if (Object.values(message.Body.ObjectPaths).some((p: { Name?: string }) => p.Name === 'Charts')) requests.push(host.syncs.length + 1);
    return execute(message);
  };
  return requests;
}

/** Every chart in the workbook, per sheet, as plain data. */
function charts(host: ExcelHost): Record<string, unknown[]> {
  return Object.fromEntries(host.sheets.map((s) => [s.name, s.charts.map((c) => c.describe())]));
}

function userSheets(extra: HostSheetInit[] = []): HostSheetInit[] {
  return [
    { name: 'Budget', rows: [['Nämnd', 'Budget', 'Prognos'], ['KS', 100, 120], ['SN', 200, 180], ['BUN', 300, 310], ['Summa', 600, 610]], charts: [{ name: 'Användarens diagram', type: 'ColumnClustered', source: 'B2:C4' }] },
    { name: 'Mål', rows: [['ID', 'Nivå', 'Mål'], ['M1', 'Vision', 'Text']] },
    ...extra,
  ];
}

const mark = (sheet: string, cell: string, severity: CellMark['severity'] = 'fel'): CellMark => ({ sheet, cell, severity, note: `Fynd i ${cell}` });

/** The first run marks B2, C3, A2 in Mål; the second moves and changes some of them. */
const RUNS = [
  { kontroll: kontroll(20), marks: [mark('Budget', 'B2'), mark('Budget', 'C3', 'varning'), mark('Mål', 'A2', 'info')] },
  { kontroll: kontroll(30), marks: [mark('Budget', 'C3'), mark('Budget', 'B4'), mark('Budget', 'C5', 'info'), mark('Mål', 'B2')] },
];

/** A host with the user's own fill on B4 (marked in the second run) and on C2 (never marked). */
function newHost(extra: HostSheetInit[] = []): ExcelHost {
  const host = new ExcelHost(userSheets(extra), 'web');
  host.sheet('Budget').fills.set('3,1', USER_FILL);
  host.sheet('Budget').fills.set('1,2', USER_FILL);
  return host;
}

/** Every fill in the user's sheets, "Blad!r,c" → colour. */
function userFills(host: ExcelHost): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['Budget', 'Mål']) for (const [k, v] of host.sheet(name).fills) out[`${name}!${k}`] = v;
  return out;
}

/** Styrkoll-coloured fills that the stored record does not list: what no later run could undo. */
function orphanFills(host: ExcelHost): string[] {
  const record = parseRecord(host.settings.get(MARK_RECORD_KEY));
  const listed = new Set<string>();
  for (const [sheet, entries] of Object.entries(record.sheets)) {
    for (const [cell] of entries) {
      const m = /^([A-Z])(\d+)$/.exec(cell)!;
      listed.add(`${sheet}!${Number(m[2]) - 1},${m[1].charCodeAt(0) - 65}`);
    }
  }
  return Object.entries(userFills(host))
    .filter(([k, v]) => STYRKOLL_FILLS.has(v) && !listed.has(k))
    .map(([k]) => k);
}

/** Small requests, so each run takes many syncs and every kind of step gets a failure. */
const options = { supports, maxRequestBytes: 2500 };

async function cleanRuns(extra: HostSheetInit[] = []): Promise<{ host: ExcelHost; syncsPerRun: number[]; chartRequests: number[][] }> {
  const host = newHost(extra);
  const chartSyncs = watchCharts(host);
  const syncsPerRun: number[] = [];
  const chartRequests: number[][] = [];
  for (const run of RUNS) {
    const before = host.syncs.length;
    await host.run((context) => writeResult(context, run, options));
    syncsPerRun.push(host.syncs.length - before);
    chartRequests.push(chartSyncs.filter((n) => n > before).map((n) => n - before));
  }
  return { host, syncsPerRun, chartRequests };
}

function expectSameEnd(host: ExcelHost, clean: ExcelHost, label: string): void {
  expect([label, host.sheetNames()]).toEqual([label, clean.sheetNames()]);
  expect([label, userFills(host)]).toEqual([label, userFills(clean)]);
  expect([label, host.values('Kontroll')]).toEqual([label, clean.values('Kontroll')]);
  // Exactly one chart on Kontroll, as a clean run draws it, and the user's chart as it was.
  expect([label, charts(host)]).toEqual([label, charts(clean)]);
  expect([label, host.sheet('Kontroll').charts.length]).toEqual([label, 1]);
  expect([label, parseRecord(host.settings.get(MARK_RECORD_KEY))]).toEqual([label, parseRecord(clean.settings.get(MARK_RECORD_KEY))]);
  expect([label, JSON.parse(String(host.settings.get(TEMP_SHEETS_KEY)))]).toEqual([label, []]);
}

describe('a write Excel stops at any request', () => {
  it('leaves no orphan fill, and the next run ends as a clean run (every request of the first run and of a re-run)', async () => {
    const { host: clean, syncsPerRun, chartRequests } = await cleanRuns();
    expect(syncsPerRun.every((n) => n >= 8)).toBe(true); // the loop below really covers many steps
    // … among them the requests that draw the chart (a failure there is repaired too).
    expect(chartRequests.map((r) => r.length)).toEqual([1, 1]);
    expect(charts(clean).Budget).toHaveLength(1);
    expect(userFills(clean)['Budget!3,1']).toBe(MARK_FILLS.fel.toUpperCase());
    expect(userFills(clean)['Budget!1,2']).toBe(USER_FILL);

    for (const [runIndex, steps] of syncsPerRun.entries()) {
      for (let step = 1; step <= steps; step++) {
        const label = `run ${runIndex + 1}, request ${step}`;
        const host = newHost();
        for (const run of RUNS.slice(0, runIndex)) await host.run((context) => writeResult(context, run, options));
        host.failAtSync = { sync: host.syncs.length + step, code: 'GeneralException' };
        await expect(host.run((context) => writeResult(context, RUNS[runIndex], options))).rejects.toMatchObject({ code: 'GeneralException' });
        // What Excel kept: every Styrkoll fill is in the record, so a later run can undo it.
        expect([label, orphanFills(host)]).toEqual([label, []]);
        for (const run of RUNS.slice(runIndex)) await host.run((context) => writeResult(context, run, options));
        expectSameEnd(host, clean, label);
        expect([label, host.sheetNames().filter((n) => /_ny\d*$/.test(n))]).toEqual([label, []]);
      }
    }
  }, 120_000);

  it('two failures in a row: the run after still repairs', async () => {
    const { host: clean, syncsPerRun } = await cleanRuns();
    const host = newHost();
    await host.run((context) => writeResult(context, RUNS[0], options));
    for (const step of [Math.ceil(syncsPerRun[1] / 2), syncsPerRun[1] - 1]) {
      host.failAtSync = { sync: host.syncs.length + step, code: 'GeneralException' };
      await expect(host.run((context) => writeResult(context, RUNS[1], options))).rejects.toMatchObject({ code: 'GeneralException' });
      expect(orphanFills(host)).toEqual([]);
    }
    await host.run((context) => writeResult(context, RUNS[1], options));
    expectSameEnd(host, clean, 'after two failures');
  });
});

describe('temporary sheet names (#16)', () => {
  it('a user sheet called Kontroll_ny is neither deleted nor in the way, first run or re-run', async () => {
    const own: HostSheetInit = { name: 'Kontroll_ny', rows: [['Mina egna anteckningar']] };
    const { host: clean } = await cleanRuns();
    const { host } = await cleanRuns([own]);
    expect(host.sheetNames()).toEqual(['Budget', 'Mål', 'Kontroll_ny', 'Kontroll']);
    expect(host.values('Kontroll_ny')).toEqual([['Mina egna anteckningar']]);
    expect(host.values('Kontroll')).toEqual(clean.values('Kontroll'));
  });

  it('an interrupted re-run next to a user sheet Kontroll_ny: the leftover (Kontroll_ny2) goes, the user sheet stays', async () => {
    const own: HostSheetInit = { name: 'Kontroll_ny', rows: [['Mina egna anteckningar']] };
    const { host: clean, syncsPerRun } = await cleanRuns([own]);
    for (let step = 2; step < syncsPerRun[1]; step++) {
      const host = newHost([own]);
      await host.run((context) => writeResult(context, RUNS[0], options));
      host.failAtSync = { sync: host.syncs.length + step, code: 'GeneralException' };
      await expect(host.run((context) => writeResult(context, RUNS[1], options))).rejects.toMatchObject({ code: 'GeneralException' });
      await host.run((context) => writeResult(context, RUNS[1], options));
      expect([step, host.sheetNames()]).toEqual([step, ['Budget', 'Mål', 'Kontroll_ny', 'Kontroll']]);
      expect(host.values('Kontroll_ny')).toEqual([['Mina egna anteckningar']]);
      expect(host.values('Kontroll')).toEqual(clean.values('Kontroll'));
    }
  }, 60_000);

  it('replaceSheets: Rapport_ny of the user\u2019s stays, the report is replaced, and an interrupted replace is repaired', async () => {
    const sheets = () => [...userSheets(), { name: 'Rapport', rows: [['gammal']] }, { name: 'Rapport_ny', rows: [['användarens']] }];
    const chart: ChartSpec = { id: 'budget', kind: 'bar', title: 'Rapportens diagram', description: 'Två värden.', series: [{ name: 'Värde', values: { ref: 'B1:B2', values: [1, 2] }, color: '1F3864' }], anchor: { from: { col: 4, row: 1 }, to: { col: 8, row: 12 } } };
    const spec: SheetSpec[] = [{ name: 'Rapport', rows: [[{ v: 'ny' }, { v: 1 }], [{ v: 'rad 2' }, { v: 2 }]], charts: [chart] }];
    const host = new ExcelHost(sheets());
    await host.run((context) => replaceSheets(context, spec, supports));
    expect(host.sheetNames()).toEqual(['Budget', 'Mål', 'Rapport_ny', 'Rapport']);
    expect(host.values('Rapport')).toEqual([['ny', 1], ['rad 2', 2]]);
    expect(host.sheet('Rapport').charts.map((c) => c.name)).toEqual(['Styrkoll: budget']);
    expect(host.values('Rapport_ny')).toEqual([['användarens']]);

    const steps = host.syncs.length - 1;
    for (let step = 2; step <= steps; step++) {
      const broken = new ExcelHost(sheets());
      broken.failAtSync = { sync: step, code: 'GeneralException' };
      await expect(broken.run((context) => replaceSheets(context, spec, supports))).rejects.toMatchObject({ code: 'GeneralException' });
      await broken.run((context) => replaceSheets(context, spec, supports));
      expect([step, broken.sheetNames()]).toEqual([step, ['Budget', 'Mål', 'Rapport_ny', 'Rapport']]);
      expect(broken.values('Rapport')).toEqual([['ny', 1], ['rad 2', 2]]);
      expect([step, broken.sheets.map((s) => s.charts.map((c) => c.name))]).toEqual([step, [['Användarens diagram'], [], [], ['Styrkoll: budget']]]);
    }
  });
});
