/** The task pane: wires the check button, progress, messages and the three tabs to the services. */
import type { CheckProgress } from '../../src/core';
import type { HostKind } from '../host';
import type { ColumnMapping, PaneCheck, PaneServices, SettingsStore, StyrkollSettings } from '../services';
import { DownloadBar } from './download-bar';
import { count, h, replace } from './dom';
import { FileDrop } from './file-drop';
import { icon } from './icons';
import { MappingView } from './mapping-view';
import { toPaneMessage, type PaneMessage } from './messages';
import { ReportsView } from './reports-view';
import { ResultsView } from './results-view';
import { SettingsView } from './settings-view';

type Tab = 'fynd' | 'installningar' | 'rapporter';
const TABS: [Tab, string][] = [['fynd', 'Fynd'], ['installningar', 'Inställningar'], ['rapporter', 'Rapporter']];

/** Said on the standalone page, word for word. */
export const PRIVACY_TEXT = 'Filen lämnar aldrig din dator – ingenting laddas upp.';

export function progressText(p: CheckProgress, inExcel: boolean): string {
  if (p.phase === 'indata') return 'Läser in arbetsboken…';
  if (p.phase === 'regler') return p.total > 0 ? `Kör regler (${count(p.done)} av ${count(p.total)})` : 'Kör regler…';
  return inExcel ? 'Skriver bladet Kontroll…' : 'Klart';
}

/**
 * How far the bar is filled (0–1), or null for a moving bar. The read in Excel counts cells and the
 * rules count rules; a one-step phase (the core building its model) has nothing to show.
 */
export function progressShare(p: CheckProgress): number | null {
  return p.phase !== 'klart' && p.total > 1 ? p.done / p.total : null;
}

export class Pane {
  private readonly results: ResultsView;
  private readonly settingsView: SettingsView;
  private readonly reports: ReportsView;
  private readonly checkButton: HTMLButtonElement;
  private readonly progress = h('div', { class: 'progress-area', hidden: true });
  private readonly message = h('div', { class: 'message-area' });
  private readonly panels = new Map<Tab, HTMLElement>();
  private readonly tabButtons = new Map<Tab, HTMLButtonElement>();
  private readonly fileDrop: FileDrop | null;
  private readonly downloads: DownloadBar | null;
  private readonly store: SettingsStore | null;
  private readonly mappingView: MappingView;
  private file: { name: string; bytes: Uint8Array } | null = null;
  /** Outside Excel: the Koppla kolumner choice, for the checks of this file in this session. */
  private sessionMapping: ColumnMapping | null = null;
  private running = false;

  /** Where the pane runs, read from its services: with an Excel bridge in Excel, else standalone. */
  private readonly host: HostKind;

  constructor(private readonly root: HTMLElement, private readonly services: PaneServices) {
    const excel = services.excel;
    const host: HostKind = excel ? 'excel' : 'standalone';
    this.host = host;
    this.store = excel ? null : services.settingsStore ?? null;
    this.results = new ResultsView({
      onSelect: excel ? (f) => void this.select(f.sheet!, f.cell!) : null,
      emptyHint: host === 'standalone' ? 'Välj en arbetsbok och klicka på Kontrollera budget. Fynden visas här, och du kan ladda ner en kopia med bladet Kontroll.' : undefined,
    });
    this.mappingView = new MappingView({
      savedIn: excel ? 'workbook' : 'session',
      onSave: async (mapping) => {
        const empty = !mapping.sheet && !mapping.headerRow && Object.keys(mapping.columns ?? {}).length === 0;
        if (excel) await excel.saveMapping(mapping);
        else this.sessionMapping = empty ? null : mapping;
        await this.runCheck();
      },
    });
    this.results.setMappingView(this.mappingView.element);
    const store = this.store;
    this.settingsView = new SettingsView({
      profiles: services.check.profiles(),
      thresholds: services.check.thresholds(),
      onSave: excel ? (s) => excel.saveSettings(s) : store ? (s) => store.save(s) : null,
      savedIn: excel ? 'workbook' : store ? 'browser' : null,
    });
    this.reports = new ReportsView(services.reports);
    this.fileDrop = host === 'standalone' ? new FileDrop((f) => void this.chooseFile(f)) : null;
    this.downloads = host === 'standalone' && services.files ? new DownloadBar(services.files, { busy: (text) => this.showBusy(text), failed: (m) => this.showMessage(m, 'error') }) : null;
    this.checkButton = h('button', { type: 'button', class: 'btn btn-primary btn-large', onclick: () => void this.runCheck() }, icon('run'), h('span', {}, 'Kontrollera budget'));
    this.render();
  }

