import { CONTRACT_SHEET_NAMES, findSheet } from '../../../src/core/input';
import { budget, sheet, workbook } from './builders';

describe('sheet lookup', () => {
  it.each([
    ['Mål', 'mal'],
    ['mal', 'mal'],
    [' MÅL ', 'mal'],
    ['Atgarder', 'atgarder'],
    ['Åtgärdsplaner', 'atgarder'],
    ['Installningar', 'installningar'],
    ['INDIKATORER', 'indikatorer'],
  ] as const)('finds %p as %p', (name, kind) => {
    expect(findSheet(workbook(sheet('Övrigt', []), sheet(name, [])), kind)?.name).toBe(name);
  });

  it('prefers the exact name over a folded one', () => {
    expect(findSheet(workbook(sheet('Mal', []), sheet('Mål', [])), 'mal')?.name).toBe('Mål');
  });

  it('does not take "Mål och indikatorer" for either sheet', () => {
    const wb = workbook(sheet('Mål och indikatorer', []));
    expect(findSheet(wb, 'mal')).toBeNull();
    expect(findSheet(wb, 'indikatorer')).toBeNull();
  });
});

describe('CONTRACT_SHEET_NAMES', () => {
  const kinds = ['budget', 'mal', 'indikatorer', 'uppdrag', 'atgarder', 'installningar'] as const;

  it('lists every name findSheet accepts, so a reader that filters by name keeps those sheets', () => {
    const listed = new Set(CONTRACT_SHEET_NAMES.map((n) => n.trim().toLocaleLowerCase('sv')));
    for (const name of ['Budget', 'Mål', 'Mal', 'Indikatorer', 'Uppdrag', 'Åtgärder', 'Atgarder', 'Åtgärdsplan', 'atgardsplan', 'Inställningar', 'Installningar']) {
      expect(listed.has(name.toLocaleLowerCase('sv'))).toBe(true);
    }
  });

  it('lists only names that findSheet accepts', () => {
    for (const name of CONTRACT_SHEET_NAMES) {
      const wb = workbook(sheet(name, []));
      expect(kinds.some((k) => findSheet(wb, k) !== null)).toBe(true);
    }
  });
});
