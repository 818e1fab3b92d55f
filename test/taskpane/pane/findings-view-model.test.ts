import type { Finding } from '../../../src/core/finding';
import { emptyFilter, groupFindings, namnderOf } from '../../../taskpane/pane/findings-view-model';
import { fakeFindings } from '../../../taskpane/preview/fake-result';

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
