/**
 * The Inställningar tab: profile and rule thresholds, stored in the workbook (travels with the
 * file) or, standalone, in this browser.
 */
import type { ProfileOption, StyrkollSettings, ThresholdOption } from '../services';
import { h, replace } from './dom';

const KIND_UNIT: Record<ThresholdOption['kind'], string> = { procent: '%', belopp: 'kr', antal: 'st' };

export interface SettingsViewOptions {
  profiles: ProfileOption[];
  thresholds: ThresholdOption[];
  /** Null when nothing can store them: the settings then apply to this session only. */
  onSave: ((s: StyrkollSettings) => Promise<void>) | null;
  /** Where onSave keeps them; defaults to the workbook when onSave is given. */
  savedIn?: 'workbook' | 'browser' | null;
}

const TEXTS = {
  workbook: { hint: 'Sparas i arbetsboken och följer med filen.', failed: 'Kunde inte spara i arbetsboken. Är den skrivskyddad? Försök igen.' },
  browser: {
    hint: 'Sparas bara i den här webbläsaren och används nästa gång du öppnar sidan.',
    failed: 'Webbläsaren tillåter inte att inställningarna sparas (privat läge?). De gäller tills du stänger sidan.',
  },
} as const;

export class SettingsView {
  readonly element = h('form', { class: 'settings', novalidate: true });
  private settings: StyrkollSettings = { profile: null, thresholds: {} };
  private readonly feedback = h('p', { class: 'form-feedback', role: 'status', 'aria-live': 'polite' });

  private readonly savedIn: 'workbook' | 'browser' | null;

  constructor(private readonly options: SettingsViewOptions) {
    this.savedIn = options.onSave ? options.savedIn ?? 'workbook' : null;
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save();
    });
    this.render();
  }

  get current(): StyrkollSettings {
    return this.settings;
  }

  show(settings: StyrkollSettings): void {
    this.settings = { profile: settings.profile, thresholds: { ...settings.thresholds } };
    this.render();
  }

  private render(): void {
    const profile = h('select', { id: 'profile', class: 'select', name: 'profile' },
      h('option', { value: '' }, 'Enligt arbetsboken (Inställningar)'),
      this.options.profiles.map((p) => h('option', { value: p.id, selected: this.settings.profile === p.id }, p.name)));
    const rows = this.options.thresholds.map((t, i) =>
      h('div', { class: 'field' },
        h('label', { for: `threshold-${i}` }, t.key),
        h('div', { class: 'input-with-unit' },
          h('input', { id: `threshold-${i}`, class: 'input', type: 'text', inputmode: 'decimal', name: t.key, placeholder: String(t.defaultValue).replace('.', ','), value: this.settings.thresholds[t.key] !== undefined ? String(this.settings.thresholds[t.key]).replace('.', ',') : '' }),
          h('span', { class: 'unit' }, KIND_UNIT[t.kind])),
        h('p', { class: 'hint' }, t.description)));
    replace(
      this.element,
      h('div', { class: 'field' }, h('label', { for: 'profile' }, 'Profil (styrmodell)'), profile, h('p', { class: 'hint' }, 'Bestämmer nivåer, årshjul och standardtrösklar.')),
      rows.length > 0 ? h('fieldset', { class: 'thresholds' }, h('legend', {}, 'Trösklar'), h('p', { class: 'hint' }, 'Lämna tomt för profilens värde.'), rows) : null,
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'btn btn-secondary' }, this.options.onSave ? 'Spara inställningar' : 'Använd inställningarna'),
        this.feedback),
      h('p', { class: 'hint' }, this.savedIn ? TEXTS[this.savedIn].hint : 'Gäller tills du stänger sidan.'),
    );
  }

  /** Reads the form; a threshold that is not a number is reported next to the button. */
  private read(): StyrkollSettings | string {
    const data = new FormData(this.element);
    const thresholds: Record<string, number> = {};
    for (const t of this.options.thresholds) {
      const raw = String(data.get(t.key) ?? '').trim().replace(/[\s\u00a0]/g, '').replace(',', '.').replace(/%$/, '');
      if (raw === '') continue;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < 0) return `”${t.key}” måste vara ett tal, till exempel ${String(t.defaultValue).replace('.', ',')}.`;
      thresholds[t.key] = v;
    }
    const profile = String(data.get('profile') ?? '');
    return { profile: profile || null, thresholds };
  }

  private async save(): Promise<void> {
    const read = this.read();
    if (typeof read === 'string') {
      this.feedback.className = 'form-feedback error';
      this.feedback.textContent = read;
      return;
    }
    this.settings = read;
    try {
      await this.options.onSave?.(read);
      this.feedback.className = 'form-feedback ok';
      this.feedback.textContent = this.options.onSave ? 'Sparat.' : 'Används vid nästa kontroll.';
    } catch {
      this.feedback.className = 'form-feedback error';
      this.feedback.textContent = this.savedIn ? TEXTS[this.savedIn].failed : 'Kunde inte spara.';
    }
  }
}
