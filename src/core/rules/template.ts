/**
 * Message templates: `{fakta}` or `{fakta:format}` is replaced by the value of a fact or param.
 * Formats: tal (default for numbers, up to two decimals), belopp (amount with the workbook's
 * unit, kr or tkr, at most one decimal for tkr), procent (one decimal and " %"), text (as written),
 * valfri (text that is left out when blank). Any other blank value is "–".
 */
import type { FactValue } from './facts';
import { formatSwedishNumber } from '../input';

export const TEMPLATE_FORMATS = ['tal', 'belopp', 'procent', 'text', 'valfri'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

export interface Placeholder {
  raw: string;
  name: string;
  format: string | null;
}

export function placeholders(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => {
    const [name, format = null] = m[1].split(':').map((p) => p.trim());
    return { raw: m[0], name, format };
  });
}

/** sv-SE with at most `decimals` decimals, trailing zeros dropped ("12,5", "1 200"). */
function trimmed(value: number, decimals: number): string {
  const text = formatSwedishNumber(value, decimals);
  if (text.indexOf(',') === -1) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 0x2c /* , */) end--;
  return end === text.length ? text : text.slice(0, end);
}

export function formatValue(value: FactValue | undefined, format: string | null, beloppI: 'kr' | 'tkr' | null): string {
  if (value === null || value === undefined || value === '') return format === 'valfri' ? '' : '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string') return value;
  switch (format) {
    case 'belopp':
      return trimmed(value, beloppI === 'tkr' ? 1 : 0) + (beloppI ? `\u00a0${beloppI}` : '');
    case 'procent':
      return `${formatSwedishNumber(value, 1)}\u00a0%`;
    case 'text':
      return String(value);
    default:
      return trimmed(value, 2);
  }
}

type Part = string | { name: string; format: string | null };
const compiled = new Map<string, Part[]>();

/** A template split once into text and placeholders (rule templates are few, fills are many). */
function parts(template: string): Part[] {
  let cached = compiled.get(template);
  if (!cached) {
    cached = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      if (m.index! > last) cached.push(template.slice(last, m.index));
      const [name, format = null] = m[1].split(':').map((p) => p.trim());
      cached.push({ name, format });
      last = m.index! + m[0].length;
    }
    if (last < template.length) cached.push(template.slice(last));
    compiled.set(template, cached);
  }
  return cached;
}

export function fillTemplate(template: string, lookup: (name: string) => FactValue | undefined, beloppI: 'kr' | 'tkr' | null): string {
  let out = '';
  for (const part of parts(template)) out += typeof part === 'string' ? part : formatValue(lookup(part.name), part.format, beloppI);
  return out;
}
