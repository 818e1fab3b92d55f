/**
 * Standalone, after a check: "Ladda ner kontrollerad arbetsbok" – a copy of the chosen file with
 * the Kontroll sheet and the marks, made in the browser and saved as <original>-kontroll.xlsx.
 */
import type { CheckedWorkbookService, CheckHandle } from '../services';
import { saveFile } from '../standalone/download';
import { h, replace } from './dom';
import { icon } from './icons';
import { toPaneMessage, type PaneMessage } from './messages';

export interface DownloadBarHooks {
  /** Shows (or with null clears) the pane's progress line. */
  busy(text: string | null): void;
  failed(message: PaneMessage): void;
}

export class DownloadBar {
  readonly element = h('div', { class: 'download-bar', hidden: true });
  private readonly button: HTMLButtonElement;
  private readonly status = h('p', { class: 'download-status', role: 'status' });
  private working = false;
  /** The check the offered download is made from; dropped when it no longer applies. */
  private check: CheckHandle | null = null;

  constructor(private readonly service: CheckedWorkbookService, private readonly hooks: DownloadBarHooks) {
    this.button = h('button', { type: 'button', class: 'btn btn-secondary download-button', onclick: () => void this.download() },
      icon('download'), h('span', {}, 'Ladda ner kontrollerad arbetsbok'));
    replace(this.element,
      this.button,
      h('p', { class: 'hint' }, 'En kopia av filen med bladet Kontroll och färgmarkerade celler. Dina värden ändras inte.'),
      this.status);
  }

  /** Offers the download of this check's workbook. */
  show(check: CheckHandle): void {
    this.check = check;
    replace(this.status);
    this.element.hidden = false;
  }

  /** Withdraws the offer (a new check or file); the last check's handle is let go. */
  hide(): void {
    this.check = null;
    this.element.hidden = true;
  }

  private async download(): Promise<void> {
    const check = this.check;
    if (this.working || !check) return;
    this.working = true;
    this.button.disabled = true;
    replace(this.status);
    this.hooks.busy('Skapar den kontrollerade arbetsboken…');
    try {
      const file = await this.service.checkedWorkbook(check, () => undefined);
      saveFile(file.name, file.bytes);
      replace(this.status, icon('ok', 'status-ok'), h('span', {}, `Laddades ner som ${file.name}`));
    } catch (e) {
      this.hooks.failed(toPaneMessage(e, 'Att skapa den kontrollerade arbetsboken'));
    } finally {
      this.working = false;
      this.button.disabled = false;
      this.hooks.busy(null);
    }
  }
}
