import fc from 'fast-check';
import { parseDateCell, parsePeriod, serialToIso } from '../../../src/core/input';

describe('parseDateCell', () => {
  it.each<[number | string, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45900, '2025-08-31'],
    [45900.75, '2025-08-31'],
    [2958465, '9999-12-31'],
    ['2025-08-31', '2025-08-31'],
    ['2025-8-1', '2025-08-01'],
    ['2025-08-31T12:30:00', '2025-08-31'],
    ['2025-08-31T00:00:00.000Z', '2025-08-31'],
    ['31/8/2025', '2025-08-31'],
    ['31.8.2025', '2025-08-31'],
    ['20250831', '2025-08-31'],
    ['31 augusti 2025', '2025-08-31'],
    ['29/2/2024', '2024-02-29'],
  ])('%p → %p', (input, iso) => {
    expect(parseDateCell(input)).toBe(iso);
  });

  it('reads empty cells as null', () => {
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell('  ')).toBeNull();
  });

  it.each<[number | string | boolean]>([[60], [0], [-3], [2958466], ['2025-02-30'], ['31/13/2025'], ['29/2/2025'], ['snart'], [true], ['2025-08']])(
    '%p is unreadable',
    (input) => {
      expect(parseDateCell(input)).toBeUndefined();
    },
  );

  it('agrees with a plain day count for every serial from 1 March 1900', () => {
    const base = Date.UTC(1899, 11, 30); // serial 0 once the 1900 leap-year bug is past
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        expect(serialToIso(serial)).toBe(new Date(base + serial * 86400000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('parsePeriod', () => {
  it.each<[number | string, number, number]>([
    ['2025-08', 2025, 8],
    ['2025-8', 2025, 8],
    ['augusti 2025', 2025, 8],
    ['Aug 2025', 2025, 8],
    ['aug. 2025', 2025, 8],
    ['2025M08', 2025, 8],
    [202508, 2025, 8],
    [45900, 2025, 8],
    ['2025-08-31', 2025, 8],
    ['31/8/2025', 2025, 8],
    ['december 2024', 2024, 12],
    ['maj 2025', 2025, 5],
  ])('%p → %i-%i', (input, year, month) => {
    expect(parsePeriod(input)).toEqual({ year, month });
  });

  it('reads empty as null and nonsense as unreadable', () => {
    expect(parsePeriod(null)).toBeNull();
    expect(parsePeriod('')).toBeNull();
    expect(parsePeriod('2025-13')).toBeUndefined();
    expect(parsePeriod('hösten 2025')).toBeUndefined();
    expect(parsePeriod(false)).toBeUndefined();
  });
});
