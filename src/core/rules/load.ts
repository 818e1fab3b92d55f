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
import { FAMILIES, Params, Rule, SCOPES, type Param } from './rule-schema';
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

interface ParsedFile {
  rules: { rule: Rule; at: Path }[];
  /** The file's own `params` block (thresholds for the whole rule set). */
  params: Record<string, Param>;
}

/** The rules and declared params of one file with their JSON path prefix; zod problems throw. */
function parseRuleFile(file: FileInput): ParsedFile {
  const json = file.json;
  let entries: { value: unknown; at: Path }[];
  let params: Record<string, Param> = {};
  if (Array.isArray(json)) entries = json.map((value, i) => ({ value, at: [i] }));
  else if (json !== null && typeof json === 'object' && ('rules' in json || 'params' in json) && !('id' in json)) {
    const { rules, params: declared, ...rest } = json as { rules?: unknown; params?: unknown };
    const extra = Object.keys(rest).filter((k) => k !== '$schema');
    if (extra.length > 0) fail(file.path, [{ path: [extra[0]], message: `Okänd nyckel: "${extra[0]}"` }]);
    if (declared !== undefined) {
      const parsed = Params.safeParse(declared, { error: SV.localeError });
      if (!parsed.success) fail(file.path, issues(parsed.error, ['params']));
      params = parsed.data;
    }
    if (rules === undefined && declared !== undefined) return { rules: [], params };
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
  return { rules: out, params };
}

/** Problems a schema cannot see: facts the scope lacks, placeholders, targets, folders. */
function checkRule(rule: Rule, at: Path, file: string, profiles: Record<string, Profile>, declared: Record<string, Param>): Problem[] {
  const problems: Problem[] = [];
  const scopeFacts = SCOPE_FACTS[rule.scope];
  const params = { ...declared, ...rule.params };
  const known = (name: string) => Object.prototype.hasOwnProperty.call(scopeFacts, name) || Object.prototype.hasOwnProperty.call(params, name);

  const folder = file.split('/').slice(-2, -1)[0];
  if ((FAMILIES as readonly string[]).includes(folder) && folder !== rule.category) {
    problems.push({ path: [...at, 'category'], message: `Regeln ligger i mappen ${folder} men har category "${rule.category}"` });
  }
  for (const name of Object.keys(rule.params ?? {})) {
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

/** The declared params a rule reads (in its conditions, message or suggestion), with their declarations. */
function paramsRead(rule: Rule, declared: Record<string, Param>): Record<string, Param> | undefined {
  const scopeFacts = SCOPE_FACTS[rule.scope];
  const names = [
    ...Object.keys(rule.params ?? {}),
    ...factsRead(rule.conditions).map((r) => r.name),
    ...placeholders(rule.message).map((p) => p.name),
    ...placeholders(rule.suggestion).map((p) => p.name),
  ];
  const out: Record<string, Param> = {};
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(scopeFacts, name) && !rule.params?.[name]) continue;
    if (Object.prototype.hasOwnProperty.call(declared, name)) out[name] ??= declared[name];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Validates and loads a rule set. Threshold params are declared once, in a rule file's `params`
 * block, and are facts for every rule of the set; a rule that carries its own copy (older files)
 * is accepted when the copy is identical. Each loaded rule's `params` lists the declared params it
 * reads, so evaluation passes it exactly those.
 */
export function loadRuleSet(input: { rules: FileInput[]; profiles: FileInput[]; templates?: FileInput[] }): RuleSet {
  const profiles = loadProfiles(input.profiles);
  const rules: LoadedRule[] = [];
  const idFrom = new Map<string, string>();
  const params: Record<string, Param> = {};
  const paramFrom: Record<string, string> = {};
  const declare = (file: string, path: Path, name: string, param: Param) => {
    if (params[name] && !sameParam(params[name], param)) {
      fail(file, [{ path, message: `Parametern ${name} har en annan definition (default, setting eller kind) i ${paramFrom[name]}` }]);
    }
    params[name] ??= param;
    paramFrom[name] ??= file;
  };

  // Every declaration first, so a rule may read a param declared in any file.
  const parsed = input.rules.map((file) => ({ file, ...parseRuleFile(file) }));
  for (const { file, rules: fileRules, params: declared } of parsed) {
    for (const [name, param] of Object.entries(declared)) declare(file.path, ['params', name], name, param);
    for (const { rule, at } of fileRules) {
      for (const [name, param] of Object.entries(rule.params ?? {})) declare(file.path, [...at, 'params', name], name, param);
    }
  }
  for (const [name, from] of Object.entries(paramFrom)) {
    const scope = SCOPES.find((sc) => Object.prototype.hasOwnProperty.call(SCOPE_FACTS[sc], name));
    const own = parsed.find((p) => p.file.path === from)!;
    if (scope !== undefined && Object.prototype.hasOwnProperty.call(own.params, name)) {
      fail(from, [{ path: ['params', name], message: `Parametern har samma namn som ett faktum i scope ${scope}` }]);
    }
  }

  for (const { file, rules: fileRules } of parsed) {
    for (const { rule, at } of fileRules) {
      const problems = checkRule(rule, at, file.path, profiles, params);
      if (problems.length > 0) fail(file.path, problems);
      const earlier = idFrom.get(rule.id);
      if (earlier !== undefined) {
        fail(file.path, [{ path: [...at, 'id'], message: `Regel-id ${rule.id} finns redan i ${earlier}` }]);
      }
      idFrom.set(rule.id, file.path);
      const read = paramsRead(rule, params);
      const loaded: LoadedRule = { ...rule, file: file.path };
      if (read) loaded.params = read;
      else delete loaded.params;
      rules.push(loaded);
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
