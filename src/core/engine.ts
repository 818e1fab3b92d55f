/**
 * The core's façade, long-lived as json-rules-engine's Engine is: built once from the rule files
 * (rules, profiles, report templates), with every validation done there, so a broken rule file or
 * report template is the same error in the CLI, the browser page, the pane and the ribbon. Then
 * `check(snapshot, options)` as often as needed: findings and a summary, with the model they were
 * made on as a separate handle (`model`) for reports.
 *
 *   const engine = Engine.fromFiles(files);            // throws StyrkollError REGELFIL or MALL
 *   const checked = await engine.check(snapshot, { profile, thresholds, mapping });
 *   buildKontrollSheet(checked); buildReports({ model: checked.model, result: checked, … });
 */
import { checkWorkbook, type CheckOptions } from './check';
import type { CheckedWorkbook } from './check-types';
import { StyrkollError } from './errors';
import { loadReportTemplates, type ReportTemplate } from './report/template-schema';
import { loadRuleSet, type FileInput, type RuleSet } from './rules/load';
import { listRules, type RuleListRow } from './rules/select';
import { sortRuleFiles, type RuleFiles } from './rule-files';
import type { WorkbookSnapshot } from './snapshot';

/** A profile as a surface offers it. */
export interface ProfileOption {
  id: string;
  name: string;
}

/** A threshold a surface lets the user set: a param with an Inställningar key. */
export interface ThresholdOption {
  /** The key as written in Inställningar, e.g. "Tröskel varning %"; also the key of `thresholds` in check options. */
  key: string;
  description: string;
  kind: 'procent' | 'belopp' | 'antal';
  defaultValue: number;
}

/** A report template as a surface offers it. */
export interface TemplateOption {
  id: string;
  title: string;
}

/** What a check may be told; the rule set is the engine's own. */
export type EngineCheckOptions = Omit<CheckOptions, 'ruleSet'>;

export class Engine {
  readonly ruleSet: RuleSet;
  private readonly templateMap: Map<string, ReportTemplate>;

  /** Files already sorted into rules, profiles and templates; every file is validated here. */
  constructor(files: RuleFiles) {
    this.ruleSet = loadRuleSet(files);
    this.templateMap = loadReportTemplates(files.templates);
  }

  /** Every JSON file under rules/ ("rules/…" paths, any order): sorted, then validated. */
  static fromFiles(files: readonly FileInput[]): Engine {
    return new Engine(sortRuleFiles(files));
  }

  profiles(): ProfileOption[] {
    return Object.entries(this.ruleSet.profiles).map(([id, p]) => ({ id, name: p.displayName }));
  }

  /** The thresholds with an Inställningar key, in the order the rule files declare them. */
  thresholds(): ThresholdOption[] {
    return Object.values(this.ruleSet.params)
      .filter((p) => p.setting)
      .map((p) => ({ key: p.setting!, description: p.description, kind: p.kind, defaultValue: p.default }));
  }

  templates(): TemplateOption[] {
    return [...this.templateMap.values()].map((t) => ({ id: t.id, title: t.title }));
  }

  /** A report template by id; `undefined` when there is none. */
  template(id: string): ReportTemplate | undefined {
    return this.templateMap.get(id);
  }

  /** A report template by id, or a Swedish MALL error naming the choice. */
  requireTemplate(id: string): ReportTemplate {
    const t = this.templateMap.get(id);
    if (!t) throw new StyrkollError('MALL', `Rapportmallen ${id} finns inte. Välj en annan mall.`);
    return t;
  }

  /** Rows for `styrkoll rules`: the rules active in the profile (all rules without one). */
  listRules(profile?: string): RuleListRow[] {
    return listRules(this.ruleSet, profile);
  }

  /** Snapshot → model → rules → sorted findings and a summary, and the model as the handle for reports. */
  check(snapshot: WorkbookSnapshot, options: EngineCheckOptions = {}): Promise<CheckedWorkbook> {
    return checkWorkbook(snapshot, { ...options, ruleSet: this.ruleSet });
  }
}
