/**
 * The repository stands alone: a clone has everything its tests, scripts and docs refer to. No
 * file points at a folder beside the clone or at an absolute path of one machine, the test data
 * carries its source and licence, and the test lanes in jest.config.js name files that exist.
 * `.ci/run` adds the run-time half: it runs the whole suite in a copy with nothing beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, MANIFEST_XSD_DIR, REPO_ROOT, STYRMODELL_DIR } from './fixtures/files';

/** Folders and files of the repository that are not its own text: installed, built or written by runs. */
const SKIP = new Set(['.git', 'node_modules', 'dist', 'coverage', 'test/.out', 'bench/.work', 'tmp']);
const TEXT = /\.(ts|js|cjs|mjs|json|md|html|css|ya?ml|sh|xml|txt)$/i;
const THIS_FILE = path.relative(REPO_ROOT, __filename);

/** What points outside the repository, with why. */
const OUTSIDE: [RegExp, string][] = [
  [/\/work\//, 'an absolute path of the machine the project was written on'],
  [/\.\.\/shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]/, 'a shared folder beside the repository'],
  [/(^|[^\w.-])shared\//, 'a shared folder beside the repository'],
  [/\b(REPO|ROOT|REPO_ROOT|repoRoot|root)\s*,\s*['"]\.\.['"]/, 'a path above the repository root'],
  [/['"`]\/(home|root|mnt|srv|data)\//, 'an absolute path of one machine'],
];

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    const rel = path.relative(REPO_ROOT, full).split(path.sep).join('/');
    if (SKIP.has(rel)) return [];
    if (e.isDirectory()) return textFiles(full);
    const bare = !path.extname(e.name) && /^(\.ci|bin)\//.test(rel);
    return e.isFile() && (TEXT.test(e.name) || bare) ? [rel] : [];
  });
}

describe('the repository stands alone', () => {
  const files = textFiles(REPO_ROOT);

  test('it has the text files to look through', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'jest.config.js', '.ci/run', 'src/cli/errors.ts', 'README.md']));
  });

  test('no source, test, script, doc or CI file refers to anything outside the repository', () => {
    const found: string[] = [];
    for (const file of files) {
      if (file === THIS_FILE) continue;
      readFileSync(path.join(REPO_ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const hit = OUTSIDE.find(([re]) => re.test(line));
          if (hit) found.push(`${file}:${i + 1}: ${hit[1]}: ${line.trim().slice(0, 160)}`);
        });
    }
    expect(found).toEqual([]);
  });

  test('the contract the source comments point at is in docs/', () => {
    expect(existsSync(path.join(REPO_ROOT, 'docs', 'workbook-format.md'))).toBe(true);
  });

  test.each([CORPUS_DIR, MANIFEST_XSD_DIR, STYRMODELL_DIR].map((d) => [path.relative(REPO_ROOT, d)]))(
    '%s is in the repository with a README giving source and licence',
    (dir) => {
      const readme = path.join(REPO_ROOT, dir, 'README.md');
      if (!existsSync(readme)) throw new Error(`${dir}/README.md is missing`);
      const text = readFileSync(readme, 'utf8');
      expect(text).toMatch(/licen[cs]e|upphovsrätt/i);
      expect(text).toMatch(/https:\/\/github\.com\/|publicera/i);
      expect(readdirSync(path.join(REPO_ROOT, dir)).filter((f) => f !== 'README.md').length).toBeGreaterThan(0);
    },
  );

  test('every file the integration lane names in jest.config.js exists', () => {
    const config = require(path.join(REPO_ROOT, 'jest.config.js')) as { projects: { displayName: string; testRegex?: string[] }[] };
    const integration = config.projects.find((p) => p.displayName === 'integration');
    expect(integration?.testRegex?.length).toBeGreaterThan(0);
    const tests = textFiles(path.join(REPO_ROOT, 'test')).filter((f) => f.endsWith('.test.ts'));
    const unmatched = integration!.testRegex!.filter((re) => !tests.some((f) => new RegExp(re).test(path.join(REPO_ROOT, f))));
    expect(unmatched).toEqual([]);
  });

  test('the test data is made of real files, not links out of the repository', () => {
    const links: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isSymbolicLink()) links.push(path.relative(REPO_ROOT, full));
        else if (e.isDirectory()) walk(full);
      }
    };
    for (const dir of [CORPUS_DIR, MANIFEST_XSD_DIR, STYRMODELL_DIR]) walk(dir);
    expect(links).toEqual([]);
    expect(statSync(CORPUS_DIR).isDirectory()).toBe(true);
  });
});
