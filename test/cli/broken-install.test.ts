/**
 * An installation that lacks one of the check's modules: `check` loads them while the worker reads
 * the workbook, and still reports the workbook's own problem first, then the missing module –
 * with exit 2 and no stack trace either way. The package writer runs in a worker of its own (only
 * for -o): without it a check still works, and `check -o` names what is missing.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyInstall, looksLikeStackTrace, REPO } from './run-cli';

describe('check in an installation without the package writer', () => {
  let root: string;
  let check: ReturnType<typeof copyInstall>['check'];
  beforeAll(() => {
    ({ root, check } = copyInstall('styrkoll-broken-install-'));
    rmSync(path.join(root, 'dist', 'src', 'xlsx', 'write'), { recursive: true });
    writeFileSync(path.join(root, 'inte-xlsx.xlsx'), 'det här är ingen arbetsbok');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a good workbook: the check needs no writer', () => {
    const r = check(path.join(REPO, 'examples', 'hedemora-delarsrapport-2025-08.xlsx'));
    expect(r.status).toBe(0);
  });

  test('a good workbook with -o: the missing module is named, exit 2, no stack trace, no output', () => {
    const out = path.join(root, 'ut.xlsx');
    const r = check(path.join(REPO, 'examples', 'hedemora-delarsrapport-2025-08.xlsx'), ['-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^styrkoll: Styrkoll är inte fullständigt installerad \(.*xlsx\/write saknas\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(looksLikeStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test('a file that is not a workbook: that is said, not the missing module', () => {
    const r = check(path.join(root, 'inte-xlsx.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('inte en Excel-arbetsbok');
    expect(r.stderr).not.toMatch(/xlsx\/write/);
    expect(looksLikeStackTrace(r.stderr)).toBe(false);
  });
});
