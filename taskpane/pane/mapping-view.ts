/**
 * The Koppla kolumner step: shows what was recognised for the budget (the sheet, the header row and
 * the column of each field), lets the user pick the budget sheet, its header row and, per field, a
 * header of that row, and saves the choice. In Excel it becomes Budgetblad, Rubrikrad and
 * Kolumn … rows in Inställningar; on the page outside Excel it holds for this session.
 */
import { columnLetter } from '../../src/core';
import type { ColumnMapping, MappingData, MappingSheet } from '../services';
import { h, replace } from './dom';
import { icon } from './icons';

export interface MappingViewOptions {
  /** 'workbook': saved in Inställningar (Excel); 'session': kept until the page is closed. */
  savedIn: 'workbook' | 'session';
  /** Saves the mapping and runs the check again. */
  onSave(mapping: ColumnMapping): Promise<void>;
}

const NONE = '';
const fold = (s: string) => s.trim().normalize('NFC').toLocaleLowerCase('sv');

/** The rows a saved mapping becomes in Inställningar, for the page to show (key, value). */
export function mappingRows(mapping: ColumnMapping, fields: { key: string; title: string }[]): [string, string][] {
  const rows: [string, string][] = [];
  if (mapping.sheet) rows.push(['Budgetblad', mapping.sheet]);
  if (mapping.headerRow) rows.push(['Rubrikrad', String(mapping.headerRow)]);
  for (const f of fields) {
    const v = mapping.columns?.[f.key];
    if (v) rows.push([`Kolumn ${f.title}`, v]);
  }
  return rows;
}

export class MappingView {
  readonly element = h('details', { class: 'koppla', hidden: true });
  private data: MappingData | null = null;
  private sheet: MappingSheet | null = null;
  private headerRow: number | null = null;
  private readonly feedback = h('p', { class: 'form-feedback', role: 'status', 'aria-live': 'polite' });
  private saved: ColumnMapping | null = null;

  constructor(private readonly options: MappingViewOptions) {}

  /** Shows the form for a check's data (hidden when there is none); open when the budget was not read. */
  show(data: MappingData | null, open: boolean): void {
    this.data = data;
    this.element.hidden = data === null || data.sheets.length === 0;
    if (this.element.hidden || !data) return;
    // Open when nothing was read; left open when the user has it open (after saving, say).
    this.element.open = open || this.element.open;
    const current = data.current;
    const byName = (name: string | null | undefined) => (name ? data.sheets.find((s) => fold(s.name) === fold(name)) ?? null : null);
    this.sheet = byName(current.sheet) ?? byName(data.recognised?.sheet) ?? data.sheets.find((s) => s.likelyHeaderRow !== null) ?? data.sheets[0];
    this.headerRow = this.initialRow(this.sheet);
    this.render();
  }

  /** Opens the step and puts the focus on its first control (from the message's button). */
  openAndFocus(): void {
    if (this.element.hidden) return;
    this.element.open = true;
    this.element.scrollIntoView?.({ block: 'start' });
    this.element.querySelector<HTMLSelectElement>('#koppla-blad')?.focus();
  }

  private initialRow(sheet: MappingSheet): number | null {
    const d = this.data!;
    const same = (name: string | null | undefined) => !!name && fold(name) === fold(sheet.name);
    if (same(d.current.sheet) && d.current.headerRow) return d.current.headerRow;
    if (same(d.recognised?.sheet)) return d.recognised!.headerRow;
    return sheet.likelyHeaderRow ?? sheet.rows[0]?.row ?? null;
  }

