/**
 * The page's services against a fake worker: a check returns the findings and summary with a
 * handle that holds what the worker sent (nämnder, pictures, Koppla kolumner's data) and the
 * check's id, and the handle asks the worker for the reports of that check. Against the real
 * worker side (CheckSession behind worker-host): a handle whose check a newer one has replaced is
 * refused in Swedish, never given the newer check's reports or workbook.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isStyrkollError, type CheckSummary, type NamndChartData } from '../../../src/core';
import type { MappingData, PaneServices } from '../../../taskpane/services';
import { CHECK_REPLACED, CHECK_REPLACED_DOWNLOAD, CheckSession } from '../../../taskpane/standalone/check-session';
import type { WorkerLike } from '../../../taskpane/standalone/worker-client';
import { answerRequests } from '../../../taskpane/standalone/worker-host';
import type { CheckReply, ReportsReply, WorkerRequest } from '../../../taskpane/standalone/worker-protocol';

// The rule files as webpack bundles them (require.context), read from rules/ instead.
jest.mock('../../../taskpane/rule-files', () => jest.requireActual('../../builders/rule-files').taskpaneRuleFilesModule());
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
              : request.kind === 'write'
                ? { name: 'budget-kontroll.xlsx', bytes: new Uint8Array(3) }
                : null;
      setTimeout(() => worker.onmessage?.({ data: { id: request.id, kind: 'done', value } } as MessageEvent));
    },
  };
  return { worker, asked };
}

describe('createStandaloneServices', () => {
  it('returns the result and a handle with what the worker sent; the handle asks the worker for reports', async () => {
    const { worker, asked } = fakeWorker({ checkId: 7, findings: [], summary, namnder: ['Socialnämnden', 'Kommunstyrelsen'], pictures: [picture('Socialnämnden')], mapping });
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
    expect(asked[2]).toMatchObject({ kind: 'reports', checkId: 7, template: 'namndrapport', namnder: ['Socialnämnden'] });
    expect(outcome.created).toEqual(['a.xlsx']);
    expect(outcome.notes).toEqual(['klart']);
    expect(outcome.downloads!.all!.name).toBe('rapporter.zip');

    // The checked workbook is asked for by the same check's id.
    const file = await services.files!.checkedWorkbook(handle, () => undefined);
    expect(asked[3]).toMatchObject({ kind: 'write', checkId: 7 });
    expect(file.name).toBe('budget-kontroll.xlsx');
  });

  it('refuses to check without a chosen file', async () => {
    const { worker } = fakeWorker({ checkId: 1, findings: [], summary, namnder: [], pictures: [], mapping });
    const services = await createStandaloneServices(worker);
    await expect(services.check.check(null, { profile: null, thresholds: {} }, () => undefined)).rejects.toThrow('Välj en arbetsbok att kontrollera.');
  });
});

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const example = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(EXAMPLES, name))) });
const NO_SETTINGS = { profile: null, thresholds: {} };

/**
 * The page's worker as the browser runs it, minus the thread: every message is structured-cloned
 * both ways and answered by the real CheckSession through worker-host, one request at a time.
 */
function realWorker(): { worker: WorkerLike; asked: WorkerRequest[] } {
  const asked: WorkerRequest[] = [];
  const worker: WorkerLike = { onmessage: null, onerror: null, postMessage: () => undefined };
  const receive = answerRequests(new CheckSession(), (message) => {
    const data = structuredClone(message);
    setTimeout(() => worker.onmessage?.({ data } as MessageEvent));
  });
  worker.postMessage = (message) => {
    const request = structuredClone(message) as WorkerRequest;
    asked.push(request);
    void receive(request);
  };
  return { worker, asked };
}

