/**
 * Acceptance test for issue #15: `styrkoll check` on workbooks shaped the way real ekonomisystem
 * exports and published driftredovisningar are (scripts/lib/export-workbooks.ts, see the
 * README there), run as a user runs it: the built CLI in its own process on .xlsx files in a temp
 * dir. Every expectation is worked out from the fixture's definition (its lines, amounts, unit and
 * where each row was written) and the standard profile's thresholds in rules/budget/troskler.json.
 *
 * Run `npm run build:cli` first. Set STYRKOLL_KEEP_EXPORTS=<dir> to also get the workbooks there.
 */
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { UNIT_FACTOR, writeExports, type ExportDefinition, type Unit } from '../../scripts/lib/export-workbooks';
import { KONTROLL_SHEET_NAME } from '../../src/core/kontroll';
import { REPO } from './run-cli';
import { makeTempDir, parseFindings, runCheck, type PublicFinding } from './helpers/cli-files';
import {
  classify,
  deficitKr,
  expectedAtgardsplanSaknas,
  expectedLineFindings,
  linesOf,
  namndDeficitKr,
  standardThresholds,
  type ExpectedLineFinding,
} from './helpers/export-expectations';

type Def = ExportDefinition & { path: string };

const LINE_RULES = ['BUD-UNDERSKOTT', 'BUD-UNDERSKOTT-STORT'];
/** Indata rules that say the data is wrong, unreadable or missing: none applies to these workbooks. */
const FALSE_ALARMS = ['IN-SUMMA', 'IN-AVVIKELSE', 'IN-AVVIKELSE-TECKEN', 'IN-FELVARDE', 'IN-TAL', 'IN-VARDE', 'IN-NAMND-SAKNAS', 'IN-BLAD-SAKNAS', 'IN-RUBRIK-SAKNAS'];
const T = standardThresholds();

/** Rules whose findings are about a whole nämnd (scope "namnd" in rules/), in any profile. */
function namndScopedRules(): string[] {
  const ids: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!['schema', 'profiles', 'templates'].includes(name)) walk(p);
      } else if (name.endsWith('.json')) {
        const json = JSON.parse(readFileSync(p, 'utf8')) as { id?: string; scope?: string; rules?: { id: string; scope: string }[] };
        for (const r of json.rules ?? [json]) if (r.scope === 'namnd' && r.id) ids.push(r.id);
      }
    }
  };
  walk(path.join(REPO, 'rules'));
  return ids;
}
const NAMND_RULES = namndScopedRules();

const UNIT_WORD: Record<Unit, RegExp> = {
  kr: /(^|[^a-zåäö])(kr|kronor)([^a-zåäö]|$)/i,
  tkr: /(^|[^a-zåäö])(tkr|tusen kronor)([^a-zåäö]|$)/i,
  mnkr: /(^|[^a-zåäö])(mnkr|miljoner kronor)([^a-zåäö]|$)/i,
};
/** An amount followed by the unit, as a deficit message writes it ("4 241 tkr"). */
const AMOUNT_IN: Record<Unit, RegExp> = {
  kr: /\d[\s\u00a0\u202f]?kr\b/,
  tkr: /\d[\s\u00a0\u202f]?tkr\b/,
  mnkr: /\d[\s\u00a0\u202f]?mnkr\b/,
};

/** "underskott på 4 241 tkr" → the amount in kr, and the rounding the text allows (half its last digit). */
export function deficitInMessage(message: string): { kr: number; tolerance: number } | null {
  const m = /underskott på\s*([−-]?[\d\s\u00a0\u202f]*\d(?:,\d+)?)\s*(mnkr|tkr|kr)\b/i.exec(message);
  if (!m) return null;
  const text = m[1].replace(/[\s\u00a0\u202f]/g, '').replace('−', '-');
  const decimals = text.includes(',') ? text.split(',')[1].length : 0;
  const factor = UNIT_FACTOR[m[2].toLowerCase() as Unit];
  return { kr: Number(text.replace(',', '.')) * factor, tolerance: 0.5 * 10 ** -decimals * factor + 0.01 };
}

/** The finding's nämnd as the definition names it (a code + text export may prefix the code). */
function namndOf(def: Def, f: PublicFinding): string | null {
  if (f.namnd === null || def.namndMatch === 'exact') return f.namnd;
  return def.namnder.find((n) => f.namnd!.includes(n.namnd))?.namnd ?? f.namnd;
}

const lineKey = (f: ExpectedLineFinding) => `${f.rule} ${f.sheet}!${f.row} ${f.namnd}`;
const where = (f: PublicFinding) => `${f.rule} ${f.sheet}!${f.row} (${f.namnd}): ${f.message}`;

