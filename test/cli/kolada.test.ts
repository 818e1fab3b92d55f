/**
 * `styrkoll kolada` end to end: the built CLI, a workbook made with exceljs and a fake Kolada v3
 * server on 127.0.0.1. The CLI runs with a preload that records every fetch and refuses any host
 * but 127.0.0.1, so no run can reach the internet and the test sees exactly what was asked.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SnapshotBuilder } from '../builders/snapshot-builder';
import type { CellValue } from '../../src/core/snapshot';
import { hedemoraData, row, startFakeKolada, type FakeData, type FakeKolada, type FakeRow } from '../kolada/fake-kolada';
import { looksLikeStackTrace, runCli, type CliRun } from './run-cli';

/** The fake pages data at this many rows, whatever per_page asks, so the CLI must follow next_url. */
const PAGE_CAP = 7;
const THIS_YEAR = new Date().getFullYear();
const GROUP = 'G1';

// Indicators (rows 4–8 of Indikatorer; a title in row 1, headers in row 3).
const IND_HEADERS = ['ID', 'Mål-ID', 'Indikator', 'Kolada-ID', 'Utgångsvärde', 'Utgångsår', 'Målvärde', 'Målår', 'Utfall', 'Utfallsår', 'Riktning'];
const INDICATORS: CellValue[][] = [
  // No outcome: filled with 52 (2024); the line 51 (2022) → 60 (2026) expects 55,5 → not on track.
  ['I1', 'IM1', 'Kommunindex Livskvalitet', 'U00401', 51, 2022, 60, 2026, null, null, 'Högre är bättre'],
  // Typed outcome that differs from Kolada (72 in 2024): kept, or replaced with --overwrite.
  ['I2', 'NM-BN-1', 'Trygghetsindex', 'U00402', 60, 2023, 75, 2026, 70, 2023, 'Högre är bättre'],
  // Typed outcome equal to Kolada's: left alone, comparisons filled.
  ['I3', 'NM-ON-1', 'Andel nöjda brukare (%)', 'N00945', 84, 2023, 90, 2026, 87, 2024, 'Högre är bättre'],
  // No Kolada-ID: never touched.
  ['I4', 'FM-BN-1.1', 'Sjukfrånvaro (%)', null, 9, 2023, 7.5, 2026, 8.4, 2024, 'Lägre är bättre'],
  // A Kolada-ID Kolada does not know.
  ['I5', 'FM-BN-1.1', 'Okänt nyckeltal', 'N99999', 10, 2023, 20, 2026, null, null, 'Högre är bättre'],
];
const FIRST_DATA_ROW = 4;

function koladaRows(): FakeRow[] {
  const gender = (k: number, m: number) => [{ gender: 'K', value: k }, { gender: 'M', value: m }];
  return [
    // U00401, Hedemora: a year before Utgångsår, gender splits that differ from T, a null T and a deleted T after the latest value.
    row('U00401', '2083', 2021, 49),
    row('U00401', '2083', 2022, 50, gender(53, 47)),
    row('U00401', '2083', 2023, 51, gender(54, 48)),
    row('U00401', '2083', 2024, 52, gender(58, 47)),
    row('U00401', '2083', 2025, null, gender(60, 59)),
    { kpi: 'U00401', municipality: '2083', period: THIS_YEAR, values: [{ gender: 'T', value: 99, isdeleted: true }] },
    row('U00401', '0000', 2024, 58),
    row('U00401', '0020', 2024, 56),
    row('U00401', '2084', 2024, 50.5),
    row('U00401', '2085', 2024, null),
    // U00402
    row('U00402', '2083', 2023, 71),
    row('U00402', '2083', 2024, 72, gender(75, 69)),
    row('U00402', '0000', 2023, 68),
    row('U00402', '0000', 2024, 69),
    row('U00402', '0020', 2023, 66),
    row('U00402', '0020', 2024, 67),
    row('U00402', '2084', 2023, 64),
    row('U00402', '2085', 2023, 61),
    row('U00402', '2084', 2024, 65),
    row('U00402', '2085', 2024, 62),
    // N00945: no Län value for 2024.
    row('N00945', '2083', 2024, 87),
    row('N00945', '0000', 2024, 85),
    row('N00945', '0020', 2024, null),
    row('N00945', '2084', 2024, 80),
    row('N00945', '2085', 2024, 83),
    // Not asked for: another kommun, and a KPI no indicator uses.
    row('U00401', '1980', 2024, 40),
    row('U00403', '2083', 2024, 1),
  ];
}

