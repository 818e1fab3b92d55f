/**
 * A broken rule file in an installation: `check` says what is wrong with the rules, or with the
 * workbook when both are wrong (the workbook is read first).
 */
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyInstall, looksLikeStackTrace, REPO } from './run-cli';

describe('check with a broken rule file', () => {
  let root: string;
  let check: ReturnType<typeof copyInstall>['check'];
  beforeAll(() => {
    ({ root, check } = copyInstall('styrkoll-broken-rules-'));
    writeFileSync(path.join(root, 'rules', 'budget', 'trasig.json'), '{ "id": "BUD-TRASIG", ');
    writeFileSync(path.join(root, 'inte-xlsx.xlsx'), 'det här är ingen arbetsbok');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

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
