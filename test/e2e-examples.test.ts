/**
 * End to end on the example workbooks: read the committed .xlsx, run every rule from rules/ with
 * the example's profile, and compare with the hand-verified list in e2e-examples.expected.json
 * and with the planted problems in examples/planted.json. Any extra or missing finding fails.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkWorkbook } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import { loadRuleSet, type RuleSet } from '../src/core/rules/load';
import { readRuleFiles } from '../src/node/rule-files';
import { readWorkbook } from '../src/xlsx/read';

interface Planted {
  file: string;
  sheet: string;
  row: number | null;
  category: string;
  kind: string;
  finding: boolean;
}
interface Expected {
  rule: string;
  sheet: string;
  row: number;
}

const EXAMPLES = join(__dirname, '..', 'examples');
const FILES = ['hedemora-delarsrapport-2025-08.xlsx', 'flen-namndrapport-2-2025.xlsx'];

let ruleSet: RuleSet;
let planted: Planted[];
let expected: Record<string, { profile: string; findings: Expected[] }>;
const results: Record<string, Finding[]> = {};

const key = (x: { rule: string; sheet: string | null; row: number | null }) => `${x.sheet}!${x.row} ${x.rule}`;

beforeAll(async () => {
  ruleSet = loadRuleSet(await readRuleFiles());
  planted = JSON.parse(await readFile(join(EXAMPLES, 'planted.json'), 'utf8'));
  expected = JSON.parse(await readFile(join(__dirname, 'e2e-examples.expected.json'), 'utf8'));
  for (const file of FILES) {
    const snapshot = await readWorkbook(await readFile(join(EXAMPLES, file)));
    results[file] = (await checkWorkbook(snapshot, { ruleSet, profile: expected[file].profile })).findings;
  }
});

describe.each(FILES)('%s', (file) => {
  test('gives exactly the hand-verified findings', () => {
    expect(results[file].map(key).sort()).toEqual(expected[file].findings.map(key).sort());
  });

  test('finds every planted problem in its category on its sheet and row', () => {
    const problems = planted.filter((p) => p.file === file && p.finding);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      const hit = results[file].filter((f) => f.sheet === p.sheet && f.row === p.row && f.category === p.category);
      expect({ planted: `${p.sheet}!${p.row} ${p.kind}`, found: hit.length }).toEqual({ planted: `${p.sheet}!${p.row} ${p.kind}`, found: 1 });
    }
  });

  test('reports nothing that is not planted, and nothing on the hard but valid cells', () => {
    const problems = planted.filter((p) => p.file === file && p.finding);
    for (const f of results[file]) {
      expect({ finding: key(f), planted: problems.some((p) => p.sheet === f.sheet && p.row === f.row && p.category === f.category) }).toEqual({
        finding: key(f),
        planted: true,
      });
    }
    for (const p of planted.filter((q) => q.file === file && !q.finding)) {
      expect(results[file].filter((f) => f.sheet === p.sheet && f.row === p.row).map(key)).toEqual([]);
    }
  });

  test('every finding points at a cell on its row and carries Swedish text', () => {
    for (const f of results[file]) {
      expect(f.cell).toMatch(new RegExp(`^[A-Z]+${f.row}$`));
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.suggestion.length).toBeGreaterThan(10);
      expect(f.message).not.toMatch(/undefined|NaN|\{/);
    }
  });
});
