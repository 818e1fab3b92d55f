/** Profile files (rules/profiles/*.json): one styrmodell's names, calendar and thresholds. */
import { z } from 'zod';
import { FAMILIES } from './rule-schema';

const Key = z.string().regex(/^[a-z][a-z0-9-]*$/, 'Skrivs med gemener, siffror och bindestreck');

export const GoalLevel = z
  .object({
    key: Key,
    /** The Nivå name as the styrmodell writes it. */
    name: z.string().min(1),
    /** Other Nivå texts that mean this level (matched ignoring case and spaces). */
    synonyms: z.array(z.string().min(1)),
    /** The level a goal on this level links to (Förälder); null for the top. */
    parent: Key.nullable(),
    description: z.string().min(1).optional(),
  })
  .strict();
export type GoalLevel = z.infer<typeof GoalLevel>;

/** A day in the year: month 1–12 and day; without day the last day of the month. */
export const DayOfYear = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31).optional(),
  })
  .strict();
export type DayOfYear = z.infer<typeof DayOfYear>;

export const REPORT_TYPES = ['manadsrapport', 'namndrapport', 'delarsrapport', 'arsbokslut', 'arsredovisning'] as const;

export const ReportEntry = z
  .object({
    type: z.enum(REPORT_TYPES),
    name: z.string().min(1),
    /** First day of the period (the year's start when absent). */
    periodStart: DayOfYear.optional(),
    /** Last day of the period the report covers. */
    periodEnd: DayOfYear,
    /** True when the report includes a helårsprognos. */
    prognos: z.boolean(),
    /** What the report contains, as the styrmodell says. */
    content: z.string().min(1).optional(),
    /** When the report is due; yearOffset 1 = the year after the period. Null when not set. */
    deadline: DayOfYear.extend({ yearOffset: z.number().int().min(0).max(1) }).strict().nullable(),
    /** Where the deadline comes from: the styrmodell itself or a default Styrkoll chose. */
    deadlineBasis: z.enum(['styrmodell', 'standard']),
    note: z.string().min(1).optional(),
  })
  .strict();
export type ReportEntry = z.infer<typeof ReportEntry>;

export const Profile = z
  .object({
    $schema: z.string().optional(),
    name: Key,
    displayName: z.string().min(1),
    /** The styrmodell the profile follows. */
    document: z.string().min(1),
    goalChain: z.array(GoalLevel).min(1),
    /** Allowed Perspektiv values; null when any value is allowed. */
    perspektiv: z.array(z.string().min(1)).nullable(),
    calendar: z.array(ReportEntry),
    /** Number of plan years required after the budget year. */
    planYears: z.number().int().min(0).max(10),
    /** Param name → value, overriding the rules' defaults (belopp in kr). */
    thresholds: z.record(z.string(), z.number()),
    /** Rule families that apply. */
    families: z.array(z.enum(FAMILIES)).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    const keys = new Set<string>();
    p.goalChain.forEach((level, i) => {
      if (keys.has(level.key)) ctx.addIssue({ code: 'custom', path: ['goalChain', i, 'key'], message: `Nivån ${level.key} finns två gånger` });
      keys.add(level.key);
    });
    const roots = p.goalChain.filter((l) => l.parent === null);
    if (roots.length !== 1) ctx.addIssue({ code: 'custom', path: ['goalChain'], message: 'Exakt en nivå ska sakna förälder (toppen)' });
    p.goalChain.forEach((level, i) => {
      if (level.parent !== null && !keys.has(level.parent)) {
        ctx.addIssue({ code: 'custom', path: ['goalChain', i, 'parent'], message: `Okänd nivå: ${level.parent}` });
      }
      // Walk up: a cycle never reaches the top.
      const seen = new Set<string>();
      let cur: string | null = level.key;
      while (cur !== null && !seen.has(cur)) {
        seen.add(cur);
        cur = p.goalChain.find((l) => l.key === cur)?.parent ?? null;
      }
      if (cur !== null) ctx.addIssue({ code: 'custom', path: ['goalChain', i, 'parent'], message: 'Målkedjan går i cirkel' });
    });
  });
export type Profile = z.infer<typeof Profile>;
