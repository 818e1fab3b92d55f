/**
 * "Bad input never crashes", through the built CLI: damaged bytes, formula injection, huge
 * garbage, files that are not workbooks, and file system trouble. Every run ends with exit 0 or 2,
 * a one-line Swedish message on exit 2, no stack trace, and an untouched input file.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { KONTROLL_SHEET_NAME } from '../../src/core/kontroll';
import { looksLikeStackTrace, REPO } from './run-cli';
import { exists, expectUnusable, makeTempDir, parseFindings, runCheck, writeInput } from './helpers/cli-files';
import { comments, formulaCount, readParts, sheetCells } from './helpers/package-parts';
import { claimSize, emptyZip, garbageBudgetWorkbook, inflatingBomb, INJECTIONS, injectionWorkbook, smallWorkbook } from './helpers/workbooks';

const HEDEMORA = path.join(REPO, 'examples', 'hedemora-delarsrapport-2025-08.xlsx');
/** The corpus test's bound: a run that has not ended by then is a hang (the reader's own deadline is 25 s). */
const HANG_MS = 30_000;
const READ_TIMEOUT = ['--timeout', '25'];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('robust');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('(a) damaged bytes', () => {
  type Mutation =
    | { op: 'flip'; at: number; mask: number }
    | { op: 'truncate'; keep: number }
    | { op: 'splice'; at: number; remove: number; insert: number[] }
    | { op: 'copy'; from: number; to: number; length: number };

  // Positions are fractions of the file; half of them land in the last 5 %, where the zip directory lives.
  const position = fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 0.95, max: 1, maxExcluded: true, noNaN: true }));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ op: fc.constant('truncate' as const), keep: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
    fc.record({ op: fc.constant('splice' as const), at: position, remove: fc.nat(64), insert: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }) }),
    fc.record({ op: fc.constant('copy' as const), from: position, to: position, length: fc.integer({ min: 1, max: 256 }) }),
  );

  function apply(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
    let b = Buffer.from(bytes);
    const at = (x: number) => Math.floor(x * b.length);
    for (const m of ms) {
      if (b.length === 0) break;
      if (m.op === 'flip') b[at(m.at)] ^= m.mask;
      else if (m.op === 'truncate') b = b.subarray(0, at(m.keep));
      else if (m.op === 'splice') b = Buffer.concat([b.subarray(0, at(m.at)), Buffer.from(m.insert), b.subarray(at(m.at) + m.remove)]);
      else {
        const chunk = Buffer.from(b.subarray(at(m.from), at(m.from) + m.length));
        b = Buffer.concat([b.subarray(0, at(m.to)), chunk, b.subarray(at(m.to) + chunk.length)]);
      }
    }
    return new Uint8Array(b);
  }

  /**
   * `part: null` mutates the file's bytes; a number picks a part of the package whose unpacked
   * bytes are mutated and the package zipped again (damage the zip layer cannot catch).
   */
  function mutate(original: Uint8Array, c: { part: number | null; ms: Mutation[] }): Uint8Array {
    if (c.part === null) return apply(original, c.ms);
    const files: Record<string, Uint8Array> = unzipSync(original);
    const names = Object.keys(files).filter((n) => !n.endsWith('/')).sort();
    const name = names[c.part % names.length];
    files[name] = apply(files[name], c.ms);
    return zipSync(files);
  }

  test('every run ends with exit 0 or 2; on 2 one Swedish line and no output file', async () => {
    const original = new Uint8Array(await fs.readFile(HEDEMORA));
    const keep = path.join(os.tmpdir(), 'styrkoll-mutation-failures');
    let n = 0;
    const outcomes = { 0: 0, 2: 0 };
    await fc.assert(
      fc.asyncProperty(fc.record({ part: fc.option(fc.nat(), { nil: null }), ms: fc.array(mutation, { minLength: 1, maxLength: 3 }) }), async (ms) => {
        const i = n++;
        const bytes = mutate(original, ms);
        const input = await writeInput(dir, `mutant-${i}.xlsx`, bytes);
        const out = path.join(dir, `mutant-${i}.out.xlsx`);
        try {
          const run = await runCheck(input, ['-o', out, '--json', ...READ_TIMEOUT], { timeoutMs: HANG_MS });
          expect(run.timedOut).toBe(false);
          expect([0, 2]).toContain(run.code);
          expect(looksLikeStackTrace(run.stderr)).toBe(false);
          if (run.code === 2) {
            expectUnusable(run);
            expect(await exists(out)).toBe(false);
          } else {
            expect(Array.isArray(parseFindings(run.stdout))).toBe(true);
            expect(await exists(out)).toBe(true);
          }
          outcomes[run.code as 0 | 2]++;
        } catch (err) {
          // Keep the exact failing input for the report.
          await fs.mkdir(keep, { recursive: true });
          const saved = path.join(keep, `mutant-${i}-${Date.now()}.xlsx`);
          await fs.copyFile(input, saved);
          throw new Error(`${saved} (${JSON.stringify(ms)}): ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          await fs.rm(input, { force: true });
          await fs.rm(out, { force: true });
        }
      }),
      // Seeded and small: each case is a CLI process. No shrinking (each step would be another process).
      { seed: 20250822, numRuns: 30, endOnFailure: true },
    );
    // The mutations must really damage files, or the property proves nothing.
    expect(outcomes[2]).toBeGreaterThan(0);
  }, 600_000);
});

describe('(b) formula injection', () => {
  let outParts: ReturnType<typeof readParts>;
  let inParts: ReturnType<typeof readParts>;

  beforeAll(async () => {
    const bytes = await injectionWorkbook();
    inParts = readParts(bytes);
    const input = await writeInput(dir, 'injektion.xlsx', bytes);
    const out = path.join(dir, 'injektion-kontroll.xlsx');
    const run = await runCheck(input, ['-o', out, '-q']);
    expect(run.code).toBe(0);
    outParts = readParts(await fs.readFile(out));
  });

  test('the input holds the texts as text cells (the test workbook is what it claims)', () => {
    const texts = sheetCells(inParts, 'Budget').filter((c) => INJECTIONS.includes(c.text as (typeof INJECTIONS)[number]));
    expect(texts.length).toBe(3 * INJECTIONS.length);
    expect(texts.every((c) => c.t === 's' || c.t === 'inlineStr')).toBe(true);
    expect(formulaCount(inParts, 'Budget')).toBe(0);
  });

  test('the Kontroll sheet has no formula, and every cell is a number or a string cell', () => {
    expect(formulaCount(outParts, KONTROLL_SHEET_NAME)).toBe(0);
    const cells = sheetCells(outParts, KONTROLL_SHEET_NAME);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      // Text only as an inline or shared string (never t="str", a formula's result); a number has no t.
      const kind = c.hasFormula ? 'formula' : c.t === null ? (c.text === '' || Number.isFinite(Number(c.text)) ? 'number' : 'other') : c.t;
      expect({ ref: c.ref, kind }).toEqual({ ref: c.ref, kind: expect.stringMatching(/^(inlineStr|s|number)$/) });
    }
  });

  test.each(INJECTIONS.map((t) => [t]))('%s reaches the Kontroll sheet only as text', (text) => {
    const holding = sheetCells(outParts, KONTROLL_SHEET_NAME).filter((c) => c.text.includes(text));
    expect(holding.length).toBeGreaterThan(0);
    for (const c of holding) expect({ ref: c.ref, t: c.t, f: c.hasFormula }).toEqual({ ref: c.ref, t: expect.stringMatching(/^(inlineStr|s)$/), f: false });
  });

  test('the notes carry the texts as plain text, and the marked cells stay text cells', () => {
    const notes = comments(outParts, 'Budget');
    expect(notes.size).toBeGreaterThan(0);
    const noteText = [...notes.values()].join('\n');
    for (const t of INJECTIONS) expect(noteText).toContain(t);
    expect(formulaCount(outParts, 'Budget')).toBe(0);
    const before = new Map(sheetCells(inParts, 'Budget').map((c) => [c.ref, c]));
    for (const c of sheetCells(outParts, 'Budget')) {
      const was = before.get(c.ref);
      if (!was) continue;
      expect({ ref: c.ref, text: c.text, string: c.t === 's' || c.t === 'inlineStr' }).toEqual({ ref: c.ref, text: was.text, string: was.t === 's' || was.t === 'inlineStr' });
    }
  });
});

test('(c) a Budget sheet of 50 000 lines of text garbage completes, with capped findings that account for every cell', async () => {
  const lines = 50_000;
  const input = await writeInput(dir, 'skrap.xlsx', garbageBudgetWorkbook(lines));
  const out = path.join(dir, 'skrap-kontroll.xlsx');
  const run = await runCheck(input, ['--json', '-o', out, ...READ_TIMEOUT], { timeoutMs: 120_000 });
  expect({ code: run.code, timedOut: run.timedOut, trace: looksLikeStackTrace(run.stderr) }).toEqual({ code: 0, timedOut: false, trace: false });
  const findings = parseFindings(run.stdout);
  const unreadable = 3 * lines;
  // Sensible: at most 1 % of the bad cells are listed one by one.
  expect(findings.length).toBeLessThan(unreadable / 100);
  const listed = findings.filter((f) => f.rule === 'IN-TAL' && f.row !== null).length;
  expect(listed).toBeGreaterThan(0);
  const rest = unreadable - listed;
  const summary = findings.filter((f) => f.row === null && f.message.replace(/[\s\u00a0]/g, '').includes(String(rest)));
  expect(summary.map((f) => f.rule)).toEqual(['IN-TAL']);
  expect(await exists(out)).toBe(true);
}, 180_000);

describe('(d) files that are not workbooks', () => {
  test.each([
    ['a .csv renamed to .xlsx', () => new TextEncoder().encode('Nämnd;Verksamhet;Budget\nSocialnämnden;Hemtjänst;1 000\n'), /inte en Excel-arbetsbok/],
    ['an empty zip', () => emptyZip(), /inte en Excel-arbetsbok|skadad|inga kalkylblad/],
    ['a zip whose directory claims a 1 GB worksheet', () => claimSize(smallWorkbook(), 'xl/worksheets/sheet1.xml', 1024 ** 3), /orimligt mycket data|för stor/],
    ['a worksheet that unpacks to 64 MB while claiming 1 000 bytes', () => inflatingBomb(64 * 1024 ** 2), /orimligt mycket data|för stor|skadad|ofullständig/],
  ])('%s → exit 2 with its Swedish message, no output file', async (_, make, message) => {
    const input = await writeInput(dir, 'inte-arbetsbok.xlsx', make());
    const out = path.join(dir, 'inte-arbetsbok-ut.xlsx');
    const run = await runCheck(input, ['-o', out, ...READ_TIMEOUT], { timeoutMs: HANG_MS });
    expectUnusable(run, message);
    expect(await exists(out)).toBe(false);
  });
});

describe('(e) file system trouble', () => {
  test('a folder given as the workbook', async () => {
    const folder = path.join(dir, 'en-mapp.xlsx');
    await fs.mkdir(folder);
    expectUnusable(await runCheck(folder, []), /är en mapp/);
  });

  test('a file that does not exist', async () => {
    expectUnusable(await runCheck(path.join(dir, 'finns-inte.xlsx'), []), /finns inte/);
  });

  test('-o inside a folder that does not exist: exit 2 and nothing is created', async () => {
    const input = await writeInput(dir, 'liten.xlsx', smallWorkbook());
    const missing = path.join(dir, 'saknad-mapp');
    expectUnusable(await runCheck(input, ['-o', path.join(missing, 'ut.xlsx')]), /finns inte/);
    expect(await exists(missing)).toBe(false);
  });

  test('-o naming a folder: exit 2', async () => {
    const input = await writeInput(dir, 'liten-2.xlsx', smallWorkbook());
    const folder = path.join(dir, 'ut-mapp');
    await fs.mkdir(folder);
    expectUnusable(await runCheck(input, ['-o', folder, '--force']));
    expect((await fs.stat(folder)).isDirectory()).toBe(true);
  });

  test('an unreadable file (chmod 000): exit 2 in Swedish, unless this user can read it anyway', async () => {
    const input = await writeInput(dir, 'last.xlsx', smallWorkbook());
    await fs.chmod(input, 0o000);
    // root (as in CI containers) reads any file; then the check must simply succeed.
    const readable = await fs.readFile(input).then(
      () => true,
      () => false,
    );
    const run = await runCheck(input, ['-q']);
    await fs.chmod(input, 0o644);
    if (readable) expect(run.code).toBe(0);
    else expectUnusable(run, /behörighet saknas/);
  });
});
