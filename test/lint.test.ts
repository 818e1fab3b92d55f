/**
 * The lint rule that keeps src/core/index.ts the core's only public entry (eslint.config.mjs)
 * fires: code outside src/core that imports a core file other than the index fails `npm run
 * lint`, and with it `npm test`. Each case is linted with the repository's own config through
 * ESLint's command line, as `npm run lint` does.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(file: string, code: string): { rc: number | null; out: string } {
  const r = spawnSync(process.execPath, [ESLINT, '--stdin', '--stdin-filename', file], { cwd: ROOT, input: code, encoding: 'utf8' });
  return { rc: r.status, out: r.stdout + r.stderr };
}

describe('only src/core/index.ts is imported from outside the core', () => {
  test.each([
    ['src/cli/probe.ts', "import { checkWorkbook } from '../core/check';"],
    ['src/xlsx/write/probe.ts', "import type { CellMark } from '../../core/sheet-spec';"],
    ['taskpane/probe.ts', "export { Engine } from '../src/core/engine';"],
    ['taskpane/pane/probe.ts', "import * as core from '../../src/core/input/text';"],
    ['scripts/probe.ts', "const rules = import('../src/core/rules');"],
    ['src/node/probe.ts', "const core = require('../core/kontroll');"],
  ])('%s: %s fails the lint', (file, code) => {
    const { rc, out } = lint(file, code);
    expect(rc).toBe(1);
    expect(out).toContain('Importera kärnan från src/core/index.ts');
  });

  test.each([
    ['src/cli/probe.ts', "import { Engine } from '../core';\nconst core = import('../core');"],
    ['taskpane/probe.ts', "import type { CheckResult } from '../src/core';"],
    ['src/core/rules/probe.ts', "import { checkWorkbook } from '../check';\nimport { blank } from './line-facts';"],
    ['test/core/probe.test.ts', "import { checkModel } from '../../src/core/check';"],
    ['src/cli/probe2.ts', "import { StyrkollError } from '../common/errors';"],
  ])('%s: %s passes', (file, code) => {
    const { rc, out } = lint(file, code);
    expect([rc, out]).toEqual([0, '']);
  });
});
