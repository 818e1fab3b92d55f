import { progressShare, progressText } from '../../../taskpane/pane/pane';

describe('progress', () => {
  it('describes progress', () => {
    expect(progressText({ phase: 'regler', done: 1200, total: 4000 }, true)).toBe('Kör regler (1\u00a0200 av 4\u00a0000)');
    expect(progressText({ phase: 'klart', done: 1, total: 1 }, true)).toBe('Skriver bladet Kontroll…');
  });

  it('fills the bar while the workbook is read and the rules run, not for a one-step phase', () => {
    expect(progressShare({ phase: 'indata', done: 262_144, total: 1_048_576 })).toBe(0.25);
    expect(progressShare({ phase: 'regler', done: 1200, total: 4000 })).toBe(0.3);
    expect(progressShare({ phase: 'indata', done: 0, total: 0 })).toBeNull();
    expect(progressShare({ phase: 'indata', done: 0, total: 1 })).toBeNull();
    expect(progressShare({ phase: 'klart', done: 1, total: 1 })).toBeNull();
  });
});
