import { OfficeMockObject } from 'office-addin-mock';
import { loadSettings, parseSettings, saveSettings, SETTINGS_KEY } from '../../src/office/settings';
import { ExcelHost } from './real-client/excel-host';

/**
 * An office-addin-mock context whose settings hold `stored` (or nothing). The mock's own sync
 * does not await nested objects, so this context's sync syncs the setting item and lets the
 * mock's pending updates settle.
 */
function mockContext(stored: string | undefined) {
  const added: [string, unknown][] = [];
  const keys: string[] = [];
  const item = new OfficeMockObject({ isNullObject: stored === undefined, value: stored ?? '' });
  const context = new OfficeMockObject({
    workbook: {
      settings: {
        getItemOrNullObject: (key: string) => {
          keys.push(key);
          // In Office isNullObject comes with any load; the mock wants it loaded by name.
          item.load('isNullObject');
          return item;
        },
        add: (key: string, value: unknown) => added.push([key, value]),
      },
    },
    sync: async () => {
      await item.sync();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
  return { context: context as unknown as Excel.RequestContext, added, keys };
}

describe('settings in the workbook', () => {
  it('loads the stored profile and thresholds', async () => {
    const { context, keys } = mockContext(JSON.stringify({ profile: 'flen', thresholds: { 'Tröskel varning %': 3 } }));
    expect(await loadSettings(context)).toEqual({ profile: 'flen', thresholds: { 'Tröskel varning %': 3 } });
    expect(keys).toEqual([SETTINGS_KEY]);
  });

  it('gives defaults when nothing is stored', async () => {
    const { context } = mockContext(undefined);
    expect(await loadSettings(context)).toEqual({ profile: null, thresholds: {} });
  });

  it('saves under styrkoll.settings as JSON text', async () => {
    const { context, added } = mockContext(undefined);
    await saveSettings(context, { profile: 'hedemora', thresholds: { 'Tröskel fel %': 5 } });
    expect(added).toEqual([[SETTINGS_KEY, JSON.stringify({ profile: 'hedemora', thresholds: { 'Tröskel fel %': 5 } })]]);
  });

  it('round-trips through the real Office.js client and the host model', async () => {
    const host = new ExcelHost([{ name: 'Blad1' }]);
    await host.run((ctx) => saveSettings(ctx, { profile: 'standard', thresholds: { a: 1.5 } }));
    expect(await host.run((ctx) => loadSettings(ctx))).toEqual({ profile: 'standard', thresholds: { a: 1.5 } });
  });

  it('drops what it cannot use from a hand-edited value', () => {
    expect(parseSettings('{"profile":"  ","thresholds":{"a":"x","b":2,"c":null}}')).toEqual({ profile: null, thresholds: { b: 2 } });
    expect(parseSettings('inte json')).toEqual({ profile: null, thresholds: {} });
  });
});
