/** Choosing the profile and the rules that apply to it. */
import { StyrkollError } from '../errors';
import type { LoadedRule, RuleSet } from './load';
import type { Profile } from './profile-schema';
import { sourceText } from './findings';

export const DEFAULT_PROFILE = 'standard';

/**
 * The profile in force: the requested one (an option), else the workbook's Profil, else
 * standard. An unknown name is an error listing the valid ones.
 */
export function selectProfile(ruleSet: RuleSet, requested?: string | null, fromWorkbook?: string | null): Profile {
  const pick = (name: string, where: string): Profile => {
    const key = name.trim().toLocaleLowerCase('sv');
    const profile = ruleSet.profiles[key];
    if (profile) return profile;
    const valid = Object.keys(ruleSet.profiles).sort().join(', ') || '(inga profiler är laddade)';
    throw new StyrkollError('PROFIL', `Profilen "${name.trim()}"${where} finns inte. Giltiga profiler: ${valid}.`, { profile: name });
  };
  if (requested && requested.trim() !== '') return pick(requested, '');
  if (fromWorkbook && fromWorkbook.trim() !== '') return pick(fromWorkbook, ' i Inställningar');
  return pick(DEFAULT_PROFILE, '');
}

/** Rules whose family the profile uses and that are not limited to other profiles. */
export function activeRules(ruleSet: RuleSet, profile: Profile): LoadedRule[] {
  return ruleSet.rules.filter((r) => profile.families.includes(r.category) && (!r.profiles || r.profiles.includes(profile.name)));
}

export interface RuleListRow {
  id: string;
  title: string;
  /** One line for a listing: the title (same text as `title`). */
  description: string;
  category: LoadedRule['category'];
  severity: LoadedRule['severity'];
  scope: LoadedRule['scope'];
  /** The message template as written. */
  message: string;
  /** "Dokument, avsnitt" for the profile. */
  source: string;
  /** The clause the rule enforces, quoted from the styrmodell. */
  quote: string;
}

/** Rows for `styrkoll rules`: every rule active in the profile (all rules without one). */
export function listRules(ruleSet: RuleSet, profile?: string): RuleListRow[] {
  const chosen = profile === undefined ? null : selectProfile(ruleSet, profile);
  const rules = chosen ? activeRules(ruleSet, chosen) : ruleSet.rules;
  return rules.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.title,
    category: r.category,
    severity: r.severity,
    scope: r.scope,
    message: r.message,
    source: sourceText(r, chosen?.name ?? null),
    quote: sourceFor(r, chosen?.name ?? null).quote,
  }));
}

function sourceFor(rule: LoadedRule, profile: string | null): LoadedRule['source'][number] {
  return rule.source.find((s) => s.profile === profile) ?? rule.source.find((s) => s.profile === undefined) ?? rule.source[0];
}