/** What a rejected promise was rejected with. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('createStandaloneServices with the real worker side', () => {
  const A = 'hedemora-delarsrapport-2025-08.xlsx';
  const B = 'flen-namndrapport-2-2025.xlsx';
  let services: PaneServices;
  let asked: WorkerRequest[];

  beforeEach(async () => {
    const w = realWorker();
    asked = w.asked;
    services = await createStandaloneServices(w.worker);
  });

  it('refuses a handle whose check a newer one has replaced, in Swedish, with no reports; the newer handle works', async () => {
    const template = services.reports.templates()[0].id;
    const a = await services.check.check(example(A), NO_SETTINGS, () => undefined);
    const b = await services.check.check(example(B), NO_SETTINGS, () => undefined);
    expect(a.handle.namnder().length).toBeGreaterThan(0);
    expect(b.handle.namnder().length).toBeGreaterThan(0);
    expect(b.handle.namnder()).not.toEqual(a.handle.namnder());

    const progress: [number, number][] = [];
    const refused = await rejection(a.handle.createReports({ template, mode: 'download', namnder: a.handle.namnder() }, (done, total) => progress.push([done, total])));
    expect(isStyrkollError(refused)).toBe(true);
    expect((refused as Error).message).toBe(CHECK_REPLACED);
    expect(progress).toEqual([]);
    expect(asked.map((r) => r.kind)).toEqual(['init', 'check', 'check', 'reports']);

    const outcome = await b.handle.createReports({ template, mode: 'download', namnder: b.handle.namnder() }, () => undefined);
    expect(outcome.created).toHaveLength(b.handle.namnder().length);
    expect(outcome.downloads!.files.map((f) => f.name)).toEqual(outcome.created);

    // The checked workbook likewise: A's handle is refused, B's gets B's file.
    const download = await rejection(services.files!.checkedWorkbook(a.handle, () => undefined));
    expect((download as Error).message).toBe(CHECK_REPLACED_DOWNLOAD);
    expect((await services.files!.checkedWorkbook(b.handle, () => undefined)).name).toBe('flen-namndrapport-2-2025-kontroll.xlsx');
  });

  it('gives a report request made before a new check its own check\'s reports (the worker answers in order)', async () => {
    const template = services.reports.templates()[0].id;
    const a = await services.check.check(example(A), NO_SETTINGS, () => undefined);
    const reports = a.handle.createReports({ template, mode: 'download', namnder: a.handle.namnder() }, () => undefined);
    const b = services.check.check(example(B), NO_SETTINGS, () => undefined);
    const outcome = await reports;
    expect(outcome.created).toHaveLength(a.handle.namnder().length);
    await b;
    expect(asked.map((r) => r.kind)).toEqual(['init', 'check', 'reports', 'check']);
  });
});

describe('CheckSession', () => {
  const bytes = () => example('hedemora-delarsrapport-2025-08.xlsx').bytes;

  it('holds only its last check: an older id is refused for reports and the workbook, the last one answers', async () => {
    const session = new CheckSession();
    const template = session.init().templates[0].id;
    expect(() => session.write(1)).toThrow('Kontrollera arbetsboken först.');
    const first = await session.check('a.xlsx', bytes(), NO_SETTINGS, () => undefined);
    const second = await session.check('b.xlsx', bytes(), NO_SETTINGS, () => undefined);
    expect(second.checkId).not.toBe(first.checkId);
    expect(() => session.reports(first.checkId, template, first.namnder, () => undefined)).toThrow(CHECK_REPLACED);
    expect(() => session.write(first.checkId)).toThrow(CHECK_REPLACED_DOWNLOAD);
    expect(session.write(second.checkId).name).toBe('b-kontroll.xlsx');
    expect(session.reports(second.checkId, template, second.namnder.slice(0, 1), () => undefined).files).toHaveLength(1);
  });

  it('lets go of the last check when a new one fails', async () => {
    const session = new CheckSession();
    const template = session.init().templates[0].id;
    const first = await session.check('a.xlsx', bytes(), NO_SETTINGS, () => undefined);
    await expect(session.check('trasig.xlsx', new Uint8Array([1, 2, 3]), NO_SETTINGS, () => undefined)).rejects.toThrow();
    expect(() => session.reports(first.checkId, template, first.namnder, () => undefined)).toThrow(CHECK_REPLACED);
  });
});
