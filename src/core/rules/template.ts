/**
 * Message templates: `{fakta}` or `{fakta:format}` is replaced by the value of a fact or param.
 * Formats: tal (default for numbers, up to two decimals), belopp (amount with the workbook's
 * unit, kr or tkr, at most one decimal for tkr), procent (one decimal and " %"), text (as written),
 * valfri (text that is left out when blank). Any other blank value is "–".
 */
import type { FactValue } from './facts';
import { formatSwedishNumber, formatSwedishNumberTrimmed } from '../input';

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
const trimmed = formatSwedishNumberTrimmed;

export function formatValue(value: FactValue | undefined, format: string | null, beloppI: 'kr' | 'tkr' | null): string {
  if (typeof value !== 'number') return formatOther(value, format);
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

function formatOther(value: Exclude<FactValue, number> | undefined, format: string | null): string {
  if (value === null || value === undefined || value === '') return format === 'valfri' ? '' : '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value)) return value.join(', ');
  return value;
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
  const list = parts(template);
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const part = list[i];
    out += typeof part === 'string' ? part : formatValue(lookup(part.name), part.format, beloppI);
  }
  return out;
}

/** A template split once, each placeholder read from the params or from the facts. */
export type CompiledTemplate = (string | { name: string; format: string | null; param: boolean })[];

export function compileTemplate(template: string, isParam: (name: string) => boolean): CompiledTemplate {
  return parts(template).map((p) => (typeof p === 'string' ? p : { name: p.name, format: p.format, param: isParam(p.name) }));
}

/** fillTemplate for a compiled template: the same text, no lookup function per fill. */
export function fillCompiled(
  template: CompiledTemplate,
  facts: Readonly<Record<string, FactValue>>,
  params: Readonly<Record<string, number>>,
  beloppI: 'kr' | 'tkr' | null,
): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const part = template[i];
    out += typeof part === 'string' ? part : formatValue(part.param ? params[part.name] : facts[part.name], part.format, beloppI);
  }
  return out;
}