let dir: string;
let defs: Def[];
beforeAll(async () => {
  dir = await makeTempDir('exports');
  defs = await writeExports(dir);
  const keep = process.env.STYRKOLL_KEEP_EXPORTS;
  if (keep) {
    await fs.mkdir(keep, { recursive: true });
    for (const d of defs) await fs.copyFile(d.path, path.join(keep, d.file));
  }
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const BUDGET_FILES = ['driftredovisning-titel.xlsx', 'delsumma.xlsx', 'per-namnd.xlsx', 'tkr-utan-enhet.xlsx', 'agresso-parameterblock.xlsx', 'arsredovisning-mnkr.xlsx'];
const def = (file: string): Def => {
  const d = defs.find((x) => x.file === file);
  if (!d) throw new Error(`no fixture ${file}`);
  return d;
};

describe('the export fixtures themselves', () => {
  test('all seven workbooks are written', () => {
    expect(defs.map((d) => d.file).sort()).toEqual([...BUDGET_FILES, 'ingen-budget.xlsx'].sort());
  });

  test.each(BUDGET_FILES)('%s plants a fel, a varning, a deficit under the 100 000 kr minimum, and keeps the rest within ±2 %%', (file) => {
    const d = def(file);
    const classes = d.lines.map((p) => classify(d, p.line, T));
    expect(classes.filter((c) => c === 'BUD-UNDERSKOTT-STORT').length).toBeGreaterThanOrEqual(1);
    expect(classes.filter((c) => c === 'BUD-UNDERSKOTT').length).toBeGreaterThanOrEqual(1);
    expect(classes.filter((c) => c === 'under-lagsta-belopp').length).toBeGreaterThanOrEqual(1);
    expect(classes.filter((c) => c === 'annan')).toEqual([]);
    expect(expectedLineFindings(d, T).length).toBeGreaterThanOrEqual(2);
    // Every line is placed once, on its own row.
    expect(new Set(d.lines.map((l) => `${l.sheet}!${l.row}`)).size).toBe(d.lines.length);
    expect(d.lines.length).toBe(d.namnder.reduce((a, n) => a + n.lines.length, 0));
  });

  test('some nämnd in some workbook has a deficit that needs an åtgärdsplan, so that check is not vacuous', () => {
    expect(BUDGET_FILES.flatMap((f) => expectedAtgardsplanSaknas(def(f), T)).length).toBeGreaterThanOrEqual(3);
  });

  /** The workbook as written holds the definition: every line's amounts, every total equal to the sum of its lines. */
  test.each(BUDGET_FILES)('%s holds the definition’s amounts, and its total rows add up', async (file) => {
    const d = def(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(d.path);
    const sign = d.sheetSign === 'kostnad negativ' ? -1 : 1;
    const num = (v: ExcelJS.CellValue): number | null =>
      typeof v === 'number' ? v : v && typeof v === 'object' && 'result' in v && typeof v.result === 'number' ? v.result : null;
    const numbersOf = (sheet: string, row: number) =>
      (wb.getWorksheet(sheet)!.getRow(row).values as ExcelJS.CellValue[]).map(num).filter((n): n is number => n !== null);
    // The budget and outcome columns as numbers on a row: the last numbers of the row in a known order.
    const budgetAndOutcome = (sheet: string, row: number): [number, number] => {
      const n = numbersOf(sheet, row);
      switch (file) {
        case 'driftredovisning-titel.xlsx':
        case 'per-namnd.xlsx':
          return [n[n.length - 4], n[n.length - 2]]; // Budget, Utfall, Prognos, Avvikelse
        case 'arsredovisning-mnkr.xlsx':
          return [n[n.length - 2], n[n.length - 3]]; // …, Nettokostnad, Budget, Avvikelse
        default:
          return [n[n.length - 3], n[n.length - 1]]; // Budget, Utfall, Prognos
      }
    };
    const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
    for (const p of d.lines) {
      const [b, o] = budgetAndOutcome(p.sheet, p.row);
      const want = [sign * p.line.budget, sign * (d.outcome === 'prognos' ? p.line.prognos! : p.line.utfall)];
      expect({ at: `${p.sheet}!${p.row}`, ok: close(b, want[0]) && close(o, want[1]) }).toEqual({ at: `${p.sheet}!${p.row}`, ok: true });
    }
    for (const s of d.structural.filter((x) => ['total', 'parent', 'grand-total'].includes(x.kind))) {
      const lines = s.kind === 'grand-total' ? d.lines : linesOf(d, s.namnd!);
      const [b, o] = budgetAndOutcome(s.sheet, s.row);
      const sb = lines.reduce((a, p) => a + sign * p.line.budget, 0);
      const so = lines.reduce((a, p) => a + sign * (d.outcome === 'prognos' ? p.line.prognos! : p.line.utfall), 0);
      expect({ at: `${s.sheet}!${s.row} ${s.label}`, ok: close(b, sb) && close(o, so) }).toEqual({ at: `${s.sheet}!${s.row} ${s.label}`, ok: true });
    }
  });
});

describe.each(BUDGET_FILES)('styrkoll check on %s', (file) => {
  let d: Def;
  let findings: PublicFinding[];
  let code: number | null;
  let stdout = '';
  beforeAll(async () => {
    d = def(file);
    const run = await runCheck(d.path, ['--json']);
    code = run.code;
    stdout = run.stdout;
    try {
      findings = parseFindings(run.stdout);
    } catch {
      findings = [];
    }
  });

  test('exits 0 and prints the findings as JSON', () => {
    expect({ code, json: (() => Array.isArray(JSON.parse(stdout)))() }).toEqual({ code: 0, json: true });
  });

  test('reports exactly the planted line deficits: rule, sheet, worksheet row and nämnd', () => {
    const want = expectedLineFindings(d, T).map(lineKey).sort();
    expect(want.length).toBeGreaterThanOrEqual(2);
    const got = findings
      .filter((f) => LINE_RULES.includes(f.rule))
      .map((f) => lineKey({ rule: f.rule, sheet: f.sheet ?? '', row: f.row ?? 0, namnd: namndOf(d, f) ?? '' }))
      .sort();
    expect(got).toEqual(want);
  });

  test('each line deficit is stated in the workbook’s unit, with the amount the sheet gives', () => {
    const hits = findings.filter((f) => LINE_RULES.includes(f.rule));
    expect(hits.length).toBeGreaterThanOrEqual(2);
    for (const f of hits) {
      expect({ f: where(f), unit: AMOUNT_IN[d.unit].test(f.message) }).toEqual({ f: where(f), unit: true });
      const placed = d.lines.find((p) => p.sheet === f.sheet && p.row === f.row);
      expect({ f: where(f), placed: placed !== undefined }).toEqual({ f: where(f), placed: true });
      const amount = deficitInMessage(f.message);
      const want = deficitKr(d, placed!.line);
      expect({ f: where(f), amountOk: amount !== null && Math.abs(amount.kr - want) <= amount.tolerance }).toEqual({ f: where(f), amountOk: true });
    }
  });

  test('states the unit it used: an IN-ENHET finding naming it', () => {
    const unit = findings.filter((f) => f.rule === 'IN-ENHET');
    expect(unit.map((f) => f.message)).toEqual([expect.stringMatching(UNIT_WORD[d.unit])]);
  });

  test('no finding points at a total, group-header or parent row (except a nämnd finding at its own nämnd’s row), none at a title or header row', () => {
    // Not vacuous: the budget data was read (its deficits are reported).
    expect(findings.filter((f) => LINE_RULES.includes(f.rule)).length).toBeGreaterThanOrEqual(2);
    const structural = new Map(d.structural.map((s) => [`${s.sheet}!${s.row}`, s]));
    const wrong: string[] = [];
    for (const f of findings) {
      if (f.row === null) continue;
      const s = structural.get(`${f.sheet}!${f.row}`);
      if (NAMND_RULES.includes(f.rule)) {
        // A nämnd's finding belongs on one of its own rows: its lines, its group-header, total or parent row.
        const name = namndOf(d, f);
        const own = linesOf(d, name ?? '').some((p) => p.sheet === f.sheet && p.row === f.row) || (s !== undefined && s.namnd === name && s.kind !== 'grand-total');
        if (!own) wrong.push(where(f));
      } else if (s && ['group', 'total', 'parent', 'grand-total'].includes(s.kind)) wrong.push(`${where(f)} [${s.kind} row "${s.label}"]`);
      else if (s && f.category !== 'indata') wrong.push(`${where(f)} [${s.kind} row "${s.label}"]`);
    }
    expect(wrong).toEqual([]);
  });

  test('raises no false alarm: no IN-SUMMA or other input error, no indata fel', () => {
    expect(findings.filter((f) => LINE_RULES.includes(f.rule)).length).toBeGreaterThanOrEqual(2);
    const alarms = findings.filter((f) => FALSE_ALARMS.includes(f.rule) || (f.category === 'indata' && f.severity === 'fel'));
    expect(alarms.map(where)).toEqual([]);
  });

  test('counts nothing twice: one nämnd finding per nämnd and rule, with the nämnd’s own net deficit', () => {
    // Not vacuous: every workbook has a nämnd whose deficit the nämnd rules report, with its amount.
    expect(expectedAtgardsplanSaknas(d, T).length).toBeGreaterThanOrEqual(1);
    const withAmount = findings.filter((f) => NAMND_RULES.includes(f.rule) && deficitInMessage(f.message) !== null);
    expect(withAmount.length).toBeGreaterThanOrEqual(1);
    const perNamnd = new Map<string, number>();
    const wrong: string[] = [];
    for (const f of findings.filter((x) => NAMND_RULES.includes(x.rule))) {
      const name = namndOf(d, f);
      const n = d.namnder.find((x) => x.namnd === name);
      if (!n) {
        wrong.push(`${where(f)} [not a nämnd of the workbook]`);
        continue;
      }
      const k = `${f.rule} ${name}`;
      perNamnd.set(k, (perNamnd.get(k) ?? 0) + 1);
      const amount = deficitInMessage(f.message);
      if (amount) {
        const want = namndDeficitKr(d, n);
        if (Math.abs(amount.kr - want) > amount.tolerance) wrong.push(`${where(f)} [deficit should be ${want} kr]`);
      }
    }
    expect(wrong).toEqual([]);
    expect([...perNamnd].filter(([, c]) => c > 1)).toEqual([]);
  });

  test('BUD-ATGARDSPLAN-SAKNAS names exactly the nämnder whose net deficit needs an åtgärdsplan', () => {
    const got = findings.filter((f) => f.rule === 'BUD-ATGARDSPLAN-SAKNAS').map((f) => namndOf(d, f));
    expect(got.sort()).toEqual(expectedAtgardsplanSaknas(d, T).sort());
  });

  test('--fail-on fel exits 1, for the large line deficit', async () => {
    const run = await runCheck(d.path, ['--json', '--fail-on', 'fel']);
    expect(run.code).toBe(1);
    const fel = parseFindings(run.stdout).filter((f) => f.severity === 'fel');
    expect(fel.map((f) => f.rule)).toContain('BUD-UNDERSKOTT-STORT');
  });

  test('the terminal summary shows the unit finding and every line deficit', async () => {
    const run = await runCheck(d.path, []);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/Inga avvikelser hittades/);
    const shown = findings.filter((f) => LINE_RULES.includes(f.rule) || f.rule === 'IN-ENHET');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const f of shown) expect({ f: f.rule, shown: run.stdout.includes(f.message) }).toEqual({ f: f.rule, shown: true });
  });

  test('-o writes a checked copy with the findings on the Kontroll sheet, the original sheets kept', async () => {
    const out = path.join(dir, `kontroll-${file}`);
    const run = await runCheck(d.path, ['-q', '-o', out]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    for (const s of new Set(d.lines.map((l) => l.sheet))) expect(names).toContain(s);
    const kontroll = wb.getWorksheet(KONTROLL_SHEET_NAME);
    expect(kontroll).toBeDefined();
    const texts: string[] = [];
    kontroll!.eachRow((r) => r.eachCell((c) => texts.push(String(c.text ?? ''))));
    const want = findings.filter((f) => LINE_RULES.includes(f.rule) || f.rule === 'IN-ENHET').map((f) => f.message);
    expect(want.length).toBeGreaterThanOrEqual(3);
    expect(want.filter((m) => !texts.includes(m))).toEqual([]);
  });
});

describe('styrkoll check on ingen-budget.xlsx (no budget data anywhere)', () => {
  let file: string;
  let findings: PublicFinding[];
  beforeAll(async () => {
    file = def('ingen-budget.xlsx').path;
    const run = await runCheck(file, ['--json']);
    expect(run.code).toBe(0);
    findings = parseFindings(run.stdout);
  });

  test('--json has an indata fel IN-BLAD-SAKNAS', () => {
    expect(findings.filter((f) => f.rule === 'IN-BLAD-SAKNAS').map((f) => [f.category, f.severity])).toEqual([['indata', 'fel']]);
  });

  test('--fail-on fel exits 1', async () => {
    expect((await runCheck(file, ['-q', '--fail-on', 'fel'])).code).toBe(1);
  });

  test('the terminal says so: the fel, its message and its suggestion, never "Inga avvikelser hittades"', async () => {
    const run = await runCheck(file, []);
    const text = run.stdout + run.stderr;
    const missing = findings.find((f) => f.rule === 'IN-BLAD-SAKNAS');
    expect(missing).toBeDefined();
    expect(text).toMatch(/\bfel\b/i);
    expect(text).toContain(missing!.message);
    expect(text).toContain(missing!.suggestion);
    expect(text).not.toMatch(/Inga avvikelser hittades/);
  });
});
