/**
 * One workbook, three surfaces, one reading: a budget on a sheet called Budgetuppföljning, the
 * åtgärder on Atgarder and the settings on Settings are read the same in Excel (the pane's real
 * services through the real Office.js client and the host model), in the browser page's worker (CheckSession on the file's bytes) and
 * by the CLI (`styrkoll check --json`, in process). The sheet names are written out here; no list
 * of names is taken from the code under test. The pane's thresholds go in as options and give what
 * the same threshold written in the Settings sheet gives the CLI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CheckResult, Finding } from '../src/core';
import { runCheck } from '../src/cli/commands/check';
import { CheckSession } from '../taskpane/standalone/check-session';
import type { FakeSheetInit } from './office/fake-excel';
import { ExcelHost } from './office/real-client/excel-host';
import { toHostSheets } from './office/workbook-fixture';

jest.mock('../taskpane/rule-files', () => jest.requireActual('./builders/rule-files').taskpaneRuleFilesModule());
// No MessageChannel turns in jest: the check yields with a resolved promise.
jest.mock('../taskpane/pane/yield-to-host', () => ({ createYieldToHost: () => () => Promise.resolve() }));

const { createAppServices } = require('../taskpane/app-services') as typeof import('../taskpane/app-services');

/** The names under test, as a user's workbook has them. */
const BUDGET = 'Budgetuppföljning';
const ATGARDER = 'Atgarder';
const SETTINGS = 'Settings';
const OUT = path.join(__dirname, '.out', 'surface-parity');

function workbook(extraSettings: (string | number)[][] = []): FakeSheetInit[] {
  return [
    { name: 'Noteringar', rows: [['Att göra'], ['Ringa ekonomichefen']] },
    {
      name: BUDGET,
      rows: [
        ['Nämnd', 'Verksamhet', 'Budget', 'Utfall', 'Prognos', 'Kommentar'],
        ['Socialnämnden', 'Äldreomsorg', 120_000_000, 85_000_000, 131_000_000, ''],
        ['Socialnämnden', 'Individ- och familjeomsorg', 40_000_000, 26_000_000, 41_300_000, ''],
        ['Kultur- och fritidsnämnden', 'Bibliotek', 9_800_000, 6_100_000, 10_400_000, ''],
        ['Tekniska nämnden', 'Gator och vägar', 30_000_000, 19_000_000, 29_000_000, ''],
      ],
    },
    { name: ATGARDER, rows: [['Nämnd', 'Åtgärd', 'Belopp', 'Ansvarig'], ['Socialnämnden', 'Se över bemanningen', 3_000_000, 'Socialchefen']] },
    { name: SETTINGS, rows: [['Kommun', 'Hedemora'], ['Profil', 'hedemora'], ['Period', '2025-08'], ...extraSettings] },
  ];
}

async function xlsxBytes(sheets: FakeSheetInit[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    (s.rows ?? []).forEach((row, r) => row.forEach((v, c) => void (v !== undefined && v !== null && v !== '' && (ws.getCell(r + 1, c + 1).value = v))));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Settings = { profile: string | null; thresholds: Record<string, number> };
const NO_SETTINGS: Settings = { profile: null, thresholds: {} };

async function viaExcel(sheets: FakeSheetInit[], settings: Settings): Promise<CheckResult> {
  const host = new ExcelHost(toHostSheets(sheets), 'web');
  (globalThis as Record<string, unknown>).Excel = { run: (work: (c: Excel.RequestContext) => Promise<unknown>) => host.run(work) };
  try {
    // The pane gets the findings and summary it shows, with the model behind a separate handle.
    return (await createAppServices().check.check(null, settings, () => undefined)).result;
  } finally {
    delete (globalThis as Record<string, unknown>).Excel;
  }
}

async function viaWorker(sheets: FakeSheetInit[], settings: Settings): Promise<CheckResult> {
  const reply = await new CheckSession().check('budget.xlsx', await xlsxBytes(sheets), settings, () => undefined);
  return { findings: reply.findings, summary: reply.summary };
}

async function viaCli(sheets: FakeSheetInit[], name: string): Promise<Finding[]> {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, await xlsxBytes(sheets));
  const out: string[] = [];
  const err: string[] = [];
  const rc = await runCheck(file, { json: true, quiet: true }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  expect([rc, err]).toEqual([0, []]);
  // The CLI's --json is the public finding shape: the fields of a Finding but the suggestion.
  return JSON.parse(out.join('\n')) as Finding[];
}

const publicShape = (findings: Finding[]) => findings.map(({ suggestion: _s, ...rest }) => rest);

describe(`sheets named ${BUDGET}, ${ATGARDER} and ${SETTINGS}`, () => {
  test('are read the same in Excel, in the page\'s worker and by the CLI', async () => {
    const sheets = workbook();
    const excel = await viaExcel(sheets, NO_SETTINGS);
    const worker = await viaWorker(sheets, NO_SETTINGS);
    const cli = await viaCli(sheets, 'namn.xlsx');

    // The budget is read from its sheet, the settings from theirs, the åtgärder from theirs.
    expect(excel.summary).toMatchObject({ kommun: 'Hedemora', profile: 'hedemora', period: '2025-08', budgetRead: true });
    const inlast = excel.summary.inlast.join('\n');
    for (const name of [BUDGET, ATGARDER, SETTINGS]) expect(inlast).toContain(name);
    expect(excel.findings.some((f) => f.sheet === BUDGET && f.rule === 'BUD-UNDERSKOTT')).toBe(true);
    expect(excel.findings.some((f) => f.rule === 'IN-BLAD-SAKNAS')).toBe(false);
    // Socialnämnden has an åtgärd on Atgarder; Kultur- och fritidsnämnden, also in deficit, has none.
    const utanPlan = excel.findings.filter((f) => f.rule === 'BUD-ATGARDSPLAN-SAKNAS').map((f) => f.namnd);
    expect(utanPlan).toEqual(['Kultur- och fritidsnämnden']);

    expect(worker).toEqual(excel);
    expect(publicShape(cli)).toEqual(publicShape(excel.findings));
    expect(cli.length).toBeGreaterThan(3);
  });

  test(`the pane's thresholds win and keep ${SETTINGS}'s Kommun, Period and Profil; the CLI gives the same with the row in ${SETTINGS}`, async () => {
    const chosen: Settings = { profile: null, thresholds: { 'Tröskel varning %': 2, 'Tröskel fel %': 8 } };
    const sheets = workbook([['Tröskel varning %', 50], ['Tröskel fel %', 60]]);
    const excel = await viaExcel(sheets, chosen);
    const worker = await viaWorker(sheets, chosen);
    const cli = await viaCli(workbook([['Tröskel varning %', 2], ['Tröskel fel %', 8]]), 'troskel.xlsx');

    expect(excel.summary).toMatchObject({ kommun: 'Hedemora', profile: 'hedemora', period: '2025-08' });
    // Tekniska nämnden's surplus aside, every line in deficit is over 2 %: the pane's 2 % is in force, not the sheet's 50 %.
    expect(excel.findings.filter((f) => f.rule.startsWith('BUD-UNDERSKOTT')).map((f) => f.row)).toEqual([2, 3, 4]);
    expect(worker).toEqual(excel);
    expect(publicShape(cli)).toEqual(publicShape(excel.findings));
  });
});
