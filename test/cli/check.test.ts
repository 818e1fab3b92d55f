/**
 * `styrkoll check` end to end, as a user runs it: the built CLI in its own process on real .xlsx
 * files in a temp dir. Every run also proves that the input file is byte-identical afterwards.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { publishedAccounts, tableBelowRow10, titleBlockBudget, type Fixture } from '../fixtures/make-fixtures';
import { CATEGORIES, SEVERITIES } from '../../src/core/finding';
import { CATEGORY_LABELS, FINDING_HEADERS, KONTROLL_SHEET_NAME, SEVERITY_LABELS } from '../../src/core/kontroll';
import { REPO, runCli } from './run-cli';
import { PUBLIC_KEYS, exists, expectUnusable, makeTempDir, parseFindings, runCheck, writeInput, type PublicFinding } from './helpers/cli-files';
import { matchPlanted, RULES_FOR_KIND } from './helpers/planted-kinds';
import { comments, hyperlinks, readParts, sheetParts } from './helpers/package-parts';

const EXAMPLES = path.join(REPO, 'examples');
const HEDEMORA = path.join(EXAMPLES, 'hedemora-delarsrapport-2025-08.xlsx');
const key = (f: { sheet: string | null; row: number | null; rule: string }) => `${f.sheet}!${f.row} ${f.rule}`;
const BUDGET_INDATA = ['budget', 'indata'];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('check');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// Workbooks built to the contract that the checker has never seen (test/fixtures/make-fixtures.ts).
/** Each fixture, and whether its unit stands only on the sheet (then it must be stated as IN-ENHET). */
const FIXTURES: [string, () => Promise<Fixture>, boolean][] = [
  ['title block, shuffled headers, text numbers, error cells, Summa rows', () => titleBlockBudget(), true],
  ['published accounts, costs negative, nämnd in Inställningar', () => publishedAccounts(), false],
  ['published accounts, nämnd only in the title', () => publishedAccounts({ namndIn: 'titel' }), true],
  ['Excel table with its header on row 12', () => tableBelowRow10(), false],
];

/** The statement of the unit (IN-ENHET) is not a planted problem: its own test checks it. */
const withoutUnit = <T extends { rule: string }>(findings: T[]): T[] => findings.filter((f) => f.rule !== 'IN-ENHET');