function fakeData(): FakeData {
  const data = hedemoraData(koladaRows());
  data.kpis.push({ id: 'N00945', title: 'Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%)' }, { id: 'U00403', title: 'Annat' });
  return data;
}

// ---------------------------------------------------------------------------------------------

let dir: string;
let server: FakeKolada;
let preload: string;
let fetchLog: string;
const data = fakeData();

/** The clean workbook with our Indikatorer; `extra` adds keys to Inställningar (Jämförelsegrupp, Kolada-URL). */
function settings(extra: [string, CellValue][] = [['Jämförelsegrupp', GROUP]]): SnapshotBuilder {
  const b = SnapshotBuilder.clean().removeSheet('Indikatorer');
  b.addSheet('Indikatorer', [['Indikatorer 2025 – Hedemora kommun'], [], IND_HEADERS, ...INDICATORS.map((r) => [...r])]);
  for (const [k, v] of extra) b.setting(k, v);
  return b;
}

async function writeWorkbook(file: string, b: SnapshotBuilder): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of b.build().sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, r) => cells.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }));
    if (s.name === 'Budget') {
      // A formula with its cached result: it must survive the fill untouched.
      const total = s.rows.findIndex((r) => r[0] === 'Totalt') + 1;
      ws.getCell(total, 5).value = { formula: 'E4+E7+E10', result: s.rows[total - 1][4] as number };
    }
  }
  await wb.xlsx.writeFile(file);
}

type Dump = Record<string, Record<string, unknown>>;

/** Every non-empty cell of every sheet by address (a formula cell dumps as { formula, result }). */
async function dump(file: string): Promise<Dump> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Dump = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (r) =>
      r.eachCell({ includeEmpty: false }, (c) => {
        cells[c.address] = c.value;
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}

async function cell(file: string, sheet: string, address: string): Promise<ExcelJS.Cell> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(sheet)!.getCell(address);
}

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

async function fetched(): Promise<string[]> {
  if (!existsSync(fetchLog)) return [];
  return (await fs.readFile(fetchLog, 'utf8')).split('\n').filter((l) => l !== '');
}

/** Runs the CLI with the fetch guard; returns the run and the URLs it fetched. */
async function kolada(args: string[]): Promise<CliRun & { urls: string[] }> {
  const before = (await fetched()).length;
  const run = await runCli(['kolada', ...args], {
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(), SK_FETCH_LOG: fetchLog },
  });
  return { ...run, urls: (await fetched()).slice(before) };
}

