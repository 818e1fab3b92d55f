import { OfficeMockObject } from 'office-addin-mock';
import { loadSettings, parseSettings, saveSettings, SETTINGS_KEY } from '../../src/office/settings';
import { FakeContext, asExcel } from './fake-excel';

/** An office-addin-mock context whose settings hold `stored` (or nothing). */
function mockContext(stored: unknown) {
  const added: [string, unknown][] = [];
  const context = new OfficeMockObject({
    workbook: {
      settings: {
        item: { isNullObject: stored === undefined, value: stored ?? null },
        getItemOrNullObject(this: { item: unknown }) {
          return this.item;
        },
        add: (key: string, value: unknown) => added.push([key, value]),
      },
    },
  });
  return { context: context as unknown as Excel.RequestContext, added };
}

describe('settings in the workbook', () => {
  it('loads the stored profile and thresholds', async () => {
    const { context } = mockContext(JSON.stringify({ profile: 'flen', thresholds: { 'Tröskel varning %': 3 } }));
    expect(await loadSettings(context)).toEqual({ profile: 'flen', thresholds: { 'Tröskel varning %': 3 } });
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

  it('round-trips through the fake workbook', async () => {
    const ctx = new FakeContext([]);
    await saveSettings(asExcel(ctx), { profile: 'standard', thresholds: { a: 1.5 } });
    expect(await loadSettings(asExcel(ctx))).toEqual({ profile: 'standard', thresholds: { a: 1.5 } });
  });

  it('drops what it cannot use from a hand-edited value', () => {
    expect(parseSettings('{"profile":"  ","thresholds":{"a":"x","b":2,"c":null}}')).toEqual({ profile: null, thresholds: { b: 2 } });
    expect(parseSettings('inte json')).toEqual({ profile: null, thresholds: {} });
  });
});
