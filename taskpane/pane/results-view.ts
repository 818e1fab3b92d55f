/** The Fynd tab: counts per severity and category, the filter bar and the grouped findings. */
import type { CheckResult } from '../../src/core';
import { SEVERITIES, type Finding, type Severity } from '../../src/core';
import { count, h, replace } from './dom';
import { CATEGORY_LABELS, SEVERITY_LABELS, SEVERITY_PLURAL, emptyFilter, groupFindings, locationText, namnderOf, type FindingFilter } from './findings-view-model';
import { icon } from './icons';

/**
 * Findings shown per group before "Visa fler": a 100 000-line budget can give thousands, and
 * building them all at once would hold up the page (and Excel) for a noticeable moment.
 */
export const GROUP_PAGE = 50;

/** Findings drawn in one task before the next group waits for a new one (small results: at once). */
const TASK_BUDGET = GROUP_PAGE;

/** A new macrotask, so the browser can paint and answer input between two groups. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface ResultsViewOptions {
  /** Null when there is no workbook to jump into (standalone). */
  onSelect: ((f: Finding) => void) | null;
  /** What to do first, shown before any check. */
  emptyHint?: string;
}

export class ResultsView {
  readonly element = h('section', { class: 'results', 'aria-label': 'Resultat' });
  private filter: FindingFilter = emptyFilter();
  private result: CheckResult | null = null;
  private readonly list = h('div', { class: 'groups', role: 'list' });
  private readonly summary = h('div', { class: 'summary' });
  private readonly filterBar = h('div', { class: 'filters' });
  private readonly status = h('p', { class: 'filter-status', 'aria-live': 'polite' });
  private readonly mappingSlot = h('div', { class: 'mapping-slot' });
  private generation = 0;

  constructor(private readonly options: ResultsViewOptions) {
    this.element.append(this.summary, this.mappingSlot, this.filterBar, this.status, this.list);
    this.renderEmpty();
  }

  /** The Koppla kolumner step, shown between the summary and the findings. */
  setMappingView(element: HTMLElement): void {
    replace(this.mappingSlot, element);
  }

  /** Resolves once every group's first findings are drawn (a group per task, see renderList). */
  show(result: CheckResult): Promise<void> {
    this.result = result;
    this.filter = emptyFilter();
    this.renderSummary(result);
    this.renderFilterBar(result.findings);
    return this.renderList();
  }

