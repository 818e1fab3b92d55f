/**
 * checkWorkbook: snapshot → model → rules → sorted findings and a summary. The rule families
 * whose sheets are missing are skipped and named in summary.notes.
 */
import type { CheckedWorkbook, CheckProgress, CheckSummary } from './check-types';
import { CATEGORIES, CATEGORY_LABELS, SEVERITIES, type Category, type Finding, type Severity } from './finding';
import { buildModel } from './input';
import type { ColumnMapping } from './input/budget-header';
import { describeInlast } from './input/inlast';
import type { Model } from './model';
import { evaluateRules } from './rules/evaluate';
import { buildFactTable, SharedFacts, type FactTable } from './rules/facts';
import { findingMaker } from './rules/findings';
import type { RuleSet } from './rules/load';
import { resolveParams } from './rules/params';
import type { Family, Param, Scope } from './rules/rule-schema';
import { activeRules, selectProfile } from './rules/select';
import { sortFindings } from './rules/sort-findings';
import type { WorkbookSnapshot } from './snapshot';

export interface CheckOptions {
  ruleSet: RuleSet;
  /** Profile name; overrides the workbook's Profil. */
  profile?: string;
  onProgress?: (p: CheckProgress) => void;
  /** Awaited every few thousand evaluations so a page can render progress. */
  yieldToHost?: () => Promise<void>;
  /**
   * Generate each row-level scope's rules as one loop (default). A page whose
   * Content-Security-Policy forbids eval passes false: the closures give the same findings, and
   * no attempt is made that the browser would log as a policy violation.
   */
  codegen?: boolean;
  /** Where the budget is and which column is which, as the user said (wins over Inställningar). */
  mapping?: ColumnMapping;
  /**
   * Thresholds chosen outside the workbook (the pane's settings), by Inställningar key such as
   * "Tröskel varning %", in the workbook's unit; each wins over the workbook's row with that key.
   */
  thresholds?: Readonly<Record<string, number>>;
}


/** The sheets a family needs that the workbook lacks ("Mål eller Uppdrag" counts as one). */
export function missingSheets(family: Family, model: Model): string[] {
  switch (family) {
    case 'budget':
      return model.budget ? [] : ['Budget'];
    case 'mal':
      return model.goals || model.indicators ? [] : ['Mål eller Indikatorer'];
    case 'mal-medel':
      return [...(model.budget ? [] : ['Budget']), ...(model.goals || model.uppdrag ? [] : ['Mål eller Uppdrag'])];
    case 'rod-trad':
      return model.goals ? [] : ['Mål'];
    case 'arshjul':
      return model.settings.sheet !== null ? [] : ['Inställningar'];
  }
}

function skipNote(family: Family, missing: string[]): string {
  const sheets = missing.length === 1 ? `bladet ${missing[0]}` : `bladen ${missing.join(' och ')}`;
  return `Reglerna för ${CATEGORY_LABELS[family].toLocaleLowerCase('sv')} kördes inte eftersom ${sheets} saknas.`;
}

function counts(findings: Finding[]): CheckSummary['counts'] {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
  }
  return { total: findings.length, byCategory, bySeverity };
}

/** What a check runs on a model: the profile, the rules whose sheets exist, their params resolved. */
export function prepareRules(ruleSet: RuleSet, model: Model, profileName?: string, thresholds?: Readonly<Record<string, number>>) {
  const profile = selectProfile(ruleSet, profileName, model.settings.profil);
  const notes = [...model.notes];

  const runnable = [];
  const skipped = new Set<Family>();
  for (const rule of activeRules(ruleSet, profile)) {
    const missing = missingSheets(rule.category, model);
    if (missing.length === 0) runnable.push(rule);
    else if (!skipped.has(rule.category)) {
      skipped.add(rule.category);
      notes.push(skipNote(rule.category, missing));
    }
  }

  // The params the runnable rules read, in the order they are declared in the rule set.
  const read = new Set(runnable.flatMap((rule) => Object.keys(rule.params ?? {})));
  const used: Record<string, Param> = {};
  for (const name of Object.keys(ruleSet.params)) if (read.has(name)) used[name] = ruleSet.params[name];
  return { profile, runnable, notes, params: resolveParams(used, profile, model.settings, thresholds) };
}

/** The check on an already built model (checkWorkbook without the input step). */
export async function checkModel(model: Model, indataFindings: Finding[], options: CheckOptions): Promise<CheckedWorkbook> {
  const { profile, runnable, notes, params } = prepareRules(options.ruleSet, model, options.profile, options.thresholds);

  const cache = new Map<Scope, FactTable>();
  const shared = new SharedFacts(model);
  const tableOf = (scope: Scope): FactTable => {
    let table = cache.get(scope) as FactTable | undefined;
    if (!table) cache.set(scope, (table = buildFactTable(model, scope, profile, shared) as FactTable));
    return table;
  };
  let lastTotal = 0;
  const hits = await evaluateRules(runnable, tableOf, params.values, {
    yieldToHost: options.yieldToHost,
    codegen: options.codegen,
    onProgress: (done, total) => {
      lastTotal = total;
      options.onProgress?.({ phase: 'regler', done, total });
    },
  });

  const beloppI = model.settings.beloppI;
  const toFinding = findingMaker(params.values, profile.name, beloppI);
  const findings = [...indataFindings, ...params.findings, ...hits.map(toFinding)];
  sortFindings(findings);
  options.onProgress?.({ phase: 'klart', done: lastTotal, total: lastTotal });

  const period = model.settings.period;
  return {
    findings,
    model,
    summary: {
      profile: profile.name,
      kommun: model.settings.kommun,
      period: period ? `${period.year}-${String(period.month).padStart(2, '0')}` : null,
      counts: counts(findings),
      ruleCount: runnable.length,
      notes,
      inlast: describeInlast(model.inlast),
      budgetRead: model.budget !== null,
    },
  };
}

export async function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions): Promise<CheckedWorkbook> {
  options.onProgress?.({ phase: 'indata', done: 0, total: 1 });
  const { model, findings } = buildModel(snapshot, { mapping: options.mapping });
  options.onProgress?.({ phase: 'indata', done: 1, total: 1 });
  if (options.yieldToHost) await options.yieldToHost();
  return checkModel(model, findings, options);
}
