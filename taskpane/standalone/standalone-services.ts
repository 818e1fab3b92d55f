/**
 * The pane's services outside Office: every read, check and write goes to the Web Worker, and
 * what it makes comes back as bytes to download. The page itself imports no part of the core
 * or the xlsx adapter.
 */
import type { CheckResult, NamndChartData } from '../../src/core';
import type { MappingData, PaneServices, ReportService } from '../services';
import { createYieldToHost } from '../pane/yield-to-host';
import { createLocalSettingsStore } from './settings-store';
import { WorkerClient, type WorkerLike } from './worker-client';

export async function createStandaloneServices(worker: WorkerLike): Promise<PaneServices> {
  const client = new WorkerClient(worker);
  const meta = await client.request('init', {});
  // The worker sends the nämnder with each result instead of the whole model.
  const namnder = new WeakMap<CheckResult, string[]>();
  const mappings = new WeakMap<CheckResult, MappingData>();
  const pictures = new WeakMap<CheckResult, NamndChartData[]>();
  // Receiving thousands of findings and drawing them are two tasks, not one long one.
  const nextTask = createYieldToHost();

  const reports: ReportService = {
    templates: () => meta.templates,
    namnder: (result) => namnder.get(result) ?? [],
    pictures: (result, namnd) => pictures.get(result)?.find((p) => p.namnd === namnd) ?? null,
    modes: () => ['download'],
    async createReports(request, onProgress) {
      const reply = await client.request('reports', { template: request.template, namnder: request.namnder }, (p) => onProgress(p.done, p.total));
      return { created: reply.files.map((f) => f.name), notes: reply.notes, downloads: { files: reply.files, all: reply.zip } };
    },
  };

  return {
    check: {
      profiles: () => meta.profiles,
      thresholds: () => meta.thresholds,
      async check(file, settings, onProgress, mapping) {
        if (!file) throw new Error('Välj en arbetsbok att kontrollera.');
        // A copy moves to the worker; the page keeps its own bytes for a later check.
        const bytes = file.bytes.slice();
        const reply = await client.request('check', { name: file.name, bytes, settings, mapping: mapping ?? null }, onProgress, [bytes.buffer]);
        const result: CheckResult = { findings: reply.findings, summary: reply.summary };
        namnder.set(result, reply.namnder);
        mappings.set(result, reply.mapping);
        pictures.set(result, reply.pictures);
        await nextTask();
        return result;
      },
      mapping: (result) => mappings.get(result) ?? null,
    },
    reports,
    excel: null,
    settingsStore: createLocalSettingsStore(),
    files: { checkedWorkbook: (onProgress) => client.request('write', {}, onProgress) },
  };
}
