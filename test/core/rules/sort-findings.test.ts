import fc from 'fast-check';
import { compareFindings, SEVERITIES, type Finding } from '../../../src/core/finding';
import { sortFindings } from '../../../src/core/rules/sort-findings';

const finding: fc.Arbitrary<Finding> = fc.record({
  rule: fc.constantFrom('BUD-UNDERSKOTT', 'BUD-UNDERSKOTT-STORT', 'IN-TAL', 'in-tal', 'MAL-X', 'ÅRS-A', 'Å', 'a', 'A'),
  category: fc.constant('budget' as const),
  severity: fc.constantFrom(...SEVERITIES),
  sheet: fc.constantFrom(null, '', 'Budget', 'budget', 'Mål', 'mål', 'Mal', 'Åtgärder', 'Ätgärder', 'Zeta', 'Öst'),
  row: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 })),
  cell: fc.constant(null),
  namnd: fc.constant(null),
  // A tag to tell equal findings apart: the order among them must be kept (a stable sort).
  message: fc.string({ maxLength: 3 }),
  source: fc.constant(''),
  suggestion: fc.constant(''),
});

describe('sortFindings', () => {
  // Negative, fractional or huge rows (never in a workbook) take the comparator path.
  const oddRow = finding.chain((f) => fc.constantFrom(-1, 2.5, 1e300).map((row) => ({ ...f, row })));
  test.each([
    ['rows of a workbook', fc.array(finding, { maxLength: 200 })],
    ['odd rows', fc.array(fc.oneof(finding, oddRow), { maxLength: 200 })],
  ])('gives exactly the order of a stable sort with compareFindings (%s)', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (findings) => {
        const expected = [...findings].sort(compareFindings);
        const actual = sortFindings([...findings]);
        expect(actual.length).toBe(expected.length);
        actual.forEach((f, i) => expect(f).toBe(expected[i]));
      }),
      { numRuns: 500 },
    );
  });
});

describe('finding order does not depend on the machine', () => {
  test('rule ids sort the same under a Danish default locale (where AA sorts as Å)', () => {
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const path = require('node:path') as typeof import('node:path');
    const dist = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'core');
    const script = `
      const { sortFindings } = require(${JSON.stringify(path.join(dist, 'rules', 'sort-findings.js'))});
      const { compareFindings } = require(${JSON.stringify(path.join(dist, 'finding.js'))});
      const f = (rule) => ({ rule, severity: 'fel', sheet: 'Budget', row: 2 });
      const ids = (list) => list.map((x) => x.rule).join(' ');
      console.log(JSON.stringify([Intl.Collator().resolvedOptions().locale, ids(sortFindings([f('AB-1'), f('AA-1')])), ids([f('AB-1'), f('AA-1')].sort(compareFindings))]));`;
    const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, LANG: 'da_DK.UTF-8', LC_ALL: 'da_DK.UTF-8' }, encoding: 'utf8' });
    const [locale, fast, plain] = JSON.parse(out) as string[];
    expect(locale).toBe('da-DK');
    expect(fast).toBe('AA-1 AB-1');
    expect(plain).toBe('AA-1 AB-1');
  });
});
