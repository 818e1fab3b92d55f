/**
 * Standalone: choosing the workbook. A native file input (keyboard: Tab to it, Enter or Space
 * opens the file dialog) whose visible label is also the drop zone; a file dropped anywhere on
 * the page is taken too, so the browser never opens it in place of the page.
 */
import { h } from './dom';
import { icon } from './icons';

export const ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

/** "1,2 MB" / "845 kB", the Swedish way. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('sv-SE')} kB`;
}

export class FileDrop {
  readonly element: HTMLElement;
  private readonly input = h('input', { type: 'file', id: 'file', accept: ACCEPT, class: 'visually-hidden file-input', 'aria-describedby': 'file-status' });
  private readonly name = h('span', { class: 'file-name' }, 'Ingen fil vald');
  private readonly size = h('span', { class: 'file-size' });
  private depth = 0;

  constructor(private readonly onFile: (file: File) => void) {
    this.input.addEventListener('change', () => {
      const f = this.input.files?.[0];
      // Emptied, so choosing the same file again (after changing it in Excel) is seen as a choice.
      this.input.value = '';
      if (f) this.onFile(f);
    });
    const label = h('label', { for: 'file', class: 'drop-zone' },
      icon('upload', 'drop-icon'),
      h('span', { class: 'drop-text' },
        h('span', { class: 'drop-title' }, 'Välj arbetsbok (.xlsx)'),
        h('span', { class: 'drop-hint' }, ' eller dra och släpp filen här')));
    this.element = h('div', { class: 'file-drop' },
      this.input,
      label,
      h('p', { class: 'file-status', id: 'file-status', 'aria-live': 'polite' }, icon('document', 'file-icon'), this.name, this.size));
    this.listen();
  }

  /** Shows the chosen file's name and size. */
  show(file: { name: string; size: number }): void {
    this.name.textContent = file.name;
    this.size.textContent = sizeText(file.size);
    this.element.classList.add('has-file');
  }

  private listen(): void {
    const highlight = (on: boolean) => this.element.classList.toggle('dragging', on);
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    document.addEventListener('dragenter', (e) => {
      if (!hasFiles(e)) return;
      this.depth++;
      highlight(true);
    });
    document.addEventListener('dragleave', () => {
      this.depth = Math.max(0, this.depth - 1);
      if (this.depth === 0) highlight(false);
    });
    document.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    });
    document.addEventListener('drop', (e) => {
      this.depth = 0;
      highlight(false);
      const f = e.dataTransfer?.files?.[0];
      if (!f) return;
      e.preventDefault();
      this.onFile(f);
    });
  }
}
