/**
 * loadRuleSet: validates rule and profile files (given as { path, json } so the CLI can read
 * them from disk and webpack can bundle them) and throws StyrkollError('REGELFIL') naming the
 * file and the JSON path of the first problems.
 */
import { z } from 'zod';
import { StyrkollError } from '../errors';
import { factsRead } from './compile';
import { SCOPE_FACTS, TARGET_FIELDS } from './facts';
import { Profile } from './profile-schema';
import { FAMILIES, Rule, type Param } from './rule-schema';
import { TEMPLATE_FORMATS, placeholders } from './template';

export interface FileInput {
  path: string;
  json: unknown;
}

export interface LoadedRule extends Rule {
  /** The file the rule came from. */
  file: string;
}

export interface RuleSet {
  /** Rules in file order. */
  rules: LoadedRule[];
  profiles: Record<string, Profile>;
  /** Every param by name (a name means the same threshold in every rule that uses it). */
  params: Record<string, Param>;
  /** Report templates, passed through unvalidated for src/core/report. */
  templates: FileInput[];
}

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
}

const SV = z.locales.sv();
const MAX_SHOWN = 3;

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out || '(roten)';
}

function fail(file: string, problems: Problem[]): never {
  const shown = problems.slice(0, MAX_SHOWN).map((p) => `${formatPath(p.path)}: ${p.message}`);
  const more = problems.length > MAX_SHOWN ? ` (och ${problems.length - MAX_SHOWN} fel till)` : '';
  throw new StyrkollError('REGELFIL', `Fel i regelfil ${file}: ${shown.join('; ')}${more}`, { file, problems });
}

function issues(error: z.ZodError, prefix: Path): Problem[] {
  return error.issues.map((i) => ({ path: [...prefix, ...(i.path as Path)], message: i.message }));
}

/** The rules of one file with their JSON path prefix; zod problems throw. */
function parseRuleFile(file: FileInput): { rule: Rule; at: Path }[] {
  const json = file.json;
  let entries: { value: unknown; at: Path }[];
  if (Array.isArray(json)) entries = json.map((value, i) => ({ value, at: [i] }));
  else if (json !== null && typeof json === 'object' && 'rules' in json && !('id' in json)) {
    const { rules, ...rest } = json as { rules: unknown };
    const extra = Object.keys(rest).filter((k) => k !== '$schema');
    if (extra.length > 0) fail(file.path, [{ path: [extra[0]], message: `Okänd nyckel: "${extra[0]}"` }]);
    if (!Array.isArray(rules)) fail(file.path, [{ path: ['rules'], message: 'Ska vara en lista med regler' }]);
    entries = rules.map((value, i) => ({ value, at: ['rules', i] }));
  } else entries = [{ value: json, at: [] }];
  if (entries.length === 0) fail(file.path, [{ path: [], message: 'Filen innehåller inga regler' }]);
  const problems: Problem[] = [];
  const out: { rule: Rule; at: Path }[] = [];
  for (const { value, at } of entries) {
    const parsed = Rule.safeParse(value, { error: SV.localeError });
    if (parsed.success) out.push({ rule: parsed.data, at });
    else problems.push(...issues(parsed.error, at));
  }
  if (problems.length > 0) fail(file.path, problems);
  return out;
}

