/**
 * zod schemas for the Kolada API v3 responses Styrkoll reads. The schema is the contract: a
 * response that does not match becomes a one-line Swedish StyrkollError, never a crash.
 *
 * Envelope (verified against published v3 clients): `{ count, values: [...], next_url, previous_url }`;
 * `next_url` is null on the last page.
 */
import { z } from 'zod';
import { StyrkollError } from '../core';

/** Longest title or description kept from Kolada; longer text is cut and ends with "…". */
export const MAX_TEXT_LENGTH = 300;

export function cutText(text: string, max: number = MAX_TEXT_LENGTH): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A text from Kolada that is shown or written: at most MAX_TEXT_LENGTH characters. */
const text = () => z.string().transform((s) => cutText(s));

export const KoladaValue = z.object({
  /** `T` total, `K` kvinnor, `M` män. Kept as a string so a new code does not break parsing. */
  gender: z.string().nullish(),
  value: z.number().nullable(),
  count: z.number().nullish(),
  status: z.string().nullish(),
  isdeleted: z.boolean().nullish(),
});
export type KoladaValue = z.infer<typeof KoladaValue>;

export const KoladaDataRow = z.object({
  kpi: z.string(),
  municipality: z.string(),
  /** Year; v3 sends a number, a digit string is accepted too. */
  period: z.union([z.number().int(), z.string().regex(/^\d{4}$/).transform(Number)]),
  values: z.array(KoladaValue),
});
export type KoladaDataRow = z.infer<typeof KoladaDataRow>;

export const KoladaKpi = z.object({
  id: z.string(),
  title: text(),
  description: text().nullish(),
  operating_area: text().nullish(),
  municipality_type: text().nullish(),
  is_divided_by_gender: z.union([z.boolean(), z.number()]).nullish(),
});
export type KoladaKpi = z.infer<typeof KoladaKpi>;

export const KoladaMunicipality = z.object({
  id: z.string(),
  title: text(),
  /** `K` kommun, `L` (v2) or `R` region/län; kept as a string. */
  type: z.string().nullish(),
});
export type KoladaMunicipality = z.infer<typeof KoladaMunicipality>;

export const KoladaMunicipalityGroup = z.object({
  id: z.string(),
  title: text(),
  members: z.array(z.object({ member_id: z.string(), member_title: text().nullish() })).default([]),
});
export type KoladaMunicipalityGroup = z.infer<typeof KoladaMunicipalityGroup>;

export function envelope<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().nullish(),
    values: z.array(item),
    next_url: z.string().nullish(),
    previous_url: z.string().nullish(),
  });
}
export type Envelope<T> = { count?: number | null; values: T[]; next_url?: string | null; previous_url?: string | null };

const TYPE_NAMES: Record<string, string> = {
  number: 'ett tal',
  string: 'en text',
  array: 'en lista',
  object: 'ett objekt',
  boolean: 'sant/falskt',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'svaret';
  if (issue.code === 'invalid_type') {
    return `${where} borde vara ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  }
  return `${where} har ett oväntat värde`;
}

/** Parses `json` with `schema`, or throws a one-line Swedish StyrkollError naming the URL's path. */
export function parseResponse<T extends z.ZodType>(schema: T, json: unknown, url: string): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const more = result.error.issues.length > 1 ? ` (och ${result.error.issues.length - 1} fel till)` : '';
  throw new StyrkollError(
    'FIL',
    `Kolada svarade med ett oväntat format på ${pathOf(url)}: ${first ? describeIssue(first) : 'okänt fel'}${more}. ` +
      'API:t kan ha ändrats – kontrollera Kolada-URL i Inställningar.',
    { kolada: 'format', url, issues: result.error.issues.slice(0, 5) },
  );
}

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
