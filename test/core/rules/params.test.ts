import { readThreshold } from '../../../src/core/rules/params';

describe('readThreshold', () => {
  test.each([
    [5, 'procent', 5],
    [0.05, 'procent', 5],
    ['5 %', 'procent', 5],
    ['0,5 %', 'procent', 0.5],
    ['100 000', 'belopp', 100000],
    [0.5, 'belopp', 0.5],
    ['fem', 'procent', null],
    [-1, 'procent', null],
    [true, 'antal', null],
  ] as const)('%p as %s → %p', (value, kind, expected) => {
    expect(readThreshold(value, kind)).toBe(expected);
  });
});
