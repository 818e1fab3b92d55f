import { promises as fs, existsSync } from 'node:fs';
import * as path from 'node:path';
import { compareSwedish, sortRuleFiles, type FileInput, type RuleFiles } from '../core';
import { StyrkollError } from '../common/errors';

export type JsonFile = FileInput;
export type { RuleFiles };

/** The repository (package) root: the nearest folder above this module with a package.json and rules/. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'rules'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new StyrkollError('REGELFIL', 'Hittar inte mappen rules/ – är Styrkoll installerat korrekt?');
    dir = up;
  }
}

/**
 * Reads every JSON file under rules/ and sorts them into rule files per family, profiles/ and
 * templates/ with the core's sortRuleFiles (the rule the bundled pages use too); schema/ holds the
 * generated JSON Schemas and is left out.
 */
export async function readRuleFiles(rulesDir: string = path.join(packageRoot(), 'rules')): Promise<RuleFiles> {
  const files: FileInput[] = [];
  for (const file of await listJson(rulesDir)) {
    const rel = path.relative(path.dirname(rulesDir), file).split(path.sep).join('/');
    const top = path.relative(rulesDir, file).split(path.sep)[0];
    if (top === 'schema' || file.endsWith('.schema.json')) continue;
    let json: unknown;
    try {
      json = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (err) {
      throw new StyrkollError('REGELFIL', `${rel}: ogiltig JSON (${err instanceof Error ? err.message : String(err)}).`);
    }
    files.push({ path: rel, json });
  }
  return sortRuleFiles(files);
}

async function listJson(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => compareSwedish(a.name, b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listJson(full)));
    else if (e.isFile() && e.name.endsWith('.json')) files.push(full);
  }
  return files;
}
