/**
 * The page's services against a fake worker: a check returns the findings and summary with a
 * handle that holds what the worker sent (nämnder, pictures, Koppla kolumner's data), and the
 * handle asks the worker for the reports.
 */
import type { CheckSummary, NamndChartData } from '../../../src/core';
import type { MappingData } from '../../../taskpane/services';
import type { WorkerLike } from '../../../taskpane/standalone/worker-client';
import type { CheckReply, ReportsReply, WorkerRequest } from '../../../taskpane/standalone/worker-protocol';

// No MessageChannel turns in jest: the page yields with a resolved promise.
jest.mock('../../../taskpane/pane/yield-to-host', () => ({ createYieldToHost: () => () => Promise.resolve() }));

const { createStandaloneServices } = require('../../../taskpane/standalone/standalone-services') as typeof import('../../../taskpane/standalone/standalone-services');

const summary = { budgetRead: true, inlast: [], counts: { total: 0, byCategory: {}, bySeverity: {} } } as unknown as CheckSummary;
const mapping: MappingData = { fields: [{ key: 'budget', title: 'Budget' }], sheets: [], recognised: null, current: {} };
const picture = (namnd: string) => ({ namnd }) as unknown as NamndChartData;

/** A worker that answers every request at once, and records what it was asked. */
function fakeWorker(reply: CheckReply): { worker: WorkerLike; asked: WorkerRequest[] } {
  const asked: WorkerRequest[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const request = message as WorkerRequest;
      asked.push(request);
      const value =
        request.kind === 'init'
          ? { profiles: [], thresholds: [], templates: [{ id: 'namndrapport', title: 'Nämndrapport' }] }
          : request.kind === 'check'
            ? reply
            : request.kind === 'reports'
              ? ({ files: [{ name: 'a.xlsx', bytes: new Uint8Array(1) }], zip: { name: 'rapporter.zip', bytes: new Uint8Array(2) }, notes: ['klart'] } satisfies ReportsReply)
              : null;
      setTimeout(() => worker.onmessage?.({ data: { id: request.id, kind: 'done', value } } as MessageEvent));
    },
  };
  return { worker, asked };
}

describe('createStandaloneServices', () => {
  it('returns the result and a handle with what the worker sent; the handle asks the worker for reports', async () => {
    const { worker, asked } = fakeWorker({ findings: [], summary, namnder: ['Socialnämnden', 'Kommunstyrelsen'], pictures: [picture('Socialnämnden')], mapping });
    const services = await createStandaloneServices(worker);
    expect(services.reports.templates()).toEqual([{ id: 'namndrapport', title: 'Nämndrapport' }]);
    expect(services.reports.modes()).toEqual(['download']);

    const { result, handle } = await services.check.check({ name: 'budget.xlsx', bytes: new Uint8Array([1, 2, 3]) }, { profile: null, thresholds: {} }, () => undefined);
    expect(result).toEqual({ findings: [], summary });
    expect(handle.namnder()).toEqual(['Socialnämnden', 'Kommunstyrelsen']);
    expect(handle.pictures!('Socialnämnden')).toEqual(picture('Socialnämnden'));
    expect(handle.pictures!('Kommunstyrelsen')).toBeNull();
    expect(handle.mapping()).toBe(mapping);

    const progress: [number, number][] = [];
    const outcome = await handle.createReports({ template: 'namndrapport', mode: 'download', namnder: ['Socialnämnden'] }, (done, total) => progress.push([done, total]));
    expect(asked.map((r) => r.kind)).toEqual(['init', 'check', 'reports']);
    expect(asked[2]).toMatchObject({ template: 'namndrapport', namnder: ['Socialnämnden'] });
    expect(outcome.created).toEqual(['a.xlsx']);
    expect(outcome.notes).toEqual(['klart']);
    expect(outcome.downloads!.all!.name).toBe('rapporter.zip');
  });

  it('refuses to check without a chosen file', async () => {
    const { worker } = fakeWorker({ findings: [], summary, namnder: [], pictures: [], mapping });
    const services = await createStandaloneServices(worker);
    await expect(services.check.check(null, { profile: null, thresholds: {} }, () => undefined)).rejects.toThrow('Välj en arbetsbok att kontrollera.');
  });
});