/** Problems a schema cannot see: facts the scope lacks, placeholders, targets, folders. */
function checkRule(rule: Rule, at: Path, file: string, profiles: Record<string, Profile>): Problem[] {
  const problems: Problem[] = [];
  const scopeFacts = SCOPE_FACTS[rule.scope];
  const params = rule.params ?? {};
  const known = (name: string) => Object.prototype.hasOwnProperty.call(scopeFacts, name) || Object.prototype.hasOwnProperty.call(params, name);

  const folder = file.split('/').slice(-2, -1)[0];
  if ((FAMILIES as readonly string[]).includes(folder) && folder !== rule.category) {
    problems.push({ path: [...at, 'category'], message: `Regeln ligger i mappen ${folder} men har category "${rule.category}"` });
  }
  for (const name of Object.keys(params)) {
    if (Object.prototype.hasOwnProperty.call(scopeFacts, name)) {
      problems.push({ path: [...at, 'params', name], message: `Parametern har samma namn som ett faktum i scope ${rule.scope}` });
    }
  }
  for (const read of factsRead(rule.conditions, [...at, 'conditions'])) {
    if (!known(read.name)) problems.push({ path: read.path, message: `Okänt faktum "${read.name}" för scope ${rule.scope}` });
  }
  for (const field of ['message', 'suggestion'] as const) {
    for (const p of placeholders(rule[field])) {
      if (!known(p.name)) problems.push({ path: [...at, field], message: `Okänt faktum i ${p.raw}` });
      else if (p.format !== null && !(TEMPLATE_FORMATS as readonly string[]).includes(p.format)) {
        problems.push({ path: [...at, field], message: `Okänt format i ${p.raw} (tillåtna: ${TEMPLATE_FORMATS.join(', ')})` });
      }
    }
  }
  const targets = rule.target === undefined ? [] : Array.isArray(rule.target) ? rule.target : [rule.target];
  targets.forEach((t, i) => {
    if (!TARGET_FIELDS[rule.scope].includes(t)) {
      const path = Array.isArray(rule.target) ? [...at, 'target', i] : [...at, 'target'];
      problems.push({ path, message: `Okänd kolumn "${t}" för scope ${rule.scope}` });
    }
  });
  rule.profiles?.forEach((p, i) => {
    if (!profiles[p]) problems.push({ path: [...at, 'profiles', i], message: `Okänd profil "${p}"` });
  });
  rule.source.forEach((s, i) => {
    if (s.profile !== undefined && !profiles[s.profile]) problems.push({ path: [...at, 'source', i, 'profile'], message: `Okänd profil "${s.profile}"` });
  });
  return problems;
}

function loadProfiles(files: FileInput[]): Record<string, Profile> {
  const profiles: Record<string, Profile> = {};
  const from: Record<string, string> = {};
  for (const file of files) {
    const parsed = Profile.safeParse(file.json, { error: SV.localeError });
    if (!parsed.success) fail(file.path, issues(parsed.error, []));
    const name = parsed.data.name;
    if (from[name]) fail(file.path, [{ path: ['name'], message: `Profilen "${name}" finns redan i ${from[name]}` }]);
    profiles[name] = parsed.data;
    from[name] = file.path;
  }
  return profiles;
}

function sameParam(a: Param, b: Param): boolean {
  return a.default === b.default && a.setting === b.setting && a.kind === b.kind;
}

export function loadRuleSet(input: { rules: FileInput[]; profiles: FileInput[]; templates?: FileInput[] }): RuleSet {
  const profiles = loadProfiles(input.profiles);
  const rules: LoadedRule[] = [];
  const idFrom = new Map<string, string>();
  const params: Record<string, Param> = {};
  const paramFrom: Record<string, string> = {};

  for (const file of input.rules) {
    for (const { rule, at } of parseRuleFile(file)) {
      const problems = checkRule(rule, at, file.path, profiles);
      if (problems.length > 0) fail(file.path, problems);
      const earlier = idFrom.get(rule.id);
      if (earlier !== undefined) {
        fail(file.path, [{ path: [...at, 'id'], message: `Regel-id ${rule.id} finns redan i ${earlier}` }]);
      }
      idFrom.set(rule.id, file.path);
      for (const [name, param] of Object.entries(rule.params ?? {})) {
        if (params[name] && !sameParam(params[name], param)) {
          fail(file.path, [
            { path: [...at, 'params', name], message: `Parametern ${name} har en annan definition (default, setting eller kind) i ${paramFrom[name]}` },
          ]);
        }
        params[name] ??= param;
        paramFrom[name] ??= file.path;
      }
      rules.push({ ...rule, file: file.path });
    }
  }

  for (const file of input.profiles) {
    const json = file.json as { name: string };
    const profile = profiles[json.name];
    for (const name of Object.keys(profile.thresholds)) {
      if (!params[name]) fail(file.path, [{ path: ['thresholds', name], message: `Ingen regel har parametern "${name}"` }]);
    }
  }
  return { rules, profiles, params, templates: input.templates ?? [] };
}

