/**
 * Sorting the files under rules/ into rule files, profiles and report templates: the one rule
 * the CLI (files from disk) and the pages (files bundled by webpack) share. Paths are given from
 * the folder that holds the rules folder, "rules/<folder>/<file>.json" (the first segment is the
 * rules folder, whatever its name). rules/schema/ and any *.schema.json are JSON Schemas for editors,
 * not rule files, and are left out. Within each kind the files are in path order, folder by
 * folder, compared as Swedish (the order rules are listed and evaluated in).
 */
import { compareSwedish } from './finding';
import type { FileInput } from './rules/load';

export interface RuleFiles {
  rules: FileInput[];
  profiles: FileInput[];
  templates: FileInput[];
}

/** Compares two paths folder by folder: "rules/mal/x.json" before "rules/mal-medel/a.json". */
export function compareRulePaths(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    // A file sorts among the folders of its level by its name, as a directory listing does.
    const c = compareSwedish(as[i], bs[i]);
    if (c !== 0) return c;
  }
  return as.length - bs.length;
}

/** The path below the rules folder: "rules/profiles/flen.json" → "profiles/flen.json". */
const inRules = (path: string): string => path.split('/').slice(1).join('/');

/** Whether a path ("rules/…") is one of the JSON Schemas. */
export const isSchemaFile = (path: string): boolean => inRules(path).startsWith('schema/') || path.endsWith('.schema.json');

export function sortRuleFiles(files: readonly FileInput[]): RuleFiles {
  const out: RuleFiles = { rules: [], profiles: [], templates: [] };
  for (const f of [...files].sort((a, b) => compareRulePaths(a.path, b.path))) {
    if (isSchemaFile(f.path)) continue;
    const rel = inRules(f.path);
    if (rel.startsWith('profiles/')) out.profiles.push(f);
    else if (rel.startsWith('templates/')) out.templates.push(f);
    else out.rules.push(f);
  }
  return out;
}
