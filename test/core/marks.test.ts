import { mergeMarks } from '../../src/core/marks';
import { buildMarks } from '../../src/core/kontroll';
import type { Finding } from '../../src/core/finding';

describe('mergeMarks: one mark per cell, most severe wins', () => {
  test('the same cell in any spelling and any sheet case is one mark; notes are joined once each', () => {
    expect(
      mergeMarks([
        { sheet: 'Budget', cell: '$F$17', severity: 'info', note: 'a' },
        { sheet: 'BUDGET', cell: 'F17', severity: 'fel', note: 'b' },
        { sheet: 'Budget', cell: 'f17', severity: 'varning', note: 'a' },
        { sheet: 'Mål', cell: 'A2', severity: 'varning', note: '' },
        { sheet: 'Mål', cell: 'A2', severity: 'info', note: 'c' },
      ]),
    ).toEqual([
      { sheet: 'Budget', cell: 'F17', severity: 'fel', note: 'a\nb' },
      { sheet: 'Mål', cell: 'A2', severity: 'varning', note: 'c' },
    ]);
  });

  test('buildMarks and an adapter merging its output again agree (the merge is idempotent)', () => {
    const f = (over: Partial<Finding>): Finding => ({
      rule: 'R', category: 'budget', severity: 'info', sheet: 'Budget', row: 2, cell: 'F2', namnd: null, message: 'm', source: 's', suggestion: 'x', ...over,
    });
    const marks = buildMarks([f({ rule: 'A', severity: 'info' }), f({ rule: 'B', severity: 'fel', cell: '$F$2' }), f({ rule: 'C', cell: 'G3' })]);
    expect(marks).toEqual([
      { sheet: 'Budget', cell: 'F2', severity: 'fel', note: 'Info (A): m\nFel (B): m' },
      { sheet: 'Budget', cell: 'G3', severity: 'info', note: 'Info (C): m' },
    ]);
    expect(mergeMarks(marks)).toEqual(marks);
  });
});
