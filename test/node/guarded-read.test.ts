import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isStyrkollError } from '../../src/core/errors';
import { defaultWorkerPath, readWorkbookGuarded } from '../../src/node/guarded-read';
import { readWorkbook } from '../../src/xlsx/read';
import { buildXlsx, sheetData } from '../xlsx/read/support/build-xlsx';

/** Runs src/node/read-worker.ts from source, so these tests need no build. */
const workerPath = path.resolve(__dirname, '../xlsx/read/support/ts-read-worker.js');

const scratch = mkdtempSync(path.join(tmpdir(), 'styrkoll-guarded-'));
function script(name: string, code: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, code);
  return file;
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (!isStyrkollError(e)) throw e;
    return e;
  }
  throw new Error('expected a refusal');
}

const workbook = () =>
  buildXlsx({
    sharedStrings: ['Nämnd', 'Budget'],
    sheets: [
      {
        name: 'Budget',
        body: sheetData([
          ['<c t="s"><v>0</v></c>', '<c t="s"><v>1</v></c>'],
          ['<c t="inlineStr"><is><t>KS</t></is></c>', '<c><v>100</v></c>', '<c t="e"><v>#N/A</v></c>'],
        ]),
        tables: [{ name: 'Tabell1', ref: 'A1:B2' }],
      },
      { name: 'Mål', body: sheetData([['<c t="b"><v>1</v></c>']]) },
    ],
  });

describe('readWorkbookGuarded', () => {
  it('returns the same snapshot as readWorkbook', async () => {
    const bytes = workbook();
    const guarded = await readWorkbookGuarded(bytes, { workerPath });
    expect(guarded).toEqual(await readWorkbook(bytes));
    expect(guarded.sheets[0].tables).toEqual([{ name: 'Tabell1', ref: 'A1:B2' }]);
  });

  it('leaves the caller’s bytes usable', async () => {
    const bytes = workbook();
    await readWorkbookGuarded(bytes, { workerPath });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await readWorkbook(bytes)).sheets).toHaveLength(2);
  });

  it('applies sheetNames inside the worker', async () => {
    const snap = await readWorkbookGuarded(workbook(), { workerPath, sheetNames: [' mål '] });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Mål']);
  });

  it('passes limits to the worker', async () => {
    const e = await refusal(readWorkbookGuarded(workbook(), { workerPath, limits: { maxCells: 3 } }));
    expect(e.code).toBe('FOR_STOR');
  });

  it('carries a StyrkollError across the worker with its code, message and details', async () => {
    const bytes = workbook();
    const e = await refusal(readWorkbookGuarded(bytes.subarray(0, bytes.length - 5), { workerPath }));
    expect(e.code).toBe('TRUNKERAD');
    expect(e.message).toMatch(/^Filen är ofullständig/);
    const broken = buildXlsx({ sheets: [{ name: 'S', body: '', rawXml: '<worksheet>' }] });
    const e2 = await refusal(readWorkbookGuarded(broken, { workerPath }));
    expect(e2).toMatchObject({ code: 'TRASIG_XML', details: { part: 'xl/worksheets/sheet1.xml' } });
  });

  it('terminates a worker whose event loop is blocked at the deadline (TIDSGRANS)', async () => {
    const spin = script('spin.js', 'for (;;) {}');
    const e = await refusal(readWorkbookGuarded(workbook(), { workerPath: spin, timeoutMs: 300 }));
    expect(e.code).toBe('TIDSGRANS');
    expect(e.message).toBe(
      'Läsningen av filen tog längre tid än 0,3 s och avbröts – kontrollera att filen är en vanlig arbetsbok eller spara om den i Excel och kör igen.',
    );
  });

  it('turns running out of worker memory into FOR_STOR', async () => {
    const hog = script('hog.js', 'const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: 1 }));');
    const e = await refusal(readWorkbookGuarded(workbook(), { workerPath: hog, maxMemoryMb: 32 }));
    expect(e.code).toBe('FOR_STOR');
    expect(e.message).toMatch(/mer minne än tillåtna 32 MB/);
  });

  it('the real reader under a low memory ceiling: 18 MB of distinct texts do not fit in 16 MB', async () => {
    const cells = Array.from({ length: 60_000 }, (_, i) => `<c t="inlineStr"><is><t>${`${i.toString(36)}x`.repeat(60)}</t></is></c>`);
    const rows = Array.from({ length: 6000 }, (_, r) => cells.slice(r * 10, r * 10 + 10));
    const big = buildXlsx({ level: 0, sheets: [{ name: 'S', body: sheetData(rows) }] });
    const e = await refusal(readWorkbookGuarded(big, { workerPath, maxMemoryMb: 16 }));
    expect(e.code).toBe('FOR_STOR');
    expect(e.message).toMatch(/mer minne än tillåtna 16 MB/);
  });

  it('cells cross from the worker in compact form: a cell at XFD1048576 (a million rows) reads within 16 MB', async () => {
    const far = buildXlsx({ sheets: [{ name: 'S', body: '<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>' }] });
    const sheet = (await readWorkbookGuarded(far, { workerPath, maxMemoryMb: 16 })).sheets[0];
    expect(sheet.rows).toHaveLength(1_048_576);
    expect(sheet.rows[1_048_575]).toHaveLength(16_384);
    expect(sheet.rows[1_048_575][16_383]).toBe(1);
    expect(sheet.rows[0]).toEqual([]);
  });

  it('refuses a sheets predicate (functions cannot cross to a worker) and points to sheetNames', async () => {
    const options = { workerPath, sheets: () => true } as unknown as Parameters<typeof readWorkbookGuarded>[1];
    const e = await refusal(readWorkbookGuarded(workbook(), options));
    expect(e.code).toBe('ARGUMENT');
    expect(e.message).toMatch(/sheetNames/);
  });

  it('says so when the worker file is missing', async () => {
    const e = await refusal(readWorkbookGuarded(workbook(), { workerPath: path.join(scratch, 'nope.js') }));
    expect(e.code).toBe('FIL');
  });

  it('from the TypeScript sources, the default worker is the compiled one in dist/', () => {
    expect(defaultWorkerPath()).toBe(path.resolve(__dirname, '../../dist/src/node/read-worker.js'));
  });
});
