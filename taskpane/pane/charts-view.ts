/**
 * Diagram for a chosen nämnd, in the Rapporter tab: the budget picture and one picture per
 * indicator, each an inline SVG image with its text alternative shown as a caption and its values
 * in a table that opens with the keyboard (details/summary).
 */
import type { NamndChartData } from '../../src/core';
import { budgetRows, budgetSvg, indicatorRows, indicatorSvg, type SvgNode } from './chart-model';
import { h, replace } from './dom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** SvgNode → elements; text goes in as text nodes, never as markup. */
export function toSvgElement(n: SvgNode): Element {
  const el = document.createElementNS(SVG_NS, n.tag);
  for (const [k, v] of Object.entries(n.attrs)) if (k !== 'xmlns') el.setAttribute(k, String(v));
  if (n.text !== undefined) el.textContent = n.text;
  for (const c of n.children ?? []) el.append(toSvgElement(c));
  return el;
}

function table(caption: string, data: { head: string[]; rows: string[][] }): HTMLElement {
  return h('details', { class: 'chart-table' },
    h('summary', {}, 'Visa värdena som tabell'),
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, data.head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
      h('tbody', {}, data.rows.map((r) => h('tr', {}, r.map((c, i) => (i ? h('td', { class: 'num' }, c) : h('th', { scope: 'row' }, c))))))));
}

function figure(heading: string, svg: SvgNode, caption: string, values: HTMLElement): HTMLElement {
  return h('figure', { class: 'chart' },
    h('h4', { class: 'chart-title' }, heading),
    toSvgElement(svg) as unknown as HTMLElement,
    h('figcaption', { class: 'chart-caption' }, caption),
    values);
}

let sequence = 0;

export class ChartsView {
  readonly element = h('section', { class: 'charts', 'aria-labelledby': 'charts-heading' });
  private namnder: string[] = [];
  private pictures: ((namnd: string) => NamndChartData | null) | null = null;
  private readonly body = h('div', { class: 'charts-body', 'aria-live': 'polite' });

  show(namnder: string[], pictures: ((namnd: string) => NamndChartData | null) | null): void {
    this.namnder = namnder;
    this.pictures = pictures;
    this.render();
  }

  private render(): void {
    if (!this.pictures || this.namnder.length === 0) return replace(this.element);
    const select = h('select', { id: 'charts-namnd', class: 'select', onchange: () => this.draw(select.value) },
      this.namnder.map((n) => h('option', { value: n }, n)));
    replace(this.element,
      h('h3', { id: 'charts-heading' }, 'Diagram'),
      h('div', { class: 'field' }, h('label', { for: 'charts-namnd' }, 'Nämnd'), select),
      this.body);
    this.draw(this.namnder[0]);
  }

  private draw(namnd: string): void {
    const data = this.pictures?.(namnd) ?? null;
    if (!data) return replace(this.body, h('p', { class: 'hint' }, 'Inga diagram för den här nämnden.'));
    const id = `chart${++sequence}`;
    const figures: HTMLElement[] = [];
    if (data.budget.length) figures.push(figure(data.budgetTitle, budgetSvg(data, `${id}-budget`), data.budgetDescription, table(`Budget per verksamhet – ${data.namnd}`, budgetRows(data))));
    else figures.push(h('p', { class: 'hint' }, data.budgetDescription));
    data.indicators.forEach((ind, i) => figures.push(figure(ind.title, indicatorSvg(ind, `${id}-ind${i}`), ind.description, table(ind.title, indicatorRows(ind)))));
    if (!data.indicators.length) figures.push(h('p', { class: 'hint' }, 'Nämnden har inga indikatorer med utgångsvärde och målvärde.'));
    replace(this.body, figures);
  }
}
