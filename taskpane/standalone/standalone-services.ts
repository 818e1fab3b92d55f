/**
 * The pane's services outside Office: every read, check and write goes to the Web Worker, and
 * what it makes comes back as bytes to download. The page itself imports no part of the core
 * or the xlsx adapter.
 */
import { StyrkollError } from '../../src/core';
import type { CheckHandle, PaneServices, ReportService } from '../services';
import { createYieldToHost } from '../pane/yield-to-host';
import { createLocalSettingsStore } from './settings-store';
import { WorkerClient, type WorkerLike } from './worker-client';
import type { CheckReply } from './worker-protocol';

export async function createStandaloneServices(worker: WorkerLike): Promise<PaneServices> {
  const client = new WorkerClient(worker);
  const meta = await client.request('init', {});
  // Receiving thousands of findings and drawing them are two tasks, not one long one.
  const nextTask = createYieldToHost();

  const reports: ReportService = {
    templates: () => meta.templates,
    modes: () => ['download'],
  };

  /** Each handle's check id in the worker, for the checked-workbook download. */
  const checkIds = new WeakMap<CheckHandle, number>();

  /**
   * A check as the page holds it: what the worker sent with the findings (nämnder, pictures,
   * Koppla kolumner's data) and the check's id. The model stays in the worker with its last
   * check; the reports name the id, so a handle whose check has been replaced is refused there
   * instead of getting the newer check's reports.
   */
  function handleOf(reply: CheckReply): CheckHandle {
    const checkId = reply.checkId;
    const handle: CheckHandle = {
      namnder: () => reply.namnder,
      pictures: (namnd) => reply.pictures.find((p) => p.namnd === namnd) ?? null,
      mapping: () => reply.mapping,
      async createReports(request, onProgress) {
        const out = await client.request('reports', { checkId, template: request.template, namnder: request.namnder }, (p) => onProgress(p.done, p.total));
        return { created: out.files.map((f) => f.name), notes: out.notes, downloads: { files: out.files, all: out.zip } };
      },
    };
    checkIds.set(handle, checkId);
    return handle;
  }

  return {
    check: {
      profiles: () => meta.profiles,
      thresholds: () => meta.thresholds,
      async check(file, settings, onProgress, mapping) {
        if (!file) throw new Error('Välj en arbetsbok att kontrollera.');
        // A copy moves to the worker; the page keeps its own bytes for a later check.
        const bytes = file.bytes.slice();
        const reply = await client.request('check', { name: file.name, bytes, settings, mapping: mapping ?? null }, onProgress, [bytes.buffer]);
        await nextTask();
        return { result: { findings: reply.findings, summary: reply.summary }, handle: handleOf(reply) };
      },
    },
    reports,
    excel: null,
    settingsStore: createLocalSettingsStore(),
    files: {
      checkedWorkbook(check, onProgress) {
        const checkId = checkIds.get(check);
        if (checkId === undefined) return Promise.reject(new StyrkollError('ARGUMENT', 'Kontrollera arbetsboken först.'));
        return client.request('write', { checkId }, onProgress);
      },
    },
  };
}
