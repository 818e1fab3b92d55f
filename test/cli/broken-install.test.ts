/**
 * An installation that lacks one of the check's modules: `check` loads them while the worker reads
 * the workbook, and still reports the workbook's own problem first, then the missing module –
 * with exit 2 and no stack trace either way.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { looksLikeStackTrace, REPO } from './run-cli';

describe('check in an installation without the package writer', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'styrkoll-broken-install-'));
    for (const part of ['package.json', 'bin', 'dist/src', 'rules']) cpSync(path.join(REPO, part), path.join(root, part), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    rmSync(path.join(root, 'dist', 'src', 'xlsx', 'write'), { recursive: true });
    writeFileSync(path.join(root, 'inte-xlsx.xlsx'), 'det här är ingen arbetsbok');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const check = (file: string) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'styrkoll.js'), 'check', file, '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  test('a good workbook: the missing module is named, exit 2, no stack trace', () => {
    const r = check(path.join(REPO, 'examples', 'hedemora-delarsrapport-2025-08.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/xlsx\/write/);
    expect(looksLikeStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });

  test('a file that is not a workbook: that is said, not the missing module', () => {
    const r = check(path.join(root, 'inte-xlsx.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('inte en Excel-arbetsbok');
    expect(r.stderr).not.toMatch(/xlsx\/write/);
    expect(looksLikeStackTrace(r.stderr)).toBe(false);
  });
});
