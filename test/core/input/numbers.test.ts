import fc from 'fast-check';
import { formatSwedishNumber, formatSwedishNumberTrimmed, parseSwedishNumber } from '../../../src/core/input';
import { parseNumberText, parsePlainNumberText, toFixed } from '../../../src/core/input/numbers';

describe('parseSwedishNumber', () => {
  it.each<[string | number, number]>([
    [1234.5, 1234.5],
    [-0.25, -0.25],
    ['1 234 567', 1234567],
    ['1\u00a0234\u00a0567', 1234567],
    ['1\u202f234', 1234],
    ['1\u2009234', 1234],
    ['1 234,5', 1234.5],
    ['-12,5 %', -12.5],
    ['12,5%', 12.5],
    ['(1 200)', -1200],
    ['(1 200 kr)', -1200],
    ['1 234 tkr', 1234],
    ['12 kr', 12],
    ['\u22121 234', -1234],
    ['\u2013 500', -500],
    ['+42', 42],
    ['1234.5', 1234.5],
    ['1.234', 1.234],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234', 1.234],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    [',5', 0.5],
    ['  17  ', 17],
    ['1 234-', -1234],
    ['0', 0],
  ])('%p → %p', (input, expected) => {
    expect(parseSwedishNumber(input)).toBe(expected);
  });

  it.each<[string | null]>([[null], [''], ['   '], ['-'], ['\u2013']])('reads %p as empty', (input) => {
    expect(parseSwedishNumber(input)).toBeNull();
  });

  it.each<[string | boolean | number]>([['abc'], ['12 34'], ['1 2345'], ['12abc'], ['1.2.3'], ['--5'], ['(-5)'], ['#REF!'], [true], [NaN], [Infinity], ['1,2,3']])(
    'reads %p as unreadable',
    (input) => {
      expect(parseSwedishNumber(input)).toBeUndefined();
    },
  );
});

describe('formatSwedishNumber', () => {
  it.each<[number, number, string]>([
    [1234567, 0, '1\u00a0234\u00a0567'],
    [-1234.5, 1, '-1\u00a0234,5'],
    [0.5, 2, '0,50'],
    [999, 0, '999'],
    [-0.004, 2, '0,00'],
    [1234.5678, 2, '1\u00a0234,57'],
  ])('%p with %p decimals → %p', (n, d, text) => {
    expect(formatSwedishNumber(n, d)).toBe(text);
  });

  it('uses no decimals by default', () => {
    expect(formatSwedishNumber(1234.4)).toBe('1\u00a0234');
  });

  it('round-trips through parseSwedishNumber', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 6 }), (n, d) => {
        const text = formatSwedishNumber(n, d);
        const expected = Number(n.toFixed(d)) + 0; // + 0 turns -0 into 0
        expect(parseSwedishNumber(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips integers with spaces of every kind', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(' ', '\u00a0', '\u202f', '\u2009'), (n, space) => {
        const text = formatSwedishNumber(n).replace(/\u00a0/g, space);
        expect(parseSwedishNumber(text)).toBe(n + 0);
      }),
    );
  });
});

/** The plain way to write sv-SE numbers (toFixed, a regex for the groups): the fast formatter must agree. */
function referenceFormat(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return '';
  const d = Math.min(20, Math.max(0, Math.floor(Number.isFinite(decimals) ? decimals : 0)));
  const fixed = Math.abs(n).toFixed(d);
  if (fixed.includes('e')) return (n < 0 ? '-' : '') + fixed;
  const dot = fixed.indexOf('.');
  const intPart = dot === -1 ? fixed : fixed.slice(0, dot);
  const frac = dot === -1 ? '' : ',' + fixed.slice(dot + 1);
  const negative = n < 0 && Number(fixed) !== 0;
  return (negative ? '-' : '') + intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + frac;
}

function referenceTrimmed(n: number, decimals: number): string {
  const text = referenceFormat(n, decimals);
  return text.includes(',') ? text.replace(/0+$/, '').replace(/,$/, '') : text;
}

describe('the fast number formatter', () => {
  // Values near rounding ties (x,xx5), halves, large and tiny values, and the odd ones.
  const value = fc.oneof(
    fc.double({ min: -1e13, max: 1e13, noNaN: true }),
    fc.integer({ min: -1e7, max: 1e7 }).map((i) => i / 1000 + 0.0005),
    fc.integer({ min: -1e7, max: 1e7 }).map((i) => i / 200),
    fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 100 + 0.005),
    fc.double({ min: -1e25, max: 1e25, noNaN: true }),
    // Whole numbers, which take a path of their own, up to and beyond 2^40.
    fc.integer({ min: -2000, max: 2000 }),
    fc.maxSafeInteger(),
    fc.constantFrom(0, -0, 0.5, 1.5, 2.5, -2.5, 1.005, 0.045, 2 ** 40, 2 ** 53, 1e21, -1e21, Number.NaN, Number.POSITIVE_INFINITY, 0.49999999999999994),
  );
  const decimals = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(0.5, -1, 25));

  it('writes what toFixed and digit grouping write', () => {
    fc.assert(
      fc.property(value, decimals, (n, d) => {
        expect(formatSwedishNumber(n, d)).toBe(referenceFormat(n, d));
      }),
      { numRuns: 5000 },
    );
  });

  it('drops trailing zero decimals as the string way does', () => {
    fc.assert(
      fc.property(value, decimals, (n, d) => {
        expect(formatSwedishNumberTrimmed(n, d)).toBe(referenceTrimmed(n, d));
      }),
      { numRuns: 5000 },
    );
  });

  it('toFixed agrees with Number.prototype.toFixed for non-negative values', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 5 }), (n, d) => {
        const x = Math.abs(n);
        if (Number.isFinite(x)) expect(toFixed(x, d)).toBe(x.toFixed(d));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the fast path for plain number text', () => {
  it('agrees with the full parser on every string it accepts', () => {
    const chars = fc.constantFrom('0', '1', '2', '5', '9', ' ', '\u00a0', '\u202f', ',', '.', '-', '\u2212', 'k', '(');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const fast = parsePlainNumberText(text);
        if (fast !== undefined) expect(fast).toBe(parseNumberText(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the shapes exports write most', () => {
    for (const text of ['1 234', '-1\u00a0234,50', '12,5', '1234.5', '007']) expect(parsePlainNumberText(text)).toBe(parseNumberText(text));
    for (const text of ['1 23', '12 345 67', '1,234,567', ' 12', '1 234.', '']) expect(parsePlainNumberText(text)).toBeUndefined();
  });
});
