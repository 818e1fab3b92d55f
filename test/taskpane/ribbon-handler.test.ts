import { OfficeMockObject } from 'office-addin-mock';
import { StyrkollError } from '../../src/core/errors';
import { writeResult } from '../../src/office/write-result';
import { createKontrolleraBudgetHandler, errorSheet, KONTROLLERA_BUDGET, registerRibbonCommands } from '../../taskpane/ribbon-handler';
import type { PaneMessage } from '../../taskpane/pane/messages';
import { ExcelHost } from '../office/real-client/excel-host';

function eventMock(log: string[]) {
  return new OfficeMockObject({ completed: () => log.push('completed') }) as unknown as { completed(): void };
}

describe('ribbon "Kontrollera budget"', () => {
  it('registers kontrolleraBudget with Office.actions.associate', () => {
    const registered: string[] = [];
    const office = new OfficeMockObject({ actions: { associate: (name: string) => registered.push(name) } });
    const handler = createKontrolleraBudgetHandler({ check: async () => undefined, report: async () => undefined });
    registerRibbonCommands(office as never, handler);
    expect(registered).toEqual([KONTROLLERA_BUDGET]);
    expect((globalThis as Record<string, unknown>)[KONTROLLERA_BUDGET]).toBe(handler);
  });

  it('calls event.completed() after a successful check', async () => {
    const log: string[] = [];
    const handler = createKontrolleraBudgetHandler({ check: async () => void log.push('check'), report: async () => void log.push('report') });
    await handler(eventMock(log));
    expect(log).toEqual(['check', 'completed']);
  });

  it('calls event.completed() when the check throws, after reporting a Swedish message', async () => {
    const log: string[] = [];
    const reported: PaneMessage[] = [];
    const handler = createKontrolleraBudgetHandler({
      check: async () => {
        throw new StyrkollError('FOR_STOR', 'Arbetsboken är för stor för en kontroll i Excel.');
      },
      report: async (m) => void reported.push(m),
    });
    await handler(eventMock(log));
    expect(log).toEqual(['completed']);
    expect(reported).toEqual([{ title: 'Kontrollen misslyckades', detail: 'Arbetsboken är för stor för en kontroll i Excel.' }]);
  });

  it('calls event.completed() even when reporting the failure fails too', async () => {
    const log: string[] = [];
    const handler = createKontrolleraBudgetHandler({
      check: async () => Promise.reject(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' })),
      report: async () => Promise.reject(new Error('Excel is busy')),
    });
    await expect(handler(eventMock(log))).resolves.toBeUndefined();
    expect(log).toEqual(['completed']);
  });

  it('a failure becomes a Kontroll sheet that says what to do (real Office.js client, host model)', async () => {
    const host = new ExcelHost([{ name: 'Budget', rows: [['Nämnd', 'Budget']] }]);
    const handler = createKontrolleraBudgetHandler({
      check: async () => Promise.reject(Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' })),
      report: (m) => host.run((ctx) => writeResult(ctx, { kontroll: errorSheet(m), marks: [] }, { supports: () => false })),
    });
    const log: string[] = [];
    await handler(eventMock(log));
    const kontroll = host.values('Kontroll');
    expect(kontroll[1][0]).toBe('Kontrollen misslyckades');
    expect(String(kontroll[2][0])).toMatch(/Tryck Enter eller Esc/);
    expect(log).toEqual(['completed']);
  });

  it('when the pane holds the write lock, the click completes and writes no error sheet over the pane\u2019s', async () => {
    const log: string[] = [];
    const handler = createKontrolleraBudgetHandler({
      check: async () => Promise.reject(new StyrkollError('UPPTAGEN', 'Styrkoll-rutan skriver redan i arbetsboken.')),
      report: async () => void log.push('report'),
    });
    await handler(eventMock(log));
    expect(log).toEqual(['completed']);
  });
});
