/**
 * A broken rule file in an installation: `check` says what is wrong with the rules, or with the
 * workbook when both are wrong (the workbook is read first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { looksLikeStackTrace, REPO } from './run-cli';

describe('check with a broken rule file', () => {
  let root: string;
  beforeAll(() => {
    // A copy of the installed package (the CLI finds rules/ beside its package.json).
    root = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-broken-rules-'));
    for (const part of ['package.json', 'bin', 'dist/src', 'rules']) cpSync(path.join(REPO, part), path.join(root, part), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    writeFileSync(path.join(root, 'rules', 'budget', 'trasig.json'), '{ "id": "BUD-TRASIG", ');
    writeFileSync(path.join(root, 'inte-xlsx.xlsx'), 'det här är ingen arbetsbok');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const check = (file: string) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'styrkoll.js'), 'check', file, '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  test('a good workbook: the rule file is named, exit 2, no stack trace', () => {
    const r = check(path.join(REPO, 'examples', 'hedemora-delarsrapport-2025-08.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('trasig.json');
    expect(looksLikeStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });

  test('a file that is not a workbook: that is said first', () => {
    const r = check(path.join(root, 'inte-xlsx.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('trasig.json');
    expect(r.stderr).toContain('inte en Excel-arbetsbok');
    expect(looksLikeStackTrace(r.stderr)).toBe(false);
  });
});
