/**
 * Every real-world workbook in the corpus (test/fixtures/corpus) goes through the guarded reader: each must give a
 * snapshot or a StyrkollError the reader anticipated, within the 30 s deadline.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isStyrkollError } from '../src/core/errors';
import { readWorkbookGuarded } from '../src/node/guarded-read';
import { CORPUS_DIR, requireRepoFile } from './fixtures/files';

const CORPUS = requireRepoFile(CORPUS_DIR);
const workerPath = path.resolve(__dirname, 'xlsx/read/support/ts-read-worker.js');

function listWorkbooks(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return listWorkbooks(full);
      return /\.xls[xm]$/i.test(name) ? [full] : [];
    });
}

const files = listWorkbooks(CORPUS).map((f) => path.relative(CORPUS, f));
/** The derived files are each a known kind of wrong file. */
const expectedCodes: Record<string, string> = {
  'derived/empty-0byte.xlsx': 'TOM_FIL',
  'derived/xls-renamed_SampleSS.xlsx': 'XLS',
  'derived/ods-renamed_AutoFilter.xlsx': 'ODS',
  'derived/docx-renamed_sample.xlsx': 'DOCX',
  'derived/truncated-half_SampleSS.xlsx': 'TRUNKERAD',
  'derived/truncated-tail22_SampleSS.xlsx': 'TRUNKERAD',
};
const outcomes = new Map<string, number>();

describe('corpus through readWorkbookGuarded', () => {
  it('finds the corpus, including the file that hangs exceljs', () => {
    expect(files.length).toBeGreaterThanOrEqual(110);
    expect(files).toContain('exceljs-exceljs/spec/integration/data/test-issue-1842.xlsx');
  });

  it.each(files)('%s', async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, file)));
    let outcome: string;
    try {
      const snap = await readWorkbookGuarded(bytes, { workerPath, timeoutMs: 30_000 });
      expect(Array.isArray(snap.sheets)).toBe(true);
      outcome = 'snapshot';
    } catch (e) {
      if (!isStyrkollError(e)) throw e;
      expect(e.details?.internal).toBeUndefined();
      outcome = e.code;
    }
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    expect(outcome).not.toBe('TIDSGRANS');
    if (expectedCodes[file]) expect(outcome).toBe(expectedCodes[file]);
    if (file.endsWith('test-issue-1842.xlsx')) expect(outcome).toBe('snapshot');
  });

  afterAll(() => {
    const table = [...outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
    console.log(`corpus (${files.length} files): ${table.join(' | ')}`);
  });
});