describe.each(FIXTURES)('unseen workbook: %s', (name, make, unitOnSheet) => {
  let fixture: Fixture;
  let file: string;
  beforeAll(async () => {
    fixture = await make();
    file = await writeInput(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`, fixture.bytes);
  });

  // The fixtures plant every deficit, also the small ones (4 % of a line, 3 400 on a line without
  // `Belopp i`): Flen's styrmodell asks for a report on every deviation, so its profile is the one
  // under which the planted list is exactly what a correct check reports.
  test('--json --profile flen reports exactly the planted budget and indata problems, on their sheet and row', async () => {
    const run = await runCheck(file, ['--json', '--profile', 'flen']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const findings = parseFindings(run.stdout);
    expect(matchPlanted(fixture.expected, withoutUnit(findings), BUDGET_INDATA)).toEqual({ missing: [], extra: [] });
  });

  test(unitOnSheet ? 'states the unit it read on the sheet (tkr in a header)' : 'says nothing of the unit when Inställningar gives it', async () => {
    const findings = parseFindings((await runCheck(file, ['--json'])).stdout);
    const unit = findings.filter((f) => f.rule === 'IN-ENHET');
    expect(unit).toHaveLength(unitOnSheet ? 1 : 0);
    if (unitOnSheet) expect(unit[0].message).toMatch(/läses i tkr/);
  });

  test('with the default profile: every planted indata problem, and no budget or indata finding that is not planted', async () => {
    const run = await runCheck(file, ['--json']);
    expect(run.code).toBe(0);
    const findings = parseFindings(run.stdout);
    const indata = fixture.expected.filter((p) => p.category === 'indata');
    expect(matchPlanted(indata, withoutUnit(findings), ['indata'])).toEqual({ missing: [], extra: [] });
    // Budget findings are a subset of the plants (the standard profile's thresholds may skip small ones).
    const budgetPlants = fixture.expected.filter((p) => p.category === 'budget');
    const budgetFindings = findings.filter((f) => f.category === 'budget');
    const unplanted = budgetFindings.filter(
      (f) => !budgetPlants.some((p) => p.sheet === f.sheet && p.row === f.row && RULES_FOR_KIND[p.kind].includes(f.rule)),
    );
    expect(unplanted.map((f) => `${key(f)}: ${f.message}`)).toEqual([]);
  });

  test('--fail-on fel exits 1 exactly when a finding is a fel', async () => {
    const run = await runCheck(file, ['--json', '--profile', 'flen', '--fail-on', 'fel']);
    const findings = parseFindings(run.stdout);
    expect(run.code).toBe(findings.some((f) => f.severity === 'fel') ? 1 : 0);
  });
});

describe('--fail-on fel', () => {
  test('gives 1 on a workbook with a fel and 0 on one without, where the plain run gives 0 for both', async () => {
    const withFel = await writeInput(dir, 'fail-on-fel.xlsx', (await titleBlockBudget()).bytes);
    const withoutFel = await writeInput(dir, 'fail-on-ok.xlsx', (await publishedAccounts()).bytes);
    const plain = await Promise.all([runCheck(withFel, ['--json']), runCheck(withoutFel, ['--json'])]);
    expect(plain.map((r) => r.code)).toEqual([0, 0]);
    expect(parseFindings(plain[0].stdout).some((f) => f.severity === 'fel')).toBe(true);
    expect(parseFindings(plain[1].stdout).some((f) => f.severity === 'fel')).toBe(false);
    const failOn = await Promise.all([runCheck(withFel, ['-q', '--fail-on', 'fel']), runCheck(withoutFel, ['-q', '--fail-on', 'fel'])]);
    expect(failOn.map((r) => r.code)).toEqual([1, 0]);
  });

  test('any other value is refused with exit 2 in Swedish', async () => {
    const file = await writeInput(dir, 'fail-on-bad.xlsx', (await publishedAccounts()).bytes);
    expectUnusable(await runCheck(file, ['--fail-on', 'varning']), /--fail-on/);
  });
});

describe('the example workbooks through the CLI', () => {
  const expected: Record<string, { profile: string; findings: { rule: string; sheet: string; row: number }[] }> = require('../e2e-examples.expected.json');

  test.each(Object.keys(expected))('%s gives exactly the hand-verified findings (profile from its Inställningar)', async (name) => {
    const run = await runCheck(path.join(EXAMPLES, name), ['--json']);
    expect(run.code).toBe(0);
    expect(parseFindings(run.stdout).map(key).sort()).toEqual(expected[name].findings.map(key).sort());
  });
});

describe('--json output shape', () => {
  test('each finding has exactly the contract keys plus suggestion, with the contract types', async () => {
    const run = await runCheck(HEDEMORA, ['--json']);
    const findings = parseFindings(run.stdout);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual([...PUBLIC_KEYS]);
      expect(typeof f.rule).toBe('string');
      expect(f.rule).toMatch(/^[A-Z][A-Z0-9-]+$/);
      expect(CATEGORIES).toContain(f.category);
      expect(SEVERITIES).toContain(f.severity);
      expect(f.sheet === null || typeof f.sheet === 'string').toBe(true);
      expect(f.namnd === null || typeof f.namnd === 'string').toBe(true);
      if (f.row === null) expect(f.cell).toBeNull();
      else {
        expect(Number.isInteger(f.row) && f.row > 0).toBe(true);
        expect(f.cell).toMatch(new RegExp(`^[A-Z]{1,3}${f.row}$`));
        expect(typeof f.sheet).toBe('string');
      }
      for (const k of ['message', 'source', 'suggestion'] as const) {
        expect(typeof f[k]).toBe('string');
        expect(f[k].trim().length).toBeGreaterThan(0);
      }
    }
  });
});

describe('-o: the checked copy', () => {
  let findings: PublicFinding[];
  let out: string;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    out = path.join(dir, 'hedemora-kontroll.xlsx');
    const run = await runCheck(HEDEMORA, ['-o', out, '--json']);
    expect(run.code).toBe(0);
    findings = parseFindings(run.stdout);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
  });

  /** The rows of the findings table: from the header row (Allvar, Regel, …) to the first empty row. */
  function findingRows(ws: ExcelJS.Worksheet): { row: number; values: string[] }[] {
    const text = (r: number, c: number) => {
      const v = ws.getCell(r, c).value;
      return v === null || v === undefined ? '' : String(v);
    };
    let header = 0;
    for (let r = 1; r <= ws.rowCount && !header; r++) if (FINDING_HEADERS.every((h, c) => text(r, c + 1) === h)) header = r;
    expect(header).toBeGreaterThan(0);
    const rows: { row: number; values: string[] }[] = [];
    for (let r = header + 1; r <= ws.rowCount && text(r, 2) !== ''; r++) rows.push({ row: r, values: FINDING_HEADERS.map((_, c) => text(r, c + 1)) });
    return rows;
  }

  test('the Kontroll sheet has one row per finding, with its rule, sheet, cell and message', () => {
    const ws = workbook.getWorksheet(KONTROLL_SHEET_NAME)!;
    expect(ws).toBeDefined();
    const col = (h: (typeof FINDING_HEADERS)[number]) => FINDING_HEADERS.indexOf(h);
    const rows = findingRows(ws).map(({ values }) => [values[col('Regel')], values[col('Blad')], values[col('Cell')], values[col('Meddelande')], values[col('Allvar')]].join(' | '));
    const want = findings.map((f) => [f.rule, f.sheet ?? '', f.cell ?? '', f.message, SEVERITY_LABELS[f.severity as 'fel']].join(' | '));
    expect(rows.sort()).toEqual(want.sort());
  });

  test('each finding row links to its cell', () => {
    const ws = workbook.getWorksheet(KONTROLL_SHEET_NAME)!;
    const cellCol = FINDING_HEADERS.indexOf('Cell') + 1;
    const links = new Map(hyperlinks(readParts(new Uint8Array(require('node:fs').readFileSync(out))), KONTROLL_SHEET_NAME).map((l) => [l.ref, l.location]));
    const rows = findingRows(ws);
    expect(rows.length).toBe(findings.length);
    for (const { row, values } of rows) {
      const [sheet, cell] = [values[FINDING_HEADERS.indexOf('Blad')], values[FINDING_HEADERS.indexOf('Cell')]];
      if (!cell) continue;
      const ref = ws.getCell(row, cellCol).address;
      const location = links.get(ref) ?? '';
      // 'Mål'!F17 or Budget!F17
      expect({ ref, target: location.replace(/^'(.*)'!/, (_, s: string) => `${s.replace(/''/g, "'")}!`) }).toEqual({ ref, target: `${sheet}!${cell}` });
    }
  });

  test('the summary counts each category and severity', () => {
    const ws = workbook.getWorksheet(KONTROLL_SHEET_NAME)!;
    const labelRow = (label: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
      throw new Error(`no summary row ${label}`);
    };
    const countsIn = (r: number) => [2, 3, 4, 5].map((c) => ws.getCell(r, c).value);
    for (const c of CATEGORIES) {
      const n = findings.filter((f) => f.category === c);
      expect({ c, counts: countsIn(labelRow(CATEGORY_LABELS[c])) }).toEqual({ c, counts: [...SEVERITIES.map((s) => n.filter((f) => f.severity === s).length), n.length] });
    }
    expect(countsIn(labelRow('Totalt'))).toEqual([...SEVERITIES.map((s) => findings.filter((f) => f.severity === s).length), findings.length]);
  });

  test('every cell a finding points at has a note naming the finding', () => {
    for (const f of findings.filter((x) => x.sheet && x.cell)) {
      const note = workbook.getWorksheet(f.sheet!)!.getCell(f.cell!).note;
      const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      expect({ at: `${f.sheet}!${f.cell}`, hasRule: text.includes(f.rule) }).toEqual({ at: `${f.sheet}!${f.cell}`, hasRule: true });
    }
  });

  test('checking the checked copy gives the same findings and replaces Kontroll (exactly one, notes not doubled)', async () => {
    const again = path.join(dir, 'hedemora-kontroll-2.xlsx');
    const run = await runCheck(out, ['-o', again, '--json']);
    expect(run.code).toBe(0);
    expect(parseFindings(run.stdout)).toEqual(findings);
    const first = readParts(await fs.readFile(out));
    const second = readParts(await fs.readFile(again));
    const names = sheetParts(second).map((s) => s.name);
    expect(names.filter((n) => n.toLowerCase() === KONTROLL_SHEET_NAME.toLowerCase())).toHaveLength(1);
    expect(names).toEqual(sheetParts(first).map((s) => s.name));
    for (const sheet of new Set(findings.map((f) => f.sheet).filter((s): s is string => s !== null))) {
      expect(Object.fromEntries(comments(second, sheet))).toEqual(Object.fromEntries(comments(first, sheet)));
    }
  });

  test('an existing output is refused without --force (exit 2, Swedish, file unchanged) and replaced with it', async () => {
    const target = path.join(dir, 'finns-redan.xlsx');
    await fs.writeFile(target, 'gammalt innehåll');
    expectUnusable(await runCheck(HEDEMORA, ['-o', target]), /finns redan.*--force/);
    expect(await fs.readFile(target, 'utf8')).toBe('gammalt innehåll');
    const forced = await runCheck(HEDEMORA, ['-o', target, '--force', '-q']);
    expect(forced.code).toBe(0);
    expect(sheetParts(readParts(await fs.readFile(target))).map((s) => s.name)).toContain(KONTROLL_SHEET_NAME);
  });

  test('-o naming the input file is refused even with --force, also when spelled differently', async () => {
    const input = await writeInput(dir, 'indata.xlsx', await fs.readFile(HEDEMORA));
    for (const target of [input, path.join(dir, 'x', '..', 'indata.xlsx'), path.relative(REPO, input)]) {
      expectUnusable(await runCheck(input, ['-o', target, '--force']), /samma fil som indata/);
    }
  });
});

describe('profiles', () => {
  const sources = (findings: PublicFinding[]) => new Set(findings.filter((f) => f.category !== 'indata').map((f) => f.source.split(',')[0]));

  test('--profile flen overrides Profil hedemora in Inställningar', async () => {
    const own = await runCheck(HEDEMORA, ['--json']);
    const flen = await runCheck(HEDEMORA, ['--json', '--profile', 'flen']);
    expect([own.code, flen.code]).toEqual([0, 0]);
    expect([...sources(parseFindings(own.stdout))]).toEqual(['Hedemora styrmodell']);
    expect([...sources(parseFindings(flen.stdout))]).toEqual(['Flens styrmodell']);
    const text = await runCheck(HEDEMORA, ['-q', '--profile', 'flen']);
    expect(text.stdout).toMatch(/profil flen/);
    expect((await runCheck(HEDEMORA, ['-q'])).stdout).toMatch(/profil hedemora/);
  });

  test('an unknown profile gives exit 2 naming the valid profiles', async () => {
    const valid = (await fs.readdir(path.join(REPO, 'rules', 'profiles'))).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, ''));
    expect(valid.length).toBeGreaterThanOrEqual(3);
    const run = await runCheck(HEDEMORA, ['--profile', 'okänd']);
    expectUnusable(run, /okänd/);
    for (const name of valid) expect(run.stderr).toContain(name);
  });

  test('`styrkoll rules --profile hedemora` lists the active rules, each with its source in the styrmodell', async () => {
    const [json, text] = await Promise.all([runCli(['rules', '--profile', 'hedemora', '--json']), runCli(['rules', '--profile', 'hedemora'])]);
    expect([json.code, text.code]).toEqual([0, 0]);
    const rows: { id: string; source: string; category: string; severity: string }[] = JSON.parse(json.stdout);
    expect(rows.length).toBeGreaterThan(0);
    const ids = await ruleIdsOnDisk();
    for (const r of rows) {
      expect(ids).toContain(r.id);
      expect(r.source).toMatch(/^Hedemora styrmodell, \S/);
      expect(text.stdout).toContain(r.id);
      expect(text.stdout).toContain(`Källa: ${r.source}`);
    }
    expect(text.stdout).toContain(`(${rows.length} st)`);
  });
});

describe('help', () => {
  test.each([[['--help']], [['check', '--help']], [['help', 'check']], [[]]])('styrkoll %j prints Swedish help and exits 0', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kontroll/i);
    expect(run.stdout).toMatch(/Användning:/);
    // Commander's own English headings and phrases must not show.
    expect(run.stdout).not.toMatch(/\b(Usage|Options|Commands|Arguments|default|display help|options|command)\b/);
  });
});

test('no output file is left when the input is unusable', async () => {
  const bad = await writeInput(dir, 'inte-en-arbetsbok.xlsx', 'Nämnd;Budget\n');
  const out = path.join(dir, 'inte-skriven.xlsx');
  expectUnusable(await runCheck(bad, ['-o', out]));
  expect(await exists(out)).toBe(false);
});

async function ruleIdsOnDisk(): Promise<string[]> {
  const ids: string[] = [];
  for (const family of ['budget', 'mal', 'mal-medel', 'rod-trad', 'arshjul']) {
    const d = path.join(REPO, 'rules', family);
    for (const f of await fs.readdir(d)) {
      const json = JSON.parse(await fs.readFile(path.join(d, f), 'utf8'));
      // A rule file holds one rule, or a list under `rules`.
      for (const r of json.rules ?? [json]) ids.push(r.id);
    }
  }
  return ids;
}
