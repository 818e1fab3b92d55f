/**
 * Excel on the web's 5 MB limits on the host model, measured on the bytes the real client sends
 * and would get back, and readSnapshot's answer to a response over the limit.
 */
import { readSnapshot, TARGET_RESPONSE_BYTES } from '../../../src/office/read-snapshot';
import { ExcelHost, PAYLOAD_LIMIT_BYTES } from './excel-host';

describe('5 MB request and response limits of Excel on the web', () => {
  it('refuses a request over 5 MB and applies none of it; desktop takes it', async () => {
    const rows = Array.from({ length: 6000 }, (_, r) => [`${'x'.repeat(1000)}${r}`]);
    for (const platform of ['web', 'desktop'] as const) {
      const host = new ExcelHost([{ name: 'Blad1', rows: [['a']] }], platform);
      const context = host.context();
      context.workbook.worksheets.getItem('Blad1').getRangeByIndexes(0, 0, rows.length, 1).values = rows;
      const sync = context.sync();
      if (platform === 'web') {
        await expect(sync).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
        expect(host.values('Blad1')).toEqual([['a']]);
      } else {
        await sync;
        expect(host.values('Blad1')).toHaveLength(6000);
      }
      expect(host.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    }
  });

  it('a 2D array of the wrong shape is InvalidArgument at sync, and the actions before it stay applied', async () => {
    const host = new ExcelHost([{ name: 'Blad1', rows: [['a']] }]);
    const context = host.context();
    const ws = context.workbook.worksheets.getItem('Blad1');
    ws.getRange('B1').values = [['före']];
    ws.getRange('C1:D1').values = [['bara en']];
    ws.getRange('E1').values = [['efter']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(host.values('Blad1')).toEqual([['a', 'före']]);
  });

  it('readSnapshot splits a group whose real response passes 5 MB and reads it all', async () => {
    // 40 000 cells estimated at 32 bytes fit one sync under the web budget; at ~300 bytes a row the answer is over 6 MB.
    const rows = Array.from({ length: 20_000 }, (_, r) => [`${'å'.repeat(150)} ${r}`, r]);
    const host = new ExcelHost([{ name: 'Lång', rows }], 'web');
    const snapshot = await readSnapshot(host.context(), { sheets: () => true, maxResponseBytes: TARGET_RESPONSE_BYTES });
    expect(snapshot.sheets[0].rows).toHaveLength(20_000);
    expect(snapshot.sheets[0].rows[19_999]).toEqual([`${'å'.repeat(150)} 19999`, 19_999]);
    expect(host.syncs.some((s) => s.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(Math.max(...host.syncs.filter((s) => s.error === null).map((s) => s.responseBytes))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });
});
