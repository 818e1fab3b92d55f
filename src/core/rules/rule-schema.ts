/**
 * The rule file format: zod schemas are the single source of truth for both validation and the
 * generated JSON Schema (rules/schema/rule.schema.json). Conditions use json-rules-engine's format.
 */
import { z } from 'zod';
import { FAMILIES, SEVERITIES, type Family } from '../finding';

export { FAMILIES, type Family };

/** The fact object a rule is evaluated on. */
export const SCOPES = ['budgetrad', 'namnd', 'mal', 'indikator', 'uppdrag', 'atgard', 'arbetsbok'] as const;
export type Scope = (typeof SCOPES)[number];

/** json-rules-engine's built-in operators (no custom operators are registered). */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
export type Operator = (typeof OPERATORS)[number];

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

const Primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Primitive = z.infer<typeof Primitive>;

/** `{ "fact": "budget" }` on the value side compares one fact with another (or with a param). */
export const FactRef = z
  .object({ fact: z.string().regex(IDENTIFIER, 'Ett faktanamn får bara innehålla bokstäverna a–z, siffror och _') })
  .strict();
export type FactRef = z.infer<typeof FactRef>;

export const ConditionValue = z.union([Primitive, z.array(Primitive), FactRef]);
export type ConditionValue = z.infer<typeof ConditionValue>;

/** A condition: exactly one of all / any / not, or a leaf with fact, operator and value. */
export interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?: string;
  operator?: Operator;
  value?: ConditionValue;
}

/*
 * One object shape with optional keys plus a check, rather than a union: a union reports "invalid
 * input" at the condition, while this reports the exact key that is wrong (…all[1].operator).
 */
export const Condition: z.ZodType<ConditionNode> = z.lazy(() =>
  z
    .object({
      all: z.array(Condition).optional(),
      any: z.array(Condition).optional(),
      not: Condition.optional(),
      fact: z.string().regex(IDENTIFIER, 'Ett faktanamn får bara innehålla bokstäverna a–z, siffror och _').optional(),
      operator: z.enum(OPERATORS).optional(),
      value: ConditionValue.optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      const bool = (['all', 'any', 'not'] as const).filter((k) => c[k] !== undefined);
      const leaf = c.fact !== undefined || c.operator !== undefined || 'value' in c;
      if (bool.length > 1 || (bool.length === 1 && leaf)) {
        ctx.addIssue({ code: 'custom', message: 'Ett villkor har antingen all, any, not eller fact/operator/value – inte flera' });
        return;
      }
      if (bool.length === 1) {
        const list = bool[0] === 'not' ? null : c[bool[0]];
        if (list && list.length === 0) {
          ctx.addIssue({ code: 'custom', path: [bool[0]], message: 'Listan får inte vara tom' });
        }
        return;
      }
      for (const key of ['fact', 'operator', 'value'] as const) {
        if (!(key in c)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" saknas` });
      }
      if ((c.operator === 'in' || c.operator === 'notIn') && 'value' in c && !Array.isArray(c.value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `Operatorn ${c.operator} kräver en lista som värde` });
      }
    }),
);

export const Param = z
  .object({
    default: z.number(),
    /** The Inställningar key that overrides the default, e.g. "Tröskel varning %". */
    setting: z.string().min(1).optional(),
    /**
     * procent: a percentage (5 means 5 %); belopp: an amount, default and profile values in kr,
     * scaled to the workbook's unit (Belopp i); antal: a plain number.
     */
    kind: z.enum(['procent', 'belopp', 'antal']),
    description: z.string().min(1),
  })
  .strict();
export type Param = z.infer<typeof Param>;

export const Source = z
  .object({
    /** The profile this source applies to; without it the source is general. */
    profile: z.string().min(1).optional(),
    document: z.string().min(1),
    section: z.string().min(1),
    /** A verbatim clause from the styrmodell. */
    quote: z.string().min(1),
  })
  .strict();
export type Source = z.infer<typeof Source>;

const TopCondition = Condition.refine((c) => c.all !== undefined || c.any !== undefined || c.not !== undefined, {
  message: 'Villkoren ska börja med all, any eller not',
});

export const Rule = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[A-ZÅÄÖ][A-ZÅÄÖ0-9]*(-[A-ZÅÄÖ0-9]+)*$/, 'Regel-id skrivs med versaler, siffror och bindestreck, t.ex. BUD-UNDERSKOTT'),
    /** Short Swedish title for `styrkoll rules`. */
    title: z.string().min(1),
    category: z.enum(FAMILIES),
    severity: z.enum(SEVERITIES),
    scope: z.enum(SCOPES),
    /** Thresholds declared on the rule itself (older files); a name declared twice must mean the same. */
    params: z.record(z.string().regex(IDENTIFIER), Param).optional(),
    conditions: TopCondition,
    /** Swedish template; {fakta} or {fakta:format} with format belopp, procent, tal or text. */
    message: z.string().min(1),
    suggestion: z.string().min(1),
    /** Column (field key) the finding points at; the first one present in the sheet is used. */
    target: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** Profiles the rule applies to; all when absent. */
    profiles: z.array(z.string().min(1)).min(1).optional(),
    source: z.array(Source).min(1),
  })
  .strict();
export type Rule = z.infer<typeof Rule>;

/** A file's threshold parameters by name: declared once in the rule set, read by any rule as a fact. */
export const Params = z.record(z.string().regex(IDENTIFIER), Param);
export type Params = z.infer<typeof Params>;

/**
 * A rule file: one rule, an array of rules, or { "$schema", "params": {...}, "rules": [...] }, where
 * `params` declares thresholds for every rule in the rule set and `rules` may be left out.
 */
export const RuleFile = z.union([
  Rule,
  z.array(Rule).min(1),
  z.object({ $schema: z.string().optional(), params: Params.optional(), rules: z.array(Rule).min(1).optional() }).strict(),
]);
export type RuleFile = z.infer<typeof RuleFile>;
