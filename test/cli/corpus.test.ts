/**
 * Every workbook of the corpus (test/fixtures/corpus) through the CLI, as a user would run it: each
 * run ends with exit 0 or 2 within 30 s, never a stack trace, and the known bad kinds get their own
 * message.
 */
import { promises as fs, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { looksLikeStackTrace, runCli } from './run-cli';
import { readWorkbook } from '../../src/xlsx/read';
import { CORPUS_DIR, requireRepoFile } from '../fixtures/files';

const CORPUS = requireRepoFile(CORPUS_DIR);

function listWorkbooks(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of require('node:fs').readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(xlsx|xlsm)$/i.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

const EXPECTED_MESSAGES: Record<string, RegExp> = {
  'derived/empty-0byte.xlsx': /tom/i,
  'derived/xls-renamed_SampleSS.xlsx': /\.xls\b.*\.xlsx|äldre.*xls/i,
  'derived/ods-renamed_AutoFilter.xlsx': /OpenDocument|\.ods/i,
  'derived/docx-renamed_sample.xlsx': /Word|\.docx/i,
  'derived/truncated-half_SampleSS.xlsx': /ofullständig|trasig|avbruten/i,
  'derived/truncated-tail22_SampleSS.xlsx': /ofullständig|trasig|avbruten/i,
};

test('the corpus is there', () => {
  expect(existsSync(CORPUS)).toBe(true);
  expect(listWorkbooks(CORPUS).length).toBeGreaterThanOrEqual(100);
});

describe('every corpus workbook through `styrkoll check`', () => {
  const files = listWorkbooks(CORPUS);
  let outDir: string;
  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sk-corpus-'));
  });
  afterAll(async () => {
    await fs.rm(outDir, { recursive: true, force: true });
  });

  test.each(files.map((f) => [path.relative(CORPUS, f), f]))('%s', async (rel, file) => {
    const before = await fs.readFile(file);
    const out = path.join(outDir, rel.replace(/[\\/]/g, '_'));
    const run = await runCli(['check', file, '-o', out, '--json', '--timeout', '25'], { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect([0, 2]).toContain(run.code);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    if (run.code === 2) {
      // One line of Swedish for a person, and no output file.
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^styrkoll: /);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
      expect(existsSync(out)).toBe(true);
      await expectNothingLost(before, await fs.readFile(out));
    }
    const expected = EXPECTED_MESSAGES[rel.split(path.sep).join('/')];
    if (expected) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(expected);
    }
    // The input file is never changed.
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });
});

/** The output holds every part of the input package and every original sheet's values. */
async function expectNothingLost(input: Uint8Array, output: Uint8Array): Promise<void> {
  const partsIn = listParts(input);
  const partsOut = new Set(listParts(output));
  const missing = partsIn.filter((p) => !partsOut.has(p));
  expect(missing).toEqual([]);
  // Sheet by sheet: a broken sheet the check never needed stays exactly as broken in the output.
  const names: string[] = [];
  await readWorkbook(input, { sheets: (n) => (names.push(n), false) });
  for (const name of names) {
    const one = (bytes: Uint8Array) => readWorkbook(bytes, { sheetNames: [name] }).then((w) => w.sheets.find((s) => s.name === name));
    const before = await one(input).catch((e: Error) => e);
    const after = await one(output).catch((e: Error) => e);
    if (before instanceof Error) {
      expect(after).toBeInstanceOf(Error);
      expect((after as Error).message).toBe(before.message);
      continue;
    }
    expect(after).toBeDefined();
    expect(after).not.toBeInstanceOf(Error);
    const sheet = after as NonNullable<typeof before>;
    expect(trimRows(sheet.rows)).toEqual(trimRows(before!.rows));
    expect(sheet.errors).toEqual(before!.errors);
  }
}

function listParts(bytes: Uint8Array): string[] {
  const names: string[] = [];
  // Folder entries ("xl/") are not parts of the package: only files are compared.
  unzipSync(bytes, { filter: (f) => (f.name.endsWith('/') || names.push(f.name), false) });
  return names;
}

function trimRows(rows: unknown[][]): unknown[][] {
  const out = rows.map((r) => {
    const c = [...r];
    while (c.length > 0 && (c[c.length - 1] === null || c[c.length - 1] === undefined)) c.pop();
    return c;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}
