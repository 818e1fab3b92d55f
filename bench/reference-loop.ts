/**
 * The hand-written reference: the budget line rules (scope budgetrad in rules/budget/*.json)
 * written as one plain loop over the model's lines. Thresholds are the rule files' param
 * defaults with the profile's thresholds on top, as the core resolves them for a workbook in kr
 * without thresholds in Inställningar. The conditions themselves are written out by hand below;
 * `LINE_RULES` lists the rule ids they mirror, so the harness can tell when the files change.
 */
import type { BudgetLine } from '../src/core/model';
import type { RuleFiles } from '../src/node/rule-files';

export const LINE_RULES = ['BUD-UNDERSKOTT', 'BUD-UNDERSKOTT-STORT', 'BUD-OVERSKOTT', 'BUD-UTAN-BUDGET'] as const;

export interface LineThresholds {
  troskelVarningProcent: number;
  troskelFelProcent: number;
  troskelOverskottProcent: number;
  lagstaBelopp: number;
}

export interface RuleJson {
  id?: string;
  scope?: string;
  params?: Record<string, { default?: number }>;
}

/** Thresholds from the rule files' JSON (param defaults), overridden by the profile's thresholds. */
export function lineThresholds(rules: RuleJson[], profileThresholds: Record<string, number> = {}): LineThresholds {
  const value = (name: keyof LineThresholds): number => {
    if (typeof profileThresholds[name] === 'number') return profileThresholds[name];
    for (const r of rules) {
      const d = r.params?.[name]?.default;
      if (typeof d === 'number') return d;
    }
    throw new Error(`no rule file defines the param ${name}`);
  };
  return {
    troskelVarningProcent: value('troskelVarningProcent'),
    troskelFelProcent: value('troskelFelProcent'),
    troskelOverskottProcent: value('troskelOverskottProcent'),
    lagstaBelopp: value('lagstaBelopp'),
  };
}

/** The rules in rules/budget/*.json as plain JSON, one entry per rule. */
export function budgetRulesJson(files: RuleFiles): RuleJson[] {
  return files.rules
    .filter((f) => f.path.includes('/budget/'))
    .flatMap((f) => {
      const j = f.json as RuleJson | RuleJson[] | { rules: RuleJson[] };
      return Array.isArray(j) ? j : 'rules' in j ? j.rules : [j];
    });
}

/** The reference's thresholds for a profile (by name), read from the rule and profile files. */
export function referenceThresholds(files: RuleFiles, profileName: string): LineThresholds {
  const profile = files.profiles.map((p) => p.json as { name: string; thresholds?: Record<string, number> }).find((p) => p.name === profileName);
  return lineThresholds(budgetRulesJson(files), profile?.thresholds);
}

export interface ReferenceHit {
  rule: (typeof LINE_RULES)[number];
  row: number;
}

const finite = (v: number | null): v is number => typeof v === 'number' && Number.isFinite(v);

export function referenceLoop(lines: BudgetLine[], t: LineThresholds): ReferenceHit[] {
  const hits: ReferenceHit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const budget = finite(line.budget) ? line.budget : null;
    const hasBudget = budget !== null && budget !== 0;
    const avvikelse = finite(line.avvikelse) ? line.avvikelse : null;
    if (avvikelse !== null && hasBudget) {
      const pct = (Math.abs(avvikelse) / Math.abs(budget)) * 100;
      if (avvikelse < 0 && -avvikelse >= t.lagstaBelopp) {
        if (pct >= t.troskelFelProcent) hits.push({ rule: 'BUD-UNDERSKOTT-STORT', row: line.row });
        else if (pct >= t.troskelVarningProcent) hits.push({ rule: 'BUD-UNDERSKOTT', row: line.row });
      } else if (avvikelse > 0 && avvikelse >= t.lagstaBelopp && pct >= t.troskelOverskottProcent) {
        hits.push({ rule: 'BUD-OVERSKOTT', row: line.row });
      }
    }
    if (!hasBudget && ((finite(line.utfall) && line.utfall !== 0) || (finite(line.prognos) && line.prognos !== 0))) {
      hits.push({ rule: 'BUD-UTAN-BUDGET', row: line.row });
    }
  }
  return hits;
}
