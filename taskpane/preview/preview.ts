/**
 * Preview of the pane with fake services, for screenshots and browser tests. `?host=standalone`
 * runs the real host detection instead (office.js outside Office reports no host).
 */
import type { CheckProgress } from '../../src/core';
import { detectHost, type HostKind } from '../host';
import { Pane } from '../pane/pane';
import type { CheckHandle, ColumnMapping, PaneServices, StyrkollSettings } from '../services';
import { fakeMappingData, fakeResult, noBudgetResult } from './fake-result';

declare global {
  interface Window {
    preview: { host: HostKind; selected: string[]; saved: StyrkollSettings[]; reports: unknown[]; mappings: ColumnMapping[]; checks: number; ready: boolean };
  }
}

const state: Window['preview'] = { host: 'excel', selected: [], saved: [], reports: [], mappings: [], checks: 0, ready: false };
/** ?budget=no: a workbook where no budget is found, until a mapping is saved. */
const noBudget = new URLSearchParams(location.search).get('budget') === 'no';
window.preview = state;

/** Whether the last mapping saved maps a Budget column (none saved, or one removed: no). */
const mapped = () => !!state.mappings[state.mappings.length - 1]?.columns?.budget;

const tick = () => new Promise((r) => setTimeout(r, 0));

/** What lies behind a fake check: four nämnder and Koppla kolumner's data (no pictures: no Diagram section). */
function fakeHandle(budgetRead: boolean): CheckHandle {
  return {
    namnder: () => ['Barn- och utbildningsnämnden', 'Kultur- och fritidsnämnden', 'Socialnämnden', 'Tekniska nämnden'],
    // ?budget=no: the workbook is Blad1 before and after a mapping.
    mapping: () => ({ ...fakeMappingData(budgetRead && !noBudget), current: state.mappings[state.mappings.length - 1] ?? {} }),
    async createReports(request, onProgress) {
      state.reports.push(request);
      onProgress(request.namnder.length, request.namnder.length);
      return { created: request.namnder.map((n) => `Rapport ${n}`), notes: [] };
    },
  };
}

const services: PaneServices = {
  check: {
    profiles: () => [{ id: 'hedemora', name: 'Hedemora' }, { id: 'flen', name: 'Flen' }, { id: 'standard', name: 'Standard' }],
    thresholds: () => [
      { key: 'Tröskel varning %', description: 'Avvikelse mot budget som ger en varning.', kind: 'procent', defaultValue: 2 },
      { key: 'Tröskel fel %', description: 'Avvikelse mot budget som ger ett fel.', kind: 'procent', defaultValue: 5 },
    ],
    async check(_file, _settings, onProgress: (p: CheckProgress) => void) {
      onProgress({ phase: 'indata', done: 0, total: 0 });
      for (let i = 1; i <= 4; i++) {
        await tick();
        onProgress({ phase: 'regler', done: i * 10, total: 42 });
      }
      state.checks++;
      const result = noBudget && !mapped() ? noBudgetResult() : fakeResult();
      return { result, handle: fakeHandle(result.summary.budgetRead) };
    },
  },
  reports: {
    templates: () => [{ id: 'namndrapport', title: 'Nämndrapport' }, { id: 'delarsrapport', title: 'Delårsrapport' }],
    modes: () => ['sheets', 'workbooks'],
  },
  excel: {
    loadSettings: async () => ({ profile: 'hedemora', thresholds: { 'Tröskel varning %': 3 } }),
    saveSettings: async (s) => void state.saved.push(s),
    selectCell: async (sheet, cell) => void state.selected.push(`${sheet}!${cell}`),
    saveMapping: async (m) => void state.mappings.push(m),
  },
};

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const host: HostKind = params.get('host') === 'standalone' ? await detectHost() : 'excel';
  state.host = host;
  const pane = new Pane(document.getElementById('app')!, host === 'excel' ? services : { ...services, excel: null });
  await pane.init();
  if (params.get('run') !== 'no' && host === 'excel') await pane.runCheck();
  document.getElementById('app')!.removeAttribute('aria-busy');
  state.ready = true;
}

void main();