  private render(): void {
    const d = this.data!;
    const sheet = this.sheet!;
    const rec = d.recognised;
    const status = rec
      ? `Igenkänt: bladet ${rec.sheet}, rubrikrad ${rec.headerRow}. ` +
        (Object.keys(rec.columns).length
          ? d.fields.filter((f) => rec.columns[f.key]).map((f) => `${f.title} = ${columnLetter(rec.columns[f.key].col)} ${rec.columns[f.key].header}`).join(', ') + '.'
          : '')
      : 'Ingen budget kändes igen. Välj bladet, rubrikraden och minst kolumnen för Budget.';
    const sheetSelect = h('select', { id: 'koppla-blad', class: 'select', name: 'sheet', onchange: (e: Event) => this.pickSheet((e.target as HTMLSelectElement).value) },
      d.sheets.map((s) => h('option', { value: s.name, selected: s === sheet }, s.name)));
    const rowSelect = h('select', { id: 'koppla-rubrikrad', class: 'select', name: 'headerRow', onchange: (e: Event) => this.pickRow(Number((e.target as HTMLSelectElement).value)) },
      sheet.rows.map((r) => h('option', { value: String(r.row), selected: r.row === this.headerRow }, `Rad ${r.row}: ${preview(r.cells.map((c) => c.text))}`)));
    const row = sheet.rows.find((r) => r.row === this.headerRow) ?? null;
    const cells = row?.cells ?? [];
    const counts = new Map<string, number>();
    for (const c of cells) counts.set(fold(c.text), (counts.get(fold(c.text)) ?? 0) + 1);
    // A header written twice in the row is chosen by its column letter.
    const valueOf = (c: { col: number; text: string }) => (counts.get(fold(c.text))! > 1 ? columnLetter(c.col) : c.text);
    const fields = d.fields.map((f) => {
      const chosen = this.chosenColumn(f.key, cells, sheet);
      return h('div', { class: 'field koppla-field' },
        h('label', { for: `koppla-${f.key}` }, f.title),
        h('select', { id: `koppla-${f.key}`, class: 'select', name: f.key },
          h('option', { value: NONE, selected: chosen === null }, '(ingen)'),
          cells.map((c) => h('option', { value: valueOf(c), selected: chosen === c.col }, `${columnLetter(c.col)}: ${c.text}`))));
    });
    const form = h('form', { class: 'koppla-form', novalidate: true, onsubmit: (e: Event) => { e.preventDefault(); void this.save(); } },
      h('div', { class: 'field' }, h('label', { for: 'koppla-blad' }, 'Budgetblad'), sheetSelect),
      h('div', { class: 'field' }, h('label', { for: 'koppla-rubrikrad' }, 'Rubrikrad'), rowSelect),
      h('fieldset', { class: 'koppla-columns' }, h('legend', {}, 'Kolumner'), h('p', { class: 'hint' }, 'Välj rubriken för varje fält. (ingen): Styrkoll känner igen kolumnen själv om rubriken är känd.'), fields),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Spara och kontrollera igen'),
        hasMapping(d.current) ? h('button', { type: 'button', class: 'btn btn-secondary koppla-clear', onclick: () => void this.clear() }, 'Ta bort kopplingen') : null,
        this.feedback),
      h('p', { class: 'hint' }, this.options.savedIn === 'workbook'
        ? 'Sparas som rader i bladet Inställningar (Budgetblad, Rubrikrad, Kolumn …) och används av nästa kontroll och av knappen Kontrollera budget i menyfliksområdet.'
        : 'Sparas bara för den här sessionen – sidan har ingen arbetsbok att spara i. I Excel sparas kopplingen i bladet Inställningar.'),
      this.savedRows());
    replace(this.element,
      h('summary', {}, icon('chevron', 'chevron'), h('span', { class: 'koppla-title' }, 'Koppla kolumner')),
      h('p', { class: 'koppla-status' }, status),
      form);
  }

  /** The column chosen for a field: the mapping in force, else what was recognised on this sheet and row. */
  private chosenColumn(key: string, cells: { col: number; text: string }[], sheet: MappingSheet): number | null {
    const d = this.data!;
    const same = (name: string | null | undefined) => !!name && fold(name) === fold(sheet.name);
    const target = d.current.columns?.[key];
    if (target && (!d.current.sheet || same(d.current.sheet))) {
      const t = fold(target);
      const byText = cells.find((c) => fold(c.text) === t);
      if (byText) return byText.col;
      const byLetter = cells.find((c) => columnLetter(c.col) === target.trim().toUpperCase());
      if (byLetter) return byLetter.col;
    }
    const rec = d.recognised;
    if (rec && same(rec.sheet) && rec.headerRow === this.headerRow && rec.columns[key]) {
      const col = rec.columns[key].col;
      return cells.some((c) => c.col === col) ? col : null;
    }
    return null;
  }

  /** On the page: the rows to write in Inställningar to keep the mapping in the file. */
  private savedRows(): HTMLElement | null {
    if (this.options.savedIn !== 'session' || !this.saved || !this.data) return null;
    const rows = mappingRows(this.saved, this.data.fields);
    if (rows.length === 0) return null;
    return h('div', { class: 'koppla-rows' },
      h('p', { class: 'hint' }, 'Skriv de här raderna i bladet Inställningar för att spara kopplingen i filen:'),
      h('table', { class: 'koppla-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Inställning'), h('th', { scope: 'col' }, 'Värde'))),
        h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v))))));
  }

  private pickSheet(name: string): void {
    this.sheet = this.data!.sheets.find((s) => s.name === name) ?? this.sheet;
    this.headerRow = this.initialRow(this.sheet!);
    this.render();
    this.element.querySelector<HTMLSelectElement>('#koppla-blad')?.focus();
  }

  private pickRow(row: number): void {
    this.headerRow = row;
    this.render();
    this.element.querySelector<HTMLSelectElement>('#koppla-rubrikrad')?.focus();
  }

  /** The form as a mapping: the sheet, the header row and each field's header (or letter). */
  read(): ColumnMapping {
    const data = new FormData(this.element.querySelector('form')!);
    const columns: Record<string, string> = {};
    for (const f of this.data!.fields) {
      const v = String(data.get(f.key) ?? '');
      if (v !== NONE) columns[f.key] = v;
    }
    const headerRow = Number(data.get('headerRow'));
    return { sheet: String(data.get('sheet') ?? '') || null, headerRow: Number.isInteger(headerRow) && headerRow >= 1 ? headerRow : null, columns };
  }

  /** Removes the mapping (the keys' rows in Inställningar are emptied) and checks again. */
  private async clear(): Promise<void> {
    this.feedback.className = 'form-feedback';
    this.feedback.textContent = 'Tar bort kopplingen…';
    try {
      this.saved = null;
      await this.options.onSave({ sheet: null, headerRow: null, columns: {} });
      this.feedback.className = 'form-feedback ok';
      this.feedback.textContent = 'Kopplingen är borttagen. Styrkoll letar upp budgeten själv.';
    } catch {
      this.feedback.className = 'form-feedback error';
      this.feedback.textContent = 'Kunde inte ta bort kopplingen. Försök igen.';
    }
  }

  private async save(): Promise<void> {
    const mapping = this.read();
    if (!mapping.columns?.budget) {
      this.feedback.className = 'form-feedback error';
      this.feedback.textContent = 'Välj kolumnen för Budget – utan den kan budgeten inte läsas.';
      return;
    }
    this.feedback.className = 'form-feedback';
    this.feedback.textContent = 'Sparar…';
    try {
      this.saved = mapping;
      await this.options.onSave(mapping);
      this.feedback.className = 'form-feedback ok';
      this.feedback.textContent = this.options.savedIn === 'workbook' ? 'Sparat i Inställningar. Kontrollen är gjord igen med kopplingen.' : 'Kontrollen är gjord igen med kopplingen.';
    } catch {
      this.saved = null;
      this.feedback.className = 'form-feedback error';
      this.feedback.textContent = this.options.savedIn === 'workbook' ? 'Kunde inte spara i bladet Inställningar. Är arbetsboken eller bladet skyddat? Försök igen.' : 'Kunde inte spara kopplingen.';
    }
  }
}

function hasMapping(m: ColumnMapping): boolean {
  return !!m.sheet || !!m.headerRow || Object.keys(m.columns ?? {}).length > 0;
}

function preview(texts: string[]): string {
  const joined = texts.slice(0, 4).join(' | ');
  return (joined.length > 60 ? joined.slice(0, 59) + '…' : joined) + (texts.length > 4 ? ' …' : '');
}