  private renderEmpty(): void {
    replace(this.summary);
    replace(this.filterBar);
    replace(this.status);
    this.list.removeAttribute('role');
    replace(this.list, h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, 'Ingen kontroll ännu'), h('p', {}, this.options.emptyHint ?? 'Klicka på Kontrollera budget. Fynden visas här och i bladet Kontroll.')));
  }

  private renderSummary(result: CheckResult): void {
    const c = result.summary.counts;
    const tiles = SEVERITIES.map((s) =>
      h('button', {
        type: 'button',
        class: `tile tile-${s}`,
        'aria-pressed': 'false',
        title: `Visa bara ${SEVERITY_PLURAL[s]}`,
        onclick: () => this.onlySeverity(s),
      }, icon(s), h('span', { class: 'tile-count' }, count(c.bySeverity[s])), h('span', { class: 'tile-label' }, s === 'varning' && c.bySeverity[s] !== 1 ? 'Varningar' : SEVERITY_LABELS[s])),
    );
    const cats = (Object.keys(CATEGORY_LABELS) as (keyof typeof CATEGORY_LABELS)[])
      .filter((k) => c.byCategory[k] > 0)
      .map((k) => h('li', {}, h('span', {}, CATEGORY_LABELS[k]), h('span', { class: 'badge' }, count(c.byCategory[k]))));
    const meta = [result.summary.kommun, result.summary.period ? `period ${result.summary.period}` : null, `profil ${result.summary.profile}`, `${count(result.summary.ruleCount)} regler`].filter(Boolean).join(' · ');
    replace(
      this.summary,
      c.total === 0 && result.summary.budgetRead !== false ? h('div', { class: 'all-clear' }, icon('ok'), h('span', {}, 'Inga avvikelser hittades.')) : h('div', { class: 'tiles' }, tiles),
      cats.length > 0 ? h('ul', { class: 'category-counts', 'aria-label': 'Fynd per kategori' }, cats) : null,
      h('p', { class: 'meta' }, meta),
      result.summary.notes.length > 0 ? h('ul', { class: 'notes' }, result.summary.notes.map((n) => h('li', {}, n))) : null,
      this.renderInlast(result),
    );
  }

  /** What was read, from where and as what: short, folded away unless nothing was read. */
  private renderInlast(result: CheckResult): HTMLElement | null {
    const lines = Array.isArray(result.summary.inlast) ? result.summary.inlast : [];
    if (lines.length === 0) return null;
    return h('details', { class: 'inlast', open: result.summary.budgetRead === false },
      h('summary', {}, icon('chevron', 'chevron'), h('span', { class: 'inlast-title' }, 'Inläst'), h('span', { class: 'badge' }, count(lines.length))),
      h('ul', { class: 'inlast-lines' }, lines.map((l) => h('li', {}, l))));
  }

  private onlySeverity(s: Severity): void {
    const only = this.filter.severities.size === 1 && this.filter.severities.has(s);
    this.filter.severities = only ? new Set(SEVERITIES) : new Set([s]);
    this.syncFilterControls();
    void this.renderList();
  }

  private renderFilterBar(findings: Finding[]): void {
    if (findings.length === 0) return replace(this.filterBar);
    const search = h('input', {
      type: 'search',
      class: 'search-input',
      placeholder: 'Sök i fynden',
      'aria-label': 'Sök i fynden',
      oninput: (e: Event) => {
        this.filter.text = (e.target as HTMLInputElement).value;
        void this.renderList();
      },
    });
    const chips = SEVERITIES.map((s) =>
      h('button', { type: 'button', class: `chip chip-${s}`, 'data-severity': s, 'aria-pressed': 'true', onclick: () => this.toggleSeverity(s) }, SEVERITY_LABELS[s]),
    );
    const namnder = namnderOf(findings);
    const namndSelect = namnder.length > 0
      ? h('select', {
          class: 'select',
          'aria-label': 'Nämnd',
          onchange: (e: Event) => {
            this.filter.namnd = (e.target as HTMLSelectElement).value;
            void this.renderList();
          },
        }, h('option', { value: '' }, 'Alla nämnder'), namnder.map((n) => h('option', { value: n }, n)))
      : null;
    replace(this.filterBar, h('div', { class: 'search' }, icon('search'), search), h('div', { class: 'filter-row' }, h('div', { class: 'chips', role: 'group', 'aria-label': 'Allvarlighet' }, chips), namndSelect));
  }

  private toggleSeverity(s: Severity): void {
    if (this.filter.severities.has(s)) this.filter.severities.delete(s);
    else this.filter.severities.add(s);
    this.syncFilterControls();
    void this.renderList();
  }

  private syncFilterControls(): void {
    this.filterBar.querySelectorAll<HTMLButtonElement>('.chip').forEach((b) => b.setAttribute('aria-pressed', String(this.filter.severities.has(b.dataset.severity as Severity))));
    const single = this.filter.severities.size === 1 ? [...this.filter.severities][0] : null;
    this.summary.querySelectorAll<HTMLButtonElement>('.tile').forEach((b) => b.setAttribute('aria-pressed', String(b.classList.contains(`tile-${single}`))));
  }

  /**
   * Draws the groups: their headings at once, their findings one group per task, so thousands
   * of findings never hold the page in one long task. A newer call (a filter change) stops an
   * older one that is still drawing.
   */
  private async renderList(): Promise<void> {
    if (!this.result) return;
    const generation = ++this.generation;
    const groups = groupFindings(this.result.findings, this.filter);
    const shown = groups.reduce((n, g) => n + g.findings.length, 0);
    const total = this.result.findings.length;
    replace(this.status, total === 0 ? '' : shown === total ? `${count(total)} fynd` : `Visar ${count(shown)} av ${count(total)} fynd`);
    // role=list only while it holds groups: a list of a single message is not a list (axe).
    if (total > 0 && shown === 0) {
      this.list.removeAttribute('role');
      return replace(this.list, h('p', { class: 'empty' }, 'Inga fynd matchar filtret.'));
    }
    if (groups.length > 0) this.list.setAttribute('role', 'list');
    else this.list.removeAttribute('role');
    const parts = groups.map((g) => {
      const list = h('ul', { class: 'findings' });
      const group = h('details', { class: 'group', open: true, role: 'listitem' },
        h('summary', {}, icon('chevron', 'chevron'), h('span', { class: 'group-title' }, g.label), h('span', { class: 'badge' }, count(g.findings.length))),
        list);
      return { group, list, findings: g.findings };
    });
    replace(this.list, parts.map((p) => p.group));
    let drawnInTask = 0;
    for (const p of parts) {
      if (drawnInTask >= TASK_BUDGET) {
        await nextTask();
        if (generation !== this.generation) return;
        drawnInTask = 0;
      }
      drawnInTask += this.renderPage(p.group, p.list, p.findings, 0);
    }
  }

  /** Appends the next GROUP_PAGE findings, and a "Visa fler" button while more remain; returns how many it drew. */
  private renderPage(group: HTMLElement, list: HTMLElement, findings: Finding[], from: number): number {
    const to = Math.min(findings.length, from + GROUP_PAGE);
    list.append(...findings.slice(from, to).map((f) => this.renderFinding(f)));
    group.querySelector('.show-more')?.remove();
    if (to >= findings.length) return to - from;
    const left = findings.length - to;
    const more = h('button', {
      type: 'button',
      class: 'show-more',
      onclick: () => {
        this.renderPage(group, list, findings, to);
        // Keyboard users continue where the new findings start.
        const first = list.children[to] as HTMLElement | undefined;
        const target = first?.querySelector<HTMLElement>('button') ?? first;
        if (target && target === first) target.tabIndex = -1;
        target?.focus();
      },
    }, `Visa ${count(Math.min(GROUP_PAGE, left))} till (${count(left)} kvar)`);
    group.append(more);
    return to - from;
  }

  private renderFinding(f: Finding): HTMLLIElement {
    const where = locationText(f);
    const meta = [where, f.namnd].filter(Boolean).join(' · ');
    const canSelect = this.options.onSelect !== null && f.sheet !== null && f.cell !== null;
    const body = [
      icon(f.severity, `sev sev-${f.severity}`),
      h('span', { class: 'finding-text' },
        h('span', { class: 'finding-message' }, f.message),
        f.suggestion ? h('span', { class: 'finding-suggestion' }, f.suggestion) : null,
        h('span', { class: 'finding-meta' }, meta ? h('span', { class: canSelect ? 'cell-link' : '' }, meta) : null, h('span', { class: 'rule' }, f.rule))),
    ];
    return h('li', { class: `finding finding-${f.severity}`, 'data-rule': f.rule, 'data-sheet': f.sheet ?? '', 'data-cell': f.cell ?? '' },
      canSelect
        ? h('button', { type: 'button', class: 'finding-button', title: `Gå till ${where}`, onclick: () => this.options.onSelect!(f) }, h('span', { class: 'visually-hidden' }, `${SEVERITY_LABELS[f.severity]}: `), body)
        : h('div', { class: 'finding-button static' }, h('span', { class: 'visually-hidden' }, `${SEVERITY_LABELS[f.severity]}: `), body));
  }
}
