import { fillTemplate } from '../../../src/core/rules/template';

describe('templates', () => {
  const facts: Record<string, number | string | null> = { a: 1234567.891, p: 6, n: null, s: 'Socialnämnden' };
  const fill = (t: string, unit: 'kr' | 'tkr' | null = 'kr') => fillTemplate(t, (k) => facts[k], unit).replace(/\u00a0/g, ' ');
  test('formats numbers the Swedish way', () => {
    expect(fill('{a}')).toBe('1 234 567,89');
    expect(fill('{a:belopp}')).toBe('1 234 568 kr');
    expect(fill('{a:belopp}', 'tkr')).toBe('1 234 567,9 tkr');
    expect(fill('{a:belopp}', null)).toBe('1 234 568');
    expect(fill('{p:procent}')).toBe('6,0 %');
    expect(fill('{n} och {s}')).toBe('– och Socialnämnden');
  });
});