async function check(file: string): Promise<{ rule: string; category: string; sheet: string | null; cell: string | null; message: string }[]> {
  const run = await runCli(['check', file, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

/** The requests a run with an empty cache must make, in order (the group's only when Jämförelsegrupp is set). */
function expectedRequests(withGroup = true): string[] {
  const kpis = ['U00401', 'U00402', 'N00945'];
  const munis = ['2083', '0000', '0020', ...(withGroup ? ['2084', '2085'] : [])];
  const years: number[] = [];
  for (let y = 2022; y <= THIS_YEAR; y++) years.push(y);
  const matching = data.rows.filter((r) => kpis.includes(r.kpi) && munis.includes(r.municipality) && years.includes(r.period)).length;
  const dataPath = `/v3/data/kpi/${kpis.join(',')}/municipality/${munis.join(',')}/year/${years.join(',')}`;
  const pages = [`${dataPath}?per_page=5000`];
  for (let p = 2; p <= Math.ceil(matching / PAGE_CAP); p++) pages.push(`${dataPath}?per_page=${PAGE_CAP}&page=${p}`);
  expect(pages.length).toBeGreaterThan(1);
  return ['/v3/municipality/2083,0020', ...(withGroup ? [`/v3/municipality_groups/${GROUP}`] : []), '/v3/kpi/U00401,U00402,N00945,N99999', ...pages];
}

function changeList(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Ändrat i '));
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && lines[i].startsWith('  – '); i++) out.push(lines[i].slice(4));
  return out;
}

const IN = () => path.join(dir, 'in.xlsx');
const OUT = () => path.join(dir, 'out.xlsx');
const CACHE = () => path.join(dir, 'cache');
let inSha: string;
let first: CliRun & { urls: string[] };
let firstRequests: string[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-kolada-cli-'));
  fetchLog = path.join(dir, 'fetch.log');
  preload = path.join(dir, 'fetch-guard.js');
  await fs.writeFile(
    preload,
    `'use strict';
const fs = require('node:fs');
const real = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  fs.appendFileSync(process.env.SK_FETCH_LOG, url + '\\n');
  if (new URL(url).hostname !== '127.0.0.1') {
    throw new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } });
  }
  return real(input, init);
};
`,
  );
  server = await startFakeKolada(data, (req) => {
    // A server that caps its pages below what per_page asks for (the response links carry the cap).
    req.url = req.url?.replace(/per_page=(\d+)/, (_m, n: string) => `per_page=${Math.min(PAGE_CAP, Number(n))}`);
    return false;
  });
  await writeWorkbook(IN(), settings());
  inSha = await sha(IN());
  first = await kolada([IN(), '-o', OUT(), '--kolada-url', server.url, '--cache-dir', CACHE()]);
  firstRequests = server.requests.slice();
});

afterAll(async () => {
  await server?.close().catch(() => undefined);
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('styrkoll kolada against a local Kolada v3', () => {
  test('runs cleanly and asks the fake server exactly the expected requests, nothing else', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(firstRequests).toEqual(expectedRequests());
    expect(first.urls.every((u) => u.startsWith(`${server.origin}/`))).toBe(true);
    expect(first.urls.map((u) => u.slice(server.origin.length))).toEqual(firstRequests);
  });

  test('fills Utfall/Utfallsår with the latest T value and adds Riket, Län, Jämförelsegrupp', async () => {
    const before = await dump(IN());
    const after = await dump(OUT());
    const expected = {
      ...before.Indikatorer,
      I4: 52, J4: 2024, // I1: latest year with a total value (not K/M, not the null 2025, not the deleted year)
      L3: 'Riket', M3: 'Län', N3: 'Jämförelsegrupp',
      L4: 58, M4: 56, N4: 50.5, // the group mean skips the member without a value
      L5: 68, M5: 66, N5: 62.5, // I2 keeps its typed 70 (2023), so comparisons are for 2023
      L6: 85, N6: 81.5, // I3: Kolada has no Län value for 2024, so M6 stays empty
    };
    expect(after.Indikatorer).toEqual(expected);
    // Every other sheet is unchanged, the formula included.
    for (const name of Object.keys(before).filter((n) => n !== 'Indikatorer')) expect(after[name]).toEqual(before[name]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  test('Kolada values are number cells and headers are string cells, never formulas', async () => {
    for (const address of ['I4', 'J4', 'L4', 'M4', 'N4', 'L5', 'N6']) {
      const c = await cell(OUT(), 'Indikatorer', address);
      expect([address, c.type]).toEqual([address, ExcelJS.ValueType.Number]);
      expect(c.formula).toBeUndefined();
    }
    for (const address of ['L3', 'M3', 'N3']) {
      const c = await cell(OUT(), 'Indikatorer', address);
      expect([address, c.type]).toEqual([address, ExcelJS.ValueType.String]);
      expect(c.formula).toBeUndefined();
    }
  });

  test('the input file is byte-identical', async () => {
    expect(await sha(IN())).toBe(inSha);
  });

  test('prints the change list, the kept outcomes and what Kolada lacks', () => {
    expect(changeList(first.stdout)).toEqual([
      'Indikator I1: Utfall 52 (2024) från Kolada.',
      'Ny kolumn Riket (kolumn L) i Indikatorer.',
      'Indikator I1: Riket 58 (2024).',
      'Ny kolumn Län (kolumn M) i Indikatorer.',
      'Indikator I1: Län (Region Dalarna) 56 (2024).',
      'Ny kolumn Jämförelsegrupp (kolumn N) i Indikatorer.',
      'Indikator I1: Jämförelsegrupp (Liknande kommuner, Hedemora) 50,5 (2024).',
      'Indikator I2: Riket 68 (2023).',
      'Indikator I2: Län (Region Dalarna) 66 (2023).',
      'Indikator I2: Jämförelsegrupp (Liknande kommuner, Hedemora) 62,5 (2023).',
      'Indikator I3: Riket 85 (2024).',
      'Indikator I3: Jämförelsegrupp (Liknande kommuner, Hedemora) 81,5 (2024).',
    ]);
    expect(first.stdout).toContain(`Ändrat i ${OUT()} (13 celler):`);
    const obs = first.stdout.split('\n').filter((l) => l.startsWith('Obs: '));
    expect(obs).toEqual(
      expect.arrayContaining([
        'Obs: Kolada-ID N99999 finns inte i Kolada – kontrollera Kolada-ID i Indikatorer.',
        'Obs: Indikator I2: Utfall 70 (2023) behålls; Kolada har 72 (2024). Kör med --overwrite för att ersätta.',
        'Obs: Indikator I1: Kolada saknar värde för 2025 (U00401) – inget skrevs för det året.',
        `Obs: Indikator I1: Kolada saknar värde för ${THIS_YEAR} (U00401) – inget skrevs för det året.`,
        'Obs: Indikator I3: Län (Region Dalarna) saknar värde för 2024 i Kolada.',
      ]),
    );
    // Nothing about I4 (no Kolada-ID).
    expect(first.stdout).not.toMatch(/Indikator I4\b/);
  });

  test('after the fill, the indicator rules name the indicator that is off track', () => {
    const lines = first.stdout.split('\n');
    const lastChange = lines.findIndex((l) => l === '  – Indikator I3: Jämförelsegrupp (Liknande kommuner, Hedemora) 81,5 (2024).');
    const heading = lines.findIndex((l) => /^Indikatorer efter hämtningen \(\d+ fynd\):$/.test(l));
    expect(lastChange).toBeGreaterThan(0);
    expect(heading).toBeGreaterThan(lastChange);
    const findings = lines.slice(heading + 1).filter((l) => l.trim() !== '');
    const offTrack = findings.filter((l) => l.includes('är inte i fas'));
    expect(offTrack).toHaveLength(1);
    expect(offTrack[0]).toMatch(/^ {2}VARNING +I4 Indikatorn I1 \(Kommunindex Livskvalitet\) är inte i fas: utfallet 52 år 2024 /);
  });

  test('check on the filled workbook: no new indata findings, and the off-track finding comes from the fill', async () => {
    const before = await check(IN());
    const after = await check(OUT());
    const indata = (list: typeof before) => list.filter((f) => f.category === 'indata');
    expect(indata(after)).toEqual(indata(before));
    expect(indata(after)).toEqual([]);
    const offTrack = (list: typeof before) => list.filter((f) => f.rule === 'MAL-INDIKATOR-EJ-I-FAS').map((f) => `${f.sheet}!${f.cell}`);
    expect(offTrack(before)).toEqual([]);
    expect(offTrack(after)).toEqual([`Indikatorer!I${FIRST_DATA_ROW}`]);
  });

  test('--overwrite replaces a typed outcome, lists old → new, and a same-day rerun fetches nothing', async () => {
    const out = path.join(dir, 'out-overwrite.xlsx');
    const seen = server.requests.length;
    const run = await kolada([IN(), '-o', out, '--overwrite', '--kolada-url', server.url, '--cache-dir', CACHE()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(seen);
    expect(run.urls).toEqual([]);
    const changes = changeList(run.stdout);
    expect(changes).toContain('Indikator I2: Utfall 70 (2023) → 72 (2024) från Kolada.');
    expect(changes).toContain('Indikator I2: Riket 69 (2024).');
    // I3's outcome equals Kolada's: nothing to replace.
    expect(changes.filter((c) => c.startsWith('Indikator I3: Utfall'))).toEqual([]);
    const after = await dump(out);
    expect(after.Indikatorer).toMatchObject({ I5: 72, J5: 2024, L5: 69, M5: 67, N5: 63.5, I6: 87, J6: 2024 });
    expect(await sha(IN())).toBe(inSha);
  });

  test('a run on the filled workbook changes nothing and writes no file', async () => {
    const out = path.join(dir, 'out-again.xlsx');
    const filledSha = await sha(OUT());
    const run = await kolada([OUT(), '-o', out, '--kolada-url', server.url, '--cache-dir', CACHE()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.urls).toEqual([]);
    expect(run.stdout).toContain(`Inga värden att ändra – ${out} skrevs inte.`);
    expect(run.stdout).not.toContain('Ändrat i');
    expect(existsSync(out)).toBe(false);
    expect(await sha(OUT())).toBe(filledSha);
  });

  test('Kolada-URL in Inställningar is used only when confirmed (--lita-pa-kolada-url); no Jämförelsegrupp → no group column', async () => {
    const input = path.join(dir, 'in-url.xlsx');
    const out = path.join(dir, 'out-url.xlsx');
    await writeWorkbook(input, settings([['Kolada-URL', server.url]]));
    const seen = server.requests.length;
    const run = await kolada([input, '-o', out, '--lita-pa-kolada-url', '--cache-dir', path.join(dir, 'cache-url')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(server.requests.slice(seen)).toEqual(expectedRequests(false));
    expect(run.urls.map((u) => u.slice(server.origin.length))).toEqual(expectedRequests(false));
    const before = (await dump(input)).Indikatorer;
    expect((await dump(out)).Indikatorer).toEqual({ ...before, I4: 52, J4: 2024, L3: 'Riket', M3: 'Län', L4: 58, M4: 56, L5: 68, M5: 66, L6: 85 });
    expect(run.stdout).not.toContain('Jämförelsegrupp');
    expect(run.stdout).not.toContain('användes inte');
  });

  test('an unconfirmed Kolada-URL in Inställningar is ignored: the public API is asked and the output says how to confirm', async () => {
    const input = path.join(dir, 'in-url.xlsx');
    const out = path.join(dir, 'out-url-ignored.xlsx');
    const seen = server.requests.length;
    // The fetch guard refuses every host but 127.0.0.1, so the public API "cannot be reached".
    const run = await kolada([input, '-o', out, '--cache-dir', path.join(dir, 'cache-url-ignored')]);
    expect(server.requests.slice(seen)).toEqual([]);
    expect(run.urls.length).toBeGreaterThan(0);
    expect(run.urls.every((u) => u.startsWith('https://api.kolada.se/v3/'))).toBe(true);
    expect(run.stdout).toBe(
      `Obs: Kolada-URL i Inställningar (${server.url}) användes inte – värdena hämtades från https://api.kolada.se/v3. ` +
        'En arbetsbok kan komma från vem som helst; lita på adressen genom att ange den med --kolada-url, eller med --lita-pa-kolada-url.\n',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^styrkoll: Kolada kunde inte nås \(.*\) – inga värden ändrades\.\n$/);
    expect(existsSync(out)).toBe(false);
    // --kolada-url with the same address confirms it.
    const confirmed = await kolada([input, '-o', out, '--kolada-url', server.url, '--cache-dir', path.join(dir, 'cache-url')]);
    expect([confirmed.code, confirmed.stderr]).toEqual([0, '']);
    expect(confirmed.stdout).not.toContain('användes inte');
    expect(confirmed.urls.every((u) => u.startsWith(`${server.origin}/`))).toBe(true);
  });

  describe('with the server stopped', () => {
    beforeAll(async () => {
      await server.close();
    });

    test('--offline works from the cache and writes the same workbook', async () => {
      const out = path.join(dir, 'out-offline.xlsx');
      const run = await kolada([IN(), '-o', out, '--offline', '--kolada-url', server.url, '--cache-dir', CACHE()]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.urls).toEqual([]);
      expect(changeList(run.stdout)).toEqual(changeList(first.stdout));
      expect(await dump(out)).toEqual(await dump(OUT()));
    });

    test.each([
      ['without --offline', [] as string[], 'Kolada kunde inte nås (anslutningen nekades) – inga värden ändrades.'],
      ['with --offline', ['--offline'], 'Kolada kunde inte nås (offlineläge) – inga värden ändrades.'],
    ])('an empty cache %s → exit 2, one Swedish line, no output file', async (_name, flags, message) => {
      const out = path.join(dir, `out-none-${flags.length}.xlsx`);
      const empty = await fs.mkdtemp(path.join(dir, 'empty-cache-'));
      const run = await kolada([IN(), '-o', out, ...flags, '--kolada-url', server.url, '--cache-dir', empty]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`styrkoll: ${message}\n`);
      expect(looksLikeStackTrace(run.stderr)).toBe(false);
      expect(existsSync(out)).toBe(false);
      expect(run.urls.every((u) => u.startsWith(`${server.origin}/`))).toBe(true);
      if (flags.includes('--offline')) expect(run.urls).toEqual([]);
      expect(await fs.readdir(empty)).toEqual([]);
      expect(await sha(IN())).toBe(inSha);
    });
  });
});
