/**
 * The Rapporter tab: report sheets in this workbook, or one new workbook per nämnd (in Excel, or
 * standalone as downloads and one zip).
 */
import type { CheckHandle, DownloadFile, ReportMode, ReportOutcome, ReportService } from '../services';
import { objectUrl } from '../standalone/download';
import { count, h, replace } from './dom';
import { ChartsView } from './charts-view';
import { icon } from './icons';
import { toPaneMessage } from './messages';

const MODE_LABELS: Record<ReportMode, [string, string]> = {
  sheets: ['Blad i den här arbetsboken', 'Ett skyddat rapportblad per nämnd läggs till här.'],
  workbooks: ['En ny arbetsbok per nämnd', 'Öppnas i Excel; spara och skicka till nämnden.'],
  download: ['En arbetsbok per nämnd', 'Skapas här i webbläsaren och laddas ner till din dator; skicka dem till nämnderna.'],
};

export class ReportsView {
  readonly element = h('section', { class: 'reports', 'aria-label': 'Rapporter' });
  /** The last check's handle: its nämnder, pictures and reports. */
  private check: CheckHandle | null = null;
  private busy = false;
  /** Object URLs of the offered downloads, revoked when they are replaced. */
  private urls: string[] = [];
  private readonly charts = new ChartsView();

  constructor(private readonly service: ReportService) {
    this.render();
  }

  show(check: CheckHandle): void {
    this.check = check;
    this.revoke();
    this.render();
  }

  /** Lets go of the shown check (a new one has started): back to "Kontrollera först". */
  clear(): void {
    if (!this.check) return;
    this.check = null;
    this.revoke();
    this.render();
  }

  private revoke(): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
  }

  private render(): void {
    const check = this.check;
    this.charts.show(check ? check.namnder() : [], check?.pictures ? (namnd) => check.pictures!(namnd) : null);
    if (!check) {
      return replace(this.element, h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, 'Kontrollera först'), h('p', {}, 'Rapporterna fylls i med budget, mål och fynd från kontrollen.')));
    }
    const templates = this.service.templates();
    const modes = this.service.modes();
    if (modes.length === 0) {
      return replace(this.element, h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, 'Rapporter skapas i Excel'), h('p', {}, 'Öppna arbetsboken i Excel och välj Styrkoll på fliken Start för att skapa rapporter.')), this.charts.element);
    }
    const namnder = check.namnder();
    const form = h('form', { class: 'report-form', novalidate: true });
    const feedback = h('div', { class: 'report-feedback', role: 'status', 'aria-live': 'polite' });
    replace(
      form,
      h('div', { class: 'field' }, h('label', { for: 'template' }, 'Rapportmall'),
        h('select', { id: 'template', name: 'template', class: 'select', disabled: templates.length === 0 },
          templates.length === 0 ? h('option', { value: '' }, 'Inga mallar finns') : templates.map((t) => h('option', { value: t.id }, t.title)))),
      modes.length === 1
        ? [h('input', { type: 'hidden', name: 'mode', value: modes[0] }), h('p', { class: 'hint mode-hint' }, `${MODE_LABELS[modes[0]][0]}. ${MODE_LABELS[modes[0]][1]}`)]
        : h('fieldset', { class: 'choice' }, h('legend', {}, 'Var'),
            modes.map((m, i) => h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'mode', value: m, checked: i === 0 }), h('span', {}, h('span', { class: 'radio-label' }, MODE_LABELS[m][0]), h('span', { class: 'hint' }, MODE_LABELS[m][1]))))),
      h('fieldset', { class: 'choice namnder' }, h('legend', {}, `Nämnder (${count(namnder.length)})`),
        namnder.length === 0 ? h('p', { class: 'hint' }, 'Inga nämnder hittades i Budget eller Mål.') : namnder.map((n) => h('label', { class: 'checkbox' }, h('input', { type: 'checkbox', name: 'namnd', value: n, checked: true }), h('span', {}, n)))),
      h('button', { type: 'submit', class: 'btn btn-primary', disabled: templates.length === 0 || namnder.length === 0 }, 'Skapa rapporter'),
      feedback,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.create(form, feedback);
    });
    replace(this.element, form, this.charts.element);
  }

  private async create(form: HTMLFormElement, feedback: HTMLElement): Promise<void> {
    const check = this.check;
    if (this.busy || !check) return;
    const data = new FormData(form);
    const namnder = data.getAll('namnd').map(String);
    if (namnder.length === 0) {
      replace(feedback, h('p', { class: 'form-feedback error' }, 'Välj minst en nämnd.'));
      return;
    }
    this.busy = true;
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.disabled = true;
    const progress = h('progress', { class: 'progress', max: namnder.length, value: 0, 'aria-label': 'Skapar rapporter' });
    replace(feedback, progress);
    try {
      const outcome = await check.createReports(
        { template: String(data.get('template') ?? ''), mode: (String(data.get('mode') ?? 'sheets') as ReportMode), namnder },
        (done, total) => {
          progress.max = total;
          progress.value = done;
        },
      );
      // The pane has moved on to another check meanwhile: these reports' form is gone.
      if (this.check !== check) return;
      this.revoke();
      replace(feedback, h('div', { class: 'message-bar success', role: 'status' }, icon('ok'),
        h('div', {}, h('p', { class: 'message-title' }, outcome.created.length === 1 ? '1 rapport skapad' : `${count(outcome.created.length)} rapporter skapade`),
          outcome.downloads ? null : h('ul', {}, outcome.created.map((c) => h('li', {}, c)), outcome.notes.map((n) => h('li', { class: 'hint' }, n))))),
        outcome.downloads ? this.downloadList(outcome) : null);
    } catch (e) {
      const m = toPaneMessage(e, 'Att skapa rapporterna');
      replace(feedback, h('div', { class: 'message-bar error', role: 'alert' }, icon('fel'), h('div', {}, h('p', { class: 'message-title' }, m.title), h('p', {}, m.detail))));
    } finally {
      this.busy = false;
      button.disabled = false;
    }
  }

  private link(file: DownloadFile, className: string, ...children: (Node | string)[]): HTMLAnchorElement {
    const url = objectUrl(file.name, file.bytes);
    this.urls.push(url);
    return h('a', { href: url, download: file.name, class: className }, ...children);
  }

  /** Standalone: the zip first, then one link per nämnd; the notes below. */
  private downloadList(outcome: ReportOutcome): HTMLElement {
    const { files, all } = outcome.downloads!;
    return h('div', { class: 'download-list' },
      all && files.length > 1 ? h('p', {}, this.link(all, 'btn btn-primary download-all', icon('download'), h('span', {}, `Ladda ner alla (${all.name})`))) : null,
      h('ul', { class: 'file-links', 'aria-label': 'Rapporter att ladda ner' },
        files.map((f) => h('li', {}, this.link(f, 'file-link', icon('document'), h('span', {}, f.name))))),
      outcome.notes.length > 0 ? h('ul', { class: 'notes' }, outcome.notes.map((n) => h('li', {}, n))) : null);
  }
}
