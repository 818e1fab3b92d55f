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
