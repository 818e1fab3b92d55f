/**
 * Message templates: `{fakta}` or `{fakta:format}` is replaced by the value of a fact or param.
 * Formats: tal (default for numbers, up to two decimals), belopp (amount with the workbook's
 * unit, kr, tkr or mnkr, at most one decimal for tkr and two for mnkr), procent (one decimal and
 * " %"), text (as written), valfri (text that is left out when blank). Any other blank value is "–".
 */
import type { Enhet } from '../model';
import type { FactValue } from './facts';
// From the module itself: the index re-exports through getters, a call each time in cold code.
import { formatSwedishNumberAs } from '../input/numbers';

export const TEMPLATE_FORMATS = ['tal', 'belopp', 'procent', 'text', 'valfri'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

export interface Placeholder {
  raw: string;
  /** Where raw starts in the template. */
  index: number;
  name: string;
  format: string | null;
}

export function placeholders(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => {
    const [name, format = null] = m[1].split(':').map((p) => p.trim());
    return { raw: m[0], index: m.index!, name, format };
  });
}

/**
 * How one placeholder is written, worked out once from its format and the workbook's unit, so
 * that filling a template does not look at format strings per value.
 */
interface Slot {
  name: string;
  /** Numbers as JavaScript writes them (format text). */
  asText: boolean;
  decimals: number;
  /** Trailing zero decimals (and then the comma) left out. */
  trim: boolean;
  suffix: string;
  /** A blank is left out rather than written "–" (format valfri). */
  optional: boolean;
}

function slot(name: string, format: string | null, beloppI: Enhet | null): Slot {
  switch (format) {
    case 'belopp':
      return { name, asText: false, decimals: beloppI === 'tkr' ? 1 : beloppI === 'mnkr' ? 2 : 0, trim: true, suffix: beloppI ? `\u00a0${beloppI}` : '', optional: false };
    case 'procent':
      return { name, asText: false, decimals: 1, trim: false, suffix: '\u00a0%', optional: false };
    default:
      return { name, asText: format === 'text', decimals: 2, trim: true, suffix: '', optional: format === 'valfri' };
  }
}

function formatSlot(s: Slot, value: FactValue | undefined): string {
  if (typeof value === 'number') {
    if (s.asText) return String(value);
    return formatSwedishNumberAs(value, s.decimals, s.trim) + s.suffix;
  }
  if (value === null || value === undefined || value === '') return s.optional ? '' : '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value)) return value.join(', ');
  return value;
}

export function formatValue(value: FactValue | undefined, format: string | null, beloppI: Enhet | null): string {
  return formatSlot(slot('', format, beloppI), value);
}

/** Reads a fact from a fact object's facts. */
export const readFact =
  (name: string) =>
  (facts: Readonly<Record<string, FactValue>>): FactValue | undefined =>
    facts[name];

/**
 * A template compiled for one kind of item, given the rule's params (name → value), the
 * workbook's unit and how a fact is read from an item: a function that writes an item's values
 * between the texts around the placeholders. Params, whose values are fixed for a run, are
 * already written into the texts. The texts stay data (closed over), never generated code.
 */
export function compileTemplate<T>(
  template: string,
  params: Readonly<Record<string, number>>,
  beloppI: Enhet | null,
  reader: (name: string) => (item: T) => FactValue | undefined,
): (item: T) => string {
  // The texts around the fact placeholders, with a place between each two for the value of
  // slots[i] (at 2i + 1).
  const parts: string[] = [];
  const slots: Slot[] = [];
  let text = '';
  let last = 0;
  for (const p of placeholders(template)) {
    text += template.slice(last, p.index);
    last = p.index + p.raw.length;
    const s = slot(p.name, p.format, beloppI);
    if (Object.prototype.hasOwnProperty.call(params, p.name)) text += formatSlot(s, params[p.name]);
    else {
      parts.push(text, '');
      slots.push(s);
      text = '';
    }
  }
  parts.push(text + template.slice(last));
  const n = slots.length;
  if (n === 0) {
    const only = parts[0];
    return () => only;
  }
  const read = slots.map((s) => reader(s.name));
  // The values go into the parts, joined once: one flat string per message. Concatenation
  // would leave a tree of cons strings per message, which the garbage collector then copies.
  const fill = (item: T): string => {
    for (let i = 0; i < n; i++) {
      const value = read[i](item);
      // Text (the common case besides numbers) is written as it is: no call for it.
      parts[2 * i + 1] = typeof value === 'string' && value !== '' ? value : formatSlot(slots[i], value);
    }
    return parts.join('');
  };
  return fill;
}

export function fillTemplate(template: string, lookup: (name: string) => FactValue | undefined, beloppI: Enhet | null): string {
  return compileTemplate(template, {}, beloppI, (name) => () => lookup(name))(null);
}
