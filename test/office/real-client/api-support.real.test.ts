/**
 * The feature check before any API beyond the ExcelApi 1.7 floor: the host's answer
 * (isSetSupported) and what the loaded Office.js client has, checked on the real client.
 */
import { API, canUse, clientHas } from '../../../src/office/api-support';
import { MARK_FILLS } from '../../../src/office/mark-record';
import { writeResult } from '../../../src/office/write-result';
import { ExcelHost } from './excel-host';

const everything = () => true;
const floorOnly = (v: string) => v === API.floor;

describe('API beyond the 1.7 floor', () => {
  it('needs both the host and the client library: the npm client has page layout and screen updating, but no notes', async () => {
    const host = new ExcelHost([{ name: 'Budget', rows: [['a']] }]);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Budget');
      expect(clientHas(ws, 'notes')).toBe(false);
      expect(canUse(everything, API.notes, ws, 'notes')).toBe(false);
      expect(canUse(everything, API.pageLayout, ws, 'pageLayout')).toBe(true);
      expect(canUse(floorOnly, API.pageLayout, ws, 'pageLayout')).toBe(false);
      expect(canUse(everything, API.suspendScreenUpdating, context.application, 'suspendScreenUpdatingUntilNextSync')).toBe(true);
      expect(clientHas(null, 'notes')).toBe(false);
    });
  });

  it('a host reporting every set (1.18 and beyond) with this client: writes marks, links and the Kontroll sheet, no notes, screen updating suspended', async () => {
    const host = new ExcelHost([{ name: 'Budget', rows: [['Nämnd', 'Budget'], ['KS', 1]] }]);
    const kontroll = { name: 'Kontroll', rows: [[{ v: 'B2', link: { sheet: 'Budget', cell: 'B2' } }]], print: { orientation: 'landscape' as const } };
    await host.run((context) => writeResult(context, { kontroll, marks: [{ sheet: 'Budget', cell: 'B2', severity: 'fel', note: 'Fynd' }] }, { supports: everything }));
    expect(host.sheet('Budget').fills.get('1,1')).toBe(MARK_FILLS.fel.toUpperCase());
    expect(host.sheet('Kontroll').hyperlinks.get('0,0')).toEqual({ documentReference: "'Budget'!B2", textToDisplay: 'B2' });
    expect(host.screenSuspensions).toBeGreaterThan(0);
    expect(host.sheet('Kontroll').formatting.some(([, what]) => what === 'Worksheet.PageLayout.Orientation')).toBe(true);
    expect(host.syncs.every((s) => s.error === null)).toBe(true);
  });

  it('a host at the floor: nothing beyond 1.7 is sent', async () => {
    const host = new ExcelHost([{ name: 'Budget', rows: [['Nämnd', 'Budget'], ['KS', 1]] }]);
    const kontroll = { name: 'Kontroll', rows: [[{ v: 'x' }]], print: { orientation: 'landscape' as const } };
    await host.run((context) => writeResult(context, { kontroll, marks: [] }, { supports: floorOnly }));
    expect(host.screenSuspensions).toBe(0);
    expect(host.sheet('Kontroll').formatting.some(([, what]) => what.startsWith('Worksheet.PageLayout'))).toBe(false);
  });
});
