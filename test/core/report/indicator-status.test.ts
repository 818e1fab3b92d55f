import fc from 'fast-check';
import { indicatorStatus, type IndicatorValues } from '../../../src/core/report/indicator-status';

const base: IndicatorValues = { baseline: 51, baselineYear: 2022, target: 55, targetYear: 2026, outcome: 53, outcomeYear: 2024, riktning: 'hogre' };

describe('indicatorStatus', () => {
  it('is on track exactly on the straight line from baseline to target', () => {
    const s = indicatorStatus(base);
    expect(s.expected).toBe(53);
    expect(s.status).toBe('i-fas');
    expect(indicatorStatus({ ...base, outcome: 52.9 }).status).toBe('ej-i-fas');
  });

  it('respects Lägre är bättre', () => {
    const lower: IndicatorValues = { ...base, baseline: 90, target: 50, riktning: 'lagre', outcome: 70 };
    expect(indicatorStatus(lower).expected).toBe(70);
    expect(indicatorStatus(lower).status).toBe('i-fas');
    expect(indicatorStatus({ ...lower, outcome: 71 }).status).toBe('ej-i-fas');
    expect(indicatorStatus({ ...lower, outcome: 49 }).status).toBe('uppnatt');
  });

  it('judges the given year, clamped to the span', () => {
    expect(indicatorStatus(base, 2023).expected).toBe(52);
    expect(indicatorStatus({ ...base, outcome: 54 }, 2030).expected).toBe(55);
    expect(indicatorStatus({ ...base, outcome: 54 }, 2030).status).toBe('ej-i-fas');
    expect(indicatorStatus(base, 2020).expected).toBe(51);
  });

  it('says when the data is missing', () => {
    expect(indicatorStatus({ ...base, outcome: null }).status).toBe('underlag-saknas');
    expect(indicatorStatus({ ...base, target: null }).onTrack).toBeNull();
    expect(indicatorStatus({ ...base, baseline: null }).label).toBe('Underlag saknas');
    expect(indicatorStatus({ ...base, baseline: null, outcome: 56 }).status).toBe('uppnatt');
  });

  it('mirrors: negating every value and flipping Riktning gives the same verdict', () => {
    const int = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(int, int, int, fc.integer({ min: 2000, max: 2010 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 12 }), (b, t, o, y0, span, dy) => {
        const ind: IndicatorValues = { baseline: b, baselineYear: y0, target: t, targetYear: y0 + span, outcome: o, outcomeYear: y0 + dy, riktning: 'hogre' };
        const mirrored: IndicatorValues = { ...ind, baseline: -b, target: -t, outcome: -o, riktning: 'lagre' };
        expect(indicatorStatus(mirrored).status).toBe(indicatorStatus(ind).status);
      }),
    );
  });
});
