/**
 * readSnapshot through the real Office.js client (node_modules/@microsoft/office-js) against the
 * host model: the Hedemora example reads as the xlsx reader reads it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OWN_SHEET_NAMES } from '../../../src/core/input';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { readSnapshot } from '../../../src/office/read-snapshot';
import { readWorkbook } from '../../../src/xlsx/read';
import { ExcelHost, type HostSheetInit } from './excel-host';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'hedemora-delarsrapport-2025-08.xlsx');

/** The host's sheets holding what a snapshot holds: values, error cells, tables. */
export function hostSheets(snapshot: WorkbookSnapshot): HostSheetInit[] {
  return snapshot.sheets.map((s) => ({ name: s.name, rows: s.rows, errors: s.errors, tables: s.tables }));
}

describe('readSnapshot on the real Office.js client', () => {
  let fromXlsx: WorkbookSnapshot;
  beforeAll(async () => {
    fromXlsx = await readWorkbook(new Uint8Array(readFileSync(EXAMPLE)));
  });

  it('reads the Hedemora example in full as the xlsx reader does', async () => {
    const host = new ExcelHost(hostSheets(fromXlsx), 'web');
    const snapshot = await readSnapshot(host.context(), { sheets: () => true });
    expect(snapshot).toEqual(fromXlsx);
    expect(host.syncs.every((s) => s.error === null)).toBe(true);
  });

  it('reads the sheets the core picks as the CLI reads them, on the web and on desktop', async () => {
    const cli = await readWorkbook(new Uint8Array(readFileSync(EXAMPLE)), { skipSheetNames: [...OWN_SHEET_NAMES] });
    for (const platform of ['web', 'desktop'] as const) {
      const host = new ExcelHost(hostSheets(fromXlsx), platform);
      const snapshot = await readSnapshot(host.context());
      expect(snapshot.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
      for (const sheet of snapshot.sheets) {
        const full = cli.sheets.find((s) => s.name === sheet.name)!;
        expect(sheet.rows).toEqual(full.rows.slice(0, sheet.rows.length));
      }
      expect(host.syncs.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('a property not loaded is the client\u2019s PropertyNotLoaded, and a missing sheet fails at sync', async () => {
    const host = new ExcelHost([{ name: 'Blad1', rows: [['a', 1]] }]);
    const context = host.context();
    const sheets = context.workbook.worksheets;
    let thrown: unknown = null;
    try {
      void sheets.items;
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'PropertyNotLoaded' });
    const missing = sheets.getItem('Saknas');
    missing.load('name');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
