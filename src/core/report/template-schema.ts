/**
 * Report templates (rules/templates/*.json): which sections a nämnd's report sheet has, in order,
 * with their Swedish headings. The zod schema is the single source of truth for the type.
 */
import { z } from 'zod';
import { StyrkollError } from '../errors';

const heading = z.string().min(1).max(120);
const help = z.string().max(600).optional();

export const BudgetColumn = z.enum(['budget', 'utfall', 'prognos', 'avvikelse']);
export type BudgetColumn = z.infer<typeof BudgetColumn>;

export const BudgetSection = z.strictObject({
  kind: z.literal('budget'),
  heading,
  help,
  /** Amount columns in order; avvikelse is a live formula when its operands are present. */
  columns: z.array(BudgetColumn).min(1),
  /** Avvikelse = budget − prognos (helårsprognos) or budget − utfall (bokslut). */
  deviationBasis: z.enum(['prognos', 'utfall']).default('prognos'),
  /** Which rows get an analysis field: deficits only, every deviation, or none. */
  deviationAnalysis: z.enum(['underskott', 'alla', 'ingen']).default('underskott'),
});
export type BudgetSection = z.infer<typeof BudgetSection>;

export const GoalsSection = z.strictObject({
  kind: z.literal('mal'),
  heading,
  help,
  /** Show the goal's indicators under it. */
  indicators: z.boolean().default(true),
  /** A Prognos dropdown (Uppnås/Delvis/Uppnås ej) per goal. */
  prognos: z.boolean().default(true),
  /** Heading of the Prognos column, e.g. "Bedömning" in an årsredovisning. */
  prognosHeading: z.string().min(1).max(40).default('Prognos'),
  comment: z.boolean().default(true),
  /** "avvikelser": only goals not forecast as reached or with an indicator off track. */
  only: z.enum(['alla', 'avvikelser']).default('alla'),
  /** Let the nämnd fill in an indicator outcome the master lacks. */
  fillMissingOutcome: z.boolean().default(true),
});
export type GoalsSection = z.infer<typeof GoalsSection>;

export const UppdragSection = z.strictObject({
  kind: z.literal('uppdrag'),
  heading,
  help,
  status: z.boolean().default(true),
  comment: z.boolean().default(true),
});
export type UppdragSection = z.infer<typeof UppdragSection>;

export const FindingsSection = z.strictObject({
  kind: z.literal('iakttagelser'),
  heading,
  help,
  /** Shown when the check found nothing for the nämnd. */
  emptyText: z.string().default('Kontrollen hittade inget att anmärka på för nämnden.'),
});
export type FindingsSection = z.infer<typeof FindingsSection>;

export const TextSection = z.strictObject({
  kind: z.literal('text'),
  /** Stable fill-in id "group:name", e.g. "analys:budget". */
  id: z.string().regex(/^[a-z0-9-]+:[a-z0-9-]+$/, 'id ska ha formen "grupp:namn" med a–z, 0–9 och -'),
  heading,
  help,
  /** Height of the writing box in rows. */
  lines: z.number().int().min(1).max(40).default(5),
  /** An empty answer is reported by collect. */
  required: z.boolean().default(true),
  category: z.enum(['budget', 'mal']).default('budget'),
});
export type TextSection = z.infer<typeof TextSection>;

export const ActionPlanSection = z.strictObject({
  kind: z.literal('atgardsplan'),
  heading,
  help,
  /** Empty rows offered for new åtgärder (more are added when earlier answers need them). */
  rows: z.number().int().min(1).max(50).default(5),
  /** Also list the åtgärder the master already holds for the nämnd. */
  showExisting: z.boolean().default(true),
});
export type ActionPlanSection = z.infer<typeof ActionPlanSection>;

export const Section = z.discriminatedUnion('kind', [
  BudgetSection,
  GoalsSection,
  UppdragSection,
  FindingsSection,
  TextSection,
  ActionPlanSection,
]);
export type Section = z.infer<typeof Section>;

export const ReportTemplate = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Report name used in titles, e.g. "Delårsrapport". */
    title: z.string().min(1).max(60),
    description: z.string().optional(),
    /** The styrmodell clause the report follows, "Dokument, avsnitt". */
    source: z.string().min(1),
    /** Months covered; `to` absent = the Period in Inställningar. */
    period: z.strictObject({
      from: z.number().int().min(1).max(12).default(1),
      to: z.number().int().min(1).max(12).optional(),
    }),
    /** Short instruction shown under the legend. */
    instructions: z.string().max(600).optional(),
    sections: z.array(Section).min(1),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, i) => {
      if (s.kind !== 'text') return;
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: `id "${s.id}" finns redan i mallen` });
      seen.add(s.id);
    });
    for (const kind of ['budget', 'mal', 'uppdrag', 'iakttagelser', 'atgardsplan'] as const) {
      if (t.sections.filter((s) => s.kind === kind).length > 1) {
        ctx.addIssue({ code: 'custom', path: ['sections'], message: `avsnittet "${kind}" får bara finnas en gång` });
      }
    }
  });
export type ReportTemplate = z.infer<typeof ReportTemplate>;

function jsonPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`), '$');
}

/** Validates one template file; a broken file throws StyrkollError('MALL') naming file and JSON path. */
export function parseReportTemplate(file: { path: string; json: unknown }): ReportTemplate {
  const r = ReportTemplate.safeParse(file.json, { error: z.locales.sv().localeError });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new StyrkollError('MALL', `Rapportmallen ${file.path} är felaktig vid ${jsonPath(issue.path)}: ${issue.message}`, {
    file: file.path,
    path: jsonPath(issue.path),
    issues: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
  });
}

/** Loads several templates keyed by id; two files with the same id are an error. */
export function loadReportTemplates(files: { path: string; json: unknown }[]): Map<string, ReportTemplate> {
  const out = new Map<string, ReportTemplate>();
  const from = new Map<string, string>();
  for (const f of files) {
    const t = parseReportTemplate(f);
    if (out.has(t.id)) {
      throw new StyrkollError('MALL', `Rapportmallen ${f.path} har samma id "${t.id}" som ${from.get(t.id)}.`, { file: f.path, path: '$.id' });
    }
    out.set(t.id, t);
    from.set(t.id, f.path);
  }
  return out;
}
