import { StyrkollError } from '../../src/core/errors';
import type { Finding } from '../../src/core/finding';
import { emptyFilter, groupFindings, namnderOf } from '../../taskpane/pane/findings-view-model';
import { toPaneMessage } from '../../taskpane/pane/messages';
import { progressShare, progressText } from '../../taskpane/pane/pane';
import { partitionRuleFiles } from '../../taskpane/rule-files';
import { fakeFindings } from '../../taskpane/preview/fake-result';

describe('findings list', () => {
  const findings: Finding[] = fakeFindings();

  it('groups in category order and leaves out empty groups', () => {
    const filter = emptyFilter();
    filter.severities = new Set(['fel']);
    expect(groupFindings(findings, filter).map((g) => [g.category, g.findings.length])).toEqual([['budget', 2], ['rod-trad', 1]]);
  });

  it('filters by nämnd and by every word of the text, ignoring case', () => {
    const filter = { ...emptyFilter(), namnd: 'Socialnämnden', text: 'ÄLDRE underskott' };
    expect(groupFindings(findings, filter).flatMap((g) => g.findings.map((f) => f.cell))).toEqual(['F17']);
  });

  it('lists nämnder sorted the Swedish way', () => {
    expect(namnderOf(findings)).toEqual(['Barn- och utbildningsnämnden', 'Kultur- och fritidsnämnden', 'Socialnämnden', 'Tekniska nämnden']);
  });
});

describe('pane messages', () => {
  it('passes a StyrkollError message through', () => {
    expect(toPaneMessage(new StyrkollError('REGELFIL', 'Fel i regelfil rules/budget/a.json: x'), 'Kontrollen')).toEqual({ title: 'Kontrollen misslyckades', detail: 'Fel i regelfil rules/budget/a.json: x' });
  });

  it('explains Office error codes in Swedish and never shows a stack', () => {
    expect(toPaneMessage(Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' }), 'Kontrollen').detail).toMatch(/för stort/);
    const odd = new Error('boom\n    at foo (x.js:1:1)');
    const m = toPaneMessage(odd, 'Kontrollen');
    expect(m.detail).toContain('(boom)');
    expect(m.detail).not.toContain('x.js');
  });

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

describe('bundled rule files', () => {
  it('sorts rules, profiles and templates apart and skips the JSON Schemas', () => {
    const f = (path: string) => ({ path, json: {} });
    const out = partitionRuleFiles([f('rules/profiles/flen.json'), f('rules/budget/b.json'), f('rules/schema/rule.schema.json'), f('rules/templates/t.json'), f('rules/budget/a.json')]);
    expect(out.rules.map((x) => x.path)).toEqual(['rules/budget/a.json', 'rules/budget/b.json']);
    expect(out.profiles.map((x) => x.path)).toEqual(['rules/profiles/flen.json']);
    expect(out.templates.map((x) => x.path)).toEqual(['rules/templates/t.json']);
  });
});