  private render(): void {
    const tabList = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Styrkoll' },
      TABS.map(([id, label]) => {
        const b = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, class: 'tab', onclick: () => this.selectTab(id) }, label);
        this.tabButtons.set(id, b);
        return b;
      }));
    const content: Record<Tab, HTMLElement> = { fynd: this.results.element, installningar: this.settingsView.element, rapporter: this.reports.element };
    const panels = TABS.map(([id]) => {
      const panel = h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'panel' }, content[id]);
      this.panels.set(id, panel);
      return panel;
    });
    const standalone = this.host === 'standalone';
    this.root.classList.toggle('standalone', standalone);
    replace(
      this.root,
      h('header', { class: 'pane-header' },
        h('img', { src: 'assets/icon-32.png', alt: '', width: 24, height: 24 }),
        h('div', {}, h('h1', {}, 'Styrkoll'), h('p', { class: 'subtitle' }, standalone ? 'Kontrollera budget, mål och medel enligt styrmodellen – i webbläsaren' : 'Budget, mål och medel enligt styrmodellen'))),
      h('div', { class: 'action-area' },
        this.fileDrop?.element,
        standalone ? h('p', { class: 'privacy' }, icon('lock', 'privacy-icon'), h('span', {}, PRIVACY_TEXT)) : null,
        this.checkButton,
        standalone ? null : h('p', { class: 'hint action-hint' }, 'Resultatet skrivs i bladet Kontroll. Dina värden ändras inte.'),
        this.progress,
        this.message,
        this.downloads?.element),
      tabList,
      panels,
    );
    this.checkButton.disabled = this.host === 'standalone';
    this.selectTab('fynd');
  }

  /** Standalone: keeps the chosen file's bytes; an earlier result's download no longer applies. */
  private async chooseFile(f: File): Promise<void> {
    if (this.running) return;
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      this.file = { name: f.name, bytes };
      // A mapping made for another file would point at sheets and headers this one may not have.
      this.sessionMapping = null;
      this.fileDrop?.show(f);
      this.downloads?.hide();
      replace(this.message);
      this.checkButton.disabled = false;
    } catch (e) {
      this.showMessage(toPaneMessage(e, `Att läsa ${f.name}`), 'error');
    }
  }

  private selectTab(tab: Tab): void {
    for (const [id, b] of this.tabButtons) {
      b.setAttribute('aria-selected', String(id === tab));
      b.tabIndex = id === tab ? 0 : -1;
      this.panels.get(id)!.hidden = id !== tab;
    }
  }

  /** Loads the stored settings; a failure only means defaults, and says so. */
  async init(): Promise<void> {
    const load = this.services.excel ? () => this.services.excel!.loadSettings() : this.store ? () => this.store!.load() : null;
    if (!load) return;
    try {
      this.settingsView.show(await load());
    } catch (e) {
      this.showMessage(toPaneMessage(e, 'Att läsa inställningarna'), 'warning');
    }
  }

  showMessage(m: PaneMessage, kind: 'error' | 'warning' | 'success', action?: { label: string; run: () => void }): void {
    replace(this.message, h('div', { class: `message-bar ${kind}`, role: kind === 'success' ? 'status' : 'alert' },
      icon(kind === 'success' ? 'ok' : kind === 'warning' ? 'varning' : 'fel'),
      h('div', {}, h('p', { class: 'message-title' }, m.title), m.detail ? h('p', {}, m.detail) : null,
        action ? h('button', { type: 'button', class: 'btn btn-secondary message-action', onclick: () => action.run() }, action.label) : null),
      h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Stäng meddelandet', onclick: () => replace(this.message) }, icon('dismiss'))));
  }

  /** Shows a check: its findings and summary here, its handle to the Rapporter tab and Koppla kolumner. */
  async showResult({ result, handle }: PaneCheck): Promise<void> {
    await this.results.show(result);
    this.reports.show(handle);
    const budgetRead = result.summary.budgetRead !== false;
    this.mappingView.show(handle.mapping(), !budgetRead);
    this.downloads?.show(handle);
    this.selectTab('fynd');
    if (!budgetRead) {
      // Never a green "klar" when nothing was read: say so, with the core's suggestion.
      const why = result.findings.find((f) => f.rule === 'IN-BLAD-SAKNAS') ?? result.findings.find((f) => f.severity === 'fel' && f.category === 'indata');
      const detail = ['Budgeten har inte kontrollerats.', why?.suggestion ?? '', this.host === 'excel' ? 'Se bladet Kontroll.' : ''].filter(Boolean).join(' ');
      this.showMessage({ title: 'Ingen budgetdata hittades', detail }, 'error', { label: 'Koppla kolumner', run: () => this.mappingView.openAndFocus() });
      return;
    }
    const c = result.summary.counts;
    const varningar = c.bySeverity.varning === 1 ? 'varning' : 'varningar';
    const summary = c.total === 0 ? 'Inga avvikelser.' : `${count(c.bySeverity.fel)} fel, ${count(c.bySeverity.varning)} ${varningar}, ${count(c.bySeverity.info)} info.`;
    this.showMessage({ title: 'Kontrollen är klar', detail: this.host === 'excel' ? `${summary} Se bladet Kontroll.` : summary }, 'success');
  }

  /** A labelled, indeterminate progress line for work without counts (writing, reports). */
  showBusy(text: string | null): void {
    if (text === null) return this.showProgress(null);
    this.progress.hidden = false;
    replace(this.progress,
      h('div', { class: 'progress-label' }, text),
      h('div', { class: 'progress-track indeterminate', role: 'progressbar', 'aria-label': text }, h('div', { class: 'progress-fill' })));
  }

  showProgress(p: CheckProgress | null): void {
    if (!p) {
      this.progress.hidden = true;
      return;
    }
    this.progress.hidden = false;
    const share = progressShare(p);
    const determinate = share !== null;
    replace(this.progress,
      h('div', { class: 'progress-label' }, progressText(p, this.host === 'excel')),
      h('div', { class: `progress-track${determinate ? '' : ' indeterminate'}`, role: 'progressbar', 'aria-label': 'Kontrollen pågår', 'aria-valuemin': 0, 'aria-valuemax': determinate ? p.total : null, 'aria-valuenow': determinate ? p.done : null },
        h('div', { class: 'progress-fill', style: determinate ? `width:${Math.round(100 * share)}%` : null })));
  }

  async runCheck(): Promise<void> {
    // In Excel the open workbook is checked; standalone, the chosen file (none chosen: nothing to do).
    const file = this.host === 'excel' ? null : this.file;
    if (this.running || (this.host === 'standalone' && !file)) return;
    this.running = true;
    this.checkButton.disabled = true;
    // The last check's handle goes now: its reports and download would be refused once this
    // check replaces it, and until then they would answer for a result that is being redone.
    this.reports.clear();
    this.downloads?.hide();
    replace(this.message);
    this.showProgress({ phase: 'indata', done: 0, total: 0 });
    try {
      const settings: StyrkollSettings = this.settingsView.current;
      const checked = await this.services.check.check(file, settings, (p) => this.showProgress(p), this.host === 'excel' ? null : this.sessionMapping);
      await this.showResult(checked);
    } catch (e) {
      this.showMessage(toPaneMessage(e, 'Kontrollen'), 'error');
    } finally {
      this.running = false;
      this.checkButton.disabled = false;
      this.showProgress(null);
    }
  }

  private async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.services.excel!.selectCell(sheet, cell);
    } catch (e) {
      this.showMessage(toPaneMessage(e, `Att gå till ${sheet}!${cell}`), 'warning');
    }
  }
}
